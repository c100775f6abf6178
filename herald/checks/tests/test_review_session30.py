"""The session-30 review (issue 12): texts written to break this session's check-engine changes, each
flagged as it should be before those changes and let through (or flagged less) after them: a reclaimed
word aimed at the reader, insults dressed as banter, loaded words aimed at a person in a text that also
names their literal setting, and a quotation endorsed rather than condemned. Each has a fair twin that
the precision round rightly lets through and still does. And party round fourteen: council text about
another body's leadership that it blocked, and its campaign lines in other words that it missed. Written
for these tests, from no data set."""

import pytest

from .helpers import blocked_or_warned, offensive_rules

ABUSE = {"profanity", "slur", "threat", "hate", "harassment", "offensive-model", "abuse-model"}

# (abusive text, the rule it must still raise, its fair twin)
RECLAIMED_AIMED = [
    ("you're a proud dyke lol", "slur", "proud dyke and proud mum, thanks to the library for the pride display"),
    ("ur a proud dyke lmao", "slur", "I'm a proud dyke and the pride flag on the town hall made my week"),
    ("you are a dyke and proud of it, freak", "slur", "dyke and proud, and the pride flag made my week"),
]
BULLYING_AS_BANTER = [
    (
        "love you bestie, you ugly cow, everyone hates you",
        "harassment",
        "Happy birthday you daft muppet, love you loads, see you at the pub",
    ),
    (
        "happy birthday you fat pig, no one likes you",
        "harassment",
        "happy birthday you daft sod, see you at the pub",
    ),
    ("love you bestie, you ugly cow", "harassment", "love you bestie, you absolute muppet"),
]
LITERAL_SENSE_AIMED = [
    (
        "the boiler engineer is a retard",
        "slur",
        "The engineer found the ignition timing was retarded by a few degrees on the depot's old boiler.",
    ),
    ("councillor Smith is a retard, fix the boiler", "slur", "the boiler's ignition timing is retarded again"),
    (
        "our staffie bitch had pups, the woman next door is a bitch",
        "profanity",
        "our staffie bitch had pups, the woman next door is having one",
    ),
]
ENDORSED_QUOTATION = [
    (
        'Someone wrote "go home" on the mosque wall. Disgusting that people complain, they should go home.',
        'Someone wrote "go home" on the mosque wall last night. Disgusting.',
    ),
    (
        'A man shouted "dirty immigrants" at them. Disgusting lot, he was right.',
        'A man in the queue kept muttering "dirty immigrants" at the family in front. Reported him to the staff.',
    ),
    (
        'Someone called them "dirty immigrants". Disgusting? No, spot on.',
        'Someone called them "dirty immigrants". Disgusting, and reported.',
    ),
]

ALL = RECLAIMED_AIMED + BULLYING_AS_BANTER + LITERAL_SENSE_AIMED


@pytest.mark.parametrize(("abusive", "rule", "fair"), ALL, ids=[a[:40] for a, _, _ in ALL])
def test_an_excusal_does_not_let_the_same_words_aimed_at_someone_through(abusive, rule, fair):
    assert rule in offensive_rules(abusive)
    assert not offensive_rules(fair) & ABUSE


@pytest.mark.parametrize(("endorsed", "condemned"), ENDORSED_QUOTATION, ids=[e[:40] for e, _ in ENDORSED_QUOTATION])
def test_a_quotation_the_writer_agrees_with_is_not_counter_speech(endorsed, condemned):
    assert offensive_rules(endorsed) & ABUSE
    assert not offensive_rules(condemned) & ABUSE


# Party round fourteen, broken both ways: fair council text it blocked, and the same campaign lines in other
# words that it let through (official post in a pre-election period).
COUNCIL_TEXT = [
    "The Citizens Advice Bureau needs a change of leadership after its chief executive retired, and the council "
    "has offered support.",
    "The leisure centre needs new leadership, says the independent review we commissioned.",
    "The youth council wants new leadership ideas from young people aged 11 to 18.",
]
CAMPAIGN_REWORDED = [
    ("They've always put party politics before residents.", "They put their party before the people of this town."),
    ("Hinckley deserves better leadership. Vote for change on 7 May.", "This council needs a change of leadership."),
    ("We need more independent councillors on the borough council.", "We need more independents on the council."),
    ("Please help me get re-elected on 7 May.", "I've been campaigning hard to get re-elected on 7 May."),
]


@pytest.mark.parametrize("text", COUNCIL_TEXT, ids=[t[:40] for t in COUNCIL_TEXT])
def test_council_text_about_another_bodys_leadership_is_not_campaigning(text):
    assert not blocked_or_warned(text)


@pytest.mark.parametrize(("reworded", "caught"), CAMPAIGN_REWORDED, ids=[r[:40] for r, _ in CAMPAIGN_REWORDED])
def test_a_campaign_line_in_other_words_is_blocked_as_its_twin_is(reworded, caught):
    assert ("campaign-language", "block") in blocked_or_warned(caught)
    assert ("campaign-language", "block") in blocked_or_warned(reworded)


# Swearing at a thing, then turned on the reader in the same sentence: the swearing is aimed at them.
TURNED_ON_THE_READER = [
    ("the bins are shit and so are you", "the bins are shit as usual"),
    ("your parking is shit, just like you", "the parking is shit like everywhere else in town"),
    ("this place is shit because of people like you", "this place is shit because of the roadworks"),
]


@pytest.mark.parametrize(("turned", "fair"), TURNED_ON_THE_READER, ids=[t[:40] for t, _ in TURNED_ON_THE_READER])
def test_swearing_at_a_thing_turned_on_the_reader_is_profanity(turned, fair):
    assert "profanity" in offensive_rules(turned)
    assert offensive_rules(fair) == {"mild-profanity"}
