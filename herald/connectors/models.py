"""What the connectors keep: every delivery as it arrived, each connector's progress, and where each
comment came from."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from herald.moderation.models import Comment
from herald.social_accounts.models import Account


class RawEventQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(status=RawEvent.Status.QUEUED)

    def failed(self):
        return self.filter(status=RawEvent.Status.FAILED)


class RawEvent(models.Model):
    """One delivery from a platform (a webhook POST, a stream frame, a poll page), stored before it is
    read so that nothing is lost if reading fails, and stored once however often it is delivered."""

    class Source(models.TextChoices):
        WEBHOOK = "webhook", "Webhook"
        STREAM = "stream", "Stream"
        POLL = "poll", "Poll"

    class Signature(models.TextChoices):
        VERIFIED = "verified", "Signature checked"
        CONNECTION = "connection", "Read over Herald's own authenticated connection"

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to be read"
        PROCESSED = "processed", "Read"
        FAILED = "failed", "Could not be read"

    connector = models.CharField(max_length=20)
    account = models.ForeignKey(Account, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    source = models.CharField(max_length=8, choices=Source.choices)
    received_at = models.DateTimeField(default=timezone.now)
    headers = models.JSONField(default=dict, blank=True)
    body = models.TextField()
    signature = models.CharField(max_length=10, choices=Signature.choices)
    replay_key = models.CharField(max_length=300, help_text="What makes two deliveries the same one.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    reason = models.TextField(blank=True, help_text="Why it could not be read, or what was left out.")
    processed_at = models.DateTimeField(null=True, blank=True)
    comments_created = models.PositiveIntegerField(default=0)
    comments_duplicate = models.PositiveIntegerField(default=0)
    replays = models.PositiveIntegerField(default=0, help_text="How many more times it was delivered.")
    # A comment's words taken out of the kept body later (its author removed it, and nothing needed it
    # kept): the body no longer matches the signature that was checked when it arrived, and this says why.
    scrubbed_at = models.DateTimeField(null=True, blank=True)
    scrubbed_reason = models.TextField(blank=True)

    objects = RawEventQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["connector", "replay_key"], name="connectors_event_once")]
        indexes = [models.Index(fields=["connector", "-received_at"], name="connectors_event_recent")]

    def __str__(self) -> str:
        return f"{self.connector} {self.source} at {self.received_at:%Y-%m-%d %H:%M:%S}"


class ConnectorState(models.Model):
    """How a connector is getting on: for an account (its cursor, so a restart resumes) or, with no
    account, for a platform's webhook as a whole (deliveries refused before an account is known)."""

    connector = models.CharField(max_length=20)
    account = models.ForeignKey(Account, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    cursor = models.CharField(max_length=200, blank=True)
    last_event_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["account"], condition=Q(account__isnull=False), name="connectors_state_per_account"
            ),
            models.UniqueConstraint(
                fields=["connector"], condition=Q(account=None), name="connectors_state_per_webhook"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.connector} for {self.account or 'its webhook'}"


class CommentOrigin(models.Model):
    """The platform's own record of a comment, as delivered: what a reply needs (Bluesky's content id,
    LinkedIn's post) and what evidence of the comment keeps."""

    comment = models.OneToOneField(Comment, primary_key=True, on_delete=models.CASCADE, related_name="origin")
    raw_event = models.ForeignKey(RawEvent, on_delete=models.PROTECT, related_name="origins")
    connector = models.CharField(max_length=20)
    raw = models.JSONField(default=dict)

    def __str__(self) -> str:
        return f"{self.connector} delivery of comment {self.comment_id}"


class ChangeDelivery(models.Model):
    """A delivery that carried its author's edit of a comment: the edited text is in it, so if the author
    later removes the comment and Herald drops its text, this delivery loses that text too."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="+")
    raw_event = models.ForeignKey(RawEvent, on_delete=models.CASCADE, related_name="change_deliveries")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["comment", "raw_event"], name="connectors_change_delivery_once")]

    def __str__(self) -> str:
        return f"A change to comment {self.comment_id} in delivery {self.raw_event_id}"
