"""Deleting a comment in the inbox deletes it on Facebook and Instagram too (a Page or a professional
account may delete comments left on its own posts), against a local server answering as the Graph API
documents. X, YouTube, LinkedIn, Bluesky and Mastodon give an account no way to delete someone else's
comment, so the editor does it there and Herald records it."""

import pytest
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.connectors import services
from herald.connectors.models import CommentOrigin, RawEvent
from herald.connectors.tests.servers import FakeApi
from herald.moderation import platforms
from herald.moderation.models import Comment, Evidence, PlatformAction
from herald.moderation.services import evidence
from testing.factories import AccountFactory, comment

pytestmark = pytest.mark.django_db

ABUSE = "You lot are useless idiots and I will hurt you"
FACEBOOK_COMMENT = "104958372615_2234567890123456"
INSTAGRAM_COMMENT = "17858893269000001"


def meta_account(secrets, api, platform="facebook", token="page-token"):
    handle = "HBBC" if platform == "facebook" else "hbbc_official"
    account = AccountFactory(platform=platform, handle=handle)
    secrets(
        {
            "platforms": {platform: {"app_secret": "s", "verify_token": "v", "graph_url": api.url}},
            "accounts": {f"{platform}:{handle}": {"account_id": "104958372615", "access_token": token}},
        }
    )
    return account


def delivered(account, platform_id, text=ABUSE):
    """A comment as the platform's connector delivered it (only those are deleted through Herald)."""
    found = comment(account, text, platform_id=platform_id)
    event = RawEvent.objects.create(
        connector=account.platform, source="webhook", body="{}", signature="s", replay_key=f"d-{platform_id}"
    )
    CommentOrigin.objects.create(
        comment=found, raw_event=event, connector=account.platform, raw={"comment_id": platform_id}
    )
    return found


def deleted_on_graph(request):
    return 200, {"success": True}


def on_platform():
    return AuditEvent.objects.filter(action="moderation.comment_deleted").latest("pk").after["on_platform"]


def test_facebook_and_instagram_delete_through_their_connectors_and_the_others_by_hand():
    for name in ("facebook", "instagram"):
        assert platforms.action_for(name, "delete") == services.delete_from_inbox
    for name in ("x", "youtube", "linkedin", "bluesky", "mastodon"):
        assert platforms.action_for(name, "delete") is None


@pytest.mark.parametrize(
    "platform, platform_id, token",
    [("facebook", FACEBOOK_COMMENT, "page-token"), ("instagram", INSTAGRAM_COMMENT, "ig-token")],
)
def test_deleting_a_comment_deletes_it_on_the_platform_with_the_accounts_token_after_the_evidence(
    secrets, editor, committed, platform, platform_id, token
):
    with FakeApi({("DELETE", f"/{platform_id}"): deleted_on_graph}) as api:
        found = delivered(meta_account(secrets, api, platform, token), platform_id)
        with committed():
            evidence.delete_comment(found, by=editor, reason="threat")

    # the token travels in a header, never in the address (an address can end up in an error message)
    assert [(seen.method, seen.path, seen.query) for seen in api.seen] == [("DELETE", f"/{platform_id}", {})]
    assert api.seen[0].headers["authorization"] == f"Bearer {token}"
    found.refresh_from_db()
    assert found.status == Comment.Status.DELETED
    assert Evidence.objects.get(comment=found).action == Evidence.Action.DELETE
    assert on_platform() == "by Herald"
    assert [a.words for a in found.platform_actions.all()] == [f"Deleted on {found.get_platform_display()}"]
    assert AuditEvent.objects.filter(action="moderation.comment_deleted_on_platform", actor=editor).count() == 1


def test_when_facebook_refuses_the_deletion_its_reason_is_kept_to_try_again_and_the_evidence_stays(
    client, secrets, comms_officer, committed
):
    refusals = iter([(400, {"error": {"message": "(#200) Permissions error", "type": "OAuthException", "code": 200}})])
    with FakeApi(
        {("DELETE", f"/{FACEBOOK_COMMENT}"): lambda request: next(refusals, deleted_on_graph(request))}
    ) as api:
        found = delivered(meta_account(secrets, api), FACEBOOK_COMMENT)
        client.force_login(comms_officer)
        page = reverse("moderation:detail", args=[found.pk])
        with committed():
            client.post(reverse("moderation:remove", args=[found.pk]), {"action": "delete", "reason": "threat"})

        refused = client.get(page).content.decode()
        found.refresh_from_db()
        assert found.status == Comment.Status.DELETED  # deleted in Herald, the evidence kept
        assert Evidence.objects.filter(comment=found).count() == 1
        asked = found.platform_actions.get()
        assert asked.status == PlatformAction.Status.REFUSED and "(#200) Permissions error" in asked.error
        assert "Not deleted on Facebook" in refused and "Permissions error" in refused
        assert AuditEvent.objects.get(action="moderation.comment_not_deleted_on_platform").reason == asked.error

        with committed():
            client.post(reverse("moderation:platform_again", args=[found.pk, asked.pk]))
        again = client.get(page).content.decode()

    assert "Deleted on Facebook" in again and "Permissions error" not in again
    assert [seen.method for seen in api.seen] == ["DELETE", "DELETE"]


def test_a_facebook_account_without_its_token_in_the_secrets_is_deleted_by_hand_without_asking_facebook(
    client, secrets, editor, comms_officer, committed
):
    with FakeApi({("DELETE", f"/{FACEBOOK_COMMENT}"): deleted_on_graph}) as api:
        found = delivered(meta_account(secrets, api, token=""), FACEBOOK_COMMENT)
        client.force_login(comms_officer)
        page = client.get(reverse("moderation:detail", args=[found.pk])).content.decode()
        with committed():
            evidence.delete_comment(found, by=editor, reason="threat")

    assert "Deleting it here only records it: delete it on Facebook yourself." in page
    assert api.seen == []
    assert on_platform() == "by hand"
    assert not found.platform_actions.exists()


def test_the_comment_page_says_whether_deleting_also_deletes_on_the_platform(client, secrets, comms_officer):
    with FakeApi({}) as api:
        on_facebook = delivered(meta_account(secrets, api), FACEBOOK_COMMENT)
        on_x = comment(AccountFactory(platform="x", handle="HBBCouncil"), ABUSE)
        client.force_login(comms_officer)

        facebook_page = client.get(reverse("moderation:detail", args=[on_facebook.pk])).content.decode()
        x_page = client.get(reverse("moderation:detail", args=[on_x.pk])).content.decode()

    assert "Deleting it here deletes it on Facebook too" in facebook_page
    label = on_x.get_platform_display()
    assert f"Deleting it here only records it: delete it on {label} yourself." in x_page
    assert f"deletes it on {label} too" not in x_page
    assert api.seen == []


def test_a_comment_typed_in_by_hand_or_imported_is_never_deleted_through_herald(client, secrets, editor, committed):
    # Its id was typed by a person (a CSV import, the ingest API): it could be a post's id, and a
    # deletion cannot be undone, so only comments the connector delivered itself are deleted there.
    with FakeApi({("DELETE", f"/{FACEBOOK_COMMENT}"): deleted_on_graph}) as api:
        found = comment(meta_account(secrets, api), ABUSE, platform_id=FACEBOOK_COMMENT)
        with committed():
            evidence.delete_comment(found, by=editor, reason="threat")

    assert api.seen == []
    assert on_platform() == "by hand"
    assert Comment.objects.get(pk=found.pk).status == Comment.Status.DELETED


def test_a_failed_connection_never_shows_the_token(secrets, editor, committed):
    account = AccountFactory(platform="facebook", handle="HBBC")
    secrets(
        {
            "platforms": {"facebook": {"app_secret": "s", "verify_token": "v", "graph_url": "http://127.0.0.1:9"}},
            "accounts": {"facebook:HBBC": {"account_id": "1", "access_token": "page-token-SECRET"}},
        }
    )
    found = delivered(account, FACEBOOK_COMMENT)
    with committed():
        evidence.delete_comment(found, by=editor, reason="threat")

    asked = found.platform_actions.get()
    assert asked.status == PlatformAction.Status.REFUSED and "could not be reached" in asked.error
    assert "SECRET" not in asked.error
    assert not AuditEvent.objects.filter(reason__contains="SECRET").exists()
