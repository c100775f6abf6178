"""Party promotion, round ten (issue 12 item 2): the council's own texts that were blocked or warned on
(Reform as a policy's name, a Healthwatch post, the Mayor quoted, a council document dating something
to the last administration, a youth council election, civic resolutions and notices), and the
campaign language still missed (independents, residents' groups, record claims in a party's voice,
calls to help a campaign, "our candidates for <ward>"). Every sentence here was written for these
tests."""

import pytest

from .helpers import blocked_or_warned, official, political, severity_of

IN_PERIOD = official(pre_election=True)
OUTSIDE = official()


# --- false alarms on council text -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # "Reform" in a policy's or an act's name: the model read "reform" as a manifesto's word
        "Planning Reform will speed up new housing, the minister says",
        "The Welfare Reform Act changed how housing benefit is paid",
        # an independent voice that is not a candidate's
        "Healthwatch Leicestershire is an independent voice for people who use health and care services",
        "We are Healthwatch Hinckley, an independent voice for patients and carers",
        "The Youth Council is an independent voice for young people in the borough",
        # a council document dating something to an earlier administration
        "Under the previous administration the council's accounts were not audited on time, the auditor found",
        "Under the current administration of the scheme, grants are paid quarterly",
        "Under the last administration's budget, the leisure centre was refurbished in 2019",
        # a young person standing for a youth or school council, quoted in a council post
        "If I am elected chair of the youth council, I will campaign for better bus passes, said Amy, 15",
        "If I am elected Young Mayor, I will set up a youth forum in every town, said Priya, 14",
        "If I'm elected to the school council I will ask for more benches, one pupil told us",
        # councils thanking councillors, and volunteers, leaflets and prizes that are not a campaign's
        "Thanks to our councillors for coming to the opening of the new play area",
        "Thanks to your ward councillors for their support with the new crossing",
        "Thanks to our councillors, the new defibrillator at the village hall was paid for from the ward budget",
        "Our ward councillors have secured funding for the new play area",
        "Could you deliver leaflets for us about the Christmas lights switch-on?",
        "Our councillors are volunteers who give their time to the parish",
        "Our team delivered the new crossing on Station Road ahead of schedule",
        "Help us win Britain in Bloom this year by planting a window box",
        "Volunteer for our campaign to clean up the canal towpath this spring",
        "Volunteer for our litter-picking campaign in your ward",
        "Donate to the Mayor's charity appeal at any council office",
        "Who will win the election? Results on our website from 2am",
        "The returning officer will declare who has won the election at the count",
        "Our candidates for the apprenticeship scheme start in September.",
        "The candidates for Barwell ward are listed in the statement of persons nominated",
        # independents and residents' associations that are not campaigning
        "Independent Members of the Audit Committee are appointed for four years",
        "The Independent Person advises the Standards Committee on complaints about councillors",
        "The Residents' Association meets on the first Monday of every month at the village hall",
        "The Barwell Residents' Association has asked the council to look at parking on the High Street",
        "Put people before cars: the new school streets scheme starts on Monday",
        "People before profit is the motto of the community shop",
        "The parade passed the villages before the party at the park",
    ],
)
def test_council_texts_that_were_flagged_are_not_blocked_or_warned(text):
    assert not blocked_or_warned(text), political(text)


def test_the_mayor_quoted_at_a_civic_event_is_advice_not_a_members_position():
    text = "Cllr Stuart Bray, Mayor of Hinckley, said the parade was a wonderful sight"
    assert political(text) == {("ceremonial-role", "advice")}


@pytest.mark.parametrize(
    "text",
    [
        "Council resolved, on the motion of Cllr Jones, to adopt the new tree strategy",
        "The committee resolved to refuse the application. Councillor Patel asked that her vote against be recorded.",
    ],
)
def test_a_civic_resolution_naming_a_councillor_is_the_record_of_a_meeting(text):
    assert ("councillor-in-minutes", "advice") in political(text)
    assert not blocked_or_warned(text), political(text)


def test_a_resolution_electing_the_mayor_is_a_civic_role():
    text = "RESOLVED that Councillor Amanda Wright be elected Mayor of the Borough for the municipal year 2026-27"
    assert political(text) == {("ceremonial-role", "advice")}


@pytest.mark.parametrize(
    "text",
    [
        "Notice is given that Councillor Jones has resigned, and a by-election will be held if two electors ask for one",
        "Candidates for Burbage ward: BRAY, Stuart (Liberal Democrat); WRIGHT, Amanda (Conservative)",
    ],
)
def test_notices_of_a_vacancy_and_lists_of_who_stands_are_election_administration(text):
    assert ("election-result", "advice") in political(text)
    assert not blocked_or_warned(text), political(text)


@pytest.mark.parametrize(
    "text",
    [
        "Cllr Amanda Wright, Cabinet Member for Environment, said the new bins would be delivered in May",
        'Cabinet Member for Housing, Councillor Jones, said: "The new homes will be ready by spring."',
    ],
)
def test_a_cabinet_member_quoted_on_their_portfolio_outside_the_period_is_advice(text):
    assert political(text, OUTSIDE) == {("councillor-named", "advice")}
    # in the period the Publicity Code asks the council not to feature members who may be standing
    assert severity_of("councillor-named", text, IN_PERIOD) == "block"


@pytest.mark.parametrize(
    "text",
    [
        # a stance stays a member's position, with a civic or cabinet role or without one
        "Cllr Stuart Bray, Mayor of Hinckley, slammed the government's cuts",
        "Cllr Amanda Wright, Cabinet Member for Environment, slammed the government's cuts",
        "Cllr Amanda Wright said the decision was a disgrace",
    ],
)
def test_a_stance_is_still_a_members_position(text):
    assert severity_of("member-position", text, OUTSIDE) == "warn"
    assert severity_of("member-position", text, IN_PERIOD) == "block"


@pytest.mark.parametrize(
    "text",
    [
        # the Mayor quoted taking a side, and the council's news naming members, still block
        "The Mayor, Cllr Stuart Bray, said Labour would win Burbage",
        "The council agreed the new budget last night. Cllr Davies said it would protect every library.",
        "Cabinet agreed on 4 March to consult on new parking charges; Cllr Wright presented the report",
        "If I am elected councillor for Barwell I will hold a surgery in every village",
        "Under this administration, council tax has gone up every single year",
        # attacks dated to an administration, said by someone or with blame
        "Under the last administration we saw three libraries close",
        "Under the previous administration, council tax went up every single year",
        # a candidate's independent voice; an appeal for an election campaign's funds
        "I will be an independent voice for Barwell on the borough council",
        "Please donate to our election campaign so we can reach every home",
        # a party whose name is also a slogan, with its capitals
        "People Before Profit will stand in every ward in Belfast",
    ],
)
def test_the_narrowed_rules_still_block_what_they_should(text):
    assert "block" in {severity for _, severity in political(text)}, political(text)


# --- misses --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # independents and residents' groups
        ("Local people, not party politics: that is what the Barwell Independents stand for", "party-name"),
        ("The Hinckley and Bosworth Independents have won two by-elections this year", "party-name"),
        ("Thanks to your Independent councillors, the bus route was saved", "party-name"),
        ("Putting residents before party, every single time", "campaign-language"),
        ("People not party politics: we answer only to Earl Shilton", "campaign-language"),
        ("We put Barwell first, not party politics", "campaign-language"),
        ("The Barwell Residents' Association has candidates standing in all three wards this May", "campaign-language"),
        ("Your Residents' Association councillors have kept the library open", "party-name"),
        # record claims in a party's voice
        ("Your local councillors have secured £2m for the new sports hall in Earl Shilton", "campaign-language"),
        ("Thanks to your hard-working councillors, the Hollycroft library is still open", "campaign-language"),
        # calls to help a campaign
        # after review (finding 7): leaflets "for us" are a campaign's only with an election's word in the
        # text; "Could you deliver leaflets for us in Burbage this weekend?" is also a council appeal
        ("Could you deliver leaflets for us in Burbage before polling day?", "campaign-language"),
        ("Chip in £5 today to help us win in Barwell", "campaign-language"),
        ("Volunteer for our campaign: we need people to help on polling day", "campaign-language"),
        ("Help us win this election by giving an hour on Saturday", "campaign-language"),
        ("Become a party member today for just £1 a month", "campaign-language"),
        # our candidates for a ward
        ("Meet our candidates for Barwell ward: Jane, Peter and Anita", "campaign-language"),
        (
            "Our three local candidates for Burbage Sketchley and Stretton ward are out every evening",
            "campaign-language",
        ),
    ],
)
def test_campaign_language_missed_before_blocks_in_the_period(text, rule):
    assert severity_of(rule, text, IN_PERIOD) == "block"


@pytest.mark.parametrize(
    "text",
    [
        # one definition of a speaker in the first person, shared with the offensive checks: "im", as
        # people type "I'm", now counts here too
        "Im not tied to any party, just to the people of Barwell",
    ],
)
def test_a_speaker_typed_the_way_people_type_is_a_speaker(text):
    assert severity_of("campaign-language", text, IN_PERIOD) == "block"
