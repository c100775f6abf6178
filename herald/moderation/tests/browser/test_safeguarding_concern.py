"""A moderator sees a child at risk in a comment and raises a safeguarding concern by hand; the lead
opens it and reports the child identified as an incident. Real Chromium, axe on every page."""

import pytest
from playwright.sync_api import expect

from herald.incidents.models import Incident
from herald.moderation.models import CommentFlag
from testing.factories import AccountFactory, comment

pytestmark = pytest.mark.browser


def test_a_concern_raised_by_hand_reaches_the_lead_who_reports_the_child(
    page, sign_in, assert_accessible, comms_officer, safeguarding_lead
):
    # given a comment naming a child, which the rules did not flag as a concern
    found = comment(AccountFactory(), "Saw Jack, 7, from Oakfield Primary walking home on his own again at 10pm")
    assert not found.flags.filter(kind=CommentFlag.Kind.SAFEGUARDING).exists()

    # when the communications officer raises a concern without saying what it is
    sign_in(page, comms_officer)
    page.goto(f"/inbox/comments/{found.pk}/")
    page.get_by_text("Raise a safeguarding concern").first.click()
    assert_accessible(page)
    page.get_by_role("button", name="Raise a safeguarding concern").click()
    # then the page says what to fix
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say what the concern is")
    assert_accessible(page)
    # and with the reason, the concern is raised
    page.get_by_label("What is the concern?").fill("A boy of seven out alone at 10pm")
    page.get_by_role("button", name="Raise a safeguarding concern").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Safeguarding concern raised")
    assert found.flags.get(kind=CommentFlag.Kind.SAFEGUARDING).raised_by == comms_officer

    # when the lead opens the comment and reports the child identified in it
    page.context.clear_cookies()
    sign_in(page, safeguarding_lead)
    page.goto(f"/inbox/comments/{found.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Report a child identified in this comment").click()
    assert_accessible(page)
    page.get_by_label("Summary").fill("Jack, 7, named with his school")
    page.get_by_label("What happened, when and where").fill("A resident's comment names him and his school.")
    page.get_by_role("button", name="Report the incident").click()
    # then the incident's playbook is the child's
    expect(page.get_by_text("Contact the child's school or parent or guardian")).to_be_visible()
    assert_accessible(page)
    assert Incident.objects.get(kind="child_identified").comment_id == found.pk
