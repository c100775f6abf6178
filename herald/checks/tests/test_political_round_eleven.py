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


# --- a record claimed for the time in office, and "our team" delivering for a place ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Since we were elected in 2022, we have fixed 300 potholes and opened a skate park.",
        "Since I was first elected, I have fought to keep Barwell library open.",
        "Since we took control of the council, council tax has been frozen twice.",
        "When our group took charge at County Hall, the budget was in a mess. Not any more.",
        "As your councillor, I have campaigned for a safer crossing on Station Road.",
        "As your ward councillors we have secured £40,000 for the village hall.",
        # "our team" delivering for a place or its people, in a text about an election
        "Our team delivered for Barwell: a new bus shelter and the library kept open. Vote on Thursday 2 October.",
        "Our local team has delivered for you. Back us again on 7 May.",
        "Our team on the council has delivered the new leisure centre. Polling day is next week.",
    ],
)
def test_a_record_claimed_in_a_campaigns_voice_blocks(text):
    assert ("campaign-language", "block") in political(text), political(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our team delivered the new crossing on Station Road ahead of schedule",
        "Our team delivered for residents over Christmas, collecting 9,000 tonnes of waste.",
        "Our elections team delivered the count on time. Thank you to everyone who voted.",
        "Our team delivered for Hinckley again this year: the Christmas lights go up on 28 November.",
        "Our customer services team at the Town Hall helped 4,000 residents last year.",
        "Since the council took control of the leisure centre in 2020, visits have doubled.",
        "Since we were awarded Fairtrade status, our team has delivered talks in every school.",
        "As your Mayor, I have raised £12,000 for local charities this year.",
        "As your councillors, we have worked hard this year to improve the village green.",
        "Since I was elected chair of the youth council, I have met the police twice, said Amy, 15.",
        "Your ward councillors can help with planning questions: contact them at the Town Hall.",
        "Since the new councillors were elected in May, the council has met four times.",
    ],
)
def test_council_records_and_teams_stay_clean(text):
    assert not blocked_or_warned(text), political(text)


# --- the case against parties, as independents and residents' groups make it ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the accusation, in any voice
        "Their latest newsletter shows once again that party comes before people.",
        "Politics where the party always comes before residents has no place in Barwell.",
        "Too many members are tied to the party whip and vote against their own wards.",
        "Councillors toeing the party line have let Earl Shilton down.",
        "Unlike the national parties, the Burbage Residents' Group answers only to Burbage.",
        # the same case in a speaker's own voice
        "We are not bound by national party dogma: every decision we take is for Barwell.",
        "We aren\u2019t career politicians, and we will always tell you when we get it wrong.",
        "Our non-political councillors will keep working for every resident of the town.",
        # a pledge in the conditional
        "If elected, we would freeze car parking charges for four years.",
        "If elected I'd hold a surgery in every village once a month.",
        # thanks to the supporters who voted
        "The residents' group thanks all its supporters who came out to vote on Thursday.",
        "A huge thank you to everyone who voted for us in Barwell!",
        # a broken promise laid at the ruling group's door
        "The administration has closed two public toilets, despite promising not to.",
        # a campaign's own money
        "As independents nobody bankrolls us: we fund our own campaigns and deliver every leaflet by hand.",
        "No big donors for this by-election: I pay for my own leaflet printing.",
        # independents and Reform named in other forms
        "Thank you for re-electing your Independent local councillors in Barwell.",
        "Thanks to your Independent Cllrs, the bus route to Hinckley was saved.",
        "Reform have promised to scrap the low traffic zone.",
    ],
)
def test_the_case_against_parties_and_group_campaigns_block(text):
    assert {("campaign-language", "block"), ("party-name", "block")} & political(text), political(text)


@pytest.mark.parametrize(
    "text",
    [
        # parties that are celebrations, whips a council's guidance mentions
        "The street party before people head home will run until 9pm.",
        "Join the Christmas party! Doors open before residents' carols at 6pm.",
        "Members of the planning committee are not bound by a party whip when they decide applications.",
        "Parish councils are not bound by national party policies.",
        "The Mayor's role is above party politics, the Chairman reminded members.",
        # the council's candidate guidance and its election notices
        "If elected, a councillor serves a four-year term and must sign a declaration of acceptance of office.",
        "Thank you to everyone who voted in the elections: turnout was 34%.",
        "Thank you to everyone who voted for us in the Britain in Bloom People's Choice award!",
        "Our supporters who donate to the Mayor's charity appeal will be thanked at the civic dinner.",
        # promises that are not a ruling group's, and council money
        "The developer felled the trees despite promising not to, and the council has taken enforcement action.",
        "Grants from the community fund pay for our leaflets about recycling.",
        "We fund our own campaigns to reduce litter, including leaflets for every household.",
        # independent in its ordinary senses, and Reform the noun
        "Independent living support helps older residents stay in their own homes.",
        "The Independent Remuneration Panel recommends councillors' allowances each year.",
        "Healthwatch is your independent voice on health and care.",
        "Reform are needed to the way adult social care is funded, the report says.",
        "Welfare Reform have changed how Universal Credit is paid, the minister said.",
        # the returning officer's thanks, residents' associations and a leader in council news
        "The returning officer declared the result: thank you to everyone who voted, and to all the candidates who stood.",
        "The Burbage Residents' Association thanked all its supporters who helped at the litter pick.",
        "The residents' association is not a political party and is not bound by national party policies, its chair said.",
        "The Leader of the Council said Planning Reform will speed up new housing in the borough, as the minister says.",
        "Independent review: the council has appointed an independent reviewer, who will report in March.",
        # a member's title in minutes, and the Government's manifesto as the source of a national policy
        "Cllr Jo Smith, Leader of the Opposition, asked that the minutes of the last meeting be corrected.",
        "The photo identity rules come from a manifesto commitment made by the Government in 2019.",
    ],
)
def test_council_texts_of_the_nearest_shape_stay_clean(text):
    assert not blocked_or_warned(text), political(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Government has broken its manifesto pledge on social care.",
        "Our manifesto will be on your doormat next week.",
        "Under the Opposition's plans, the library would close.",
    ],
)
def test_manifestos_and_the_opposition_outside_those_shapes_still_block(text):
    assert ("campaign-language", "block") in political(text), political(text)
