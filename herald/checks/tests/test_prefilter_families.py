"""The offensive rules' families are called only when the engine's one prefilter mask has their bit
(``textutil.Prefilter`` families, read once per text in ``engine._collect``), and obfuscated swearing is
looked for only in ASCII text with a piece not known to be clean: both shortcuts give the same findings as
calling every family and scanning every run, over the bench corpus, every labelled test text and seeded
random mixes of the edge cases (cue words alone, glued to others and with their companions, digits in
every position, symbols, "#", case, and letters a case-blind pattern reads as others)."""

import random

import pytest

from herald.checks.engine import _compiled, default_rules
from herald.checks.offensive import check_offensive, contempt, obfuscation, veneer
from herald.checks.textutil import probe

from .test_offensive_round15_contempt import SAMPLES as CONTEMPT_SAMPLES
from .test_offensive_round16_veneer import SAMPLES as VENEER_SAMPLES
from .test_prefilter import _corpus_texts

COMPILED = _compiled(default_rules())
M = COMPILED.offensive
PREFILTER = COMPILED.prefilter
FAMILIES = {
    "contempt": contempt.contempt_hits,
    "menace": veneer.menace_hits,
    "advance": veneer.advance_hits,
    "prejudice": veneer.prejudice_hits,
}


def _offensive_hits(text: str, kind: str, mask: int) -> list[tuple]:
    hits: list[tuple] = []
    waited: list[tuple] = []

    def emit(rule, start, end, **fields):
        hits.append((rule, start, end, fields))

    check_offensive(text, M, default_rules().thresholds, emit, kind, None, None, lambda *a: waited.append(a), mask)
    return hits + [sorted(counted.items()) for counted, _later in waited]


def _shapes_found(text: str) -> bool:
    lowered, words = probe(text)
    from herald.checks.offensive.shapes import _shape_hits

    return any(True for _ in _shape_hits(text, lowered, words, M.shapes, True))


def _assert_family_bits(text: str) -> None:
    mask = PREFILTER.mask(text)
    words = probe(text)[1]
    for name, family in FAMILIES.items():
        if family(text, words):
            assert mask & M.bits[name], (name, text)
    if _shapes_found(text):
        assert mask & M.bits["shapes"], text


# Cue words of each family, their companions and glued spellings, and what surrounds them.
_CUES = sorted(contempt._CUES | veneer._MENACE_CUES | veneer._ADVANCE_CUES | veneer._PREJUDICE_CUES)
_SHAPE_WORDS = sorted({w for shape in M.shapes.shapes for w in shape.anchors | (shape.needs or frozenset())})
_PIECES = (
    _CUES
    + _SHAPE_WORDS
    + ["I know where you live", "he needs shooting", "give him a good hiding", "hope you die slowly", "send nudes",
       "Muslims", "the gays", "they breed like rats", "should be put down", "i'd shag her", "😉"]
    + sorted({w for others in contempt._WITH.values() for o in others for w in o.split()})
    + contempt._GLUED
    + ["you", "he", "she", "is", "a", "an", "the", "most", "person", "Cllr Smith", "@CllrB", "lights are on but",
       "nobody's home", "nobodys", "sell-by date", "past his", "couldn't run a", "waste of", "hired on her",
       "let herself go", "get an adult to", "isn't all there", "you sad old", "bat", "clot who", "useless,",
       "sh1t", "f*ck", "@ss", "#sh1t", "a#b1t", "fuuuck", "f u c k", "c.u.n.t", "LE10", "07911 123456", "HR-2815",
       "ſtupidest", "uſeless", "ıdiot", "İdiot", "K", "😉", "é", "—", ".", "!", "?", ",", "\n", "2", "0:41"]
)  # fmt: skip


def _mixes(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        words = [rng.choice(_PIECES) for _ in range(rng.randint(1, 14))]
        if rng.random() < 0.3:  # a digit or symbol at the start, inside or at the end of a word
            i = rng.randrange(len(words))
            j = rng.randint(0, len(words[i]))
            words[i] = words[i][:j] + rng.choice("0123456789@$*!|#_") + words[i][j:]
        if rng.random() < 0.2:
            words = [w.upper() if rng.random() < 0.5 else w.title() for w in words]
        texts.append(rng.choice((" ", " ", ", ", "")).join(words))
    return texts


def test_a_family_that_finds_something_always_has_its_bit():
    for text in CONTEMPT_SAMPLES + VENEER_SAMPLES + _corpus_texts()[::5] + _mixes(2000, 12):
        _assert_family_bits(text)


def test_every_sample_of_contempt_wakes_its_family_and_a_bare_everyday_cue_does_not():
    for text in CONTEMPT_SAMPLES:
        assert PREFILTER.mask(text) & M.bits["contempt"], text
    for text in ("You lot are useless, fix the bins", "Call me, nobody answers the switchboard", "Isn't it a bus?"):
        assert not PREFILTER.mask(text) & M.bits["contempt"], text


@pytest.mark.parametrize(
    "text",
    [
        # an everyday cue wakes the old check; the appraisal found is spelt as one word with no cue in it
        "Useless again. And you clotwho asked for this?",
        "Nobody asked, you slowwitted prat.",
        "Useless as ever, the man is past his sellby date.",
        "Nobody wanted another boxticking appointment.",
        # a letter a case-blind pattern reads as another ("ſ" as "s"): the word is not the cue
        "Nobody asked. You are the ſtupidest person I have met.",
        "Useless again. Honestly, you İncompetent, who hired you?",
        "Useless again. Honestly, you ıncompetent, who hired you?",
    ],
)
def test_an_appraisal_spelt_without_its_cue_word_still_wakes_contempt(text):
    assert contempt.contempt_hits(text, probe(text)[1]), text  # the old check finds it
    _assert_family_bits(text)


@pytest.mark.parametrize("kind", ["comment", "post"])
def test_the_offensive_rules_with_the_mask_give_what_calling_every_family_gives(kind):
    texts = CONTEMPT_SAMPLES + VENEER_SAMPLES + _corpus_texts()[1::15] + _mixes(800, 7 if kind == "comment" else 8)
    for text in texts:
        assert _offensive_hits(text, kind, PREFILTER.mask(text)) == _offensive_hits(text, kind, -1), text


def test_clean_pieces_find_what_the_run_scan_finds():
    for text in _corpus_texts()[::4] + _mixes(3000, 5):
        assert obfuscation._obfuscated_hits(text, M) == obfuscation._obfuscated_hits(text, M, pieces=False), text


def test_a_disguised_word_after_clean_pieces_is_still_found():
    M.obfuscated_clean.clear()
    # ("#ab1!sh1t": the "#" stops the whole piece matching from its start, so "sh1t" after the "!" is found)
    for text in (
        "fix the bins LE10 1AB",
        "LE10 1AB fix the bins sh1t",
        "#sh1t and a#sh1t",
        "b1t sh1t",
        "#ab1!sh1t",
        "fix it 😍 sh1t",
        "😍sh1t😍",
        "fix it 😍 LE10",
        "£5 for sh1t",
        "ſh1t",
        "é1t sh1t",
        "İt sh1t",
    ):
        assert obfuscation._obfuscated_hits(text, M) == obfuscation._obfuscated_hits(text, M, pieces=False), text
    assert obfuscation._obfuscated_hits("LE10 1AB fix the bins sh1t", M)
    assert obfuscation._obfuscated_hits("#ab1!sh1t", M)


def test_the_spaced_letters_check_never_hides_spaced_letters():
    texts = _corpus_texts()[::3] + _mixes(3000, 9)
    texts += [
        "f u c k",
        "(f u c k)",
        "x f.u.c.k",
        "a-b-c",
        "a_b_c d",
        "9 a b c",
        "@a b c",
        "I a m",
        "1a b c",
        "é a b ",
        "😍 f u c k",
        "“f u c k”",
        "ſ a b c",
        "İ a b c",
        "a\u0301 b c d",
    ]
    hinted = 0
    for text in texts:
        if obfuscation._SPACED_HINT.search(text) is not None:
            hinted += 1
            assert obfuscation._may_be_spaced(text, obfuscation._as_ascii(text)), text
    assert hinted > 50
    for text in ("Why are my bins never collected on time?? Third week running.", "Lovely photos 😍 a b"):
        assert not obfuscation._may_be_spaced(text, obfuscation._as_ascii(text)), text
