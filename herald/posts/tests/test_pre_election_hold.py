"""A post goes out on its scheduled day, so the pre-election rules that matter are the ones in force on
that day: a post approved before a period, or approved now for a day inside one, is held for the
communications team and checked in pre-election mode before it can become ready to publish."""

import datetime as dt

import pytest
from django.utils import timezone

from herald.audit.models import AuditEvent
from herald.elections.tests.factories import ElectionFactory
from herald.errors import Refused
from herald.posts import selectors, services
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


POOL = "The leisure centre pool reopens after its refit. Book a swim online."


def _approved(text: str, *, account, out_on: dt.date, by, approver) -> Post:
    post = services.write_post(
        accounts=[account], texts={account.platform: text}, scheduled_for=_at_ten(out_on), by=by
    )[0]
    post = services.submit_for_approval(post, by=by)
    services.approve_post(post, by=approver, seen_hash=shown_hash(post))
    post.refresh_from_db()
    assert post.status == Post.Status.APPROVED
    return post


def test_a_post_held_for_comms_at_its_own_time_stays_held_and_asks_for_a_new_time(
    client, time_machine, editor, facebook, service_manager, comms_officer
):
    # given an approved post, and a period recorded later that covers its day
    tier(facebook, 1, "any", service_manager)
    out_on = timezone.localdate() + dt.timedelta(days=10)
    post = _approved(POOL, account=facebook, out_on=out_on, by=editor, approver=service_manager)
    _election_from(out_on - dt.timedelta(days=3))
    # when its time comes, it is held for the communications team (the routing task had not reached it)
    time_machine.move_to(_at_ten(out_on) + dt.timedelta(minutes=1), tick=False)
    assert services.mark_ready_posts() == []
    # and the expiry task runs a minute later
    time_machine.move_to(_at_ten(out_on) + dt.timedelta(minutes=2), tick=False)
    assert services.expire_overdue_posts() == []
    # then it is still held for them, not expired
    post.refresh_from_db()
    assert post.status == Post.Status.AWAITING_APPROVAL and post.plan[-1]["comms"]
    # and its page tells them its time has passed and it needs a new one
    client.force_login(comms_officer)
    page = client.get(f"/posts/{post.pk}/").content.decode()
    assert "passed while it was held for the communications team" in page
    assert "give it a new time" in page
    # approving it as it stands is refused with that reason
    with pytest.raises(Refused, match="give it a new time"):
        services.approve_post(post, by=comms_officer, seen_hash=shown_hash(post))
    # once they give it a new time they can approve it, and it goes out then
    later = _at_ten(out_on + dt.timedelta(days=1))
    services.reschedule_post(post, scheduled_for=later, by=comms_officer)
    services.approve_post(post, by=comms_officer, seen_hash=shown_hash(post))
    post.refresh_from_db()
    assert post.status == Post.Status.APPROVED and post.scheduled_for == later


def test_a_held_post_not_approved_by_its_new_time_expires_as_any_other(
    time_machine, editor, facebook, service_manager, comms_officer
):
    tier(facebook, 1, "any", service_manager)
    out_on = timezone.localdate() + dt.timedelta(days=10)
    post = _approved(POOL, account=facebook, out_on=out_on, by=editor, approver=service_manager)
    _election_from(out_on - dt.timedelta(days=3))
    time_machine.move_to(_at_ten(out_on) + dt.timedelta(minutes=1), tick=False)
    services.mark_ready_posts()
    later = _at_ten(out_on + dt.timedelta(days=1))
    services.reschedule_post(post, scheduled_for=later, by=comms_officer)

    time_machine.move_to(later + dt.timedelta(minutes=1), tick=False)
    assert [p.pk for p in services.expire_overdue_posts()] == [post.pk]


def test_a_post_approved_months_ahead_and_held_at_its_time_is_not_expired_as_pending_too_long(
    time_machine, editor, facebook, service_manager, comms_officer
):
    # given a post sent for approval and approved four months before its day
    tier(facebook, 1, "any", service_manager)
    out_on = timezone.localdate() + dt.timedelta(days=120)
    post = _approved(POOL, account=facebook, out_on=out_on, by=editor, approver=service_manager)
    _election_from(out_on - dt.timedelta(days=3))
    # when it is held for the communications team at its time, and the expiry task runs
    time_machine.move_to(_at_ten(out_on) + dt.timedelta(minutes=1), tick=False)
    services.mark_ready_posts()
    time_machine.move_to(_at_ten(out_on) + dt.timedelta(minutes=2), tick=False)
    # then the months it waited approved do not count as pending: the team still has it to decide
    assert services.expire_overdue_posts() == []
    post.refresh_from_db()
    assert post.status == Post.Status.AWAITING_APPROVAL
    # and the 90 days count again from when it was held
    time_machine.move_to(_at_ten(out_on) + dt.timedelta(days=91), tick=False)
    assert [p.pk for p in services.expire_overdue_posts()] == [post.pk]


def test_an_approved_post_reopened_at_its_own_comms_tier_can_be_decided_by_the_team_again(
    editor, facebook, comms_officer
):
    # given a post the communications team approved (no rule: they are its only tier), naming a councillor
    CouncillorFactory(first_name="Stuart", last_name="Bray", ward="Burbage")
    out_on = timezone.localdate() + dt.timedelta(days=10)
    post = _approved(NAMING, account=facebook, out_on=out_on, by=editor, approver=comms_officer)
    assert post.plan[-1]["comms"] and len(post.plan) == 1
    # when a period covering its day makes the check block it
    _election_from(out_on - dt.timedelta(days=3))
    [routed] = services.route_waiting_posts_for_pre_election()
    routed.refresh_from_db()
    assert routed.status == Post.Status.AWAITING_APPROVAL and routed.blocking
    # then the one communications officer, who approved it before, may decide it again
    assert selectors.can_decide(routed, comms_officer)
    services.override_block(
        routed, by=comms_officer, justification="Factual report of a ward visit agreed with the monitoring officer"
    )
    services.approve_post(routed, by=comms_officer, seen_hash=shown_hash(routed))
    routed.refresh_from_db()
    assert routed.status == Post.Status.APPROVED


def test_a_wider_period_recorded_later_checks_an_approved_post_again(editor, facebook, service_manager, comms_officer):
    # given a post naming a Burbage councillor, approved under a by-election period for Groby ward only
    CouncillorFactory(first_name="Stuart", last_name="Bray", ward="Burbage")
    tier(facebook, 1, "any", service_manager)
    out_on = timezone.localdate() + dt.timedelta(days=10)
    ElectionFactory(
        kind="by_election", wards=["Groby"], poll_date=out_on + dt.timedelta(days=17), notice_published_on=out_on
    )
    post = services.write_post(
        accounts=[facebook], texts={facebook.platform: NAMING}, scheduled_for=_at_ten(out_on), by=editor
    )[0]
    post = services.submit_for_approval(post, by=editor)
    services.approve_post(post, by=service_manager, seen_hash=shown_hash(post))
    services.approve_post(post, by=comms_officer, seen_hash=shown_hash(post))
    post.refresh_from_db()
    assert post.status == Post.Status.APPROVED and post.pre_election and not post.blocking
    # when a whole-council election is recorded whose period covers the same day
    _election_from(out_on - dt.timedelta(days=3))
    routed = services.route_waiting_posts_for_pre_election()
    # then the post is checked again under the wider rules, and held for the communications team
    assert [p.pk for p in routed] == [post.pk]
    post.refresh_from_db()
    assert post.report["pre_election"] and post.report["pre_election_wards"] == [] and post.blocking
    assert post.status == Post.Status.AWAITING_APPROVAL
    # and, checked once, it is not checked again at the next run
    assert services.route_waiting_posts_for_pre_election() == []


def test_an_approved_post_nobody_on_the_communications_team_may_decide_again_goes_back_to_its_author(
    facebook, service_manager, comms_officer, mailoutbox, django_capture_on_commit_callbacks
):
    # given a council whose only communications officer wrote a post naming a councillor, approved by the
    # service manager for a day that falls in a period recorded later
    CouncillorFactory(first_name="Stuart", last_name="Bray", ward="Burbage")
    tier(facebook, 1, "any", service_manager)
    out_on = timezone.localdate() + dt.timedelta(days=10)
    post = services.write_post(
        accounts=[facebook], texts={facebook.platform: NAMING}, scheduled_for=_at_ten(out_on), by=comms_officer
    )[0]
    post = services.submit_for_approval(post, by=comms_officer)
    services.approve_post(post, by=service_manager, seen_hash=shown_hash(post))
    post.refresh_from_db()
    assert post.status == Post.Status.APPROVED
    # when the period is recorded, and the team must decide the post again
    _election_from(out_on - dt.timedelta(days=3))
    with django_capture_on_commit_callbacks(execute=True):
        [routed] = services.route_waiting_posts_for_pre_election()
    # then it does not wait for a decision nobody may give: it goes back to its author, who is told why
    routed.refresh_from_db()
    assert routed.status == Post.Status.SENT_BACK
    assert "nobody on the team may" in routed.sent_back_reasons
    assert AuditEvent.objects.for_object(routed).filter(action="post.sent_back").exists()
    [told] = [m for m in mailoutbox if comms_officer.email in m.to and "Sent back" in m.subject]
    assert "Herald sent your post back" in told.body
    # and it is not marked ready to publish when its time comes
    assert services.mark_ready_posts(now=_at_ten(out_on) + dt.timedelta(minutes=1)) == []
