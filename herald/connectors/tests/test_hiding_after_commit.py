"""A hide (or showing it again) is recorded first and carried out on the platform once the transaction
has committed: while the platform takes its time the comment is not locked and the page says Herald is
waiting; an answer that never comes is handed back by the sweep to try again."""

import datetime as dt

import pytest
import time_machine
from django.db import connection, transaction
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.connectors.tests.servers import FakeApi
from herald.errors import Refused
from herald.moderation import tasks
from herald.moderation.models import Comment, PlatformAction
from herald.moderation.services import evidence
from testing.factories import AccountFactory, comment

ABUSE = "You lot are useless idiots and I will hurt you"
REPLY_ID = "1876543210987654321"
HIDE_PATH = f"/2/tweets/{REPLY_ID}/hidden"
NOON = dt.datetime(2027, 3, 10, 12, 0, tzinfo=dt.UTC)


def _x_secrets(secrets, api):
    secrets(
        {
            "platforms": {"x": {"consumer_secret": "c", "api_url": api.url}},
            "accounts": {"x:HBBCouncil": {"account_id": "2244994945", "access_token": "user-token"}},
        }
    )


def _x(secrets, api):
    account = AccountFactory(platform="x", handle="HBBCouncil")
    _x_secrets(secrets, api)
    return account


@pytest.mark.django_db(transaction=True)
def test_while_the_platform_answers_the_comment_is_not_locked_and_a_colleague_is_told_to_wait(
    client, secrets, editor, comms_officer
):
    during: dict = {}

    def x_answers(request):
        # What the rest of Herald sees while X takes its time (answered in the server's own thread).
        try:
            with transaction.atomic():
                Comment.objects.select_for_update(nowait=True).get(pk=found.pk)  # raises if still locked
                during["locked"] = False
            client.force_login(comms_officer)
            during["page"] = client.get(reverse("moderation:detail", args=[found.pk])).content.decode()
            try:
                evidence.hide_comment(found, by=comms_officer, reason="threat")
            except Refused as refused:
                during["colleague"] = str(refused)
        finally:
            connection.close()
        return 200, {"data": {"hidden": False}}

    with FakeApi({("PUT", HIDE_PATH): x_answers}) as api:
        found = comment(_x(secrets, api), f"@HBBCouncil {ABUSE}", platform_id=REPLY_ID)
        # Hidden earlier (this test's database is emptied after it, and kept evidence cannot be deleted).
        Comment.objects.filter(pk=found.pk).update(status=Comment.Status.HIDDEN)
        evidence.unhide_comment(found, by=editor, reason="Hidden by mistake")

    label = found.get_platform_display()
    assert during["locked"] is False
    assert f"Showing again on {label}" in during["page"] and "waiting for the answer" in during["page"]
    assert "waiting for the answer: wait for the outcome" in during["colleague"]
    assert not found.evidence.exists()  # the colleague's hide was refused before it kept anything
    asked = found.platform_actions.get()
    assert (asked.status, asked.sending_since, asked.error) == (PlatformAction.Status.DONE, None, "")
    page = client.get(reverse("moderation:detail", args=[found.pk])).content.decode()
    assert f"Shown again on {label}" in page and "Try again" not in page
    assert AuditEvent.objects.filter(action="moderation.comment_unhidden_on_platform").count() == 1


def _lost_hide(secrets, editor):
    """A hide on X whose platform call never ran (no on-commit callbacks executed, as when the web
    process stops right after saving)."""
    with FakeApi({}) as api:
        found = comment(_x(secrets, api), f"@HBBCouncil {ABUSE}", platform_id=REPLY_ID)
        evidence.hide_comment(found, by=editor, reason="threat")
    return found


@pytest.mark.django_db
def test_a_hide_lost_while_waiting_for_the_platform_is_handed_back_by_the_sweep_to_try_again(
    client, secrets, editor, comms_officer, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOON, tick=False):
        found = _lost_hide(secrets, editor)
        assert tasks.release_stalled_sends.call() == 0  # a few minutes on it may still be on its way
    with time_machine.travel(NOON + dt.timedelta(minutes=5), tick=False):
        assert tasks.release_stalled_sends.call() == 0
    with time_machine.travel(NOON + dt.timedelta(minutes=20), tick=False):
        assert tasks.release_stalled_sends.call() == 1

    asked = found.platform_actions.get()
    assert (asked.status, asked.sending_since) == (PlatformAction.Status.REFUSED, None)
    assert "heard nothing back" in asked.error
    handed_back = AuditEvent.objects.get(action="moderation.comment_not_hidden_on_platform")
    assert handed_back.actor is None and "No answer from the platform" in handed_back.reason
    client.force_login(comms_officer)
    page = client.get(reverse("moderation:detail", args=[found.pk])).content.decode()
    label = found.get_platform_display()
    assert f"Not hidden on {label}" in page and "heard nothing back" in page
    assert reverse("moderation:platform_again", args=[found.pk, asked.pk]) in page

    # trying again asks X once more, and this time it answers
    routes = {("PUT", HIDE_PATH): lambda request: (200, {"data": {"hidden": True}})}
    with FakeApi(routes) as api:
        _x_secrets(secrets, api)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("moderation:platform_again", args=[found.pk, asked.pk]))
    assert [seen.json() for seen in api.seen] == [{"hidden": True}]
    asked.refresh_from_db()
    assert asked.status == PlatformAction.Status.DONE
    assert f"Hidden on {label}" in client.get(reverse("moderation:detail", args=[found.pk])).content.decode()


@pytest.mark.django_db
def test_showing_a_comment_again_that_the_platform_refuses_says_so_on_the_page(
    client, secrets, editor, comms_officer, django_capture_on_commit_callbacks
):
    problem = {"title": "Forbidden", "detail": "Too many requests to hide replies.", "status": 429}
    answers = iter([(200, {"data": {"hidden": True}}), (429, problem)])
    with FakeApi({("PUT", HIDE_PATH): lambda request: next(answers)}) as api:
        found = comment(_x(secrets, api), f"@HBBCouncil {ABUSE}", platform_id=REPLY_ID)
        with django_capture_on_commit_callbacks(execute=True):
            evidence.hide_comment(found, by=editor, reason="threat")
        client.force_login(comms_officer)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("moderation:unhide", args=[found.pk]), {"reason": "Hidden by mistake"})

    found.refresh_from_db()
    assert found.status != Comment.Status.HIDDEN  # shown again in Herald
    page = client.get(reverse("moderation:detail", args=[found.pk])).content.decode()
    assert f"Not shown again on {found.get_platform_display()}" in page
    assert "Too many requests to hide replies" in page and "Try again" in page
    assert AuditEvent.objects.filter(action="moderation.comment_not_unhidden_on_platform").count() == 1


@pytest.mark.django_db
def test_a_comment_shown_again_since_cannot_have_its_refused_hide_tried_again(
    client, secrets, editor, comms_officer, django_capture_on_commit_callbacks
):
    with FakeApi({("PUT", HIDE_PATH): lambda request: (403, {"detail": "Not yours"})}) as api:
        found = comment(_x(secrets, api), f"@HBBCouncil {ABUSE}", platform_id=REPLY_ID)
        with django_capture_on_commit_callbacks(execute=True):
            evidence.hide_comment(found, by=editor, reason="threat")
        refused_hide = found.platform_actions.get()
        with django_capture_on_commit_callbacks(execute=True):
            evidence.unhide_comment(found, by=editor, reason="Hidden by mistake")

    with pytest.raises(Refused, match="Only the last thing"):
        evidence.try_platform_again(refused_hide, by=comms_officer)
