import pytest

from herald.checks import Context

from .helpers import REGISTER, findings, official, personal, rules_found, severity_of


def test_a_councillor_named_in_an_official_post_is_advice_normally_and_blocked_before_an_election():
    text = "Cllr Stuart Bray opened the new play area today."
    assert severity_of("councillor-named", text, official()) == "advice"
    assert severity_of("councillor-named", text, official(pre_election=True)) == "block"


def test_register_names_are_found_in_any_common_form():
    for text in (
        "Thanks to Stuart Bray",
        "Thanks to Cllr Bray",
        "Thanks to Councillor S Bray",
        "thanks to stuart bray",
    ):
        assert "councillor-named" in rules_found(text, official(pre_election=True)), text


def test_a_by_election_restricts_only_councillors_for_that_ward():
    context = official(pre_election=True, pre_election_wards=("Barwell",))
    assert severity_of("councillor-named", "Amanda Wright visited", context) == "block"
    assert severity_of("councillor-named", "Stuart Bray visited", context) == "advice"


def test_a_party_name_is_advice_for_an_employee_and_a_block_for_a_restricted_post():
    text = "Great to see the Lib Dems out in Burbage today"
    assert severity_of("party-name", text, personal()) == "advice"
    assert severity_of("party-name", text, personal(politically_restricted=True)) == "block"


def test_councillors_may_campaign_on_their_own_accounts():
    assert not {"party-name", "call-to-vote"} & rules_found("Vote Labour on Thursday!", personal(role="councillor"))


def test_party_names_on_official_accounts_warn_and_block_before_an_election():
    assert severity_of("party-name", "The Conservative group proposed the motion", official()) == "warn"
    assert (
        severity_of("party-name", "The Conservative group proposed the motion", official(pre_election=True)) == "block"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Labour market figures are out",
        "Manual labour is hard work",
        "A conservative estimate is 300 homes",
        "The Green Flag award for our parks",
        "We reform the waste service",
    ],
)
def test_ordinary_words_that_look_like_parties_are_not_flagged(text):
    assert "party-name" not in rules_found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Vote Labour on 7 May!",
        "Vote for Cllr Bray",
        "Don't vote Tory",
        "Re-elect Stuart Bray",
        "#VoteReformUK",
        "Vote for us on Thursday",
    ],
)
def test_calls_to_vote_are_blocked_on_official_accounts(text):
    assert severity_of("call-to-vote", text, official()) == "block"


@pytest.mark.parametrize(
    "text",
    [
        "Register to vote by midnight on 16 April at gov.uk/register-to-vote.",
        "The deadline to apply for a postal vote is 5pm on 17 April.",
        "Apply for a proxy vote by 5pm on 24 April.",
        "Polling stations are open from 7am to 10pm on Thursday 2 May.",
        "The notice of election has been published today.",
        "Results declared: see the full list of candidates on our website.",
        "Vote for your favourite park in the Green Flag awards!",
        "Remember to bring photo ID when you vote at your polling station.",
        "The annual canvass starts this week; please reply to the canvass form.",
    ],
)
def test_neutral_election_administration_is_not_political(text):
    found = {f.category for f in findings(text, official(pre_election=True))}
    assert "political" not in found


def test_campaign_language_and_member_positions_are_found():
    assert "campaign-language" in rules_found("Out canvassing on the doorstep with our candidate")
    assert "member-position" in rules_found("Cllr Wright slams the new housing plan", official(pre_election=True))


def test_sharing_politicians_content_is_flagged():
    assert "political-share" in rules_found("RT @CllrBray: great news for Burbage")
    assert "political-share" not in rules_found("RT @HBBCouncil: bins are collected as normal")


def test_a_context_accepts_plain_tuples_for_the_register():
    context = Context(pre_election=True, councillors=[("Stuart Bray", "Liberal Democrat")])
    assert any(f.rule == "councillor-named" for f in findings("Stuart Bray says hello", context))


def test_councillor_authors_get_member_guidance_clauses():
    [finding] = [f for f in findings("Call me on 07911 123456", personal(role="councillor"))]
    assert finding.clause == "member-personal-data"
    assert REGISTER
