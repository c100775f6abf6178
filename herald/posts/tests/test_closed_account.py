"""A closed account posts nothing more: a post approved for it before it closed does not become ready
to publish at its time, and nobody is told to publish it."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from herald.audit.models import AuditEvent
from herald.errors import Refused
from herald.posts import services
from herald.posts.models import Post
from herald.posts.tests.factories import in_hours, shown_hash
from herald.social_accounts import services as register
from herald.social_accounts.models import Account

pytestmark = pytest.mark.django_db

CLEAN = "The leisure centre pool reopens on Monday after its refit. Book a swim online."


def _close(account, by):
    register.start_closing(
        account, by=by, reason="Merged into the main page", final_post_on=dt.date(2026, 1, 5), handover_notes=""
    )
    register.close_account(account, by=by, final_post_url="https://www.facebook.com/hinckleybosworth/posts/1")


def _approved(editor, account, comms_officer):
    post = services.write_post(
        accounts=[account], texts={account.platform: CLEAN}, scheduled_for=in_hours(48), by=editor
    )
    post = services.submit_for_approval(post[0], by=editor)
    return services.approve_post(post, by=comms_officer, seen_hash=shown_hash(post))


def test_a_post_approved_before_its_account_closed_does_not_go_out(editor, facebook, comms_officer):
    post = _approved(editor, facebook, comms_officer)
    _close(facebook, comms_officer)
    mail.outbox.clear()
    assert services.mark_ready_posts(now=in_hours(49)) == []
    post.refresh_from_db()
    assert post.status == Post.Status.CANCELLED
    assert "closed" in post.cancelled_reason
    assert not [m for m in mail.outbox if "ready to publish" in m.subject.lower()]
    assert AuditEvent.objects.filter(action="post.stopped_account_closed", object_id=str(post.pk)).exists()


def test_a_draft_for_a_closed_account_cannot_be_sent_for_approval(editor, facebook, comms_officer):
    post = services.write_post(
        accounts=[facebook], texts={facebook.platform: CLEAN}, scheduled_for=in_hours(48), by=editor
    )
    _close(facebook, comms_officer)
    with pytest.raises(Refused, match="closed"):
        services.submit_for_approval(post[0], by=editor)


def test_a_post_for_a_closed_account_cannot_be_approved(editor, facebook, comms_officer):
    post = services.write_post(
        accounts=[facebook], texts={facebook.platform: CLEAN}, scheduled_for=in_hours(48), by=editor
    )
    post = services.submit_for_approval(post[0], by=editor)
    _close(facebook, comms_officer)
    with pytest.raises(Refused, match="closed|not awaiting approval"):
        services.approve_post(post, by=comms_officer, seen_hash=shown_hash(post))
    post.refresh_from_db()
    assert post.status == Post.Status.CANCELLED  # closing the account cancelled it


def test_a_post_published_after_the_closure_cannot_be_recorded(editor, facebook, comms_officer):
    post = _approved(editor, facebook, comms_officer)
    services.mark_ready_posts(now=in_hours(49))
    _close(facebook, comms_officer)
    with pytest.raises(Refused, match="closed"):
        services.record_publication(post, url="https://www.facebook.com/hinckleybosworth/posts/2", by=editor)
    post.refresh_from_db()
    assert post.status == Post.Status.READY


def test_a_post_published_before_the_closure_can_still_be_recorded_with_its_time(editor, facebook, comms_officer):
    """Ready at 10:00 and published on the platform; the account closed at 10:30; recorded at 11:00. Refused,
    it would stay ready to publish for ever."""
    post = _approved(editor, facebook, comms_officer)
    services.mark_ready_posts(now=in_hours(49))
    went_out = timezone.now()
    with time_machine.travel(went_out + dt.timedelta(minutes=30), tick=False):
        _close(facebook, comms_officer)
    with time_machine.travel(went_out + dt.timedelta(minutes=60), tick=False):
        with pytest.raises(Refused, match="closed"):
            services.record_publication(
                post,
                url="https://www.facebook.com/hinckleybosworth/posts/2",
                by=editor,
                published_at=went_out + dt.timedelta(minutes=45),
            )
        services.record_publication(
            post, url="https://www.facebook.com/hinckleybosworth/posts/2", by=editor, published_at=went_out
        )
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED and post.published_at == went_out


def test_closing_an_account_cancels_its_posts_waiting_and_approved_and_tells_their_authors(
    editor, facebook, comms_officer, django_capture_on_commit_callbacks
):
    approved = _approved(editor, facebook, comms_officer)
    waiting = services.submit_for_approval(
        services.write_post(
            accounts=[facebook], texts={facebook.platform: CLEAN}, scheduled_for=in_hours(72), by=editor
        )[0],
        by=editor,
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _close(facebook, comms_officer)
    for post in (approved, waiting):
        post.refresh_from_db()
        assert post.status == Post.Status.CANCELLED and "closed" in post.cancelled_reason
        assert AuditEvent.objects.filter(action="post.stopped_account_closed", object_id=str(post.pk)).exists()
    told = [m for m in mail.outbox if editor.email in m.to and "Cancelled" in m.subject]
    assert len(told) == 2 and "has been closed" in told[0].body


def test_closing_an_account_leaves_a_ready_post_to_be_recorded(editor, facebook, comms_officer):
    post = _approved(editor, facebook, comms_officer)
    services.mark_ready_posts(now=in_hours(49))
    _close(facebook, comms_officer)
    post.refresh_from_db()
    assert post.status == Post.Status.READY


def test_an_approved_post_cancelled_at_its_time_tells_its_author(
    editor, facebook, comms_officer, django_capture_on_commit_callbacks
):
    """An account closed before closing stopped its posts (or by another way in): the post's time comes."""
    post = _approved(editor, facebook, comms_officer)
    Account.objects.filter(pk=facebook.pk).update(status=Account.Status.CLOSED)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.mark_ready_posts(now=in_hours(49)) == []
    post.refresh_from_db()
    assert post.status == Post.Status.CANCELLED
    assert [m for m in mail.outbox if editor.email in m.to and "Cancelled" in m.subject]
