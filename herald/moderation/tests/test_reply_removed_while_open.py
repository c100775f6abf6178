"""The page removing Herald's only reply to a comment someone is still working (waiting for the author,
escalated) leaves its status as the moderator set it, but says the reply was removed."""

import datetime as dt

import pytest

from herald.moderation.incoming import CommentChange
from herald.moderation.models import Comment, Reply
from herald.moderation.services import inbox, platform_changes, replies
from testing.factories import AccountFactory, comment

pytestmark = pytest.mark.django_db

REMOVED_AT = dt.datetime(2026, 1, 5, 10, 40, tzinfo=dt.UTC)
TAG = '<strong class="govuk-tag govuk-tag--orange">Reply removed</strong>'


@pytest.mark.parametrize(("status", "reason"), [("waiting", ""), ("escalated", "Complaint about the bins team")])
def test_a_reply_removed_from_a_comment_still_worked_is_shown_removed(client, comms_officer, status, reason):
    account = AccountFactory(platform="x")
    found = comment(account, "When is the green bin collection in Burbage?", platform_id="x-1")
    Reply.objects.create(
        comment=found,
        text="Tuesdays, every fortnight.",
        text_sha256=replies.text_sha256("Tuesdays, every fortnight."),
        written_by=comms_officer,
        status=Reply.Status.SENT,
        platform_reply_id="1866123456789012345",
    )
    inbox.set_status(found, by=comms_officer, status=status, reason=reason)
    # when the page removes the reply on X
    removed = CommentChange(
        platform="x", platform_id="1866123456789012345", change="removed", at=REMOVED_AT, by_account=True
    )
    assert platform_changes.apply_changes(account, [removed]) == 1
    # then the comment keeps the status the moderator gave it, and says its reply was removed
    found.refresh_from_db()
    assert found.status == status and found.reply_removed_at == REMOVED_AT
    client.force_login(comms_officer)
    assert TAG in client.get(f"/inbox/comments/{found.pk}/").content.decode()
    # and set to no action needed, it no longer says so
    inbox.set_status(found, by=comms_officer, status=Comment.Status.NO_ACTION)
    assert TAG not in client.get(f"/inbox/comments/{found.pk}/").content.decode()
