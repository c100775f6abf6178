"""Migration moderation 0019: a comment reopened before Herald recorded when gets the time of the audited
change that sent it back to the queue (else its last change), so the committee report counts it."""

import importlib

import pytest
from django.apps import apps

from herald.audit.models import AuditEvent
from herald.moderation.models import Comment
from herald.moderation.services import inbox
from testing.factories import AccountFactory, comment

migration = importlib.import_module("herald.moderation.migrations.0019_backfill_reopened_at")
pytestmark = pytest.mark.django_db


def test_comments_reopened_before_the_time_was_kept_get_it_from_the_audit_trail(comms_officer):
    # given a comment handled, then reopened by a moderator, before reopened_at was kept
    account = AccountFactory(platform="x")
    reopened = comment(account, "When is the green bin collection?", platform_id="x-1")
    inbox.set_status(reopened, by=comms_officer, status=Comment.Status.NO_ACTION)
    inbox.set_status(reopened, by=comms_officer, status=Comment.Status.WAITING)
    Comment.objects.filter(pk=reopened.pk).update(reopened_at=None)
    # and one never handled, and one handled and still closed
    untouched = comment(account, "Thank you", platform_id="x-2")
    closed = comment(account, "Great news", platform_id="x-3")
    inbox.set_status(closed, by=comms_officer, status=Comment.Status.NO_ACTION)
    # when the migration runs
    migration.backfill(apps, None)
    # then the reopened comment has the time of its reopening; the others have none
    reopening = AuditEvent.objects.for_object(reopened).filter(after__status="waiting").get()
    assert Comment.objects.get(pk=reopened.pk).reopened_at == reopening.at
    assert Comment.objects.get(pk=untouched.pk).reopened_at is None
    assert Comment.objects.get(pk=closed.pk).reopened_at is None
