"""Party promotion, round eleven (issue 12 item 2): polling dates in any month, one list of an election's
words, the model not reading the Government's reported words, and the campaign shapes still missed. Every
sentence here was written for these tests."""

import pytest

from .helpers import blocked_or_warned, official, political

IN_PERIOD = official(pre_election=True)


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


# --- after review: council text of the same shapes, and the model reading first-person pledges ----------


@pytest.mark.parametrize(
    "text",
    [
        "As your councillor, I have campaigned for a safer crossing on Station Road.",
        "As your ward councillors we have secured \u00a340,000 for the village hall.",
        # a ward member's column, as councils publish it outside the period
        "As your ward councillor, I have worked hard with officers to get the crossing on Mill Lane built.",
        "As your local councillors, we have secured funding for the new play area in Victoria Park.",
        "As your councillor, I've got lots of questions from residents about bin collections, so here are the answers.",
        "As your county councillor, I have delivered my annual report to the Annual Parish Meeting.",
    ],
)
def test_a_councillors_record_in_their_own_voice_warns_in_the_period_and_is_advice_outside(text):
    # a councillor's record on the council's account is what the Publicity Code restricts in the period,
    # but a ward member's column says the same outside any election: a warning, not a block
    assert political(text) == {("councillor-record", "warn")}, political(text)
    assert political(text, official()) == {("councillor-record", "advice")}, political(text, official())


@pytest.mark.parametrize(
    "text",
    [
        # A1: a contest's, a poll's or a public vote's thanks
        "Thank you to everyone who voted for us in the Great British High Street contest: Barwell came second!",
        "Thank you to all who voted for us in the Clean Air Day poll; our bike scheme topped the list.",
        "A big thank you to everyone who voted for us in the Channel 4 Britain's Best Park vote.",
        "Thank you to everyone who voted for us in the national library of the year vote.",
        "Thank you to everyone who voted for us: Barwell has been named Britain's Best Park!",
        "Thank you to everyone who voted for us in the BBC Countryfile Magazine poll; Burbage Common is Nature Reserve of the Year!",
        'Supporters who came to vote on the new park name chose "Jubilee Meadow".',
        # A2: elected as something, or to something, that is not a seat
        "Since I was elected Mayor in May, I have visited 40 schools across the borough.",
        "Since I was elected as Chairman of the Council, I have raised \u00a312,000 for my chosen charities.",
        "Since I was elected Chairman of the County Council in May, I have attended more than 200 engagements.",
        "Since we were elected as a Fairtrade Borough in 2015, we have supported local growers.",
        "Since we were first elected as a Purple Flag town centre, footfall has risen by 20%.",
        "Since we were elected to host the 2027 Tour of Britain stage finish, we have been busy planning.",
        "Since we were elected to the Local Government Association board, we have represented district councils nationally.",
        # A3: "our team" in a text with election or party words, but no call to the voter
        "Our team delivered for residents at the Over-60s Christmas party in the Town Hall.",
        "Our hard-working team delivered for local people again with our Love Where You Live campaign.",
        "Our team won for Barwell at the Keep Britain Tidy awards, thanks to everyone who joined the litter-pick campaign.",
        "Our team delivered for Barwell on Thursday 2 October: all 12 polling stations opened on time and the count finished by 2am.",
        "Our team delivered for residents during the by-election on Thursday 2 October: 12 polling stations open 7am to 10pm.",
        "My team delivered for Barwell, says returning officer Jane Smith, thanking staff after the election count.",
        "Our team delivered for residents again this year: the by-election count was declared by 1am.",
        "Our local team has delivered for residents: we collected 2,000 tonnes of garden waste. Vote for your favourite park in our survey.",
        # A5: the council's services, not the council
        "Since we took control of the council's waste service in-house, recycling rates have risen.",
        "Since taking charge of the council's housing stock from the ALMO, we have repaired 400 homes.",
        # A6: the council's Be a Councillor material
        "At our Be a Councillor evening, we heard from non-political councillors and party members about the role.",
        "We welcome non-political candidates as well as party candidates to our Be a Councillor sessions.",
        "We explain in our Be a Councillor guide that you don't have to follow national party policies.",
        # A7: a whip a committee must not be tied to, the council's guidance, a street party
        "Councillors on the licensing committee must not be tied to a party whip; this is set out in our constitution.",
        "Our guidance explains that, unlike the national parties, parish councillors usually stand as individuals.",
        "The Big Lunch party over the community centre car park starts at noon.",
        # A8: a contractor's promise, with a Cabinet member in the sentence
        "Despite promising not to raise fees, the contractor has added a \u00a35 charge; the Cabinet member says the council is challenging it.",
        "The council's leadership team has agreed a plan after the bus company cut route 7, despite promising not to.",
        # A9: candidate guidance in the conditional
        "If elected, we would expect you to complete the council's induction programme. (Guidance for candidates)",
        "If elected, I would need time off work for meetings: can I get it? Yes, employers must allow reasonable time off.",
        "If elected, I would be one of 34 councillors representing the borough, says Sam, 19, in our Be a Councillor video.",
        # A10: a council leaflet dated from a Thursday
        "Could you deliver leaflets for us? The Cost of Living Help leaflets go out to every home from Thursday 2 October.",
        # A11: the council's own campaigns
        "We fund our own campaigns, such as Love Where You Live, from the council's budget; voting on the next one opens today.",
        # A12: Reform the noun before a plural verb
        "Devolution and Reform are the two big themes of the White Paper.",
        "Reform were among the ideas raised at the residents' forum, alongside a new bus route.",
        # A13: independent members and teams that are not a group's name
        "The panel includes two Independent local councillors from neighbouring parishes and a magistrate.",
        "Residents' associations met the council's Independent community team on Tuesday.",
    ],
)
def test_council_texts_the_reviewer_found_flagged_stay_clean(text):
    assert not blocked_or_warned(text), political(text)


@pytest.mark.parametrize(
    "text",
    [
        "Since we were elected in 2023 we've frozen council tax every year.",
        "Since we got elected in 2022 we've cut council tax twice.",
        "Since I was elected to the county council, I have fought for every pothole to be fixed.",
        "Our team delivered for Barwell. Vote on Thursday.",
        "Could you deliver leaflets for us? Every door counts on Thursday 2 October.",
        "The residents' group thanks all its supporters who came out to vote on the 4th May.",
        "The Cabinet has scrapped free parking, despite promising not to.",
        "Despite promising not to, the administration has closed the library.",
        "We fund our own campaigns: no party money, just people who want an independent voice for Barwell ward.",
        "Councillors who are tied to the party whip have let Barwell down.",
        "Unlike the national parties, we answer only to Barwell.",
        "At our meeting, we heard from our non-political councillors about how we will fight for Barwell.",
    ],
)
def test_campaign_twins_of_the_reviewers_sentences_still_block(text):
    assert ("campaign-language", "block") in political(text), political(text)


@pytest.mark.parametrize(
    "text",
    [
        "Reform have pledged to scrap the low traffic neighbourhood.",
        "Thank you for re-electing your Independent local councillors in Barwell.",
    ],
)
def test_party_twins_of_the_reviewers_sentences_still_block(text):
    assert ("party-name", "block") in political(text), political(text)


@pytest.mark.parametrize(
    "text",
    [
        # B1: a pledge in the first person is still read by the model with a minister's tag on it
        "We will scrap the unfair charges and put power back in the hands of local people, the minister says.",
        "We will scrap the unfair charges and put power back in the hands of local people, said the Government.",
        "According to the Government, we will scrap the unfair charges and put power back in the hands of local people.",
    ],
)
def test_a_first_person_pledge_tagged_with_the_governments_words_still_warns(text):
    assert ("party-model", "warn") in political(text), political(text)


def test_a_text_without_full_stops_loses_only_the_reported_clause_to_the_model():
    from herald.checks.political import _model_text

    text = "We will scrap the unfair charges and put power back in local hands; planning rules will change, the minister says"
    kept = _model_text(text)
    assert "We will scrap the unfair charges" in kept
    assert "the minister says" not in kept
