"""A reply sent through a connector is recorded first and sent after the transaction commits: while the
platform is slow to answer, the comment is not locked and colleagues already see the reply."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from herald.connectors.tests.servers import FakeApi
from herald.errors import Refused
from herald.moderation.models import Reply
from herald.moderation.services import replies
from herald.social_accounts.models import AccountEditor
from testing.factories import AccountFactory, comment

# The platform is called from the test's own thread while the fake server answers from another, with
# its own database connection: only committed rows are visible there, so no test transaction may wrap it.
pytestmark = pytest.mark.django_db(transaction=True)


def _facebook(secrets, api):
    secrets(
        {
            "platforms": {"facebook": {"app_secret": "s", "verify_token": "v", "graph_url": api.url}},
            "accounts": {"facebook:HBBC": {"account_id": "1", "access_token": "t"}},
        }
    )


def test_while_the_platform_answers_the_reply_shows_as_sending_and_a_colleague_is_refused_at_once(
    secrets, editor, comms_officer
):
    question = comment(AccountFactory(platform="facebook", handle="HBBC"), "Is the tip open?", platform_id="1_2_3")
    during: dict = {}

    def platform_answers(request):
        # What a colleague sees while the platform takes its time (answered in the server's thread).
        try:
            during["status"] = Reply.objects.get(comment=question).status
            try:
                replies.write_reply(question, by=comms_officer, text="Yes, until 4pm.", seen_latest=0)
            except Refused as refused:
                during["colleague"] = str(refused)
        finally:
            connection.close()
        return 200, {"id": "1_2_77"}

    with FakeApi({("POST", "/1_2_3/comments"): platform_answers}) as api:
        _facebook(secrets, api)
        reply = replies.write_reply(question, by=editor, text="Yes, 8am to 4pm.", seen_latest=0)

    assert during["status"] == Reply.Status.SENDING
    assert editor.full_name in during["colleague"] and "after you opened this comment" in during["colleague"]
    assert (reply.status, reply.platform_reply_id) == (Reply.Status.SENT, "1_2_77")
    assert list(question.herald_replies.values_list("text", flat=True)) == ["Yes, 8am to 4pm."]


def test_the_editor_is_told_why_the_platform_refused_and_can_send_it_again(client, secrets, editor):
    account = AccountFactory(platform="facebook", handle="HBBC")
    AccountEditor.objects.create(account=account, person=editor)
    question = comment(account, "Is the tip open?", platform_id="1_2_3")
    refusal = {"error": {"message": "(#200) Permissions error", "type": "OAuthException", "code": 200}}
    client.force_login(editor)
    page = reverse("moderation:detail", args=[question.pk])

    # given the platform refuses the reply
    with FakeApi({("POST", "/1_2_3/comments"): lambda request: (403, refusal)}) as api:
        _facebook(secrets, api)
        # when the editor sends it
        response = client.post(
            reverse("moderation:reply", args=[question.pk]), {"text": "Yes, until 4pm.", "seen_latest": 0}, follow=True
        )
    # then the page says why and offers to send it again
    text = response.content.decode()
    assert "Herald could not send it: Facebook refused the reply (403): (#200) Permissions error" in text
    assert "Send again" in text
    reply = question.herald_replies.get()
    assert reply.status == Reply.Status.READY

    # when the platform accepts it the second time
    answered = threading.Event()

    def accepted(request):
        answered.set()
        return 200, {"id": "1_2_78"}

    with FakeApi({("POST", "/1_2_3/comments"): accepted}) as api:
        _facebook(secrets, api)
        response = client.post(reverse("moderation:send_again", args=[question.pk, reply.pk]), follow=True)
    # then it is sent, and the button is gone
    assert answered.is_set()
    assert response.redirect_chain[-1][0].startswith(page)
    assert "The reply was sent." in response.content.decode()
    assert "Send again" not in response.content.decode()
    reply.refresh_from_db()
    assert (reply.status, reply.platform_reply_id, reply.send_error) == (Reply.Status.SENT, "1_2_78", "")
