"""Cancelling an election from a form opened before someone else cancelled it: the error summary says
so, and the page passes axe, in real Chromium."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from herald.elections.models import Election
from herald.elections.tests.factories import ElectionFactory

pytestmark = pytest.mark.browser


def test_cancelling_an_election_already_cancelled_shows_an_accessible_error(
    page, sign_in, assert_accessible, monitoring_officer
):
    # given an election, and its cancel form open in two tabs
    election = ElectionFactory()
    sign_in(page, monitoring_officer)
    other = page.context.new_page()
    for tab in (page, other):
        tab.goto(reverse("elections:cancel", args=[election.pk]))
        tab.get_by_label("Why is the election being cancelled?").fill("Entered twice by mistake")
    # when it is cancelled in one tab, then again in the other
    other.get_by_role("button", name="Cancel the election").click()
    other.wait_for_load_state()
    page.get_by_role("button", name="Cancel the election").click()
    # then the second is told it was already cancelled, in the error summary, and nothing changes
    expect(page.locator(".govuk-error-summary")).to_contain_text("This election was already cancelled on")
    election.refresh_from_db()
    assert election.cancelled_reason == "Entered twice by mistake"
    assert Election.objects.get(pk=election.pk).cancelled_at is not None
    assert_accessible(page)
