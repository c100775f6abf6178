"""The incoming-comment speed-ups give the same reports as the code they replace: a finding built without
the frozen dataclass's ``__init__`` is the finding that ``__init__`` builds, the findings step gives the
findings of the straightforward form it replaces, and ``check_many`` runs the rules once for a draft
repeated in its batch (with the same context) and still gives every item the report ``check`` gives."""

import dataclasses
import pickle
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from herald.checks import Context, Draft, check, check_many, engine
from herald.checks.model import Finding, new_finding, sort_findings
from herald.checks.tests.test_fast_paths_round_five import _SUFFIX_PIECES, _mixes
from herald.checks.tests.test_fast_paths_round_nine import _bench_context, _raw_hits
from herald.checks.tests.test_prefilter import _corpus_texts
from herald.checks.textutil import probe


@pytest.mark.parametrize(
    "values",
    [
        ("profanity", "offensive", "block", "Swearing: shit", "4.2", "Remove it.", 3, 7, ""),
        ("abuse-model", "offensive", "warn", "Abuse 0.91", "4.2 (members: 3.1)", "", None, None, "Public Order Act"),
        ("x", "", "advice", "", "", "", 0, 0, ""),
    ],
)
def test_a_finding_built_fast_is_the_finding_the_dataclass_builds(values):
    fast, plain = new_finding(*values), Finding(*values)
    assert fast == plain and repr(fast) == repr(plain) and hash(fast) == hash(plain)
    assert dataclasses.asdict(fast) == dataclasses.asdict(plain) and fast.to_dict() == plain.to_dict()
    assert pickle.loads(pickle.dumps(fast)) == plain
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.rule = "other"  # type: ignore[misc]


def _findings_reference(text, hits, context, kind, rules):
    """The findings step as it was before (every message formatted, every finding made by ``Finding``)."""
    findings, seen = [], set()
    for rule, start, end, fields in hits:
        key = (rule, start, end, str(fields.get("detail", "")))
        if key in seen:
            continue
        seen.add(key)
        spec = rules.rules[rule]
        in_period = context.pre_election and fields.pop("pre_election", None) is not False
        severity = engine.resolve_severity(spec, context, kind, in_period)
        if severity == "off":
            continue
        values = engine._Blank(fields, match=engine._excerpt(text, start, end))
        clause = rules.member_clauses.get(spec.clause, spec.clause) if context.role == "councillor" else spec.clause
        findings.append(
            Finding(
                rule=rule,
                category=spec.category,
                severity=severity,
                message=spec.message.format_map(values),
                clause=clause,
                suggestion=spec.suggestion.format_map(values),
                start=start,
                end=end,
                law=spec.law,
            )
        )
    return sort_findings(findings)


_CONTEXTS = (
    Context(),
    Context(account="personal", role="councillor"),
    Context(account="personal", politically_restricted=True, pre_election=True),
)


def test_the_findings_step_gives_the_findings_of_its_straightforward_form(monkeypatch):
    texts = _corpus_texts()[::4]
    contexts = (_bench_context(), *_CONTEXTS)
    drafts = [(Draft(text=text, kind=kind), ctx) for text in texts for kind in ("comment", "post") for ctx in contexts]
    monkeypatch.setattr(engine, "_findings", _findings_reference)
    want = [report.findings for report in check_many(drafts)]
    monkeypatch.undo()
    got = [report.findings for report in check_many(drafts)]
    assert repr(got) == repr(want)
    # one finding, several findings to sort, and none at all were all met
    assert sum(len(found) == 1 for found in want) > 300
    assert sum(len(found) > 2 for found in want) > 300
    assert sum(not found for found in want) > 300


def _batch_with_repeats() -> list[tuple[Draft, Context]]:
    """Drafts met again and again in one batch, with one context object, another equal to it and others."""
    rng = random.Random(12)
    texts = _corpus_texts()[:100] + ["Thank you!", "f*ck the lot of you", "Call me on 07911 123456", ""]
    bench = _bench_context()
    contexts = (bench, _bench_context(), *_CONTEXTS)  # _bench_context() builds an equal, separate object
    items = [(Draft(text=rng.choice(texts), kind=rng.choice(("comment", "post"))), rng.choice(contexts)) for _ in range(3000)]  # fmt: skip
    return items


def test_check_many_gives_a_repeated_draft_the_report_check_gives():
    items = _batch_with_repeats()
    reports = check_many(items)
    assert [r.findings for r in reports] == [check(draft, ctx).findings for draft, ctx in items]
    # each report has a findings list of its own: changing one changes no other
    assert len({id(r.findings) for r in reports}) == len(reports)
    blocking = next(r for r in reports if r.findings)
    blocking.findings.clear()
    assert [r.findings for r in reports if r is not blocking] == [
        check(draft, ctx).findings for (draft, ctx), r in zip(items, reports, strict=True) if r is not blocking
    ]


def test_check_many_runs_the_rules_once_for_a_draft_repeated_with_the_same_context(monkeypatch):
    items = _batch_with_repeats()
    collected = []
    collect = engine._collect
    monkeypatch.setattr(engine, "_collect", lambda hits, draft, ctx, *rest: collected.append((draft, id(ctx))) or collect(hits, draft, ctx, *rest))  # fmt: skip
    check_many(items)
    distinct = {(draft, id(ctx)) for draft, ctx in items}
    assert len(collected) == len(distinct) < len(items) / 2
    # the same draft with a context equal to another but not the same object is checked again
    assert len({draft for draft, _ in collected}) < len(collected)


def test_check_many_hands_a_repeated_draft_the_hits_its_first_one_had(monkeypatch):
    items = _batch_with_repeats()
    one_by_one = _raw_hits(monkeypatch, lambda: [check(draft, ctx) for draft, ctx in items])
    batched = _raw_hits(monkeypatch, lambda: check_many(items))
    assert batched == one_by_one
    assert any("pre_election" in dict(fields) for hits in one_by_one for *_, fields in hits)  # a field it pops


_SUFFIX_PIECES_MORE = _SUFFIX_PIECES + [
    "gade",
    "brigade",
    "Allee",
    "katu",
    "ulica",
    "Str",
    "x_tie",
    "weg2",
    "ẞ",
    "-",
    "_",
]


def _assert_may_suffix_necessary(text: str) -> None:
    from herald.checks import personal_data as pd

    lowered, words = probe(text)
    if pd._suffix_hint(lowered):
        assert pd._may_suffix(words), text


@pytest.mark.parametrize("seed", [21, 22])
def test_the_street_suffix_word_gate_holds_wherever_the_suffix_scan_finds_one(seed):
    from herald.checks import personal_data as pd

    texts = _corpus_texts() + _mixes(_SUFFIX_PIECES_MORE, seed=seed, count=6000, shortest=1, longest=20)
    found = 0
    for text in texts:
        _assert_may_suffix_necessary(text)
        found += pd._suffix_hint(probe(text)[0])
    assert found > 80  # the scan found a suffix before a number often enough to test the gate
    # and the gate is not always open: most texts of the corpus are answered by the word set alone
    assert sum(not pd._may_suffix(probe(text)[1]) for text in _corpus_texts()) > 0.9 * len(_corpus_texts())


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_SUFFIX_PIECES_MORE), max_size=20).map("".join) | st.text(max_size=60))
def test_the_street_suffix_word_gate_holds_on_any_text(text):
    _assert_may_suffix_necessary(text)


_RUN_PIECES = ["everyone", "!", "!!", "sh1t", "f*ck", "@ss", "$", "|", "_", "aaa", "111", "07911", " ", "  ", ".",
               "#", "#tag", "LE10", "1AB", "-", "x", "Zz", "?", "\n", "www."]  # fmt: skip


def _assert_runs_same(text: str) -> None:
    from herald.checks.offensive import obfuscation

    starts = [m.start() for m in obfuscation._SYMBOL.finditer(text)]
    starts = sorted(starts + [m.start() for m in obfuscation._TRIPLE.finditer(text)])
    assert obfuscation._ascii_runs(text, starts) == obfuscation._runs_around(text, starts), text


def test_the_runs_of_ascii_text_found_by_spaces_are_the_runs_found_character_by_character():
    texts = [
        t for t in _corpus_texts() + _mixes(_RUN_PIECES, seed=23, count=6000, shortest=0, longest=25) if t.isascii()
    ]
    for text in texts:
        _assert_runs_same(text)
    assert len(texts) > 8000


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_RUN_PIECES), max_size=25).map("".join) | st.text(alphabet=st.characters(max_codepoint=127), max_size=60))  # fmt: skip
def test_the_runs_of_any_ascii_text_are_the_runs_found_character_by_character(text):
    _assert_runs_same(text)


_CUE_PIECES = ["Amelia", " ", "(", ")", ",", "who", "Y4", "y4", "8", "12", "123", "1234", "12345", "a1", "ab1",
               "abc1", "x", "class", "Mill Lane", "07911 123456", "-", ".", "²", "٣", "é"]  # fmt: skip


def _has_cue_reference(text: str) -> bool:
    """``children.has_cue`` as it was, looking at each word."""
    from herald.checks import children

    words = probe(text)[1]
    if not words.isdisjoint(children._CUE_WORDS):
        return True
    small = [w for w in words if len(w) <= 3 and w[-1].isdigit()]
    if not small:
        return False
    return any(w[0] == "y" for w in small) or "(" in text or "," in text or "who" in words


def test_the_childrens_cue_gives_the_answer_of_its_word_by_word_form():
    from herald.checks import children

    texts = _corpus_texts() + _mixes(_CUE_PIECES, seed=24, count=6000, shortest=0, longest=12)
    answers = [children.has_cue(text) for text in texts]
    assert answers == [_has_cue_reference(text) for text in texts]
    assert sum(answers) > 1000 and answers.count(False) > 1000


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_CUE_PIECES), max_size=12).map("".join) | st.text(max_size=40))
def test_the_childrens_cue_gives_the_answer_of_its_word_by_word_form_on_any_text(text):
    from herald.checks import children

    assert children.has_cue(text) == _has_cue_reference(text)
