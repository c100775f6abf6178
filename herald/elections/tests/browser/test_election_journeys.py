"""Recording an election in real Chromium, and the pre-election banner that follows."""

import datetime as dt
import re

import pytest
import time_machine
from playwright.sync_api import expect

from herald.elections.models import Election
from testing.factories import CouncillorFactory

pytestmark = pytest.mark.browser

# The journey runs on a pinned clock, for the server under test as for the dates typed: 10:00 on Monday
# 2 March 2026 (GMT, so the UK day and the UTC day agree). The clock ticks on from there.
MONDAY_MORNING = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
TODAY = MONDAY_MORNING.date()


def _fill_date(page, name, day: dt.date):
    page.locator(f"#id_{name}_day").fill(str(day.day))
    page.locator(f"#id_{name}_month").fill(str(day.month))
    page.locator(f"#id_{name}_year").fill(str(day.year))


@time_machine.travel(MONDAY_MORNING, tick=True)
def test_comms_records_a_by_election_under_way_and_the_banner_appears(page, sign_in, assert_accessible, comms_officer):
    # given a ward in the members' register and no election in progress
    CouncillorFactory(ward="Groby")
    sign_in(page, comms_officer)
    assert page.locator(".herald-site-banner").count() == 0
    page.get_by_role("link", name="Elections").first.click()
    page.get_by_role("button", name="Record an election").click()
    assert_accessible(page)

    # when they record a by-election whose notice was published last week, later than the law allows
    poll = TODAY + dt.timedelta(weeks=3)
    page.get_by_label("Type of election").select_option("by_election")
    _fill_date(page, "poll_date", poll)
    page.get_by_label("Named wards only").check()
    page.get_by_label("Groby").check()
    _fill_date(page, "notice_published_on", TODAY - dt.timedelta(days=7))
    page.get_by_label("At the close of poll").check()
    page.get_by_role("button", name="Save election").click()

    # then Herald warns that the notice is later than the legal date and asks them to confirm
    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the page the form sent us to
    assert "later than the latest legal date" in page.locator("#late-notice-warning").inner_text()
    assert_accessible(page)
    page.get_by_label("I have checked").check()
    page.get_by_role("button", name="Save election").click()

    # and once saved, every page shows the pre-election banner linking to the rules
    assert page.get_by_role("heading", level=1).inner_text() == "Borough council by-election 2026: Groby ward"
    banner = page.locator(".herald-site-banner")
    assert "Pre-election period." in banner.inner_text()
    assert_accessible(page)
    banner.get_by_role("link", name="Read the pre-election rules").click()
    assert page.get_by_role("heading", level=1).inner_text() == "The pre-election period"
    assert_accessible(page)
    assert Election.objects.get().notice_is_late
