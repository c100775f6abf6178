"""Working the inbox in real Chromium: filter, open a comment, assign it, add a note, and a bulk action."""

import re

import pytest
from playwright.sync_api import expect

from herald.moderation.models import Comment
from testing.factories import AccountFactory, comment

pytestmark = pytest.mark.browser


def test_a_moderator_filters_assigns_notes_and_acts_on_many(page, sign_in, assert_accessible, comms_officer):
    # given comments on the council's Facebook page: a complaint and two spam comments
    account = AccountFactory(platform="facebook", display_name="Hinckley and Bosworth Council")
    complaint = comment(account, "I want to make a formal complaint about the bin crew blocking Castle Street")
    spam = [comment(account, "Cheap Ray-Bans 80% off today only"), comment(account, "Earn £500 a day from home")]
    sign_in(page, comms_officer)

    # when the moderator filters the inbox to complaints
    page.goto("/inbox/")
    assert_accessible(page)
    page.get_by_label("Flag").select_option("complaint")
    page.get_by_role("button", name="Apply filters").click()

    # then only the complaint is listed
    results = page.locator("#inbox-results")
    expect(results).to_contain_text("formal complaint")
    expect(results).not_to_contain_text("Ray-Bans")

    # when they give an end date before the start date, the filter says so where they are working
    # (each date is sent as it changes; the test waits for each answer, as a person's typing would)
    with page.expect_response(lambda answer: "/inbox/" in answer.url):
        page.get_by_label("Received from").fill("2026-12-05")
    with page.expect_response(lambda answer: "/inbox/" in answer.url):
        page.get_by_label("Received to").fill("2026-12-01")
    summary = page.locator("#inbox-filters .govuk-error-summary")
    expect(summary).to_contain_text("Enter a date on or after")
    expect(page.locator("#inbox-received_to-error")).to_contain_text("Enter a date on or after")
    # and the list does not show comments as if the filter had found them
    expect(results).to_contain_text("Fix the filter to see comments.")
    expect(results).not_to_contain_text("formal complaint")
    assert_accessible(page)
    # and once it is put right, the errors go and the complaint is still the one listed
    with page.expect_response(lambda answer: "/inbox/" in answer.url):
        page.get_by_label("Received to").fill("")
    expect(summary).to_have_count(0)
    expect(page.locator("#inbox-received_to-error")).to_have_count(0)
    with page.expect_response(lambda answer: "/inbox/" in answer.url):
        page.get_by_label("Received from").fill("")
    expect(results).to_contain_text("formal complaint")
    expect(page.get_by_label("Flag")).to_have_value("complaint")

    # when they open it, assign it to themselves and add a note
    page.get_by_role("link", name="I want to make a formal complaint").click()
    expect(page.get_by_role("heading", name="Complaint")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Assign to").select_option(str(comms_officer.pk))
    page.get_by_role("button", name="Assign").click()
    expect(page.locator(".govuk-summary-list").first).to_contain_text(f"with {comms_officer.full_name}")
    page.get_by_label("Add an internal note").fill("Logged with the complaints team as C-2291")
    page.get_by_role("button", name="Add note").click()
    expect(page.locator(".herald-note")).to_contain_text("C-2291")

    # when they select both spam comments in the inbox and mark them as needing no action
    page.goto("/inbox/")
    for item in spam:
        page.locator(f"#select-{item.pk}").check()
    page.get_by_label("With the selected comments").select_option("status:no_action")
    page.get_by_role("button", name="Apply to selected").click()

    # then both are handled and the complaint stays assigned
    expect(page.get_by_text("2 comments updated")).to_be_visible()
    assert set(Comment.objects.filter(pk__in=[s.pk for s in spam]).values_list("status", flat=True)) == {"no_action"}
    complaint.refresh_from_db()
    assert (complaint.status, complaint.assignee) == ("assigned", comms_officer)
    assert_accessible(page)


def test_two_filters_changed_in_quick_succession_both_apply(page, sign_in, comms_officer):
    # given a complaint and spam on the council's page
    account = AccountFactory(platform="facebook", display_name="Hinckley and Bosworth Council")
    comment(account, "I want to make a formal complaint about the bin crew blocking Castle Street")
    comment(account, "Cheap Ray-Bans 80% off today only")
    sign_in(page, comms_officer)
    page.goto("/inbox/")
    results = page.locator("#inbox-results")
    expect(results).to_contain_text("Ray-Bans")
    # when the moderator changes two filters one straight after the other, without waiting for the list
    page.get_by_label("Flag").select_option("complaint")
    page.get_by_label("Received to").fill("2000-01-01")
    # then the list answers the filter as it now stands (both changes), not the first change alone
    expect(results).not_to_contain_text("formal complaint")
    expect(results).not_to_contain_text("Ray-Bans")
    expect(page).to_have_url(re.compile(r"(?=.*flag=complaint)(?=.*received_to=2000-01-01)"))
