"""Issue 12 ("Faster"): the word tests in front of the doxxing scan (offensive/doxxing.py) say no only where
its invitation (``_GIVEN_OUT``) and its "who it is" sentence (``_IDENTIFIED``) find nothing, so a comment
with neither pays for a set test or two; the spans are those of the scan without the tests. Checked on the
bench corpus, every labelled text in the repository, hand-picked edges (spacing, capitals, characters a
case-blind pattern reads as ASCII letters) and seeded mixes of the words the two patterns turn on."""

import random
from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from herald.checks.offensive import doxxing, senses
from herald.checks.tests.test_prefilter import _corpus_texts
from herald.checks.textutil import probe

_EDGES = [
    "Kelly Marsh, 27 Lime Tree Avenue. Feel  free\nto visit.", "the family at 12 Weir Lane, juſt ſaying",
    "Cllr Dunmore, 8 Brook Street 👀", "8 Brook Street btw👀", "the bloke at no.14, go\tand tell him",
    "she lives at 31 Harrow Close, \u212aeep tagging her", "Pay  HER a quick VISIT at 9 Kiln Close",
    "the one who reported me is at 14 Paddock Close", "He's the one. 14 Paddock Close", "İ've shared it: 14 Elm Road",
    "The warden who fined me, 3 Mill Lane", "thought you'd all like to know", "thought you should know, 2 Elm Rd",
    "do whatever you want with that", "not hard to find, number 9", "where to find her: 9 Oak Road",
    "everyone should know where", "so you all know", "share your views with him directly", "spread the word",
    "can't hide", "make sure she hears", "expect visitors", "somebody pop round", "in case anybody wants",
    "ask them yourselves", "say hello", "come and see", "drop by", "let them know how",
]  # fmt: skip
_PIECES = [
    "feel", "free", "to", "let", "him", "her", "them", "know", "knows", "what", "how", "pay", "a", "visit", "go",
    "pop", "drop", "head", "round", "over", "by", "in", "down", "come", "and", "say", "hi", "hello", "ask", "tell",
    "yourselves", "someone", "anyone", "find", "not", "hard", "case", "if", "wants", "just", "so", "everyone",
    "people", "where", "take", "thought", "you", "should", "all", "like", "do", "whatever", "with", "that",
    "welcome", "expect", "visitors", "share", "your", "views", "directly", "i've", "we have", "shared", "posted",
    "spread", "the", "word", "btw", "👀", "saying", "keep", "tag", "tagging", "@", "can't", "hide", "make", "sure",
    "she", "hears", "one", "ones", "who", "bloke", "warden", "reported", "me", "my", "he's", "is", "are",
    "Kelly Marsh,", "27 Lime Tree Avenue", "the family at 12 Weir Lane", "lives at 9 Kiln Close", "number 9",
    "her kids go to St Anne's", "works nights at the Co-op", "parks his Audi on Marsh Road", "address", ",", ".",
    " ", "  ", "\n", "ſ", "ı", "İ", "\u212a", "_", "é",
]  # fmt: skip


@lru_cache(maxsize=1)
def _texts() -> list[str]:
    rng = random.Random(18)
    mixes = [" ".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 14))) for _ in range(8000)]
    return _corpus_texts() + _EDGES + mixes


def _assert_gates(text: str) -> None:
    if senses.has_case_twins(text):
        return  # the scan then runs whatever the words
    words = probe(text)[1]
    if doxxing._GIVEN_OUT.search(text) is not None:
        assert doxxing.invitation_may_match(text, words), text
    if doxxing._IDENTIFIED.search(text) is not None:
        assert doxxing.identified_may_match(words), text


def test_the_gates_keep_every_invitation_and_every_identification():
    texts = _texts()
    assert sum(doxxing._GIVEN_OUT.search(t) is not None for t in texts) > 500  # (the mixes do reach the scans)
    assert sum(doxxing._IDENTIFIED.search(t) is not None for t in texts) > 80
    for text in texts:
        _assert_gates(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=20).map(" ".join) | st.text(max_size=80))
def test_the_gates_keep_every_match_on_generated_text(text):
    _assert_gates(text)


def test_an_ordinary_comment_is_turned_away_by_the_word_test():
    comment = "Free parking on Castle Street this weekend, who knows how long for. The road near the park is closed."
    words = probe(comment)[1]
    assert not doxxing.invitation_may_match(comment, words)
    assert not doxxing.identified_may_match(words)


@pytest.mark.parametrize("text", _EDGES + _texts()[-400:])
def test_the_spans_are_those_of_the_scan_without_the_gates(text, monkeypatch):
    words = probe(text)[1]
    gated = doxxing.doxxing_hits(text, words)
    monkeypatch.setattr(doxxing, "invitation_may_match", lambda text, words: True)
    monkeypatch.setattr(doxxing, "identified_may_match", lambda words: True)
    monkeypatch.setattr(doxxing, "_GATE", frozenset(words) | {"\x00"})
    assert doxxing.doxxing_hits(text, words) == gated
