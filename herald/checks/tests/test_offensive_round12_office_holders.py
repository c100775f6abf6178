"""Threats against the council's office holders and against a councillor or officer by name: "I will
hurt Councillor Smith" and "I'm going to hurt the leader of the council" were only advice (a councillor
named) or nothing at all, while "I will hurt the councillor" was a threat (docs/checks.md, "Round
twelve: office holders")."""

import pytest

from .helpers import offensive_rules


@pytest.mark.parametrize(
    "text",
    [
        "I will hurt the Mayor",
        "I will hurt Councillor Smith when I see him",
        "I'm going to hurt the leader of the council",
        "someone should shoot Cllr J. Patel",
        "we'll kill Mrs Ahmed if the tip closes",
        "I'll stab the chief executive",
        "Someone needs to batter the chairman after tonight's meeting",
        # as comments are typed: no capital letters
        "im going to stab cllr patel",
        "i'll hurt mrs ahmed if she comes near my kids again",
        "I will hurt the council's chief executive.",
        "I'll stab the council leader",
        "I'll shoot the Mayor for the harm he did",
    ],
)
def test_a_threat_against_an_office_holder_or_a_named_councillor_is_a_threat(text):
    assert "threat" in offensive_rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "I will shoot Councillor Smith an email about the bins",
        "We'll shoot Mr Jones a quick message tomorrow",
        "we should shoot the Mayor's portrait in the parlour",
        "I'll burn the chairman's letter, it was rude",
        "The Mayor will hurt nobody by opening the fete",
        "I hope the leader of the council is well after her operation",
        # after review: possessives, messages sent to office holders, photographers, league tables
        "I'm going to shoot Mrs Ahmed's retirement party for the newsletter.",
        "I'll hurt Councillor Smith's feelings if I say what I really think.",
        "I'll kill Mr Whippy's chimes, they play at 9pm every night.",
        "I'll shoot the Mayor a quick email about the bins.",
        "I'll shoot the chief executive an email tomorrow.",
        "We're going to shoot the Mayor and the Mayoress at the charity ball for the programme.",
        "I'm going to shoot the Mayor at the Christmas lights switch-on for the Barwell Times.",
        "We're gonna batter the leaders on Saturday, come on you Blues!",
        "I will hurt Councillor and officer morale with this news",
    ],
)
def test_emails_portraits_and_goodwill_to_office_holders_are_not_threats(text):
    assert "threat" not in offensive_rules(text)
