"""Review of abuse round nineteen and party round sixteen: what a council's comments and posts say every day that
the new rules read as abuse or a manifesto. A councillor's surgery at a number, a funeral notice, a birthday, praise
for the family at a number; an everyday word that is also a first name ("mark", "holly") before an emoji; a child's
own work called a child's; a council's own "we would close … on Sunday". Each fair sentence has an abusive twin the
rules still find. Every sentence was written for these tests."""

import pytest

from .helpers import offensive_rules, political


def party_rules(text):
    return {rule for rule, _ in political(text)}


@pytest.mark.parametrize(
    ("fair", "abusive"),
    [
        (
            "Cllr Okafor, 27 Market Street, holds a surgery there every second Saturday, no appointment needed.",
            "Cllr Okafor, 27 Vicarage Gardens, voted to close the library. Remember that.",
        ),
        (
            "The funeral of Mrs Doreen Ashby, 5 Saddler Way, will be at St Peter's on Thursday at 11.",
            "Mrs Doreen Ashby, 5 Saddler Way, is the one who keeps reporting the allotments.",
        ),
        (
            "Happy 90th birthday to Mr Stan Pickering of 40 Furlong Road from all his neighbours!",
            "Mr Stan Pickering of 40 Furlong Road is the one who complained about the bonfire.",
        ),
        (
            "The family at 11 Hazel Grove have been so kind, they cleared the snow for the whole street.",
            "The family at 11 Hazel Grove are the ones who got the youth club shut.",
        ),
    ],
)
def test_a_notice_a_surgery_or_praise_at_a_house_number_is_not_doxxing(fair, abusive):
    assert "threat" not in offensive_rules(fair), offensive_rules(fair)
    assert "threat" in offensive_rules(abusive)


@pytest.mark.parametrize(
    ("fair", "abusive"),
    [
        ("that mark on the wall 🤤", "that mark from the parking office 🤤"),
        ("holly on the gate tho 🤤", "that holly from the leisure centre 🥵"),
        ("jade in the window 🤤", "jade barlow tho 🥵"),
    ],
)
def test_an_everyday_word_that_is_also_a_name_is_not_a_person_before_emoji(fair, abusive):
    assert "harassment" not in offensive_rules(fair), offensive_rules(fair)
    assert "harassment" in offensive_rules(abusive)


@pytest.mark.parametrize(
    ("fair", "abusive"),
    [
        (
            "The new poster looks like it was designed by a child, and it was: well done to Year 5 at Hill Top school!",
            "The new poster looks like it was designed by a child, honestly embarrassing for a council.",
        ),
        (
            "Our new chair is a woman heading the board, what could possibly go wrong? Nothing, she's brilliant.",
            "Our new chair is a woman heading the board, what could possibly go wrong?",
        ),
    ],
)
def test_a_childs_own_work_or_sarcasm_taken_back_is_not_contempt(fair, abusive):
    assert offensive_rules(fair) == set(), offensive_rules(fair)
    assert offensive_rules(abusive) != set()


@pytest.mark.parametrize(
    ("fair", "programme"),
    [
        (
            "We would close the council's car park on Sunday for resurfacing.",
            "We would close the council's car park and sell the land.",
        ),
        (
            "We would stop the council's bin rounds on Monday because of the snow.",
            "We would stop the council's garden waste rounds and spend the money on roads.",
        ),
    ],
)
def test_a_councils_own_day_to_day_would_is_not_a_programme(fair, programme):
    assert "party-programme" not in party_rules(fair)
    assert "party-programme" in party_rules(programme)
