"""The flag rules read comments as residents write them (no database)."""

import pytest

from herald.moderation.flags import detect


def kinds(text):
    return [found.kind for found in detect(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Under the Freedom of Information Act please tell me how much was spent on the Atkins building refit.",
        "This is an FOI request: how many fixed penalty notices for littering were issued in 2025?",
        "I would like to request the figures for agency staff costs in planning for the last three years",
        "Can you provide a breakdown of spending on consultants since 2023? Jane Smith",
        "How much has the council spent on the new signs in Castle Street?",
    ],
)
def test_requests_for_recorded_information_are_flagged_as_possible_foi(text):
    assert "foi" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "I want a copy of all the information you hold about me, including the emails about my housing case",
        "Please treat this as a subject access request for my council tax records",
        "What personal data do you hold on me? I want to see it all",
    ],
)
def test_requests_for_a_persons_own_data_are_flagged_as_possible_subject_access(text):
    assert "sar" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "I want to make a formal complaint about the way the bin crew spoke to my mother",
        "Third time my bins have been missed. How do I complain? I'll go to the ombudsman if I have to",
        "This is a complaint about the state of the toilets in the park",
    ],
)
def test_complaints_are_flagged(text):
    assert "complaint" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "The kids next door have been left alone for three days and they keep crying, please someone help",
        "My elderly neighbour hasn't been seen for a week and her curtains are shut",
        "I can't cope anymore, I want to end it all",
        "There are older lads grooming young girls outside the chip shop on Castle Street",
    ],
)
def test_safeguarding_concerns_are_flagged(text):
    assert "safeguarding" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "I know where Cllr Bray lives and he'll regret this",
        "Someone should torch his car, that would teach him",
        "I'm going to batter you next time I see you at the hub",
        "She deserves to be shot for closing our library",
    ],
)
def test_threats_to_a_person_are_flagged(text):
    assert "threat" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "What time does the tip open on Sunday?",
        "Lovely photos of the Christmas lights switch-on, well done everyone!",
        "My bin wasn't collected today, can someone let me know when the crew will come back?",
        "The kids loved the Easter trail at Hollycroft Park, thank you",
        "Great to see the council sorting out the potholes at last",
        "You could kill for a coffee at the market on Saturday",
    ],
)
def test_ordinary_comments_raise_no_flag(text):
    assert kinds(text) == []


def test_the_words_that_raised_a_flag_are_kept_as_its_reason():
    [found] = detect("Please treat this as a subject access request.")
    assert found.reason.lower() == "subject access"
