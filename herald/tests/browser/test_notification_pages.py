"""Choosing how Herald emails you, connecting a team's channel, and reading the demo outbox, in Chromium."""

import pytest
from playwright.sync_api import expect

from herald.models import NotificationPreference, OutboxEmail, TeamWebhook

pytestmark = pytest.mark.browser


def test_a_person_chooses_one_email_a_day(page, sign_in, assert_accessible, employee):
    sign_in(page, employee)
    page.get_by_role("link", name="Your email notifications").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your email notifications")
    assert_accessible(page)
    page.get_by_label("Send me one email a day with everything in it").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your choice is saved.")).to_be_visible()
    expect(page.get_by_label("Send me one email a day with everything in it")).to_be_checked()
    assert NotificationPreference.objects.get(person=employee).delivery == "daily"
    assert_accessible(page)


def test_an_administrator_connects_a_teams_channel_and_reads_the_demo_outbox(
    page, sign_in, assert_accessible, system_admin, comms_officer
):
    OutboxEmail.objects.create(
        subject="A post needs your approval", to=comms_officer.email, body="Open http://127.0.0.1:8123/posts/1/"
    )
    sign_in(page, system_admin)
    page.get_by_role("link", name="Team channels (Microsoft Teams or Slack)").click()
    page.get_by_role("button", name="Connect the channel").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the webhook address")
    assert_accessible(page)
    page.get_by_label("Team", exact=True).select_option(label=str(comms_officer.team))
    page.get_by_label("Microsoft Teams").check()
    page.get_by_label("Incoming webhook address").fill("https://council.webhook.office.com/workflows/abc")
    page.get_by_role("button", name="Connect the channel").click()
    expect(page.get_by_role("table")).to_contain_text(comms_officer.team.name)
    assert TeamWebhook.objects.get().service == "teams"
    assert_accessible(page)

    page.goto("/")
    page.get_by_role("link", name="Demo outbox: 1 email kept, not sent").click()
    page.get_by_role("link", name="A post needs your approval").click()
    expect(page.locator("[data-email-body]")).to_contain_text("http://127.0.0.1:8123/posts/1/")
    assert_accessible(page)
