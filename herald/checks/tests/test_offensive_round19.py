"""Round nineteen of the abuse checker (issue 12; bench/abuse_round19_rule.txt), written as structure rather than
phrasings. The lead's policy: in an incoming comment a named or pointed-at person tied to a house number and
street is doxxing even with no invitation to act, and so is a workplace with a shift or a routine
(offensive/doxxing.py); a person named in lower case with sexual emoji is harassment (offensive/leers.py). Each
abusive case has a fair twin in the same register. Written for these tests: none is a row of a blind set or a
training file."""

import pytest

from .helpers import offensive_rules

HOMES = [
    (
        "Cllr Fenwick of 17 Tanner Close voted for the incinerator. Remember that in May.",
        "Cllr Fenwick voted for the incinerator. Remember that in May.",
    ),
    (
        "The family at 6 Orchard Rise are the reason the play area got shut. Thought people should be aware.",
        "The empty house at 6 Orchard Rise has had scaffolding up for a year, is it safe?",
    ),
    (
        "Bev Loughton, 48 Sycamore Drive. Objected to the skate park, naturally.",
        "Kind regards, Bev Loughton, 48 Sycamore Drive",
    ),
    (
        "Councillor Ian Probert (31 Weaver Street) voted to shut the day centre.",
        "Councillor Ian Probert voted to shut the day centre and I think he's wrong.",
    ),
    (
        "Her dad is at 9 Brindley Avenue if anybody wonders where she gets her manners.",
        "My dad is at 9 Brindley Avenue and his assisted collection was missed again.",
    ),
]

FAIR_HOMES = [
    "Please could someone help Mrs Amos, 22 Linden Grove, her bin has not been emptied for three weeks.",
    "Missing: Dennis Holt, 79, last seen near 4 Quarry Lane on Sunday evening. Please share.",
    "Cllr Yusuf, 12 High Street surgery, open Saturday mornings for residents.",
    "The chip shop at 3 Bridge Street does the best fish in town.",
]

WORKPLACES = [
    (
        "That enforcement officer does the early shift at the Tesco Express on Burton Road, clocks off at 2.",
        "That enforcement officer was really helpful when I rang about the fly-tipping on Burton Road.",
    ),
    (
        "Her husband works nights at the Greencore plant, finishes around 6 every morning.",
        "My husband works nights at the Greencore plant so please keep the bin lorry quieter before 8.",
    ),
]

LEERS = [
    ("that kirsty wainwright tho 🥵🥵", "that sunset over the reservoir tho 🥵"),
    ("omg dan from the parking team 🤤🤤", "that sausage roll from the market 🤤🤤"),
]


@pytest.mark.parametrize(("abusive", "fair"), HOMES)
def test_a_person_tied_to_a_house_number_and_street_is_doxxing_and_its_fair_twin_is_not(abusive, fair):
    assert "threat" in offensive_rules(abusive)
    assert offensive_rules(fair) == set()


@pytest.mark.parametrize("fair", FAIR_HOMES)
def test_the_address_of_someone_spoken_for_an_appeal_or_a_business_is_not_doxxing(fair):
    assert offensive_rules(fair) == set()


@pytest.mark.parametrize(("abusive", "fair"), WORKPLACES)
def test_a_workplace_with_a_shift_or_routine_is_doxxing_and_its_fair_twin_is_not(abusive, fair):
    assert "threat" in offensive_rules(abusive)
    assert offensive_rules(fair) == set()


@pytest.mark.parametrize(("abusive", "fair"), LEERS)
def test_a_lower_case_name_with_sexual_emoji_is_harassment_and_food_or_weather_is_not(abusive, fair):
    assert "harassment" in offensive_rules(abusive)
    assert offensive_rules(fair) == set()


# offensive/competence.py: contempt in a polite register, each beside a firm but fair twin in the same register
POLITE = [
    (
        "Delighted for Lorna. A deaf woman chairing the noise nuisance panel, what could possibly go wrong 🙃",
        "Delighted for Lorna. A new chair for the noise nuisance panel, let's hope it clears the backlog.",
        "hate",
    ),
    (
        "This is what happens when you appoint women to head up highways. Potholes everywhere.",
        "This is what happens when you cut the highways budget three years running. Potholes everywhere.",
        "hate",
    ),
    (
        "Honest question: was the new housing lead picked on merit or on her ethnicity?",
        "Honest question: was the new housing lead picked by open competition or internally?",
        "hate",
    ),
    (
        "With respect, anyone over 65 sitting on the planning committee is just dead weight.",
        "With respect, the planning committee has sat on this application for 65 days.",
        "hate",
    ),
    (
        "I do wonder whether someone with his accent can really represent a market town like ours.",
        "I do wonder whether someone from outside the county can get to grips with our bus routes this quickly.",
        "hate",
    ),
    (
        "The consultation summary reads as if it was drafted by a nine-year-old. Embarrassing, Trevor.",
        "The consultation summary is missing the figures from the second round. Could you add them, Trevor?",
        "harassment",
    ),
    (
        "Nice of Colin to share his 'digital strategy'. He can't even operate the photocopier.",
        "Nice of Colin to share his digital strategy. Could the photocopier in reception be fixed too?",
        "harassment",
    ),
    (
        "Well deserved award for the team, proof that competence is optional in this directorate.",
        "Well deserved award for the team, proof that steady investment pays off in this directorate.",
        "harassment",
    ),
    (
        "Glad you're enjoying the new role, Ruth. I'd hate for your reputation to suffer, or anything else.",
        "Glad you're enjoying the new role, Ruth. I'd hate for the consultation to be rushed, so please extend it.",
        "threat",
    ),
]


@pytest.mark.parametrize(("abusive", "fair", "rule"), POLITE)
def test_polite_contempt_is_found_and_its_fair_twin_in_the_same_register_is_not(abusive, fair, rule):
    assert rule in offensive_rules(abusive)
    assert offensive_rules(fair) == set()


# false alarms read on the development sets, excused by how the text is built (each written for these tests)
FAIR_BY_STRUCTURE = [
    # a dyke holding back water, a medical "spastic"
    "The dyke past Holme Fen is leaking again after the rain, water is over the footpath.",
    "My consultant has diagnosed spastic diplegia, so I'm applying for a blue badge.",
    # a quotation reported: comments read and reported
    "Scrolled through the replies under the hostel post tonight, stuff like 'they multiply like rats'. Can you moderate this please?",
    # a warning about a conman at the door
    "Beware: a bloke in a lanyard pretending to be a council officer is asking folk on the estate for cash. Don't let him in.",
]


@pytest.mark.parametrize("fair", FAIR_BY_STRUCTURE)
def test_literal_senses_reported_quotes_scam_warnings_and_slang_praise_are_not_abuse(fair):
    assert offensive_rules(fair) == set()


UNCHANGED = [
    # the same shapes that stay abuse: a slur at a person by the water, a warning about a group, slang with a sneer
    ("you absolute dyke, the flood meeting is not for you", "slur"),
    ("this councillor ate with that speech, shame he's a useless idiot", "harassment"),
]


@pytest.mark.parametrize(("abusive", "rule"), UNCHANGED)
def test_the_excusals_do_not_reach_abuse_in_the_same_shapes(abusive, rule):
    assert rule in offensive_rules(abusive)


def test_slang_praise_in_a_short_comment_is_read_as_praise_unless_it_sneers():
    from herald.checks.offensive.senses import praised_in_slang
    from herald.checks.textutil import probe

    for text, praise in [
        ("the youth council lot ate with that presentation 🔥🔥", True),
        ("the mayor's dance at the switch-on was iconic honestly 😭", True),
        ("the youth council lot ate with that presentation, shame it was rubbish", False),
        ("the leader ate three pies at the fete", False),
    ]:
        assert praised_in_slang(text, probe(text)[1]) is praise


# more structure from the development misses: emoji for a noose or an animal aimed at a person, harm wished on
# a person, a routine put beside how alone the person is on it, the street named after "number 9"
MORE = [
    (
        "@CllrBrayford 🪢 the old oak by the bypass would do",
        "Knot-tying workshop at the library on Saturday 🪢 all ages welcome",
        "threat",
    ),
    (
        "the new parking manager 🐷🐷 snout in the trough as usual",
        "Pig racing at the county show was brilliant 🐷🐷",
        "harassment",
    ),
    (
        "honestly hope the bloke chairing this has a heart attack before item 4",
        "honestly hope the chair gets us through item 4 before midnight",
        "threat",
    ),
    (
        "hope the gritter reverses over him on his way out",
        "hope the gritter gets down our road before the school run",
        "threat",
    ),
    (
        "You jog round Hollow Park before work most days, Cllr Amis. Nice and quiet at that hour, no cameras.",
        "You jog round Hollow Park before work most days, Cllr Amis. Could you look at the broken lights by the gate?",
        "threat",
    ),
    (
        "The man at number 4 Linnet Grove keeps ringing the council about our kids. Pathetic.",
        "The house at number 4 Linnet Grove has had a skip on the verge since June, can enforcement look?",
        "threat",
    ),
]


@pytest.mark.parametrize(("abusive", "fair", "rule"), MORE)
def test_more_structures_from_the_development_misses(abusive, fair, rule):
    assert rule in offensive_rules(abusive)
    assert offensive_rules(fair) == set()
