"""Round seventeen of the abuse checker (issue 12 item 1): abuse aimed at a person or a group, written as
classes rather than phrasings (herald/checks/offensive/aimed.py; bench/abuse_round17_rule.txt). A warning
that names no place is a threat; a sexual remark about a person with no approach is harassment; a group
said to be taking over, invading or replacing the locals is hate; a person's body or disability jeered at
is harassment; a bare first name as the subject points
polite contempt at a person. Each has a fair twin in the same register that stays clean, and the round's
known false alarms stay clean too. Written for these tests: none is a row of a blind set or a training file."""

import pytest

from .helpers import offensive_rules

MENACE = [
    (
        "Cllr Harper, people like you tend to end up regretting it.",
        "Cllr Harper, people like you tend to end up at our surgery sooner or later.",
    ),
    (
        "Cllr Harper, you know what you did. Be careful out there.",
        "Cllr Harper, the towpath is flooded again tonight. Be careful out there.",
    ),
    (
        "We know who you are, and people round here have long memories.",
        "We know who you spoke to at the ward forum, thanks for passing it on.",
    ),
    (
        "To whoever keeps reporting the market stalls: stop now while it's still a friendly warning.",
        "To whoever keeps leaving the market gates open: please lock them at six, thank you.",
    ),
    (
        "I'd think very carefully if I were you, Cllr Singh. People remember faces.",
        "I'd think very carefully about the costings, Cllr Singh, before the budget meeting.",
    ),
    (
        "Hope the scaffolding comes down on whoever approved this eyesore.",
        "Hope the scaffolding comes down soon on the high street, it has been up for months.",
    ),
    (
        "I hope whoever cut the bus route gets stuck in a lift for a week.",
        "I hope whoever found my purse on the bus gets in touch, there's a reward.",
    ),
]

SEXUAL = [
    (
        "The new events officer has gorgeous legs, no wonder the turnout was up 😏",
        "The new events officer has brilliant ideas, no wonder the turnout was up.",
    ),
    (
        "9/10 would smash, the one on the left in the ribbon-cutting photo",
        "You would smash it at the interview, go for the job!",
    ),
    (
        "Wonder what the clerk looks like without the cardigan 😏",
        "Wonder what the clerk thinks about the new minutes software.",
    ),
    (
        "Cllr Reid should smile more, pretty girls get further in politics.",
        "Cllr Reid should speak more often at cabinet, she explains the budget well.",
    ),
]

TAKEOVER = [
    (
        "Another mosque approved. The Islamic takeover of this town carries on and the council just watches.",
        "Another shop approved: the takeover of the old bingo hall by a climbing gym was agreed in May.",
    ),
    (
        "It's an invasion, plain and simple, migrants on every corner now.",
        "Refugees who fled the invasion of Ukraine are welcome at the drop-in on Tuesdays.",
    ),
    (
        "These foreigners are replacing the locals street by street.",
        "These new bins are replacing the old ones street by street.",
    ),
    (
        "The town is overrun by asylum seekers and nobody in the council cares.",
        "The town is overrun by tourists every August, please add more bins.",
    ),
]

MOCKERY = [
    (
        "Cllr Dunn clearly hasn't seen her own feet since the last election.",
        "Cllr Dunn has visited every school in her ward since the last election.",
    ),
    (
        "The new officer with the stutter took ages on the phone, why do they put people like that on the helpline?",
        "I rang the helpline and the officer, who has a stutter, explained the forms brilliantly.",
    ),
    (
        "Did the mayor eat the whole Christmas market?",
        "Did the mayor open the whole Christmas market?",
    ),
]

NAMED = [
    ("Gareth has the charisma of a damp squib.", "The launch had all the charisma of a damp squib."),
    ("Lisa couldn't organise a raffle.", "Lisa couldn't come to the raffle, so Tom drew the tickets."),
]


@pytest.mark.parametrize(("abusive", "fair"), MENACE)
def test_a_warning_with_no_place_is_a_threat_and_its_fair_twin_is_not(abusive, fair):
    assert "threat" in offensive_rules(abusive)
    assert offensive_rules(fair) == set()


@pytest.mark.parametrize(("abusive", "fair"), SEXUAL)
def test_a_sexual_remark_with_no_approach_is_harassment_and_its_fair_twin_is_not(abusive, fair):
    assert "harassment" in offensive_rules(abusive)
    assert offensive_rules(fair) == set()


@pytest.mark.parametrize(("abusive", "fair"), TAKEOVER)
def test_a_group_said_to_take_over_is_hate_and_its_fair_twin_is_not(abusive, fair):
    assert "hate" in offensive_rules(abusive)
    assert offensive_rules(fair) == set()


@pytest.mark.parametrize(("abusive", "fair"), MOCKERY)
def test_a_persons_body_or_disability_jeered_at_is_harassment_and_its_fair_twin_is_not(abusive, fair):
    assert "harassment" in offensive_rules(abusive)
    assert offensive_rules(fair) == set()


@pytest.mark.parametrize(("abusive", "fair"), NAMED)
def test_a_bare_first_name_as_subject_points_contempt_at_a_person(abusive, fair):
    assert "harassment" in offensive_rules(abusive)
    assert offensive_rules(fair) == set()


@pytest.mark.parametrize(
    "text",
    [
        # a lower-case word after "thanks," is no greeted person
        "Thanks, everyone! Our old boiler couldn't run a bath, so the new one is a relief.",
        # a gait word on race day
        "Our mascot waddled across the finish line in the penguin suit, well done!",
        # a jibe taken back at once
        "Happy 40th! Are you twelve? Only kidding Dan, have a great day.",
        # a joke about a short list, with no one's identity in it
        "Was the new clerk hired on merit, or because they applied? Either way, welcome!",
        # counter-speech reporting the words
        "He said she had the IQ of a goldfish. That has no place in this chamber.",
        "Every time someone calls refugees an invasion, another family is too scared to go out.",
        # a place, not a person
        "The empty car park on Mill Lane is a waste of space, build homes on it.",
        # electoral memory is politics
        "I would remind the councillor that people round here have long memories and will vote accordingly.",
        # a disability named with no jeer
        "Our director uses a wheelchair and has made the civic centre far more accessible.",
        # a threat quoted while reporting it
        'someone commented "hope he ends up under the next one" on the bin lorry post, those lads work hard',
    ],
)
def test_the_known_false_alarms_stay_clean(text):
    assert offensive_rules(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Was she hired on merit, or because she's a woman?",
        "You're a waste of space, Colin.",
        "She waddled up to the lectern like a penguin, bless her.",
        "Are you twelve? Grow up, Dan.",
    ],
)
def test_the_same_jibes_aimed_at_a_person_still_count(text):
    assert "harassment" in offensive_rules(text)


SAMPLES = [abusive for abusive, _ in MENACE + SEXUAL + TAKEOVER + MOCKERY]


@pytest.mark.parametrize("text", SAMPLES)
def test_the_cheap_word_checks_never_hide_a_pattern(text):
    """Each family skips its patterns when none of its cue words is in the text: the cues must cover them."""
    from herald.checks.offensive import aimed
    from herald.checks.textutil import probe

    words = probe(text)[1]
    families = (
        (aimed.menace_hits, aimed._MENACE_CUES),
        (aimed.sexual_hits, aimed._SEXUAL_CUES),
        (aimed.takeover_hits, aimed._TAKEOVER_CUES),
        (aimed.mockery_hits, aimed._MOCK_CUES),
    )
    for hits, cues in families:
        assert hits(text, words) == hits(text, frozenset(cues))
    assert any(hits(text, frozenset(cues)) for hits, cues in families)
