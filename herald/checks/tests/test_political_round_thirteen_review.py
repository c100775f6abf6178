"""Review of party promotion round thirteen: a comms officer's fair posts that its new shapes blocked,
and a party's results table that its tally exemption let through with only advice. Every sentence here
was written for these tests."""

import pytest

from .helpers import blocked_or_warned, official, political


def blocks(text):
    return {rule for rule, severity in political(text) if severity == "block"}


# --- a party cannot launder a campaign post through the returning officer's tally ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the squeeze: a past result and how close it was
        "Barwell election result: Conservative 1,245; Lib Dem 1,180; Labour 97. Just 65 votes in it. It's neck"
        " and neck.",
        "Last election: Conservative 1,245; Labour 880; Green 97. The Green surge is coming.",
        # celebrating a win in the party's tone
        "Election result: Lib Dem 1,245; Conservative 880; Labour 97. A stunning victory for Barwell.",
        "Election result: Lib Dem 1,245; Conservative 880; Labour 97. A fantastic result for Burbage.",
    ],
)
def test_a_party_results_table_with_campaign_talk_still_blocks(text):
    assert ("party-name", "block") in political(text), political(text)


@pytest.mark.parametrize(
    "text",
    [
        "Declaration of result, Barwell ward: Lib Dem 1,245; Conservative 880; Labour 97. Lib Dem gain from"
        " Conservative.",
        "The Returning Officer declared the result: Conservative 1,245 votes; Labour 880 votes; Green 97 votes."
        " Conservative hold.",
    ],
)
def test_a_declaration_saying_gain_or_hold_is_a_result(text):
    found = political(text)
    assert not blocked_or_warned(text), found
    assert ("election-result", "advice") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Please vote for your local independent on Thursday - the best choice for Ratby.",
        "I'm asking for your vote: the best candidate for Barwell is the one who lives here.",
        "I am asking for your vote on Thursday because I will always do my best for Ratby.",
    ],
)
def test_the_best_choice_is_not_a_contest(text):
    assert blocks(text) & {"call-to-vote", "campaign-language"}, political(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'd be grateful for your vote on 7 May.",
        "I would be honoured to receive your vote on Thursday.",
        "I hope I can count on your vote on Thursday.",
        "Keep party politics out of Hinckley!",
        "Party politics has no place in the town hall. Vote for people, not parties.",
        "Local people, not party politicians.",
        "We will end the woke madness at the council.",
        "Cut the wokeness and cut your council tax.",
    ],
)
def test_more_campaign_shapes_block(text):
    assert ("campaign-language", "block") in political(text), political(text)


@pytest.mark.parametrize(
    "text",
    [
        "We would be grateful for your vote in the Britain in Bloom awards: pick your favourite village.",
        "Please keep party politics out of Remembrance Sunday, the Royal British Legion asks all groups.",
        "The Mayor reminded the meeting that party politics has no place in the chamber during the civic service.",
    ],
)
def test_the_same_words_in_council_posts_stay_clean(text):
    assert not blocked_or_warned(text), political(text)


def test_names_and_vote_for_still_block_beside_a_tally():
    text = "Result in Barwell: Liberal Democrats 1,245; Conservatives 880. Vote Liberal Democrat on 7 May."
    assert {("call-to-vote", "block"), ("party-name", "block")} <= political(text), political(text)


# --- fair council posts that the new shapes blocked -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # youth democracy: the council runs these elections
        "We are asking for your vote in the Youth Council election: every secondary pupil can vote.",
        "Young people aged 11 to 18 can vote for the UK Youth Parliament: candidates are asking for your vote"
        " until Friday.",
        # a competition for independent shops
        "We support our high street: vote for your local independent in the Small Business Saturday awards.",
        # shop-local events, not a party
        "Independents for Hinckley Business Week: come and meet local traders on Castle Street.",
        "The Independents for Christmas market returns to the Market Place on 6 December.",
    ],
)
def test_fair_council_posts_stay_clean(text):
    assert not blocked_or_warned(text), political(text)


def test_a_youth_council_post_is_clean_outside_the_period_too():
    text = "We are asking for your vote in the Youth Council election: every secondary pupil can vote."
    assert not blocked_or_warned(text, official()), political(text, official())


def test_an_administration_system_is_not_a_change_of_administration():
    # (the party model's own warning on this sentence is not this rule's business)
    text = "The housing service needs a change of administration system, the auditors found."
    assert ("campaign-language", "block") not in political(text), political(text)
