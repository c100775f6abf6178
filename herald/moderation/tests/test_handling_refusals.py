"""What the handling buttons and forms show when the service refuses (they run their services through
`submitted` and `carried_out`): the refusal as an error message, or on the form beside its field."""

import pytest
from django.urls import reverse

from herald.moderation import services
from herald.moderation.models import AuthorSanction, CouncillorAbuseCase, Reply
from herald.social_accounts.models import AccountEditor
from testing.factories import AccountFactory, comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(editor):
    account = AccountFactory()
    AccountEditor.objects.create(account=account, person=editor)
    return comment(account, "What time does the tip open on Sunday?")


def _said(response) -> str:
    return response.content.decode()


def test_a_reply_recorded_as_posted_needs_a_web_address(client, question, editor):
    reply = services.write_reply(question, by=editor, text="It opens at 8am.", seen_latest=0)
    client.force_login(editor)
    posted = reverse("moderation:record_posted", args=[question.pk, reply.pk])

    response = client.post(posted, {"address": "on facebook"}, follow=True)

    assert "Enter the full address, starting https://" in _said(response)
    reply.refresh_from_db()
    assert reply.status == Reply.Status.READY


def test_approving_needs_the_text_the_approver_was_shown(client, question, editor, comms_officer):
    from herald.moderation.services import replies

    replies.set_reply_approval(question.account, requires=True, by=comms_officer)
    reply = services.write_reply(question, by=editor, text="It opens at 8am.", seen_latest=0)
    client.force_login(comms_officer)

    response = client.post(reverse("moderation:approve_reply", args=[question.pk, reply.pk]), {}, follow=True)

    assert "Open the comment again and approve the reply you read" in _said(response)
    reply.refresh_from_db()
    assert reply.status == Reply.Status.AWAITING_APPROVAL


def test_a_reply_that_was_never_refused_cannot_be_sent_again(client, question, editor):
    reply = services.write_reply(question, by=editor, text="It opens at 8am.", seen_latest=0)
    client.force_login(editor)

    response = client.post(reverse("moderation:send_again", args=[question.pk, reply.pk]), follow=True)

    assert "Only a reply Herald could not send can be sent again" in _said(response)


def test_a_case_needs_a_councillor_chosen(client, question, comms_officer):
    client.force_login(comms_officer)

    response = client.post(reverse("moderation:open_case", args=[question.pk]), {"councillor": ""}, follow=True)

    assert "Choose the councillor" in _said(response)
    assert not CouncillorAbuseCase.objects.exists()


def test_a_sanction_is_lifted_only_with_a_reason(client, question, comms_officer):
    sanction = services.sanction_author(
        question.author, kind=AuthorSanction.Kind.WARNING, by=comms_officer, reason="Rude"
    )
    client.force_login(comms_officer)

    response = client.post(reverse("moderation:lift_sanction", args=[sanction.pk]), {"reason": ""}, follow=True)

    assert "Enter why it is lifted" in _said(response)
    sanction.refresh_from_db()
    assert sanction.lifted_at is None
