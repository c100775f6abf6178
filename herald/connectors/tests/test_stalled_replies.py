"""A reply Herald began sending but never heard about (the process stopped between the call and the
platform's answer) is handed back to the editor by the sweep, with a warning to look first."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.connectors.tests.servers import FakeApi
from herald.moderation import tasks
from herald.moderation.models import Reply
from herald.moderation.services import replies
from testing.factories import AccountFactory, comment

NOON = dt.datetime(2027, 3, 10, 12, 0, tzinfo=dt.UTC)


def _facebook(secrets, api):
    secrets(
        {
            "platforms": {"facebook": {"app_secret": "s", "verify_token": "v", "graph_url": api.url}},
            "accounts": {"facebook:HBBC": {"account_id": "1", "access_token": "t"}},
        }
    )


def _lost_send(secrets, editor):
    """A reply written on an account with a connector whose send never ran (no on-commit callbacks
    executed, as when the web process stops right after saving)."""
    account = AccountFactory(platform="facebook", handle="HBBC")
    question = comment(account, "Is the tip open on Sunday?", platform_id="1_2_3", classify=False)
    with FakeApi({}) as api:
        _facebook(secrets, api)
        reply = replies.write_reply(question, by=editor, text="Yes, 9 to 4.", seen_latest=0)
    assert reply.status == Reply.Status.SENDING
    return question, reply


def test_a_reply_lost_while_sending_is_handed_back_to_the_editor_with_a_warning(secrets, editor, comms_officer, client):
    with time_machine.travel(NOON, tick=False):
        question, reply = _lost_send(secrets, editor)
        # a few minutes on, it may still be on its way: left alone
        assert tasks.release_stalled_sends.call() == 0
    with time_machine.travel(NOON + dt.timedelta(minutes=20), tick=False):
        assert tasks.release_stalled_sends.call() == 1
    reply.refresh_from_db()
    assert reply.status == Reply.Status.READY and reply.sending_since is None
    assert "Look for it on the platform before sending it again" in reply.send_error
    assert AuditEvent.objects.filter(action="moderation.reply_not_sent", reason__contains="No answer").exists()
    # the editor sees the warning with both ways on: send again, or record where it already is
    client.force_login(comms_officer)
    page = client.get(reverse("moderation:detail", args=[question.pk])).content.decode()
    assert "heard nothing back" in page
    assert reverse("moderation:send_again", args=[question.pk, reply.pk]) in page
    assert reverse("moderation:record_posted", args=[question.pk, reply.pk]) in page


def test_a_reply_being_sent_now_is_not_handed_back(secrets, editor):
    with time_machine.travel(NOON, tick=False):
        _question, reply = _lost_send(secrets, editor)
    with time_machine.travel(NOON + dt.timedelta(minutes=5), tick=False):
        assert replies.release_stalled_sends() == 0
    reply.refresh_from_db()
    assert reply.status == Reply.Status.SENDING and reply.send_error == ""


@pytest.mark.django_db(transaction=True)
def test_a_late_answer_from_the_platform_still_records_the_reply_as_sent(secrets, editor):
    account = AccountFactory(platform="facebook", handle="HBBC")
    question = comment(account, "Is the tip open on Sunday?", platform_id="1_2_3", classify=False)
    text = "Yes, 9 to 4."
    reply = Reply.objects.create(
        comment=question,
        text=text,
        text_sha256=replies.text_sha256(text),
        written_by=editor,
        status=Reply.Status.SENDING,
        sending_since=NOON,
    )

    def answer_after_the_sweep(request):
        # the platform is slow: the sweep hands the reply back while the call is under way
        Reply.objects.filter(pk=reply.pk).update(status=Reply.Status.READY, sending_since=None, send_error="lost")
        return 200, {"id": "1_2_9"}

    with FakeApi({("POST", "/1_2_3/comments"): answer_after_the_sweep}) as api:
        _facebook(secrets, api)
        replies._deliver(reply.pk, by=editor)
    reply.refresh_from_db()
    # it is on the platform, so Herald records it as sent, with where it is
    assert (reply.status, reply.platform_reply_id, reply.send_error) == (Reply.Status.SENT, "1_2_9", "")


def test_a_refusal_whose_error_is_plain_text_is_shown_with_its_words(
    secrets, editor, django_capture_on_commit_callbacks
):
    # a proxy or an old API version may answer {"error": "..."} rather than the Graph API's object
    account = AccountFactory(platform="facebook", handle="HBBC")
    question = comment(account, "Hello", platform_id="1_2_3", classify=False)
    with FakeApi({("POST", "/1_2_3/comments"): lambda request: (400, {"error": "Invalid OAuth access token"})}) as api:
        _facebook(secrets, api)
        with django_capture_on_commit_callbacks(execute=True):
            reply = replies.write_reply(question, by=editor, text="Thanks", seen_latest=0)
    reply.refresh_from_db()
    assert reply.status == Reply.Status.READY
    assert "Invalid OAuth access token" in reply.send_error
