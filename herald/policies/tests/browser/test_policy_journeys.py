"""The policy cascade and "Can I post this?" in real Chromium, with axe on each page."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from herald.audit.models import AuditEvent
from herald.policies import services
from herald.policies.models import Acknowledgement, Campaign
from herald.policies.tests.factories import CampaignFactory
from testing.browser import PINNED_DAY, fill_date

# Dates typed and records made run on a pinned clock (testing.browser's PINNED_MORNING), not today's.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("pinned_clock")]


def _sign_out(page):
    page.get_by_role("button", name="Sign out").click()


def test_comms_publish_a_new_version_after_seeing_the_changes(page, sign_in, assert_accessible, comms_officer):
    # given the communications team editing the employee policy
    sign_in(page, comms_officer)
    page.goto("/policies/employee-policy/")
    assert_accessible(page)
    page.get_by_role("link", name="Edit a draft").first.click()
    text = page.get_by_label("Policy text")
    text.fill(text.input_value().replace("The policy is reviewed every year.", "The policy is reviewed every October."))
    page.get_by_label("What has changed").fill("The review month is named")
    # when they save, check the side-by-side changes and publish
    page.get_by_role("button", name="Save draft and compare").click()
    expect(page.locator("del").filter(has_text="reviewed every year")).to_have_count(1)
    expect(page.locator("ins").filter(has_text="reviewed every October")).to_have_count(1)
    assert_accessible(page)
    page.get_by_role("button", name="Publish version 2").click()
    # then version 2 is the policy, and version 1 is still readable
    assert "Version 2 · Published" in page.locator(".govuk-caption-l").inner_text()
    assert "reviewed every October" in page.content()
    page.goto("/policies/employee-policy/versions/1/")
    assert "This version has been replaced" in page.content()
    assert_accessible(page)


def test_a_service_area_campaign_with_a_quiz_acknowledged_by_an_employee(
    page, sign_in, assert_accessible, comms_officer, employee
):
    # given comms set up a campaign for Community Services with one quiz question
    sign_in(page, comms_officer)
    page.goto("/policies/campaigns/new/")
    page.get_by_label("Campaign title").fill("Community Services: the 2026 policy")
    page.get_by_label("Employee Social Media Policy").check()
    page.get_by_label("A service area").check()
    page.locator("#id_service_area").select_option(label="Community Services")
    fill_date(page, "Due date", PINNED_DAY + dt.timedelta(days=14))
    page.get_by_role("button", name="Set up campaign").click()
    page.get_by_role("link", name="add a quiz").click()
    page.get_by_label("Question").fill("Can you post a resident's case details if you leave out their name?")
    page.get_by_label("Answers").fill("Yes\n*No, never")
    page.get_by_role("button", name="Add question").click()
    assert_accessible(page)
    page.get_by_role("link", name="Back to the campaign").click()
    page.get_by_role("button", name="Launch the campaign").click()
    assert "Campaign launched" in page.content()
    assert_accessible(page)
    _sign_out(page)
    # when the employee reads the policy, fails the quiz once, passes, and confirms
    sign_in(page, employee)
    page.get_by_role("link", name="Community Services: the 2026 policy").first.click()
    page.get_by_role("link", name="Read the policy").click()
    page.get_by_role("link", name="I have read it: take the quiz").click()
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Check my answers").click()
    expect(page.locator("main")).to_contain_text("You got 0 of 1 right")
    assert_accessible(page)
    page.get_by_label("No, never").check()
    page.get_by_role("button", name="Check my answers").click()
    page.get_by_role("button", name="Confirm my acknowledgement").click()
    assert "Tick the box to confirm" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("I confirm this statement").check()
    page.get_by_role("button", name="Confirm my acknowledgement").click()
    # then the acknowledgement is recorded, with the attempts counted
    assert "Acknowledged" in page.locator(".govuk-panel").inner_text()
    assert_accessible(page)
    ack = Acknowledgement.objects.get(person=employee)
    assert ack.quiz_attempts == 2 and ack.version.number == 1
    # and submitting the confirmation again, round the page, is refused and put on the audit trail
    token = page.locator("input[name=csrfmiddlewaretoken]").first.input_value()
    again = page.request.post(page.url, form={"csrfmiddlewaretoken": token, "confirm": "on"})
    assert "Acknowledgements cannot be changed" in again.text()
    assert AuditEvent.objects.filter(action="acknowledgement.change_refused", actor=employee).exists()
    assert Acknowledgement.objects.get(person=employee).at == ack.at


def test_a_service_manager_sees_overdue_people_escalated_and_chases_one(
    page, sign_in, assert_accessible, comms_officer, service_manager, employee
):
    # given a campaign whose due date has passed, and the reminders task has run
    campaign = CampaignFactory(audience="team", team=employee.team, title="Cultural Services policy check")
    services.launch_campaign(campaign, by=comms_officer)
    Campaign.objects.filter(pk=campaign.pk).update(due_on=PINNED_DAY - dt.timedelta(days=1))
    campaign.refresh_from_db()
    services.send_due_messages(campaign)
    # when the service manager signs in
    sign_in(page, service_manager)
    panel = page.locator("section").filter(has_text="Your teams' policy acknowledgements")
    assert "1 of 1 in your teams still to acknowledge" in panel.inner_text() and "1 overdue" in panel.inner_text()
    panel.get_by_role("link", name="Cultural Services policy check").click()
    # then their team's overdue people are listed with the escalation shown
    row = page.get_by_role("row").filter(has_text=employee.full_name)
    assert "Overdue" in row.inner_text() and "Escalated to service manager" in row.inner_text()
    assert_accessible(page)
    row.get_by_role("button", name="Chase").click()
    assert f"Reminder sent to {employee.full_name}" in page.content()
    assert "Chased by hand" in page.get_by_role("row").filter(has_text=employee.full_name).inner_text()


def test_a_politically_restricted_employee_checks_a_post_during_a_pre_election_period(
    page, sign_in, assert_accessible, restricted_post_holder, monitoring_officer
):
    # given a borough election whose pre-election period has begun
    from herald.elections import services as elections

    elections.record_election(
        elections.ElectionDetails(kind="borough", poll_date=PINNED_DAY + dt.timedelta(days=14)),
        by=monitoring_officer,
    )
    sign_in(page, restricted_post_holder)
    page.get_by_role("link", name="Can I post this?").first.click()
    assert_accessible(page)
    # when they check a post sharing a party's message
    page.get_by_label("What do you want to post?").fill("Vote Conservative on Thursday, they will fix the potholes!")
    page.get_by_role("button", name="Check my post").click(timeout=30_000)  # the first check loads the engine
    # then they are told not to post it, why, and where the policy says so
    result = page.locator("#result").inner_text()
    assert "Do not post this" in result
    assert "politically restricted post" in result and "during a pre-election period" in result
    page.locator("#findings").get_by_role("link").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Politically restricted posts")
    assert_accessible(page)


def test_the_answer_to_can_i_post_this_takes_focus_on_a_phone(phone_page, sign_in, assert_accessible, employee):
    # given an employee on a phone, on "Can I post this?"
    page = phone_page
    sign_in(page, employee)
    page.goto("/policies/can-i-post-this/")
    # when they check a post that runs the council down
    page.get_by_label("What do you want to post?").fill(
        "The council is an absolute disgrace and the cabinet don't care about residents."
    )
    page.get_by_role("button", name="Check my post").click()
    # then the answer's heading has focus and is on screen, and it is advice citing the personal-use clause
    heading = page.get_by_role("heading", name="Worth knowing", level=2)
    expect(heading).to_be_focused()
    expect(heading).to_be_in_viewport()
    expect(page.locator("#findings")).to_contain_text("free to criticise the council")
    expect(page.locator("#findings").get_by_role("link")).to_have_text("Read “Your personal use of social media”")
    assert_accessible(page)


def test_comms_discard_a_draft_they_no_longer_want(page, sign_in, assert_accessible, comms_officer, policy_documents):
    # given a draft of the employee policy
    document = policy_documents["employee-policy"]
    published = document.published_version
    services.save_draft(
        document,
        body=published.body.replace("The policy is reviewed every year.", "The policy is reviewed every month."),
        change_summary="Monthly reviews",
        by=comms_officer,
    )
    sign_in(page, comms_officer)
    page.goto("/policies/employee-policy/draft/")
    # when they choose to discard it, read the warning and confirm
    page.get_by_role("link", name="Discard draft").click()
    assert "You cannot undo this" in page.locator(".govuk-warning-text").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Discard draft").click()
    # then they are back on the published policy, told it worked, and the draft is gone
    assert "Draft version 2 discarded" in page.locator(".govuk-notification-banner--success").inner_text()
    assert "Version 1 · Published" in page.locator(".govuk-caption-l").inner_text()
    assert_accessible(page)
    assert document.draft_version is None
    assert AuditEvent.objects.filter(action="policy.draft_discarded", actor=comms_officer).exists()


def test_the_folders_own_fixtures_make_their_records_on_the_pinned_clock(request, policy_documents):
    # The autouse fixture in this folder's conftest asks for the policy documents. The pinned clock must
    # be running before it, or the documents it installs (and their audit events) are dated today. The
    # first browser test in a worker finds the documents the data migration made, so the order is what
    # is checked every time, and the dates whenever this test's fixture installed them.
    order = request.node.fixturenames
    assert order.index("pinned_clock") < order.index("empty_acknowledgements_before_the_flush")
    installed = AuditEvent.objects.filter(action="policy.default_text_installed")
    assert {event.at.date() for event in installed} <= {PINNED_DAY}
