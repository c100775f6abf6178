import io
import json
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from herald.checks import Context, Draft, Report, check, check_many
from herald.checks.__main__ import main

from .helpers import REGISTER, official


def test_reports_count_severities_and_serialise():
    report = check(Draft("Call 07911 123456. What a crap day"), official())
    assert isinstance(report, Report) and isinstance(report.findings, list)
    assert report.blocking and report.counts["block"] == 1 and report.warnings == 1
    data = report.to_dict()
    assert data["findings"][0]["rule"] == "phone-number"
    assert set(data["findings"][0]) >= {
        "rule",
        "category",
        "severity",
        "start",
        "end",
        "message",
        "clause",
        "suggestion",
    }


def test_check_many_matches_check_one_by_one():
    drafts = [Draft("Vote Labour"), Draft("Lovely day"), Draft("Call 07911 123456")]
    context = official()
    assert check_many(drafts, context) == [check(d, context) for d in drafts]
    mixed = check_many([(drafts[0], context), (drafts[0], Context(account="personal", role="councillor"))])
    assert mixed[0].blocking and not mixed[1].blocking


def test_the_cli_prints_findings_for_a_person(capsys):
    code = main(["Vote Labour on Thursday", "--platform", "x", "--official", "--pre-election"])
    out = capsys.readouterr().out
    assert code == 1 and "call-to-vote" in out and "Fix:" in out


def test_the_jsonl_cli_streams_and_reports_bad_lines(monkeypatch, capsys):
    lines = [
        json.dumps(
            {"id": "a", "text": "Fuck this", "platform": "x", "context": {"account": "personal", "role": "employee"}}
        ),
        "{not json",
        json.dumps({"id": "c", "text": 7}),
        json.dumps(
            {"id": "d", "text": "Cllr Bray", "context": {"pre_election": True, "councillors": [["Stuart Bray", "LD"]]}}
        ),
    ]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    assert main(["--jsonl"]) == 0
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [o["id"] for o in out] == ["a", 2, "c", "d"]
    assert out[0]["findings"][0]["severity"] == "warn"
    assert "error" in out[1] and "error" in out[2]
    assert out[3]["findings"][0]["severity"] == "block"


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=400), platform=st.sampled_from(["x", "bluesky", "instagram", "facebook"]))
def test_any_unicode_text_never_raises_and_spans_lie_inside_it(text, platform):
    context = official(pre_election=True)
    for finding in check(Draft(text, platform=platform), context).findings:
        if finding.start is not None:
            assert 0 <= finding.start <= finding.end <= len(text)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Cllr Bray",
                "07911 123456",
                " f*ck ",
                "#recyclingweek",
                "🎉",
                "LE10 1AB",
                "Vote Labour",
                "İ",
                "ẞ",
                "\u0130stanbul",
                "stuart bray",
                "\n",
                " ",
                "𝐁",
                "QQ 12 34 56 C",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_spans_hold_for_tricky_mixtures(text):
    context = Context(pre_election=True, councillors=REGISTER)
    for finding in check(Draft(text, platform="bluesky"), context).findings:
        if finding.start is not None:
            assert 0 <= finding.start <= finding.end <= len(text)
