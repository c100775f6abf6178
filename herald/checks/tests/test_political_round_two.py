"""Party promotion from what a post says, not only from party names (issue 12): independents, parties
named in other forms, attacks on the ruling group, campaigning about campaigning; and the two false
alarms: the Mayor at a civic event, and the returning officer's results."""

import pytest

from .helpers import findings, official, rules_found, severity_of

IN_PERIOD = official(pre_election=True)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Vote Independent on 7 May", "call-to-vote"),
        ("I pledge as your Independent councillor to fight for Barwell", "campaign-language"),
        ("Reform councillors voted against the budget again", "party-name"),
        ("The Green Administration has failed residents on potholes", "party-name"),
        ("Our Focus leaflets are going out across Burbage this week", "party-name"),
        ("Thanks to your leader in government, the bypass is funded", "campaign-language"),
        ("The ruling group has wasted millions on the new offices", "campaign-language"),
        ("We are out in our target wards this weekend", "campaign-language"),
        ("When the elections come, remember who closed the library", "campaign-language"),
        ("If elected, I will fight to keep Hollycroft library open", "campaign-language"),
        ("If re-elected we will freeze parking charges in the town centre", "campaign-language"),
        ("We win elections by listening on every street", "campaign-language"),
    ],
)
def test_party_promotion_without_a_listed_party_name_blocks_in_the_pre_election_period(text, rule):
    assert severity_of(rule, text, IN_PERIOD) == "block"


@pytest.mark.parametrize(
    "text",
    [
        "Planning reform will speed up new housing",
        "Reform of the planning system is out for consultation",
        "The green waste service restarts in March",
        "An independent review of the leisure contract reported today",
        "The Focus on Families drop-in is every Tuesday",
        "If elected, you will need to sign a declaration of acceptance of office within two months",
        "Candidates who are elected will be invited to an induction evening",
        "Council tax bills for the next four years are shown in the medium term financial strategy",
        "Food waste: nothing edible should be a wasted meal, so plan your shopping",
        "The youth centre is funded for four more years.",
        "Our officers will be having doorstep conversations with residents about the new recycling bins",
        "Register to vote by 16 April: no vote is a wasted vote if you are on the register",
    ],
)
def test_ordinary_words_that_name_parties_elsewhere_are_not_party_political(text):
    assert not [f for f in findings(text, IN_PERIOD) if f.category == "political"]


@pytest.mark.parametrize(
    "text",
    [
        "The Mayor, Cllr Stuart Bray, opened the new play park",
        "The Chairman of the Council, Councillor Amanda Wright, welcomed guests to the Remembrance service",
        "Cllr Amanda Wright, the Mayor of Hinckley, opened the Christmas fair",
        "The Chairman of the council is Councillor Amanda Wright",
        "Cllr Stuart Bray is the Vice-Chairman for the coming year",
        # the council's own name, as councils write it in a civic title
        "The Mayor of Hinckley and Bosworth, Cllr Stuart Bray, opened the new play park",
        "The Mayor of the Borough of Hinckley and Bosworth, Councillor Stuart Bray, opened the park",
        "The Chairman of the District of Derbyshire Dales, Councillor Steve Flitter, raised £2,100 for charity",
        "Chairman of Stratford-upon-Avon District Council, Cllr Jo Smith, welcomed the guests",
    ],
)
def test_the_mayor_or_chairman_at_a_civic_event_is_advice_not_a_block(text):
    rules = rules_found(text, IN_PERIOD)
    assert "ceremonial-role" in rules
    assert "councillor-named" not in rules
    assert severity_of("ceremonial-role", text, IN_PERIOD) == "advice"


def test_the_mayor_taking_a_party_line_still_blocks():
    text = "The Mayor, Cllr Stuart Bray, says the Lib Dems will win Burbage"
    assert severity_of("party-name", text, IN_PERIOD) == "block"
    assert severity_of("member-position", text, IN_PERIOD) == "block"


@pytest.mark.parametrize(
    "text",
    [
        "The winning Conservative candidate received 1,045 votes",
        "Stuart Bray (Liberal Democrat) was elected with 1,045 votes; turnout was 31%",
        "Amanda Wright (Conservative) was duly elected as councillor for Barwell",
        # a results page's shapes
        "Earl Shilton ward: of the two seats, Jo Hale (Conservative) and Sam Teague (Labour) were elected.",
        "For the one seat available, Priya Nandra, Liberal Democrat, was elected.",
        "Of the 34 seats on the council, the Liberal Democrats hold 20 and the Conservatives 14.",
        "The Burbage by-election is being contested by candidates from the Conservative and Labour parties.",
    ],
)
def test_the_returning_officers_results_are_election_administration(text):
    rules = rules_found(text, IN_PERIOD)
    assert "election-result" in rules
    assert not {"party-name", "councillor-named", "call-to-vote"} & rules
    assert not [f for f in findings(text, IN_PERIOD) if f.severity == "block"]


@pytest.mark.parametrize(
    "text",
    [
        "Labour won 23 seats last May: help us win more in Burbage",
        "The Greens were elected on a promise to fix the roads, and they have",
        "Vote Liberal Democrat: we need every seat we can get",
        "Cllr Amanda Wright is the Conservative candidate for Barwell",
        "The Mayor of Hinckley is Cllr Stuart Bray, and he is backing the Liberal Democrat campaign",
        # a party's own voice about seats and elections is a celebration, not a result
        "Labour won two of the three seats available in Barwell. Thank you to everyone who helped!",
        "Thanks to you, Labour has been elected.",
    ],
)
def test_a_party_talking_about_seats_or_elections_or_a_civic_role_is_still_promotion(text):
    assert any(f.severity == "block" for f in findings(text, IN_PERIOD))


@pytest.mark.parametrize(
    "text, rule",
    [
        ("Plaid councillors have fought for a fairer deal for Ynys Môn", "party-name"),
        ("Only Plaid will stand up for our valleys", "party-name"),
        ("Our Green councillors voted against the parking charges", "party-name"),
        ("Between now and election day we will knock on every door in Barwell", "campaign-language"),
        ("Unlike the Westminster parties, we answer only to you", "campaign-language"),
        ("Good people should stand as Independents next May", "campaign-language"),
    ],
)
def test_parties_named_as_people_say_them_and_campaign_talk_are_found(text, rule):
    assert rule in rules_found(text, IN_PERIOD)


@pytest.mark.parametrize(
    "text",
    [
        "Plaid shirts and wool scarves are in the museum shop this winter",
        "Plaid fabric from the old mill is on show at the heritage centre",
    ],
)
def test_plaid_the_cloth_is_not_a_party(text):
    assert not [f for f in findings(text, IN_PERIOD) if f.category == "political"]


@pytest.mark.parametrize(
    "text",
    [
        "Cllr Amanda Wright is the Chairman of the Planning Committee and has fought to stop the homes",
        "Cllr Amanda Wright, Chairman of the Planning Committee, fought the new homes",
        "Cllr Amanda Wright was Mayor in 2019 and has fought to stop the homes",
        "The Chairman of the Planning and Development Control Committee, Cllr Amanda Wright, fought the homes",
        "The Chairman of the Hinckley and Bosworth Residents Association, Cllr Amanda Wright, fought the homes",
    ],
)
def test_chairing_a_committee_or_a_past_mayoralty_is_not_a_civic_role(text):
    rules = rules_found(text, IN_PERIOD)
    assert "councillor-named" in rules and "ceremonial-role" not in rules


@pytest.mark.parametrize(
    "text, name", [("Plaid Cymru will fight for Wales", "Plaid Cymru"), ("The Labour Party says", "Labour Party")]
)
def test_a_party_named_in_full_is_one_finding_not_two(text, name):
    named = [f for f in findings(text, IN_PERIOD) if f.rule == "party-name"]
    assert [text[f.start : f.end] for f in named] == [name]
