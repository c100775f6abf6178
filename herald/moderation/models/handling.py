"""Handling a comment: replies (saved answers, approval, sending), who else is on the comment, the
evidence kept before a comment is hidden or deleted, authors' warnings, strikes and blocks, and the
councillor-abuse cases the monitoring officer's team takes on."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from herald.moderation.models.comments import Comment, CommentAuthor
from herald.people.models import Person
from herald.social_accounts.models import Account


class ReplySetting(models.Model):
    """How replies on one account are handled. Without a row, replies need no second person."""

    account = models.OneToOneField(Account, on_delete=models.CASCADE, related_name="reply_setting")
    requires_approval = models.BooleanField(
        "Replies need a second person's approval",
        default=False,
        help_text="As for posts: someone other than the writer approves the exact text before it is sent.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Reply settings for {self.account}"


class SavedReply(models.Model):
    """A common answer editors start a reply from (opening times, how to report a missed bin)."""

    title = models.CharField(max_length=120)
    text = models.TextField(max_length=5000)
    account = models.ForeignKey(Account, null=True, blank=True, on_delete=models.CASCADE, related_name="saved_replies")
    created_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class ReplyQuerySet(models.QuerySet):
    def current(self):
        """Replies that still count: everything but withdrawn drafts."""
        return self.exclude(status=Reply.Status.WITHDRAWN)

    def awaiting_approval(self):
        return self.filter(status=Reply.Status.AWAITING_APPROVAL)


class Reply(models.Model):
    """The council's answer to a comment, written in Herald. Its text never changes once written: a
    changed answer is a new reply, so an approval is always of the exact words sent."""

    class Status(models.TextChoices):
        AWAITING_APPROVAL = "awaiting", "Waiting for approval"
        READY = "ready", "Ready to send"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class SentHow(models.TextChoices):
        CONNECTOR = "connector", "Sent by Herald"
        BY_HAND = "by_hand", "Posted by hand"

    comment = models.ForeignKey(Comment, on_delete=models.PROTECT, related_name="herald_replies")
    text = models.TextField(max_length=10000)
    text_sha256 = models.CharField(max_length=64)
    findings = models.JSONField(default=list, blank=True)
    blocking = models.BooleanField(default=False)
    saved_reply = models.ForeignKey(SavedReply, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    written_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=Status.choices)
    approved_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    sent_how = models.CharField(max_length=10, choices=SentHow.choices, blank=True)
    platform_reply_id = models.CharField(max_length=200, blank=True)
    address = models.URLField("Address of the reply on the platform", max_length=500, blank=True)
    send_error = models.CharField(max_length=500, blank=True)
    # Why Herald withdrew it itself (e.g. the comment it answers was deleted); blank when a person did.
    withdrawn_reason = models.CharField(max_length=300, blank=True)
    # When Herald began calling the platform: a reply "sending" for long was lost (the process stopped
    # before the platform answered) and the sweep hands it back to the editor.
    sending_since = models.DateTimeField(null=True, blank=True)
    # When the council's page removed this reply from the platform after it was sent (the platform says so).
    removed_on_platform_at = models.DateTimeField(null=True, blank=True)

    objects = ReplyQuerySet.as_manager()

    class Meta:
        ordering = ["written_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(approved_by=models.F("written_by")), name="moderation_reply_not_self_approved"
            )
        ]

    def __str__(self) -> str:
        return f"Reply {self.pk} to comment {self.comment_id}"


class Presence(models.Model):
    """Who has a comment open, and whether they are writing a reply; refreshed by the page every few
    seconds, forgotten when stale."""

    class Activity(models.TextChoices):
        VIEWING = "viewing", "viewing"
        REPLYING = "replying", "writing a reply"

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="presences")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    activity = models.CharField(max_length=8, choices=Activity.choices, default=Activity.VIEWING)
    seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["comment", "person"], name="moderation_presence_once")]

    def __str__(self) -> str:
        return f"{self.person} {self.activity} comment {self.comment_id}"


class PlatformAction(models.Model):
    """Herald hiding, showing again or deleting a comment on its platform. It is recorded as sending in
    the transaction that changes the comment in Herald; the platform is called once that has committed,
    and the outcome is recorded here: done, or refused with the platform's reason (to be tried again)."""

    class Action(models.TextChoices):
        HIDE = "hide", "Hide"
        UNHIDE = "unhide", "Show again"
        DELETE = "delete", "Delete"

    class Status(models.TextChoices):
        SENDING = "sending", "Waiting for the platform"
        DONE = "done", "Done on the platform"
        REFUSED = "refused", "Not done on the platform"

    # What the comment's page and the audit trail call each action: (while waiting, done, refused).
    WORDS = {
        Action.HIDE: ("Hiding on", "Hidden on", "Not hidden on"),
        Action.UNHIDE: ("Showing again on", "Shown again on", "Not shown again on"),
        Action.DELETE: ("Deleting on", "Deleted on", "Not deleted on"),
    }

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="platform_actions")
    action = models.CharField(max_length=6, choices=Action.choices)
    status = models.CharField(max_length=7, choices=Status.choices, default=Status.SENDING)
    asked_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    asked_at = models.DateTimeField(default=timezone.now)
    # Set while the platform is being asked (again); the sweep hands back one left waiting too long.
    sending_since = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["asked_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["comment"], condition=Q(status="sending"), name="moderation_platform_action_one_sending"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} comment {self.comment_id} on its platform: {self.status}"

    @property
    def words(self) -> str:
        """ "Hiding on Facebook", "Hidden on Facebook", "Not hidden on Facebook" and so on."""
        waiting, done, refused = self.WORDS[self.Action(self.action)]
        said = {self.Status.SENDING: waiting, self.Status.DONE: done}.get(self.Status(self.status), refused)
        return f"{said} {self.comment.get_platform_display()}"


class RemovalReason(models.TextChoices):
    """Why a comment is hidden or deleted: the fixed list in the house rules."""

    ABUSE = "abuse", "Abusive, offensive or discriminatory"
    THREAT = "threat", "Threatening or inciting violence"
    HARASSMENT = "harassment", "Harassment of a person"
    PERSONAL_DATA = "personal_data", "Personal information about someone"
    DEFAMATION = "defamation", "Possibly defamatory"
    SPAM = "spam", "Spam, scams or advertising"
    ILLEGAL = "illegal", "Illegal content or encouraging a crime"
    OFF_TOPIC = "off_topic", "Off-topic or disruptive"
    IMPERSONATION = "impersonation", "Impersonation"
    ELECTION = "election", "Electioneering during a pre-election period"


class EvidenceQuerySet(models.QuerySet):
    def expired(self, on):
        return self.filter(keep_until__lt=on)


class Evidence(models.Model):
    """What a comment was, kept before anyone hides or deletes it: it never changes (the model refuses,
    and a database trigger refuses UPDATE, and DELETE before `keep_until`)."""

    class Action(models.TextChoices):
        HIDE = "hide", "Hide"
        DELETE = "delete", "Delete"

    comment = models.ForeignKey(Comment, on_delete=models.PROTECT, related_name="evidence")
    action = models.CharField(max_length=6, choices=Action.choices)
    reason = models.CharField(max_length=16, choices=RemovalReason.choices)
    reason_detail = models.CharField(max_length=500, blank=True)
    raw_payload = models.JSONField(default=dict, blank=True)
    text_shown = models.TextField()
    author_details = models.JSONField(default=dict, blank=True)
    permalink = models.URLField(max_length=500, blank=True)
    account_name = models.CharField(max_length=200)
    posted_at = models.DateTimeField()
    taken_at = models.DateTimeField()
    taken_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    rule_name = models.CharField(max_length=120, blank=True, help_text="The moderation rule that acted, if any")
    status_before = models.CharField(max_length=10, help_text="The comment's status before, for unhiding")
    pdf = models.BinaryField()
    pdf_sha256 = models.CharField(max_length=64)
    sha256 = models.CharField(max_length=64, help_text="Of the whole snapshot (the manifest), PDF included")
    keep_until = models.DateField()

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        ordering = ["-taken_at", "-id"]
        indexes = [models.Index(fields=["keep_until"], name="moderation_evidence_expiry")]

    def __str__(self) -> str:
        return f"Evidence {self.pk} of comment {self.comment_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValidationError("Evidence cannot be changed once it is kept.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("Evidence cannot be deleted; the retention task removes it when its time is up.")


class AuthorSanction(models.Model):
    """A warning, a strike or a block on an author, across every account the council has."""

    class Kind(models.TextChoices):
        WARNING = "warning", "Warning"
        STRIKE = "strike", "Strike"
        BLOCK = "block", "Blocked"

    author = models.ForeignKey(CommentAuthor, on_delete=models.CASCADE, related_name="sanctions")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    reason = models.CharField(max_length=500)
    comment = models.ForeignKey(Comment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    lifted_reason = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.author}"

    @property
    def is_current(self) -> bool:
        return self.lifted_at is None


class AbuseCaseQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_at=None)


class CouncillorAbuseCase(models.Model):
    """Threatening or abusive comments aimed at one councillor, for the monitoring officer's team."""

    # Empty when the abuse was aimed at the council's civic office ("the Mayor") and the members' register
    # records nobody in it (or more than one): `office` names it, so the case still opens.
    councillor = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="abuse_cases")
    office = models.CharField(max_length=40, blank=True)
    office_note = models.CharField(max_length=300, blank=True)
    comments = models.ManyToManyField(Comment, related_name="abuse_cases")
    opened_at = models.DateTimeField(default=timezone.now)
    opened_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    why = models.CharField(max_length=300)
    police_reference = models.CharField(max_length=60, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    outcome = models.TextField(blank=True, max_length=5000)

    objects = AbuseCaseQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["councillor"], condition=Q(closed_at=None), name="moderation_one_open_case_per_councillor"
            ),
            models.UniqueConstraint(
                fields=["office"],
                condition=Q(closed_at=None, councillor=None),
                name="moderation_one_open_case_per_unheld_office",
            ),
            models.CheckConstraint(
                condition=Q(councillor__isnull=False) | ~Q(office=""), name="moderation_case_names_someone"
            ),
        ]

    def __str__(self) -> str:
        return f"Abuse of {self.subject}"

    @property
    def subject(self) -> str:
        """Whom the case is about: the councillor, or the office when the register records nobody in it."""
        return self.councillor.full_name if self.councillor is not None else f"the {self.office}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class CouncillorHandle(models.Model):
    """A councillor's own account name on a platform, so a comment naming "@handle" reaches them."""

    councillor = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="social_handles")
    platform = models.CharField(max_length=12, blank=True, help_text="Empty: the same handle on every platform")
    handle = models.CharField(max_length=120)
    retired_at = models.DateTimeField(
        null=True, blank=True, help_text="No longer theirs: comments naming it reach nobody"
    )

    class Meta:
        ordering = ["handle"]
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "handle"],
                condition=models.Q(retired_at=None),
                name="moderation_councillor_handle_once",
            )
        ]

    def __str__(self) -> str:
        return f"@{self.handle}"
