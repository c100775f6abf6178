"""Abuse with no violent or rude word in it (offensive/veiled.py, issue 12 round five): veiled threats,
wishes of harm, figurative insults and sexual harassment said politely, and the harmless texts that
look like them."""

import pytest

from .helpers import offensive_rules, personal, severity_of


@pytest.mark.parametrize(
    "text",
    [
        "Someone should pay him a visit and sort him out",
        "Somebody needs to pay that councillor a visit",
        "We know where his kids go to school",
        "I know which house is yours",
        "Hope your flight crashes",
        "I hope something terrible happens to you and your family",
        "Wouldn't it be a shame if something happened to your car",
        "Be a shame if your windows got put in",
        "Sleep with one eye open",
        "You won't be smiling when we turn up at your door",
        "Keep talking and see what happens to you",
        "Your card is marked",
        "I'd love to meet you in a dark alley",
        "Someone needs to teach that warden a lesson he won't forget",
        "The world would be better off without you",
        "Nobody would miss you if you disappeared",
        "I wish you were dead",
        "Wish someone would shut you up for good",
        "Hope your plane goes down",
        "Better sleep with one eye open, councillor",
        "The world would be a better place without you",
        "Someone should teach him a lesson he'll never forget",
        "You'll regret crossing me",
        "Accidents happen to people like you",
    ],
)
def test_threats_phrased_normally_are_threats(text):
    assert "threat" in offensive_rules(text)


def test_a_veiled_threat_blocks_a_personal_post():
    assert severity_of("threat", "Someone should pay him a visit", personal()) == "block"


@pytest.mark.parametrize(
    "text",
    [
        "Spineless worm, resign now",
        "He's a slimy little toad",
        "That officer is a gutless rat",
        "You haven't got a brain cell between you",
        "Has he even got one brain cell?",
        "You lot share one brain cell",
        "He's got the intelligence of a lettuce",
        "You have the brains of a goldfish",
        "You're not the sharpest tool in the box, are you",
        "You are a sorry excuse for a councillor",
        "You're a joke and so is your department",
        "Crawl back under your rock",
        "What a spineless slug of a man",
        "He's a few sandwiches short of a picnic",
    ],
)
def test_figurative_insults_at_a_person_are_harassment(text):
    assert "harassment" in offensive_rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nice legs, wanna come back to mine?",
        "Send me a pic of you in that dress",
        "I'd give the receptionist one",
        "What are you wearing tonight love, send a photo",
        "Show us what's under that uniform",
    ],
)
def test_sexual_harassment_said_politely_is_harassment(text):
    assert "harassment" in offensive_rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Someone should pay her a visit, she's been on her own since Christmas",
        "We'll pay you a visit on Tuesday to look at the damp",
        "Pay us a visit at the Hub on Saturday",
        "I hope your flight is on time, the airport is busy today",
        "I wish you were here, the lights switch-on was lovely",
        "Wish someone would fix the street light on Elm Road",
        "I'm not the sharpest tool in the box but even I can see the new bus timetable is better",
        "I've got the memory of a goldfish, what day is bin day again?",
        "Keep recycling and see what happens to your council tax",
        "Shame if the rain spoils the fete",
        "Sleep with the window open in this heat, it helps",
        "The slugs ate my lettuces again, horrible slimy slugs",
        "There's a slimy toad in our pond, is it protected?",
        "Nice legs on that old oak table at the auction",
        "What are you wearing to the Christmas jumper day?",
        "Send us a photo of you in your Christmas jumper for the competition!",
        "The world would be better off without single-use plastic",
        "My card is marked as expired at the library, can you help?",
        "The council is a joke",
        "Is this a joke? Three weeks without a bin collection",
        "You are joking, another rise in parking charges?",
        "The brain cell research exhibition opens at the museum",
        "The choir absolutely killed it last night",
        "I could murder a pint after that meeting",
        "Hope your flight home was smooth",
        "Slugs are eating my hostas",
        "The leader's plan is a joke",
        "Spineless decision on the incinerator",
        "I'll pay you a visit at the market stall on Saturday",
        "Nice legs on the new table, mine wobbles",
        "Your card is marked with the date it expires",
        "Sleep with one eye open - the foxes are back",
    ],
)
def test_harmless_texts_that_look_like_veiled_abuse_get_no_offensive_finding(text):
    assert offensive_rules(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        'A man shouted "someone should pay you a visit" at my mum. It was reported to the police',
        'Posting "hope your flight crashes" under a councillor\'s photo is unacceptable',
        'The poster said "sleep with one eye open". We condemn it',
    ],
)
def test_a_veiled_threat_quoted_to_condemn_it_is_not_a_threat(text):
    assert "threat" not in offensive_rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Fvck off and take your parking fines with you",
        "Shut the f up",
        "You fkn idiot",
        "What a pr*ck",
        "go f yourself",
    ],
)
def test_swearing_disguised_past_leetspeak_is_profanity(text):
    assert "profanity" in offensive_rules(text)


def test_people_likened_to_pests_with_no_group_named_is_hate():
    assert "hate" in offensive_rules("Those people breed like rats")
    assert "hate" in offensive_rules("They multiply like cockroaches")


@pytest.mark.parametrize(
    "text",
    [
        "Rabbits? They breed like rabbits in the cemetery",
        "The pigs at the farm park are lovely this spring",
        "Guinea pigs for adoption at the animal centre",
    ],
)
def test_animals_said_of_animals_are_not_abuse(text):
    assert offensive_rules(text) == set()


def test_pigs_said_of_people_with_a_strong_word_is_an_insult():
    assert "harassment" in offensive_rules("Absolute pigs the lot of you")
