"""A closed account posts nothing more: a post approved for it before it closed does not become ready
to publish at its time, and nobody is told to publish it."""

import datetime as dt

import pytest
from django.core import mail

from herald.audit.models import AuditEvent
from herald.errors import Refused
from herald.posts import services
from herald.posts.models import Post
from herald.posts.tests.factories import in_hours, shown_hash
from herald.social_accounts import services as register

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
    with pytest.raises(Refused, match="closed"):
        services.approve_post(post, by=comms_officer, seen_hash=shown_hash(post))
    post.refresh_from_db()
    assert post.status == Post.Status.AWAITING_APPROVAL


def test_its_author_cannot_record_publishing_it_once_the_account_is_closed(editor, facebook, comms_officer):
    post = _approved(editor, facebook, comms_officer)
    services.mark_ready_posts(now=in_hours(49))
    _close(facebook, comms_officer)
    with pytest.raises(Refused, match="closed"):
        services.record_publication(post, url="https://www.facebook.com/hinckleybosworth/posts/2", by=editor)
    post.refresh_from_db()
    assert post.status != Post.Status.PUBLISHED
