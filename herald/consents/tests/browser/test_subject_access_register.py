"""The DPO keeps the register of subject access requests in real Chromium, each page checked with axe.
Runs on the pinned clock: Monday 2 March 2026."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("pinned_clock")]


def type_date(page, name, day, month, year):
    page.locator(f"input[name={name}_day]").fill(str(day))
    page.locator(f"input[name={name}_month]").fill(str(month))
    page.locator(f"input[name={name}_year]").fill(str(year))


def test_the_dpo_records_a_request_pauses_it_for_identity_and_sees_the_new_due_date(
    page, sign_in, assert_accessible, dpo
):
    # given the DPO on the register
    sign_in(page, dpo)
    page.goto("/consent/subject-access/requests/")
    assert_accessible(page)
    page.get_by_role("link", name="Record a subject access request").click()
    assert_accessible(page)
    # when they send the form empty, then the error summary lists what is missing
    page.get_by_role("button", name="Record the request").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Enter the name of the person asking" in summary and "Select how the request was received" in summary
    assert_accessible(page)
    # when they record a letter received on Saturday 31 January 2026
    page.get_by_label("Name of the person asking").fill("Asha Patel")
    page.get_by_label("Letter").check()
    type_date(page, "received_on", 31, 1, 2026)
    page.get_by_role("button", name="Record the request").click()
    # then it was due on 28 February 2026 (a Saturday), the ICO allowing until Monday 2 March
    expect(page.locator("h1")).to_contain_text("Asha Patel")
    due = page.locator(".govuk-summary-list__row", has_text="Due").inner_text()
    assert "28 February 2026" in due and "Monday 2 March 2026" in due
    assert page.get_by_role("link", name="Extend a complex request").count() == 0, "its first month is over"
    assert_accessible(page)
    # when identity was asked for on 2 February and arrived today
    page.get_by_role("link", name="Pause for proof of identity or clarification").click()
    page.get_by_label("Proof of identity").check()
    type_date(page, "paused_on", 2, 2, 2026)
    page.get_by_role("button", name="Pause the request").click()
    expect(page.locator(".govuk-summary-list")).to_contain_text("The clock is paused")
    page.get_by_role("link", name="Record that the proof of identity arrived").click()
    assert_accessible(page)
    type_date(page, "arrived_on", 2, 3, 2026)
    page.get_by_role("button", name="Restart the clock").click()
    # then the month runs from today: due 2 April 2026, and it may be extended again until then
    due = page.locator(".govuk-summary-list__row", has_text="Due").inner_text()
    assert "2 April 2026" in due
    expect(page.get_by_role("link", name="Extend a complex request")).to_be_visible()
    assert_accessible(page)
