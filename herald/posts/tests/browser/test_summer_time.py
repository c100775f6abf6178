"""Times typed in summer are UK time (BST, an hour ahead of UTC): what an editor types is what Herald
stores, shows and publishes at, never an hour off."""

import datetime as dt

import pytest

from herald.posts.models import Post
from testing.browser import PINNED_SUMMER_MORNING, fill_date

pytestmark = [
    pytest.mark.browser,
    pytest.mark.usefixtures("pinned_clock"),
    pytest.mark.pinned_at(PINNED_SUMMER_MORNING),
]

BST = dt.timezone(dt.timedelta(hours=1))


def test_a_post_scheduled_for_half_past_nine_on_a_june_morning_goes_out_at_half_past_nine_uk_time(
    page, sign_in, editor, comms_officer, facebook
):
    # given an editor writing a post at 08:00 on Monday 15 June 2026, UK time
    sign_in(page, editor)
    page.goto("/posts/write/")
    page.get_by_label("Text for Facebook").fill("The leisure centre pool reopens today after its refit.")
    # when they first type 07:30 that morning: an hour and a half ago by the wall clock (though 07:30
    # UTC is still to come), so it is refused
    fill_date(page, "When should it go out?", dt.datetime(2026, 6, 15, 7, 30))
    page.get_by_role("button", name="Send for approval").click()
    assert "The scheduled time must be in the future" in page.content()
    assert not Post.objects.exists()
    # when they schedule it for 09:30 that morning, as the clocks on the wall say
    fill_date(page, "When should it go out?", dt.datetime(2026, 6, 15, 9, 30))
    page.get_by_role("button", name="Send for approval").click()
    assert "Sent for approval" in page.content()
    # then Herald keeps 09:30 UK time (08:30 UTC), not 09:30 UTC (10:30 on the wall)
    post = Post.objects.get()
    assert post.scheduled_for == dt.datetime(2026, 6, 15, 9, 30, tzinfo=BST)
    # and the post's page shows the time they typed
    page.goto(f"/posts/{post.pk}/")
    assert "Monday 15 June 2026 at 9:30am" in page.locator("main").inner_text()
