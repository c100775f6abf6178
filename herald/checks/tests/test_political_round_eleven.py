"""Party promotion, round eleven (issue 12 item 2): polling dates in any month, one list of an election's
words, the model not reading the Government's reported words, and the campaign shapes still missed. Every
sentence here was written for these tests."""

import pytest

from .helpers import findings, official

IN_PERIOD = official(pre_election=True)


def political(text, context=IN_PERIOD):
    return {(f.rule, f.severity) for f in findings(text, context) if f.category == "political"}


def blocked_or_warned(text, context=IN_PERIOD):
    return {(rule, severity) for rule, severity in political(text, context) if severity in ("block", "warn")}


# --- polling dates in any month, and the shared election words --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a by-election's polling day in another month than May
        "Could you deliver leaflets for us? Every door counts before Thursday 2 October.",
        "Help us win in Earl Shilton on Thursday 14 March. Every street counts.",
        "Could you deliver leaflets for us? We need every street done before Thursday the 23rd of November.",
        # a volunteer appeal for "our campaign" ahead of the elections (the plural, or "voting", was missed)
        "Volunteer for our campaign ahead of the elections next spring",
        "Volunteer with our campaign: help people get out voting in Barwell",
    ],
)
def test_campaign_appeals_with_a_polling_date_in_any_month_block(text):
    assert ("campaign-language", "block") in political(text), political(text)


@pytest.mark.parametrize(
    "text",
    [
        # dates in other months in a council's volunteer appeals: no campaign to win
        "Could you deliver leaflets for us about the Christmas lights? They go up on 28 November.",
        "Help us win in Bloom this year: judging is on 14 July.",
        "Volunteers wanted: could you spare an hour to deliver leaflets for us in your street? Sessions start 3 October.",
        "Help us win in the regional finals on 14 March: come and cheer the team.",
        "Volunteer for our campaign to clean up the canal towpath on 2 October",
        # a club named Independents, a date in its sentence: no election
        "The Hinckley Independents market returns on 2 October.",
        "The Barwell Independents film club brings cinema to your doorstep on 12 March.",
    ],
)
def test_council_appeals_and_clubs_with_a_date_stay_clean(text):
    assert not blocked_or_warned(text), political(text)


# --- the model does not read the Government's reported words -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Planning Reform will speed up new housing, the minister says",
        # twins the model scored over its threshold (0.91, 0.91, 0.90)
        "It will speed up new housing, the minister says",
        "The new rules will speed up new housing, the minister says",
        "Planning Reform will speed up new housing, the government says",
        "According to the Government, the changes will speed up new housing and cut delays for families",
        "Ministers say the new planning rules will speed up new housing in every area",
    ],
)
def test_the_governments_words_reported_in_council_news_are_not_a_party_model_warning(text):
    assert not blocked_or_warned(text), political(text)


@pytest.mark.parametrize(
    "text",
    [
        # the rules still read those sentences
        "The minister says Reform will scrap the planning rules",
        "The Government says the Tories will build more homes",
    ],
)
def test_a_party_in_a_reported_sentence_still_blocks(text):
    assert ("party-name", "block") in political(text), political(text)
