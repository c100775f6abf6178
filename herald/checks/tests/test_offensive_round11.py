"""Round eleven of the abuse checker (issue 12): threats.py and menace.py read one list of the harms
someone is said to deserve (`threats.DESERVED_FATES`), so a comment saying someone deserved to be
murdered is read as "deserves to be murdered" is, while the fates with an everyday sense stay out of the
council's own posts (docs/checks.md, "Round eleven")."""

import pytest

from herald.checks import Context, Draft, check

from .helpers import offensive_rules


@pytest.mark.parametrize(
    "text",
    [
        "He deserved to be murdered for what he did to this town",
        "That planning officer deserved to be killed, not promoted.",
        "Cllr Dale deserved to be executed for selling off the park",
    ],
)
def test_saying_someone_deserved_to_be_killed_is_a_threat_in_a_comment(text):
    assert "threat" in offensive_rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "The bonfire should be set alight at 7pm by the Mayor.",
        "The old depot land should be flogged off to the highest bidder, say residents.",
        "The beacon must be set on fire at exactly 9.15pm for the jubilee chain.",
    ],
)
def test_bonfires_and_sales_in_the_councils_own_post_are_not_threats(text):
    findings = check(Draft(text=text, kind="post"), Context(account="official")).findings
    assert "threat" not in {f.rule for f in findings}
