"""Engine review of round eighteen's emoji leers (offensive/leers.py): a hot face, sweat drops or drool after a
remark that says what the person did (ran, fixed, cooked, won) read as effort or heat, not as a leer; the
same emoji after a bare pointer at a person, or a remark on their looks, stay harassment. Written for these
tests: none is a row of a blind set or a training file."""

import pytest

from herald.checks import Context, Draft, check

from .helpers import offensive_rules

FAIR = [
    "Did the 5k fun run with Cllr Hanley this morning 🥵🥵 knackered",
    "Well done to our apprentice of the year, she's smashing it 🔥🥵",
    "Thank you to the crew who fixed the burst main 💦💦 heroes",
    "Cllr Hanley tried the ghost pepper wings at the fete 🥵",
    "he looks exhausted 🥵 after the charity cycle ride",
]
LEERS = [
    "🥵🥵 that councillor tho",
    "@cllr.hanley 🤤🤤",
    "Cllr Hanley in those shorts at the fun run 🥵🥵",
    "the officer in the red coat at 0:45 🍆💦",
]


@pytest.mark.parametrize("text", FAIR)
def test_effort_heat_or_praise_with_these_emoji_is_not_harassment(text):
    assert "harassment" not in offensive_rules(text)
    post = check(Draft(text=text, kind="post"), Context(account="official")).findings
    assert "harassment" not in {f.rule for f in post}


@pytest.mark.parametrize("text", LEERS)
def test_a_bare_pointer_or_a_remark_on_looks_with_them_stays_harassment(text):
    assert "harassment" in offensive_rules(text)
