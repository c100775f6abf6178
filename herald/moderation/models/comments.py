"""Comments and messages that arrive on the council's official accounts, who wrote them, the flags
that give some of them a legal clock, and the team notes kept on them."""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils import timezone

from herald.people.models import Person
from herald.social_accounts.models import Account, Platform


class ModerationTeam(models.Model):
    """A team that works part of the inbox: its queue holds the comments on its accounts (or assigned to
    it by hand or by a moderation rule)."""

    name = models.CharField(max_length=120, unique=True)
    members = models.ManyToManyField(Person, blank=True, related_name="moderation_teams")
    accounts = models.ManyToManyField(Account, blank=True, related_name="moderation_teams")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CommentAuthor(models.Model):
    """A member of the public (or anyone) as a platform knows them. Kept once per platform account."""

    platform = models.CharField(max_length=12, choices=Platform.choices)
    platform_user_id = models.CharField(max_length=200)
    handle = models.CharField(max_length=200, blank=True)
    display_name = models.CharField(max_length=200, blank=True)
    profile_url = models.URLField(max_length=500, blank=True)
    first_seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["platform", "handle"]
        constraints = [
            models.UniqueConstraint(fields=["platform", "platform_user_id"], name="moderation_author_once_per_platform")
        ]

    def __str__(self) -> str:
        return self.display_name or self.handle or self.platform_user_id


class CommentQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=Comment.OPEN_STATUSES)

    def unchecked(self):
        return self.filter(checked_at=None)

    def in_queue_of(self, team: ModerationTeam | int):
        """The comments in `team`'s queue: those put in it (on arrival on one of its accounts, when it
        took the account on, by hand or by a rule). A comment with no team is in the general queue, even
        on one of the team's accounts (it was closed when the team took the account on, or put there by
        hand): the inbox's team filter and the teams page count the same comments."""
        return self.filter(team=team)

    def assigned_to(self, person: Person):
        return self.filter(assignee=person)


# The statuses of a comment still to be dealt with (Comment.OPEN_STATUSES), for the partial indexes.
OPEN = Q(status__in=["new", "assigned", "waiting", "escalated"])


class Comment(models.Model):
    class Kind(models.TextChoices):
        COMMENT = "comment", "Comment"
        REPLY = "reply", "Reply"
        MENTION = "mention", "Mention"
        MESSAGE = "message", "Direct message"

    class Status(models.TextChoices):
        NEW = "new", "New"
        ASSIGNED = "assigned", "Assigned"
        WAITING = "waiting", "Waiting"
        REPLIED = "replied", "Replied"
        HIDDEN = "hidden", "Hidden"
        DELETED = "deleted", "Deleted"
        NO_ACTION = "no_action", "No action needed"
        ESCALATED = "escalated", "Escalated"

    class Priority(models.IntegerChoices):
        LOW = 1, "Low"
        NORMAL = 2, "Normal"
        HIGH = 3, "High"
        URGENT = 4, "Urgent"

    class Severity(models.TextChoices):
        NONE = "", "None"
        ADVICE = "advice", "Advice"
        WARN = "warn", "Warning"
        BLOCK = "block", "Serious"

    OPEN_STATUSES = (Status.NEW, Status.ASSIGNED, Status.WAITING, Status.ESCALATED)

    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="comments")
    platform = models.CharField(max_length=12, choices=Platform.choices)
    platform_id = models.CharField(max_length=200)
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.COMMENT)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replies")
    parent_platform_id = models.CharField(max_length=200, blank=True)
    author = models.ForeignKey(CommentAuthor, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments")
    text = models.TextField()
    permalink = models.URLField(max_length=500, blank=True)
    posted_at = models.DateTimeField()
    received_at = models.DateTimeField(default=timezone.now)
    source = models.CharField(max_length=20, help_text="How it arrived: webhook, stream, poll, api, csv, demo.")

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    assignee = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="assigned_comments"
    )
    team = models.ForeignKey(ModerationTeam, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments")
    priority = models.PositiveSmallIntegerField(choices=Priority.choices, default=Priority.NORMAL)
    # The response clock, in the council's business hours from arrival; set on arrival.
    respond_by = models.DateTimeField(null=True, blank=True)
    # The first response: what the response target, the inbox's clock and the reports measure. Kept when
    # the comment is reopened (back to new, assigned or waiting after it was handled: the page removed its
    # reply, or a moderator reopened it), which `reopened_at` records, the latest time.
    first_handled_at = models.DateTimeField(null=True, blank=True)
    reopened_at = models.DateTimeField(null=True, blank=True)

    # What the check engine found (the report's findings, as posts keep them) and the worst severity.
    findings = models.JSONField(default=list, blank=True)
    severity = models.CharField(max_length=6, choices=Severity.choices, default="", blank=True)
    pre_election = models.BooleanField(null=True, blank=True, help_text="Whether a pre-election period was in force")
    pre_election_wards = models.JSONField(default=list, blank=True)
    checked_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # What the platform told Herald since: the author edited it (its earlier texts are CommentEdits), or
    # removed it from the platform.
    edited_at = models.DateTimeField(null=True, blank=True)
    removed_by_author_at = models.DateTimeField(null=True, blank=True)
    # The council's page removed it on the platform itself, outside Herald (a page admin in Meta's tools):
    # Herald deleting it is its DELETED status and its evidence, not this.
    removed_by_page_at = models.DateTimeField(null=True, blank=True)
    # Hidden on the platform by the page outside Herald (its status is then HIDDEN); cleared when shown again.
    hidden_on_platform_at = models.DateTimeField(null=True, blank=True)
    # The council's page removed Herald's only reply to it on the platform: it needs a reply again (its
    # status went back from replied to open); cleared when another reply is sent.
    reply_removed_at = models.DateTimeField(null=True, blank=True)
    # The author removed it and nothing (a flag, a case, evidence) needed it kept: its text was dropped.
    text_dropped = models.BooleanField(default=False)
    # PostgreSQL only: the text's search terms (English stemming), written with the check results and
    # GIN-indexed, so the inbox's full-text search never recomputes them row by row. Empty on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["platform", "platform_id"], name="moderation_comment_once_per_platform")
        ]
        indexes = [
            # The inbox's reads: newest first (received_at, then id, as the inbox orders), narrowed by one
            # filter; the open comments (the inbox's default view) have partial indexes of their own.
            models.Index(fields=["-received_at", "-id"], name="moderation_inbox_newest"),
            models.Index(fields=["status", "-received_at", "-id"], name="moderation_inbox_status"),
            models.Index(fields=["account", "-received_at", "-id"], name="moderation_inbox_account"),
            models.Index(fields=["platform", "-received_at", "-id"], name="moderation_inbox_platform"),
            models.Index(fields=["severity", "-received_at", "-id"], name="moderation_inbox_severity"),
            models.Index(fields=["assignee", "-received_at", "-id"], name="moderation_inbox_assignee"),
            models.Index(fields=["team", "-received_at", "-id"], name="moderation_inbox_team"),
            models.Index(fields=["-received_at", "-id"], name="moderation_open_newest", condition=OPEN),
            models.Index(fields=["account", "-received_at", "-id"], name="moderation_open_account", condition=OPEN),
            models.Index(fields=["team", "-received_at", "-id"], name="moderation_open_team", condition=OPEN),
            models.Index(fields=["severity", "-received_at", "-id"], name="moderation_open_severity", condition=OPEN),
            models.Index(fields=["checked_at"], name="moderation_unchecked", condition=Q(checked_at=None)),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.platform_id} on {self.account}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_reopened(self) -> bool:
        """Handled once and now needing handling again (escalated counts as handled)."""
        return self.first_handled_at is not None and self.status in (
            self.Status.NEW,
            self.Status.ASSIGNED,
            self.Status.WAITING,
        )


class CommentEdit(models.Model):
    """A comment's text before its author edited it on the platform, for the moderators: what they may
    have read, flagged or answered. Dropped with the comment's text if the author later removes it and
    nothing needs it kept."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="edits")
    previous_text = models.TextField()
    replaced_at = models.DateTimeField()
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["replaced_at", "id"]

    def __str__(self) -> str:
        return f"Earlier text of comment {self.comment_id}"


class CommentFlag(models.Model):
    """Something in a comment the council must handle under its own procedure, with its own queue and,
    where the law gives one, its own clock."""

    class Kind(models.TextChoices):
        FOI = "foi", "Possible freedom of information request"
        SAR = "sar", "Possible subject access request"
        COMPLAINT = "complaint", "Complaint"
        SAFEGUARDING = "safeguarding", "Safeguarding concern"
        THREAT = "threat", "Threat to a person"

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="flags")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    # Why it was raised: the words that matched, or "raised by hand".
    reason = models.CharField(max_length=300, blank=True)
    raised_at = models.DateTimeField(default=timezone.now)
    raised_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    outcome = models.TextField(blank=True)

    class Meta:
        ordering = ["due_on", "raised_at"]
        constraints = [models.UniqueConstraint(fields=["comment", "kind"], name="moderation_flag_once_per_comment")]
        indexes = [models.Index(fields=["kind", "closed_at", "due_on"], name="moderation_flag_queue")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on comment {self.comment_id}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class InternalNote(models.Model):
    """A note the team keeps on a comment; never sent to the platform or the author."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Note by {self.author} on comment {self.comment_id}"
