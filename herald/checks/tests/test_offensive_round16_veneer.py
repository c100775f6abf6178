"""Round sixteen of the abuse checker (issue 12 item 1): abuse with a civil surface and no rude word.
Calm menace (showing you know where a person lives, parks or sends their children; harm hinted at) is a
threat; a remark on a person's looks with a private approach is harassment; a group's members called
unfit by nature, put as an observation, is hate. Each has a fair twin in the same register that stays
clean: a councillor's surgery, a threat reported to the police, an official invitation, a genuine
compliment, evidence about a group's treatment (herald/checks/offensive/veneer.py; docs/checks.md,
"Round sixteen"). Written for these tests: none is a row of a blind set or a training file."""

import pytest

from .helpers import offensive_rules

MENACE = [
    (
        "Cllr Dawson, I know which gym you go to on Tuesdays. Think about that before the vote on the depot.",
        "Cllr Dawson, I know which school is losing its crossing patrol. Think about that before the vote.",
    ),
    (
        "Dear Ms Okoro, I would gently suggest you check under your car before you drive to work this week.",
        "A resident reported that a man said he would check under her car. Police have been told.",
    ),
    (
        "Interesting decision, Martin. Perhaps reconsider it before we next bump into each other.",
        "Interesting decision, Martin. No doubt we'll bump into each other at the surgery on Friday.",
    ),
    (
        "I know you leave the depot at six and walk to the bus station alone. Approve my licence.",
        "I know the depot closes at six, so can the bus station stop be moved nearer? Thanks.",
    ),
    (
        "Congratulations on the vote, Cllr Byrne. Nice house on Ferndale Avenue, by the way.",
        "Congratulations on the vote, Cllr Byrne. Nice to see the new houses on Ferndale Avenue finished.",
    ),
    (
        "I have your home address from the planning portal, Mr Shah, and I suggest you change your mind.",
        "I have put my home address on the planning portal, Mr Shah, so please write to me there.",
    ),
    (
        "Refuse my extension and I will not be held responsible for what happens next. Consider yourself told.",
        "Refuse my extension and I will appeal to the inspector. Consider this my formal notice.",
    ),
    (
        "Mr Reid in planning drives home at five. I would hate for him to have an accident. Approve my plans.",
        "The junction by the school is dangerous. I would hate for her to have an accident on that bend, please add a crossing.",
    ),
]

ADVANCES = [
    (
        "Great talk at the conference, Chloe. You look stunning in your profile photo. Are you free this weekend?",
        "Great talk at the conference, Chloe. Are you free this weekend to join the litter pick on the green?",
    ),
    (
        "Lovely update on the park, Councillor. Perhaps we could discuss it over dinner, just the two of us, "
        "somewhere discreet.",
        "Lovely update on the park, Councillor. Perhaps we could discuss it at the ward forum on Tuesday.",
    ),
    (
        "The new receptionist is gorgeous. Could someone give me her number? I'd like to take her out for a drink.",
        "The new receptionist is very helpful. Could someone give me the number for the housing team?",
    ),
    (
        "You looked gorgeous on the news segment last night. I'd love to meet you privately some evening.",
        "You looked great on the news segment last night and explained the bin changes clearly. Well done.",
    ),
    (
        "Impressive CV, Nadia. I suspect your real talents lie elsewhere, though.",
        "Impressive CV, Nadia. I suspect your skills will be put to good use on the transport board.",
    ),
]

PREJUDICE = [
    (
        "Just an observation: women in senior finance roles struggle with the harder decisions. Explains a lot.",
        "Women are under-represented in senior finance roles, and the council should publish its pay gap.",
    ),
    (
        "No offence intended, but some cultures just aren't suited to running public services.",
        "No offence intended, but some services just aren't suited to running from one office.",
    ),
    (
        "I'm sure she is very nice, but these people cannot be trusted with community funding.",
        "I'm sure she is very nice, but the figures cannot be trusted until the audit is finished.",
    ),
    (
        "Typical of them, really. Their faith teaches them to deceive outsiders, so why hire one for cohesion?",
        "Typical of the diocese, really. Their faith teaches them to welcome outsiders, so the food bank is busy.",
    ),
]


@pytest.mark.parametrize(("abusive", "fair"), MENACE)
def test_calm_menace_is_a_threat_and_its_fair_twin_is_not(abusive, fair):
    assert "threat" in offensive_rules(abusive)
    assert offensive_rules(fair) == set()


@pytest.mark.parametrize(("abusive", "fair"), ADVANCES)
def test_a_polite_sexual_advance_is_harassment_and_its_fair_twin_is_not(abusive, fair):
    assert "harassment" in offensive_rules(abusive)
    assert offensive_rules(fair) == set()


@pytest.mark.parametrize(("abusive", "fair"), PREJUDICE)
def test_prejudice_put_as_an_observation_is_hate_and_its_fair_twin_is_not(abusive, fair):
    assert "hate" in offensive_rules(abusive)
    assert offensive_rules(fair) == set()


@pytest.mark.parametrize(
    "text",
    [
        # help, kindness and official business
        "I know where you can park for free near the civic centre on Saturdays.",
        "Does your kids' school have a breakfast club? Ours has just lost its funding.",
        "A few of us from the residents' group would like to invite you to the opening of the community garden.",
        "You look stunning in the mayoral robes! Are you free to open the summer fete on 12 July?",
        "The Mayor looked wonderful at the Remembrance parade. Thank you for representing the town.",
        # counter-speech quoting the words
        'Saying "some cultures just aren\'t suited to public service" is racist and I have reported it.',
        'A caller told the officer "I know where you live". It has been reported to the police.',
    ],
)
def test_help_official_invitations_and_counter_speech_stay_clean(text):
    assert offensive_rules(text) == set()


SAMPLES = [abusive for abusive, _ in MENACE + ADVANCES + PREJUDICE]


@pytest.mark.parametrize("text", SAMPLES)
def test_the_cheap_word_checks_never_hide_a_pattern(text):
    """Each family skips its patterns when none of its cue words is in the text: the cues must cover them."""
    from herald.checks.offensive import veneer
    from herald.checks.textutil import probe

    words = probe(text)[1]
    for hits, cues in (
        (veneer.menace_hits, veneer._MENACE_CUES),
        (veneer.advance_hits, veneer._ADVANCE_CUES),
        (veneer.prejudice_hits, veneer._PREJUDICE_CUES),
    ):
        assert hits(text, words) == hits(text, frozenset(cues))
    assert any(
        hits(text, frozenset(cues))
        for hits, cues in (
            (veneer.menace_hits, veneer._MENACE_CUES),
            (veneer.advance_hits, veneer._ADVANCE_CUES),
            (veneer.prejudice_hits, veneer._PREJUDICE_CUES),
        )
    )


@pytest.mark.parametrize(
    ("abusive", "fair"),
    [
        (
            "Bold new strategy. The strategic vision of a dead goldfish, Mark.",
            "Bold new strategy. The strategic vision of a dead goldfish, honestly.",
        ),
        (
            "Ten years in the job and still the charisma of a sedated walrus, Priya!",
            "Ten years in the job and still the charisma of a sedated walrus, sadly.",
        ),
    ],
)
def test_a_bare_name_at_the_end_points_polite_contempt_at_a_person(abusive, fair):
    """Round fifteen's contempt needed a pronoun, a title or a greeting; a name said to the person at the
    end of the sentence points it at them too."""
    assert "harassment" in offensive_rules(abusive)
    assert offensive_rules(fair) == set()
