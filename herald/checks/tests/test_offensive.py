import pytest

from herald.checks import offensive_model

from .helpers import findings, official, personal, rules_found, severity_of


def test_profanity_blocks_official_posts_and_warns_on_personal_ones():
    assert severity_of("profanity", "What a shit service", official()) == "block"
    assert severity_of("profanity", "What a shit service", personal()) == "warn"


@pytest.mark.parametrize(
    "text", ["f*ck this", "sh1t service", "what the fuuuuck", "f u c k off", "f.u.c.k", "$hit", "c u n t"]
)
def test_obfuscated_spellings_are_found(text):
    assert "profanity" in rules_found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Welcome to Scunthorpe",
        "Class assessments start on Monday",
        "Essex and Sussex visitors",
        "Cocktail evening at the museum",
        "Grab a hoe and help in the community garden",
        "Dickens festival in the square",
        "A classic cocker spaniel show",
    ],
)
def test_innocent_words_containing_rude_ones_are_not_flagged(text):
    assert not {f.category for f in findings(text)} & {"offensive"}


def test_slurs_threats_and_hate_are_blocked_everywhere():
    assert severity_of("slur", "you absolute retard", personal()) == "block"
    assert severity_of("threat", "I know where you live", personal()) == "block"
    assert severity_of("threat", "I'm going to kill you", personal()) == "block"
    assert severity_of("hate", "Immigrants are vermin", personal()) == "block"
    assert severity_of("hate", "go back to your own country", personal()) == "block"


@pytest.mark.parametrize(
    "text",
    [
        "We will beat our recycling target this year",
        "This heatwave is killing me",
        "Knife crime awareness week starts today",
        "We shot a video at the park",
        "Kill weeds with boiling water",
    ],
)
def test_everyday_violent_words_are_not_threats(text):
    assert "threat" not in rules_found(text)


def test_quoting_abuse_to_condemn_it_is_not_flagged():
    text = 'A councillor was called a "fucking retard" online. We condemn this abuse.'
    assert not {f.category for f in findings(text)} & {"offensive"}


def test_insulting_a_person_is_harassment():
    assert "harassment" in rules_found("you are a useless idiot")
    assert "harassment" not in rules_found("The idiot-proof guide to recycling")


def test_the_pure_python_model_scores_match_alt_profanity_check():
    rows = ["you are a total idiot and a loser", "Bins are collected on Tuesday", "", "fuck off", "Have a lovely day!"]
    assert offensive_model.score_many(rows) == pytest.approx([offensive_model.score(r) for r in rows], abs=1e-9)


def test_model_scores_separate_abuse_from_council_news():
    assert offensive_model.score("shut up you stupid ugly bitch") > 0.9
    assert offensive_model.score("The library reopens on Monday with new opening hours") < 0.2
