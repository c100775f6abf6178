"""Round seven of the abuse checker (issue 12): an allegation about a named person is the legal rules'
finding, and the abuse classifier does not warn on it a second time."""

import pytest

from .helpers import findings


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
