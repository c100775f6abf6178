"""A post goes out on its scheduled day, so the pre-election rules that matter are the ones in force on
that day: a post approved before a period, or approved now for a day inside one, is held for the
communications team and checked in pre-election mode before it can become ready to publish."""

import datetime as dt

import pytest
from django.utils import timezone

from herald.elections.tests.factories import ElectionFactory
from herald.posts import services
from herald.posts.models import Post
from herald.posts.tests.factories import shown_hash, tier
from testing.factories import CouncillorFactory

pytestmark = pytest.mark.django_db

NAMING = "Cllr Stuart Bray opened the new play area in Burbage today."


def _at_ten(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(10, 0), tzinfo=timezone.get_current_timezone())


def _election_from(first_day: dt.date) -> None:
    ElectionFactory(poll_date=first_day + dt.timedelta(days=20), notice_published_on=first_day)


def test_a_post_approved_before_a_period_for_a_day_inside_it_is_held_for_comms(
    editor, facebook, service_manager, comms_officer
):
    # given a post naming a councillor, approved today for a day that falls in a period recorded later
    CouncillorFactory(first_name="Stuart", last_name="Bray", ward="Burbage")
    tier(facebook, 1, "any", service_manager)
    out_on = timezone.localdate() + dt.timedelta(days=10)
    post = services.write_post(
        accounts=[facebook], texts={facebook.platform: NAMING}, scheduled_for=_at_ten(out_on), by=editor
    )[0]
    post = services.submit_for_approval(post, by=editor)
    services.approve_post(post, by=service_manager, seen_hash=shown_hash(post))
    post.refresh_from_db()
    assert post.status == Post.Status.APPROVED and not post.pre_election
    # when an election is recorded whose period has begun by the day the post goes out
    _election_from(out_on - dt.timedelta(days=3))
    [routed] = services.route_waiting_posts_for_pre_election()
    # then it waits again, for the communications team, and is checked under the pre-election rules
    routed.refresh_from_db()
    assert routed.status == Post.Status.AWAITING_APPROVAL
    assert routed.pre_election and routed.report["pre_election"] and routed.blocking
    assert routed.current_tier == 2 and routed.plan[1]["comms"]
    # and when its time comes it is not marked ready to publish
    assert services.mark_ready_posts(now=_at_ten(out_on) + dt.timedelta(minutes=1)) == []


def test_a_post_sent_now_for_a_day_inside_a_coming_period_needs_comms(editor, facebook, service_manager, comms_officer):
    tier(facebook, 1, "any", service_manager)
    out_on = timezone.localdate() + dt.timedelta(days=10)
    _election_from(out_on - dt.timedelta(days=3))
    post = services.write_post(
        accounts=[facebook],
        texts={facebook.platform: "The leisure centre pool reopens after its refit. Book a swim online."},
        scheduled_for=_at_ten(out_on),
        by=editor,
    )[0]
    post = services.submit_for_approval(post, by=editor)
    assert post.pre_election and len(post.plan) == 2 and post.plan[1]["comms"]
    services.approve_post(post, by=service_manager, seen_hash=shown_hash(post))
    post.refresh_from_db()
    assert post.status == Post.Status.AWAITING_APPROVAL and post.current_tier == 2


def test_an_approved_post_whose_time_comes_inside_a_period_is_not_made_ready_unreviewed(
    editor, facebook, service_manager, comms_officer
):
    # the routing task has not run yet (it runs every five minutes; marking ready runs every minute)
    tier(facebook, 1, "any", service_manager)
    out_on = timezone.localdate() + dt.timedelta(days=10)
    post = services.write_post(
        accounts=[facebook],
        texts={facebook.platform: "The leisure centre pool reopens after its refit. Book a swim online."},
        scheduled_for=_at_ten(out_on),
        by=editor,
    )[0]
    post = services.submit_for_approval(post, by=editor)
    services.approve_post(post, by=service_manager, seen_hash=shown_hash(post))
    _election_from(out_on - dt.timedelta(days=3))
    assert services.mark_ready_posts(now=_at_ten(out_on) + dt.timedelta(minutes=1)) == []
    post.refresh_from_db()
    assert post.status != Post.Status.READY and post.pre_election
