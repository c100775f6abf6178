"""How comments get in besides the platform connectors: API tokens per account and CSV imports."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from herald.people.models import Person
from herald.social_accounts.models import Account


class CommentPayload(models.Model):
    """What was submitted for a comment that came through the JSON API (the object as posted) or a CSV
    import (the row): kept so that evidence of the comment has its raw payload. Comments from the
    platform connectors keep theirs with the connector (`herald.connectors.CommentOrigin`)."""

    comment = models.OneToOneField("moderation.Comment", primary_key=True, on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=10)
    raw = models.JSONField(default=dict)

    def __str__(self) -> str:
        return f"{self.source} payload of comment {self.comment_id}"


class IngestTokenQuerySet(models.QuerySet):
    def live(self):
        return self.filter(revoked_at=None)


class IngestToken(models.Model):
    """A bearer token that lets a system post comments for one account to the JSON ingest API. Only
    its SHA-256 is kept; the token itself is shown once, when issued."""

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="ingest_tokens")
    name = models.CharField(max_length=120, help_text="What uses it, e.g. “Nextdoor export script”.")
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=12)
    issued_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField(default=timezone.now)
    revoked_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    objects = IngestTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class CommentImport(models.Model):
    """One CSV file of comments exported by hand from a platform, as accepted or refused."""

    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="comment_imports")
    filename = models.CharField(max_length=200)
    imported_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    accepted = models.BooleanField()
    created = models.PositiveIntegerField(default=0)
    duplicates = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.filename} into {self.account}"
