"""The abuse classifier's one-text path (``AbuseModel.score``, which ``check`` uses), speed round fourteen:
leetspeak is looked for by a byte search (``_leety_anywhere``) instead of ``_LEETY_ANYWHERE`` tried at every
letter, and word pairs are looked up as tuples of the two words (``_pair_numbers``) instead of as joined
strings. Both must give exactly what the patterns and the joined strings gave: the same words, and the same
term numbers going into the set in the same order, so that ``score`` adds the same floats in the same order
(the same score, bit for bit)."""

import random
from itertools import chain

from hypothesis import given, settings
from hypothesis import strategies as st

from herald.checks import abuse_model
from herald.checks.tests.test_abuse_batch import _mixes, _spaced_mixes
from herald.checks.tests.test_prefilter import _corpus_texts

# What the byte search turns on: letters next to stand-ins (digits, "@", "$", "*"), with characters beyond
# ASCII (one byte each in the search, whatever their UTF-8 length), lone surrogates, upper case and
# letters that lower-case into ASCII ("İ" becomes "i" and a combining dot) around them.
_LEET_PIECES = ["a", "b", "z", "A", "1", "0", "9", "@", "$", "*", "**", "@@", "$1", "a1", "1a", "a1b", "a*b", "a$$b",
                " ", "-", ".", "é", "ß", "ı", "İ", "ſ", "\u212a", "😀", "\u0301", "\ud800", "£", "’", "\x00",
                "\n", "sh1t", "f*ck", "b@d", "12", "x2y", "a 1 b", "a\u00a01b", "ａ1ｂ", "١"]  # fmt: skip


def _leet_texts() -> list[str]:
    rng = random.Random(1414)
    mixes = ["".join(rng.choice(_LEET_PIECES) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    return mixes + _LEET_PIECES + [a + b + c for a in _LEET_PIECES[:20] for b in _LEET_PIECES for c in "az1 é"]


def _old_present(model: abuse_model.AbuseModel, text: str) -> list[int | None]:
    """``_present`` as it was before this round, its set's members in the set's order: the words by the
    patterns (``_LEETY_ANYWHERE``), the pairs as joined strings looked up in the whole vocabulary."""
    words = _old_words(text)
    distinct = set(words)
    present = set(chain.from_iterable(model._terms_of(word) for word in distinct))
    if len(words) > 1:
        present.update(map(model.index.get, (f"{a} {b}" for a, b in zip(words, words[1:], strict=False))))
    return list(present)


def _old_words(text: str) -> list[str]:
    lowered = text.lower()
    if "@" in lowered:
        lowered = abuse_model._HANDLE.sub(" xhandle ", lowered)
    if "http" in lowered or "www." in lowered:
        lowered = abuse_model._LINK.sub(" xlink ", lowered)
    if abuse_model._LEETY_ANYWHERE.search(lowered):
        lowered = abuse_model._LEETY.sub(lambda m: m.group().translate(abuse_model._LEET), lowered)
    return abuse_model._TOKEN.findall(lowered)


def test_the_byte_search_finds_leetspeak_exactly_where_the_pattern_does():
    texts = _leet_texts()
    found = 0
    for text in texts:
        lowered = text.lower()
        expected = abuse_model._LEETY_ANYWHERE.search(lowered) is not None
        assert abuse_model._leety_anywhere(lowered) == expected, text
        found += expected
    assert 2000 < found < len(texts) - 2000  # both answers met often


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab1@$*.é😀 İ\ud800Zz0"), max_size=40) | st.text(max_size=40))
def test_the_byte_search_on_any_text(text):
    lowered = text.lower()
    assert abuse_model._leety_anywhere(lowered) == (abuse_model._LEETY_ANYWHERE.search(lowered) is not None)


def test_the_byte_search_on_the_corpus_and_every_labelled_text():
    for text in _corpus_texts():
        lowered = text.lower()
        assert abuse_model._leety_anywhere(lowered) == (abuse_model._LEETY_ANYWHERE.search(lowered) is not None)


def _texts() -> list[str]:
    return (
        _corpus_texts()[::2]
        + _mixes(1414, 3000, 30)
        + _spaced_mixes(1415, 3000, 40)
        + [" ".join(t) for t in zip(_leet_texts()[:3000:3], _leet_texts()[1:3000:3], strict=False)]
    )


def test_a_text_reads_the_same_words_and_the_same_terms_in_the_same_order():
    model = abuse_model.model()
    assert model is not None
    pairs = 0
    for text in _texts():
        assert abuse_model._words(text) == _old_words(text), text
        present = model._present(text)
        assert list(present) == _old_present(model, text), text
        pairs += any(n is not None and " " in term for n, term in ((n, _term(model, n)) for n in present))
    assert pairs > 1000  # known pairs were met


def _term(model: abuse_model.AbuseModel, number: int | None) -> str:
    if number is None:
        return ""
    if not hasattr(model, "_terms_by_number"):
        model._terms_by_number = {n: t for t, n in model.index.items()}  # type: ignore[attr-defined]
    return model._terms_by_number[number]  # type: ignore[attr-defined]


def test_the_score_is_the_same_float():
    model = abuse_model.model()
    assert model is not None
    for text in _texts()[::4] + [" ".join(_corpus_texts()[n : n + 12]) for n in range(0, 600, 12)]:
        present = [n for n in _old_present(model, text) if n is not None]
        if len(present) < abuse_model._NUMPY_FROM:
            norm = sum(model.norm_shares[n] for n in present)
            total = sum(model.sum_shares[n] for n in present)
        else:
            norm, total = model._shares[present].sum(axis=0).tolist()
        assert model.score(text) == model._probability(norm, total), text


def test_every_known_pair_is_found_by_its_two_words():
    model = abuse_model.model()
    assert model is not None
    pairs = model._pair_numbers()
    joined = {term: n for term, n in model.index.items() if " " in term}
    assert len(pairs) == len(joined)
    for (first, second), n in pairs.items():
        assert joined[f"{first} {second}"] == n
