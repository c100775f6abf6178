"""Round eighteen of the abuse checker (issue 12 item 1; bench/abuse_round18_rule.txt), written as structure
rather than phrasings: a comment that gives out where a person other than the writer can be found (home,
workplace, child's school, car) is a threat whatever its tone (herald/checks/offensive/doxxing.py); sexual
emoji aimed at a person are harassment (offensive/leers.py); an insult made of a swear word at the reader is
not excused as banter; an organisation's decision called incompetent is not contempt for a person; a
quotation judged a sentence or two later is reported, not said. Each abusive case has a fair twin in the
same register. Written for these tests: none is a row of a blind set or a training file."""

import pytest

from .helpers import offensive_rules

DOXXING = [
    (
        "The warden who gave me that ticket is Kelly Marsh, 27 Lime Tree Avenue. Go and tell her what you think.",
        "The warden who gave me that ticket was polite about it, fair enough. I'll pay it.",
    ),
    (
        "Just so everyone knows, Cllr Dunmore lives at 8 Brook Street, red door. Pop round and let him know.",
        "Cllr Dunmore holds his surgery at the library on Brook Street every second Saturday.",
    ),
    (
        "She lives at 31 Harrow Close if anyone wants to share their views with her directly.",
        "My nan lives at 31 Harrow Close and her garden waste hasn't been collected for a month.",
    ),
    (
        "That planning officer's kids go to St Anne's Primary. Not hard to find her at pick-up.",
        "My kids go to St Anne's Primary and the crossing outside is lethal at pick-up.",
    ),
    (
        "The bailiff who came round works days at the Asda on Mill Road, feel free to let him know how you feel.",
        "The man who found my purse works days at the Asda on Mill Road, please thank him if you see him.",
    ),
    (
        "Cllr Okoro leaves her silver Polo outside the leisure centre every Friday night. Just saying.",
        "A silver Polo has been left outside the leisure centre every Friday night, can someone check it?",
    ),
    (
        "I've posted her home address in the residents' group so we can all pay her a visit.",
        "Someone posted her home address in the residents' group, I've reported it. Not on.",
    ),
    (
        "The one who reported my extension is the family at 12 Weir Lane. Do what you like with that.",
        "Does anyone know who lives at 12 Weir Lane? Their cat is in my shed and seems fine.",
    ),
]

LEERS = [
    ("the officer in the red coat at 0:45 🍆💦", "the new veg boxes at the allotment stall 🍆🍑 well done all"),
    ("🥵🥵 that councillor tho", "roasting at the carnival today 🥵 stay hydrated"),
    ("@cllr.hanley 🤤🤤", "the bakery's new doughnuts 🤤 go and try them"),
]


@pytest.mark.parametrize(("abusive", "fair"), DOXXING)
def test_giving_out_where_a_person_can_be_found_is_a_threat_and_its_fair_twin_is_not(abusive, fair):
    assert "threat" in offensive_rules(abusive)
    assert offensive_rules(fair) == set()


def test_a_relatives_address_in_a_complaint_made_for_them_is_not_doxxing():
    text = "My elderly dad needs an assisted bin collection, he lives at 6 Fern Way. How do I apply? Thanks, Gill"
    assert offensive_rules(text) == set()


def test_an_email_signed_with_the_writers_own_address_is_not_doxxing():
    text = "Dear Sir, the street light outside my house has been out for a month. Regards, John Pratt, 14 Acacia Avenue"
    assert offensive_rules(text) == set()


@pytest.mark.parametrize(("abusive", "fair"), LEERS)
def test_sexual_emoji_at_a_person_are_harassment_and_the_same_emoji_about_food_or_heat_are_not(abusive, fair):
    assert "harassment" in offensive_rules(abusive)
    assert offensive_rules(fair) == set()


def test_a_sworn_insult_at_the_reader_keeps_its_harassment_warning_in_a_friendly_text():
    assert {"profanity", "harassment"} <= offensive_rules("love you mate 😂 you thick twat")
    # a mild one among friends is still banter
    assert offensive_rules("love you mate 😂 you absolute muppet") == set()


def test_an_organisations_decision_called_incompetent_is_not_contempt_for_a_person():
    fair = (
        "Dear Council, your highways team's decision on the Elm Road closure is incompetent and I will be "
        "taking it to the Ombudsman. Yours, P. Lister"
    )
    assert offensive_rules(fair) == set()
    assert "harassment" in offensive_rules("Dear Council, the officer who made this decision is incompetent.")


def test_a_quotation_judged_in_a_later_sentence_is_reported_not_said():
    assert (
        offensive_rules(
            "The comments under last week's post included 'go back where you came from' aimed at our mayor. "
            "That has no place in this town."
        )
        == set()
    )
    assert (
        offensive_rules(
            "Cllr Ahmed read out a letter calling him a 'dirty paki' at the meeting. Good on him for reading it out. "
            "Nobody should get that."
        )
        == set()
    )
    # agreeing with it is not reporting it
    assert "hate" in offensive_rules("He said 'go back where you came from' to the mayor. Good on him, he was right.")
