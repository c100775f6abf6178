"""Issue 12 ("Faster"): the cheap tests in front of three whole-text scans (the self-description of
``senses._SELF_DESCRIBED``, the warnings of ``aimed._WARNING``, the agreement of ``quotes._ENDORSED``)
say no only where the scan finds nothing, and the agreement read case-sensitively in the lower-cased
text finds what the case-blind scan finds: on the bench corpus, every labelled text in the repository,
hand-picked edge cases (spacing, capitals, "were", "I’m", characters a case-blind pattern reads as ASCII
letters) and seeded mixes of the words each scan turns on. The findings are the same with and without
the tests in front."""

import random
import re
from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from herald.checks.offensive import aimed, quotes, senses
from herald.checks.tests.test_prefilter import _corpus_texts
from herald.checks.textutil import probe

_SELF_EDGES = [
    "As a gay man I object.", "as an older person, ", "I'm  \n disabled and tired", "I’m gay and proud",
    "we're queer and", "We were young and", "I WAS A REFUGEE and", "Being Blind, I ", "I am a proud Welsh woman",
    "i'm gayandrew and old", "Queer and disabled and still here", "Proud mixed-race woman here", "non-binary and "
    "disabled and proud", "I'm non-binary and", "café — as a deaf woman, ", "İ'm gay and", "ſtill here. Queer and "
    "deaf and ſtill here", "I'm a \u00a0working-class lad and", "as a\tsingle mum, ", "Im blind,", "I am old.",
    "I am\u2028black and", "so as a sikh man ", "proud_ gay and", "x_being gay and", "I'm \u212aind and gay and",
]  # fmt: skip
_WARNING_EDGES = [
    "Be careful out there, Cllr Jones.", "I'd think twice.", "I would think long and hard before the vote.",
    "Think on.", "Consider yourself warned, you", "while it's still a friendly warning, Dave", "People round here "
    "have long memories, you", "we know who you are.", "People like you end up in a ditch.", "PEOPLE  LIKE\nyou get "
    "hurt", "People lıke you get hurt", "I \u212anow who you are.", "Be careful out there ſon, you",
    "people don't forget faces, you", "Think  \n on!",
]  # fmt: skip
_ENDORSED_EDGES = [
    "Spot on.", "SPOT  ON", "well\nsaid", "Quite right too", "about time", "fair play", "He was right", "she's dead right",
    "they're absolutely correct", "He is right to ask", "not wrong", "no lies", "true though", "good on him",
    "says it like it is", "Agreed with every word", "all of them should be sent back", "they need to go home",
    "ſpot on", "He waſ right", "İ agree with him", "right_", "x_spot on", "sp\u00a0ot on", "fair\u00a0enough",
]  # fmt: skip
_ENDORSED_PIECES = ["spot on", "well said", "he was right", "they're correct", "not wrong", "good on them",
                    "agree with", "says it like it is", "they should go home", "spot", "on", "well", "said", "quite", "right", "about", "time", "fair", "enough", "he", "she's",
                    "they", "was", "are", "dead", "so", "correct", "not", "wrong", "to", "no", "lies", "true", "though",
                    "good", "him", "says", "say", "it", "like", "is", "agree", "agreed", "with", "that", "them",
                    "should", "need", "ought", "go", "be sent", "home", "back", "all of", "SPOT", "Right", ",", ".",
                    " ", "\n", "_", "ſ", "İ", "\u212a", "é"]  # fmt: skip
_SELF_PIECES = ["I'm", "I’m", "im", "I am", "we're", "we are", "were", "I was", "being", "as", "As a", "an", "a",
                "proud", "PROUD", "and", "still here", "gay", "Deaf", "old", "non-binary", "mixed race", "working",
                "bill", ",", ".", "!", " ", "  ", "\n", "ſ", "İ", "_", "é"]  # fmt: skip
_WARNING_PIECES = ["be careful out there", "BE  CAREFUL", "I'd", "i would", "be very careful", "think twice",
                   "think", "hard", "on", "people like", "PEOPLE\nlike", "you", "him", "end up hurt", "get hurt",
                   "we know who", "know", "who", "you are", "consider yourself warned", "while it's still a",
                   "friendly warning", "people round here", "have long memories", "remember names", "don't forget",
                   "faces", "Cllr", ",", ".", "!", " ", "  ", "\n", "ı", "\u212a", "ſ"]  # fmt: skip


def _mixes(pieces: list[str], seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(count)]


@lru_cache(maxsize=1)
def _texts() -> list[str]:
    return (
        _corpus_texts()
        + _SELF_EDGES
        + _WARNING_EDGES
        + _mixes(_SELF_PIECES, 12, 6000)
        + _mixes(_WARNING_PIECES, 13, 6000)
        + _ENDORSED_EDGES
        + _mixes(_ENDORSED_PIECES, 14, 6000)
    )


def _assert_self_gate(text: str) -> None:
    if senses._SELF_DESCRIBED.search(text) is not None:
        assert senses.may_describe_self(text), text


def _assert_warning_gate(text: str) -> None:
    if aimed._WARNING.search(text) is not None:
        assert aimed.warning_may_match(text, probe(text)[1]), text


def _assert_endorsed_same(text: str) -> None:
    assert quotes.endorsed(text) == (quotes._ENDORSED.search(text) is not None), text


def test_case_twins_are_every_character_a_case_blind_pattern_reads_as_an_ascii_letter():
    letter = re.compile(r"(?i)[a-z]")
    twins = [chr(c) for c in range(128, 0x110000) if letter.match(chr(c))]
    assert sorted(twins) == sorted(senses.CASE_TWINS)
    # lower-casing keeps every other character's place, word-ness and white space, and gives no ASCII
    word, space, ascii_ = re.compile(r"\w"), re.compile(r"\s"), re.compile(r"[\x00-\x7f]")
    for c in map(chr, range(0x110000)):
        if c in senses.CASE_TWINS:
            continue
        lowered = c.lower()
        assert len(lowered) == 1, c
        assert bool(word.match(c)) == bool(word.match(lowered)), c
        assert bool(space.match(c)) == bool(space.match(lowered)), c
        assert c.isascii() or not ascii_.match(lowered), c


def test_the_gates_keep_every_self_description_and_warning():
    texts = _texts()
    assert sum(senses._SELF_DESCRIBED.search(t) is not None for t in texts) > 500  # (the mixes do reach the scans)
    assert sum(aimed._WARNING.search(t) is not None for t in texts) > 300
    assert sum(quotes._ENDORSED.search(t) is not None for t in texts) > 300
    for text in texts:
        _assert_self_gate(text)
        _assert_warning_gate(text)
        _assert_endorsed_same(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_SELF_PIECES + _WARNING_PIECES + _ENDORSED_PIECES), max_size=20).map(" ".join)
    | st.text(max_size=80)
)
def test_the_gates_keep_every_match_on_generated_text(text):
    _assert_self_gate(text)
    _assert_warning_gate(text)
    _assert_endorsed_same(text)


def test_the_gates_close_on_common_words_alone():
    post = "As I said, the old bridge is closed. We are fixing it and people seem to like the new path; we know it."
    assert not senses.may_describe_self(post)
    assert not aimed.warning_may_match(post, probe(post)[1])
    assert not quotes.endorsed(post)


@pytest.mark.parametrize("text", _SELF_EDGES + _WARNING_EDGES)
def test_the_spans_are_those_of_the_scans_without_the_gates(text, monkeypatch):
    words = probe(text)[1]
    gated = (senses.unread(text, words), aimed.menace_hits(text, words))
    monkeypatch.setattr(senses, "may_describe_self", lambda text: True)
    monkeypatch.setattr(aimed, "warning_may_match", lambda text, words: True)
    assert (senses.unread(text, words), aimed.menace_hits(text, words)) == gated
