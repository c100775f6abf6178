"""Official posts and replies: the drafts, their check reports, approvals and the record of what was
published where. One Post is one message for one account; writing for several accounts at once makes
one Post per account, linked by `group`, because each account has its own approval rule, schedule and
published address."""

from __future__ import annotations

import hashlib
import json
import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone

from herald.dates import uk_datetime
from herald.people.models import Person
from herald.social_accounts.models import Account

MAX_TIERS = 3


def content_hash(*, platform: str, text: str, media: list[tuple[int, str]]) -> str:
    """The SHA-256 of what would be published: the platform, the text, and each image or video with its
    alt text, in a fixed serialisation. An approval is of exactly this; any change to it is a new version."""
    canonical = json.dumps(
        {"v": 1, "platform": platform, "text": text, "media": [[pk, alt] for pk, alt in sorted(media)]},
        ensure_ascii=False,
        separators=(",", ":"),
        sort_keys=True,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# The check's rule for a child identified in a post without a parent's or guardian's consent.
CHILD_WITHOUT_CONSENT = "child-identified-without-consent"


class PostQuerySet(models.QuerySet):
    def drafts(self):
        return self.filter(status__in=[Post.Status.DRAFT, Post.Status.SENT_BACK])

    def awaiting_approval(self):
        return self.filter(status=Post.Status.AWAITING_APPROVAL)

    def scheduled(self):
        return self.filter(status=Post.Status.APPROVED)

    def ready(self):
        return self.filter(status=Post.Status.READY)

    def published(self):
        return self.filter(status=Post.Status.PUBLISHED)

    def undecided(self):
        """Still needing a decision from someone before it could be published."""
        return self.filter(status__in=[Post.Status.DRAFT, Post.Status.SENT_BACK, Post.Status.AWAITING_APPROVAL])

    def written_by(self, person: Person):
        return self.filter(author=person)

    def overridden(self):
        return self.exclude(override_at=None)

    def visible_to(self, person: Person):
        """The communications team, admins, information governance and the monitoring officer see every
        post (it is the council's record); editors see the accounts they edit; approvers see what
        they were asked to approve."""
        from herald.people.roles import Role

        if person.has_role(Role.COMMS, Role.ADMIN, Role.INFO_GOV, Role.MONITORING_OFFICER):
            return self
        rule = Q(author=person) | Q(account__in=Account.objects.edited_by(person)) | Q(approvals__person=person)
        rule |= Q(status=Post.Status.AWAITING_APPROVAL, account__approval_tiers__approvers=person)
        if person.has_role(Role.SAFEGUARDING):
            # The safeguarding lead sees the posts held back for a child identified without consent.
            rule |= Q(pk__in=Post.objects.blocked_for_a_child())
        return self.filter(rule).distinct()

    def blocked_for_a_child(self):
        """Posts whose check blocks them for a child who can be identified without a parent's or
        guardian's consent (herald/checks/children.py): the database looks through each report's
        findings itself, so this is a filter (one query, or a subquery of the caller's), not a list."""
        return self.filter(_BlocksForAChild("report"))


class _BlocksForAChild(models.Func):
    """Whether a check report (JSON) has a blocking finding of the children rule: a containment test on
    PostgreSQL's jsonb, a walk of the findings with json_each on SQLite (which has no containment)."""

    output_field = models.BooleanField()
    arity = 1

    def as_postgresql(self, compiler, connection, **extra_context):
        wanted = json.dumps({"findings": [{"rule": CHILD_WITHOUT_CONSENT, "severity": "block"}]})
        return self._with(compiler, connection, "(%(expressions)s @> %%s::jsonb)", [wanted])

    def as_sqlite(self, compiler, connection, **extra_context):
        # Only objects are looked into: json_extract on a finding that is a string (json_each gives its bare
        # text) is an error, "malformed JSON", and SQLite need not test `type` first in an AND. A report that
        # is no object, or whose findings are no list, has no such finding (json_type is NULL or another).
        template = (
            "EXISTS (SELECT 1 FROM json_each(CASE WHEN json_type(%(expressions)s, '$.findings') = 'array' "
            "THEN %(expressions)s END, '$.findings') AS finding "
            "WHERE CASE WHEN finding.type = 'object' THEN json_extract(finding.value, '$.rule') = %%s "
            "AND json_extract(finding.value, '$.severity') = %%s ELSE 0 END)"
        )
        return self._with(compiler, connection, template, [CHILD_WITHOUT_CONSENT, "block"])

    def _with(self, compiler, connection, template, params):
        sql, own = self.as_sql(compiler, connection, template=template)
        return sql, (*own, *params)


class Post(models.Model):
    class Kind(models.TextChoices):
        POST = "post", "Post"
        REPLY = "reply", "Reply to a comment"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        AWAITING_APPROVAL = "awaiting_approval", "Awaiting approval"
        SENT_BACK = "sent_back", "Sent back"
        APPROVED = "approved", "Approved and scheduled"
        READY = "ready", "Ready to publish"
        PUBLISHED = "published", "Published"
        EXPIRED = "expired", "Expired"
        CANCELLED = "cancelled", "Cancelled"

    group = models.UUIDField(default=uuid.uuid4, db_index=True)
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="posts")
    author = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="posts_written")
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.POST)
    reply_to_text = models.TextField("Comment being answered", blank=True)
    reply_to_url = models.URLField("Address of the comment", blank=True, max_length=500)
    text = models.TextField(blank=True)
    scheduled_for = models.DateTimeField(null=True, blank=True)
    media = models.ManyToManyField("consents.MediaAsset", blank=True, related_name="+")
    video_captions = models.BooleanField("Videos in this post have captions", default=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)

    # The latest check report (Report.to_dict() plus the context it ran in) and whether it blocks.
    report = models.JSONField(default=dict, blank=True)
    blocking = models.BooleanField(default=False)
    pre_election = models.BooleanField(default=False, help_text="Checked in pre-election mode when submitted.")

    # Approval: `round` counts submissions; the plan is the tiers as they stood at submission.
    round = models.PositiveSmallIntegerField(default=0)
    plan = models.JSONField(default=list, blank=True)
    current_tier = models.PositiveSmallIntegerField(default=0)
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_revision = models.PositiveIntegerField(null=True, blank=True)
    sent_back_reasons = models.TextField(blank=True)
    # When an approved post was last held again for the communications team (a pre-election period came
    # to cover it). Held at or after its time, it waits for them to give it a new time instead of expiring.
    held_at = models.DateTimeField(null=True, blank=True)

    # A block overridden by the communications team, with its written justification.
    override_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    override_at = models.DateTimeField(null=True, blank=True)
    override_justification = models.TextField(blank=True)
    override_rules = models.JSONField(default=list, blank=True)

    ready_at = models.DateTimeField(null=True, blank=True)
    published_url = models.URLField(blank=True, max_length=500)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    expired_at = models.DateTimeField(null=True, blank=True)
    cancelled_reason = models.TextField(blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-scheduled_for", "-id"]
        indexes = [models.Index(fields=["status", "scheduled_for"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | ~Q(published_url=""), name="published_post_has_address"
            ),
            models.CheckConstraint(
                condition=Q(override_at=None) | ~Q(override_justification=""), name="override_has_justification"
            ),
        ]

    def __str__(self) -> str:
        first = " ".join(self.text.split())[:60] or "(no text yet)"
        return f"{self.get_kind_display()} for {self.account.display_name}: {first}"

    @property
    def platform(self) -> str:
        return self.account.platform

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.SENT_BACK, self.Status.AWAITING_APPROVAL)

    @property
    def is_overridden(self) -> bool:
        return self.override_at is not None

    @property
    def findings(self) -> list[dict]:
        return list(self.report.get("findings", []))

    @property
    def block_rules(self) -> list[str]:
        return sorted({f["rule"] for f in self.findings if f["severity"] == "block"})

    @property
    def override_covers_blocks(self) -> bool:
        return self.is_overridden and set(self.block_rules) <= set(self.override_rules)

    @property
    def is_overdue(self) -> bool:
        return self.scheduled_for is not None and self.scheduled_for <= timezone.now()

    @property
    def held_past_its_time(self) -> bool:
        """Held for the communications team at or after its time: it needs a new time before approval."""
        return (
            self.status == self.Status.AWAITING_APPROVAL
            and self.held_at is not None
            and self.scheduled_for is not None
            and self.held_at >= self.scheduled_for
        )

    def tier(self, position: int) -> dict | None:
        for tier in self.plan:
            if tier["position"] == position:
                return tier
        return None


class Revision(models.Model):
    """Every version of a post's text, schedule and media, with who made it and why."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    text = models.TextField(blank=True)
    scheduled_for = models.DateTimeField(null=True, blank=True)
    media_ids = models.JSONField(default=list, blank=True)
    # What would be published in this version (see content_hash): approvals name the hash they were for.
    text_hash = models.CharField(max_length=64, blank=True)
    report = models.JSONField(default=dict, blank=True)
    made_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    made_at = models.DateTimeField(default=timezone.now)
    reason = models.TextField(blank=True)
    by_approver = models.BooleanField(default=False)

    class Meta:
        ordering = ["post", "number"]
        constraints = [models.UniqueConstraint(fields=["post", "number"], name="one_revision_number_per_post")]

    def __str__(self) -> str:
        return f"Version {self.number} of post {self.post_id}"


class PostFinding(models.Model):
    """The rules the latest check triggered, kept as rows so the archive can filter by rule."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="rule_hits")
    rule = models.CharField(max_length=40, db_index=True)
    severity = models.CharField(max_length=8)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "rule", "severity"], name="one_hit_per_rule")]

    def __str__(self) -> str:
        return f"{self.rule} ({self.severity})"


class Approval(models.Model):
    """One approver's decision on one tier of one round of a post, for one exact text: `text_hash` is what
    they saw and `revision` the version it was then. A change to the text after it leaves the approval in
    the record but it no longer counts."""

    class Decision(models.TextChoices):
        APPROVED = "approved", "Approved"
        SENT_BACK = "sent_back", "Sent back"

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="approvals")
    round = models.PositiveSmallIntegerField()
    tier = models.PositiveSmallIntegerField()
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="post_decisions")
    decision = models.CharField(max_length=10, choices=Decision.choices)
    reasons = models.TextField(blank=True)
    revision = models.PositiveIntegerField()
    text_hash = models.CharField(max_length=64, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["post", "round", "tier", "at"]
        constraints = [
            # Once per version: after a change voids an approval, the same approver decides the new text.
            models.UniqueConstraint(
                fields=["post", "round", "tier", "person", "revision"], name="one_decision_per_tier_per_version"
            ),
            models.CheckConstraint(
                condition=Q(decision="approved") | ~Q(reasons=""), name="sending_back_gives_reasons"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.get_decision_display().lower()} tier {self.tier}"


class Note(models.Model):
    """A private note between the author and approvers. Never published."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"Note by {self.author} on post {self.post_id}"


class ApprovalTier(models.Model):
    """One tier of an account's approval rule: its approvers, and whether any one or all must approve."""

    class Mode(models.TextChoices):
        ANY = "any", "Any one of them"
        ALL = "all", "All of them"

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="approval_tiers")
    position = models.PositiveSmallIntegerField()
    mode = models.CharField(max_length=3, choices=Mode.choices, default=Mode.ANY)
    approvers = models.ManyToManyField(Person, related_name="approval_tiers")
    # Four eyes at every tier by default: a person's approval counts once per post. The account's rule
    # may let someone who approved an earlier tier approve this one too (one value for the whole rule).
    same_person_may_approve_again = models.BooleanField(default=False)

    class Meta:
        ordering = ["account", "position"]
        constraints = [
            models.UniqueConstraint(fields=["account", "position"], name="one_tier_per_position"),
            models.CheckConstraint(condition=Q(position__gte=1, position__lte=MAX_TIERS), name="at_most_three_tiers"),
        ]

    def __str__(self) -> str:
        return f"Tier {self.position} for {self.account}"


class PauseQuerySet(models.QuerySet):
    def in_force(self):
        return self.filter(released_at=None)

    def covering(self, account: Account):
        return self.in_force().filter(Q(all_accounts=True) | Q(accounts=account)).distinct()


class PublishingPause(models.Model):
    """The stop-publishing switch: while in force, no scheduled post on these accounts becomes ready."""

    all_accounts = models.BooleanField(default=True)
    accounts = models.ManyToManyField(Account, blank=True, related_name="+")
    reason = models.TextField()
    started_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField(default=timezone.now)
    released_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    released_at = models.DateTimeField(null=True, blank=True)

    objects = PauseQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        scope = "all accounts" if self.all_accounts else "chosen accounts"
        # On the council's clocks (the audit trail names the stop by this): not UTC, an hour out in summer.
        return f"Publishing stopped on {scope} from {uk_datetime(self.started_at)}"


class PostRetention(models.Model):
    """How long the record of an account's posts is kept, and whether a legal hold stops deletion."""

    DEFAULT_YEARS = 6

    account = models.OneToOneField(Account, on_delete=models.CASCADE, related_name="post_retention")
    years = models.PositiveSmallIntegerField(default=DEFAULT_YEARS)
    legal_hold = models.BooleanField(default=False)
    legal_hold_reason = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(years__gte=1, years__lte=100), name="retention_between_1_and_100_years"),
            models.CheckConstraint(
                condition=Q(legal_hold=False) | ~Q(legal_hold_reason=""), name="legal_hold_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"Keep {self.account}'s posts {self.years} years"
