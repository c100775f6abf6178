"""While publishing is stopped on an account, nothing on it moves towards publication: approving,
becoming ready to publish and recording publication are refused with a message that explains the stop,
and each refused attempt by a person is audited. Writing, changing and checking carry on. Releasing
publishing lets everything through again."""

import datetime as dt

import pytest
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.errors import Refused
from herald.posts import services
from herald.posts.models import Approval, Post
from herald.posts.services import PostContent, PublishingStopped
from herald.posts.tests.factories import in_hours, shown_hash

pytestmark = pytest.mark.django_db

CLEAN = "The leisure centre pool reopens on Monday after its refit. Book a swim online."
REASON = "Major incident: flooding in Hinckley town centre."
FACEBOOK_URL = "https://www.facebook.com/hinckleybosworth/posts/123"


def write(by, account, text=CLEAN, hours=48):
    return services.write_post(
        accounts=[account], texts={account.platform: text}, scheduled_for=in_hours(hours), by=by
    )[0]


def submitted(by, account, text=CLEAN, hours=48):
    return services.submit_for_approval(write(by, account, text, hours), by=by)


def ready(editor, comms, account):
    post = services.approve_post(submitted(editor, account), by=comms)
    return services.mark_post_ready(post, now=post.scheduled_for)


def refusals(post, attempt):
    return AuditEvent.objects.filter(
        action="post.refused_publishing_stopped", object_id=str(post.pk), after__attempt=attempt
    )


# --- The services ---


def test_approving_is_refused_while_publishing_is_stopped_and_the_attempt_is_audited(editor, comms_officer, facebook):
    post = submitted(editor, facebook)
    services.stop_publishing(by=comms_officer, reason=REASON)
    with pytest.raises(PublishingStopped) as refused:
        services.approve_post(post, by=comms_officer)
    message = refused.value.messages[0]
    assert "You cannot approve this post because the communications team has stopped publishing" in message
    assert "Major incident: flooding in Hinckley town centre" in message and "You can still change the post" in message
    post.refresh_from_db()
    assert post.status == Post.Status.AWAITING_APPROVAL
    assert not Approval.objects.filter(post=post).exists()
    event = refusals(post, "approve").get()
    assert event.actor == comms_officer and event.reason == REASON


def test_a_stop_on_chosen_accounts_leaves_the_others_approvable(editor, comms_officer, facebook, x_account):
    on_facebook, on_x = submitted(editor, facebook), submitted(editor, x_account)
    services.stop_publishing(by=comms_officer, reason=REASON, accounts=[facebook])
    with pytest.raises(PublishingStopped):
        services.approve_post(on_facebook, by=comms_officer)
    assert services.approve_post(on_x, by=comms_officer).status == Post.Status.APPROVED


def test_someone_who_could_not_approve_anyway_is_told_that_and_no_stop_refusal_is_recorded(
    editor, comms_officer, facebook
):
    post = submitted(editor, facebook)
    services.stop_publishing(by=comms_officer, reason=REASON)
    with pytest.raises(Refused, match="someone else must approve"):
        services.approve_post(post, by=editor)
    assert not refusals(post, "approve").exists()


def test_an_approved_post_does_not_become_ready_while_publishing_is_stopped(editor, comms_officer, facebook):
    post = services.approve_post(submitted(editor, facebook), by=comms_officer)
    services.stop_publishing(by=comms_officer, reason=REASON)
    with pytest.raises(PublishingStopped, match="You cannot mark this post ready to publish"):
        services.mark_post_ready(post, now=post.scheduled_for)
    assert services.mark_ready_posts(now=post.scheduled_for + dt.timedelta(minutes=5)) == []
    post.refresh_from_db()
    assert post.status == Post.Status.APPROVED and post.ready_at is None
    assert not AuditEvent.objects.filter(action="post.ready", object_id=str(post.pk)).exists()


def test_a_post_already_ready_cannot_be_recorded_as_published_while_publishing_is_stopped(
    editor, comms_officer, facebook
):
    post = ready(editor, comms_officer, facebook)
    services.stop_publishing(by=comms_officer, reason=REASON, accounts=[facebook])
    with pytest.raises(PublishingStopped, match="You cannot record this post as published"):
        services.record_publication(post, url=FACEBOOK_URL, by=editor)
    post.refresh_from_db()
    assert post.status == Post.Status.READY and post.published_url == "" and post.published_at is None
    assert refusals(post, "publish").get().actor == editor


def test_writing_changing_checking_and_sending_for_approval_carry_on_while_publishing_is_stopped(
    client, editor, comms_officer, another_comms_officer, facebook
):
    services.stop_publishing(by=comms_officer, reason=REASON)
    post = write(editor, facebook, "The pool reopens on Monday.")
    services.edit_post(post, PostContent(CLEAN, in_hours(30)), by=editor)
    services.recheck_post(post, by=editor)
    post = services.submit_for_approval(post, by=editor)
    assert post.status == Post.Status.AWAITING_APPROVAL
    # an approver may still change it while it waits, and send it back
    services.edit_post(
        post, PostContent(CLEAN + " Free for under-fives.", in_hours(30)), by=comms_officer, reason="Added the offer"
    )
    assert services.send_back(post, by=comms_officer, reasons="Check the opening times").status == Post.Status.SENT_BACK
    client.force_login(editor)
    live = client.post(reverse("posts:check"), {"field": "text_facebook", "text_facebook": "Call 07700 900123"})
    assert live.status_code == 200 and "personal phone number" in live.content.decode()


def test_after_publishing_is_released_everything_works_again(editor, comms_officer, facebook, service_manager):
    waiting = submitted(editor, facebook)
    approved = services.approve_post(submitted(editor, facebook), by=comms_officer)
    already_ready = ready(editor, comms_officer, facebook)
    pause = services.stop_publishing(by=comms_officer, reason=REASON)
    for attempt in (
        lambda: services.approve_post(waiting, by=comms_officer),
        lambda: services.mark_post_ready(approved, now=approved.scheduled_for),
        lambda: services.record_publication(already_ready, url=FACEBOOK_URL, by=editor),
    ):
        with pytest.raises(PublishingStopped):
            attempt()
    # when the communications team releases publishing
    services.release_publishing(pause, by=comms_officer)
    # then the same actions go through
    assert services.approve_post(waiting, by=comms_officer).status == Post.Status.APPROVED
    due = max(approved.scheduled_for, waiting.scheduled_for) + dt.timedelta(minutes=1)
    assert {p.pk for p in services.mark_ready_posts(now=due)} == {approved.pk, waiting.pk}
    approved.refresh_from_db()
    assert approved.status == Post.Status.READY
    published = services.record_publication(already_ready, url=FACEBOOK_URL, by=editor)
    assert published.status == Post.Status.PUBLISHED and published.published_url == FACEBOOK_URL


# --- The pages ---


def test_an_approver_sees_why_they_cannot_approve_and_a_refused_approval_says_so(
    client, editor, comms_officer, facebook
):
    post = submitted(editor, facebook)
    services.stop_publishing(by=comms_officer, reason=REASON)
    client.force_login(comms_officer)
    # given the post's page while publishing is stopped: the reason, no Approve button, sending back still offered
    page = client.get(reverse("posts:detail", args=[post.pk])).content.decode()
    assert 'id="publishing-stopped"' in page and "cannot be approved until the communications team releases" in page
    assert ">Approve<" not in page and ">Send back<" in page
    # when the approval is posted anyway (say from a page opened before the stop)
    response = client.post(
        reverse("posts:approve", args=[post.pk]), {"note": "Fine by me", "text_hash": shown_hash(post)}, follow=True
    )
    # then it is refused with the reason in a notification banner, and nothing changed but the audit trail
    body = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("posts:detail", args=[post.pk])
    assert "govuk-notification-banner" in body and "You cannot approve this post because" in body
    assert "flooding in Hinckley town centre" in body
    post.refresh_from_db()
    assert post.status == Post.Status.AWAITING_APPROVAL
    assert refusals(post, "approve").count() == 1


def test_the_publish_page_explains_the_stop_and_a_refused_address_is_shown_as_an_error(
    client, editor, comms_officer, facebook
):
    post = ready(editor, comms_officer, facebook)
    pause = services.stop_publishing(by=comms_officer, reason=REASON)
    client.force_login(editor)
    url = reverse("posts:publish", args=[post.pk])
    # the page says why, and offers no form
    page = client.get(url).content.decode()
    assert 'id="publishing-stopped"' in page and "You cannot record this post as published" in page
    assert 'name="url"' not in page
    # an address posted anyway is refused with the GOV.UK error summary, and audited
    response = client.post(url, {"url": FACEBOOK_URL})
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body and "You cannot record this post as published" in body
    assert "<title>Error:" in body
    post.refresh_from_db()
    assert post.status == Post.Status.READY and refusals(post, "publish").count() == 1
    # the post's page and the editor's lists say it is held rather than asking them to publish it
    assert "Held: publishing stopped" in client.get(reverse("posts:index")).content.decode()
    assert "Held: do not publish on" in client.get("/").content.decode()
    # once released, the same address is accepted
    services.release_publishing(pause, by=comms_officer)
    assert 'name="url"' in client.get(url).content.decode()
    response = client.post(url, {"url": FACEBOOK_URL})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED


def test_the_stop_page_lists_ready_posts_as_held_too(client, editor, comms_officer, facebook):
    post = ready(editor, comms_officer, facebook)
    services.stop_publishing(by=comms_officer, reason=REASON)
    client.force_login(comms_officer)
    page = client.get(reverse("posts:stop")).content.decode()
    assert "Posts held" in page and reverse("posts:detail", args=[post.pk]) in page


def test_approving_from_the_page_works_again_once_released(client, editor, comms_officer, facebook):
    post = submitted(editor, facebook)
    pause = services.stop_publishing(by=comms_officer, reason=REASON)
    client.force_login(comms_officer)
    client.post(reverse("posts:approve", args=[post.pk]), {"text_hash": shown_hash(post)})
    services.release_publishing(pause, by=comms_officer)
    assert ">Approve<" in client.get(reverse("posts:detail", args=[post.pk])).content.decode()
    response = client.post(reverse("posts:approve", args=[post.pk]), {"text_hash": shown_hash(post)}, follow=True)
    assert "Approved" in response.content.decode()
    post.refresh_from_db()
    assert post.status == Post.Status.APPROVED


def test_the_audit_trail_names_a_stop_by_the_uk_time_it_began(comms_officer):
    import time_machine

    # given publishing stopped at 00:30 BST on Sunday 21 June 2026 (23:30 UTC on the 20th)
    with time_machine.travel(dt.datetime(2026, 6, 20, 23, 30, tzinfo=dt.UTC), tick=False):
        services.stop_publishing(by=comms_officer, reason=REASON)
    # then the audit trail names it by the time on the council's clocks
    event = AuditEvent.objects.get(action="posts.publishing_stopped")
    assert event.object_repr == "Publishing stopped on all accounts from 21 June 2026 at 12:30am"
