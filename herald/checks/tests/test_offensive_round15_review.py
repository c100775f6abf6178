"""Review of abuse round fifteen (polite contempt): comments a council receives that name a person near an
appraisal's words but put nobody down (people describing themselves, a plan's lack of vision, a literal
sleep-out or bath, a shrill alarm), and a put-down it missed. Written for these tests: none is a row of a
blind set or a training file."""

import pytest

from .helpers import offensive_rules

FAIR = [
    # people describing themselves, or abuse they received
    "I'm the stupidest person I know when it comes to recycling rules, so thank you for the simple guide!",
    "I'm a diversity hire and proud of it, thanks to the council's apprenticeship scheme.",
    "I was told I was 'a diversity hire' by a man at the meeting. It hurt, and I want the council to act.",
    # a plan or budget without vision: criticism of a decision, not of a person
    "Cllr Patel, your budget has all the strategic vision of a dead goldfish.",
    "Dear Mrs Hill, the Local Plan has the backbone of a jellyfish: it caves in to every developer.",
    # a place or a thing retired, with a person only greeted
    "Dear Ms Patel, the old bus depot is a relic and should be put out to pasture. Thank you for listening.",
    # literal baths, hedges, alarms and dance floors
    "My husband couldn't run a bath without flooding the kitchen, bless him, so thanks for the plumbing course!",
    "The councillor slept in a hedge for the charity sleep-out. Well done, you raised £2,000!",
    "He slept in a skip to raise money for the homeless charity.",
    "The fire alarm was so shrill she had to leave the building.",
    "Her shrill whistle started the fun run at 9am sharp.",
    "Our Mayor let herself go on the dance floor at the charity ball! Great fun.",
    # a machine that couldn't organise a raffle
    "Hi Tom, the recycling app couldn't organise a raffle: it crashes every time I log in.",
]


@pytest.mark.parametrize("text", FAIR)
def test_fair_comments_are_not_harassment(text):
    assert "harassment" not in offensive_rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "I think she's past her sell-by date.",
        "Frankly, he is a dinosaur and should go.",
        "Looks like he slept in a skip.",
        "Her shrill, hysterical rant at the meeting was embarrassing.",
        "She's really let herself go.",
        "She couldn't run a bath.",
        "Cllr Smith has all the strategic vision of a dead goldfish.",
        "Time the leader was put out to pasture.",
        "I told him he was a diversity hire.",
        # the speaker named before the appraisal, but the person is the one put down
        "Dear Cllr Hughes, I listened to you on the radio and I have never heard such a ridiculous accent.",
        "The planner I spoke to this morning must be mentally deficient.",
        "You would win more people round if you didn't sound like a fishwife at a jumble sale.",
    ],
)
def test_the_same_appraisals_of_a_person_stay_harassment(text):
    assert "harassment" in offensive_rules(text)
