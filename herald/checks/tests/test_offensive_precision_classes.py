"""False alarms on fair comments, by class (issue 12 item 1, the precision round): counter-speech that
quotes or reports abuse to condemn it, people describing themselves, literal senses of loaded words,
banter between friends, and swearing at a situation rather than a person. Each fair comment was flagged
before; its abusive twin, in the same words aimed at someone, stays flagged (herald/checks/offensive/
quotes.py and senses.py). Written for these tests: none is a row of a blind set or a training file."""

import pytest

from .helpers import offensive_rules, rules_found, severity_of

ABUSE = {"profanity", "slur", "threat", "hate", "harassment", "offensive-model", "abuse-model"}

# (fair comment, abusive twin)
COUNTER_SPEECH = [
    (
        'A woman on the number 8 kept calling my son a "little shit" all the way to town. Absolutely disgusting.',
        "You little shit, all the way to town and you never shut up.",
    ),
    (
        'The bloke at the back yelling "I\'ll smash your face in" at the councillor got kicked out by security.',
        "I'll smash your face in next time I see you outside the library.",
    ),
    (
        'A man in the queue kept muttering "dirty immigrants" at the family in front. Reported him to the staff.',
        "Dirty immigrants in the queue again, pushing in front of the family.",
    ),
    (
        'My sister was told to "go back where you came from" at the market on Saturday. Two traders witnessed it.',
        "Go back where you came from, nobody wants you at the market.",
    ),
    (
        'Our neighbour got a note saying "we know where you live" pushed through her door. Police are aware.',
        "We know where you live. Think about that.",
    ),
    (
        "someone in the comments called the youth worker a bitch, reported it, vile behaviour",
        "the youth worker is a bitch and everyone knows it",
    ),
    (
        'someone commented "send them all back on a dinghy" under the lifeboat post and I am so disappointed in this town',
        "send them all back on a dinghy, every last one of them",
    ),
]

LITERAL_SENSES = [
    (
        "Our cocker spaniel bitch had her first litter last week, five healthy pups and all spoken for.",
        "The woman on the front desk is a stupid bitch who never answers the phone.",
    ),
    (
        "The engineer found the ignition timing was retarded by a few degrees on the depot's old generator.",
        "The engineer at the depot is retarded, he can't even fix a generator.",
    ),
    (
        "Pork faggots with onion gravy are back on the menu at the market stall this Friday.",
        "Faggots like him shouldn't be running the market.",
    ),
    (
        "The pigeons round the bus station are absolute vermin, they rip every bin bag open.",
        "The lads round the bus station are absolute vermin, they rip every bin bag open.",
    ),
]

SELF_DESCRIBED = [
    (
        "proud dyke and proud mum, thanks to the library for the pride display 🌈",
        "dirty dyke running the library, get her out",
    ),
    (
        "dyke and proud, and the pride flag on the town hall made my week",
        "the dyke on the front desk made my week worse",
    ),
]

BANTER = [
    (
        "Happy birthday you daft muppet, love you loads, see you at the pub",
        "You daft muppet, nobody voted for you and nobody will",
    ),
    (
        "@sam_r you absolute clown, that's your bike in the background on the zebra crossing mate 😂",
        "@sam_r you absolute clown, that's your bike in the background on the zebra crossing",
    ),
]

SITUATIONS = [
    (
        "Bins missed for the third week running, the contractor is taking the piss now.",
        "Piss off back to your office and take your bin contractor with you.",
    ),
    (
        "Pissing it down at the bonfire but the fireworks were still class.",
        "Piss off with your bonfire, nobody wants it.",
    ),
    (
        "the lighting in the multi-storey car park is shit, someone is going to trip on the stairs",
        "the parking warden in the multi-storey is shit at his job and a liar",
    ),
    (
        "Shit signal in the library again, can't get the wifi to load anything.",
        "Shit councillors again, can't get a single thing right.",
    ),
    (
        "fucking brilliant turnout at the park run this morning, well done everyone",
        "fucking idiots at the park run this morning blocking the path",
    ),
    (
        "This parking policy is total bollocks and the consultation ignored every resident.",
        "Cllr Shaw is a lying bastard and the consultation ignored every resident.",
    ),
]

CASES = COUNTER_SPEECH + LITERAL_SENSES + SELF_DESCRIBED + BANTER + SITUATIONS


@pytest.mark.parametrize(("fair", "abusive"), CASES, ids=[fair[:40] for fair, _ in CASES])
def test_fair_comment_is_not_flagged_as_abuse_and_its_twin_is(fair, abusive):
    assert not offensive_rules(fair) & ABUSE
    assert offensive_rules(abusive) & ABUSE


@pytest.mark.parametrize(
    "text",
    [
        "Bins missed for the third week running, the contractor is taking the piss now.",
        "the lighting in the multi-storey car park is shit, someone is going to trip on the stairs",
    ],
)
def test_swearing_at_a_situation_in_a_comment_is_still_shown_as_mild_swearing(text):
    assert "mild-profanity" in offensive_rules(text)


def test_the_councils_own_post_still_blocks_swearing_at_a_situation():
    assert severity_of("profanity", "The lighting in the car park is shit, sorry everyone") == "block"
    assert "profanity" in rules_found("Bins missed again: the contractor is taking the piss, and we have told them.")
