"""A risk whose acceptance lapsed when it was re-scored into a higher band: its page says so, and passes
axe, in real Chromium."""

import datetime as dt

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from herald.risks import services
from testing.browser import PINNED_DAY
from testing.factories import RiskFactory

# Dates typed and records made run on a pinned clock (testing.browser's PINNED_MORNING), not today's.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("pinned_clock")]


def test_the_risk_page_explains_a_lapsed_acceptance_accessibly(
    page, sign_in, assert_accessible, comms_officer, monitoring_officer
):
    # given a risk accepted at 12 Amber by the monitoring officer (not its owner), then re-scored at 16 Red
    risk = RiskFactory(owner=comms_officer)
    scored = {"inherent": (5, 5), "residual": (1, 1), "rationale": "Scored"}
    services.assess_risk(risk, by=comms_officer, current=(3, 4), **scored)
    services.accept_risk(
        risk,
        by=monitoring_officer,
        statement="Amber is tolerable",
        expires_on=PINNED_DAY + dt.timedelta(days=90),
    )
    services.assess_risk(risk, by=comms_officer, current=(4, 4), **scored)
    # when its owner opens it
    sign_in(page, comms_officer)
    page.goto(reverse("risks:detail", args=[risk.pk]))
    # then the acceptance row says it lapsed, and why, and what to do
    acceptance = page.locator("#acceptance")
    expect(acceptance).to_contain_text("Not accepted now")
    expect(acceptance).to_contain_text("12 Amber")
    expect(acceptance).to_contain_text("16 Red, a higher band")
    assert_accessible(page)
