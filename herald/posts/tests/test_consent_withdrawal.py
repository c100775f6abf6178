"""A withdrawal reaches every post that uses the person's photos: the posts app registers for it, and
tells the consent library which media each post uses through one call."""

import datetime as dt
import html
import threading

import pytest
from django.core import mail
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from herald.audit.models import AuditEvent
from herald.consents import services as consents
from herald.consents import withdrawal
from herald.consents.models import MediaUse, TakedownTask
from herald.consents.tests.factories import ConsentRecordFactory, photo_showing
from herald.posts import selectors, services
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
    [task] = selectors.open_takedowns(post)
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


def test_a_photo_taken_off_a_post_and_put_back_moves_on_with_the_post(asha, editor, facebook, comms_officer):
    # given a draft with a photo of Asha, taken off the post and then put back
    photo = photo_showing(asha, by=editor)
    post = draft_with(photo, by=editor, account=facebook)
    services.edit_post(post, PostContent(TEXT, post.scheduled_for, media=()), by=editor)
    services.edit_post(post, PostContent(TEXT, post.scheduled_for, media=(photo,)), by=editor)
    # when the post goes for approval
    services.submit_for_approval(post, by=editor)
    # then the photo's current use moves on with it and no draft use is left behind
    states = sorted(u.state for u in uses_of(post))
    assert states == sorted([MediaUse.State.STOPPED, MediaUse.State.SCHEDULED])


# --- Retention of posts that used photos ---


def published_long_ago(asset, *, by, approver, account):
    post = services.submit_for_approval(draft_with(asset, by=by, account=account), by=by)
    services.approve_post(post, by=approver)
    Post.objects.filter(pk=post.pk).update(status=Post.Status.READY)
    services.record_publication(post, url="https://www.facebook.com/hinckleybosworth/posts/1", by=by)
    Post.objects.filter(pk=post.pk).update(published_at=timezone.now() - dt.timedelta(days=365 * 7))
    return post


def test_a_post_that_used_a_photo_is_deleted_once_past_retention(asha, editor, facebook, comms_officer):
    # given a post with a photo of Asha, published seven years ago on an account that keeps posts six
    services.set_retention(facebook, years=6, legal_hold=False, by=comms_officer)
    post = published_long_ago(photo_showing(asha, by=editor), by=editor, approver=comms_officer, account=facebook)
    # when retention runs
    deleted = services.delete_past_retention()
    # then the post is deleted, and the photo's use stays in the library's history, no longer linked to it
    assert deleted == 1 and not Post.objects.filter(pk=post.pk).exists()
    assert not uses_of(post).exists()
    assert MediaUse.objects.filter(state=MediaUse.State.PUBLISHED, reference="").count() == 1


def test_an_open_takedown_keeps_a_post_past_retention_until_it_is_done(asha, editor, facebook, comms_officer):
    # given an old published post with a photo of Asha, who has withdrawn, so a takedown task is open
    services.set_retention(facebook, years=6, legal_hold=False, by=comms_officer)
    post = published_long_ago(photo_showing(asha, by=editor), by=editor, approver=comms_officer, account=facebook)
    consents.withdraw_consent(asha, by=comms_officer)
    # when retention runs, the record is kept for the takedown
    assert services.delete_past_retention() == 0 and Post.objects.filter(pk=post.pk).exists()
    # and once the takedown is done, the next run deletes it
    [task] = selectors.open_takedowns(post)
    consents.complete_takedown(task, by=comms_officer, outcome=TakedownTask.Outcome.REMOVED)
    assert services.delete_past_retention() == 1 and not Post.objects.filter(pk=post.pk).exists()


@pytest.mark.parametrize(
    ("act", "reason"),
    [
        (
            lambda record, by: consents.mark_do_not_publish(record, by=by, reason="Child placed for adoption"),
            "Someone shown in its media is flagged 'do not publish'",
        ),
        (
            lambda record, by: consents.erase_personal_details(record, by=by, reason="Erasure request"),
            "The personal details of someone shown in its media were erased",
        ),
        (
            lambda record, by: consents.withdraw_consent(record, by=by, reason="Phoned in"),
            "Consent was withdrawn by someone shown in its media",
        ),
    ],
)
def test_a_stopped_post_says_why_it_was_stopped(
    act, reason, asha, editor, facebook, comms_officer, client, django_capture_on_commit_callbacks
):
    # given a post waiting for approval with a photo of Asha
    post = services.submit_for_approval(
        draft_with(photo_showing(asha, by=editor), by=editor, account=facebook), by=editor
    )
    # when she is flagged "do not publish", her details are erased, or she withdraws
    with django_capture_on_commit_callbacks(execute=True):
        act(asha, comms_officer)
    # then the post is cancelled with that reason, which its page, its author's email and the trail give
    post.refresh_from_db()
    assert post.status == Post.Status.CANCELLED and post.cancelled_reason == reason
    client.force_login(editor)
    assert html.escape(f"Cancelled: {reason}") in client.get(reverse("posts:detail", args=[post.pk])).content.decode()
    [email] = [m for m in mail.outbox if m.subject.startswith("Stopped") and editor.email in m.to]
    assert email.body.startswith(f"{reason}, so this post will not be published.")
    event = AuditEvent.objects.get(action="post.stopped_consent_withdrawn", object_id=str(post.pk))
    assert event.reason == reason


@pytest.mark.parametrize(
    ("act", "words", "email_opening"),
    [
        (
            lambda record, by: consents.mark_do_not_publish(record, by=by, reason="Child placed for adoption"),
            "'Do not publish' flag",
            "Someone shown is now marked 'do not publish', in",
        ),
        (
            lambda record, by: consents.erase_personal_details(record, by=by, reason="Erasure request"),
            "Personal details erased",
            "The personal details of someone shown have been erased, in",
        ),
        (
            lambda record, by: consents.withdraw_consent(record, by=by, reason="Phoned in"),
            "Consent withdrawn",
            "Consent has been withdrawn by someone shown in",
        ),
    ],
)
def test_a_published_posts_takedown_says_why_it_must_come_down(
    act, words, email_opening, asha, client, editor, facebook, comms_officer, django_capture_on_commit_callbacks
):
    # given a published post with a photo of Asha
    post = services.submit_for_approval(
        draft_with(photo_showing(asha, by=editor), by=editor, account=facebook), by=editor
    )
    services.approve_post(post, by=comms_officer)
    Post.objects.filter(pk=post.pk).update(status=Post.Status.READY)
    services.record_publication(post, url="https://www.facebook.com/hinckleybosworth/posts/1", by=editor)
    mail.outbox.clear()
    # when she is flagged "do not publish", her details are erased, or she withdraws
    with django_capture_on_commit_callbacks(execute=True):
        act(asha, comms_officer)
    # then the post's page, the takedown page and the editors' email give that reason, not another
    [task] = selectors.open_takedowns(post)
    client.force_login(editor)
    page = client.get(reverse("posts:detail", args=[post.pk])).content.decode()
    assert html.escape(f"{words}: take down or review this post") in page
    takedown = client.get(reverse("consents:takedown", args=[task.pk])).content.decode()
    assert f'<span class="govuk-caption-l">{html.escape(words)}</span>' in takedown
    [email] = [m for m in mail.outbox if m.subject.startswith("Take down or review")]
    assert email.subject.endswith(f": {words.lower()}") and email.body.startswith(email_opening)


def test_a_withdrawn_photo_is_no_longer_served_through_its_post(
    asha, client, editor, facebook, comms_officer, another_comms_officer, service_manager
):
    # given a post with a photo of Asha and a photo of Ben, approved by a service manager at the first
    # tier and waiting for the communications team at the second
    from herald.posts.tests.factories import shown_hash, tier

    ben = ConsentRecordFactory(subject_name="Ben Okafor", channels=["facebook"])
    tier(facebook, 1, "any", service_manager)
    tier(facebook, 2, "any", comms_officer, another_comms_officer)
    hers, his = photo_showing(asha, by=editor), photo_showing(ben, by=editor)
    post = services.write_post(
        accounts=[facebook], texts={"facebook": TEXT}, scheduled_for=in_hours(48), media=[hers, his], by=editor
    )[0]
    services.submit_for_approval(post, by=editor)
    services.approve_post(post, by=service_manager, seen_hash=shown_hash(post))

    def links(asset):
        return [reverse(f"posts:media_{kind}", args=[post.pk, asset.pk]) for kind in ("thumbnail", "download")]

    for person in (editor, service_manager):
        client.force_login(person)
        served = [client.get(url) for url in links(hers) + links(his)]
        assert [response.status_code for response in served] == [200] * 4
        # a browser must ask again before showing any of them, so a withdrawal takes effect at once
        for response in served:
            cache_control = [part.strip() for part in response["Cache-Control"].split(",")]
            assert "no-cache" in cache_control and "max-age=300" not in cache_control, cache_control
    # when Asha withdraws her consent
    consents.withdraw_consent(asha, by=comms_officer, reason="Phoned in")
    # then neither the post's editor nor the service manager gets her photo through the post, and the
    # page says why in general terms without naming her; Ben's photo is still served
    for person in (editor, service_manager):
        client.force_login(person)
        for url in links(hers):
            response = client.get(url)
            assert response.status_code == 410
            page = response.content.decode()
            assert "can no longer be shown" in page
            assert "withdrew their consent" in page
            assert "Asha" not in page and asha.urn not in page
        assert [client.get(url).status_code for url in links(his)] == [200, 200]
        assert b"".join(client.get(links(his)[1]).streaming_content) == his.file.open("rb").read()
    # and the post's page no longer links to her photo's file
    client.force_login(editor)
    detail = client.get(reverse("posts:detail", args=[post.pk])).content.decode()
    assert links(hers)[0] not in detail and links(his)[0] in detail


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite runs one writer at a time")
@pytest.mark.django_db(transaction=True)
def test_a_post_published_while_consent_is_being_withdrawn_is_taken_down_not_cancelled(
    asha, editor, facebook, comms_officer
):
    # given a post with a photo of Asha, ready to publish
    post = services.submit_for_approval(
        draft_with(photo_showing(asha, by=editor), by=editor, account=facebook), by=editor
    )
    services.approve_post(post, by=comms_officer)
    Post.objects.filter(pk=post.pk).update(status=Post.Status.READY)
    # and someone else holding the post, about to record it as published
    holding, published = threading.Event(), threading.Event()

    def publish_once_the_withdrawal_waits():
        with transaction.atomic():
            Post.objects.select_for_update().get(pk=post.pk)
            holding.set()
            with connection.cursor() as cursor:
                waiting = 0
                while not waiting:
                    cursor.execute(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                        "AND wait_event_type = 'Lock'"
                    )
                    waiting = cursor.fetchone()[0]
            Post.objects.filter(pk=post.pk).update(
                status=Post.Status.PUBLISHED,
                published_at=timezone.now(),
                published_url="https://www.facebook.com/hinckleybosworth/posts/1",
            )
        published.set()
        connection.close()

    publisher = threading.Thread(target=publish_once_the_withdrawal_waits)
    publisher.start()
    assert holding.wait(30)
    # when Asha withdraws while that happens (the withdrawal reads the post as ready, then waits for it)
    consents.withdraw_consent(asha, by=comms_officer)
    publisher.join(30)
    assert published.is_set()
    # then the post stays published and goes for takedown, as a post published earlier would
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED and post.cancelled_reason == ""
    assert not AuditEvent.objects.filter(action="post.stopped_consent_withdrawn", object_id=str(post.pk)).exists()
    assert [task.record for task in selectors.open_takedowns(post)] == [asha]


def ready_with(asset, *, by, approver, account):
    post = services.submit_for_approval(draft_with(asset, by=by, account=account), by=by)
    services.approve_post(post, by=approver)
    return services.mark_post_ready(post, now=post.scheduled_for)


@pytest.mark.parametrize("how", ["withdrawn", "do_not_publish", "erased"])
def test_a_post_published_before_a_withdrawal_reached_it_is_recorded_and_taken_down_at_once(
    asha, client, editor, facebook, comms_officer, dpo, django_capture_on_commit_callbacks, how
):
    # given a post with a photo of Asha, ready to publish, that the editor publishes on Facebook
    post = ready_with(photo_showing(asha, by=editor), by=editor, approver=comms_officer, account=facebook)
    # when, before the editor records it, Asha withdraws (or is flagged, or erased) and the post is stopped
    if how == "withdrawn":
        consents.withdraw_consent(asha, by=comms_officer, reason="Phoned in")
    elif how == "do_not_publish":
        consents.mark_do_not_publish(asha, by=dpo, reason="Looked-after child")
    else:
        consents.erase_personal_details(asha, by=dpo, reason="Asked to be forgotten")
    post.refresh_from_db()
    assert post.status == Post.Status.CANCELLED
    # then its page still offers to record where it went out
    client.force_login(editor)
    assert (
        reverse("posts:publish", args=[post.pk]) in client.get(reverse("posts:detail", args=[post.pk])).content.decode()
    )
    mail.outbox.clear()
    # and recording it records the fact, opens the takedown a withdrawal opens, and tells author and comms
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("posts:publish", args=[post.pk]), {"url": "https://www.facebook.com/hinckleybosworth/posts/9"}
        )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED and post.published_url.endswith("/posts/9")
    [task] = selectors.open_takedowns(post)
    assert task.record == asha and task.use.state == MediaUse.State.PUBLISHED
    assert AuditEvent.objects.filter(action="post.published_with_unusable_media", object_id=str(post.pk)).exists()
    [told] = [m for m in mail.outbox if m.subject.startswith("Take down: a post for")]
    assert set(told.to) == {editor.email, comms_officer.email}
    assert reverse("consents:takedown", args=[task.pk]) in told.body and "Asha" not in told.body


def test_recording_a_ready_post_whose_photo_may_no_longer_be_used_opens_a_takedown(
    asha, editor, facebook, comms_officer, django_capture_on_commit_callbacks
):
    # given a ready post whose photo's subject has withdrawn, the withdrawal not having reached the post
    # (it was read before the post was linked to the photo: the library's record of uses lags)
    post = ready_with(photo_showing(asha, by=editor), by=editor, approver=comms_officer, account=facebook)
    type(asha).objects.filter(pk=asha.pk).update(state="withdrawn", withdrawn_at=timezone.now())
    # when the editor records it as published
    with django_capture_on_commit_callbacks(execute=True):
        services.record_publication(post, url="https://www.facebook.com/hinckleybosworth/posts/3", by=editor)
    # then it is published, and a takedown task is open for it, as a withdrawal would have opened
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED
    assert [t.record for t in selectors.open_takedowns(post)] == [asha]
    assert any(m.subject.startswith("Take down: a post for") for m in mail.outbox)
