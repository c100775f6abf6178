"""A reply id recorded by hand is refused where it could not be the platform's own: digits from another
script, an address that is no post, an id another reply already holds; a hostile address or id is an
error on the comment's page, never a server error."""

import pytest
from django.urls import reverse

from herald.errors import Refused
from herald.moderation.models import Reply
from herald.moderation.services import replies
from testing.factories import AccountFactory

from .test_reply_posted_by_hand import _ready_by_hand as _ready

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("given", ["١٨٦٦١٢٣٤٥٦٧٨٩", "１８６６１２３"])
def test_digits_of_another_script_are_no_x_id(comms_officer, given):
    reply = _ready(AccountFactory(platform="x"), comms_officer)
    with pytest.raises(Refused, match="Enter the reply's id as X"):
        replies.record_reply_posted(
            reply, by=comms_officer, address="https://x.com/HinckBosBC", platform_reply_id=given
        )
    reply.refresh_from_db()
    assert reply.status == Reply.Status.READY


def test_digits_of_another_script_in_the_address_are_not_read_as_the_id(comms_officer):
    reply = _ready(AccountFactory(platform="x"), comms_officer)
    replies.record_reply_posted(reply, by=comms_officer, address="https://x.com/HinckBosBC/status/١٨٦٦١٢٣")
    reply.refresh_from_db()
    assert reply.status == Reply.Status.SENT and reply.platform_reply_id == ""


def test_a_bluesky_address_that_is_no_post_gives_no_id(comms_officer):
    reply = _ready(AccountFactory(platform="bluesky"), comms_officer)
    replies.record_reply_posted(
        reply, by=comms_officer, address="https://bsky.app/profile/did:plc:abc123/lists/3kq2abc"
    )
    reply.refresh_from_db()
    assert reply.status == Reply.Status.SENT and reply.platform_reply_id == ""


def test_an_id_another_reply_on_the_account_holds_is_refused(comms_officer):
    # given a reply already recorded with its id on X
    account = AccountFactory(platform="x")
    first = _ready(account, comms_officer, 1)
    replies.record_reply_posted(first, by=comms_officer, address="https://x.com/HinckBosBC/status/1866123456789012345")
    # when the next reply is recorded with the same id (its address pasted again, or the id)
    second = _ready(account, comms_officer, 2)
    for address, given in (
        ("https://x.com/HinckBosBC/status/1866123456789012345", ""),
        ("https://x.com/a", "1866123456789012345"),
    ):
        with pytest.raises(Refused, match="already recorded for another reply"):
            replies.record_reply_posted(second, by=comms_officer, address=address, platform_reply_id=given)
    second.refresh_from_db()
    assert second.status == Reply.Status.READY and second.platform_reply_id == ""


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"address": "https://[::1/status/1"}, "Enter the full address, starting https://"),
        ({"address": "javascript:alert(1)"}, "Enter the full address, starting https://"),
        ({"address": "https://x.com/a/status/" + "9" * 600}, "Enter the address in 500 characters or fewer"),
        ({"address": "https://x.com/a", "platform_reply_id": "1" * 201}, "Enter the id in 200 characters or fewer"),
        ({"address": "https://x.com/a", "platform_reply_id": "18\x0066"}, "Null characters are not allowed."),
    ],
)
def test_a_hostile_address_or_id_is_an_error_message_on_the_page(client, comms_officer, data, message):
    reply = _ready(AccountFactory(platform="x"), comms_officer)
    client.force_login(comms_officer)
    url = reverse("moderation:record_posted", args=[reply.comment.pk, reply.pk])
    answer = client.post(url, data)
    assert answer.status_code == 400  # the comment's page again, the error beside the box
    assert message.replace("'", "&#x27;") in answer.content.decode()
    reply.refresh_from_db()
    assert reply.status == Reply.Status.READY
