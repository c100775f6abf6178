"""Hiding a comment in the inbox hides it on X and YouTube too, against local servers answering as the
platforms document. The platform is called once the hide has committed in Herald; where it refuses,
its reason is kept on the comment to try again, and the evidence stays."""

from pathlib import Path

import pytest
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.connectors import credentials, services
from herald.connectors.models import CommentOrigin, RawEvent
from herald.connectors.tests.servers import FakeApi
from herald.moderation import platforms
from herald.moderation.models import Comment, Evidence, PlatformAction
from herald.moderation.services import evidence
from testing.factories import AccountFactory, comment

pytestmark = pytest.mark.django_db


ABUSE = "You lot are useless idiots and I will hurt you"
REPLY_ID = "1876543210987654321"
YOUTUBE_ID = "UgzAbC.9xYz"


def on_platform(action="moderation.comment_hidden"):
    return AuditEvent.objects.filter(action=action).latest("pk").after["on_platform"]


def x_account(secrets, api):
    account = AccountFactory(platform="x", handle="HBBCouncil")
    secrets(
        {
            "platforms": {"x": {"consumer_secret": "c", "api_url": api.url}},
            "accounts": {"x:HBBCouncil": {"account_id": "2244994945", "access_token": "user-token"}},
        }
    )
    return account


def youtube_account(secrets, api):
    account = AccountFactory(platform="youtube", handle="HinckleyBosworthBC")
    secrets(
        {
            "platforms": {"youtube": {"api_url": api.url, "api_key": "k"}},
            "accounts": {"youtube:HinckleyBosworthBC": {"account_id": "UCx", "access_token": "oauth-token"}},
        }
    )
    return account


def hidden_on_x(request):
    return 200, {"data": {"hidden": request.json()["hidden"]}}


def test_x_and_youtube_hide_through_their_connectors_and_linkedin_and_mastodon_are_hidden_by_hand():
    for name in ("x", "youtube", "facebook", "instagram"):
        assert platforms.action_for(name, "hide") == services.hide_from_inbox
        assert platforms.action_for(name, "unhide") == services.unhide_from_inbox
    for name in ("linkedin", "mastodon"):
        assert platforms.action_for(name, "hide") is None


def test_hiding_a_reply_on_x_hides_it_in_the_conversation_and_showing_it_again_unhides_it(secrets, editor, committed):
    with FakeApi({("PUT", f"/2/tweets/{REPLY_ID}/hidden"): hidden_on_x}) as api:
        found = comment(x_account(secrets, api), f"@HBBCouncil {ABUSE}", platform_id=REPLY_ID)
        with committed():
            evidence.hide_comment(found, by=editor, reason="threat")
        assert on_platform() == "by Herald"
        assert AuditEvent.objects.filter(action="moderation.comment_hidden_on_platform").count() == 1
        with committed():
            evidence.unhide_comment(found, by=editor, reason="Hidden by mistake")

    assert [(seen.method, seen.path) for seen in api.seen] == [("PUT", f"/2/tweets/{REPLY_ID}/hidden")] * 2
    assert [seen.json() for seen in api.seen] == [{"hidden": True}, {"hidden": False}]
    assert {seen.headers["authorization"] for seen in api.seen} == {"Bearer user-token"}
    assert on_platform("moderation.comment_unhidden") == "by Herald"
    assert AuditEvent.objects.filter(action="moderation.comment_unhidden_on_platform").count() == 1
    label = found.get_platform_display()
    assert [a.words for a in found.platform_actions.all()] == [f"Hidden on {label}", f"Shown again on {label}"]


def test_when_x_refuses_its_reason_is_kept_to_try_again_and_the_evidence_stays(secrets, editor, committed):
    problem = {
        "title": "Forbidden",
        "detail": "You cannot hide or unhide replies to a conversation you did not start.",
        "type": "about:blank",
        "status": 403,
    }
    with FakeApi({("PUT", f"/2/tweets/{REPLY_ID}/hidden"): lambda request: (403, problem)}) as api:
        found = comment(x_account(secrets, api), f"@HBBCouncil {ABUSE}", platform_id=REPLY_ID)
        with committed():
            evidence.hide_comment(found, by=editor, reason="threat")

    assert_refused_on_platform(found, "You cannot hide or unhide replies to a conversation you did not start.")


def assert_refused_on_platform(found, words):
    found.refresh_from_db()
    assert found.status == Comment.Status.HIDDEN  # hidden in Herald, the evidence kept
    assert Evidence.objects.filter(comment=found).count() == 1
    asked = found.platform_actions.get()
    assert asked.status == PlatformAction.Status.REFUSED and words in asked.error
    refusal = AuditEvent.objects.get(action="moderation.comment_not_hidden_on_platform")
    assert refusal.reason == asked.error
    assert not AuditEvent.objects.filter(action="moderation.comment_hidden_on_platform").exists()


def test_an_x_mention_that_answers_no_post_is_hidden_by_hand_without_asking_x(secrets, editor):
    with FakeApi({("PUT", f"/2/tweets/{REPLY_ID}/hidden"): hidden_on_x}) as api:
        found = comment(x_account(secrets, api), f"@HBBCouncil {ABUSE}", platform_id=REPLY_ID)
        post = {"id_str": REPLY_ID, "text": found.text, "in_reply_to_status_id_str": None}
        event = RawEvent.objects.create(connector="x", source="webhook", body="{}", signature="s", replay_key="m1")
        CommentOrigin.objects.create(comment=found, raw_event=event, connector="x", raw=post)
        evidence.hide_comment(found, by=editor, reason="threat")

    assert api.seen == []
    assert on_platform() == "by hand"


def test_hiding_a_youtube_comment_holds_it_for_review_and_showing_it_again_publishes_it(secrets, editor, committed):
    with FakeApi({("POST", "/youtube/v3/comments/setModerationStatus"): lambda request: (204, b"")}) as api:
        found = comment(youtube_account(secrets, api), ABUSE, platform_id=YOUTUBE_ID)
        with committed():
            evidence.hide_comment(found, by=editor, reason="threat")
        assert on_platform() == "by Herald"
        with committed():
            evidence.unhide_comment(found, by=editor, reason="Hidden by mistake")

    assert [seen.method for seen in api.seen] == ["POST", "POST"]
    assert [(seen.query["id"], seen.query["moderationStatus"]) for seen in api.seen] == [
        (YOUTUBE_ID, "heldForReview"),
        (YOUTUBE_ID, "published"),
    ]
    assert {seen.headers["authorization"] for seen in api.seen} == {"Bearer oauth-token"}
    assert [seen.body for seen in api.seen] == [b"", b""]


def test_when_youtube_refuses_its_reason_is_kept_to_try_again_and_the_evidence_stays(secrets, editor, committed):
    error = {
        "error": {
            "code": 403,
            "message": "The comment could not be moderated because of insufficient permissions.",
            "errors": [{"reason": "forbidden", "domain": "youtube.comment", "message": "Insufficient permissions."}],
        }
    }
    with FakeApi({("POST", "/youtube/v3/comments/setModerationStatus"): lambda request: (403, error)}) as api:
        found = comment(youtube_account(secrets, api), ABUSE, platform_id=YOUTUBE_ID)
        with committed():
            evidence.hide_comment(found, by=editor, reason="threat")

    assert_refused_on_platform(found, "The comment could not be moderated because of insufficient permissions.")


@pytest.mark.parametrize("platform", ["x", "youtube"])
def test_the_inbox_hide_button_shows_the_platforms_refusal_and_try_again_hides_it_there(
    client, secrets, comms_officer, platform, committed
):
    answers = iter([(403, {"detail": "Not allowed today", "error": {"code": 403, "message": "Not allowed today"}})])

    def answer(request):
        return next(answers, (200, {"data": {"hidden": True}}) if platform == "x" else (204, b""))

    routes = {
        ("PUT", f"/2/tweets/{REPLY_ID}/hidden"): answer,
        ("POST", "/youtube/v3/comments/setModerationStatus"): answer,
    }
    with FakeApi(routes) as api:
        account = (x_account if platform == "x" else youtube_account)(secrets, api)
        found = comment(account, ABUSE, platform_id=REPLY_ID if platform == "x" else YOUTUBE_ID)
        client.force_login(comms_officer)
        label = found.get_platform_display()

        page = reverse("moderation:detail", args=[found.pk])
        with committed():
            client.post(reverse("moderation:remove", args=[found.pk]), {"action": "hide", "reason": "threat"})
        refused = client.get(page).content.decode()
        found.refresh_from_db()
        assert found.status == Comment.Status.HIDDEN
        assert "Not allowed today" in refused and f"Not hidden on {label}" in refused
        asked = found.platform_actions.get()
        assert reverse("moderation:platform_again", args=[found.pk, asked.pk]) in refused

        with committed():
            client.post(reverse("moderation:platform_again", args=[found.pk, asked.pk]))
        again = client.get(page).content.decode()
    assert f"Hidden on {label}" in again and "Not allowed today" not in again
    assert len(api.seen) == 2
    assert [e.action for e in AuditEvent.objects.filter(action__contains="hidden_on_platform").order_by("pk")] == [
        "moderation.comment_not_hidden_on_platform",
        "moderation.comment_hidden_on_platform",
    ]


COUNCIL = "did:plc:hbbccouncil2026aaaaaaaa"
RESIDENT = "did:plc:resident0000000000000001"
BLUESKY_REPLY = f"at://{RESIDENT}/app.bsky.feed.post/3lreply1"
ROOT = f"at://{COUNCIL}/app.bsky.feed.post/3lcouncilpost"
GATE_PATH = "/xrpc/com.atproto.repo.putRecord"


class FakePds(FakeApi):
    """A PDS holding the council's threadgates: `getRecord` answers RecordNotFound until one is put."""

    def __init__(self, gate=None, refuse=None):
        import jwt

        token = jwt.encode(
            {"scope": "com.atproto.appPass", "sub": COUNCIL, "iat": 1767600000, "exp": 4102444800},
            "k" * 32,
            algorithm="HS256",
        )
        session = {"did": COUNCIL, "handle": "hbbc.bsky.social", "accessJwt": token, "refreshJwt": token}
        self.gate = gate
        self.versions = 0

        def get_record(request):
            if self.gate is None:
                return 400, {"error": "RecordNotFound", "message": f"Could not locate record: {request.query}"}
            return 200, {"uri": ROOT.replace("feed.post", "feed.threadgate"), "cid": self.cid, "value": self.gate}

        def put_record(request):
            if refuse:
                return refuse
            self.gate = request.json()["record"]
            self.versions += 1
            return 200, {"uri": ROOT.replace("feed.post", "feed.threadgate"), "cid": self.cid}

        super().__init__(
            {
                ("POST", "/xrpc/com.atproto.server.createSession"): lambda request: (200, session),
                ("GET", "/xrpc/app.bsky.actor.getProfile"): lambda request: (
                    200,
                    {"did": COUNCIL, "handle": "hbbc.bsky.social"},
                ),
                ("GET", "/xrpc/com.atproto.repo.getRecord"): get_record,
                ("POST", GATE_PATH): put_record,
            }
        )

    @property
    def cid(self):
        return f"bafyreigate{self.versions}"


def bluesky_reply(secrets, pds, root=ROOT):
    account = AccountFactory(platform="bluesky", handle="hbbc.bsky.social")
    secrets(
        {
            "accounts": {
                "bluesky:hbbc.bsky.social": {
                    "account_id": COUNCIL,
                    "handle": "hbbc.bsky.social",
                    "app_password": "abcd-efgh-ijkl-mnop",
                    "pds_url": pds.url,
                }
            }
        }
    )
    found = comment(account, ABUSE, platform_id=BLUESKY_REPLY)
    post = {"uri": root, "cid": "bafyreiroot"}
    frame = {
        "did": RESIDENT,
        "time_us": 1,
        "kind": "commit",
        "commit": {
            "operation": "create",
            "collection": "app.bsky.feed.post",
            "rkey": "3lreply1",
            "cid": "bafyreireply1cid",
            "record": {"text": ABUSE, "createdAt": "2026-01-05T10:00:00Z", "reply": {"root": post, "parent": post}},
        },
    }
    event = RawEvent.objects.create(
        connector="bluesky", source="stream", body="{}", signature="connection", replay_key=BLUESKY_REPLY
    )
    CommentOrigin.objects.create(comment=found, raw_event=event, connector="bluesky", raw=frame)
    return found


def test_hiding_a_bluesky_reply_adds_it_to_the_threads_hidden_replies_and_showing_it_again_removes_it(
    secrets, editor, committed
):
    assert platforms.action_for("bluesky", "hide") == services.hide_from_inbox
    with FakePds() as pds:
        found = bluesky_reply(secrets, pds)
        with committed():
            evidence.hide_comment(found, by=editor, reason="threat")
        made = dict(pds.gate)
        with committed():
            evidence.unhide_comment(found, by=editor, reason="Hidden by mistake")

    puts = pds.requests_to(GATE_PATH)
    assert [seen.headers["authorization"].split()[0] for seen in puts] == ["Bearer", "Bearer"]
    first, second = (seen.json() for seen in puts)
    assert {key: first[key] for key in ("repo", "collection", "rkey")} == {
        "repo": COUNCIL,
        "collection": "app.bsky.feed.threadgate",
        "rkey": "3lcouncilpost",
    }
    assert made["post"] == ROOT and made["hiddenReplies"] == [BLUESKY_REPLY]
    assert "allow" not in made  # no threadgate before: everyone may still reply
    assert "swapRecord" not in first
    assert second["record"]["hiddenReplies"] == [] and second["swapRecord"] == "bafyreigate1"
    assert on_platform("moderation.comment_unhidden") == "by Herald"


def test_hiding_a_bluesky_reply_keeps_who_may_reply_and_the_replies_already_hidden(secrets, editor, committed):
    other = f"at://{RESIDENT}/app.bsky.feed.post/3lother"
    allow = [{"$type": "app.bsky.feed.threadgate#followingRule"}]
    gate = {
        "$type": "app.bsky.feed.threadgate",
        "post": ROOT,
        "createdAt": "2026-01-05T09:00:00Z",
        "allow": allow,
        "hiddenReplies": [other],
    }
    with FakePds(gate=gate) as pds, committed():
        evidence.hide_comment(bluesky_reply(secrets, pds), by=editor, reason="threat")

    assert pds.gate["allow"] == allow
    assert pds.gate["hiddenReplies"] == [other, BLUESKY_REPLY]
    assert pds.requests_to(GATE_PATH)[0].json()["swapRecord"] == "bafyreigate0"


def test_when_bluesky_refuses_its_reason_is_kept_to_try_again_and_the_evidence_stays(secrets, editor, committed):
    refusal = (400, {"error": "InvalidSwap", "message": "Record was at bafyreisomethingelse"})
    with FakePds(refuse=refusal) as pds:
        found = bluesky_reply(secrets, pds)
        with committed():
            evidence.hide_comment(found, by=editor, reason="threat")

    assert_refused_on_platform(found, "Record was at bafyreisomethingelse.")


def test_a_bluesky_reply_in_someone_elses_thread_is_hidden_by_hand(secrets, editor):
    with FakePds() as pds:
        found = bluesky_reply(secrets, pds, root=f"at://{RESIDENT}/app.bsky.feed.post/3ltheirs")
        evidence.hide_comment(found, by=editor, reason="threat")

    assert pds.seen == []
    assert on_platform() == "by hand"


@pytest.mark.parametrize("platform", ["linkedin", "mastodon"])
def test_the_comment_page_says_plainly_when_the_editor_must_hide_it_on_the_platform_themselves(
    client, secrets, comms_officer, platform
):
    found = comment(AccountFactory(platform=platform, handle="hbbc"), ABUSE)
    client.force_login(comms_officer)

    page = client.get(reverse("moderation:detail", args=[found.pk])).content.decode()

    label = found.get_platform_display()
    assert f"Herald cannot hide this comment on {label}." in page
    assert f"hides it on {label} too" not in page


def test_the_comment_page_says_hiding_also_hides_on_x_for_a_reply_but_not_for_a_direct_message(
    client, secrets, comms_officer
):
    with FakeApi({}) as api:
        account = x_account(secrets, api)
        reply = comment(account, ABUSE, platform_id=REPLY_ID)
        message = comment(account, ABUSE, platform_id="dm-1876543210987654999", kind="message")
        client.force_login(comms_officer)

        on_reply = client.get(reverse("moderation:detail", args=[reply.pk])).content.decode()
        on_message = client.get(reverse("moderation:detail", args=[message.pk])).content.decode()

    label = reply.get_platform_display()
    assert f"Hiding it here hides it on {label} too." in on_reply
    assert f"Herald cannot hide this comment on {label}." in on_message
    assert api.seen == []


def test_a_hide_registered_without_its_own_check_is_trusted_by_the_page_and_the_old_check_is_dropped(
    client, secrets, comms_officer
):
    found = comment(AccountFactory(platform="mastodon", handle="hbbc"), ABUSE)
    client.force_login(comms_officer)
    label = found.get_platform_display()

    with platforms.registered("mastodon", hide=lambda comment: True, can_hide=lambda comment: False):
        with platforms.registered("mastodon", hide=lambda comment: True):
            trusted = client.get(reverse("moderation:detail", args=[found.pk])).content.decode()
        checked = client.get(reverse("moderation:detail", args=[found.pk])).content.decode()

    assert f"Hiding it here hides it on {label} too." in trusted
    assert f"Herald cannot hide this comment on {label}." in checked
    assert platforms.action_for("mastodon", "hide") is None


def test_with_the_secrets_file_broken_the_comment_page_opens_and_hiding_is_done_by_hand(
    secrets, settings, client, editor, comms_officer, committed, caplog
):
    # given: X hiding was set up, then the secrets file was replaced by a directory (a bad volume mount)
    with FakeApi({("PUT", f"/2/tweets/{REPLY_ID}/hidden"): hidden_on_x}) as api:
        found = comment(x_account(secrets, api), f"@HBBCouncil {ABUSE}", platform_id=REPLY_ID)
        path = Path(settings.HERALD_SECRETS_FILE)
        path.unlink()
        path.mkdir()
        # when: the communications team opens the comment, and an editor hides it
        client.force_login(comms_officer)
        with caplog.at_level("ERROR", logger="herald.connectors.services"):
            page = client.get(reverse("moderation:detail", args=[found.pk]))
            with committed():
                evidence.hide_comment(found, by=editor, reason="threat")
    # then: the page opens, the hide is recorded in Herald to be done on X by hand, X is not called,
    # and the problem is in the log with the file's path
    assert page.status_code == 200
    assert on_platform() != "by Herald" and api.seen == []
    assert any(str(path) in record.getMessage() for record in caplog.records)


def test_with_the_secrets_file_broken_each_reason_is_logged_once_not_on_every_page(
    secrets, settings, client, comms_officer, caplog
):
    # given: X hiding was set up, then the secrets file was replaced by a directory
    with FakeApi({}) as api:
        found = comment(x_account(secrets, api), f"@HBBCouncil {ABUSE}", platform_id=REPLY_ID)
    path = Path(settings.HERALD_SECRETS_FILE)
    path.unlink()
    path.mkdir()
    client.force_login(comms_officer)
    page = reverse("moderation:detail", args=[found.pk])

    # when: the comment's page is opened three times (each asks what the connector can do, more than once)
    with caplog.at_level("ERROR", logger="herald.connectors.services"):
        for _ in range(3):
            assert client.get(page).status_code == 200
    # then: the file's problem is in the log once
    broken = [record for record in caplog.records if str(path) in record.getMessage()]
    assert len(broken) == 1 and "by hand" in broken[0].getMessage()

    # when: the file is mended and the page opens, then it breaks again (unreadable text this time)
    caplog.clear()
    path.rmdir()
    secrets({"accounts": {"x:HBBCouncil": {"account_id": "2244994945", "access_token": "user-token"}}})
    with caplog.at_level("ERROR", logger="herald.connectors.services"):
        assert client.get(page).status_code == 200
        assert caplog.records == []
        path.write_bytes(b"\xff\xfe not text")
        credentials._cache["key"] = None
        for _ in range(2):
            assert client.get(page).status_code == 200
    # then: the new problem is logged, once
    assert len([record for record in caplog.records if str(path) in record.getMessage()]) == 1
