"""Round eight of the abuse checker (issue 12): calm threats about someone's routine, home, children or
pets, and sexual harassment of staff said politely, as rules (`offensive/calm.py`); and the fair
comments in the same words that must stay clean."""

import pytest

from herald.checks import Context, Draft, check

from .helpers import offensive_rules


@pytest.mark.parametrize(
    "text",
    [
        "We know what time you finish on Fridays, Cllr Hale.",
        "I know which way she walks home from the depot.",
        "We all know when your shift ends. Think on.",
        "I'd hate for anything to happen to your kids, councillor.",
        "Be a real shame if your cat went missing, Mrs Dale.",
        "If you value your kneecaps you'll drop the enforcement notice.",
        "Someone should follow that bailiff home and see how he likes it.",
        "I have been keeping a note of her movements for weeks.",
        "Been sat outside your house since six. Nice curtains.",
        "Tell the head of planning to watch himself.",
        "Here's the inspector's home address, go round and have a word with him.",
    ],
)
def test_a_calm_threat_about_someones_routine_home_or_family_is_a_threat(text):
    assert "threat" in offensive_rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "You won't get far in politics with a body like that, come and see me instead.",
        "The warden can frisk me any day she likes.",
        "Is the blonde receptionist at the Hub single? Asking for a friend.",
        "You look stunning in your staff photo Gemma, fancy a drink after work?",
        "u r so fit, what time do you finish at the leisure centre x",
    ],
)
def test_a_polite_advance_on_staff_or_councillors_is_harassment(text):
    assert "harassment" in offensive_rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "I know what time you close on Fridays, so I'll pop in before then.",
        "We know when the bins are collected, it's just the lorry blocks the road.",
        "I'd hate for anything to happen to the old bridge, it's listed.",
        "It would be a shame if the library closed, my kids love it.",
        "If you value your local library, sign the petition.",
        "A man followed her home from the bus stop last night and I've reported it to the police.",
        "Please follow the diversion signs home from the retail park.",
        "Keep a note of your meter readings for the appeal.",
        "Tell the kids to watch their step on the icy path by the school.",
        "Please don't post anyone's home address in the comments, it's against the rules.",
        "We sent the form to your home address last week.",
        "The surveyor can inspect the property any day next week.",
        "You can call me any time on the number above.",
        "Is the single person discount still 25 per cent?",
        "You were so helpful on the phone, thank you, I've sent the form.",
        "Your garden looks stunning, what a transformation.",
    ],
)
def test_the_same_words_about_errands_safety_and_thanks_stay_clean(text):
    assert offensive_rules(text) == set()


def test_single_handedly_is_no_question_about_someone_being_single():
    # the rule stays quiet; round eight's classifier still warned on this sentence (0.72), round nine's
    # does not (tests/test_offensive_round9.py)
    assert (
        offensive_rules("Is the warden single-handedly covering the whole town now?") & {"harassment", "threat"}
        == set()
    )


@pytest.mark.parametrize(
    "text",
    [
        "Hot weather: we'd hate for anything to happen to your dog. Never leave pets in a parked car.",
        "If you value your home and your family, test your smoke alarm every month.",
        "Tell your kids to watch themselves near the canal this summer.",
    ],
)
def test_the_councils_own_safety_advice_is_not_read_as_a_calm_threat(text):
    official_post = check(Draft(text=text), Context(account="official"))
    assert not [f for f in official_post.findings if f.category == "offensive"]
