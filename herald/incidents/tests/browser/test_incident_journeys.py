"""Reporting an incident and working each playbook to closure, the hacked-account path that stops
publishing, and the 72-hour clock across a weekend, in real Chromium."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from herald.incidents.models import Incident
from herald.incidents.playbooks import HANDLERS, Kind
from herald.people.roles import Role
from herald.posts import selectors as posts_selectors
from herald.social_accounts.models import SecurityTask
from herald.social_accounts.tests.factories import AccountFactory
from testing.browser import fill_date

pytestmark = pytest.mark.browser


def switch_to(page, sign_in, person):
    page.context.clear_cookies()
    sign_in(page, person)


def report(page, kind_label: str, summary: str):
    page.get_by_label(kind_label).check()
    page.get_by_label("Summary").fill(summary)
    page.get_by_label("What happened, when and where").fill("Seen this morning on the council's page.")
    page.get_by_role("button", name="Report the incident").click()


def tick_open_steps(page, incident):
    for step in incident.steps.filter(done_at=None).order_by("position"):
        page.goto(f"/incidents/{incident.pk}/steps/{step.pk}/")
        page.get_by_role("button", name="Tick this step").click()
        assert f"Step {step.position} ticked" in page.content()


def close(page, incident):
    page.goto(f"/incidents/{incident.pk}/")
    page.get_by_role("link", name="Write the closing review").click()
    page.get_by_label("What caused it?").fill("A weak password on a shared login.")
    page.get_by_label("What will change?").fill("Two-step verification on every account.")
    page.get_by_role("button", name="Close the incident").click()
    assert "Closed" in page.locator("#incident-status").inner_text()


SPECIFIC = {
    Kind.PERSONAL_DATA_BREACH: "breach",
    Kind.EMPLOYEE_POST: "hr",
    Kind.ABUSE_OR_THREAT: "police",
    Kind.COPYRIGHT_OR_DEFAMATION: "takedown",
}


@pytest.mark.parametrize("kind", list(Kind))
@pytest.mark.usefixtures("pinned_clock")  # the takedown's decision is typed as today: the pinned day
def test_an_incident_is_reported_from_any_page_and_its_playbook_worked_to_closure(
    kind, page, sign_in, assert_accessible, cast, employee, hr_officer
):
    # given anyone signed in, on any page
    sign_in(page, employee)
    page.goto("/policies/")
    # when they report an incident from the link on every page
    page.locator("[data-report-incident]").click()
    report(page, kind.label, f"A {kind.value} case")
    assert "reported" in page.locator(".govuk-notification-banner").inner_text()
    incident = Incident.objects.get()
    # then they see its status, not its details
    assert "Reported" in page.locator("#incident-status").inner_text()
    assert page.get_by_role("link", name="Triage").count() == 0
    assert_accessible(page)
    # when someone whose role handles it works the playbook
    handler = hr_officer if kind == Kind.EMPLOYEE_POST else cast[sorted(HANDLERS[kind])[0]]
    switch_to(page, sign_in, handler)
    page.goto(f"/incidents/{incident.pk}/")
    page.get_by_role("link", name="Triage").click()
    page.get_by_label("High").check()
    page.get_by_role("button", name="Save").click()
    assert_accessible(page)
    what = SPECIFIC.get(kind)
    if what == "breach":
        page.get_by_role("link", name="Open the breach record").click()
        page.get_by_label("What personal data was involved?").fill("Three names")
        # "Do not report" stands only for a breach unlikely to risk anyone (article 33(1)).
        page.get_by_label("Unlikely to result in a risk to people's rights and freedoms", exact=True).check()
        page.get_by_role("button", name="Save the assessment").click()
        page.get_by_label("Do not report to the ICO").check()
        page.locator("#id_ico-reasoning").fill("Removed within minutes; no sensitive data.")
        page.get_by_role("button", name="Record the ICO decision").click()
        page.get_by_label("Do not tell the people affected").check()
        page.locator("#id_tell-tell_reasoning").fill("No risk to them.")
        page.get_by_role("button", name="Record the decision").click()
        assert_accessible(page)
    elif what == "hr":
        page.get_by_role("link", name="Record the HR outcome").click()
        page.get_by_label("No").check()
        page.get_by_label("Outcome").fill("Informal conversation")
        page.get_by_role("button", name="Record the outcome").click()
    elif what == "police":
        page.get_by_role("link", name="Record a police referral").click()
        page.get_by_label("Police crime reference").fill("LP-1234")
        page.get_by_role("button", name="Save").click()
    elif what == "takedown":
        page.get_by_role("link", name="Record the takedown decision").click()
        page.get_by_label("Decision").fill("Post removed")
        # Decided once the complaint was known: typed as the minute it was reported (on the pinned day).
        fill_date(page, "When was it decided?", timezone.localtime(incident.aware_at))
        page.get_by_role("button", name="Save").click()
    tick_open_steps(page, incident)
    close(page, incident)
    assert_accessible(page)
    # and the reporter sees it closed
    switch_to(page, sign_in, employee)
    page.goto(f"/incidents/{incident.pk}/")
    assert "Closed" in page.locator("#incident-status").inner_text()


def test_comms_stop_publishing_on_a_hacked_account_from_its_incident(
    page, sign_in, assert_accessible, editor, comms_officer
):
    account = AccountFactory(display_name="Atkins Building", editors=[editor])
    # given an editor who reports the account hacked from its page
    sign_in(page, editor)
    page.goto(f"/accounts/{account.pk}/")
    page.get_by_role("link", name="Report an incident about this account").click()
    assert "Atkins Building" in page.locator("#report-about").inner_text()
    report(page, Kind.ACCOUNT_COMPROMISED.label, "Crypto spam on our page")
    incident = Incident.objects.get()
    assert SecurityTask.objects.get(account=account).kind == SecurityTask.Kind.COMPROMISE
    # when comms stop publishing in one click
    switch_to(page, sign_in, comms_officer)
    page.goto(f"/incidents/{incident.pk}/")
    assert_accessible(page)
    page.get_by_role("button", name="Stop publishing on Atkins Building").click()
    # then nothing scheduled can go out on that account
    assert "Publishing stopped on Atkins Building" in page.content()
    assert posts_selectors.pause_covering(account) is not None
    assert "is stopped on Atkins Building" in page.locator("#publishing-stopped").inner_text()
    tick_open_steps(page, incident)
    close(page, incident)


def test_the_72_hour_clock_runs_through_the_weekend(page, sign_in, assert_accessible, editor, dpo):
    friday = dt.datetime(2026, 11, 27, 16, 0, tzinfo=dt.UTC)
    with time_machine.travel(friday):
        # given a breach the council became aware of at 4pm on a Friday
        sign_in(page, editor)
        page.goto("/incidents/report/")
        page.get_by_label(Kind.PERSONAL_DATA_BREACH.label).check()
        page.get_by_label("Summary").fill("Sign-in sheet in a photo")
        page.get_by_label("What happened, when and where").fill("Names visible in the background.")
        fill_date(page, "When did you or the council first become aware of it?", dt.datetime(2026, 11, 27, 16, 0))
        page.get_by_role("button", name="Report the incident").click()
        breach = Incident.objects.get()
        # then the DPO sees the deadline on Monday, not the Wednesday three working days would give
        switch_to(page, sign_in, dpo)
        page.goto(f"/incidents/{breach.pk}/")
        clock = page.locator("#ico-clock").inner_text()
        assert "decide by 4pm on Monday 30 November 2026" in clock
        assert "71 hours left" in clock or "72 hours left" in clock
        assert_accessible(page)
    with time_machine.travel(dt.datetime(2026, 11, 30, 18, 0, tzinfo=dt.UTC)):
        # when Monday evening comes with no decision (the idle session has long ended)
        switch_to(page, sign_in, dpo)
        page.goto(f"/incidents/{breach.pk}/")
        assert "The 72 hours ended 2 hours ago" in page.locator("#ico-clock").inner_text()
        page.goto(f"/incidents/{breach.pk}/breach/")
        page.get_by_label("What personal data was involved?").fill("Names")
        page.get_by_label("A risk to people's rights and freedoms", exact=True).check()
        page.get_by_role("button", name="Save the assessment").click()
        page.get_by_label("Report to the ICO", exact=True).check()
        page.locator("#id_ico-reasoning").fill("Children's names: a risk to them.")
        fill_date(page, "When was it reported to the ICO?", dt.datetime(2026, 11, 30, 17, 30))
        page.get_by_role("button", name="Record the ICO decision").click()
        # then a late report must say why
        assert "Enter why the report was made after 72 hours" in page.locator(".govuk-error-summary").inner_text()
        assert_accessible(page)
        page.get_by_label("Reasons for reporting after 72 hours").fill("The DPO was on leave over the weekend.")
        page.get_by_label("Report to the ICO", exact=True).check()
        page.locator("#id_ico-reasoning").fill("Children's names: a risk to them.")
        fill_date(page, "When was it reported to the ICO?", dt.datetime(2026, 11, 30, 17, 30))
        page.get_by_role("button", name="Record the ICO decision").click()
        assert "Stopped" in page.locator("#ico-clock").inner_text()
        breach.refresh_from_db()
        assert breach.late_reason and breach.ico_reported_at.hour == 17
    assert Role.INFO_GOV in HANDLERS[Kind.PERSONAL_DATA_BREACH]
