"""Party promotion, round nine (issue 12 item 2): modern campaign language the rules missed, and the
council's own texts that must stay advice (committee minutes, notices of who stands, guidance for
candidates). Every sentence here was written for these tests."""

import pytest

from .helpers import findings, official, rules_found, severity_of

IN_PERIOD = official(pre_election=True)


def political(text, context=IN_PERIOD):
    return {(f.rule, f.severity) for f in findings(text, context) if f.category == "political"}


def rule_hits(text, context=IN_PERIOD):
    """The political rules' findings, without the classifier's (which scores these texts on its own)."""
    return {(rule, severity) for rule, severity in political(text, context) if rule != "party-model"}


def blocked(text, context=IN_PERIOD):
    return any(severity == "block" for _, severity in political(text, context))


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # Reform without "UK", where only the party can be meant
        ("Only Reform will cut your council tax in Hinckley", "party-name"),
        ("Reform will scrap the low traffic scheme on day one", "party-name"),
        ("Since May the county has been Reform-run, and the potholes are still there", "party-name"),
        ("Reform's plans for the county hall would close three libraries", "party-name"),
        ("Thousands of families here are ready to back Reform this spring", "party-name"),
        # parties the list did not know
        ("The Workers Party will stand in every ward in the borough", "party-name"),
        ("Traditional Unionist Voice is the only party saying no", "party-name"),
        # opposition attacks on the ruling group without a party name
        ("Under this administration, council tax has gone up every single year", "campaign-language"),
        ("The current leadership has wasted millions on consultants", "campaign-language"),
        ("This administration has broken every promise it made to Barwell", "campaign-language"),
        ("The present administration is out of touch with the villages", "campaign-language"),
        ("The council leader has once again failed the people of Earl Shilton", "campaign-language"),
        ("They squandered millions on a new headquarters nobody needed", "campaign-language"),
        ("Six years of broken promises on the bypass", "campaign-language"),
        # campaigning about campaigning
        ("Sam has been selected as the candidate for Hollycroft ward", "campaign-language"),
        ("Can you help with a leaflet round in your street before polling day?", "campaign-language"),
        ("Join the campaign team and knock on doors with us on Saturday", "campaign-language"),
        ("Our candidates are standing in all nine wards of the district", "campaign-language"),
        ("I am standing for election in Barwell because I love this town", "campaign-language"),
        ("Lend us your vote on 7 May and we will fix the roads", "campaign-language"),
        ("It is a two-horse race here: the others can't win here", "campaign-language"),
        (
            "Promoted by Jane Smith on behalf of the Barwell Residents, both at 12 High Street, Barwell",
            "campaign-language",
        ),
        ("If I am elected I will hold a surgery in every village each month", "campaign-language"),
        ("Thank you to everyone in Burbage who voted for me on Thursday", "campaign-language"),
        ("I pledge to answer every email from a resident within two days", "campaign-language"),
        ("We are on course to become the largest party on the district council", "campaign-language"),
        ("Three more seats and we gain a majority on the county council", "campaign-language"),
        ("We have a brilliant team of candidates for the county elections", "campaign-language"),
        ("Our election campaign starts at the market cross on Saturday", "campaign-language"),
        ("As a residents' association we put up candidates wherever people ask us to", "campaign-language"),
        ("We lost by twelve votes and we will be back next May to win back the seat", "campaign-language"),
        ("Our volunteers delivered 500 Focuses in Stoney Stanton this morning", "campaign-language"),
        ("We are standing in all 34 wards this May for the first time", "campaign-language"),
        ("Your Labour team lost by 12 votes last year, and we will be back", "party-name"),
        ("Green councilors are winning seats across the county", "party-name"),
        ("Electing more Greens means real scrutiny at the town hall", "party-name"),
        ("Vote Green on Thursday for a cleaner town", "party-name"),
        ("Hundreds of Green activists were out in Hinckley this weekend", "party-name"),
        ("You cannot trust Reform in power with the county's money", "party-name"),
        ("We are fielding candidates in every parish for the first time", "campaign-language"),
        ("We believe party politics has no place on a parish council", "campaign-language"),
        # independents and residents' groups
        ("National party politics has no place in our parish council", "campaign-language"),
        ("Local councils should never be one-party states", "campaign-language"),
        ("We are your local Independent team, not tied to any party", "campaign-language"),
        ("Putting residents before party politics since 2015", "campaign-language"),
    ],
)
def test_modern_campaign_language_blocks_in_the_pre_election_period(text, rule):
    assert severity_of(rule, text, IN_PERIOD) == "block"


@pytest.mark.parametrize(
    "text",
    [
        # "reform" as a word, and as part of other names
        "Planning Reform will speed up new housing, the minister says",
        "The Welfare Reform Act changed how housing benefit is paid",
        "The Electoral Reform Society has published a report on turnout",
        "Reform of adult social care is out for consultation",
        "Reform is needed in how we collect bulky waste, the review found",
        "The leisure trust's reform programme starts in April",
        # administrations and leadership that are not the ruling group under attack
        "The council's administration team will process your application within 10 days",
        "Under this scheme, residents can claim up to £500 towards insulation",
        "The current leadership team at the leisure centre has changed",
        "The current administration of the grant scheme has moved to the community team",
        "The council leader has written to every household about the budget",
        "The leader of the council has failed to attend due to illness, the Chairman announced",
        "The sculpture was selected to stand in the market square",
        "Food that is wasted costs the average family £700 a year",
        "There are 54 candidates standing in all 19 wards, listed in the statement of persons nominated",
        "If you are elected, you will be asked to sign a declaration of acceptance of office",
        "Residents voted for the new play area design in the summer",
        "No party has an overall majority on the council",
        "The local plan's policies protect Green Infrastructure across the borough",
        "Residents who elect Green Waste collections pay £40 a year",
        "Our parks team is recruiting volunteers to help with the Green Flag judging",
        "The team delivered Focus groups with tenants in March",
        "Support your local independent shops this Christmas",
        "The Chairman is politically neutral and not tied to any party during the year of office",
        "The Mayoralty is free from party politics",
        "Fraud has wasted millions of pounds of public money",
        "We are proud to be standing with our Ukrainian residents",
        "Share your Green ideas for the town centre with us",
        "Our Green team volunteers planted 200 trees at Burbage Common",
        "The new surgery will focus on families with young children",
        "Seven parties are fielding candidates in the county elections",
        "During this election campaign, council publicity is restricted by law",
        "Party politics has no place in the Mayor's role, which is above politics",
        "A strong set of candidates applied for this year's apprenticeships",
        "Our Love Where You Live campaign team will be in the town centre on Saturday",
        "I am standing in for the Mayor at today's parade",
        # leaflets, candidates and teams that are not a campaign's
        "Please help us deliver the new recycling leaflets to every home",
        "Can you help deliver leaflets about the new recycling collections to your neighbours?",
        "Could you help us deliver leaflets about the warm spaces to older neighbours?",
        "Residents can help deliver our leaflets about the Christmas bin changes to neighbours who are not online.",
        "Our candidates for the apprenticeship scheme start in September.",
        "Broken promises from builders? Report rogue traders to Trading Standards.",
        "Join our team: we are recruiting refuse drivers and loaders",
        "Our apprentices start in September, and we are interviewing candidates now",
        "Volunteers knocked on doors to hand out free smoke alarms in Earl Shilton",
        "The council is not tied to any one supplier for the new bins",
        "The event was promoted by Visit Leicestershire as part of the Food Festival",
    ],
)
def test_fair_twins_of_the_new_campaign_language_stay_clean(text):
    assert not rule_hits(text), rule_hits(text)


@pytest.mark.parametrize(
    "text",
    [
        "Apologies for absence were received from Councillor Jones. Councillor Patel declared a pecuniary"
        " interest in item 6 and left the room.",
        "RESOLVED that the minutes of the meeting held on 4 March be approved. Proposed by Councillor Hall"
        " and seconded by Councillor Green.",
        "It was moved by Cllr Davies and seconded by Cllr Okafor that the application be refused."
        " Cllr Davies said the access road was too narrow.",
        "Declarations of interest: Councillor Morgan, a member of the allotment society, took no part.",
    ],
)
def test_committee_minutes_naming_councillors_are_advice_not_a_block(text):
    found = political(text)
    assert ("councillor-in-minutes", "advice") in found
    assert not blocked(text), found


@pytest.mark.parametrize(
    "text",
    [
        # minutes' words in a party's or councillor's own voice
        "Councillor Patel seconded our motion to save the library: we will keep fighting for it",
        "RESOLVED: the Lib Dems will win Burbage, said Councillor Hall",
        # a news story, not minutes: a councillor quoted in the pre-election period
        "The council agreed the new budget last night. Cllr Davies said it would protect every library.",
        # minutes' words in a news story that quotes a councillor
        'It was agreed to fund the bypass. Cllr Davies said: "This is great news for Hinckley."',
    ],
)
def test_minutes_shapes_do_not_excuse_promotion_or_news(text):
    assert blocked(text), political(text)


def test_a_statement_of_persons_nominated_lists_parties_as_advice():
    text = (
        "Statement of persons nominated for the election of a borough councillor for Barwell ward.\n"
        "SMITH, Jane, 12 High Street, Barwell, Conservative Party Candidate\n"
        "JONES, Peter, 3 Mill Lane, Barwell, Liberal Democrats\n"
        "PATEL, Anita, 8 Station Road, Barwell, Labour Party"
    )
    rules = rules_found(text, IN_PERIOD)
    assert "election-result" in rules
    assert "party-name" not in rules
    assert not blocked(text), political(text)


def test_a_party_celebrating_its_nominations_still_blocks():
    text = (
        "Our three Labour candidates are on the statement of persons nominated for Barwell. Thank you to"
        " everyone who signed their papers."
    )
    assert severity_of("party-name", text, IN_PERIOD) == "block"


@pytest.mark.parametrize(
    "text",
    [
        "If you wish to stand as an independent candidate, you must hand in your nomination papers by 4pm on 8 April",
        "Independent candidates may use the description Independent on the ballot paper, or none at all",
        "Election agents for independent candidates should read the guidance on election expenses",
    ],
)
def test_the_councils_guidance_for_candidates_is_not_campaigning(text):
    assert not blocked(text), political(text)


@pytest.mark.parametrize(
    "text",
    [
        "As an independent candidate I have handed in my nomination papers: I pledge to fight for Barwell",
        "We are independent candidates and our names will be on the ballot paper on 7 May",
    ],
)
def test_a_candidate_talking_about_nomination_papers_is_still_campaigning(text):
    assert severity_of("campaign-language", text, IN_PERIOD) == "block"


def test_outside_the_period_minutes_are_advice_too():
    text = "Apologies for absence were received from Councillor Jones."
    assert severity_of("councillor-in-minutes", text, official()) == "advice"


@pytest.mark.parametrize(
    "text",
    [
        # the brief's other forms of party names, already read before this round: kept as guards
        "Your Lib Dem Focus team has been out in Stoney Stanton",
        "Your Labour team has been listening on the doorsteps of Barwell",
        "The Tory-run council has closed the library",
        "The Conservative group voted against the new leisure centre",
        "The Green administration has doubled parking charges",
        "Reform UK will cut your council tax",
    ],
)
def test_parties_named_in_other_forms_still_block(text):
    assert severity_of("party-name", text, IN_PERIOD) == "block"
