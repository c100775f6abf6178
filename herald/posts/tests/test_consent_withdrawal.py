"""A withdrawal reaches every post that uses the person's photos: the posts app registers for it, and
tells the consent library which media each post uses through one call."""

import pytest
from django.core import mail
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.consents import services as consents
from herald.consents import withdrawal
from herald.consents.models import MediaUse
from herald.consents.tests.factories import ConsentRecordFactory, photo_showing
from herald.posts import services
from herald.posts.models import Post
from herald.posts.services import PostContent
from herald.posts.tests.factories import in_hours

pytestmark = pytest.mark.django_db

TEXT = "Thank you to everyone who came to the Bosworth Medieval Festival this weekend."


@pytest.fixture
def asha():
    return ConsentRecordFactory(subject_name="Asha Patel", channels=["website", "facebook", "instagram", "x"])


def draft_with(asset, *, by, account):
    return services.write_post(
        accounts=[account], texts={account.platform: TEXT}, scheduled_for=in_hours(48), media=[asset], by=by
    )[0]


def uses_of(post):
    return MediaUse.objects.filter(reference=f"post:{post.pk}")


def test_the_posts_app_registers_to_hear_of_withdrawals():
    assert services.stop_posts_for_withdrawn_consent in withdrawal.handlers()["post"]


def test_withdrawing_consent_stops_posts_that_use_the_persons_photo(
    asha, editor, facebook, comms_officer, django_capture_on_commit_callbacks
):
    # given a post waiting for approval with a photo of Asha, and another post without it
    post = services.submit_for_approval(
        draft_with(photo_showing(asha, by=editor), by=editor, account=facebook), by=editor
    )
    other = services.write_post(accounts=[facebook], texts={"facebook": TEXT}, scheduled_for=in_hours(48), by=editor)[0]
    # when Asha withdraws her consent
    with django_capture_on_commit_callbacks(execute=True):
        consents.withdraw_consent(asha, by=comms_officer, reason="Phoned in")
    # then her post is stopped, with the reason, audited, and its author is told; the other is untouched
    post.refresh_from_db(), other.refresh_from_db()
    assert post.status == Post.Status.CANCELLED and "Consent was withdrawn" in post.cancelled_reason
    assert other.status == Post.Status.DRAFT
    assert AuditEvent.objects.filter(action="post.stopped_consent_withdrawn", object_id=str(post.pk)).exists()
    assert any(m.subject.startswith("Stopped: a post") and editor.email in m.to for m in mail.outbox)
    assert [use.state for use in uses_of(post)] == [MediaUse.State.STOPPED]


def test_a_published_post_shows_its_takedown_task_until_it_is_done(
    asha, client, editor, facebook, comms_officer, service_manager
):
    # given a published post with a photo of Asha
    post = services.submit_for_approval(
        draft_with(photo_showing(asha, by=editor), by=editor, account=facebook), by=editor
    )
    services.approve_post(post, by=comms_officer)
    Post.objects.filter(pk=post.pk).update(status=Post.Status.READY)
    services.record_publication(post, url="https://www.facebook.com/hinckleybosworth/posts/1", by=editor)
    # when she withdraws
    consents.withdraw_consent(asha, by=comms_officer)
    # then the post keeps its record and its page links to the takedown task
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED
    [task] = services.open_takedowns(post)
    client.force_login(editor)
    page = client.get(reverse("posts:detail", args=[post.pk])).content.decode()
    assert reverse("consents:takedown", args=[task.pk]) in page


def test_editing_a_posts_media_keeps_the_consent_library_in_step(asha, editor, facebook):
    # given a draft with a photo of Asha
    first = photo_showing(asha, by=editor)
    post = draft_with(first, by=editor, account=facebook)
    assert [(u.asset, u.state) for u in uses_of(post)] == [(first, MediaUse.State.DRAFT)]
    # when the photo is swapped for another
    second = photo_showing(asha, by=editor)
    services.edit_post(post, PostContent(TEXT, post.scheduled_for, media=(second,)), by=editor)
    # then the first use stops and the second is recorded as a draft for the post's account
    states = {u.asset: u.state for u in uses_of(post)}
    assert states == {first: MediaUse.State.STOPPED, second: MediaUse.State.DRAFT}
    assert uses_of(post).get(asset=second).account == facebook
