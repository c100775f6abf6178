"""The council's published house rules for comments (versioned like its policies) and the moderation
rules that act on comments after the check engine has read them."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from herald.moderation.models.comments import Comment, CommentAuthor, ModerationTeam
from herald.people.models import Person
from herald.social_accounts.models import Account, Platform


class HouseRulesQuerySet(models.QuerySet):
    def readable(self):
        return self.exclude(status=HouseRules.Status.DRAFT)


class HouseRules(models.Model):
    """One version of the rules the public are asked to keep to when commenting (Markdown)."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        SUPERSEDED = "superseded", "Superseded"

    number = models.PositiveIntegerField(unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    body = models.TextField(max_length=20000)
    change_summary = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    published_at = models.DateTimeField(null=True, blank=True)

    objects = HouseRulesQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["status"], condition=Q(status="published"), name="one_published_house_rules"
            ),
            models.UniqueConstraint(fields=["status"], condition=Q(status="draft"), name="one_draft_house_rules"),
        ]

    def __str__(self) -> str:
        return f"House rules version {self.number}"


class ModerationRuleQuerySet(models.QuerySet):
    def live(self):
        return self.filter(active=True)


class ModerationRule(models.Model):
    """Conditions that must all hold (those left empty are not asked) and the actions taken when they
    do. Hiding is only automatic once an administrator has allowed it for this rule."""

    class Severity(models.TextChoices):
        ANY = "", "Any"
        ADVICE = "advice", "Advice or worse"
        WARN = "warn", "Warning or worse"
        BLOCK = "block", "Serious"

    name = models.CharField(max_length=120, unique=True)
    active = models.BooleanField(default=True)
    order = models.PositiveIntegerField(default=100, help_text="Rules run lowest first")

    # Conditions
    categories = models.JSONField(default=list, blank=True, help_text="Finding categories, any of")
    min_severity = models.CharField(max_length=6, choices=Severity.choices, blank=True, default="")
    check_rules = models.JSONField(default=list, blank=True, help_text="Engine rule ids, any of")
    keywords = models.JSONField(default=list, blank=True, help_text="Words or phrases, any of")
    author = models.ForeignKey(CommentAuthor, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    account = models.ForeignKey(Account, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    platform = models.CharField(max_length=12, choices=Platform.choices, blank=True)
    has_link = models.BooleanField(null=True, blank=True)
    language = models.CharField(max_length=2, blank=True, choices=[("en", "English"), ("cy", "Welsh")])
    pre_election = models.BooleanField(null=True, blank=True)

    # Actions
    tag = models.CharField(max_length=40, blank=True)
    assign_team = models.ForeignKey(ModerationTeam, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    set_priority = models.PositiveSmallIntegerField(choices=Comment.Priority.choices, null=True, blank=True)
    propose_hide = models.BooleanField(default=False)
    hide = models.BooleanField(default=False, help_text="Hide automatically (only once an administrator allows it)")
    hide_reason = models.CharField(max_length=16, blank=True)
    alert = models.ManyToManyField(Person, blank=True, related_name="+")
    auto_hide_allowed_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    auto_hide_allowed_at = models.DateTimeField(null=True, blank=True)

    created_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = ModerationRuleQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def may_hide(self) -> bool:
        return self.hide and self.auto_hide_allowed_by_id is not None


class RuleAction(models.Model):
    """One thing a rule did to one comment, with what it was before so it can be undone."""

    class Kind(models.TextChoices):
        TAG = "tag", "Tagged"
        ASSIGN_TEAM = "team", "Put in a team's queue"
        PRIORITY = "priority", "Priority set"
        PROPOSE_HIDE = "propose", "Proposed for hiding"
        HIDE = "hide", "Hidden"
        ALERT = "alert", "Alerted"

    rule = models.ForeignKey(ModerationRule, null=True, on_delete=models.SET_NULL, related_name="actions")
    rule_name = models.CharField(max_length=120)
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="rule_actions")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    value = models.CharField(max_length=200, blank=True)
    before = models.CharField(max_length=200, blank=True)
    at = models.DateTimeField(default=timezone.now)
    reversed_at = models.DateTimeField(null=True, blank=True)
    reversed_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} by {self.rule_name}"


class CommentTag(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="tags")
    tag = models.CharField(max_length=40)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["tag"]
        constraints = [models.UniqueConstraint(fields=["comment", "tag"], name="moderation_tag_once")]

    def __str__(self) -> str:
        return self.tag
