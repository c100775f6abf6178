"""Party promotion, round fourteen (issue 12 item 2): classes of campaign text read on collection 13 (the case
against the parties, the speaker as an Independent, campaigning to be elected; "needs a change of
leadership"), written as grammar; and council false alarms (a statement of persons
nominated, the council's election staff canvassing, a council's political make-up, "elect members", the
Mayor-elect). Every sentence here was written for these tests."""

import pytest

from .helpers import blocked_or_warned, political


def blocks(text):
    return {rule for rule, severity in political(text) if severity == "block"}


# --- campaign classes that gave no finding ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the case against the parties
        "For too long the big parties have treated Markfield as a safe seat and taken it for granted.",
        "The main political parties' councillors have let Groby down, year after year.",
        "Burbage deserves councillors who never put their party before the local people.",
        "We have broken the two-party system in Barwell for good.",
        "Nobody owns us: the party system rewards loyalty, not results, and Independents will change that.",
        # the speaker as an Independent
        "I have always been an Independent and I always will be.",
        "We are Independents, and nobody tells us how to vote.",
        "I will always remain an Independent, whoever offers me a rosette.",
        "It is so much better to be an Independent: I answer to Ratby and nobody else.",
        "With more Independents on the council, Hinckley would get a fair hearing.",
        # campaigning about campaigning
        "I've been working hard to get re-elected so I can finish the job on the Hollycroft estate.",
        "We are fighting to win this seat for the first time since 1995.",
        "Thank you to everyone who has donated to my campaign: every leaflet in Barwell ward was paid for by you.",
        "Please help me deliver my election leaflets in the last fortnight.",
        "Had it been about local issues alone, we would have won every ward.",
        # the brief's campaign line
        "This council needs a change of leadership.",
    ],
)
def test_campaign_classes_block(text):
    assert ("campaign-language", "block") in political(text), political(text)


@pytest.mark.parametrize(
    "text",
    [
        # the council's own words with the same nouns and verbs
        "Candidates from the main political parties can book a briefing with the Returning Officer.",
        "The party system in the House of Commons is explained in our Local Democracy Week quiz.",
        "I am independent of the council and report to the Standards Committee.",
        "Your independent advocate will help you at the meeting.",
        "We support independent living for older residents.",
        "The council's independent chair, Ann Smith, will lead the review.",
        "Use your vote on 2 May: polling stations are open from 7am to 10pm.",
        "Your vote matters. Bring your photo ID to the polling station.",
        "Make your vote count: register by 16 April.",
        "You cannot change your vote once the ballot paper is in the box.",
        "We need your support to make the Big Lunch a success this Sunday.",
        "Our campaign to cut litter on the A47 starts on Monday.",
        "Those running the Hub cafe have done a brilliant job this year.",
        "Thank you to those in charge of the Christmas lights switch-on.",
        "We know it is unacceptable that the council has missed your bin twice, and we are sorry.",
        "It is unacceptable that the council has to pay for fly-tipping on private land.",
        "The football club needs a change of leadership, its supporters' trust says.",
        "Councillors who want to be re-elected must hand in their nomination papers by 4pm on 8 April.",
    ],
)
def test_the_same_words_in_council_posts_stay_clean(text):
    assert not blocked_or_warned(text) - {("party-model", "warn")}, political(text)


# --- a statement of persons nominated is election administration ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We have published the Statement of Persons Nominated for the Burbage by-election. The candidates are"
        " Stuart Bray (Liberal Democrats), Amanda Wright (Local Conservatives) and Ravi Patel (Reform UK).",
        "Our Returning Officer has published the statement of persons nominated: Stuart Bray, Liberal Democrats;"
        " Amanda Wright, Local Conservatives; Ravi Patel, Reform UK.",
        "Nominations have now closed. The following candidates have been validly nominated for Burbage ward:"
        " Stuart Bray (Liberal Democrats), Amanda Wright (Local Conservatives), Ravi Patel (Reform UK).",
        "Candidates for the Burbage ward by-election on Thursday 4 May: Stuart Bray – Liberal Democrats Focus"
        " Team; Amanda Wright – Local Conservatives; Ravi Patel – Reform UK.",
        "The candidates standing in the Burbage ward by-election are: Stuart Bray (Liberal Democrats), Amanda"
        " Wright (Local Conservatives), Ravi Patel (Reform UK) and Jo Green (Green Party).",
    ],
)
def test_a_statement_of_persons_nominated_is_advice_at_most(text):
    found = political(text)
    assert not blocked_or_warned(text), found
    assert ("election-result", "advice") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Our candidates for the Burbage by-election are Stuart Bray and Jo Smith. Vote Liberal Democrat on 4 May!",
        "The candidates standing in the Burbage by-election are Stuart Bray (Liberal Democrats) and Amanda Wright"
        " (Local Conservatives). Only the Lib Dems can beat the Conservatives here.",
        "Thank you for backing us! The candidates standing for Burbage ward are Stuart Bray (Liberal Democrats)"
        " and Jo Smith (Liberal Democrats).",
    ],
)
def test_a_list_of_candidates_in_a_campaign_still_blocks(text):
    assert {"party-name", "councillor-named"} & blocks(text), political(text)


# --- the council's election staff canvassing homes -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Our election staff will be canvassing homes in Barwell next week to check who is registered.",
        "Council staff will be canvassing homes along Rugby Road next week.",
    ],
)
def test_election_staff_canvassing_is_not_campaigning(text):
    assert not blocked_or_warned(text), political(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our team will be canvassing homes in Barwell next week.",
        "Our election team has been out canvassing in Barwell all weekend.",
    ],
)
def test_campaign_canvassing_by_a_team_still_blocks(text):
    assert ("campaign-language", "block") in political(text), political(text)


# --- a council's political make-up, "elect members", the Mayor-elect ------------------------------------------


def test_a_councils_political_make_up_is_administration():
    text = (
        "The borough is divided into 24 wards. The political make-up of the council is: 23 Conservative"
        " councillors, 20 Labour councillors, 8 Green Party councillors and 1 Independent councillor."
    )
    found = political(text)
    assert not blocked_or_warned(text), found
    assert ("election-result", "advice") in found, found


def test_a_party_boasting_its_seats_still_blocks():
    text = "We won 23 seats! 23 Conservative councillors and only 20 Labour councillors: thank you for backing us."
    assert "party-name" in blocks(text), political(text)


def test_elect_members_is_not_elect_me():
    text = "On 22 May one poll will elect members of the European Parliament and the other the borough council."
    assert ("call-to-vote", "block") not in political(text), political(text)
    assert ("call-to-vote", "block") in political("Elect me on 22 May and I will fix the roads.")


def test_the_mayor_elect_at_the_mayor_making_is_ceremonial():
    text = (
        "The Mayor-elect, Councillor Amanda Wright, said: \u201cI am extremely proud to be chosen as the next"
        " Mayor of Hinckley and Bosworth.\u201d"
    )
    found = political(text)
    assert not blocked_or_warned(text), found
    assert ("ceremonial-role", "advice") in found, found


# --- a resident's comment is not council publicity -----------------------------------------------------------


def _comment_findings(text, pre_election):
    from herald.checks import Context, Draft, check

    from .helpers import REGISTER

    context = Context(account="official", councillors=REGISTER, pre_election=pre_election)
    return {(f.rule, f.severity) for f in check(Draft(text=text, kind="comment"), context).findings}


@pytest.mark.parametrize("pre_election", [False, True])
def test_a_resident_saying_what_a_councillor_said_or_sharing_a_party_is_not_flagged(pre_election):
    said = _comment_findings("Cllr Stuart Bray said he supports closing Burbage library. Why?", pre_election)
    assert not {rule for rule, _ in said} & {"member-position"}, said
    # the name is kept (advice): the inbox's councillor-abuse cases read it to know whom a comment names
    assert ("councillor-named", "advice") in said, said
    shared = _comment_findings("RT @HinckleyLabour: save Burbage library, sign the petition", pre_election)
    assert not {rule for rule, _ in shared} & {"political-share"}, shared


def test_the_councils_own_reply_still_gets_them():
    from herald.checks import Context, Draft, check

    from .helpers import REGISTER

    context = Context(account="official", councillors=REGISTER)
    reply = check(Draft(text="Cllr Stuart Bray said he supports closing Burbage library.", kind="reply"), context)
    assert "member-position" in {f.rule for f in reply.findings}
