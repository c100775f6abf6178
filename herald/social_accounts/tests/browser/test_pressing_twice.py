"""Removing an editor from a form opened twice: the second press is told why nothing more happened, in
the error summary, and the page passes axe, in real Chromium."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from herald.audit.models import AuditEvent
from herald.social_accounts.tests.factories import AccountFactory
from testing.factories import PersonFactory

pytestmark = pytest.mark.browser


def test_a_second_press_of_remove_editor_shows_an_accessible_refusal(
    page, sign_in, assert_accessible, comms_officer, editor, second_editor, team, service_manager
):
    # given an account with three editors, and the form to remove one open in two tabs
    third = PersonFactory(team=team, is_trained_editor=True)
    account = AccountFactory(team=team, service_manager=service_manager, editors=[editor, second_editor, third])
    sign_in(page, comms_officer)
    other = page.context.new_page()
    for tab in (page, other):
        tab.goto(reverse("social_accounts:editor_remove", args=[account.pk, editor.pk]))
        tab.get_by_label("Reason for removing them").fill("Moved to Planning")
    # when the first tab removes them, and the second is pressed after
    other.get_by_role("button", name="Remove editor").click()
    other.wait_for_load_state()
    page.get_by_role("button", name="Remove editor").click()
    # then the second is told they are no longer an editor, in the error summary, and nothing more happens
    expect(page.locator(".govuk-error-summary")).to_contain_text(f"{editor.full_name} is not an editor of this account")
    assert AuditEvent.objects.for_object(account).filter(action="account.editor_removed").count() == 1
    assert_accessible(page)
