"""Offensive and abusive text the profanity model may not have seen: threats, directed insults,
hate against protected characteristics, slurs (also as hashtags and obfuscated), and the traps:
quoting or condemning abuse, reporting hate crime, harmless senses of ambiguous words."""

import pytest

from herald.checks import Context, Draft, check

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
        "Bitchfield village hall is hosting a quiz",
        "Ferry times for Twatt in Orkney",
        "Shitterton is a hamlet in Dorset",
        "Walk the Offa's Dyke path this summer",
        "Dick Van Dyke film night",
        "Refugees arriving on Lesbos need help",
        "The Homo sapiens exhibition opens at the museum",
        "Cleaning with Spic and Span",
        "Volunteers: please bring gloves, hoes and rakes",
        "Spot blue tits and robins at the nature reserve",
        "Free finger prick blood tests at the library",
        "Prick out the seedlings once they have two leaves",
        "The old slag heaps are now a country park",
        "Please don't drop fag ends in the street",
        "Budget cuts will cripple our libraries",
        "Coconut shy and tombola at the summer fete",
        "Feckless landlords will be fined",
        "There's a chink in the fence behind the pavilion",
        "Grab a pint at the Cock and Bull after the match",
        "Faggots and peas on the cafe menu today",
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

    from herald.checks.offensive import threats

    rng = random.Random(11)
    for _ in range(2000):
        text = "".join(rng.choice(_NEW_THREAT_PIECES) for _ in range(rng.randint(0, 30)))
        lowered = text.lower()
        expected = [m.span() for m in threats._THREAT.finditer(text)] if threats._THREAT_START.search(lowered) else []
        assert [m.span() for m in threats._threats(text, lowered)] == expected, text


# Long adversarial inputs for the offensive patterns. How fast they run is measured by bench/checks.py
# (its pathological section lists these pieces), never timed here.
ADVERSARIAL_PIECES = ["scum ", "you idiot ", "what a bunch of idiots ", "are a bunch of ", "I will kill you ",
                      "kill all the muslims ", "i hate the ", "shut up ", "Offa's Dyke ", "fag ", "someone should ",
                      "absolute ", "'s a ",
                      # third round: chains, fragments, vocatives, the anchored shapes, masked words, quotations
                      "idiot and a ", "you are a clown and a ", "Idiots. ", "idiots, ", ", loser ", "the idiot who ",
                      "these morons ", "you're a lying old ", "is a right stuck-up ", "hope you ", "hope the council ",
                      "the only good ", "your kind ", "muslims come here ", "they breed like ", "should be ",
                      "needs a good ", "run them over ", "I know where you ", "F*** ", "s*** and ", '"idiot" ',
                      'calling people "', "can come and fix my pipes any time 😉 ", "go back where you came from ",
                      "someone should torch the ", "punch him in the "]  # fmt: skip


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
    rows = [
        line.rstrip("\n").split("\t")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    return rows[1:]  # header


@pytest.mark.parametrize(
    "name, floor", [("offensive_cases.tsv", 0.92), ("offensive_holdout.tsv", 0.85), ("offensive_round3.tsv", 0.92)]
)
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


# ---------------------------------------------------------------------------------------------
# Third round: insult nouns aimed in more ways, more threats and wishes of harm, generalisations about
# protected groups without a slur, sexual harassment, masked swearing, and quotations that report abuse.


@pytest.mark.parametrize(
    "text",
    ["Twits like you should stay off the internet", "Only a clot would build a roundabout there", "Only a fool would trust them",
     "Scumbags, every last one of them", "Muppets, the whole lot of them", "The cabinet member is clearly a buffoon",
     "The leader was always a crook", "bunch of clueless jobsworths", "The board are nothing but wasters",
     "you absolute weapon", "ur a mug and a fanny", "The deputy mayor is a smug old has-been",
     "Our MP is a slimy weasel", "The director is a lying hack and a twerp", "Go away, loser.", "Jog on, saddo",
     "Cowards.", "Absolute animals, the lot of them", "The idiot who parked across my drive wants locking up",
     "these nutters never learn", "She is as thick as mince", "The receptionist was a rude stuck-up cow",
     "Typical council jobsworth.", "Crybabies everywhere", "Wasters running the housing department", "Get a grip, simpleton",
     "he's a knob and a half", "Gormless plebs have blocked the lane again"],
)  # fmt: skip
def test_insult_nouns_aimed_in_more_ways_are_harassment(text):
    assert "harassment" in rules_found(text)


@pytest.mark.parametrize(
    "text",
    ["Bring a mug for the free tea", "Don't flush wet wipes", "A clever hack for keeping slugs off your lettuce",
     "Cows are grazing on the common", "What a cow! Champion at the county show", "Rats are vermin, please report them",
     "Ticks are parasites that carry disease", "Clowns, jugglers and magicians at the gala", "The clowns who visited were lovely",
     "Please don't feed these animals", "Weasels and stoats live in the reserve", "Only Fools and Horses quiz night",
     "The weapon amnesty runs all week", "Losers of the tombola get a consolation prize", "Our volunteers are stars",
     "My neighbour is a lovely woman and a great cook", "They were savages on the pitch, what a performance",
     "He's thick as thieves with the landlord", "Thick-skinned councillors need a sense of humour", "Pig racing at the fete"],
)  # fmt: skip
def test_everyday_senses_of_the_new_insult_nouns_are_not_harassment(text):
    assert not offensive_rules(text)


@pytest.mark.parametrize(
    "text",
    ["That warden deserves a good kicking", "he's asking for a slap", "the landlord needs shooting",
     "she deserves hanging for this", "people like that should be strung up", "you need to be punched",
     "they should be thrown in a cell and left to rot", "somebody ought to torch the council offices",
     "we know where your kids go to school", "you'll get what's coming", "hope the chief executive ends up in a coffin",
     "hope you get run over", "just run them over", "the only good councillor is a dead one",
     "someone should slap that muppet in the face", "oldies like you should just die off", "I'll knock your block off",
     "carry on and you'll end up in a ditch", "give him a proper hiding", "the mayor should be locked up and hanged",
     "I hope the planners get stuck in traffic and rot"],
)  # fmt: skip
def test_more_threats_and_wishes_of_harm_are_blocked(text):
    assert severity_of("threat", text, personal()) == "block" or severity_of("hate", text, personal()) == "block"


@pytest.mark.parametrize(
    "text",
    ["The scene needs shooting again in daylight", "The artwork needs hanging before the opening",
     "The stray dog had to be put down", "The injured swan should be put down, said the vet",
     "I'll run them over to the office after lunch", "The festival will be run over three days",
     "Landlords will be slapped with fines", "He got a slap on the wrist", "Punch cards for the cafe are back",
     "I know where you can park for free", "Hope you all end up at the winners' table", "Hope you catch the early bus",
     "The only good news is a dead heat", "The coast is going to get battered by the storm",
     "Let the leaves rot down for compost, we hope they make good mulch", "Someone should burn the leaves on the allotment",
     "Wear a helmet or you'll end up in hospital", "Mow the lawn and then give the hedge a good trim"],
)  # fmt: skip
def test_violent_words_in_everyday_sentences_stay_clear(text):
    assert not offensive_rules(text) & {"threat", "hate"}


@pytest.mark.parametrize(
    "text",
    ["Romanians only come here to steal", "asylum seekers come over here to scrounge", "Travellers don't belong in this town",
     "muslims should not be allowed to teach", "Jews secretly control the banks", "Africans have lower IQs",
     "women are too emotional to lead", "chinese people eat cats", "gays should keep their filth to themselves",
     "purge our nation of these parasites", "Refugees everywhere. They breed like cockroaches.",
     "the only good immigrant is a deported immigrant", "their kind aren't welcome here", "nobody wants your kind in this town",
     "Send all the migrants back to Africa", "go back where you came from", "muslims are behind every terror attack",
     "somalis refuse to integrate", "hope every refugee gets deported"],
)  # fmt: skip
def test_generalisations_about_protected_groups_are_hate(text):
    assert offensive_rules(text) & {"hate", "threat", "slur"}


@pytest.mark.parametrize(
    "text",
    ["Migrants come here to work in our hospitals", "Refugees come here to escape war", "Muslims run the food bank on Fridays",
     "Disabled people can't drive to the centre without parking", "Women are too often left out of planning",
     "Thank you for your kind words", "Nobody wants your kind of complaint, only constructive ones",
     "We need to rid the park of knotweed", "Jewish people have lived here for centuries",
     "Black people are under-represented on the council", "The only good thing about rain is the gardens"],
)  # fmt: skip
def test_neutral_sentences_about_groups_are_not_hate(text):
    assert not offensive_rules(text) & {"hate", "threat"}


@pytest.mark.parametrize(
    "text",
    [
        "rapefugees not welcome",
        "moslems out",
        "dindu nuffin again",
        "welfare queens on benefits",
        "mudslimes everywhere",
    ],
)
def test_coded_slurs_are_found(text):
    assert "slur" in rules_found(text)


@pytest.mark.parametrize(
    "text",
    ["send me nudes", "show us your boobs darling", "I'd shag the new receptionist", "the lass in planning can sit on my face",
     "that nurse can come round and check my plumbing any time 😉"],
)  # fmt: skip
def test_sexual_harassment_is_flagged(text):
    assert "harassment" in rules_found(text)


@pytest.mark.parametrize(
    "text",
    ["Send us your photos of the parade", "Show us your allotment produce!", "Children can sit on Santa's knee in the grotto",
     "You can call me any time on 0116 000 0000 😊", "Bang on time, thanks to the bin crew", "I'd do anything for sunshine"],
)  # fmt: skip
def test_everyday_sentences_are_not_sexual_harassment(text):
    assert not offensive_rules(text)


@pytest.mark.parametrize("text", ["F*** this council", "what a s*** service", "you utter c***", "you b*stard"])
def test_masked_swearing_is_profanity(text):
    assert "profanity" in rules_found(text)


@pytest.mark.parametrize(
    "text",
    ['Stop calling people "idiots" on this page, it helps nobody', 'Calling refugees "animals" is dehumanising',
     'The court heard he told the officer "I\'ll stab you"', 'The word "pikey" is a slur and hurts people',
     '"Go back to your own country" - I was born in Hinckley', 'He called me a "stupid cow" and I reported him',
     '"Immigrants are vermin" is hate speech', "The Dyke March comes through town on Saturday", "Nice dyke bar in Soho"],
)  # fmt: skip
def test_quoting_abuse_to_report_or_answer_it_and_reclaimed_names_are_not_flagged(text):
    assert not offensive_rules(text)


@pytest.mark.parametrize(
    "text", ['He just said "fuck off" to me lol', '"you idiot" - my mate, every morning', 'Me: "shut up you muppet"']
)
def test_quoted_swearing_and_insults_said_without_reporting_still_count(text):
    assert offensive_rules(text)


def test_trie_patterns_match_the_plain_word_list_patterns():
    import random
    import re

    from herald.checks.engine import default_rules
    from herald.checks.offensive import insults, matchers, tries
    from herald.checks.textutil import phrase_pattern

    words = default_rules().words
    rng = random.Random(5)
    for name in ("insults", "protected_groups"):
        plain = re.compile(phrase_pattern(words[name]), re.I)
        trie = re.compile(matchers._phrase_trie(words[name]), re.I)
        pieces = [*words[name], " ", "  ", "a", "s", "-", "'s", "#", "@", "x", "IDIOTS ", "Muslims "]
        for _ in range(3000):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
            assert [m.span() for m in plain.finditer(text)] == [m.span() for m in trie.finditer(text)], text
    intensifiers = re.compile(tries._backwards(insults._INTENSIFIERS) + r"$")
    for phrase in insults._INTENSIFIERS:
        assert intensifiers.match(" ".join(w[::-1] for w in reversed(phrase.split()))), phrase


_SHAPE_PIECES = ["hope ", "you ", "the council ", "ends up in a ditch", "the only good ", "tory ", "is a dead one", "your kind ",
                 "aren't welcome", "muslims ", "come here to steal", "they ", "breed like rats", "should be ", "put down",
                 "needs a good slap", "run them over", "I know where you work", "send nudes", "dog ", ". ", "! ", ", ",
                 "kind words", "any time 😉", "can come and fix my ", "pipes "]  # fmt: skip


def test_shape_windows_find_the_same_matches_as_the_whole_patterns():
    import random
    import re

    from herald.checks.engine import _compiled, default_rules
    from herald.checks.offensive.shapes import _WINK, _shape_hits
    from herald.checks.textutil import probe, sentence_bounds

    shapes = _compiled(default_rules()).offensive.shapes
    rng = random.Random(7)
    for _ in range(1500):
        text = "".join(rng.choice(_SHAPE_PIECES) for _ in range(rng.randint(0, 24)))
        lowered, words = probe(text)
        found = {(s.rule, m.span()) for s, m in _shape_hits(text, lowered, words, shapes, True)}
        expected = set()
        for shape in shapes.shapes:
            for m in shape.pattern.finditer(text):
                if shape.wink and _WINK.search(text) is None:
                    continue
                if shape.needs is not None and shape.needs.isdisjoint(words):
                    continue
                if shape.animal and "dog" in re.findall(
                    r"[a-z]+", text[slice(*sentence_bounds(text, m.start()))].lower()
                ):
                    continue
                expected.add((shape.rule, m.span()))
        assert found == expected, text


@pytest.mark.parametrize(
    "text",
    [
        "Each item on the form needs a bullet point.",
        "Names should be put down on the allotment waiting list by Friday.",
        "The bonfire is going to be set alight at 7.30pm, please stand back.",
        "Fireworks night: we hope nobody ends up in hospital this year.",
        "Wash your hands: we hope nobody catches covid this winter.",
        "We're hunting down the man responsible for fly-tipping on Mill Lane.",
        "We'll be shooting the councillors' interviews in the Hub tomorrow.",
        "Our Christmas lights display will knock you out!",
        "Anglers: please throw the fish back where they came from.",
        "Amnesty: hand in your weapon, no questions asked.",
        "Cycling? Always wear your helmet.",
        "Send us photos of your snowflakes!",
        "Freezing leftovers is a hack that saves money.",
        "A stroke is a clot in the brain. Act FAST.",
        "Come and get stuffed at our Christmas community dinner!",
    ],
)
def test_ordinary_council_posts_are_not_threats_hate_or_harassment(text):
    # found in a review of the third offensive round: each of these used to block an official post
    assert not {"threat", "hate", "harassment"} & {
        f.rule for f in check(Draft(text=text), Context(account="official")).findings
    }


@pytest.mark.parametrize(
    "text, rule",
    [
        ("Get stuffed you muppet", "harassment"),
        ("I'll knock you out", "threat"),
        ("someone should beat him up", "threat"),
        ("we will hunt you down", "threat"),
        ("he deserves a bullet", "threat"),
        ("people like you should be put down tbh", "threat"),
        ("hope he catches covid", "threat"),
        ("your an idiot", "harassment"),
        ("Only a clot would build a roundabout there", "harassment"),
    ],
)
def test_the_same_shapes_still_catch_abuse(text, rule):
    assert rule in {f.rule for f in check(Draft(text=text, kind="comment")).findings}


def test_repeated_interjections_before_an_insult_give_sound_findings():
    # "bye bye bye …" once made the fragment pattern try every split (exponential); bench/checks.py times it
    text = (("bye " * 19 + "zz idiot\n") * 25)[:2200]
    for finding in check(Draft(text=text, kind="comment")).findings:
        assert finding.start is None or 0 <= finding.start < finding.end <= len(text)


def test_single_quotes_used_as_quotation_marks_report_abuse_like_double_quotes():
    text = "The comments are depressing. People calling refugees 'cockroaches' in 2024. Unbelievable."
    assert "hate" not in {f.rule for f in check(Draft(text=text, kind="comment")).findings}
    # apostrophes are not quotation marks, and sworn words in single quotes are still sworn
    assert "harassment" in {
        f.rule for f in check(Draft(text="Don't be such a twat, it's not 'funny'", kind="comment")).findings
    }
    assert "profanity" in {f.rule for f in check(Draft(text="you're a 'fucking idiot'", kind="comment")).findings}


def test_single_quoted_finds_the_quotation_around_a_span():
    from herald.checks.textutil import single_quoted

    text = "calling them 'vermin' isn't ok, and the councillors' 'plan' isn't either"
    assert single_quoted(text, text.index("vermin"), text.index("vermin") + 6) == (13, 20)
    assert single_quoted(text, text.index("plan"), text.index("plan") + 4) == (53, 58)
    assert single_quoted(text, text.index("them"), text.index("them") + 4) is None
    assert single_quoted("don't you dare", 6, 9) is None


@pytest.mark.parametrize(
    ("idiom", "insult"),
    [
        ("The mayor and the vicar are thick as thieves these days", "The mayor and the vicar are thick thieves"),
        ("She has stood by the club through thick and thin", None),
    ],
)
def test_an_everyday_idiom_is_not_read_by_the_classifier_as_an_insult(idiom, insult):
    assert "abuse-model" not in offensive_rules(idiom)
    if insult is not None:  # the same words, not in the idiom, still are
        assert "abuse-model" in offensive_rules(insult)
