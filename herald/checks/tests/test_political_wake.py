"""The political rules run on a text only when ``political._wakes`` says one of them can find something in
it (one of their wake words' sets in the engine's prefilter mask, a party or campaign list's bit, a member
of the register named, a share of an "@" handle). Woken or skipped, the hits are the ones running every rule
gives: over the bench corpus, every labelled text, every sentence of the political tests, every wake word
in many shapes and seeded mixes of the edge cases."""

import ast
import random
from pathlib import Path

import pytest

from herald.checks import political
from herald.checks.engine import _compiled, default_rules
from herald.checks.model import Councillor
from herald.checks.political import PartyThresholds, Register, check_political

from .test_prefilter import _corpus_texts

RULES = default_rules()
COMPILED = _compiled(RULES)
PREFILTER = COMPILED.prefilter
M = COMPILED.political
REGISTER = Register(
    (Councillor("Stuart Bray", "Liberal Democrat", "Burbage"), Councillor("Amanda Wright", "Conservative", "Barwell"))
)
EMPTY = Register(())
PARTY = PartyThresholds(
    RULES.thresholds["party_model_threshold"],
    RULES.thresholds["party_model_short_threshold"],
    int(RULES.thresholds["party_model_short_words"]),
)
HERE = Path(__file__).resolve().parent


def _hits(text: str, mask: int, register: Register = REGISTER, party: PartyThresholds | None = None) -> list[tuple]:
    hits: list[tuple] = []
    check_political(text, M, register, ("Burbage",), lambda *a, **f: hits.append((a, f)), party, mask)
    return hits


def _test_sentences() -> list[str]:
    """Every string of more than one word in the political tests: their examples and counter-examples."""
    texts = []
    for path in sorted(HERE.glob("test_political*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value.strip():
                texts.append(node.value)
    return texts


def _wake_words() -> list[str]:
    return sorted({word for words in M.wake for word in words})


def _wake_texts() -> list[str]:
    texts = []
    for words in M.wake:
        joined = " ".join(sorted(words))
        texts += [joined, joined.upper(), f"I said {joined} today.", "x" + joined + "y", joined.replace(" ", "-")]
    return texts


_PIECES = _wake_words() + (
    ["I", "we", "We", "our", "you", "vote", "for", "the", "a", "of", "this", "under", "would", "have", "'ve", "re-",
     "re-elected", "reelection", "by-election", "Cllr Bray", "Stuart Bray", "Amanda Wright", "RT @CllrBray",
     "via @labour", "shared from @greens", "#VoteLabour", "#voteconservative", "Labour", "Conservative", "Plaid",
     "Green", "Reform", "Residents' Association", "Independent", "ſupporters", "ıncompetent", "İndependent",
     "leaderſhip", "\u212aept", "é", "😉", "—", ".", "!", "?", ",", "\n", "2", '"', "@", "Promoted by"]
)  # fmt: skip


def _mixes(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        words = [rng.choice(_PIECES) for _ in range(rng.randint(1, 12))]
        if rng.random() < 0.2:
            words = [w.upper() if rng.random() < 0.5 else w.title() for w in words]
        texts.append(rng.choice((" ", " ", ", ", "")).join(words))
    return texts


@pytest.mark.parametrize("part", range(3))
def test_the_political_rules_woken_give_what_running_them_always_gives(part):
    texts = (_corpus_texts() + _test_sentences() + _wake_texts())[part::3] + _mixes(1500, 40 + part)
    found = skipped = 0
    for text in texts:
        mask = PREFILTER.mask(text)
        woken = _hits(text, mask)
        assert woken == _hits(text, -1), text  # -1: every bit set, so every rule runs
        assert _hits(text, mask, EMPTY) == _hits(text, -1, EMPTY), text
        found += bool(woken)
        skipped += not political._wakes(text, M, REGISTER, mask)
    assert found > 300 and skipped > 300  # the texts find things, and the gate skips many


def test_the_party_model_still_reads_a_text_that_wakes_no_rule():
    text = "We will scrap the unfair charges and put power back in the hands of local people."
    mask = PREFILTER.mask(text)
    assert not political._wakes(text, M, REGISTER, mask)
    with_model = _hits(text, mask, party=PARTY)
    assert with_model == _hits(text, -1, party=PARTY)
    assert [a[0] for a, _ in with_model] == ["party-model"]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("We could have won the ward last May.", "campaign-language"),
        ("Residents' Association candidates are standing in Barwell.", "party-name"),
        ("Let's get the current regime out, under this administration bills have soared", "campaign-language"),
    ],
)
def test_a_clear_political_bit_would_lose_the_finding(text, rule):
    # what the comparison above guards against: without the wake words' bit these texts skip the rules
    mask = PREFILTER.mask(text)
    assert mask & M.bits["political"]
    assert rule in [a[0] for a, _ in _hits(text, mask)]
    assert _hits(text, mask & ~M.bits["political"]) == []


def test_a_named_member_or_a_shared_handle_wakes_the_rules_without_a_wake_word():
    assert [a[0] for a, _ in _hits("Thanks Stuart Bray, great day out.", 0)] == ["councillor-named"]
    assert [a[0] for a, _ in _hits("RT @ukip_news: bins out today", 0)] == ["political-share"]
    assert _hits("Thanks for the great day out.", 0) == []


def test_every_round_of_rules_is_one_the_wake_words_were_written_for():
    # a new round (or rule gated on new words) must add its words to political._WAKE: this fails as a reminder
    rounds = {name for name in vars(political) if name.startswith("_check_round_")}
    assert rounds == {"_check_round_ten", "_check_round_eleven", "_check_round_thirteen", "_check_round_fourteen"}
