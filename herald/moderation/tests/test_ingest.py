import datetime as dt

import pytest
from django.utils import timezone

from herald.audit.models import AuditEvent
from herald.moderation import services
from herald.moderation.models import Comment, CommentAuthor
from testing.factories import AccountFactory, incoming

pytestmark = pytest.mark.django_db


@pytest.fixture
def account():
    return AccountFactory(platform="facebook", display_name="Hinckley & Bosworth Borough Council")


def test_a_comment_arriving_twice_is_stored_once_and_counted_as_a_duplicate(account):
    item = incoming("When is the green bin collection on our street?")

    first = services.receive_comments(account, [item], source="webhook")
    second = services.receive_comments(account, [item], source="webhook")

    assert (first.created, first.duplicates) == (1, 0)
    assert (second.created, second.duplicates) == (0, 1)
    assert Comment.objects.filter(platform="facebook", platform_id=item.platform_id).count() == 1


def test_the_same_comment_twice_in_one_batch_is_stored_once(account):
    item = incoming("Bins not collected again")

    result = services.receive_comments(account, [item, item], source="api")

    assert (result.created, result.duplicates) == (1, 1)


def test_a_batch_stores_authors_once_and_links_replies_to_their_parent(account):
    parent = incoming("Why is the car park closed?", author_platform_id="u-1")
    reply = incoming(
        "It's being resurfaced", kind="reply", parent_platform_id=parent.platform_id, author_platform_id="u-1"
    )

    result = services.receive_comments(account, [reply, parent], source="webhook")

    assert result.created == 2
    assert CommentAuthor.objects.filter(platform="facebook", platform_user_id="u-1").count() == 1
    stored = Comment.objects.get(platform_id=reply.platform_id)
    assert stored.parent.platform_id == parent.platform_id
    assert stored.author.platform_user_id == "u-1"


def test_comments_that_cannot_be_stored_are_listed_with_the_reason_and_the_rest_are_stored(account):
    good = incoming("Thank you for fixing the streetlight")
    naive = incoming("No time zone", posted_at=dt.datetime(2026, 1, 1, 12, 0))
    elsewhere = incoming("Wrong platform", platform="x")

    result = services.receive_comments(account, [good, naive, elsewhere], source="api")

    assert result.created == 1
    assert [position for position, _ in result.rejected] == [1, 2]
    assert "UTC offset" in result.rejected[0][1]
    assert "not the account's platform" in result.rejected[1][1]


def test_receiving_a_batch_is_audited_once_with_its_counts(account):
    services.receive_comments(account, [incoming("One"), incoming("Two")], source="csv")

    event = AuditEvent.objects.filter(action="moderation.comments_received").get()
    assert event.after["created"] == 2
    assert event.after["source"] == "csv"


def test_a_new_comment_is_classified_by_the_task_queued_after_commit(account, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = services.receive_comments(account, [incoming("Love the new park, thank you")], source="webhook")

    from django_tasks_db.models import DBTaskResult

    from herald.moderation import tasks

    queued = DBTaskResult.objects.get()
    assert queued.task_path == "herald.moderation.tasks.classify_comments"
    assert queued.args_kwargs["args"] == [result.comment_ids]
    tasks.classify_comments.call(*queued.args_kwargs["args"])
    stored = Comment.objects.get(pk=result.comment_ids[0])
    assert stored.checked_at is not None
    assert stored.received_at <= timezone.now()
