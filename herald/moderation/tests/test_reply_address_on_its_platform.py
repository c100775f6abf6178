"""A reply posted by hand is recorded only with an address on its comment's platform (on Mastodon, the
council account's own server), and an id only in the form the platform gives its ids: an address shaped
like X's on another site gives no id and is refused."""

import pytest
from django.urls import reverse

from herald.errors import Refused
from herald.moderation.models import Reply
from herald.moderation.services import replies
from testing.factories import AccountFactory

from .test_reply_posted_by_hand import _ready_by_hand

pytestmark = pytest.mark.django_db

ON_X = "Enter the address of your reply on X (formerly Twitter): it starts https://x.com/ or https://twitter.com/"


@pytest.mark.parametrize(
    "address",
    [
        "https://example.com/HinckBosBC/status/1866123456789012345",
        "https://x.com.example.net/HinckBosBC/status/1866123456789012345",
        "https://notx.com/HinckBosBC/status/1866123456789012345",
        "https://x.com@example.net/HinckBosBC/status/1866123456789012345",
        "https://www.facebook.com/HinckBosBC/posts/1",
    ],
)
def test_an_x_shaped_address_on_another_site_is_refused(comms_officer, address):
    reply = _ready_by_hand(AccountFactory(platform="x"), comms_officer)
    with pytest.raises(Refused, match=ON_X.replace("(", r"\(").replace(")", r"\)")) as refused:
        replies.record_reply_posted(reply, by=comms_officer, address=address)
    assert list(refused.value.message_dict) == ["address"]
    reply.refresh_from_db()
    assert reply.status == Reply.Status.READY and reply.platform_reply_id == ""


@pytest.mark.parametrize(
    ("platform", "address"),
    [
        ("x", "https://twitter.com/HinckBosBC/status/1866123456789012345"),
        ("x", "https://mobile.twitter.com/HinckBosBC/status/1866123456789012345"),
        ("facebook", "https://m.facebook.com/story.php?id=1"),
        ("facebook", "https://fb.com/HinckleyBosworthBC"),
        ("instagram", "https://www.instagram.com/p/Cabc123/"),
        ("youtube", "https://youtu.be/abc"),
        ("youtube", "https://www.youtube.com/watch?v=abc"),
        ("bluesky", "https://bsky.app/profile/hbbc.bsky.social/post/3kq2abc"),
        ("linkedin", "https://www.linkedin.com/feed/update/urn:li:activity:7100000000000000000/"),
        ("tiktok", "https://www.tiktok.com/@hbbc/video/7300000000000000000"),
    ],
)
def test_an_address_on_the_comments_own_platform_is_recorded(comms_officer, platform, address):
    reply = _ready_by_hand(AccountFactory(platform=platform), comms_officer)
    replies.record_reply_posted(reply, by=comms_officer, address=address)
    reply.refresh_from_db()
    assert reply.status == Reply.Status.SENT and reply.address == address


def _on_mastodon(comms_officer, **account):
    return _ready_by_hand(AccountFactory(platform="mastodon", **account), comms_officer)


def test_a_mastodon_reply_must_be_on_the_accounts_own_server(comms_officer):
    reply = _on_mastodon(comms_officer, profile_url="https://mastodon.social/@HBBC")
    with pytest.raises(Refused, match="it starts https://mastodon.social/, the account's own server"):
        replies.record_reply_posted(reply, by=comms_officer, address="https://mas.to/@HBBC/113512345678901234")
    # and on its own server, its number is kept with the server's name, as Herald's connector names it
    replies.record_reply_posted(reply, by=comms_officer, address="https://mastodon.social/@HBBC/113512345678901234")
    reply.refresh_from_db()
    assert reply.platform_reply_id == "mastodon:mastodon.social:113512345678901234"


def test_a_mastodon_server_named_only_by_the_handle_is_the_accounts_own(comms_officer):
    reply = _on_mastodon(comms_officer, handle="HBBC@social.example.gov.uk", profile_url="")
    replies.record_reply_posted(
        reply, by=comms_officer, address="https://social.example.gov.uk/@HBBC/1", platform_reply_id="113512345678901234"
    )
    reply.refresh_from_db()
    assert reply.platform_reply_id == "mastodon:social.example.gov.uk:113512345678901234"


@pytest.mark.parametrize(
    ("platform", "address", "given"),
    [
        ("mastodon", "https://mastodon.social/@HBBC/1", "AbC123"),
        ("mastodon", "https://mastodon.social/@HBBC/1", "mastodon:mas.to:113512345678901234"),
        ("youtube", "https://www.youtube.com/watch?v=abc", "abcdefghij"),
        ("youtube", "https://www.youtube.com/watch?v=abc", "UgzDE2tasfmrYLyNkGt4AaABAg.x"),
        ("youtube", "https://www.youtube.com/watch?v=abc", "zz" + "a" * 40),
    ],
)
def test_loose_mastodon_and_youtube_ids_are_refused(comms_officer, platform, address, given):
    reply = _ready_by_hand(
        AccountFactory(platform=platform, profile_url="https://mastodon.social/@HBBC"), comms_officer
    )
    with pytest.raises(Refused, match="Enter the reply's id as"):
        replies.record_reply_posted(reply, by=comms_officer, address=address, platform_reply_id=given)


@pytest.mark.parametrize(
    "given",
    [
        "UgzDE2tasfmrYLyNkGt4AaABAg",
        "UgzDE2tasfmrYLyNkGt4AaABAg.9iPXEClD9lW",
        "UgzDE2tasfmrYLyNkGt4AaABAg.9iPXEClD9lW9iPXEClD9lW",
    ],
)
def test_youtube_comment_and_reply_ids_are_kept(comms_officer, given):
    reply = _ready_by_hand(AccountFactory(platform="youtube"), comms_officer)
    replies.record_reply_posted(
        reply, by=comms_officer, address="https://www.youtube.com/watch?v=abc", platform_reply_id=given
    )
    reply.refresh_from_db()
    assert reply.platform_reply_id == given


def test_the_comment_page_says_where_the_address_must_be(client, comms_officer):
    reply = _ready_by_hand(AccountFactory(platform="x"), comms_officer)
    client.force_login(comms_officer)
    url = reverse("moderation:record_posted", args=[reply.comment.pk, reply.pk])
    answer = client.post(url, {"address": "https://example.com/HinckBosBC/status/1866123456789012345"}, follow=True)
    assert "it starts https://x.com/ or https://twitter.com/" in answer.content.decode()
    reply.refresh_from_db()
    assert reply.status == Reply.Status.READY
