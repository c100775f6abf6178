"""The stream and poll readers, against real servers on 127.0.0.1 speaking the platforms' formats."""

import datetime as dt

import pytest

from herald.connectors import consumers, credentials, services
from herald.connectors.models import ConnectorState, RawEvent
from herald.connectors.tests.servers import Events, FakeApi, FakeJetstream
from herald.moderation.models import Comment
from testing.factories import AccountFactory

pytestmark = pytest.mark.django_db

COUNCIL_DID = "did:plc:hbbccouncil2026aaaaaaaa"
RESIDENT_DID = "did:plc:resident0000000000000001"
WHEN = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(hours=2)


def read_queued():
    for event in RawEvent.objects.waiting():
        services.read_delivery(event)


def jetstream_frame(time_us, rkey, text, *, did=RESIDENT_DID, reply_to_council=True):
    record = {
        "$type": "app.bsky.feed.post",
        "text": text,
        "createdAt": WHEN.isoformat().replace("+00:00", "Z"),
        "langs": ["en"],
    }
    if reply_to_council:
        parent = {"uri": f"at://{COUNCIL_DID}/app.bsky.feed.post/3lcouncilpost", "cid": "bafyreigcouncilpostcid"}
        record["reply"] = {"root": parent, "parent": parent}
    return {
        "did": did,
        "time_us": time_us,
        "kind": "commit",
        "commit": {
            "rev": f"3l{rkey}rev",
            "operation": "create",
            "collection": "app.bsky.feed.post",
            "rkey": rkey,
            "record": record,
            "cid": f"bafyrei{rkey}",
        },
    }


def test_bluesky_keeps_replies_to_the_council_and_resumes_from_its_cursor(secrets):
    account = AccountFactory(platform="bluesky", handle="hinckley-bosworth.bsky.social")
    frames = [
        jetstream_frame(1767600000000001, "3lreply1", "Will the Argents Mead play area reopen soon?"),
        jetstream_frame(1767600000000002, "3lother", "Lovely sunset in Hinckley", reply_to_council=False),
        jetstream_frame(1767600000000003, "3lreply2", "The bins were missed again on Sunningdale Road"),
    ]
    with FakeJetstream(frames) as server:
        secrets(
            {
                "platforms": {"bluesky": {"jetstream_url": server.url}},
                "accounts": {
                    "bluesky:hinckley-bosworth.bsky.social": {
                        "account_id": COUNCIL_DID,
                        "handle": "hinckley-bosworth.bsky.social",
                        "app_password": "abcd-efgh-ijkl-mnop",
                    }
                },
            }
        )
        reader = consumers.reader_for(credentials.for_account(account))
        # when the reader reads the stream until the server closes it
        reader.once()
        assert server.cursors == [""]
        assert services.cursor_for("bluesky", account) == "1767600000000003"
        # and a new frame arrives after a restart
        frames.append(jetstream_frame(1767600000000004, "3lreply3", "Thank you for fixing the pothole"))
        consumers.reader_for(credentials.for_account(account)).once()
    # then the restart asked for frames after its cursor, and only the replies to the council were kept
    assert server.cursors == ["", "1767600000000003"]
    assert RawEvent.objects.filter(source="stream").count() == 3
    read_queued()
    texts = set(Comment.objects.filter(account=account).values_list("text", flat=True))
    assert texts == {
        "Will the Argents Mead play area reopen soon?",
        "The bins were missed again on Sunningdale Road",
        "Thank you for fixing the pothole",
    }
    assert Comment.objects.get(platform_id=f"at://{RESIDENT_DID}/app.bsky.feed.post/3lreply1").kind == "reply"


def test_a_reader_that_cannot_connect_records_the_problem_and_tries_again(secrets):
    account = AccountFactory(platform="bluesky", handle="hbbc.bsky.social")
    secrets(
        {
            "platforms": {"bluesky": {"jetstream_url": "ws://127.0.0.1:9"}},
            "accounts": {
                "bluesky:hbbc.bsky.social": {
                    "account_id": COUNCIL_DID,
                    "handle": "hbbc.bsky.social",
                    "app_password": "x",
                }
            },
        }
    )
    reader = consumers.reader_for(credentials.for_account(account))
    attempts = []
    real_once = reader.once

    def once():
        attempts.append(1)
        if len(attempts) == 2:
            reader.stop.set()
        real_once()

    reader.once = once
    reader.run()
    assert len(attempts) == 2
    assert ConnectorState.objects.get(account=account).last_error


def youtube_thread(thread_id, text, published, *, video="dQw4w9WgXcQ", channel="UCcouncilchannel0000001"):
    return {
        "kind": "youtube#commentThread",
        "etag": "etag",
        "id": thread_id,
        "snippet": {
            "channelId": channel,
            "videoId": video,
            "topLevelComment": {
                "kind": "youtube#comment",
                "etag": "etag",
                "id": thread_id,
                "snippet": {
                    "channelId": channel,
                    "videoId": video,
                    "textDisplay": text,
                    "textOriginal": text,
                    "authorDisplayName": "@resident",
                    "authorChannelUrl": "http://www.youtube.com/@resident",
                    "authorChannelId": {"value": "UCresident00000000000001"},
                    "canRate": True,
                    "likeCount": 0,
                    "publishedAt": published,
                    "updatedAt": published,
                },
            },
            "canReply": True,
            "totalReplyCount": 0,
            "isPublic": True,
        },
    }


def test_youtube_polls_comment_threads_pages_back_and_keeps_its_cursor(secrets):
    account = AccountFactory(platform="youtube", handle="@HinckleyBosworthBC")
    pages = {
        None: {
            "kind": "youtube#commentThreadListResponse",
            "nextPageToken": "page2",
            "pageInfo": {"totalResults": 3, "resultsPerPage": 2},
            "items": [
                youtube_thread("Ugx3", "Great council meeting stream", "2026-01-05T10:00:00Z"),
                youtube_thread("Ugx2", "Audio was poor at the start", "2026-01-05T09:00:00Z"),
            ],
        },
        "page2": {
            "kind": "youtube#commentThreadListResponse",
            "pageInfo": {"totalResults": 3, "resultsPerPage": 2},
            "items": [youtube_thread("Ugx1", "When is the next planning committee?", "2026-01-04T18:00:00Z")],
        },
    }

    def list_threads(request):
        assert request.query["allThreadsRelatedToChannelId"] == "UCcouncilchannel0000001"
        assert request.query["key"] == "yt-api-key"
        return 200, pages[request.query.get("pageToken")]

    with FakeApi({("GET", "/youtube/v3/commentThreads"): list_threads}) as api:
        secrets(
            {
                "platforms": {"youtube": {"api_url": api.url, "api_key": "yt-api-key"}},
                "accounts": {"youtube:HinckleyBosworthBC": {"account_id": "UCcouncilchannel0000001"}},
            }
        )
        reader = consumers.reader_for(credentials.for_account(account))
        reader.once()
        assert len(api.requests_to("/youtube/v3/commentThreads")) == 2
        assert services.cursor_for("youtube", account) == "2026-01-05T10:00:00Z"
        # a second poll with nothing new stops after the first page, which it has seen
        reader.once()
        assert len(api.requests_to("/youtube/v3/commentThreads")) == 3
    read_queued()
    assert Comment.objects.filter(account=account).count() == 3
    assert Comment.objects.get(platform_id="Ugx1").permalink == "https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=Ugx1"


def mastodon_notification(note_id, status_id, text, *, visibility="public"):
    return {
        "id": note_id,
        "type": "mention",
        "created_at": "2026-01-05T11:00:00.000Z",
        "account": {
            "id": "1090",
            "username": "resident",
            "acct": "resident@mastodon.social",
            "display_name": "A Resident",
            "url": "https://mastodon.social/@resident",
        },
        "status": {
            "id": status_id,
            "created_at": "2026-01-05T11:00:00.000Z",
            "in_reply_to_id": "111000",
            "visibility": visibility,
            "content": f'<p><span class="h-card"><a href="https://social.example/@hbbc">@<span>hbbc</span></a></span> {text}</p>',
            "url": f"https://mastodon.social/@resident/{status_id}",
            "uri": f"https://mastodon.social/users/resident/statuses/{status_id}",
            "account": {
                "id": "1090",
                "username": "resident",
                "acct": "resident@mastodon.social",
                "display_name": "A Resident",
                "url": "https://mastodon.social/@resident",
            },
            "mentions": [],
            "tags": [],
            "emojis": [],
            "media_attachments": [],
        },
    }


def test_mastodon_catches_up_since_its_cursor_then_follows_the_notification_stream(secrets):
    import json

    account = AccountFactory(platform="mastodon", handle="hbbc@social.example")
    missed = [mastodon_notification("501", "113000000000000501", "Is the market on this Saturday?")]
    streamed = mastodon_notification("502", "113000000000000502", "Thanks for the quick reply", visibility="direct")

    with FakeApi() as api:
        api.routes.update(
            {
                ("GET", "/api/v1/notifications"): lambda request: (
                    200,
                    missed if request.query.get("since_id") != "501" else [],
                ),
                ("GET", "/api/v1/instance"): lambda request: (
                    200,
                    {
                        "uri": "social.example",
                        "title": "Social",
                        "version": "4.3.0",
                        "urls": {"streaming_api": api.url},
                    },
                ),
                ("GET", "/api/v1/timelines/public"): lambda request: (200, []),
                ("GET", "/api/v1/streaming/user/notification"): lambda request: (
                    200,
                    Events([":)", "", "event: notification", f"data: {json.dumps(streamed)}", ""]),
                ),
            }
        )
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
        entry = credentials.for_account(account)
        assert entry.name == "mastodon" and not entry.missing
        reader = consumers.reader_for(entry)
        reader.once()  # returns when the server ends the stream; `run` then connects again
        assert api.requests_to("/api/v1/notifications")[0].headers["authorization"] == "Bearer masto-token"
        assert services.cursor_for("mastodon", account) == "502"
    read_queued()
    kinds = dict(Comment.objects.filter(account=account).values_list("text", "kind"))
    assert kinds == {"@hbbc Is the market on this Saturday?": "reply", "@hbbc Thanks for the quick reply": "message"}


# str.isdigit() is true of "²", which int() refuses: an odd id from a server must not stop the reader.
def test_mastodon_keeps_reading_when_a_server_sends_a_notification_id_that_is_not_plain_digits(secrets):
    import json

    account = AccountFactory(platform="mastodon", handle="hbbc@social.example")
    missed = [
        mastodon_notification("²", "113000000000000500", "Is the market on this Saturday?"),
        mastodon_notification("501", "113000000000000501", "Is the car park open?"),
    ]
    streamed = mastodon_notification("502", "113000000000000502", "Thanks for the quick reply", visibility="direct")

    with FakeApi() as api:
        api.routes.update(
            {
                ("GET", "/api/v1/notifications"): lambda request: (
                    200,
                    missed if request.query.get("since_id") != "501" else [],
                ),
                ("GET", "/api/v1/instance"): lambda request: (
                    200,
                    {
                        "uri": "social.example",
                        "title": "Social",
                        "version": "4.3.0",
                        "urls": {"streaming_api": api.url},
                    },
                ),
                ("GET", "/api/v1/timelines/public"): lambda request: (200, []),
                ("GET", "/api/v1/streaming/user/notification"): lambda request: (
                    200,
                    Events([":)", "", "event: notification", f"data: {json.dumps(streamed)}", ""]),
                ),
            }
        )
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
        entry = credentials.for_account(account)
        assert entry.name == "mastodon" and not entry.missing
        reader = consumers.reader_for(entry)
        reader.once()  # returns when the server ends the stream; `run` then connects again
        assert api.requests_to("/api/v1/notifications")[0].headers["authorization"] == "Bearer masto-token"
        assert services.cursor_for("mastodon", account) == "502"
    read_queued()
    kept = set(Comment.objects.filter(account=account).values_list("text", flat=True))
    assert {"@hbbc Is the car park open?", "@hbbc Thanks for the quick reply"} <= kept


def test_serve_starts_readers_only_for_accounts_with_complete_secrets(secrets):
    AccountFactory(platform="bluesky", handle="ready.bsky.social")
    AccountFactory(platform="bluesky", handle="halfdone.bsky.social")
    facebook = AccountFactory(platform="facebook", handle="WebhookOnly")
    secrets(
        {
            "accounts": {
                "bluesky:ready.bsky.social": {
                    "account_id": COUNCIL_DID,
                    "handle": "ready.bsky.social",
                    "app_password": "x",
                },
                "bluesky:halfdone.bsky.social": {"account_id": COUNCIL_DID},
                "facebook:WebhookOnly": {"account_id": "1", "access_token": "t"},
            }
        }
    )
    started = consumers.processes()
    assert list(started) == ["Bluesky reader for ready.bsky.social"]
    assert facebook.pk not in [int(args[1]) for args in started.values()]
