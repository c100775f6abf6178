"""The webhook receivers: each platform's challenge, signature and payload, as the platform sends them."""

import base64
import hashlib
import hmac
import json
from pathlib import Path

import pytest
from django_tasks_db.models import DBTaskResult
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from herald.connectors import credentials, services
from herald.connectors.models import CommentOrigin, ConnectorState, RawEvent
from herald.connectors.tasks import read_delivery
from herald.moderation.models import Comment
from testing.factories import AccountFactory

pytestmark = pytest.mark.django_db

APP = {
    "facebook": {"app_secret": "fb-app-secret", "verify_token": "herald-verify-123"},
    "instagram": {"app_secret": "ig-app-secret", "verify_token": "herald-verify-456"},
    "x": {"consumer_secret": "x-consumer-secret"},
    "linkedin": {"client_secret": "li-client-secret"},
}


@pytest.fixture
def accounts(secrets):
    made = {
        "facebook": AccountFactory(platform="facebook", handle="HinckleyBosworthBC"),
        "instagram": AccountFactory(platform="instagram", handle="hbbc_official"),
        "x": AccountFactory(platform="x", handle="@HBBCouncil"),
        "linkedin": AccountFactory(platform="linkedin", handle="hinckley-and-bosworth-borough-council"),
    }
    secrets(
        {
            "platforms": APP,
            "accounts": {
                "facebook:HinckleyBosworthBC": {"account_id": "104958372615", "access_token": "page-token"},
                "instagram:hbbc_official": {"account_id": "17841400000000001", "access_token": "ig-token"},
                "x:HBBCouncil": {"account_id": "2244994945", "access_token": "x-user-token"},
                "linkedin:hinckley-and-bosworth-borough-council": {"account_id": "2414183", "access_token": "li-token"},
            },
        }
    )
    return made


def facebook_comment(comment_id="104958372615_998877_1122", message="When is the green bin collection in Burbage?"):
    return {
        "object": "page",
        "entry": [
            {
                "id": "104958372615",
                "time": 1767606000,
                "changes": [
                    {
                        "field": "feed",
                        "value": {
                            "from": {"id": "6600112233", "name": "Jo Resident"},
                            "post": {
                                "status_type": "added_photos",
                                "is_published": True,
                                "permalink_url": "https://www.facebook.com/104958372615/posts/998877",
                            },
                            "message": message,
                            "post_id": "104958372615_998877",
                            "comment_id": comment_id,
                            "created_time": 1767605990,
                            "item": "comment",
                            "parent_id": "104958372615_998877",
                            "verb": "add",
                        },
                    },
                    {
                        "field": "feed",
                        "value": {
                            "item": "reaction",
                            "verb": "add",
                            "reaction_type": "like",
                            "post_id": "104958372615_998877",
                            "from": {"id": "1"},
                            "created_time": 1767605991,
                        },
                    },
                ],
            }
        ],
    }


def signed_meta(body: bytes, secret: str) -> dict:
    return {"HTTP_X_HUB_SIGNATURE_256": "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()}


def post(client, platform, payload, headers):
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return client.post(f"/connectors/webhooks/{platform}/", body, content_type="application/json", **headers(body))


def read_queued():
    for event in RawEvent.objects.waiting():
        services.read_delivery(event)


# --- Facebook ---


def test_facebook_checks_the_verify_token_and_answers_the_challenge(client, accounts):
    query = {"hub.mode": "subscribe", "hub.verify_token": "herald-verify-123", "hub.challenge": "1158201444"}
    answer = client.get("/connectors/webhooks/facebook/", query)
    assert answer.status_code == 200
    assert answer.content == b"1158201444"

    wrong = client.get("/connectors/webhooks/facebook/", {**query, "hub.verify_token": "guess"})
    assert wrong.status_code == 403
    assert "verify token" in wrong.json()["error"]


def test_a_signed_facebook_comment_is_kept_queued_and_read_into_the_inbox(
    client, accounts, django_capture_on_commit_callbacks
):
    # given a comment signed with the app secret
    with django_capture_on_commit_callbacks(execute=True):
        answer = post(client, "facebook", facebook_comment(), lambda body: signed_meta(body, "fb-app-secret"))
    # then the receiver keeps it and queues it, reading nothing itself
    assert answer.status_code == 200
    event = RawEvent.objects.get()
    assert event.signature == "verified" and event.status == "queued"
    assert "x-hub-signature-256" in event.headers
    assert not Comment.objects.exists()
    assert DBTaskResult.objects.filter(task_path="herald.connectors.tasks.read_delivery").count() == 1
    # when the task worker reads it
    read_delivery.call(event.pk)
    # then the comment (not the like) is in the inbox on the page's account
    comment = Comment.objects.get()
    assert comment.account == accounts["facebook"]
    assert comment.platform_id == "104958372615_998877_1122"
    assert comment.text == "When is the green bin collection in Burbage?"
    assert comment.author.display_name == "Jo Resident"
    assert comment.source == "webhook"
    assert CommentOrigin.objects.get(comment=comment).raw["post_id"] == "104958372615_998877"
    event.refresh_from_db()
    assert (event.status, event.comments_created) == ("processed", 1)


def test_a_bad_facebook_signature_is_refused_with_a_reason_and_nothing_is_kept(client, accounts):
    answer = post(client, "facebook", facebook_comment(), lambda body: signed_meta(body, "not-the-secret"))
    assert answer.status_code == 403
    assert "does not match" in answer.json()["error"]
    unsigned = post(client, "facebook", facebook_comment(), lambda body: {})
    assert unsigned.status_code == 403
    assert "missing" in unsigned.json()["error"]
    assert not RawEvent.objects.exists()
    assert "refused" in ConnectorState.objects.get(connector="facebook", account=None).last_error


def test_a_replayed_facebook_delivery_is_kept_once(client, accounts):
    for _ in range(3):
        assert (
            post(client, "facebook", facebook_comment(), lambda body: signed_meta(body, "fb-app-secret")).status_code
            == 200
        )
    event = RawEvent.objects.get()
    assert event.replays == 2
    read_queued()
    assert Comment.objects.count() == 1


def test_the_same_comment_in_two_different_deliveries_is_stored_once(client, accounts):
    first = facebook_comment()
    second = facebook_comment()
    second["entry"][0]["time"] += 60  # a retry with a new envelope
    for payload in (first, second):
        post(client, "facebook", payload, lambda body: signed_meta(body, "fb-app-secret"))
    read_queued()
    assert RawEvent.objects.count() == 2
    assert Comment.objects.count() == 1
    assert sorted(RawEvent.objects.values_list("comments_duplicate", flat=True)) == [0, 1]


@pytest.mark.parametrize(
    "body, reason",
    [
        (b"{not json", "not JSON"),
        (json.dumps({"object": "user", "entry": []}).encode(), "object of 'page'"),
        (json.dumps({"object": "page", "entry": [{"changes": []}]}).encode(), "entry has no id"),
        (
            json.dumps(
                {
                    "object": "page",
                    "entry": [{"id": "1", "changes": [{"field": "feed", "value": {"item": "comment", "verb": "add"}}]}],
                }
            ).encode(),
            "no comment_id",
        ),
    ],
)
def test_a_malformed_facebook_delivery_is_refused_with_a_reason(client, accounts, body, reason):
    answer = post(client, "facebook", body, lambda b: signed_meta(b, "fb-app-secret"))
    assert answer.status_code == 400
    assert reason in answer.json()["error"]
    assert not RawEvent.objects.exists()


def test_a_comment_for_a_page_nobody_set_up_fails_with_the_reason(client, accounts):
    payload = facebook_comment()
    payload["entry"][0]["id"] = "999"
    post(client, "facebook", payload, lambda body: signed_meta(body, "fb-app-secret"))
    read_queued()
    event = RawEvent.objects.get()
    assert event.status == "failed"
    assert "999" in event.reason
    assert not Comment.objects.exists()


def test_a_webhook_with_no_secrets_says_it_is_not_set_up(client, secrets):
    answer = client.post("/connectors/webhooks/facebook/", b"{}", content_type="application/json")
    assert answer.status_code == 404
    assert "platforms.facebook.app_secret" in answer.json()["error"]
    assert client.post("/connectors/webhooks/tiktok/", b"{}", content_type="application/json").status_code == 404


def _break_secrets_file(path, how: str) -> None:
    """Leave the secrets file at `path` in a state the web server can meet: gone, a directory in its
    place (a bad volume mount), or not readable as TOML or JSON (a half-written edit, bytes not UTF-8)."""
    path.unlink()
    if how == "a directory":
        path.mkdir()
    elif how == "not JSON":
        path.write_text('{"platforms": {"facebook": {"app_secret": ')
    elif how == "not text":
        path.write_bytes(b'{"platforms": {"facebook": {"app_secret": "\xff\xfe"}}}')


@pytest.mark.parametrize("how", ["missing", "a directory", "not JSON", "not text"])
def test_a_webhook_whose_secrets_file_cannot_be_read_answers_503_with_the_reason_and_keeps_nothing(
    client, accounts, settings, caplog, how
):
    # given: deliveries were being received, then the secrets file became unreadable
    path = Path(settings.HERALD_SECRETS_FILE)
    _break_secrets_file(path, how)
    # when: Facebook sends a delivery signed with the app secret, and asks its challenge
    with caplog.at_level("ERROR", logger="herald.connectors.views"):
        answer = post(client, "facebook", facebook_comment(), lambda body: signed_meta(body, "fb-app-secret"))
        challenge = client.get(
            "/connectors/webhooks/facebook/",
            {"hub.mode": "subscribe", "hub.verify_token": "herald-verify-123", "hub.challenge": "1158201444"},
        )
    # then: the platform is told to try again later, with the reason; nothing is kept or queued
    assert answer.status_code == 503
    assert "secrets" in answer.json()["error"]
    # (the file's path and the system's error are for the council's log, not for whoever called)
    assert str(path) not in answer.json()["error"] and str(path) not in challenge.content.decode()
    assert challenge.status_code == 503
    assert not RawEvent.objects.exists()
    assert not DBTaskResult.objects.exists()
    assert any(str(path) in record.getMessage() for record in caplog.records)
    # and the connectors' status page has it as the last problem, written once for a run of refusals
    state = ConnectorState.objects.get(connector="facebook", account=None)
    assert str(path) in state.last_error
    post(client, "facebook", facebook_comment(), lambda body: signed_meta(body, "fb-app-secret"))
    assert ConnectorState.objects.get(pk=state.pk).last_error_at == state.last_error_at


def test_while_the_secrets_file_cannot_be_read_refused_deliveries_log_the_reason_once(
    client, accounts, secrets, settings, caplog
):
    # given: the secrets file became a directory (a bad volume mount)
    path = Path(settings.HERALD_SECRETS_FILE)
    _break_secrets_file(path, "a directory")
    sign = lambda body: signed_meta(body, "fb-app-secret")  # noqa: E731
    # when: Facebook sends its delivery again and again, and asks its challenge
    with caplog.at_level("ERROR", logger="herald.connectors.views"):
        answers = [post(client, "facebook", facebook_comment(), sign) for _ in range(3)]
        answers.append(client.get("/connectors/webhooks/facebook/", {"hub.mode": "subscribe"}))
    # then: each is told to try again later, and the log has the file's problem once, not a line each
    assert [answer.status_code for answer in answers] == [503] * 4
    broken = [record.getMessage() for record in caplog.records if str(path) in record.getMessage()]
    assert len(broken) == 1 and "Facebook webhook deliveries cannot be checked" in broken[0]
    # and the Connectors page's note was written once for the run
    state = ConnectorState.objects.get(connector="facebook", account=None)
    assert str(path) in state.last_error

    # when: the file is mended and a delivery is checked, then it breaks again (not JSON this time)
    caplog.clear()
    path.rmdir()
    secrets({"platforms": APP})
    with caplog.at_level("ERROR", logger="herald.connectors.views"):
        assert post(client, "facebook", facebook_comment(), sign).status_code == 200
        assert caplog.records == []
        _break_secrets_file(path, "not JSON")
        credentials._cache["key"] = None
        for _ in range(2):
            assert post(client, "facebook", facebook_comment(), sign).status_code == 503
    # then: the new problem is logged, once
    assert len([record for record in caplog.records if str(path) in record.getMessage()]) == 1


def test_an_unsigned_delivery_is_still_refused_when_the_secrets_file_cannot_be_read(client, accounts, settings):
    _break_secrets_file(Path(settings.HERALD_SECRETS_FILE), "a directory")

    answer = post(client, "facebook", facebook_comment(), lambda body: {})

    assert answer.status_code == 503
    assert not RawEvent.objects.exists()


# --- Instagram ---


def test_an_instagram_comment_and_reply_arrive_on_the_instagram_account(client, accounts):
    payload = {
        "object": "instagram",
        "entry": [
            {
                "id": "17841400000000001",
                "time": 1767606000,
                "changes": [
                    {
                        "field": "comments",
                        "value": {
                            "from": {"id": "1789000111", "username": "market_bosworth_mum"},
                            "media": {"id": "18000000000000042", "media_product_type": "FEED"},
                            "id": "17865799348089039",
                            "text": "Is the leisure centre pool open over Christmas?",
                        },
                    },
                    {
                        "field": "comments",
                        "value": {
                            "from": {"id": "1789000222", "username": "hinckleyhistory"},
                            "media": {"id": "18000000000000042", "media_product_type": "FEED"},
                            "id": "17865799348089040",
                            "parent_id": "17865799348089039",
                            "text": "It was last year",
                        },
                    },
                ],
            }
        ],
    }
    answer = post(client, "instagram", payload, lambda body: signed_meta(body, "ig-app-secret"))
    assert answer.status_code == 200
    read_queued()
    top, reply = Comment.objects.order_by("platform_id")
    assert top.account == reply.account == accounts["instagram"]
    assert top.kind == "comment" and top.parent_platform_id == "18000000000000042"
    assert reply.kind == "reply" and reply.parent == top
    assert top.author.handle == "market_bosworth_mum"


def test_instagram_is_checked_with_its_own_app_secret(client, accounts):
    payload = {"object": "instagram", "entry": []}
    assert post(client, "instagram", payload, lambda body: signed_meta(body, "fb-app-secret")).status_code == 403


# --- X ---


def x_signature(secret: str, message: bytes) -> str:
    return "sha256=" + base64.b64encode(hmac.new(secret.encode(), message, hashlib.sha256).digest()).decode()


def test_x_crc_is_answered_with_the_token_signed_by_the_consumer_secret(client, accounts):
    answer = client.get("/connectors/webhooks/x/", {"crc_token": "dGVzdC1jcmMtdG9rZW4"})
    assert answer.status_code == 200
    assert answer.json() == {"response_token": x_signature("x-consumer-secret", b"dGVzdC1jcmMtdG9rZW4")}
    assert client.get("/connectors/webhooks/x/").status_code == 400


def x_delivery():
    return {
        "for_user_id": "2244994945",
        "tweet_create_events": [
            {
                "created_at": "Mon Jan 05 09:15:02 +0000 2026",
                "id_str": "1876543210987654321",
                "text": "@HBBCouncil the street lights on Coventry Road have been out for a week",
                "in_reply_to_status_id_str": None,
                "in_reply_to_user_id_str": None,
                "user": {"id_str": "3300111", "name": "Sam Driver", "screen_name": "samdrives"},
            },
            {
                "created_at": "Mon Jan 05 09:20:00 +0000 2026",
                "id_str": "1876543210987654999",
                "text": "Our own post",
                "user": {"id_str": "2244994945", "name": "HBBC", "screen_name": "HBBCouncil"},
            },
        ],
        "direct_message_events": [
            {
                "type": "message_create",
                "id": "1877000000000000001",
                "created_timestamp": "1767604800000",
                "message_create": {
                    "target": {"recipient_id": "2244994945"},
                    "sender_id": "3300222",
                    "message_data": {"text": "Can I get a new recycling box?", "entities": {}},
                },
            }
        ],
        "users": {"3300222": {"id": "3300222", "name": "Pat", "screen_name": "pat_in_earl_shilton"}},
    }


def test_a_signed_x_delivery_brings_in_mentions_and_direct_messages_but_not_our_own_posts(client, accounts):
    answer = post(
        client,
        "x",
        x_delivery(),
        lambda body: {"HTTP_X_TWITTER_WEBHOOKS_SIGNATURE": x_signature("x-consumer-secret", body)},
    )
    assert answer.status_code == 200
    read_queued()
    kinds = dict(Comment.objects.values_list("platform_id", "kind"))
    assert kinds == {"1876543210987654321": "mention", "dm-1877000000000000001": "message"}
    mention = Comment.objects.get(platform_id="1876543210987654321")
    assert mention.permalink == "https://x.com/samdrives/status/1876543210987654321"
    assert mention.posted_at.isoformat() == "2026-01-05T09:15:02+00:00"


def test_a_bad_x_signature_is_refused(client, accounts):
    answer = post(
        client, "x", x_delivery(), lambda body: {"HTTP_X_TWITTER_WEBHOOKS_SIGNATURE": x_signature("wrong", body)}
    )
    assert answer.status_code == 403
    assert not RawEvent.objects.exists()


# --- LinkedIn ---


def test_linkedin_challenge_is_answered_with_the_hex_hmac_of_the_code(client, accounts):
    code = "890e4665-4dfe-4ab1-b689-ed553bceeed4"
    answer = client.get("/connectors/webhooks/linkedin/", {"challengeCode": code})
    assert answer.json() == {
        "challengeCode": code,
        "challengeResponse": hmac.new(b"li-client-secret", code.encode(), hashlib.sha256).hexdigest(),
    }


def linkedin_delivery():
    return {
        "type": "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS",
        "notifications": [
            {
                "notificationId": 1200341,
                "organizationalEntity": "urn:li:organization:2414183",
                "action": "COMMENT",
                "actor": "urn:li:person:Ab3dE9fGh",
                "sourcePost": "urn:li:share:7150000000000000001",
                "generatedActivity": "urn:li:comment:(urn:li:activity:7150000000000000001,7150000000000000222)",
                "decoratedGeneratedActivity": {
                    "comment": {
                        "entity": "urn:li:comment:(urn:li:activity:7150000000000000001,7150000000000000222)",
                        "text": "Great to see the apprenticeships scheme back",
                        "object": "urn:li:activity:7150000000000000001",
                    }
                },
                "lastModifiedAt": 1767605000000,
                "subscriber": "urn:li:person:Zz9yX8",
            },
            {
                "notificationId": 1200342,
                "organizationalEntity": "urn:li:organization:2414183",
                "action": "LIKE",
                "lastModifiedAt": 1767605000500,
            },
        ],
    }


def linkedin_signature(body: bytes, secret: str = "li-client-secret") -> dict:
    return {"HTTP_X_LI_SIGNATURE": hmac.new(secret.encode(), b"hmacsha256=" + body, hashlib.sha256).hexdigest()}


def test_a_signed_linkedin_comment_arrives_on_the_organisation_page(client, accounts):
    answer = post(client, "linkedin", linkedin_delivery(), linkedin_signature)
    assert answer.status_code == 200
    read_queued()
    comment = Comment.objects.get()
    assert comment.account == accounts["linkedin"]
    assert comment.text == "Great to see the apprenticeships scheme back"
    assert comment.parent_platform_id == "urn:li:share:7150000000000000001"


def test_a_linkedin_delivery_signed_without_the_prefix_is_refused(client, accounts):
    def unprefixed(body):
        return {"HTTP_X_LI_SIGNATURE": hmac.new(b"li-client-secret", body, hashlib.sha256).hexdigest()}

    assert post(client, "linkedin", linkedin_delivery(), unprefixed).status_code == 403
    assert post(client, "linkedin", {"type": "LEAD_ACTION"}, linkedin_signature).status_code == 400
    assert not RawEvent.objects.exists()


# --- Never a crash ---

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
shapes = st.one_of(
    json_values,
    st.builds(lambda entry: {"object": "page", "entry": entry}, json_values),
    st.builds(lambda changes: {"object": "page", "entry": [{"id": "1", "changes": changes}]}, json_values),
    st.builds(
        lambda value: {"object": "page", "entry": [{"id": "1", "changes": [{"field": "feed", "value": value}]}]},
        json_values,
    ),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=shapes)
def test_any_signed_json_gets_an_answer_with_a_reason_never_a_crash(client, accounts, payload):
    answer = post(client, "facebook", payload, lambda body: signed_meta(body, "fb-app-secret"))
    assert answer.status_code in (200, 400)
    if answer.status_code == 400:
        assert answer.json()["error"]


def test_a_delivery_larger_than_herald_accepts_is_refused(client, accounts, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    payload = facebook_comment(message="x" * 2000)
    answer = post(client, "facebook", payload, lambda body: signed_meta(body, "fb-app-secret"))
    assert answer.status_code == 413
    assert not RawEvent.objects.exists()


# --- The challenge is no signing service ---
# X signs a CRC token exactly as it signs a delivery's body (base64 HMAC-SHA256 with the consumer secret),
# and LinkedIn a challenge code exactly as it signs "hmacsha256=" + body (hex HMAC-SHA256 with the client
# secret). Answered for any text, the public challenge would sign a forged delivery for anyone who asked.


def test_the_x_crc_does_not_sign_a_delivery_someone_made_up(client, accounts):
    forged = json.dumps(x_delivery()).encode()

    answer = client.get("/connectors/webhooks/x/", {"crc_token": forged.decode()})

    assert answer.status_code == 400
    assert "crc_token" in answer.json()["error"]
    assert "response_token" not in answer.json()


def test_the_linkedin_challenge_does_not_sign_a_delivery_someone_made_up(client, accounts):
    forged = json.dumps(linkedin_delivery()).encode()

    answer = client.get("/connectors/webhooks/linkedin/", {"challengeCode": "hmacsha256=" + forged.decode()})

    assert answer.status_code == 400
    assert "challengeCode" in answer.json()["error"]
    assert "challengeResponse" not in answer.json()
