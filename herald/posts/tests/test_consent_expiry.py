"""Consent has an end date: a photo whose consent runs out before the day a post goes out may not be
sent for approval for that day, and an approved post whose photo's consent has run out by its time goes
no further: it expires with the reason, and its author is told to reopen it and change the media."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.html import escape

from herald.audit.models import AuditEvent
from herald.consents.tests.factories import ConsentRecordFactory, photo_showing
from herald.errors import Refused
from herald.posts import services
from herald.posts.models import Post
from herald.posts.tests.factories import in_hours

pytestmark = pytest.mark.django_db

TEXT = "Thank you to everyone who came to the Bosworth Medieval Festival this weekend."


def consent_until(day: dt.date):
    return ConsentRecordFactory(
        subject_name="Asha Patel", channels=["website", "facebook", "instagram", "x"], expires_on=day
    )


def post_with(record, *, editor, facebook, hours: int):
    return services.write_post(
        accounts=[facebook],
        texts={"facebook": TEXT},
        scheduled_for=in_hours(hours),
        media=[photo_showing(record, by=editor)],
        by=editor,
    )[0]


def test_a_photo_whose_consent_ends_before_the_post_goes_out_cannot_be_sent_for_approval(editor, facebook):
    record = consent_until(timezone.localdate() + dt.timedelta(days=2))
    post = post_with(record, editor=editor, facebook=facebook, hours=24 * 5)
    with pytest.raises(Refused) as refused:
        services.submit_for_approval(post, by=editor)
    assert "the day it goes out" in str(refused.value) and "expired" in str(refused.value)
    post.refresh_from_db()
    assert post.status == Post.Status.DRAFT


def test_the_same_photo_may_go_out_before_its_consent_ends(editor, facebook, comms_officer):
    record = consent_until(timezone.localdate() + dt.timedelta(days=10))
    post = services.submit_for_approval(post_with(record, editor=editor, facebook=facebook, hours=24 * 5), by=editor)
    assert post.status == Post.Status.AWAITING_APPROVAL


def test_an_approved_post_whose_photos_consent_ran_out_does_not_go_out_and_its_author_is_told(
    editor, facebook, comms_officer, django_capture_on_commit_callbacks
):
    record = consent_until(timezone.localdate() + dt.timedelta(days=10))
    post = services.submit_for_approval(post_with(record, editor=editor, facebook=facebook, hours=24 * 5), by=editor)
    services.approve_post(post, by=comms_officer)
    post.refresh_from_db()
    assert post.status == Post.Status.APPROVED
    # the consent record is changed to end sooner (the person asked for a shorter period)
    type(record).objects.filter(pk=record.pk).update(expires_on=timezone.localdate() + dt.timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Refused):
        services.mark_post_ready(post, now=post.scheduled_for)
    post.refresh_from_db()
    assert post.status == Post.Status.EXPIRED
    assert "expired" in post.sent_back_reasons
    assert AuditEvent.objects.filter(action="post.returned_media_unusable", object_id=str(post.pk)).exists()
    assert any(m.subject.startswith("Not published") and editor.email in m.to for m in mail.outbox)
    # the minute-by-minute task leaves it alone from then on, and its author can reopen it to fix it
    assert services.mark_ready_posts(now=post.scheduled_for) == []
    assert services.reopen_post(post, by=editor).status == Post.Status.DRAFT


def test_the_page_of_a_post_expired_for_its_media_says_why(client, editor, facebook, comms_officer):
    # given an approved post whose photo's consent was shortened, so it expired at its time
    record = consent_until(timezone.localdate() + dt.timedelta(days=10))
    post = services.submit_for_approval(post_with(record, editor=editor, facebook=facebook, hours=24 * 5), by=editor)
    services.approve_post(post, by=comms_officer)
    type(record).objects.filter(pk=record.pk).update(expires_on=timezone.localdate() + dt.timedelta(days=1))
    with pytest.raises(Refused):
        services.mark_post_ready(post, now=post.scheduled_for)
    post.refresh_from_db()
    # when its author opens it
    client.force_login(editor)
    page = client.get(f"/posts/{post.pk}/").content.decode()
    # then the page gives the reasons it did not go out, and what to do, not that nobody approved it
    assert 'id="expired-reasons"' in page and escape(post.sent_back_reasons) in page
    assert "Reopen it as a draft, change the photos or videos and give it a new time" in page
    assert "not approved before its scheduled time" not in page
