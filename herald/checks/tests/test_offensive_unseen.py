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


# ---------------------------------------------------------------------------------------------
# Generalisation round: insults beyond "you are a …", British insults, threats in more phrasings,
# hatred aimed at a whole group, and the Scunthorpe traps a UK council meets.


@pytest.mark.parametrize(
    "text",
    [
        "What a moron.",
        "These councillors are idiots",
        "The planning committee are a shower of idiots",
        "Whoever runs this page is a complete pillock",
        "Sack the lot of them, useless tossers",
        "Fly tippers are scum",
        "@USER you plonker",
        "He's a proper wazzock",
        "Shut your gob",
        "Shut up you muppet",
        "Get stuffed, the lot of you",
        "You're a waste of oxygen",
    ],
)
def test_insults_said_of_or_to_someone_are_harassment(text):
    assert "harassment" in rules_found(text)


@pytest.mark.parametrize(
    "text",
    [
        "What a disgrace, three weeks with no collection",
        "The council is useless at fixing potholes",
        "Your stupid parking scheme has to go",
        "I felt like an idiot when I put the wrong bin out",
        "The idiot's guide to composting is now online",
        "Shut up shop early if the weather turns",
        "The clowns at the circus were brilliant",
        "What a muppet show that film was",
    ],
)
def test_criticism_and_insult_words_aimed_at_no_one_are_not_flagged(text):
    # adjectives and words listed without a plural (disgrace) count only said to someone
    assert not offensive_rules(text)


def test_a_word_listed_without_its_plural_still_counts_said_to_someone():
    assert "harassment" in rules_found("You are a disgrace to this town")


@pytest.mark.parametrize(
    "text",
    ["Hope you get hit by a bus", "Your days are numbered", "Someone needs to shoot him",
     "I'll smash your face in if I see you", "I swear I'll stab the next warden who tickets me",
     "hope they all die in a fire", "we should burn the hotel down with them inside", "I'm not afraid to slit your throat",
     "gonna knock him out next time", "You're dead."],
)  # fmt: skip
def test_threats_in_more_phrasings_are_blocked(text):
    assert severity_of("threat", text, personal()) == "block"


@pytest.mark.parametrize(
    "text",
    ["I'll shoot you an email with the details", "We'll kill the weeds for you if you are over 70",
     "We'll help you smash your recycling targets", "Fireworks will hurt your pets, please keep them indoors",
     "A chip pan fire can burn your home down in minutes", "You're dead right about the bins, thank you",
     "Die-hard fans queued overnight", "The plants should die back in winter", "The new park looks drop dead gorgeous",
     "I hope this doesn't hurt you", "I'd kill for a coffee right now", "Pictures should be hung at eye level"],
)  # fmt: skip
def test_violent_words_in_everyday_sentences_are_not_threats(text):
    assert "threat" not in rules_found(text)


@pytest.mark.parametrize(
    "text",
    ["I hate muslims", "Kill all the gays", "Death to all muslims", "I can't stand Pakistanis", "Islam is a disease",
     "women are too stupid to run a council", "gays should not be allowed near children"],
)  # fmt: skip
def test_hatred_or_violence_aimed_at_a_whole_group_is_hate(text):
    assert severity_of("hate", text, personal()) == "block"


@pytest.mark.parametrize(
    "text",
    ["I hate waiting for the bus", "Call the hate crime reporting line", "I hate women's football being on so late",
     "Kill the weeds with boiling water"],
)  # fmt: skip
def test_hate_and_kill_without_a_group_are_not_hate(text):
    assert "hate" not in rules_found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Bitchfield village hall is hosting a quiz", "Ferry times for Twatt in Orkney", "Shitterton is a hamlet in Dorset",
        "Walk the Offa's Dyke path this summer", "Dick Van Dyke film night", "Refugees arriving on Lesbos need help",
        "The Homo sapiens exhibition opens at the museum", "Cleaning with Spic and Span",
        "Volunteers: please bring gloves, hoes and rakes", "Spot blue tits and robins at the nature reserve",
        "Free finger prick blood tests at the library", "Prick out the seedlings once they have two leaves",
        "The old slag heaps are now a country park", "Please don't drop fag ends in the street",
        "Budget cuts will cripple our libraries", "Coconut shy and tombola at the summer fete",
        "Feckless landlords will be fined", "There's a chink in the fence behind the pavilion",
        "Grab a pint at the Cock and Bull after the match", "Faggots and peas on the cafe menu today",
    ],
)
def test_places_names_and_everyday_phrases_holding_a_rude_word_are_not_flagged(text):
    assert not offensive_rules(text)


def test_a_capitalised_harmless_name_does_not_clear_the_lower_case_slur():
    assert "slur" in rules_found("lesbos everywhere")
    assert "slur" in rules_found("you stupid dyke")


@pytest.mark.parametrize(
    "text",
    ["Total dipshit move closing the library", "she's a slut", "FFS, fix the potholes", "Typical gobshite from the council",
     "Scrotes have smashed the bus shelter again", "sandniggers", "chinky takeaway"],
)  # fmt: skip
def test_more_swearing_british_insults_and_slurs_are_found(text):
    assert offensive_rules(text) & {"profanity", "slur", "harassment"}


def test_bloody_in_a_mild_context_is_only_advice():
    found = findings("The bloody bins still haven't been emptied", personal())
    assert {(f.rule, f.severity) for f in found if f.category == "offensive"} == {("mild-profanity", "advice")}
    assert not offensive_rules("The bloody mary stall sold out")


def test_quoting_a_slur_to_say_it_is_offensive_is_not_flagged():
    assert not offensive_rules('The word "retard" is offensive and comments using it will be removed.')


_NEW_THREAT_PIECES = ["someone needs to ", "hope you get hit by a bus", "your days are numbered", "I'll ", "punch ",
                      "that councillor ", "in the face", "smash your face in", "not afraid to ", "slit ", "your throat",
                      "shoot you an email", "you're dead", " right", "beat him up", ". ", "!", "\n", "won't ", "hurt ",
                      "the hotel ", "burn ", "we should ", "die", "-hard", " back", "drop dead", " gorgeous"]  # fmt: skip


def test_threat_windows_find_the_same_matches_as_the_whole_pattern():
    import random

    from herald.checks import offensive

    rng = random.Random(11)
    for _ in range(2000):
        text = "".join(rng.choice(_NEW_THREAT_PIECES) for _ in range(rng.randint(0, 30)))
        lowered = text.lower()
        expected = [m.span() for m in offensive._THREAT.finditer(text)] if offensive._THREAT_START.search(lowered) else []
        assert [m.span() for m in offensive._threats(text, lowered)] == expected, text


# Long adversarial inputs for the offensive patterns. How fast they run is measured by bench/checks.py
# (its pathological section lists these pieces), never timed here.
ADVERSARIAL_PIECES = ["scum ", "you idiot ", "what a bunch of idiots ", "are a bunch of ", "I will kill you ",
                      "kill all the muslims ", "i hate the ", "shut up ", "Offa's Dyke ", "fag ", "someone should ",
                      "absolute ", "'s a "]  # fmt: skip


@pytest.mark.parametrize("piece", ADVERSARIAL_PIECES)
def test_long_adversarial_inputs_give_findings_inside_the_text(piece):
    from herald.checks import Draft, check

    text = (piece * (2200 // len(piece) + 1))[:2200]
    for finding in check(Draft(text=text, kind="comment")).findings:
        if finding.start is not None:
            assert 0 <= finding.start < finding.end <= len(text)
            assert text[finding.start : finding.end].strip()


def _labelled(name):
    from pathlib import Path

    path = Path(__file__).parent / "data" / name
    rows = [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return rows[1:]  # header


@pytest.mark.parametrize("name, floor", [("offensive_cases.tsv", 0.92), ("offensive_holdout.tsv", 0.85)])
def test_labelled_comment_sets_reach_their_precision_and_recall(name, floor):
    from herald.checks import Context, Draft, check

    context = Context(account="official")
    tp = fp = fn = 0
    for expected, _kind, text in _labelled(name):
        found = {f.rule for f in check(Draft(text=text, kind="comment"), context).findings if f.category == "offensive"}
        if expected == "m":
            assert found <= {"mild-profanity"}, text
            continue
        flagged = bool(found - {"mild-profanity"}) if expected == "1" else bool(found)
        tp += flagged and expected == "1"
        fp += flagged and expected == "0"
        fn += not flagged and expected == "1"
    assert tp / (tp + fp) >= floor and tp / (tp + fn) >= floor, (tp, fp, fn)
