"""The register's heat map and table, scoring S.04 and working it as its owner, in real Chromium."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from herald.risks import services
from herald.risks.models import Risk
from testing.browser import PINNED_DAY, PINNED_MORNING, fill_date

# Dates typed and records made run on a pinned clock (testing.browser's PINNED_MORNING), not today's.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("pinned_clock")]


def test_the_owner_reads_the_heat_map_and_scores_reviews_and_acts_on_s04(
    page, sign_in, assert_accessible, service_manager, comms_officer
):
    # given S.04, loaded from the committee report, owned by a service manager
    risk = Risk.objects.get(reference="S.04")
    # (loaded when Herald was installed, a month before this morning: the test database is made on the real clock)
    risk.assessments.update(at=PINNED_MORNING - dt.timedelta(days=30))
    services.update_risk(risk, by=comms_officer, owner=service_manager)
    sign_in(page, service_manager)
    # when they open the register
    page.locator('[data-nav="risks:register"]').click()
    # then S.04 sits in the Net Red cell of the heat map and of its table
    assert "15 Red" in page.locator("#risks").inner_text()
    assert page.locator("svg.herald-heatmap text", has_text="S.04").count() == 1
    assert "S.04" in page.locator("#heat-table").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="S.04 Damage to reputation/adverse publicity").click()
    expect(page.locator("[data-measure=moderation_response]")).to_contain_text("No comments handled")
    assert_accessible(page)
    # when they score it with a worse current than inherent score
    page.get_by_role("link", name="Score the risk").click()
    page.get_by_label("Inherent likelihood").select_option("2")
    page.get_by_label("Why is it scored this way?").fill("Testing the rule")
    page.get_by_role("button", name="Save the scores").click()
    assert "cannot be higher than the inherent score" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Inherent likelihood").select_option("4")
    page.get_by_label("Current likelihood").select_option("2")
    page.get_by_role("button", name="Save the scores").click()
    # then the new score is Amber and the history keeps the committee's Net Red
    assert "10 Amber" in page.locator("#net-score").inner_text()
    history = page.locator("#score-history").inner_text()
    assert "15 Red" in history and "Loaded from the committee report" in history
    # and they record a review and an action
    page.get_by_role("link", name="Review it").click()
    page.get_by_label("What did the review find?").fill("Acknowledgements are up to 76%.")
    fill_date(page, "Next review date", (PINNED_DAY.replace(day=1).replace(year=PINNED_DAY.year + 1)))
    page.get_by_role("button", name="Record the review").click()
    assert "Acknowledgements are up to 76%." in page.locator("#reviews").inner_text()
    page.get_by_role("link", name="Add an action").click()
    page.get_by_label("Action").fill("Chase the last service areas")
    page.get_by_label("Owner").select_option(str(service_manager.pk))
    fill_date(page, "Due date", PINNED_DAY)
    page.get_by_role("button", name="Add the action").click()
    # and reword it, first trying to move it to yesterday, which is refused with the reason
    page.locator("#actions").get_by_role("link", name="Change the action: Chase the last service areas").click()
    assert_accessible(page)
    page.get_by_label("Action").fill("Chase the last two service areas")
    fill_date(page, "Due date", PINNED_DAY - dt.timedelta(days=1))
    page.get_by_role("button", name="Save the action").click()
    assert "Due date must be today or in the future" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    fill_date(page, "Due date", PINNED_DAY)
    page.get_by_role("button", name="Save the action").click()
    assert "Chase the last two service areas" in page.locator("#actions").inner_text()
    page.locator("#actions").get_by_role("button", name="Mark done").click()
    assert "Done" in page.locator("#actions").inner_text()
    assert_accessible(page)
