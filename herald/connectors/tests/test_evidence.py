"""Evidence of a comment a connector delivered keeps the platform's own payload: in the snapshot taken
before a hide, its PDF, the councillor-abuse evidence pack and the subject access export."""

import io
import json
import subprocess
import zipfile

import pytest

from herald.connectors import services
from herald.connectors.platforms.mastodon import notification_bytes
from herald.connectors.tests.test_readers import mastodon_notification
from herald.moderation import services as moderation
from herald.moderation.models import Comment, CouncillorAbuseCase
from herald.moderation.services import cases, evidence
from testing.factories import AccountFactory, CouncillorFactory

pytestmark = pytest.mark.django_db


def delivered(account, text):
    note = mastodon_notification("601", "113000000000000601", text)
    event, _ = services.store_delivery(
        "mastodon",
        body=notification_bytes(note, base_url="https://social.example", account_id="109000"),
        source="stream",
        signature="connection",
        replay_key="notification:601",
        account=account,
    )
    services.read_delivery(event)
    found = Comment.objects.get(account=account)
    moderation.classify_comments([found.pk])
    return note, found


def test_a_snapshot_taken_before_a_hide_keeps_the_platforms_payload(editor, tmp_path):
    account = AccountFactory(platform="mastodon", handle="hbbc@social.example")
    note, found = delivered(account, "You lot are useless idiots and I will hurt you")

    kept = evidence.hide_comment(found, by=editor, reason="threat")

    assert kept.raw_payload["source"] == "mastodon"
    assert kept.raw_payload["payload"]["status"] == note["status"]
    assert kept.raw_payload["payload"]["id"] == "601"
    pdf = tmp_path / "snapshot.pdf"
    pdf.write_bytes(bytes(kept.pdf))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "113000000000000601" in text and "resident@mastodon.social" in text
    assert evidence.is_intact(kept)
    [exported] = evidence.subject_access_records("resident@mastodon.social")
    assert exported["raw_payload"] == kept.raw_payload


def test_the_councillor_abuse_evidence_pack_holds_the_platforms_payload(editor, monitoring_officer):
    CouncillorFactory(first_name="Stuart", last_name="Bray")
    account = AccountFactory(platform="mastodon", handle="hbbc@social.example")
    note, found = delivered(account, "Cllr Stuart Bray you are a useless idiot, I will hurt you")
    kept = evidence.hide_comment(found, by=editor, reason="threat")

    archive = zipfile.ZipFile(io.BytesIO(cases.evidence_pack(CouncillorAbuseCase.objects.get(), by=monitoring_officer)))

    record = json.loads(archive.read(f"comment-{found.pk}/evidence-{kept.pk}.json"))
    assert record["raw_payload"]["payload"]["status"]["id"] == note["status"]["id"]


def test_hiding_a_facebook_comment_in_the_inbox_hides_it_on_the_page_and_showing_it_again_unhides_it(
    secrets, editor, django_capture_on_commit_callbacks
):
    from herald.audit.models import AuditEvent
    from herald.connectors.tests.servers import FakeApi
    from herald.moderation import platforms
    from testing.factories import comment

    assert platforms.action_for("facebook", "hide") == services.hide_from_inbox
    assert platforms.action_for("instagram", "unhide") == services.unhide_from_inbox
    account = AccountFactory(platform="facebook", handle="HBBC")
    found = comment(account, "You lot are useless idiots and I will hurt you", platform_id="104_998_77")
    with FakeApi({("POST", "/104_998_77"): lambda request: (200, {"success": True})}) as api:
        secrets(
            {
                "platforms": {"facebook": {"app_secret": "s", "verify_token": "v", "graph_url": api.url}},
                "accounts": {"facebook:HBBC": {"account_id": "104", "access_token": "page-token"}},
            }
        )
        with django_capture_on_commit_callbacks(execute=True):
            evidence.hide_comment(found, by=editor, reason="threat")
        with django_capture_on_commit_callbacks(execute=True):
            evidence.unhide_comment(found, by=editor, reason="Hidden by mistake")

    assert [seen.form() for seen in api.seen] == [
        {"is_hidden": "true", "access_token": "page-token"},
        {"is_hidden": "false", "access_token": "page-token"},
    ]
    assert (
        AuditEvent.objects.filter(action="moderation.comment_hidden").latest("pk").after["on_platform"] == "by Herald"
    )


def test_a_page_without_a_connector_is_hidden_by_hand(secrets, editor):
    from herald.audit.models import AuditEvent
    from testing.factories import comment

    found = comment(AccountFactory(platform="facebook", handle="NoSecrets"), "You useless idiot, I will hurt you")
    evidence.hide_comment(found, by=editor, reason="threat")
    assert AuditEvent.objects.filter(action="moderation.comment_hidden").latest("pk").after["on_platform"] == "by hand"
