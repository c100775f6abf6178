"""Round six's speed-ups give the same answers as the straightforward code they replace, on the bench
corpus, every labelled text in the repository, seeded mixes of the characters each path turns on and
random text."""

import math
import random
import unicodedata
from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from herald.checks import abuse_model, embed_model, offensive_model, party_model
from herald.checks.tests.test_prefilter import _corpus_texts
from herald.checks.textutil import _TOKEN, probe

# Characters beyond ASCII that are no word character (emoji with their modifiers and joiners, "£",
# dashes, curly quotes, no-break spaces) and some that are (accents, "²", a Kelvin sign that lowers to
# "k", an Arabic digit, a dotted capital I), mixed with what each model's own split turns on.
_PIECES = ["😀", "👍🏽", "❤️", "🎉🎉", "👨\u200d👩", "£", "–", "—", "’", "‘", "“", "”", "\u00a0", "\u2028", "…", "é",
           "naïve", "²", "\u212a", "٣", "İ", "\u0301", "\x1f", "\x85", "\ufffd", "東京", "«", " ", "  ", "\n", ".",
           ",", "'", "-", "_", "@hbbc", "#tag", "http://x.uk/a", "www.x.uk", "sh1t", "f*ck", "1,000", "3.71", "2026",
           "12a", "a1b", "0800 123 456", "Vote", "we", "will", "cut", "council", "tax", "don't", "Well-being", "A",
           "b", "x2"]  # fmt: skip


def _mixes(seed: int, count: int, longest: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, longest))) for _ in range(count)]


@lru_cache(maxsize=1)
def _texts() -> list[str]:
    corpus = _corpus_texts()
    # the corpus again with an emoji or a pound sign inside, as many real posts have
    return corpus + [text.replace(" ", " 🎉 ", 1).replace("e ", "e£", 1) for text in corpus] + _mixes(6, 4000, 40)


def _assert_shared_words_same(text: str) -> None:
    lowered = text.lower()
    assert probe(text) == (lowered, frozenset(_TOKEN.findall(lowered))), text
    assert abuse_model._words(text) == abuse_model._plain_words(lowered), text
    assert offensive_model.tokens(text) == offensive_model._TOKEN.findall(lowered), text


def test_shared_words_of_text_with_emoji_and_symbols_are_each_models_own():
    beyond_ascii = 0
    for text in _texts():
        _assert_shared_words_same(text)
        beyond_ascii += not text.isascii()
    assert beyond_ascii > 3000  # the texts do take the new path


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join) | st.text(max_size=120))
def test_shared_words_on_any_text(text):
    _assert_shared_words_same(text)


def _assert_party_words_same(text: str) -> None:
    assert party_model.words(text) == party_model._plain_words(text.lower()), text


def test_party_words_from_the_shared_split_read_as_the_model_was_trained():
    for text in _texts():
        _assert_party_words_same(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join) | st.text(max_size=120))
def test_party_words_on_any_text(text):
    _assert_party_words_same(text)


def _party_score_term_by_term(model: party_model.PartyModel, text: str) -> float:
    """The party model's score as first written: a loop over the set of the text's terms."""
    norm = total = 0.0
    for term in set(party_model.features(text)):
        number = model.index.get(term)
        if number is not None:
            norm += model.norm_shares[number]
            total += model.sum_shares[number]
    decision = (total / math.sqrt(norm) if norm else 0.0) + model.intercept
    return 0.0 if decision < -30 else 1.0 / (1.0 + math.exp(-decision))


def test_party_score_summed_in_c_equals_the_loop_over_terms():
    model = party_model.model()
    assert model is not None
    scores = []
    for text in _texts()[::3]:
        score = model.score(text)
        assert abs(score - _party_score_term_by_term(model, text)) < 1e-12, text
        scores.append(score)
    assert max(scores) > 0.9 and min(scores) < 0.1  # both ends of the scale are compared


def _assert_embed_words_same(text: str) -> None:
    assert embed_model.words(text) == embed_model._unicode_words(text), text


def _assigned_in_pythons_tables(text: str) -> bool:
    """Whether Python's Unicode tables know every character of ``text``: the `regex` package's newer ones
    may know more (U+1FADB, a pea pod, came in Unicode 15; Python 3.11 has 14), and there the pattern
    split reads such a character as the build's tokenizer (the `tokenizers` package) does, a word of its
    own, which the character-by-character split drops as unassigned (as the test on any text below)."""
    return all(unicodedata.category(char) != "Cn" for char in text)


def test_embed_split_of_text_with_emoji_and_symbols_equals_the_character_by_character_one():
    for text in filter(_assigned_in_pythons_tables, _texts()):
        _assert_embed_words_same(text)


def test_a_character_newer_than_pythons_tables_is_a_word_of_its_own_as_the_build_tokenizer_reads_it():
    # the `tokenizers` package splits "a pea 🫛 x" into a, pea, 🫛, x (round eleven, docs/checks.md)
    assert embed_model.words("A pea 🫛 x") == ["a", "pea", "\U0001fadb", "x"]
    many_runs = "".join(_mixes(7, 1, 400)[0] + " 😀x" * 70)  # more runs than the split takes one by one
    _assert_embed_words_same(many_runs)


# Characters Python's Unicode tables leave unassigned may be assigned in the `regex` package's newer ones.
@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)
    | st.text(alphabet=st.characters(exclude_categories=("Cn",)), max_size=120)
)
def test_embed_split_on_any_text(text):
    _assert_embed_words_same(text)


def _piece_ids_word_by_word(model: embed_model.EmbedModel, text: str) -> list[int]:
    ids: list[int] = []
    for word in embed_model._unicode_words(text[: embed_model.MAX_CHARS]):
        ids.extend(model._word_pieces(word))
    return ids[: embed_model.MAX_PIECES]


def test_embed_pieces_joined_in_c_are_the_pieces_word_by_word():
    model = embed_model.model()
    assert model is not None
    for text in _texts()[::3] + ["Well done " * 300]:
        assert model.piece_ids(text) == _piece_ids_word_by_word(model, text), text


def test_a_word_run_into_an_emoji_stays_one_word_for_the_embedding_model():
    assert embed_model._MIXED_RUN.split("a" * 3000 + "😀") == ["", "a" * 3000 + "😀", ""]
    assert embed_model.words("Well done " + "a" * 3000 + " x😀y. Café!") == [
        "well",
        "done",
        "a" * 3000,
        "x😀y",
        ".",
        "cafe",
        "!",
    ]


def test_long_sentences_are_told_apart_from_sentences_with_no_word_between_them():
    from herald.checks.engine import default_rules
    from herald.checks.presentation import check_accessibility
    from herald.checks.tests.test_fast_paths_round_five import _long_sentences_by_regex

    thresholds = default_rules().thresholds
    limit = int(thresholds["max_sentence_words"])
    rng = random.Random(23)
    # sentences with no word ("😀.", "--!", "...") between long and short ones shift a count that skips them
    wordy = ["a ", "a ", "a ", "it's ", "well-being ", "- ", "10.30 "]
    ends = ["--! ", "... ", ". ", "?! ", "\n"]
    # three kinds of text, each split its own way: ASCII, with emoji and "£", with links
    extras = [([], []), (["🎉 ", "£5 "], ["😀. "]), (["http://ab "], ["https://x.co/a. "])]
    texts = []
    for n in range(1500):
        more_words, more_ends = extras[n % 3]
        texts.append(
            "".join(
                rng.choice(wordy + more_words) if rng.random() < 0.96 else rng.choice(ends + more_ends)
                for _ in range(rng.randint(1, 300))
            )
        )
    long_ones = 0
    for text in _texts()[::5] + texts:
        hits: list[tuple[str, int | None, int | None, dict]] = []
        check_accessibility(text, thresholds, lambda rule, s, e, hits=hits, **f: hits.append((rule, s, e, f)))
        found = [(s, e, f["detail"]) for rule, s, e, f in hits if rule == "long-sentence"]
        assert found == _long_sentences_by_regex(text, limit), text
        long_ones += len(found) > 1
    assert long_ones > 30  # many texts have more than one long sentence


def test_the_abuse_score_against_a_threshold_reaches_it_exactly_where_the_full_score_does():
    thresholds = (0.55, 0.8, 0.5, 0.3, 0.95, 1.0, 2.0)
    texts = _texts()[::4]
    full = abuse_model.score_many(texts)
    reached = skipped = 0
    for threshold in thresholds:
        batch = abuse_model.score_many_for(texts, [threshold] * len(texts))
        for text, whole, batched in zip(texts, full, batch, strict=True):
            one = abuse_model.score_for(text, threshold)
            if whole >= threshold:
                assert abs(one - whole) < 1e-6 and abs(batched - whole) < 1e-6, text
                reached += 1
            else:
                assert one < threshold and batched < threshold, text
                skipped += one != pytest.approx(whole, abs=1e-6)
    assert reached > 100 and skipped > 1000  # both sides of each threshold are met, and the shortcut is taken
