"""A comment handled and then edited on the platform into something abusive goes back to the queue: that is
a reopening like any other, so it records when it was reopened (the committee report counts it) and the
audit trail's record of the edit says so."""

import datetime as dt

import pytest

from herald.audit.models import AuditEvent
from herald.moderation.incoming import CommentChange
from herald.moderation.models import Comment
from herald.moderation.services import inbox, platform_changes
from testing.factories import AccountFactory, comment

pytestmark = pytest.mark.django_db

EDITED_AT = dt.datetime(2026, 1, 5, 10, 40, tzinfo=dt.UTC)


def test_a_handled_comment_edited_into_abuse_is_reopened_and_audited(comms_officer):
    # given a comment its moderator closed with no action
    account = AccountFactory(platform="x")
    found = comment(account, "When is the green bin collection in Burbage?", platform_id="x-1")
    inbox.set_status(found, by=comms_officer, status=Comment.Status.NO_ACTION)
    # when its author edits it on X into abuse
    edited = CommentChange(
        platform="x", platform_id="x-1", change="edited", at=EDITED_AT, text="You are useless idiots, the lot of you"
    )
    platform_changes.apply_changes(account, [edited])
    # then it is back in the queue as reopened, with its time, and the edit's record says so
    found.refresh_from_db()
    assert found.status == Comment.Status.NEW and found.is_reopened
    assert found.reopened_at is not None
    record = AuditEvent.objects.for_object(found).get(action="moderation.comment_edited_on_platform")
    assert record.before["reopened_at"] is None
    assert record.after["reopened_at"] == found.reopened_at.isoformat()
