"""The comment path's speed-ups give the same answers as the code they replace: the words of a text beyond
ASCII split with one translation are the words the patterns find, and disguised swearing's suspect runs
of such text are the runs found character by character. On the bench corpus, every labelled text in
the repository, the letters whose lower case is no longer a word character (or is one only then), emoji,
very long text and seeded mixes."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from herald.checks import Draft, check
from herald.checks.offensive import obfuscation
from herald.checks.tests.test_fast_paths_round_six import _PIECES
from herald.checks.tests.test_prefilter import _corpus_texts
from herald.checks.textutil import _TOKEN, split_words, split_words_reference, word_list

# Letters beyond ASCII that the split turns on: "ſ" (a long s, a word character that upper-cases to "S"),
# "ı" (a dotless i), "İ" (a dotted capital I, which lower-cases to "i" and a combining dot that is no word
# character), a Kelvin sign that lower-cases to "k", "ß", a ligature, superscripts, a non-ASCII digit,
# emoji with modifiers and joiners, curly quotes, dashes, no-break spaces and "?" itself (what the fast
# split encodes each character beyond ASCII as).
_EDGES = ["ſ", "ı", "İ", "\u212a", "ß", "ﬁ", "²", "٣", "😀", "👍🏽", "👨\u200d👩", "❤️", "’", "“", "–", "\u00a0",
          "\u0307", "\ufffd", "?", "??", "sh1t", "f*ck", "@ss", "$", "|", "!", "aaa", "07911 123456", "LE10 1AB",
          "fuuuck", "Mill Lane", " ", "\n", ".", "x"]  # fmt: skip


def _mixes(seed: int, count: int, longest: int) -> list[str]:
    rng = random.Random(seed)
    pieces = _EDGES + _PIECES
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, longest))) for _ in range(count)]


def _texts() -> list[str]:
    corpus = _corpus_texts()
    with_emoji = [text.replace(" ", " 👍🏽 ", 2).replace("e ", "e’ ", 1) for text in corpus]
    return corpus + with_emoji + _mixes(13, 4000, 30) + ["😀 " * 3000 + "sh1t", "ſ" * 5000, "word€" * 2000]


def _assert_split_same(text: str) -> None:
    lowered = text.lower()
    fast = split_words(lowered)
    assert fast == split_words_reference(lowered), text
    if fast is not None:
        assert fast == _TOKEN.findall(lowered), text


def test_the_words_of_text_beyond_ascii_split_in_one_translation_are_the_patterns_words():
    texts = [text for text in _texts() if not text.isascii()]
    split = 0
    for text in texts:
        _assert_split_same(text)
        split += split_words(text.lower()) is not None
    assert split > 3000 and len(texts) - split > 1000  # both answers are met


def test_a_letter_beyond_ascii_makes_the_text_one_the_split_leaves_to_the_pattern():
    assert split_words("the ſtreet") is None
    assert split_words("ıt is") is None
    assert split_words("\u212a") is None  # a Kelvin sign, should one reach the split unlowered
    # "İ" lowered is "i" and a combining dot, which is no word character: the dot only ends the word
    assert word_list("İstanbul 👍🏽 now") == ("i\u0307stanbul 👍🏽 now", ["i", "stanbul", "now"])
    assert split_words("what? it’s – fine 😀x") == ["what", "it", "s", "fine", "x"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_EDGES + _PIECES), max_size=30).map("".join) | st.text(max_size=120))
def test_the_split_of_any_text_is_the_patterns(text):
    _assert_split_same(text)


def _assert_runs_same(text: str) -> None:
    starts = [m.start() for m in obfuscation._SYMBOL.finditer(text)]
    starts = sorted(starts + [m.start() for m in obfuscation._TRIPLE.finditer(text)])
    assert obfuscation._suspect_runs(text) == obfuscation._runs_around(text, starts), text


def test_the_suspect_runs_of_text_beyond_ascii_are_the_runs_found_character_by_character():
    texts = [text for text in _texts() if not text.isascii()]
    for text in texts:
        _assert_runs_same(text)
    with_runs = [text for text in texts if obfuscation._suspect_runs(text)]
    assert len(with_runs) > 2000


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_EDGES + _PIECES), max_size=30).map("".join) | st.text(max_size=80))
def test_the_suspect_runs_of_any_text_are_the_runs_found_character_by_character(text):
    _assert_runs_same(text)


def test_disguised_swearing_beside_emoji_and_letters_beyond_ascii_is_still_found():
    # a run ends at an emoji or a curly quote (no run character) but not at a letter beyond ASCII
    for text in ("you sh1t👍🏽", "“f*ck” off", "sh1t – honestly"):
        assert [f.rule for f in check(Draft(text=text, kind="comment")).findings if f.category == "offensive"], text
