"""The one-pass prefilter and the shared tokenisation give the same answers as the code they stand in
for, over the bench corpus, every labelled test text, every listed phrase and random text."""

import csv
import json
import random
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from herald.checks import abuse_model, offensive_model
from herald.checks.engine import _compiled, default_rules
from herald.checks.textutil import PhraseMatcher, Prefilter

ROOT = Path(__file__).resolve().parents[3]


def _matchers() -> list[PhraseMatcher]:
    compiled = _compiled(default_rules())
    found = []
    for family in (compiled.political, compiled.legal, compiled.offensive):
        for value in vars(family).values():
            found += [m for m in (value if isinstance(value, tuple) else (value,)) if isinstance(m, PhraseMatcher)]
    return found


def _corpus_texts() -> list[str]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import checks as bench  # bench/checks.py: the speed corpus
    finally:
        sys.path.remove(str(ROOT / "bench"))
    texts = [draft.text for draft in bench.corpus(3000)]
    for path in sorted((ROOT / "herald/checks/tests/data").glob("*.tsv")) + sorted((ROOT / "bench/data").glob("*.tsv")):
        rows = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
        texts += [row[-1] for row in csv.reader(rows, delimiter="\t")]
    for line in (ROOT / "bench/data/blind_pii.jsonl").read_text(encoding="utf-8").splitlines():
        texts.append(json.loads(line)["text"])
    return texts


def _phrase_texts() -> list[str]:
    """Every phrase of every list the prefilter serves, alone, inside a sentence, shouted, run on and
    inside a longer word, so each needed word, stem and inner part is met."""
    rules = default_rules()
    texts = []
    for phrases in rules.words.values():
        for phrase in phrases:
            bare = phrase.strip("*")
            texts += [bare, f"they said {bare} today.", bare.upper(), bare + "ing", "x" + bare + "y", bare.split()[-1]]
    return texts


def _assert_same(text: str, matchers: list[PhraseMatcher]) -> None:
    for matcher in matchers:
        assert matcher.may_match(text) == matcher.plain_may_match(text), (text, matcher.pattern.pattern[:80])


def test_every_compiled_word_list_is_answered_by_the_one_prefilter():
    matchers = _matchers()
    assert len(matchers) >= 15
    prefilters = {id(m.prefilter) for m in matchers}
    assert len(prefilters) == 1 and None not in {m.prefilter for m in matchers}


def test_prefilter_agrees_with_each_word_lists_own_test_on_the_corpus_and_every_listed_phrase():
    matchers = _matchers()
    texts = _corpus_texts() + _phrase_texts()
    assert len(texts) > 5000
    woken = 0
    for text in texts:
        _assert_same(text, matchers)
        woken += any(m.may_match(text) for m in matchers)
    assert woken > 1000  # the texts do wake the word lists: the comparison is not all "no"


def test_prefilter_finds_a_phrase_whose_first_word_is_common():
    # "the accused" is filed under "accused": a text with "the" alone wakes nothing, one with both does
    matcher = PhraseMatcher(["the accused", "bastard*", "*fuck*"], glob=True)
    other = PhraseMatcher(["accused of"])
    Prefilter([matcher, other])
    assert not matcher.may_match("the council met")
    assert matcher.may_match("The accused man")
    assert not other.may_match("The accused man")
    assert matcher.may_match("bastards!") and matcher.may_match("motherfucker")
    for text in ("the council met", "The accused man", "bastards!", "motherfucker", "accused OF"):
        _assert_same(text, [matcher, other])


_PIECES = ["the ", "accused ", "fuck", "F*CK ", "sh1t ", "kill ", "you ", "are ", "idiots ", "vote ", "Labour ",
           "confidential ", "'", "@user ", "http://x.co ", "www.a.b ", "don't ", "_", "é", "İ", "日本 ", "1", "2 ",
           "$", "*", ". ", "\n", "waste of space ", "go back ", "Cllr ", "ß"]  # fmt: skip


def test_prefilter_on_random_mixtures():
    matchers = _matchers()
    rng = random.Random(12)
    for _ in range(3000):
        _assert_same("".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30))), matchers)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_prefilter_on_any_text(text):
    _assert_same(text, _matchers())


def _assert_same_tokens(text: str) -> None:
    assert abuse_model._words(text) == abuse_model._plain_words(text.lower()), text
    assert offensive_model.tokens(text) == offensive_model._TOKEN.findall(text.lower()), text


def test_shared_tokenisation_gives_each_model_its_own_words():
    rng = random.Random(13)
    texts = _corpus_texts() + ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    shared = 0
    for text in texts:
        _assert_same_tokens(text)
        lowered = text.lower()
        shared += lowered.isascii() and "'" not in lowered and "_" not in lowered
    assert shared > 1000  # most texts take the shared path


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200) | st.text(alphabet=st.sampled_from("aA1_'@$*. x"), max_size=40))
def test_shared_tokenisation_on_any_text(text):
    _assert_same_tokens(text)


def _assert_same_starts(text: str) -> None:
    starts = _compiled(default_rules()).offensive.starts
    lowered = text.lower()
    starts._last = ("\0", ())  # no answer kept from an earlier text
    assert starts.hits(lowered) == starts._hits_by_pattern(lowered), text


def test_word_starts_answer_from_the_word_set_as_the_scan_does():
    rng = random.Random(14)
    texts = _corpus_texts() + _phrase_texts()
    texts += ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    starts = _compiled(default_rules()).offensive.starts
    found = 0
    for text in texts * 2:  # the second time round, most words are already known to start with no stem
        _assert_same_starts(text)
        found += bool(starts.hits(text.lower()))
    assert found > 1000


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=200) | st.text(max_size=100))
def test_word_starts_on_any_text(text):
    _assert_same_starts(text)


def _registers():
    from herald.checks import Councillor
    from herald.checks.political import Register

    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import checks as bench
    finally:
        sys.path.remove(str(ROOT / "bench"))
    odd = tuple(
        Councillor(name=name, party="Independent")
        for name in ("Sean O'Brien", "Anne-Marie Smith-Jones", "Zoë Ärger", "İlker Şahin", "Bray", "J. R. Hartley Jr.")
    )
    return [Register(bench.context().councillors), Register(odd), Register(odd + (Councillor(name="(…)"),))]


_NAMES = ["Cllr ", "Councillor ", "Bray ", "Stuart ", "S. ", "O'Brien ", "Sean ", "Smith-Jones ", "Anne-Marie ",
          "Zoë ", "ÄRGER ", "İlker ", "Şahin ", "ilker ", "Jr. ", "Hartley ", "(…) ", "_", "x", ", ", "İ"]  # fmt: skip


def test_members_register_skips_texts_without_a_members_last_name_and_finds_the_same_names():
    registers = _registers()
    rng = random.Random(15)
    texts = _corpus_texts() + ["".join(rng.choice(_NAMES) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    named = 0
    for register in registers:
        assert register._last_words is not None or register is registers[-1]
        for text in texts:
            found = register._find(text)
            assert found == register._scan(text, text.lower()), text
            named += bool(found)
    assert named > 500


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_NAMES), max_size=12).map("".join))
def test_members_register_on_any_mixture(text):
    for register in _registers():
        assert register._find(text) == register._scan(text, text.lower())
