"""Comments reopened before Herald recorded when (handled once, now new, assigned or waiting again, with no
reopened_at): the time of the latest audited change that sent them back to the queue, else their last
change. Without it the committee report would not count them, though their pages say "Reopened".
Reversing leaves the times: the column they are in goes with 0018's reversal."""

from django.db import migrations

OPEN = ("new", "assigned", "waiting")
REOPENING = ("moderation.status_changed", "moderation.comment_edited_on_platform")


def backfill(apps, schema_editor):
    Comment = apps.get_model("moderation", "Comment")
    AuditEvent = apps.get_model("audit", "AuditEvent")
    reopened = Comment.objects.filter(status__in=OPEN, reopened_at=None).exclude(first_handled_at=None)
    for comment in reopened.only("pk", "updated_at", "first_handled_at").iterator():
        events = AuditEvent.objects.filter(
            object_type="moderation.comment",
            object_id=str(comment.pk),
            action__in=REOPENING,
            after__status__in=OPEN,
            at__gt=comment.first_handled_at,
        ).exclude(before__status__in=OPEN)
        latest = events.order_by("-at", "-pk").values_list("at", flat=True).first()
        Comment.objects.filter(pk=comment.pk).update(reopened_at=latest or comment.updated_at)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0018_comment_reopened_at"),
        ("audit", "0004_events_are_append_only"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
