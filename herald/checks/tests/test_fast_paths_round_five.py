"""Round five's speed-ups give the same answers as the straightforward code they replace, on the bench
corpus, every labelled text in the repository and random text."""

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from herald.checks import children
from herald.checks.tests.test_prefilter import _corpus_texts

# Pieces that exercise the children's patterns: names, ages, year groups, schools, the "old" cue and
# characters that case-insensitive matching treats specially.
_CHILD_PIECES = ["Amelia ", "Oliver Smith", "Mary-Jane ", "(age 8)", "(8)", ", aged 7", " aged 9", " who is 6",
                 ", 8, from ", "8-year-old ", "eight year old ", "17 years old ", "seventeen-years-old ", " OLD ",
                 "-old ", " old", "Year 4 pupil ", "Yr 2 ", "Y3", "Reception ", "Nursery ", "Class 2 ", "Class Oak ",
                 "from St Mary's Primary", " at Oakfield Academy", "St John's ", " School", " in ", " of ", "pupil ",
                 "ſ", "K", "İ", "'", "-", "x", "a", ",", ".", "\n", " ", "  ", "_", "9", "Mr "]  # fmt: skip


def _mixes(pieces: list[str], *, seed: int, count: int, shortest: int, longest: int) -> list[str]:
    """`count` texts of `shortest` to `longest` pieces drawn at random, the same for the same seed."""
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(shortest, longest))) for _ in range(count)]


def _assert_children_same(text: str) -> None:
    for name, source in children.REFERENCE_PATTERNS.items():
        fast = getattr(children, name)
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == [
            (m.span(), m.groupdict()) for m in re.finditer(source, text)
        ], (name, text)
    assert [m.span() for m in children._years_old(text)] == [m.span() for m in children._YEARS_OLD.finditer(text)], text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CHILD_PIECES), max_size=25).map("".join))
def test_letter_led_children_patterns_on_any_mix_of_pieces(text):
    _assert_children_same(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_letter_led_children_patterns_on_any_text(text):
    _assert_children_same(text)


def test_a_child_named_with_an_age_is_still_found_after_the_rewrite():
    text = "Well done to 8-year-old Freya and to Amelia (age 8) from St Mary's Primary, and Year 4 pupil Oliver!"
    assert [text[s:e] for s, e in children.find_children(text)] == [
        "8-year-old Freya",
        "Amelia (age 8) from St Mary's Primary",
        "Year 4 pupil Oliver",
    ]


def _words_by_regex(piece: str) -> list[str]:
    """A sentence's words as check_accessibility counted them: its links ("://") read as "link"."""
    from herald.checks.presentation import _WORD, LINK

    return _WORD.findall(LINK.sub("link", piece) if "://" in piece else piece)


def _sentence_words_by_regex(text: str) -> list[list[str]]:
    from herald.checks.presentation import _SENTENCE

    return [words for words in (_words_by_regex(s.group()) for s in _SENTENCE.finditer(text)) if words]


# Pieces around the word and sentence boundaries: "_", "'" and "-" at a word's edges and inside it, every
# sentence end, runs of them, control characters, NUL, and characters beyond ASCII that separate words
# (emoji, "£", "—", a no-break space, a combining accent) or belong to them ("é", "’", "日本", "٣").
_SENTENCE_PIECES = ["word", "Council", "it's", "'quoted'", "well-being", "-", "--", "_", "__init__", "'", " ", "  ",
                    ".", "...", "!", "?", "?!", "\n", "\r\n", "\t", "\x00", "\x0b", "e.g.", "3.5", "10", "x", "#tag",
                    "@handle", "(", ")", ",", ";", ":", "/", "&", "*", "🎉", "🌳☀️", "👍🏽", "£", "—", "\u00a0",
                    "\u0301", "\u2028", "é", "’", "日本", "٣", "https://", "http://a", "://", "www.", "example.com",
                    "/", "x.co/abc"]  # fmt: skip
_BEYOND_ASCII_IN_WORDS = re.compile(r"[^\x00-\x7f](?<=[\w’])")


def _assert_sentence_words_same(text: str) -> None:
    from herald.checks.presentation import _sentence_words

    links = "://" in text
    listed = _sentence_words(text, links=links)
    if _BEYOND_ASCII_IN_WORDS.search(text) or (links and (not text.isascii() or "\0" in text)):
        assert listed is None, text
    else:
        assert listed == _sentence_words_by_regex(text), text


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=200))
def test_sentence_words_on_any_text(text):
    _assert_sentence_words_same(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_PIECES), max_size=40).map("".join))
def test_sentence_words_on_any_mix_of_pieces(text):
    _assert_sentence_words_same(text)


def test_a_long_sentence_and_the_reading_score_are_still_reported():
    from herald.checks import Draft, check

    long_sentence = "The council will " + " ".join(["consider"] * 30) + " today."
    hard = "Notwithstanding extraordinarily complicated administrative considerations, implementation continues. " * 5
    found = {f.rule for f in check(Draft(text=long_sentence + " " + hard, kind="post")).findings}
    assert {"long-sentence", "readability"} <= found


def _assert_digit_gates_necessary(text: str) -> None:
    from herald.checks import personal_data as pd
    from herald.checks.legal import _CASE_REF
    from herald.checks.textutil import digit_lengths

    lengths, total = digit_lengths(text)
    assert lengths == {len(run) for run in re.findall(r"\d+", text)}, text
    assert total == len(re.findall(r"\d", text)), text
    assert (pd._EIGHT_DIGITS.search(text) is not None) == (8 in lengths), text
    if pd._CARD.search(text):
        assert total >= 12, text
    if pd._NHS.search(text):
        assert total >= 10 and (3 in lengths or 10 in lengths), text
    if pd._NI.search(text):
        assert pd._NI_DIGITS.search(text), text
    if pd._NI_DIGITS.search(text):
        assert total >= 6, text
    if pd._US_ZIP_HINT.search(text):
        assert max(lengths) >= 5, text
    if _CASE_REF.search(text):
        assert max(lengths) >= 2, text


# Digits (one of them beyond ASCII: "\d" matches it too), the separators the patterns allow and letters.
_DIGIT_PIECES = ["HR-2024-113", "CASE 12", "ER/7", "0", "1", "4", "12", "123", "1234", "12345", "943 476 5919", "9434765919", "4111 1111 1111 1111",
                 "AB 12 34 56 C", "AB123456C", "ab 12 34 56 c", "IL 62704", "12345678", "12-34-56", "٣", " ", "-",
                 "+", "(", ")", ".", "a", "A", "Q", "\n", "_", "/"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_DIGIT_PIECES), max_size=30).map("".join))
def test_personal_data_digit_gates_on_any_mix_of_pieces(text):
    _assert_digit_gates_necessary(text)


# Pieces for posts around X's 280-character limit: long plain stretches, links and emoji between them.
_X_PIECES = ["The council meets on Tuesday ", "a", " ", "https://www.hinckley-bosworth.gov.uk/bins ", "🎉", "é",
             "日本", "\ufeff", "\n", "x" * 40, "Visit example.com today. "]  # fmt: skip


def test_x_length_of_posts_over_the_limit_matches_twitter_text():
    from herald.checks.presentation import _x_parse, _x_parse_reference

    rng = random.Random(14)
    for _ in range(400):
        text, target = "", rng.randint(200, 360)
        while len(text) < target:
            text += rng.choice(_X_PIECES)
        assert _x_parse(text) == _x_parse_reference(text), text


_CUE_PIECES = ["DOB", "D.O.B", "d.ob", "Do.B", "dob", "birth", "BIRTH", "Born", "b0rn", "bor n", "date of birth", "The",
               "the", " ", "\t", "28 ", "The Crescent", "12 The\tParade", "İ", "ı", "K", "ſ", ".", "x", "1"]  # fmt: skip


def _assert_cue_gates(text: str) -> None:
    from herald.checks import personal_data as pd

    assert pd._dob_hint(text) == (pd._DOB_HINT.search(text) is not None), text
    if pd._THE_STREET.search(text):
        assert "The " in text or "The\t" in text, text


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_CUE_PIECES), max_size=20).map("".join) | st.text(max_size=80))
def test_birth_cue_and_the_street_gates_on_any_text(text):
    _assert_cue_gates(text)


_LINK_PIECES = ["https://", "http://", "://", "www.", "WWW.", "example.com", "gov.uk", "a", "x.co", "/", ".", "!", "?",
                "\n", " ", "-", "link", "K", "é", "🎉", ")", "]", '"', "<", ":", "8080"]  # fmt: skip


def _assert_no_link_without_a_scheme(text: str) -> None:
    from herald.checks.presentation import _SENTENCE, LINK

    for sentence in _SENTENCE.finditer(text):
        if "://" not in sentence.group():
            assert LINK.sub("link", sentence.group()) == sentence.group(), sentence.group()


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_LINK_PIECES), max_size=30).map("".join) | st.text(max_size=120))
def test_a_sentence_without_a_scheme_holds_no_link_on_any_text(text):
    _assert_no_link_without_a_scheme(text)


_SUFFIX_PIECES = ["strasse", "straße", "str.", "weg", "vej", "tie", "vägen", "Weg", "STR.", " ", "\t", "  ", "1", "33",
                  "a", "x", "friedhof", ".", "\n", "ß", "İ", "٣"]  # fmt: skip


def _assert_suffix_hint_same(text: str) -> None:
    from herald.checks import personal_data as pd

    lowered = text.lower()
    assert pd._suffix_hint(lowered) == pd.suffix_hint_reference(lowered), text


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_SUFFIX_PIECES), max_size=20).map("".join))
def test_street_suffix_hint_on_any_mix_of_pieces(text):
    _assert_suffix_hint_same(text)


def _long_sentences_by_regex(text: str, limit: int) -> list[tuple[int, int, str]]:
    from herald.checks.presentation import _SENTENCE

    found = []
    for sentence in _SENTENCE.finditer(text):
        words = _words_by_regex(sentence.group())
        if len(words) > limit:
            start = sentence.start() + (len(sentence.group()) - len(sentence.group().lstrip()))
            found.append((start, sentence.end(), str(len(words))))
    return found


def test_long_sentences_are_found_where_the_regex_loop_finds_them():
    from herald.checks.engine import default_rules
    from herald.checks.presentation import check_accessibility

    thresholds = default_rules().thresholds
    limit = int(thresholds["max_sentence_words"])
    rng = random.Random(19)
    # one-letter words make the shortest sentences that can be over the limit (2 * limit + 1 characters)
    wordy = [
        "a ",
        "a ",
        "a ",
        "I ",
        "word ",
        "it's ",
        "well-being ",
        "_x_ ",
        "'quoted' ",
        "🎉 ",
        "- ",
        "10 ",
        "https://x.co/a ",
        "http://ab ",
    ]
    texts = [
        "".join(
            rng.choice(wordy) if rng.random() < 0.93 else rng.choice(_SENTENCE_PIECES)
            for _ in range(rng.randint(1, 120))
        )
        for _ in range(1500)
    ]
    shortest = " ".join(["a"] * (limit + 1))
    texts += [shortest, shortest + ".", "x.\n" + shortest, shortest[2:], "Hello. " + shortest + "!? Bye"]
    long_ones = 0
    for text in _corpus_texts() + texts:
        hits: list[tuple[str, int | None, int | None, dict]] = []
        check_accessibility(text, thresholds, lambda rule, s, e, hits=hits, **f: hits.append((rule, s, e, f)))
        found = [(s, e, f["detail"]) for rule, s, e, f in hits if rule == "long-sentence"]
        assert found == _long_sentences_by_regex(text, limit), text
        long_ones += bool(found)
    assert long_ones > 300


_SSN_PIECES = ["SSN", "ssn", "SsN", "Social Security", "social security number", "SOCIAL SECURITY #", "sOcIaL", "security",
               "class", "business", ":", "#", " ", "123-45-6789", "123456789", "078-05-1120", "ſ", "K", "x", "\n"]  # fmt: skip


def _assert_ssn_cue(text: str) -> None:
    from herald.checks import personal_data as pd

    if pd._SSN_PLAIN.search(text) and ("ss" in text or "SS" in text or "ecur" in text or "ECUR" in text):
        assert pd._ssn_cue(text), text


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_SSN_PIECES), max_size=15).map("".join))
def test_ssn_cue_on_any_mix_of_pieces(text):
    _assert_ssn_cue(text)


# Each fast path against the plain code it replaces, on the corpus and on mixes of its own pieces: the
# assertion, then the pieces and how the mixes are drawn (seed, how many, fewest and most pieces).
@pytest.mark.parametrize(
    ("same", "pieces", "seed", "count", "shortest", "longest"),
    [
        pytest.param(_assert_children_same, _CHILD_PIECES, 11, 4000, 0, 30,
                     id="letter-led children patterns find what the plain ones find"),
        pytest.param(_assert_sentence_words_same, _SENTENCE_PIECES, 12, 6000, 0, 60,
                     id="sentence words match the regex loop"),
        pytest.param(_assert_digit_gates_necessary, _DIGIT_PIECES, 13, 5000, 1, 30,
                     id="personal data digit gates are necessary conditions"),
        pytest.param(_assert_cue_gates, _CUE_PIECES, 15, 5000, 1, 20,
                     id="birth cue and the street gates match their patterns"),
        pytest.param(_assert_no_link_without_a_scheme, _LINK_PIECES, 16, 5000, 1, 30,
                     id="a sentence without a scheme holds no link"),
        pytest.param(_assert_suffix_hint_same, _SUFFIX_PIECES, 17, 5000, 1, 20,
                     id="street suffix hint in one scan matches the scan per space"),
        pytest.param(_assert_ssn_cue, _SSN_PIECES, 20, 5000, 1, 15,
                     id="ssn cue holds wherever the pattern matches behind the old gate"),
    ],
)  # fmt: skip
def test_the_fast_path_gives_the_plain_codes_answer_on_the_corpus_and_mixed_pieces(
    same, pieces, seed, count, shortest, longest
):
    for text in _corpus_texts() + _mixes(pieces, seed=seed, count=count, shortest=shortest, longest=longest):
        same(text)
