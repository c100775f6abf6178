"""Offensive and abusive text the profanity model may not have seen: threats, directed insults,
hate against protected characteristics, slurs (also as hashtags and obfuscated), and the traps:
quoting or condemning abuse, reporting hate crime, harmless senses of ambiguous words."""

import pytest

from .helpers import findings, personal, rules_found, severity_of


def offensive_rules(text, **kwargs):
    return {f.rule for f in findings(text, **kwargs) if f.category == "offensive"}


@pytest.mark.parametrize(
    "text",
    [
        "I will find you",
        "I will hurt you and your family",
        "you should die",
        "watch your back",
        "I'm going to punch you in the face",
        "imma slap him when I see him",
        "I know where you live now",
        "you're going to pay for this",
        "we are coming for you",
        "go die in a hole",
        "hope you rot",
        "someone should shoot him",
        "they all need to be shot",
        "I'll break your legs",
        "neck yourself",
    ],
)
def test_threats_are_blocked(text):
    assert severity_of("threat", text, personal()) == "block"


@pytest.mark.parametrize(
    "text",
    [
        "The play area will be finished by Friday, we are coming for the record",
        "Residents are going to pay less council tax this year",
        "I know where you can find the nearest recycling centre",
        "Hope you enjoy the festival",
        "Break the habit: recycle your food waste",
        "Put your back into it at the volunteer day",
    ],
)
def test_everyday_sentences_with_threat_words_are_not_threats(text):
    assert "threat" not in rules_found(text)


@pytest.mark.parametrize(
    "text",
    ["you are a worthless coward", "ur a jerk", "you brainless clown", "you're such a hypocrite", "she's a lowlife"],
)
def test_insults_directed_at_a_person_are_harassment(text):
    assert "harassment" in rules_found(text)


@pytest.mark.parametrize(
    "text",
    ["Bring your dog to the park", "Put your trash in the blue bin", "Your garbage is collected on Monday",
     "You are a star, thank you", "This is not a joke: fireworks scare pets"],
)  # fmt: skip
def test_everyday_you_sentences_are_not_harassment(text):
    assert "harassment" not in rules_found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Immigrants are criminals",
        "muslims are all terrorists",
        "trans people are mentally ill",
        "filthy immigrants everywhere",
        "Gypsies are dirty thieves",
        "refugees are animals",
        "go back to Africa",
        "send them all back",
        "you people don't belong here",
        "disabled people are a burden",
    ],
)
def test_attacks_on_protected_groups_are_hate(text):
    assert severity_of("hate", text, personal()) == "block"


@pytest.mark.parametrize(
    "text",
    [
        "We condemn the racist abuse aimed at refugees who are criminals in the eyes of some. Report it.",
        "Reports of hate crime rose last year; disabled people are a priority for our new service.",
        "Pensioners can bring dogs to the cafe",
        "Women are welcome at the new gym sessions",
        "Muslims are celebrating Eid in the park this weekend",
        "Go back to the home page to apply",
    ],
)
def test_condemning_or_reporting_hate_and_neutral_group_mentions_are_not_hate(text):
    assert "hate" not in rules_found(text)


@pytest.mark.parametrize(
    "text",
    ["#wetbacks out", "what a #faggot", "you jiggaboo", "beaners everywhere", "n1cca please", "stupid tards", "fucc off",
     "shyt service", "you biatch"],
)  # fmt: skip
def test_slurs_and_profanity_in_hashtags_and_new_spellings_are_found(text):
    assert offensive_rules(text) & {"slur", "profanity"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("never trust a hoe", True),
        ("she got a nice pussy", True),
        ("what a dick", True),
        ("Grab a hoe and help in the community garden", False),
        ("Our cat Pussy Willow won the show", False),
        ("Dick Whittington panto tickets on sale", False),
        ("Lost cat answering to pussy, please call", False),
    ],
)
def test_ambiguous_words_count_on_their_own_only_without_a_harmless_context(text, expected):
    assert bool(offensive_rules(text)) is expected


def test_quoting_a_slur_to_condemn_it_is_not_flagged():
    text = 'A resident was called a "beaner" in the street. We condemn this abuse and have reported it.'
    assert not offensive_rules(text)
