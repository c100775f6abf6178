"""A post sent to the communications team only because of a pre-election period goes back to its own
approval route when that period is called off (the election cancelled, or its dates corrected so the post
no longer falls inside it). Posts at comms for other reasons stay there."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from herald.audit.models import AuditEvent
from herald.elections import services as elections
from herald.elections.tests.factories import election_details
from herald.posts import services, tasks
from herald.posts.models import Post
from herald.posts.tests.factories import shown_hash, tier

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(dt.datetime(2026, 11, 24, 9, tzinfo=dt.UTC))]

POOL = "The leisure centre pool reopens after its refit. Book a swim online."


def _at_ten(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(10, 0), tzinfo=timezone.get_current_timezone())


def _submitted(account, *, by, out_on=dt.date(2026, 12, 4)) -> Post:
    post = services.write_post(
        accounts=[account], texts={account.platform: POOL}, scheduled_for=_at_ten(out_on), by=by
    )[0]
    return services.submit_for_approval(post, by=by)


@pytest.fixture
def election(comms_officer, django_capture_on_commit_callbacks):
    """A poll on 10 December 2026, its period under way on 24 November."""
    with django_capture_on_commit_callbacks(execute=True):
        return elections.record_election(election_details(), by=comms_officer)


def test_a_post_at_comms_only_for_the_period_is_approved_when_the_election_is_cancelled(
    client, election, editor, facebook, service_manager, comms_officer, django_capture_on_commit_callbacks
):
    # given a post its own approver has approved, now waiting for comms because of the period
    tier(facebook, 1, "any", service_manager)
    post = _submitted(facebook, by=editor)
    services.approve_post(post, by=service_manager, seen_hash=shown_hash(post))
    post.refresh_from_db()
    assert post.status == Post.Status.AWAITING_APPROVAL and post.current_tier == 2 and post.plan[1]["pre_election"]
    mail.outbox.clear()
    # when the election is cancelled on its page
    client.force_login(comms_officer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/elections/{election.pk}/cancel/", {"reason": "Poll countermanded"})
    # then the release of held posts is queued, and when it runs the post is approved on its own route
    assert DBTaskResult.objects.filter(task_path="herald.posts.tasks.release_posts_from_lapsed_periods").exists()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.release_posts_from_lapsed_periods.call() == 1
    post.refresh_from_db()
    assert post.status == Post.Status.APPROVED and not post.pre_election
    assert [t["label"] for t in post.plan] == [service_manager.full_name]
    assert not post.report["pre_election"]
    # and the author is emailed, with the date in the UK's way
    [message] = mail.outbox
    assert message.to == [editor.email]
    assert message.subject == f"Approved: your post for {facebook.display_name}"
    assert "4 December 2026 at 10am" in message.body and "No pre-election period covers it any more" in message.body
    # and the post's history says why
    event = AuditEvent.objects.for_object(post).get(action="post.released_from_pre_election")
    assert event.before["status"] == Post.Status.AWAITING_APPROVAL
    page = client.get(f"/posts/{post.pk}/").content.decode()
    assert "Back on its own approval route (pre-election period no longer covers it)" in page


def test_a_post_still_with_its_own_approver_loses_the_comms_tier_when_the_dates_are_corrected(
    election, editor, facebook, service_manager, comms_officer, django_capture_on_commit_callbacks
):
    # given a post waiting for its own approver, with comms added as a final tier for the period
    tier(facebook, 1, "any", service_manager)
    post = _submitted(facebook, by=editor)
    assert len(post.plan) == 2 and post.current_tier == 1
    # when the poll date is corrected to next May, so neither today nor 4 December is in the period
    with django_capture_on_commit_callbacks(execute=True):
        elections.update_election(
            election, election_details(poll_date=dt.date(2027, 5, 6), notice_published_on=None), by=comms_officer
        )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        [released] = services.release_posts_from_lapsed_periods()
    # then it waits for its own approver only, and approving it approves the post
    post.refresh_from_db()
    assert post.status == Post.Status.AWAITING_APPROVAL and len(post.plan) == 1 and post.current_tier == 1
    assert mail.outbox[0].subject == f"Back to its approvers: your post for {facebook.display_name}"
    services.approve_post(post, by=service_manager, seen_hash=shown_hash(post))
    post.refresh_from_db()
    assert post.status == Post.Status.APPROVED


def test_posts_at_comms_for_other_reasons_stay_there(
    election, editor, x_account, comms_officer, django_capture_on_commit_callbacks
):
    # given an account with no approval rule: the communications team approve its posts anyway
    post = _submitted(x_account, by=editor)
    assert len(post.plan) == 1 and post.plan[0]["comms"]
    # when the election is cancelled and the release runs
    with django_capture_on_commit_callbacks(execute=True):
        elections.cancel_election(election, by=comms_officer, reason="Recorded in error")
    assert services.release_posts_from_lapsed_periods() == []
    # then it still waits for the communications team
    post.refresh_from_db()
    assert post.status == Post.Status.AWAITING_APPROVAL and post.plan[0]["comms"] and post.current_tier == 1


def test_a_post_still_covered_by_another_period_stays_with_comms(
    election, editor, facebook, service_manager, comms_officer, django_capture_on_commit_callbacks
):
    tier(facebook, 1, "any", service_manager)
    with django_capture_on_commit_callbacks(execute=True):
        elections.record_election(election_details(kind="county", name="County poll"), by=comms_officer)
    post = _submitted(facebook, by=editor)
    with django_capture_on_commit_callbacks(execute=True):
        elections.cancel_election(election, by=comms_officer, reason="Recorded in error")
    assert services.release_posts_from_lapsed_periods() == []
    post.refresh_from_db()
    assert post.pre_election and post.plan[-1]["pre_election"]


def test_while_publishing_is_stopped_a_lapsed_period_does_not_approve_the_post_until_it_restarts(
    election, editor, facebook, service_manager, comms_officer, django_capture_on_commit_callbacks
):
    # given a post its own approver has approved, waiting for comms only because of the period
    tier(facebook, 1, "any", service_manager)
    post = _submitted(facebook, by=editor)
    services.approve_post(post, by=service_manager, seen_hash=shown_hash(post))
    # and publishing stopped, then the election cancelled
    pause = services.stop_publishing(by=comms_officer, reason="Major incident: all posts stopped now")
    with django_capture_on_commit_callbacks(execute=True):
        elections.cancel_election(election, by=comms_officer, reason="Poll countermanded")
    # when the release runs, nobody could approve it now, so it is not approved
    assert services.release_posts_from_lapsed_periods() == []
    post.refresh_from_db()
    assert post.status == Post.Status.AWAITING_APPROVAL and post.plan[1]["pre_election"]
    # and once publishing restarts, the next run approves it on its own route
    services.release_publishing(pause, by=comms_officer)
    assert services.release_posts_from_lapsed_periods() == [post]
    post.refresh_from_db()
    assert post.status == Post.Status.APPROVED and not post.pre_election
