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


# links of every shape the classifiers' own patterns read, with what sits around them
_LINKS = ["http://x.uk/a", "https://www.hinckley-bosworth.gov.uk/bins", "www.x.uk", "WWW.Café.fr/é", "http://a1b.uk",
          "https://x.uk/sh1t", "www.x.uk/2024.pdf", "http://x.uk/1,000", "foohttp://x", "httpx", "http:/x", "www.",
          "xlink", "www.a'b.uk", "http://x.uk/don't", "Xwww.y", "http://😀.uk", "(www.x.uk)", "«http://x.uk»", "http://x.uk/@foo", "www.x.uk/@a", "@http://x"]  # fmt: skip
_AROUND = ["", " ", "  ", "\n", "@", "jo@example.com", "@hbbc_x", "@josé", "x@", "Vote", "we", "will", "sh1t", "f*ck", "a1b", "2026", "1,000", "3.71", "12a", "’",
           "don't", "@hbbc", "😀", "£", "é", "naïve", ".", ",", "-", "council", "tax", "idiot", "x2"]  # fmt: skip


def _linked_texts() -> list[str]:
    import random

    rng = random.Random(77)
    texts = []
    for _ in range(6000):
        pieces = [rng.choice(_LINKS)] + [rng.choice(_AROUND) for _ in range(rng.randint(0, 12))]
        rng.shuffle(pieces)
        texts.append(rng.choice(["", " "]).join(pieces))
    return texts + [text + " " + rng.choice(_LINKS) for text in _corpus_texts()[:3000]]


def _assert_linked_words_same(text: str) -> None:
    from herald.checks import abuse_model, party_model

    lowered = text.lower()
    assert abuse_model._words(text) == abuse_model._plain_words(lowered), text
    assert party_model.words(text) == party_model._plain_words(lowered), text


def test_classifier_words_of_text_with_links_are_each_models_own():
    fast = 0
    for text in _linked_texts():
        _assert_linked_words_same(text)
        lowered = text.lower()
        # the texts that take the new path: a link or a handle, and no apostrophe
        fast += ("http" in lowered or "www." in lowered or "@" in lowered) and "'" not in lowered
    assert fast > 3000


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_LINKS + _AROUND + _PIECES), max_size=20).map("".join) | st.text(max_size=80))
def test_classifier_words_with_links_on_any_text(text):
    _assert_linked_words_same(text)


def test_word_pairs_are_the_neighbouring_words_joined_for_every_list():
    from herald.checks.textutil import word_pairs

    words = ["we", "will", "cut", "tax"]
    assert word_pairs(words) == ["we will", "will cut", "cut tax"]
    assert word_pairs(words) is word_pairs(words)  # the same list: built once, shared
    assert word_pairs(["cut", "tax"]) == ["cut tax"]  # another list: its own pairs
    assert word_pairs(["tax"]) == [] and word_pairs([]) == []
    assert word_pairs(list(words)) == ["we will", "will cut", "cut tax"]


def test_both_classifiers_score_as_term_by_term_when_they_share_a_text_s_pairs():
    """The party and abuse classifiers score one text after the other from the same list of words (and
    so the same pairs): each score equals the one summed term by term from its own features."""
    import math

    from herald.checks import abuse_model, party_model

    party, abuse = party_model.model(), abuse_model.model()
    shared = 0
    for text in _corpus_texts()[:1500] + _linked_texts()[:1500]:
        found = party_model.words(text)
        shared += found is abuse_model._words(text)
        for loaded, features in ((party, party_model.features), (abuse, abuse_model.features)):
            if loaded is None:
                continue
            numbers = {loaded.index[t] for t in features(text) if t in loaded.index}
            norm = sum(loaded.norm_shares[n] for n in numbers)
            total = sum(loaded.sum_shares[n] for n in numbers)
            decision = (total / math.sqrt(norm) if norm else 0.0) + loaded.intercept
            expected = 0.0 if decision < -30 else 1.0 / (1.0 + math.exp(-decision))
            got = loaded.score_words(found) if loaded is party else loaded.score(text)
            assert abs(got - expected) < 1e-9, text
    assert shared > 300


_FANCY_PIECES = ["𝐇𝐞𝐥𝐥𝐨", "Ⓗⓔⓛⓛⓞ", "⒣⒠⒧", "Ｈｅｌｌｏ", "🄷🄴🄻", "ʜᴇʟʟᴏ", "ᴀ", "ʙ", "𝟏𝟐", "\U0001d7ff", "\U0001d400",
                  "\u24e9", "\uff3a", "\uff41", "\U0001f189", "\U0001f18a", "\u1d22", "\u1d23", "😀", "£", "é", "—"]  # fmt: skip


def test_fancy_text_gate_gives_the_pattern_s_answer():
    import random

    from herald.checks import presentation

    rng = random.Random(70)
    mixes = ["".join(rng.choice(_FANCY_PIECES + _PIECES) for _ in range(rng.randint(0, 10))) for _ in range(4000)]
    fancy = 0
    for text in _texts() + mixes:
        expected = presentation._FANCY.search(text) is not None
        assert presentation.has_fancy_text(text) == expected, text
        fancy += expected
    assert fancy > 1000


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_FANCY_PIECES + _PIECES), max_size=20).map("".join) | st.text(max_size=60))
def test_fancy_text_gate_on_any_text(text):
    from herald.checks import presentation

    assert presentation.has_fancy_text(text) == (presentation._FANCY.search(text) is not None)
