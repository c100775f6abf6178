"""Recording a reply posted by hand: what is wrong with the address or id is shown as a GOV.UK error
summary above that reply's form, each message linking to its box, the box marked in error and what was
typed kept, rather than as a message at the top of the page."""

import pytest
from django.urls import reverse

from herald.moderation.models import Reply
from testing.factories import AccountFactory

from .test_reply_posted_by_hand import _ready_by_hand

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"address": "on facebook"}, "address", "Enter the full address, starting https://"),
        (
            {"address": "https://example.com/HinckBosBC/status/1866123456789012345"},
            "address",
            "Enter the address of your reply on X (formerly Twitter): it starts https://x.com/ or https://twitter.com/",
        ),
        (
            {"address": "https://x.com/HinckBosBC", "platform_reply_id": "abc"},
            "platform_reply_id",
            "Enter the reply&#x27;s id as X (formerly Twitter) gives it, like 1866123456789012345",
        ),
    ],
)
def test_a_refused_address_or_id_is_shown_in_an_error_summary_linking_to_its_box(
    client, comms_officer, data, field, message
):
    # given two replies ready to post by hand on X
    reply = _ready_by_hand(AccountFactory(platform="x"), comms_officer)
    other = Reply.objects.create(
        comment=reply.comment,
        text="Or ring 01455 238141.",
        text_sha256="0" * 64,
        written_by=comms_officer,
        status=Reply.Status.READY,
    )
    client.force_login(comms_officer)
    # when the editor records the first with something Herald refuses
    answer = client.post(reverse("moderation:record_posted", args=[reply.comment.pk, reply.pk]), data)
    # then the comment's page comes back with an error summary linking to the box in error
    page = answer.content.decode()
    assert answer.status_code == 400
    assert '<h2 class="govuk-error-summary__title">There is a problem</h2>' in page
    assert f'<a href="#record-{reply.pk}-{field}">{message}</a>' in page
    assert f'id="record-{reply.pk}-{field}-error"' in page
    # and what was typed is still in the box, the other reply's form untouched
    assert f'value="{data["address"]}"' in page
    assert f'id="record-{other.pk}-address-error"' not in page
    reply.refresh_from_db()
    assert reply.status == Reply.Status.READY
