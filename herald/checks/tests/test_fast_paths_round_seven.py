"""Round seven's speed-ups give the same answers as the straightforward code they replace, on the bench
corpus, every labelled text in the repository, seeded mixes of the characters each path turns on and
random text."""

from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from herald.checks.offensive.obfuscation import folded, plain_folded
from herald.checks.tests.test_fast_paths_round_six import _PIECES, _mixes
from herald.checks.tests.test_prefilter import _corpus_texts

# look-alike and accented letters (Cyrillic, Greek, "ß", "ø"), combining accents, a Kelvin sign, letters
# that change length when lower-cased, and emoji between them
_FOLDING = ["fuсk", "ѕhit", "cünt", "wаnker", "ß", "ø", "ł", "ı", "\u0301", "\u212a", "İ", "ﬁ", "Σ", "😀", "é", "é"]


@lru_cache(maxsize=1)
def _texts() -> list[str]:
    corpus = _corpus_texts()
    return (
        corpus
        + [text.replace(" ", " 🎉 ", 1).replace("e ", "é ", 1) for text in corpus]
        + _mixes(7, 3000, 40)
        + [" ".join(_FOLDING[i % len(_FOLDING)] for i in range(n, n + 9)) for n in range(200)]
    )


def test_folded_reads_only_the_runs_beyond_ascii_and_gives_the_same_text():
    changed = 0
    for text in _texts():
        assert folded(text) == plain_folded(text), text
        changed += folded(text) != text
    assert changed > 200  # look-alike letters were folded, not only passed through


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + _FOLDING), max_size=30).map("".join) | st.text(max_size=120))
def test_folded_on_any_text(text):
    assert folded(text) == plain_folded(text)


_TRIPLES = ["aaa", "AAa", "aAA", "000", "___", "__", "Zzz", "zzz", "x", "é", "ééé", "İİİ", "😀😀😀", "1", "11", "b", " ", ".", "-"]  # fmt: skip


def test_triple_gate_is_a_necessary_condition_of_the_scan():
    from herald.checks.offensive import obfuscation

    scanned = 0
    for text in _texts() + _mixes(17, 3000, 12) + ["".join(p) for p in _triple_mixes()]:
        if obfuscation._TRIPLE.search(text) is not None:
            assert obfuscation._may_triple(text), text
            scanned += 1
    assert scanned > 500


def _triple_mixes():
    import random

    rng = random.Random(7)
    return [[rng.choice(_TRIPLES) for _ in range(rng.randint(0, 8))] for _ in range(4000)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_TRIPLES + _PIECES), max_size=20).map("".join) | st.text(max_size=60))
def test_triple_gate_on_any_text(text):
    from herald.checks.offensive import obfuscation

    if obfuscation._TRIPLE.search(text) is not None:
        assert obfuscation._may_triple(text)
