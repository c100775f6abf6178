"""Round nine of the abuse checker (issue 12): neutral, factual or questioning comments about groups
that the classifiers read as hate (a group's name followed by "are" is hate in most of the public
training data), abuse said in a professional register (LinkedIn comments, formal emails), and swearing
masked as a whole compound ("sh*tbag"). The first two come from retraining on
`bench/data/council_train4.tsv`, the last from the `maskable` word list (docs/checks.md, "Round nine")."""

import pytest

from herald.checks import Context, Draft, check

from .helpers import offensive_rules


@pytest.mark.parametrize(
    "text",
    [
        "Refugees are being housed in the old hotel",
        "Are Travellers allowed to stop on the rec, or is there a proper site for them?",
        "Immigrants are a big share of the workers at the packing plant in Brackley.",
        "Is the council paying for the migrants' English lessons or is it a charity?",
        "Is the warden single-handedly covering the whole town now?",
        "Muslims are asking us for a prayer room at the civic centre, and we are looking at the options.",
        "Trans people are entitled to use the changing rooms that match their gender at our leisure centres.",
    ],
)
def test_a_neutral_statement_or_question_about_a_group_is_not_abuse(text):
    assert offensive_rules(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "I say this with respect: the head of parking is a dead weight and a drain on the payroll.",
        "Great initiative. Hard to take seriously from a man who can barely see over his own belly.",
    ],
)
def test_contempt_said_politely_in_a_professional_register_is_abuse(text):
    assert offensive_rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Frankly the regeneration director is a sh*tbag and the whole sector knows it.",
        "What a f*ckwit, honestly.",
        "Our MP is a sh*thead.",
    ],
)
def test_a_compound_swear_word_masked_as_a_whole_is_strong_swearing(text):
    assert "profanity" in offensive_rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "We are welcoming twelve refugee families to the district this month. If you can offer lifts to "
        "appointments, please get in touch.",
        "Asylum seekers housed in the district are placed by the Home Office, not the council. Read our FAQs.",
        "Travellers have set up camp on the recreation ground. Our officers have visited and are following the "
        "usual welfare checks.",
        "Disabled people are entitled to a free bus pass. Apply online or at the Hub.",
        "Happy Diwali to Hindu, Sikh and Jain residents celebrating this week.",
    ],
)
def test_the_councils_own_calm_posts_about_groups_pass(text):
    # a guard, not a fix: these passed before round nine too (official posts need 0.80), and must keep
    # passing now that the classifiers have been trained on many more mentions of groups
    official_post = check(Draft(text=text), Context(account="official"))
    assert not [f for f in official_post.findings if f.category == "offensive"]
