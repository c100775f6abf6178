import datetime as dt
import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, InternalError, connection, transaction
from django.utils import timezone

from herald.audit.models import AuditEvent
from herald.errors import Refused
from herald.moderation import platforms, services
from herald.moderation.models import Comment, Evidence
from herald.moderation.services import evidence as evidence_service
from testing.factories import AccountFactory, comment

ABUSE = "You lot are useless idiots and I will hurt you"


@pytest.fixture
def account(db):
    return AccountFactory()


def test_hiding_a_comment_keeps_a_snapshot_with_a_pdf_and_its_hash_in_the_audit_trail(account, editor):
    found = comment(account, ABUSE)

    kept = services.hide_comment(found, by=editor, reason="threat", detail="Threat to staff")

    found.refresh_from_db()
    assert found.status == Comment.Status.HIDDEN
    assert kept.text_shown == ABUSE
    assert kept.permalink == found.permalink
    assert kept.author_details["handle"] == found.author.handle
    assert kept.raw_payload["payload"]["platform_id"] == found.platform_id
    assert bytes(kept.pdf).startswith(b"%PDF")
    assert hashlib.sha256(bytes(kept.pdf)).hexdigest() == kept.pdf_sha256
    assert evidence_service.is_intact(kept)
    event = AuditEvent.objects.filter(action="moderation.evidence_kept").latest("pk")
    assert event.after["sha256"] == kept.sha256
    hidden = AuditEvent.objects.filter(action="moderation.comment_hidden").latest("pk")
    assert hidden.after["evidence_sha256"] == kept.sha256
    assert hidden.after["on_platform"] == "by hand"


def test_the_pdf_shows_the_comment_and_the_comment_it_answers(account, editor, tmp_path):
    import subprocess

    parent = comment(account, "When is the bin collection on Friday?")
    child = comment(account, ABUSE, kind="reply", parent_platform_id=parent.platform_id)

    kept = services.hide_comment(child, by=editor, reason="abuse")

    path = tmp_path / "e.pdf"
    path.write_bytes(bytes(kept.pdf))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "I will hurt you" in text
    assert "bin collection on Friday" in text
    assert "Abusive, offensive or discriminatory" in text


def test_a_reason_from_the_list_is_required(account, editor):
    found = comment(account, ABUSE)

    with pytest.raises(Refused, match="Choose why"):
        services.hide_comment(found, by=editor, reason="because")

    found.refresh_from_db()
    assert found.status == Comment.Status.NEW
    assert not Evidence.objects.exists()


def test_evidence_refuses_changes_through_the_model(account, editor):
    kept = services.hide_comment(comment(account, ABUSE), by=editor, reason="abuse")

    kept.text_shown = "something nicer"
    with pytest.raises(ValidationError):
        kept.save()
    with pytest.raises(ValidationError):
        kept.delete()


def test_the_database_refuses_to_change_or_delete_evidence_before_its_time(account, editor):
    kept = services.hide_comment(comment(account, ABUSE), by=editor, reason="abuse")

    with pytest.raises((IntegrityError, InternalError)), transaction.atomic():
        Evidence.objects.filter(pk=kept.pk).update(text_shown="rewritten")
    with pytest.raises((IntegrityError, InternalError)), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM moderation_evidence WHERE id = %s", [kept.pk])

    assert Evidence.objects.get(pk=kept.pk).text_shown == ABUSE


def test_retention_removes_only_evidence_whose_time_is_up(account, editor, settings):
    settings.MODERATION_EVIDENCE_KEEP_DAYS = -2  # kept until two days ago: its time is up
    old = services.hide_comment(comment(account, ABUSE), by=editor, reason="abuse")
    settings.MODERATION_EVIDENCE_KEEP_DAYS = 30
    current = services.hide_comment(comment(account, "Buy cheap watches at spam.example"), by=editor, reason="spam")

    removed = services.remove_expired_evidence()

    assert removed == 1
    assert list(Evidence.objects.values_list("pk", flat=True)) == [current.pk]
    event = AuditEvent.objects.filter(action="moderation.evidence_removed").latest("pk")
    assert event.before["sha256"] == old.sha256


def test_deleting_needs_a_person_and_keeps_evidence(account, editor):
    found = comment(account, ABUSE)

    with pytest.raises(Refused):
        services.delete_comment(found, by=None, reason="abuse")
    kept = services.delete_comment(found, by=editor, reason="abuse")

    found.refresh_from_db()
    assert found.status == Comment.Status.DELETED
    assert kept.action == Evidence.Action.DELETE
    with pytest.raises(Refused, match="already been deleted"):
        services.hide_comment(found, by=editor, reason="abuse")


def test_unhiding_puts_the_comment_back_as_it_was_and_keeps_the_evidence(account, editor):
    found = comment(account, ABUSE)
    Comment.objects.filter(pk=found.pk).update(status=Comment.Status.ASSIGNED)
    services.hide_comment(found, by=editor, reason="abuse")

    with pytest.raises(Refused, match="Enter why"):
        services.unhide_comment(found, by=editor, reason=" ")
    services.unhide_comment(found, by=editor, reason="Hidden by mistake")

    found.refresh_from_db()
    assert found.status == Comment.Status.ASSIGNED
    assert found.evidence.count() == 1


def test_a_connector_that_can_hide_is_asked_after_commit_and_its_refusal_is_kept_with_the_evidence(
    account, editor, django_capture_on_commit_callbacks
):
    asked = []

    def hide(comment):
        asked.append(comment.pk)
        if len(asked) > 1:
            raise platforms.PlatformError("Facebook refused: the page token has expired")

    with platforms.registered("facebook", hide=hide):
        first = comment(account, ABUSE)
        with django_capture_on_commit_callbacks(execute=True):
            services.hide_comment(first, by=editor, reason="abuse")
            assert asked == []  # not while the comment is locked
        second = comment(account, ABUSE + " again")
        with django_capture_on_commit_callbacks(execute=True):
            services.hide_comment(second, by=editor, reason="abuse")

    assert asked == [first.pk, second.pk]
    second.refresh_from_db()
    assert second.status == Comment.Status.HIDDEN
    assert second.evidence.count() == 1
    refused = second.platform_actions.get()
    assert (refused.status, refused.error) == ("refused", "Facebook refused: the page token has expired.")
    assert first.platform_actions.get().status == "done"
    assert (
        AuditEvent.objects.filter(action="moderation.comment_hidden").latest("pk").after["on_platform"] == "by Herald"
    )


def test_evidence_is_found_by_its_authors_handle_for_a_subject_access_request(account, editor):
    found = comment(account, ABUSE)
    services.hide_comment(found, by=editor, reason="abuse")
    comment(account, "Another comment by someone else")

    assert [e.comment_id for e in evidence_service.evidence_about_author("@" + found.author.handle)] == [found.pk]
    assert evidence_service.evidence_about_author("nobody-at-all") == []


def test_evidence_keeps_its_retention_date(account, editor, settings):
    settings.MODERATION_EVIDENCE_KEEP_DAYS = 10
    kept = services.hide_comment(comment(account, ABUSE), by=editor, reason="abuse")
    assert kept.keep_until == timezone.localdate(kept.taken_at) + dt.timedelta(days=10)


def test_showing_a_comment_again_is_asked_of_the_platform_only_where_herald_may_hide_it_there(
    account, editor, django_capture_on_commit_callbacks
):
    shown = []

    with platforms.registered(
        "facebook",
        hide=lambda comment: True,
        can_hide=lambda comment: comment.text.endswith("yes"),
        unhide=lambda comment: shown.append(comment.pk) or True,
    ):
        may, may_not = comment(account, ABUSE + " yes"), comment(account, ABUSE + " no")
        for found in (may, may_not):
            with django_capture_on_commit_callbacks(execute=True):
                services.hide_comment(found, by=editor, reason="abuse")
            with django_capture_on_commit_callbacks(execute=True):
                services.unhide_comment(found, by=editor, reason="Hidden by mistake")

    assert shown == [may.pk]
    assert may.platform_actions.filter(action="unhide", status="done").exists()
    assert not may_not.platform_actions.exists()
    shown_again = AuditEvent.objects.filter(action="moderation.comment_unhidden").order_by("pk")
    assert [event.after["on_platform"] for event in shown_again] == ["by Herald", "by hand"]
