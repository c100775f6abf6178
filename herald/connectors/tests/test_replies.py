"""Sending a reply from Herald, against local servers answering as the platforms document."""

import pytest

from herald.audit.models import AuditEvent
from herald.connectors import services
from herald.connectors.models import CommentOrigin, RawEvent
from herald.connectors.tests.servers import FakeApi
from herald.errors import Refused
from testing.factories import AccountFactory, comment

pytestmark = pytest.mark.django_db


def test_a_facebook_reply_is_posted_to_the_comment_with_the_page_token(secrets):
    account = AccountFactory(platform="facebook", handle="HBBC")
    found = comment(account, "When does the tip open?", platform_id="104958372615_998877_1122", classify=False)
    with FakeApi(
        {("POST", "/104958372615_998877_1122/comments"): lambda request: (200, {"id": "104958372615_998877_5566"})}
    ) as api:
        secrets(
            {
                "platforms": {"facebook": {"app_secret": "s", "verify_token": "v", "graph_url": api.url}},
                "accounts": {"facebook:HBBC": {"account_id": "104958372615", "access_token": "page-token"}},
            }
        )
        sent = services.send_reply(found, "It opens at 8am on Sundays.")
    assert sent.platform_id == "104958372615_998877_5566"
    assert api.seen[0].form() == {"message": "It opens at 8am on Sundays.", "access_token": "page-token"}


def test_a_reply_the_platform_refuses_is_refused_with_its_reason(secrets):
    account = AccountFactory(platform="facebook", handle="HBBC")
    found = comment(account, "Hello", platform_id="1_2_3", classify=False)
    answer = {"error": {"message": "(#200) Permissions error", "type": "OAuthException", "code": 200}}
    with FakeApi({("POST", "/1_2_3/comments"): lambda request: (403, answer)}) as api:
        secrets(
            {
                "platforms": {"facebook": {"app_secret": "s", "verify_token": "v", "graph_url": api.url}},
                "accounts": {"facebook:HBBC": {"account_id": "1", "access_token": "t"}},
            }
        )
        with pytest.raises(Refused, match="Permissions error"):
            services.send_reply(found, "Thanks")


def test_an_x_reply_answers_the_post(secrets):
    account = AccountFactory(platform="x", handle="HBBCouncil")
    found = comment(
        account, "@HBBCouncil lights out on Coventry Road", platform_id="1876543210987654321", classify=False
    )
    with FakeApi(
        {
            ("POST", "/2/tweets"): lambda request: (
                201,
                {"data": {"id": "1876543210987659999", "text": "x", "edit_history_tweet_ids": ["1876543210987659999"]}},
            )
        }
    ) as api:
        secrets(
            {
                "platforms": {"x": {"consumer_secret": "c", "api_url": api.url}},
                "accounts": {"x:HBBCouncil": {"account_id": "2244994945", "access_token": "user-token"}},
            }
        )
        sent = services.send_reply(found, "Thanks, we have reported it.")
    assert sent.platform_id == "1876543210987659999"
    assert api.seen[0].json() == {
        "text": "Thanks, we have reported it.",
        "reply": {"in_reply_to_tweet_id": "1876543210987654321"},
    }
    assert api.seen[0].headers["authorization"] == "Bearer user-token"


def test_a_mastodon_reply_names_the_author_and_answers_their_status(secrets):
    account = AccountFactory(platform="mastodon", handle="hbbc@social.example")
    found = comment(
        account, "Is the market on?", platform_id="mastodon:social.example:113000000000000501", classify=False
    )
    event = RawEvent.objects.create(
        connector="mastodon", source="stream", body="{}", signature="connection", replay_key="n:501"
    )
    CommentOrigin.objects.create(
        comment=found,
        raw_event=event,
        connector="mastodon",
        raw={"status": {"account": {"acct": "resident@mastodon.social"}, "visibility": "public"}},
    )

    def made(request):
        return 200, {
            "id": "113000000000000777",
            "url": "https://social.example/@hbbc/113000000000000777",
            "content": "",
            "created_at": "2026-01-05T11:05:00.000Z",
            "account": {"id": "109000"},
        }

    with FakeApi({("POST", "/api/v1/statuses"): made}) as api:
        secrets(
            {
                "accounts": {
                    "mastodon:hbbc@social.example": {
                        "account_id": "109000",
                        "base_url": api.url,
                        "access_token": "masto-token",
                    }
                }
            }
        )
        sent = services.send_reply(found, "Yes, 8am to 2pm.")
    posted = api.seen[0]
    fields = posted.json() if posted.headers.get("content-type", "").startswith("application/json") else posted.form()
    assert fields["status"] == "@resident@mastodon.social Yes, 8am to 2pm."
    assert str(fields["in_reply_to_id"]) == "113000000000000501"
    assert sent.permalink == "https://social.example/@hbbc/113000000000000777"


def test_a_youtube_reply_is_inserted_under_the_thread(secrets):
    account = AccountFactory(platform="youtube", handle="HinckleyBosworthBC")
    found = comment(account, "When is the next planning committee?", platform_id="Ugx1", classify=False)

    def insert(request):
        assert request.query["part"] == "snippet"
        return 200, {
            "kind": "youtube#comment",
            "id": "Ugx1.9abc",
            "snippet": {"parentId": "Ugx1", "textOriginal": "On 20 January."},
        }

    with FakeApi({("POST", "/youtube/v3/comments"): insert}) as api:
        secrets(
            {
                "platforms": {"youtube": {"api_url": api.url, "api_key": "k"}},
                "accounts": {"youtube:HinckleyBosworthBC": {"account_id": "UCx", "access_token": "oauth-token"}},
            }
        )
        sent = services.send_reply(found, "On 20 January.")
    assert sent.platform_id == "Ugx1.9abc"
    assert api.seen[0].json() == {"snippet": {"parentId": "Ugx1", "textOriginal": "On 20 January."}}
    assert api.seen[0].headers["authorization"] == "Bearer oauth-token"


def test_a_reply_on_an_account_without_a_connector_is_refused_with_what_to_do(secrets):
    account = AccountFactory(platform="nextdoor", handle="hbbc-nextdoor")
    found = comment(account, "Hello", classify=False)
    with pytest.raises(Refused, match="post the reply on the platform"):
        services.send_reply(found, "Hi")


def test_an_instagram_reply_goes_to_the_comments_replies(secrets):
    account = AccountFactory(platform="instagram", handle="hbbc_official")
    found = comment(account, "Is the pool open?", platform_id="17865799348089039", classify=False)
    with FakeApi({("POST", "/17865799348089039/replies"): lambda request: (200, {"id": "17865799348089777"})}) as api:
        secrets(
            {
                "platforms": {"instagram": {"app_secret": "s", "verify_token": "v", "graph_url": api.url}},
                "accounts": {"instagram:hbbc_official": {"account_id": "1784", "access_token": "ig-token"}},
            }
        )
        sent = services.send_reply(found, "Yes, from 7am.")
    assert sent.platform_id == "17865799348089777"
    assert api.seen[0].form()["message"] == "Yes, from 7am."


def test_a_linkedin_reply_is_a_comment_by_the_organisation_under_the_comment(secrets):
    account = AccountFactory(platform="linkedin", handle="hbbc")
    urn = "urn:li:comment:(urn:li:activity:7150000000000000001,7150000000000000222)"
    found = comment(
        account, "Great news", platform_id=urn, parent_platform_id="urn:li:share:7150000000000000001", classify=False
    )
    made = "urn:li:comment:(urn:li:activity:7150000000000000001,7150000000000000999)"
    path = "/rest/socialActions/urn%3Ali%3Ashare%3A7150000000000000001/comments"
    with FakeApi({("POST", path): lambda request: (201, {}, {"x-restli-id": made})}) as api:
        secrets(
            {
                "platforms": {"linkedin": {"client_secret": "c", "api_url": api.url}},
                "accounts": {"linkedin:hbbc": {"account_id": "2414183", "access_token": "li-token"}},
            }
        )
        sent = services.send_reply(found, "Thank you!")
    assert sent.platform_id == made
    assert api.seen[0].json() == {
        "actor": "urn:li:organization:2414183",
        "object": "urn:li:share:7150000000000000001",
        "parentComment": urn,
        "message": {"text": "Thank you!"},
    }
    assert api.seen[0].headers["linkedin-version"]


def test_a_bluesky_reply_signs_in_with_the_app_password_and_answers_in_the_thread(secrets):
    import jwt

    council = "did:plc:hbbccouncil2026aaaaaaaa"
    resident = "did:plc:resident0000000000000001"
    account = AccountFactory(platform="bluesky", handle="hbbc.bsky.social")
    uri = f"at://{resident}/app.bsky.feed.post/3lreply1"
    found = comment(account, "Will the play area reopen?", platform_id=uri, classify=False)
    root = {"uri": f"at://{council}/app.bsky.feed.post/3lcouncilpost", "cid": "bafyreigcouncilpostcid"}
    frame = {
        "did": resident,
        "time_us": 1,
        "kind": "commit",
        "commit": {
            "operation": "create",
            "collection": "app.bsky.feed.post",
            "rkey": "3lreply1",
            "cid": "bafyreireply1cid",
            "record": {
                "$type": "app.bsky.feed.post",
                "text": "Will the play area reopen?",
                "createdAt": "2026-01-05T10:00:00Z",
                "reply": {"root": root, "parent": root},
            },
        },
    }
    event = RawEvent.objects.create(
        connector="bluesky", source="stream", body="{}", signature="connection", replay_key=uri
    )
    CommentOrigin.objects.create(comment=found, raw_event=event, connector="bluesky", raw=frame)
    token = jwt.encode(
        {"scope": "com.atproto.appPass", "sub": council, "iat": 1767600000, "exp": 4102444800},
        "k" * 32,
        algorithm="HS256",
    )
    session = {"did": council, "handle": "hbbc.bsky.social", "accessJwt": token, "refreshJwt": token, "active": True}
    profile = {"did": council, "handle": "hbbc.bsky.social"}
    created = {"uri": f"at://{council}/app.bsky.feed.post/3lanswer", "cid": "bafyreianswercid"}
    with FakeApi(
        {
            ("POST", "/xrpc/com.atproto.server.createSession"): lambda request: (200, session),
            ("GET", "/xrpc/app.bsky.actor.getProfile"): lambda request: (200, profile),
            ("POST", "/xrpc/com.atproto.repo.createRecord"): lambda request: (200, created),
        }
    ) as api:
        secrets(
            {
                "accounts": {
                    "bluesky:hbbc.bsky.social": {
                        "account_id": council,
                        "handle": "hbbc.bsky.social",
                        "app_password": "abcd-efgh-ijkl-mnop",
                        "pds_url": api.url,
                    }
                }
            }
        )
        sent = services.send_reply(found, "Yes, on Monday.")
    assert api.requests_to("/xrpc/com.atproto.server.createSession")[0].json()["password"] == "abcd-efgh-ijkl-mnop"
    record = api.requests_to("/xrpc/com.atproto.repo.createRecord")[0].json()["record"]
    assert record["text"] == "Yes, on Monday."
    assert {key: record["reply"]["parent"][key] for key in ("uri", "cid")} == {"uri": uri, "cid": "bafyreireply1cid"}
    assert {key: record["reply"]["root"][key] for key in ("uri", "cid")} == root
    assert sent.permalink == "https://bsky.app/profile/hbbc.bsky.social/post/3lanswer"


def test_the_inbox_sends_replies_through_the_connectors_of_every_platform_that_can_reply():
    from herald.moderation import platforms

    for platform in ("facebook", "instagram", "x", "linkedin", "youtube", "bluesky", "mastodon", "other"):
        assert platforms.action_for(platform, "send_reply") == services.send_from_inbox, platform
    for platform in ("tiktok", "nextdoor", "threads", "whatsapp"):
        assert platforms.action_for(platform, "send_reply") is None, platform


def test_a_reply_written_in_the_inbox_on_a_mastodon_account_goes_out_through_its_connector(
    secrets, editor, django_capture_on_commit_callbacks
):
    from herald.moderation.models import Comment, Reply
    from herald.moderation.services import replies

    account = AccountFactory(platform="mastodon", handle="hbbc@social.example")
    question = comment(
        account, "Is the market on?", platform_id="mastodon:social.example:113000000000000501", classify=False
    )

    def made(request):
        return 200, {
            "id": "113000000000000778",
            "url": "https://social.example/@hbbc/113000000000000778",
            "content": "<p>Yes</p>",
            "created_at": "2026-01-05T11:05:00.000Z",
            "account": {"id": "109000"},
        }

    with FakeApi({("POST", "/api/v1/statuses"): made}) as api:
        secrets(
            {
                "accounts": {
                    "mastodon:hbbc@social.example": {
                        "account_id": "109000",
                        "base_url": api.url,
                        "access_token": "masto-token",
                    }
                }
            }
        )
        with django_capture_on_commit_callbacks(execute=True):
            reply = replies.write_reply(question, by=editor, text="Yes, 8am to 2pm.", seen_latest=0)

    assert len(api.seen) == 1 and api.seen[0].headers["authorization"] == "Bearer masto-token"
    reply.refresh_from_db()
    assert reply.status == Reply.Status.SENT
    assert reply.sent_how == Reply.SentHow.CONNECTOR
    assert reply.platform_reply_id.endswith(":113000000000000778")
    assert reply.address == "https://social.example/@hbbc/113000000000000778"
    question.refresh_from_db()
    assert question.status == Comment.Status.REPLIED
    # One event for the reply leaving Herald, carrying where it went, after the one for writing it.
    trail = AuditEvent.objects.for_object(question).filter(action__contains="reply")
    assert [event.action for event in trail.order_by("pk")] == ["moderation.reply_written", "moderation.reply_sent"]
    sent = trail.get(action="moderation.reply_sent")
    assert sent.actor == editor
    assert sent.after["platform_reply_id"] == reply.platform_reply_id
    assert sent.after["address"] == "https://social.example/@hbbc/113000000000000778"
    assert sent.after["sha256"] == reply.text_sha256


def test_a_reply_on_an_account_with_no_connector_set_up_waits_for_the_editor_to_post_it(secrets, editor):
    from herald.moderation.models import Reply
    from herald.moderation.services import replies

    account = AccountFactory(platform="facebook", handle="NoSecrets")
    question = comment(account, "When is bin day?", classify=False)
    reply = replies.write_reply(question, by=editor, text="Tuesdays.", seen_latest=0)
    assert reply.status == Reply.Status.READY and reply.send_error == ""

    replies.record_reply_posted(reply, by=editor, address="https://www.facebook.com/NoSecrets/posts/1?comment_id=2")
    reply.refresh_from_db()
    assert reply.status == Reply.Status.SENT
    assert reply.sent_how == Reply.SentHow.BY_HAND
    assert reply.address == "https://www.facebook.com/NoSecrets/posts/1?comment_id=2"


def test_a_refusal_from_the_platform_leaves_the_inbox_reply_ready_with_the_reason_to_send_again(
    secrets, editor, django_capture_on_commit_callbacks
):
    from herald.moderation.models import Reply
    from herald.moderation.services import replies

    account = AccountFactory(platform="facebook", handle="HBBC")
    question = comment(account, "Hello", platform_id="1_2_3", classify=False)
    answer = {"error": {"message": "(#200) Permissions error", "type": "OAuthException", "code": 200}}
    with FakeApi({("POST", "/1_2_3/comments"): lambda request: (403, answer)}) as api:
        secrets(
            {
                "platforms": {"facebook": {"app_secret": "s", "verify_token": "v", "graph_url": api.url}},
                "accounts": {"facebook:HBBC": {"account_id": "1", "access_token": "t"}},
            }
        )
        with django_capture_on_commit_callbacks(execute=True):
            reply = replies.write_reply(question, by=editor, text="Thanks", seen_latest=0)
    reply.refresh_from_db()
    assert reply.status == Reply.Status.READY
    assert "Permissions error" in reply.send_error
    assert "Permissions error" in AuditEvent.objects.get(action="moderation.reply_not_sent").reason

    with FakeApi({("POST", "/1_2_3/comments"): lambda request: (200, {"id": "1_2_9"})}) as api:
        secrets(
            {
                "platforms": {"facebook": {"app_secret": "s", "verify_token": "v", "graph_url": api.url}},
                "accounts": {"facebook:HBBC": {"account_id": "1", "access_token": "t"}},
            }
        )
        with django_capture_on_commit_callbacks(execute=True):
            replies.send_reply_again(reply, by=editor)
    reply.refresh_from_db()
    assert (reply.status, reply.platform_reply_id, reply.send_error) == (Reply.Status.SENT, "1_2_9", "")
