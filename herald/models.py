from django.db import models


class ScheduledJob(models.Model):
    """When each periodic task was last put on the queue, so several schedulers never double-enqueue."""

    name = models.CharField(max_length=200, unique=True)
    last_enqueued_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name


class OutgoingEmail(models.Model):
    """One email on its way out. Herald never sends mail inside a request: herald.mail keeps the
    message here and a task delivers it, retrying with backoff, so a mail server that is down
    delays an email but never fails the page or loses the email."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    message = models.JSONField()
    subject = models.CharField(max_length=998, blank=True)
    recipients = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    queued_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["status", "queued_at"])]

    def __str__(self) -> str:
        return f"{self.subject} → {self.recipients}"


class WorkerHeartbeat(models.Model):
    """When each task worker was last seen alive. A RUNNING task whose worker has not been seen for
    HERALD_WORKER_LOST_AFTER seconds was left behind by a crash (see herald.workers)."""

    worker_id = models.CharField(max_length=64, unique=True)
    last_seen_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.worker_id


class FormSubmission(models.Model):
    """A one-time form key, consumed in the same transaction as the record the form creates, so a
    double click or a resubmitted page creates one record (see herald.submissions)."""

    key = models.CharField(max_length=200, unique=True)
    redirect_to = models.CharField(max_length=500, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.key
