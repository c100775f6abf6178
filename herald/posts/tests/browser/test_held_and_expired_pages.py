"""A post held for the communications team past its time, then expired as pending too long: its page
explains each state, and passes axe, in real Chromium."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from herald.elections.tests.factories import ElectionFactory
from herald.posts import services
from herald.posts.models import Post
from herald.posts.tests.factories import shown_hash, tier
from testing.browser import PINNED_DAY

# Dates typed and records made run on a pinned clock (testing.browser's PINNED_MORNING), not today's.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("pinned_clock")]

POOL = "The leisure centre pool reopens after its refit. Book a swim online."


def test_a_post_held_past_its_time_then_expired_explains_each_state_accessibly(
    page, sign_in, assert_accessible, editor, facebook, service_manager, comms_officer
):
    # given a post approved for a day ten days ahead, and a pre-election period recorded later covering it
    tier(facebook, 1, "any", service_manager)
    out_on = PINNED_DAY + dt.timedelta(days=10)
    at_ten = dt.datetime.combine(out_on, dt.time(10, 0), tzinfo=timezone.get_current_timezone())
    post = services.write_post(accounts=[facebook], texts={facebook.platform: POOL}, scheduled_for=at_ten, by=editor)[0]
    post = services.submit_for_approval(post, by=editor)
    services.approve_post(post, by=service_manager, seen_hash=shown_hash(post))
    ElectionFactory(poll_date=out_on + dt.timedelta(days=17), notice_published_on=out_on - dt.timedelta(days=3))
    # when its time comes it is held for the communications team
    services.mark_ready_posts(now=at_ten + dt.timedelta(minutes=1))
    post.refresh_from_db()
    assert post.held_past_its_time
    sign_in(page, comms_officer)
    page.goto(reverse("posts:detail", args=[post.pk]))
    # then its page warns that its time passed while held
    expect(page.locator("#held-past-its-time")).to_contain_text("passed while it was held for the communications team")
    assert_accessible(page)
    # and when nobody decides it for 90 days after the hold, it expires and its page says why
    expired = services.expire_overdue_posts(now=post.held_at + dt.timedelta(days=91))
    assert [p.pk for p in expired] == [post.pk]
    page.reload()
    expect(page.locator("#post-status")).to_contain_text("Expired")
    expect(page.locator("main")).to_contain_text("it was pending approval for too long")
    assert Post.objects.get(pk=post.pk).status == Post.Status.EXPIRED
    assert_accessible(page)
