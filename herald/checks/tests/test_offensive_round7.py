"""Round seven of the abuse checker (issue 12): an allegation about a named person is the legal rules'
finding, and the abuse classifier does not warn on it a second time."""

import pytest

from .helpers import findings, offensive_rules


def rules_of(text):
    return {f.rule for f in findings(text, kind="comment")}


@pytest.mark.parametrize(
    "text",
    [
        "Cllr Wright is a liar and everyone knows it",
        "Mr Jones the planning officer is a thief",
        "Cllr Wright is a corrupt liar who should resign",
    ],
)
def test_an_allegation_is_blocked_as_defamation_not_also_warned_as_abuse(text):
    found = findings(text, kind="comment")
    assert [f.severity for f in found if f.rule == "allegation"][0] == "block"
    assert "abuse-model" not in {f.rule for f in found}


@pytest.mark.parametrize(
    "text",
    [
        "Cllr Wright lied to us all. Typical of his kind, they breed like rabbits and take everything",
    ],
)
def test_abuse_in_another_sentence_than_the_allegation_is_still_found(text):
    found = rules_of(text)
    assert "allegation" in found
    assert "abuse-model" in found


@pytest.mark.parametrize(
    "text",
    [
        "The man who came to fix the boiler was a thieving gypsy, check your valuables after he's been",
        "Tell the housing officer my neighbour is a disgusting queer and I want him rehoused",
        "Typical Romanian, took the money and never came back to finish the fence.",
        "That dodgy foreigner at the tip charged me twice",
        "Another woman on the planning committee. Stick to the kitchen, love.",
    ],
)
def test_one_person_put_down_for_their_group_is_hate(text):
    assert "hate" in rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "The telegraph pole on Mill Lane is filthy and leaning, please send someone",
        "We had a typical Romanian dish at the food festival, lovely",
        "The dirty traveller site on Watling Street needs its bins emptying",
        "Stick to the kitchen rules please, the cleaners are in on Monday",
        "Back to the kitchen to finish the Christmas lunch for the pensioners' club",
        "Proud to be a lesbian and proud of the council for flying the flag",
    ],
)
def test_the_same_words_about_things_or_said_kindly_are_not_hate(text):
    assert "hate" not in rules_of(text)


def test_a_threat_to_smash_several_faces_in_is_a_threat():
    assert "threat" in rules_of("Fix the road or I'll come to the depot and smash your faces in")


def test_graffiti_reported_in_quotation_marks_is_a_report_not_abuse():
    text = 'Vandals scrawled "kill all pakis" on the underpass last night, reported to police'
    assert rules_of(text) & {"slur", "threat", "hate", "abuse-model"} == set()
    # the writer's own words, however they are framed
    assert "slur" in rules_of('I scrawled "kill all pakis" on the underpass')


@pytest.mark.parametrize("text", ["fk u Cllr Balfour", "fk off and leave us alone", "Fk you and your parking fines"])
def test_fk_for_the_swear_word_is_profanity(text):
    assert "profanity" in offensive_rules(text)


def test_fk_as_a_football_clubs_initials_is_not():
    assert not offensive_rules("FK Austria Wien won again on Saturday")


@pytest.mark.parametrize(
    "text",
    [
        "Great news: Chef Tom is back in the kitchen!",
        "After the refit our volunteers are back in the kitchen.",
        "Our volunteers go back to the kitchen.",
    ],
)
def test_people_back_at_work_in_a_kitchen_are_news_not_hate(text):
    assert "hate" not in offensive_rules(text)


@pytest.mark.parametrize(
    "text", ["Get back in the kitchen!", "Stick to the kitchen, love", "go back to the kitchen woman"]
)
def test_a_woman_told_to_go_back_to_the_kitchen_is_hate(text):
    assert "hate" in offensive_rules(text)
