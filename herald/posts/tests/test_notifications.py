"""Who is told what as a post moves from draft to publication: one test per message."""

import datetime as dt

import pytest
from django.core import mail

from herald.consents import services as consents
from herald.consents.tests.factories import ConsentRecordFactory, photo_showing
from herald.dates import uk_datetime
from herald.people.roles import Role
from herald.posts import services
from herald.posts.models import Post
from herald.posts.tests.factories import in_hours
from testing.factories import PersonFactory

CLEAN = "The leisure centre pool reopens on Monday. Book a swim online."


@pytest.fixture
def told(django_capture_on_commit_callbacks):
    """Run an action and return the emails it sent, once its transaction has committed."""

    def run(action, *args, **kwargs):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            result = action(*args, **kwargs)
        return list(mail.outbox), result

    return run


def _draft(editor, account, **kwargs):
    return services.write_post(
        accounts=[account], texts={account.platform: CLEAN}, scheduled_for=in_hours(48), by=editor, **kwargs
    )[0]


def test_the_approvers_are_asked_to_approve_a_post_with_its_text(
    told, editor, comms_officer, another_comms_officer, facebook
):
    post = _draft(editor, facebook)
    [message], _ = told(services.submit_for_approval, post, by=editor)
    assert message.to == sorted([comms_officer.email, another_comms_officer.email])
    assert message.subject == "Post to approve: Hinckley & Bosworth Borough Council"
    assert f"{editor.full_name} wrote a post for {facebook} that needs your approval (tier 1 of 1)." in message.body
    assert f"\n\n{CLEAN}\n\nReview it: " in message.body and f"/posts/{post.pk}/" in message.body


def test_the_author_is_told_when_the_post_is_approved_and_when_it_will_go(told, editor, comms_officer, facebook):
    post = services.submit_for_approval(_draft(editor, facebook), by=editor)
    [message], _ = told(services.approve_post, post, by=comms_officer)
    assert message.to == [editor.email]
    assert message.subject == "Approved: your post for Hinckley & Bosworth Borough Council"
    assert f"Herald will tell you when it is time to publish it ({uk_datetime(post.scheduled_for)})." in message.body


def test_the_author_is_told_why_the_post_was_sent_back(told, editor, comms_officer, facebook):
    post = services.submit_for_approval(_draft(editor, facebook), by=comms_officer)
    [message], _ = told(services.send_back, post, by=comms_officer, reasons="  Add the booking link  ")
    assert message.to == [editor.email]
    assert message.subject == "Sent back: your post for Hinckley & Bosworth Borough Council"
    assert message.body.startswith(f"{comms_officer.full_name} sent your post back:\n\nAdd the booking link\n\n")


def test_the_author_is_told_an_unapproved_post_expired(told, editor, facebook, comms_officer):
    post = services.submit_for_approval(_draft(editor, facebook), by=editor)
    [message], _ = told(services.expire_overdue_posts, now=post.scheduled_for + dt.timedelta(minutes=1))
    assert message.to == [editor.email]
    assert message.subject == "Expired: your post for Hinckley & Bosworth Borough Council"
    assert f"Your post for {facebook} expired: not approved before its scheduled time. You can reopen" in message.body


def test_the_author_and_editors_are_told_an_approved_post_is_due(told, editor, comms_officer, facebook):
    other_editor = PersonFactory(roles=[Role.EDITOR], is_trained_editor=True)
    facebook.editor_links.create(person=other_editor)
    post = services.submit_for_approval(_draft(editor, facebook), by=editor)
    services.approve_post(post, by=comms_officer)
    [message], _ = told(services.mark_ready_posts, now=post.scheduled_for)
    assert message.to == sorted([editor.email, other_editor.email])
    assert message.subject == "Ready to publish: Hinckley & Bosworth Borough Council"
    assert f"Publish it on Facebook exactly as approved, then record its address in Herald:\n\n{CLEAN}" in message.body
    assert f"/posts/{post.pk}/publish/" in message.body


def test_the_author_is_told_a_post_stopped_because_consent_was_withdrawn(told, editor, comms_officer, facebook):
    record = ConsentRecordFactory(email="")
    post = _draft(editor, facebook, media=[photo_showing(record, by=editor)])
    sent, _ = told(consents.withdraw_consent, record, by=comms_officer, reason="Phoned in")
    [message] = [m for m in sent if m.subject.startswith("Stopped")]
    assert message.to == [editor.email]
    assert message.subject == "Stopped: a post for Hinckley & Bosworth Borough Council"
    assert "Consent was withdrawn by someone shown in its media, so this post will not be published." in message.body
    post.refresh_from_db()
    assert post.status == Post.Status.CANCELLED
