"""Party promotion, round fifteen (issue 12 item 2; bench/party_round15_rule.txt): the brief's false alarms (a
civic role announcement naming the councillor's party, "independent candidates" in the council's own sentence,
the party model on a club's "change of leadership", the winners' party in the council's results line) and its
misses ("Westminster parties have ignored this town", "It's time the council had a change of leadership"), and
the classes read twice on collection 15's read half: an attack on the council with no party named, the case
against the national parties, the result and the thanks in the party's own voice, and contesting elections.
Every sentence here was written for these tests."""

import pytest

from .helpers import blocked_or_warned, official, political


def blocks(text, context=None):
    return {rule for rule, severity in political(text, context) if severity == "block"}


# --- the council's civic announcements: advice, not a block ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Labour councillor and former Labour group leader Jane Lowe will become deputy mayor of the borough in May.",
        "Cllr Amanda Wright, Conservative member for Barwell, has been elected Mayor of Hinckley and Bosworth for 2026/27.",
        "Liberal Democrat councillor Peter Hale was sworn in as Chairman of the District Council last night.",
        "Former Labour group leader Sam Okafor is the new Town Mayor of Earl Shilton.",
    ],
)
def test_a_civic_role_announced_with_the_councillors_party_is_advice(text):
    # a councillor on the register keeps their own finding (in the pre-election period the Code's, by design)
    assert not blocked_or_warned(text) - {("councillor-named", "block")}, political(text)
    assert ("ceremonial-role", "advice") in political(text)


def test_a_comment_naming_the_new_mayor_still_names_the_councillor_for_the_inbox():
    from herald.checks import Draft, check

    text = "Cllr Amanda Wright, Conservative member for Barwell, has been elected Mayor and she is a disgrace."
    report = check(Draft(text=text, kind="comment"), official())
    assert "councillor-named" in {f.rule for f in report.findings}


@pytest.mark.parametrize(
    "text",
    [
        "Labour councillor Jane Lowe will become deputy mayor: vote Labour on 7 May to keep her working for you!",
        "If we win Barwell, our Conservative councillor Amanda Wright will become Mayor.",
    ],
)
def test_a_civic_role_in_a_campaign_still_blocks(text):
    assert blocks(text), political(text)


# --- the council's facts about candidates and results --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "There are 14 independent candidates standing in this year's borough elections.",
        "The council has published the list of candidates, including three independent candidates, for the Burbage"
        " by-election.",
    ],
)
def test_independent_candidates_in_the_councils_own_sentence_are_not_campaigning(text):
    assert not blocked_or_warned(text), political(text)


@pytest.mark.parametrize(
    "text",
    [
        "Vote for our independent candidates on 7 May.",
        "As independent candidates we answer only to you.",
    ],
)
def test_independent_candidates_in_a_campaign_still_block(text):
    assert blocks(text), political(text)


def test_the_winners_party_in_the_councils_results_line_is_a_result():
    text = "Counting finished overnight in Tamworth, with the Conservatives winning all six seats."
    assert not blocked_or_warned(text), political(text)
    assert ("election-result", "advice") in political(text)


# --- the party model on a club, a choir or a charity ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["The football club needs a change of leadership.", "Our bowls club needs new members and a change of leadership."],
)
def test_the_party_model_does_not_warn_on_a_club(text):
    assert not blocked_or_warned(text), political(text)


# --- an attack on the council, with no party named: a warning ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "It's time the council had a change of leadership.",
        "It is time for a change of administration at the town hall.",
        "Barwell needs change.",
        "This town deserves a real change, and it deserves it now.",
        "Residents are being short-changed by an out of touch council.",
        "The council has ignored residents on the Hollycroft estate for years.",
        "They are not interested in the views of residents. They work for us, but they seem to have forgotten it.",
    ],
)
def test_an_attack_on_the_council_warns(text):
    found = political(text)
    assert ("attack-on-council", "warn") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Your bin collection day needs to change if you move house.",
        "Nobody needs change for the Castle Street car park: it takes cards.",
        "The Ombudsman found the council had failed residents on the estate and has ordered an apology.",
        "It's time for the council's annual canvass: please reply to the letter.",
        "The timetable for the number 48 bus needs changing.",
    ],
)
def test_the_councils_own_words_are_not_an_attack(text):
    assert ("attack-on-council", "warn") not in political(text), political(text)


def test_a_resident_may_say_the_council_needs_a_change_of_leadership():
    from herald.checks import Draft, check

    comment = official(pre_election=True)
    report = check(Draft(text="It's time the council had a change of leadership.", kind="comment"), comment)
    assert "attack-on-council" not in {f.rule for f in report.findings}


# --- campaign classes that gave no finding ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the case against the national parties
        "Westminster parties have ignored this town for decades.",
        "Like you, I am fed up with Westminster politicians letting Earl Shilton down.",
        "Residents First won more votes than all the national parties combined.",
        # the result and the thanks in the party's own voice
        "We came within 43 votes of taking the seat in Ratby.",
        "Huge thanks to everyone who came out to vote and backed our campaign.",
        # contesting elections
        "We hope to field a lot more candidates next May.",
        "We start campaigning on Saturday in Burbage ward.",
        "It is vital that we get back into power at the town hall.",
    ],
)
def test_campaign_classes_block(text):
    assert ("campaign-language", "block") in political(text), political(text)


@pytest.mark.parametrize(
    "text",
    [
        "Westminster parties must register their candidates' descriptions with the Electoral Commission.",
        "The Leader has written to Westminster politicians about the funding gap for adult social care.",
        "Thank you to everyone who came out to vote on Thursday: turnout was 34%.",
        "Thank you to all the volunteers who supported the campaign to clean up Burbage Common.",
        "We will start campaigning for fairer funding for rural buses.",
        "We will field enquiries about the new bin service from Monday.",
    ],
)
def test_the_councils_own_words_with_the_same_nouns_stay_clean(text):
    assert ("campaign-language", "block") not in political(text), political(text)
