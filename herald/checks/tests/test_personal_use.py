"""A personal post read with the policy's rules for a person's own account (personal_use.py)."""

import pytest

from herald.checks import Draft, check
from herald.checks.personal_use import default_personal_use, for_personal_account, parse_personal_use

from .helpers import official, personal

CRITICISM = "Honestly the council is an absolute disgrace and the cabinet don't care about residents."


def _personal_findings(text, context):
    return for_personal_account(check(Draft(text=text), context), text, context).findings


def test_running_the_council_down_on_a_personal_account_is_advice_citing_personal_use():
    [finding] = _personal_findings(CRITICISM, personal())
    assert finding.rule == "council-disrepute"
    assert finding.severity == "advice"
    assert finding.clause == "personal-use"
    assert CRITICISM[finding.start : finding.end] == "disgrace"
    assert "free to criticise" in finding.message


def test_criticism_of_the_council_is_never_blocked_even_in_a_restricted_post():
    findings = _personal_findings(CRITICISM, personal(politically_restricted=True))
    assert [f.severity for f in findings] == ["advice"]


def test_reasoned_disagreement_with_the_council_is_not_flagged():
    text = "I disagree with the council's plan for the car park: the charges will hurt the market."
    assert _personal_findings(text, personal()) == []


def test_a_put_down_about_someone_other_than_the_council_is_not_disrepute():
    assert not [
        f for f in _personal_findings("The referee was a disgrace today.", personal()) if f.rule == "council-disrepute"
    ]


def test_councillors_criticising_the_council_are_left_alone():
    assert _personal_findings(CRITICISM, personal(role="councillor")) == []


def test_a_personal_call_to_vote_is_explained_with_the_personal_account_rule():
    findings = _personal_findings("Vote Conservative on Thursday!", personal())
    assert {f.rule for f in findings} == {"call-to-vote", "party-name"}
    assert {f.severity for f in findings} == {"advice"}
    assert {f.clause for f in findings} == {"personal-use"}
    assert all("Most staff may support a party" in f.suggestion for f in findings)
    assert not any("Council publicity" in f.suggestion for f in findings)


def test_a_restricted_post_holder_is_shown_the_restricted_posts_clause():
    findings = _personal_findings("Vote Conservative on Thursday!", personal(politically_restricted=True))
    assert {f.severity for f in findings} == {"block"}
    assert {f.clause for f in findings} == {"politically-restricted"}
    assert all("politically restricted" in f.suggestion for f in findings)


def test_an_official_report_is_left_as_the_engine_gave_it():
    report = check(Draft(text="Vote Conservative on Thursday!"), official())
    assert for_personal_account(report, "Vote Conservative on Thursday!", official()) is report


def test_the_bundled_data_file_loads_and_a_broken_copy_is_refused():
    assert default_personal_use().disrepute.clause == "personal-use"
    with pytest.raises(ValueError, match="version must be 1"):
        parse_personal_use("version = 2")
    with pytest.raises(ValueError, match="missing or malformed"):
        parse_personal_use("version = 1\n[disrepute]\nclause = 'x'\n")
