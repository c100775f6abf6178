from django.db import models


class ScheduledJob(models.Model):
    """When each periodic task was last put on the queue, so several schedulers never double-enqueue."""

    name = models.CharField(max_length=200, unique=True)
    last_enqueued_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name
