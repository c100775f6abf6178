"""Engine review of round eighteen's doxxing scan (offensive/doxxing.py): holes an abuser would use and false
alarms a council would hate, each abusive case with its fair twin in the same register. Written for these
tests: none is a row of a blind set or a training file."""

import pytest

from .helpers import offensive_rules

HOLES = [
    # the house number spelled out
    "Cllr Dunmore lives at eight Brook Street, red door. Pop round and let him know.",
    "That warden lives at twenty-seven Lime Tree Avenue, thought you'd all like to know.",
    # a postcode for the street
    "The warden who fined me lives in LE10 0FR, in case anyone wants to pay her a visit.",
    # the letters a case-blind reading takes for ASCII ones ("ı", "ſ", the Kelvin sign)
    "Sandra Coe lıves at 14 Paddock Close, blue door.",
    "She liveſ at 31 Harrow Close if anyone wants to share their views with her directly.",
    # "she's at" for "she lives at"
    "She's at no. 9 Kiln Close, go and tell her what you think.",
    "he's at 22 Weir Lane btw, feel free to let him know what you think",
]

FAIR = [
    # a missing person's or a lost dog's appeal gives where they were or live so they can be found safe
    "MISSING: Tom Reed, 82, lives at 5 Mill Lane, last seen wearing a blue coat. If anyone sees him please call 999.",
    "Has anyone seen Bella? She lives at 14 Kiln Close and went missing on Sunday, please check your sheds.",
    # spelled-out numbers in ordinary talk
    "She lives at one of the new houses on Brook Street and the bins there are never emptied.",
    "My mum lives at twenty-seven Lime Tree Avenue and her bin was missed again.",
    # a case twin in a fair comment
    "My nan lıves at 31 Harrow Close and her garden waste hasn't been collected for a month.",
    "She's at the library on Brook Street every Saturday helping with the reading club, go and say hi!",
]


@pytest.mark.parametrize("text", HOLES)
def test_a_home_given_out_in_these_forms_is_a_threat(text):
    assert "threat" in offensive_rules(text)


@pytest.mark.parametrize("text", FAIR)
def test_an_appeal_or_an_own_home_is_not_a_threat(text):
    assert "threat" not in offensive_rules(text)


def test_me_before_lives_is_not_the_writer():
    assert "threat" in offensive_rules("The warden who fined me lives at 3 Mill Lane. Pay her a visit.")
    assert "threat" not in offensive_rules("Me and my mum live at 3 Mill Lane and the bins are never emptied.")
