"""A reply the editor posts on the platform by hand and records in Herald keeps its id there (given, or
read from its address), checked as the platform writes its ids, so the platform's later word about it
(the page removed it) finds it as it finds a reply Herald sent."""

import datetime as dt
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from herald.errors import Refused
from herald.moderation.incoming import CommentChange
from herald.moderation.models import Comment, Reply
from herald.moderation.services import platform_changes, replies
from testing.factories import AccountFactory, comment

pytestmark = pytest.mark.django_db

COMMENT_ID = "104958372615_998877_1122"
ADDRESS = "https://www.facebook.com/HinckleyBosworthBC/posts/998877?comment_id=1122&reply_comment_id=5566"
REMOVED_AT = dt.datetime(2026, 1, 5, 10, 40, tzinfo=dt.UTC)


def _ready(account, comms_officer, platform_id):
    replies.set_reply_approval(account, requires=False, by=comms_officer)
    found = comment(account, "When is the green bin collection in Burbage?", platform_id=platform_id)
    reply = replies.write_reply(found, by=comms_officer, text="Tuesdays, every fortnight.", seen_latest=0)
    assert reply.status == Reply.Status.READY  # no connector: the editor posts it by hand
    return found, reply


def _ready_by_hand(account, comms_officer, n=1):
    """A reply ready for the editor to post by hand on `account`'s platform, on its comment number `n` (what
    Herald's check makes of its words on each platform is not what these tests are about)."""
    found = comment(account, "When is the green bin collection in Burbage?", platform_id=f"{account.platform}-{n}")
    return Reply.objects.create(
        comment=found,
        text="Tuesdays, every fortnight.",
        text_sha256=replies.text_sha256("Tuesdays, every fortnight."),
        written_by=comms_officer,
        status=Reply.Status.READY,
    )


def test_a_facebook_reply_recorded_by_hand_is_found_when_the_page_removes_it(comms_officer):
    account = AccountFactory(platform="facebook")
    found, reply = _ready(account, comms_officer, COMMENT_ID)
    # when the editor records where they posted it
    replies.record_reply_posted(reply, by=comms_officer, address=ADDRESS)
    reply.refresh_from_db()
    # then its Graph id is read from the address
    assert reply.platform_reply_id == "104958372615_998877_5566"
    # and the page removing it on Facebook is recorded against it
    removed = CommentChange(
        platform="facebook", platform_id="104958372615_998877_5566", change="removed", at=REMOVED_AT, by_account=True
    )
    assert platform_changes.apply_changes(account, [removed]) == 1
    reply.refresh_from_db()
    found.refresh_from_db()
    assert reply.removed_on_platform_at == REMOVED_AT
    assert found.status == Comment.Status.NEW


@pytest.mark.parametrize(
    ("platform", "given", "address", "kept"),
    [
        ("x", "", "https://x.com/HinckBosBC/status/1866123456789012345", "1866123456789012345"),
        ("x", "1866123456789012345", "https://x.com/HinckBosBC", "1866123456789012345"),
        (
            "youtube",
            "",
            "https://www.youtube.com/watch?v=abc&lc=UgzDE2tasfmrYLyNkGt4AaABAg.9iPXEClD9lW",
            "UgzDE2tasfmrYLyNkGt4AaABAg.9iPXEClD9lW",
        ),
        (
            "mastodon",
            "",
            "https://mastodon.social/@hbbc/113512345678901234",
            "mastodon:mastodon.social:113512345678901234",
        ),
        (
            "bluesky",
            "",
            "https://bsky.app/profile/did:plc:abc123/post/3kq2abc",
            "at://did:plc:abc123/app.bsky.feed.post/3kq2abc",
        ),
        ("bluesky", "", "https://bsky.app/profile/hbbc.bsky.social/post/3kq2abc", ""),
        ("instagram", "", "https://www.instagram.com/p/Cabc123/", ""),
    ],
)
def test_each_platforms_id_is_given_or_read_from_the_address(comms_officer, platform, given, address, kept):
    account = AccountFactory(platform=platform, profile_url=f"https://{urlsplit(address).hostname}/@hbbc")
    reply = _ready_by_hand(account, comms_officer)
    replies.record_reply_posted(reply, by=comms_officer, address=address, platform_reply_id=given)
    reply.refresh_from_db()
    assert reply.status == Reply.Status.SENT and reply.platform_reply_id == kept


@pytest.mark.parametrize(
    ("platform", "given", "message"),
    [
        ("facebook", "5566 ", "Enter the reply's id as Facebook gives it, like 104958372615_998877_5566"),
        ("x", "https://x.com/HinckBosBC/status/1", "Enter the reply's id as X (formerly Twitter) gives it"),
        ("bluesky", "3kq2abc", "Enter the reply's id as Bluesky gives it, like at://did:plc:"),
    ],
)
def test_an_id_not_of_the_platforms_kind_is_refused_and_nothing_is_recorded(comms_officer, platform, given, message):
    reply = _ready_by_hand(AccountFactory(platform=platform), comms_officer)
    address = {"facebook": "https://www.facebook.com/r", "x": "https://x.com/r", "bluesky": "https://bsky.app/r"}
    with pytest.raises(Refused, match=message.replace("(", r"\(").replace(")", r"\)")):
        replies.record_reply_posted(reply, by=comms_officer, address=address[platform], platform_reply_id=given)
    reply.refresh_from_db()
    assert reply.status == Reply.Status.READY and reply.platform_reply_id == ""


def test_the_comment_page_asks_for_the_id_and_says_why_the_id_is_refused(client, comms_officer):
    reply = _ready_by_hand(AccountFactory(platform="x"), comms_officer)
    found = reply.comment
    client.force_login(comms_officer)
    page = client.get(reverse("moderation:detail", args=[found.pk])).content.decode()
    assert (
        f'<label class="govuk-label" for="record-{reply.pk}-platform_reply_id">Its id on X (formerly Twitter) (optional)<'
        in page
    )
    url = reverse("moderation:record_posted", args=[found.pk, reply.pk])
    answer = client.post(url, {"address": "https://x.com/HinckBosBC", "platform_reply_id": "abc"}, follow=True)
    assert "Enter the reply&#x27;s id as X (formerly Twitter) gives it" in answer.content.decode()
    client.post(url, {"address": "https://x.com/HinckBosBC", "platform_reply_id": "1866123456789012345"})
    reply.refresh_from_db()
    assert reply.platform_reply_id == "1866123456789012345"
