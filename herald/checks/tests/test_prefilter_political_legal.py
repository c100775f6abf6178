"""The political and legal rules ask a word list only when the engine's one prefilter mask has its bit
(``textutil.Prefilter``, read once per text in ``engine._collect``): that gives the same hits as asking
every list, over the bench corpus, every labelled test text, every phrase of the lists and seeded random
mixes of the edge cases (phrases alone, glued to others and run on, digits in every position, symbols,
"#", "@", case, Unicode, and letters a case-blind pattern reads as others)."""

import random

import pytest

from herald.checks import legal, political
from herald.checks.engine import _compiled, default_rules
from herald.checks.model import Councillor
from herald.checks.political import Register, check_political

from .test_prefilter import _corpus_texts

RULES = default_rules()
COMPILED = _compiled(RULES)
PREFILTER = COMPILED.prefilter
REGISTER = Register(
    (Councillor("Stuart Bray", "Liberal Democrat", "Burbage"), Councillor("Amanda Wright", "Conservative", "Barwell"))
)
WINDOW = int(RULES.thresholds["defamation_window"])
LISTS = ("parties", "campaign_terms", "campaign_terms_first_person", "election_admin", "candidate_guidance")
LISTS += ("allegations", "live_case", "allegation_safe_names", "confidential_markings", "exempt_markers")
LISTS += ("internal_reference_words",)


def _political_hits(text: str, mask: int, wards: tuple[str, ...] = ("Burbage",)) -> list[tuple]:
    hits: list[tuple] = []
    check_political(text, COMPILED.political, REGISTER, wards, lambda *a, **f: hits.append((a, f)), None, mask)
    return hits


def _legal_hits(text: str, mask: int) -> list[tuple]:
    hits: list[tuple] = []
    people = [(s, e, c.name) for s, e, c in REGISTER.find(text)]
    legal.check_legal(text, COMPILED.legal, people, WINDOW, lambda *a, **f: hits.append((a, f)), mask)
    return hits


def _phrases() -> list[str]:
    return sorted({phrase.strip("*") for name in LISTS for phrase in RULES.words[name]})


def _phrase_texts() -> list[str]:
    texts = []
    for bare in _phrases():
        texts += [bare, f"Cllr Bray said {bare} today.", bare.upper(), bare + "ing", "x" + bare + "y", f"#{bare}"]
    return texts


_PIECES = _phrases() + (
    ["I", "we", "our", "you", "vote", "for", "the", "is", "a", "Cllr Bray", "Stuart Bray", "Amanda Wright", "@CllrB",
     "Mr Patel", "Smith Builders Ltd", "said", "says", "election", "candidate", "Labour", "Green", "Reform", "HR-2815",
     "CASE 12", "07911 123456", "LE10 1AB", "ſupporters", "ıncompetent", "İndependent", "ſchedule", "é", "😉", "—",
     ".", "!", "?", ",", "\n", "2", "0:41", '"']
)  # fmt: skip


def _mixes(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        words = [rng.choice(_PIECES) for _ in range(rng.randint(1, 14))]
        if rng.random() < 0.3:  # a digit or symbol at the start, inside or at the end of a word
            i = rng.randrange(len(words))
            j = rng.randint(0, len(words[i]))
            words[i] = words[i][:j] + rng.choice("0123456789@$*!|#_-") + words[i][j:]
        if rng.random() < 0.2:
            words = [w.upper() if rng.random() < 0.5 else w.title() for w in words]
        texts.append(rng.choice((" ", " ", ", ", "")).join(words))
    return texts


def test_every_gated_word_list_reads_its_own_bit_of_the_shared_mask():
    # the shortcut is live: each list's bit is the one the shared prefilter sets for it
    for family, gated in ((COMPILED.political, political.GATED), (COMPILED.legal, legal.GATED)):
        for name in gated:
            matcher = getattr(family, name)
            assert matcher.prefilter is PREFILTER, name
            assert family.bits[name] == matcher.bit != -1, name


@pytest.mark.parametrize("part", range(3))
def test_the_political_rules_with_the_mask_give_what_asking_every_list_gives(part):
    texts = (_corpus_texts() + _phrase_texts())[part::3] + _mixes(700, 20 + part)
    found = 0
    for text in texts:
        masked = _political_hits(text, PREFILTER.mask(text))
        assert masked == _political_hits(text, -1), text
        found += bool(masked)
    assert found > 200  # the texts do find things


@pytest.mark.parametrize("part", range(3))
def test_the_legal_rules_with_the_mask_give_what_asking_every_list_gives(part):
    texts = (_corpus_texts() + _phrase_texts())[part::3] + _mixes(700, 30 + part)
    found = 0
    for text in texts:
        masked = _legal_hits(text, PREFILTER.mask(text))
        assert masked == _legal_hits(text, -1), text
        found += bool(masked)
    assert found > 200


@pytest.mark.parametrize(
    ("name", "text", "rule"),
    [
        ("party", "The Tories have let us down again.", "party-name"),
        ("campaign", "Our candidate will fix the roads.", "campaign-language"),
        ("campaign_first_person", "We are fielding candidates in every ward.", "campaign-language"),
    ],
)
def test_a_political_list_whose_bit_were_clear_would_lose_its_finding(name, text, rule):
    # what the comparison above guards against: a mask that did not answer for a list loses its hits
    mask = PREFILTER.mask(text)
    assert mask & COMPILED.political.bits[name]
    assert rule in [a[0] for a, _ in _political_hits(text, mask)]
    assert rule not in [a[0] for a, _ in _political_hits(text, mask & ~COMPILED.political.bits[name])]


@pytest.mark.parametrize(
    ("name", "text", "rule"),
    [
        ("allegation", "Cllr Bray is corrupt and everyone knows it.", "allegation"),
        ("live_case", "Amanda Wright has been charged with theft.", "live-case"),
        ("confidential", "CONFIDENTIAL: draft budget figures attached.", "confidential-marking"),
        ("exempt", "This exempt report is not for the public.", "exempt-report"),
        ("internal", "See the grievance file for details.", "internal-reference"),
    ],
)
def test_a_legal_list_whose_bit_were_clear_would_lose_its_finding(name, text, rule):
    mask = PREFILTER.mask(text)
    assert mask & COMPILED.legal.bits[name]
    assert rule in [a[0] for a, _ in _legal_hits(text, mask)]
    assert rule not in [a[0] for a, _ in _legal_hits(text, mask & ~COMPILED.legal.bits[name])]
