"""Party promotion, round thirteen (issue 12 item 2): independents speaking as a group, asking for the
reader's vote, the case against party politics, a change of administration, thanks for support at the
election, "Labours" and culture-war words; and two false alarms, the council's own electoral canvass and a
returning officer's tally of votes by party. Every sentence here was written for these tests."""

import pytest

from .helpers import blocked_or_warned, official, political

IN_PERIOD = official(pre_election=True)


def blocks(text):
    return {rule for rule, severity in political(text) if severity == "block"}


# --- campaign shapes that gave no finding --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # independents speaking as a group
        "We Independents have never worn a party rosette and we never will.",
        "Whatever the count says on Friday, we, the Independents, gave Markfield a real choice.",
        "Us independents answer to Groby, nobody else.",
        # the case against party politics
        "Party politics gets in the way of getting anything done for Barwell.",
        "On that council, members have to follow the party whip whatever their ward wants.",
        "Join a friendly bunch of neighbours who want to keep party politics out of local government.",
        # asking for the reader's vote
        "I am asking for your vote on Thursday 2 May.",
        "I'm appealing for your vote on the 6th, and I hope I've shown I am worthy of your vote.",
        "The other lot will promise you the earth to get your vote, then vanish for four years.",
        "Don't waste your vote on a party that has never won a seat in Burbage.",
        # a change at the top, thanks for support at the polls
        "After four years of cuts, Hinckley desperately needs a change of administration.",
        "It is time for a change of administration at the Hub.",
        "A huge thank you to everyone who supported us at the election: six independent councillors returned!",
        "Thanks to all who backed us in Thursday's by-election.",
        # a record claim in a Focus leaflet's voice
        "Ann got action from the council and the fly-tip was gone within a day.",
        # culture-war words no council uses
        "Voters are sick of wokeism and wasted money at County Hall.",
        "We will scrap the woke nonsense and fix the roads.",
    ],
)
def test_campaign_shapes_block(text):
    assert ("campaign-language", "block") in political(text), political(text)


@pytest.mark.parametrize(
    "text",
    [
        "For those of us in the villages, please please consider voting for your local Independent councillor.",
        "Voting Independent on 4 May gives Ratby three councillors who answer to you alone.",
        "Vote for your local Independent candidates on Thursday.",
    ],
)
def test_calls_to_vote_independent_block(text):
    assert ("call-to-vote", "block") in political(text), political(text)


def test_labours_without_an_apostrophe_names_the_party():
    assert ("party-name", "block") in political("Yes, your council tax is paying for Labours extra borrowing.")


# --- council and other neutral shapes of the same words stay clean -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a council's own voice and guidance
        "We, the independent panel, found the appointment process fair.",
        "Our Be a Councillor guide explains why some parish councillors feel party politics gets in the way.",
        "Members of the planning committee do not have to follow a party whip.",
        "You don't have to follow a party whip on a parish council.",
        # competitions, registration and ballot papers
        "We are asking for your vote in the People's Choice award: pick your favourite Christmas window.",
        "Don't waste your vote: put one cross only on the ballot paper.",
        "Don't waste your vote – check you are registered by 16 April.",
        "Find out how to get your vote counted if you are away on polling day.",
        "Vote for your local independent shop in the Small Business Saturday awards.",
        "Residents are voting for an independent chair of the review panel.",
        # a change of administration as a date, thanks to helpers at a fair
        "Following a change of administration in May, the council's priorities were reviewed.",
        "Thank you to all those who supported us at the Christmas market.",
        "Residents who reported the fly-tip got a response from the council within a day.",
        # "Labours" in a title
        "Restoration of the Labours of Hercules frieze begins at the museum next week.",
    ],
)
def test_council_shapes_stay_clean(text):
    assert not blocked_or_warned(text), political(text)


# --- the council's electoral canvass is not campaign canvassing --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Door knock – our canvassers. From 1 October our canvassers will be canvassing homes that have not yet"
        " responded.",
        "Canvassing will take place in October. Canvassers carry an ID badge from the Electoral Registration Officer.",
        "Our canvassers will call to complete the canvass with you if we have not heard from you by September,"
        " so that the electoral register is right.",
        "We are recruiting canvassers for this year's household canvass: paid work in your own area.",
    ],
)
def test_the_electoral_canvass_is_not_campaigning(text):
    assert not blocked_or_warned(text), political(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our team was out canvassing in Barwell today – thank you to everyone who stopped to chat.",
        "We've been out canvassing all week. Make sure you are on the electoral register by 16 April!",
        "Join our canvassing team on Saturday morning, meet at the Market Place at ten.",
    ],
)
def test_campaign_canvassing_still_blocks(text):
    assert ("campaign-language", "block") in political(text), political(text)


# --- a returning officer's tally of votes by party is election administration -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Declaration of result, Barwell ward: Conservative 1,245; Labour 880; Liberal Democrats 410.",
        "Results for Earl Shilton: Conservative 1,245, Labour 880, Green Party 97. Turnout 31%.",
        "Earl Shilton by-election, Thursday 5 May. Amanda Wright, Conservative, 1,245. Stuart Bray, Liberal"
        " Democrat, 880.",
    ],
)
def test_a_tally_of_votes_by_party_is_a_result(text):
    found = political(text)
    assert not blocked_or_warned(text), found
    assert ("election-result", "advice") in found, found


@pytest.mark.parametrize(
    "text",
    [
        # the party's own voice about its votes
        "Thanks to you, Labour 1,245 and the Conservatives 880: we held the seat!",
        # a bar chart's shares, not a count of votes
        "Lib Dems 45%, Conservatives 30%: it's a two horse race in Burbage.",
        "Last time: Lib Dems 1,245, Labour 310. Only we can beat the Conservatives here.",
    ],
)
def test_a_party_quoting_its_votes_still_blocks(text):
    assert blocks(text) & {"party-name", "campaign-language"}, political(text)


# --- second pass: a capital "Council", "clearly not this administration", a named Independents group, a
# candidate's future as an independent councillor -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Bob got action from the County Council and the drain was cleared the next week.",
        "Does anyone at the Hub care about Barwell? Clearly not this administration!",
        "Jo Platt, as an Independent councillor, will ask the hard questions on your behalf.",
        "As an independent candidate I will answer to Ratby and nobody else.",
    ],
)
def test_second_pass_campaign_shapes_block(text):
    assert ("campaign-language", "block") in political(text), political(text)


@pytest.mark.parametrize(
    "text",
    [
        "Independents for Barwell held a public meeting on the bypass plans.",
        "The Independents for Groby group now has nine seats on the parish council.",
    ],
)
def test_an_independents_for_group_is_named(text):
    assert ("party-name", "block") in political(text), political(text)


@pytest.mark.parametrize(
    "text",
    [
        "Clearly not this year: the fireworks display is cancelled because of the weather.",
        "As an independent councillor you will need to decide how to vote on each item yourself.",
        "He served as an independent councillor for twenty years before becoming Mayor.",
        "Independent shops for Barwell: the council's new guide to the high street.",
        "Pupils got action from the council after their petition about the crossing.",
    ],
)
def test_second_pass_council_shapes_stay_clean(text):
    assert not blocked_or_warned(text), political(text)
