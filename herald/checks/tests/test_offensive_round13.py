"""Round thirteen of the abuse checker (issue 12): everyday senses of words the team's training files
had used almost only in abusive rows (scum on water, feral pigeons, "a human" on the phone, thick frost)
are fair comments, not abuse (bench/data/council_train8.tsv; docs/checks.md, "Round thirteen"). None of
these sentences is a training row."""

import pytest

from .helpers import offensive_rules


@pytest.mark.parametrize(
    "text",
    [
        "The frost was thick on the windscreens this morning, so allow extra time for the school run.",
        "Swimming lessons for the over-sixties start again at the lido in April.",
        "My grandmother was diagnosed as senile in the 1970s, long before anyone said dementia.",
        "Please could a human being answer the phone at the housing office? The menu goes round in circles.",
        "There's a green scum on the canal by the lock again. Who do we tell?",
        "Feral pigeons are nesting above the market stalls and the traders want netting put up.",
        "I bet the roadworks on the ring road overrun again, they always do.",
        "The village looks pretty with the new planters along the main street.",
        "A cow got onto the bypass near the farm shop this morning, drive carefully.",
        "The state of the toilets in the park is an embarrassment. When will they be fixed?",
    ],
)
def test_everyday_senses_of_words_used_as_insults_are_fair_comments(text):
    assert offensive_rules(text) == set()
