"""Party promotion, round sixteen (issue 12 item 2; bench/party_round16_rule.txt): the brief's leftovers (a member's
words in minutes where a report was presented; the party model on a cause campaign; a party's programme for the
council with no party named) and the classes read twice on collection 18's read half: the party's own contest in
its own voice, and a cabinet member or the leader quoted in that role when the role is written in lower case or as a
spokesperson. Every sentence here was written for these tests. (Not named ``test_political_*``: the round-fifteen
skip test compares the political rules with round fifteen's order alone, over every ``test_political*`` sentence.)"""

import pytest

from .helpers import official, political


def rules(text, context=None):
    return {rule for rule, _ in political(text, context)}


# --- the party's own contest, in its own voice: a block ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We chose to fight a positive campaign in every ward this spring, and we are proud of it.",
        "This time I ran a quiet campaign, mostly on the doorsteps of Abbey ward.",
        "We are determined to hold on to both of our seats in Abbey ward in May.",
        "Last year we lost one of our three seats on the borough council by twelve votes.",
    ],
)
def test_the_partys_own_contest_blocks(text):
    assert ("campaign-language", "block") in political(text)


@pytest.mark.parametrize(
    "text",
    [
        "We ran a campaign to cut food waste across the borough this year.",
        "We fought a long campaign for a crossing outside the school, and the county council agreed.",
        "The council chamber has 54 seats and a public gallery.",
        "Please keep your seats in the Corn Exchange until the end of the performance.",
        "Electoral services ran a campaign last autumn so that every ward's residents could register.",
    ],
)
def test_a_councils_campaign_or_seats_are_not_a_contest(text):
    assert "campaign-language" not in rules(text)


# --- a programme for the council in the voice of those who would run it: a warning -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We would scrap the district council's car parking charges and reopen the tip on Sundays.",
        "Given the chance, I would reverse the county council's cuts to the mobile library.",
    ],
)
def test_what_we_would_do_to_the_council_warns(text):
    assert ("party-programme", "warn") in political(text)
    assert ("party-programme", "warn") in political(text, official())


@pytest.mark.parametrize(
    "text",
    [
        "We would encourage residents to read the council's guidance before the storm.",
        "We will freeze the council's share of the bill for a second year.",
        "If the bridge were to fail, we would close the council's car park on Mill Lane.",
    ],
)
def test_the_council_on_its_own_services_is_not_a_programme(text):
    assert "party-programme" not in rules(text), political(text)


# --- a cabinet member or the leader quoted in that role, any case --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Councillor Joe Bloggs, cabinet member for environment, said the new bins would arrive in March.",
        "Cllr Priya Shah, deputy leader of the borough council, said the bid had gone in on time.",
        "Councillor Ann Lee, Cabinet Spokesperson for Place, said the market hall would reopen in May.",
        "Cabinet spokesperson for housing Councillor Tom Reed said the flats would be let by Christmas.",
    ],
)
def test_a_cabinet_member_quoted_in_that_role_is_no_position(text):
    assert "member-position" not in rules(text), political(text)


@pytest.mark.parametrize(
    "text",
    [
        "Councillor Joe Bloggs, cabinet member for environment, said the Government's cuts were a disgrace.",
        "Councillor Joe Bloggs, cabinet member for environment, said the Tories had wrecked the bin service.",
        "Councillor Joe Bloggs said the new bins would arrive in March.",
    ],
)
def test_a_stance_or_a_member_without_a_role_still_is(text):
    assert "member-position" in rules(text), political(text)


# --- minutes where a report was presented ----------------------------------------------------------------------


def test_a_member_in_minutes_where_a_report_was_presented_takes_no_position():
    text = (
        "Councillor Ann Lee, Portfolio Holder for Housing, presented the report on empty homes. "
        "Councillor Tom Reed said that the scheme should be reviewed after a year."
    )
    assert "member-position" not in rules(text), political(text)


def test_a_quote_or_a_first_person_after_a_presented_report_is_still_a_position():
    quoted = (
        "Councillor Ann Lee presented the report on empty homes. "
        'Councillor Tom Reed said: "This scheme is a waste of money."'
    )
    assert "member-position" in rules(quoted), political(quoted)


# --- the party model on a cause campaign -------------------------------------------------------------------------


def test_the_party_model_is_silent_on_a_campaign_for_a_cause():
    text = "We will start campaigning for fairer funding for rural buses."
    assert "party-model" not in rules(text), political(text)


def test_a_campaign_with_an_election_in_it_is_not_a_cause_campaign():
    from herald.checks import political as political_module

    words = frozenset(("campaigning",))
    assert political_module._r16_cause_campaign("We will start campaigning for fairer funding.", words)
    assert not political_module._r16_cause_campaign("We will start campaigning for votes in May.", words)
    assert not political_module._r16_cause_campaign("Our campaign starts today.", frozenset(("campaign",)))
    assert not political_module._r16_cause_campaign("Labour will start campaigning for fairer funding.", words)


def test_round_sixteen_runs_where_nothing_else_wakes():
    # "seats" and "our" wake no other rule outside a pre-election period (where campaign language warns)
    text = "We are determined to hold on to both of our seats in Abbey ward."
    assert ("campaign-language", "warn") in political(text, official())
