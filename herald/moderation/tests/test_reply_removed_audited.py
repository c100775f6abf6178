"""The page removing the only reply to a Replied comment sends it back to the queue with the "Reply
removed" tag: the audit trail's record of that status change shows the change as it happened, the tag's
time included (none before, the removal's after), and so does the record of the new reply that clears it."""

import datetime as dt

import pytest

from herald.audit.models import AuditEvent
from herald.moderation.incoming import CommentChange
from herald.moderation.models import Comment, Reply
from herald.moderation.services import inbox, platform_changes, replies
from testing.factories import AccountFactory, comment

pytestmark = pytest.mark.django_db

REMOVED_AT = dt.datetime(2026, 1, 5, 10, 40, tzinfo=dt.UTC)


def _replied(account, comms_officer):
    found = comment(account, "When is the green bin collection in Burbage?", platform_id="x-1")
    Reply.objects.create(
        comment=found,
        text="Tuesdays, every fortnight.",
        text_sha256=replies.text_sha256("Tuesdays, every fortnight."),
        written_by=comms_officer,
        status=Reply.Status.SENT,
        platform_reply_id="1866123456789012345",
    )
    inbox.set_status(found, by=comms_officer, status=Comment.Status.REPLIED)
    return found


def test_the_status_change_a_removed_reply_causes_is_audited_with_the_tag(comms_officer):
    # given a comment marked replied, its only reply on X
    account = AccountFactory(platform="x")
    found = _replied(account, comms_officer)
    # when the page removes that reply on X
    removed = CommentChange(
        platform="x", platform_id="1866123456789012345", change="removed", at=REMOVED_AT, by_account=True
    )
    platform_changes.apply_changes(account, [removed])
    # then the status change's record says the comment had no "Reply removed" tag before and has it after
    [reopened] = AuditEvent.objects.for_object(found).filter(
        action="moderation.status_changed", after__status=Comment.Status.NEW
    )
    assert reopened.before["status"] == Comment.Status.REPLIED and reopened.before["reply_removed_at"] is None
    assert reopened.after["reply_removed_at"] == REMOVED_AT.isoformat()


def test_the_reply_that_answers_it_again_is_audited_clearing_the_tag(comms_officer):
    account = AccountFactory(platform="x")
    found = _replied(account, comms_officer)
    removed = CommentChange(
        platform="x", platform_id="1866123456789012345", change="removed", at=REMOVED_AT, by_account=True
    )
    platform_changes.apply_changes(account, [removed])
    # when a moderator answers it again (posted by hand, no connector)
    replies.set_reply_approval(account, requires=False, by=comms_officer)
    reply = Reply.objects.create(
        comment=found,
        text="Tuesdays, every other week.",
        text_sha256=replies.text_sha256("Tuesdays, every other week."),
        written_by=comms_officer,
        status=Reply.Status.READY,
    )
    replies.record_reply_posted(reply, by=comms_officer, address="https://x.com/HinckBosBC/status/1866123456789012399")
    # then the status change back to replied records the tag going
    answered = AuditEvent.objects.for_object(found).filter(action="moderation.status_changed").latest("pk")
    assert (answered.before["status"], answered.after["status"]) == (Comment.Status.NEW, Comment.Status.REPLIED)
    assert answered.before["reply_removed_at"] == REMOVED_AT.isoformat() and answered.after["reply_removed_at"] is None
