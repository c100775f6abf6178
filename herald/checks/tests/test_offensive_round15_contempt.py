"""Round fifteen of the abuse checker (issue 12 item 1): contempt aimed at one person in a polite or
professional frame, with no insult word ("the leadership skills of a damp sponge", "couldn't run a
bath", "past his sell-by date", "a diversity appointment"), is harassment; a fair comment in the same
register about what the person did, a complaint about the council as an institution, a remark about
oneself and counter-speech stay clean (herald/checks/offensive/contempt.py; docs/checks.md, "Round
fifteen"). Written for these tests: none is a row of a blind set or a training file."""

import pytest

from .helpers import offensive_rules

TWINS = [
    (
        "Congratulations on the new role, Fiona. Shame you have the leadership skills of a damp sponge.",
        "Congratulations on the new role, Fiona. I hope you bring the leadership the regeneration board has lacked.",
    ),
    (
        "With the greatest respect, Cllr Hartley couldn't run a bath, let alone a regeneration board.",
        "With the greatest respect, Cllr Hartley's board missed every regeneration milestone and should explain why.",
    ),
    (
        "@CllrBrookes has she ever managed anything bigger than a bake sale? Genuine question before the budget vote.",
        "@CllrBrookes the old hall hasn't hosted anything bigger than a bake sale since 2019, so is the refit worth it?",
    ),
    (
        "Great panel today. Shame the chairman is so obviously past his sell-by date.",
        "Great panel today. The chairman should have stopped the heckling from the gallery much sooner.",
    ),
    (
        "Another diversity appointment in planning, I see. She'll fit right in with the rest of them.",
        "Another appointment in planning, I see. Will she publish the backlog figures the last one promised?",
    ),
    (
        "The officer at 1:12:40 has the IQ of a traffic cone.",
        "The officer at 1:12:40 gives the wrong closing date for the consultation, please correct the minutes.",
    ),
    (
        "Dear Mr Ellison, having read your reply I can only assume you have two brain cells and both are on leave.",
        "Dear Mr Ellison, having read your reply I can only assume you have not read my letter of 3 March.",
    ),
    (
        "Lovely speech from the new director. Pity she looks like she slept in a skip.",
        "Lovely speech from the new director. Pity she left before the questions on the library closures.",
    ),
    (
        "Congratulations Daniel. Good to see the trust still promoting on skin colour rather than ability.",
        "Congratulations Daniel. Good to see the trust still promoting from within rather than hiring consultants.",
    ),
    (
        "Another token appointment to the cabinet. One wonders whether anyone read the CVs.",
        "Another appointment to the cabinet. One wonders whether anyone will publish the portfolio details.",
    ),
    (
        "Dear Standards Committee, Cllr Rowe is a sneaky, two-faced little weasel and the whole ward knows it.",
        "Dear Standards Committee, Cllr Rowe declared no interest in the depot sale and the whole ward knows it.",
    ),
    (
        "Dear Highways, the inspector who came out must be mentally defective. He measured the wrong kerb twice.",
        "Dear Highways, the inspector who came out must have had the wrong plan. He measured the wrong kerb twice.",
    ),
]


@pytest.mark.parametrize(("abusive", "fair"), TWINS)
def test_contempt_for_a_person_is_harassment_and_its_fair_twin_is_not(abusive, fair):
    assert "harassment" in offensive_rules(abusive)
    assert offensive_rules(fair) == set()


@pytest.mark.parametrize(
    "text",
    [
        # the council or a crowd, not one person
        "Honestly the council couldn't run a bath, three months to fill one pothole on Mill Lane.",
        "You lot couldn't organise a coffee morning, never mind a bin round. Sort it out.",
        # a view, not the person's worth
        "He's a bit of a dinosaur on parking policy but he answers every email the same day.",
        "The dinosaur trail at the museum reopens on Saturday with a new fossil room.",
        # places and things, and words with other senses
        "The old depot is a relic and should come down. She said as much at the committee.",
        "Her vision of a dead high street brought back to life is exactly what the town needs.",
        "His memory of a dead colleague at the inquest was moving and dignified.",
        # the writer of themselves
        "I have the memory of a goldfish this week, sorry, what time does the tip close on Sundays?",
        # counter-speech quoting the words
        'Calling the new director a "diversity hire" is disgraceful and I have reported the comment.',
    ],
)
def test_institutions_views_oneself_and_counter_speech_stay_clean(text):
    assert offensive_rules(text) == set()


SAMPLES = [abusive for abusive, _ in TWINS] + [
    "You are as useful as a chocolate teapot, Gerald.",
    "the lad at 0:41 looks like he crawled out of a wheelie bin",
    "She waddled up to the lectern, bless her little heart.",
    "Is the new head of service a has-been who couldn't lead a conga?",
    "Your reply reads like you are twelve. Are you twelve?",
    "With respect, you sad old bat, nobody asked.",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_the_cheap_word_check_never_hides_an_appraisal(text):
    """contempt_hits skips the patterns when no cue word is in the text: the cues must cover them all."""
    from herald.checks.offensive import contempt
    from herald.checks.textutil import probe

    everything = frozenset(contempt._CUES)  # every cue present: the patterns always run
    assert contempt.contempt_hits(text, probe(text)[1]) == contempt.contempt_hits(text, everything)
    assert contempt.contempt_hits(text, everything)
