import urllib.parse

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


class StrandedTask(models.Model):
    """A task whose queuing failed after its transaction committed (the task queue, Redis, was down).
    The action itself was saved; the task is kept here and `herald.queue.queue_stranded_tasks` queues
    it again every few minutes, so the follow-up work is late rather than lost."""

    task = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    attempts = models.PositiveIntegerField(default=1)
    last_error = models.TextField(blank=True)
    stranded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.task


class OutboxEmail(models.Model):
    """An email the demo kept instead of sending (herald.mail.OutboxBackend). Only a local demo uses this
    backend: its mails are read on the outbox page, and nothing leaves the machine."""

    sent_at = models.DateTimeField(auto_now_add=True)
    subject = models.CharField(max_length=998, blank=True)
    to = models.TextField(blank=True)
    body = models.TextField(blank=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to}"


class NotificationPreference(models.Model):
    """How one person wants Herald's emails: each at once, or gathered into one email a day."""

    class Delivery(models.TextChoices):
        NOW = "now", "Email me each one as it happens"
        DAILY = "daily", "Send me one email a day with everything in it"

    person = models.OneToOneField("people.Person", on_delete=models.CASCADE, related_name="notification_preference")
    delivery = models.CharField(max_length=10, choices=Delivery.choices, default=Delivery.NOW)
    last_digest_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.person}: {self.delivery}"


class DigestItem(models.Model):
    """A message kept for a person's daily digest; deleted once the digest is sent."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="digest_items")
    kind = models.CharField(max_length=80)
    subject = models.CharField(max_length=998)
    body = models.TextField()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.person}: {self.subject}"


class TeamWebhook(models.Model):
    """A team's Microsoft Teams or Slack channel: Herald posts there what it tells the team's members."""

    class Service(models.TextChoices):
        TEAMS = "teams", "Microsoft Teams"
        SLACK = "slack", "Slack"

    team = models.OneToOneField("people.Team", on_delete=models.CASCADE, related_name="webhook")
    service = models.CharField(max_length=10, choices=Service.choices)
    url = models.URLField(max_length=500)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.team} ({self.get_service_display()})"

    @property
    def masked_address(self) -> str:
        """What identifies the address to an administrator without giving it away: its host and the
        last four characters, e.g. "hooks.slack.com/…x7Qz". The path and query are the secret: anyone
        holding them can post to the channel."""
        return mask_webhook_address(self.url)


def mask_webhook_address(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    secret = url[len(f"{parts.scheme}://{parts.netloc}") :] if parts.netloc else url
    tail = secret[-4:] if len(secret) >= 16 else ""
    return f"{parts.hostname or 'unknown host'}/…{tail}"


def without_webhook_address(text: str, url: str) -> str:
    """An error to keep and show, with the webhook's secret address (which some errors quote, such as
    "unknown url type: '...'") replaced by its masked form. Migration herald 0004 scrubs the errors kept
    before this with it."""
    parts = urllib.parse.urlsplit(url)
    secret = url[len(f"{parts.scheme}://{parts.netloc}") :] if parts.netloc else url
    for quoted in (url, urllib.parse.quote(url, safe=":/?&="), secret):
        if len(quoted) >= 8:
            text = text.replace(quoted, mask_webhook_address(url))
    return text


class WebhookDelivery(models.Model):
    """One post to a team's channel on its way out, retried by the task queue like an email."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    webhook = models.ForeignKey(TeamWebhook, on_delete=models.CASCADE, related_name="deliveries")
    payload = models.JSONField()
    subject = models.CharField(max_length=998, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    queued_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["status", "queued_at"])]

    def __str__(self) -> str:
        return f"{self.subject} → {self.webhook}"

    @property
    def error_shown(self) -> str:
        """The last error as shown to administrators: masked again here, so an error kept before errors
        were masked, or before the channel's address was changed, never shows a secret address."""
        return without_webhook_address(self.last_error, self.webhook.url)
