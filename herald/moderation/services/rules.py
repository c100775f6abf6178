"""Moderation rules: run on every comment once the check engine has read it, each rule's conditions
all asked, its actions taken and recorded so that any of them can be undone. Hiding is automatic only
for a rule an administrator has allowed to hide, evidence first; deleting is never automatic.

Also the house rules page's versions: a draft, published (the previous version superseded), history."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from herald.audit import services as audit
from herald.errors import Refused
from herald.moderation.models import (
    Comment,
    CommentTag,
    HouseRules,
    ModerationRule,
    RemovalReason,
    RuleAction,
)
from herald.moderation.services import cases, evidence
from herald.notifications import notify
from herald.people.models import Person
from herald.people.roles import Role

SEVERITY_RANK = {"block": 3, "warn": 2, "advice": 1, "": 0}
PROPOSED_HIDE_TAG = "proposed for hiding"
LINK = re.compile(r"https?://|\bwww\.|\b[a-z0-9-]+\.(?:com|co\.uk|org|net|uk|ly|io)\b", re.IGNORECASE)
# Common Welsh words that hardly occur in English: two or more make a comment Welsh.
WELSH = frozenset(
    "yr y a ac mae yn ydy dydd diolch os gwelwch chi fy ein eich gyda ar am pam beth sut ble pryd cyngor "
    "croeso bore da nos hwyl iawn ddim wedi bod hefyd neu".split()
)
ENGLISH = frozenset("the and is are was to of in it you for on that this with have not be".split())


def language_of(text: str) -> str:
    """ "cy" for a comment mostly in Welsh, otherwise "en" (the two languages the council answers in)."""
    words = re.findall(r"[a-zA-Zâêîôûŵŷ']+", text.lower())
    welsh = sum(1 for w in words if w in WELSH and w not in ("a", "y"))
    english = sum(1 for w in words if w in ENGLISH)
    return "cy" if welsh >= 2 and welsh > english else "en"


def matches(rule: ModerationRule, comment: Comment) -> bool:
    """Whether every condition the rule sets holds for the comment."""
    findings = comment.findings or []
    if rule.categories and not any(f.get("category") in rule.categories for f in findings):
        return False
    if rule.min_severity and SEVERITY_RANK.get(comment.severity, 0) < SEVERITY_RANK[rule.min_severity]:
        return False
    if rule.check_rules and not any(f.get("rule") in rule.check_rules for f in findings):
        return False
    if rule.keywords:
        text = comment.text.lower()
        if not any(re.search(r"(?<!\w)" + re.escape(k.lower()) + r"(?!\w)", text) for k in rule.keywords if k):
            return False
    if rule.author_id and comment.author_id != rule.author_id:
        return False
    if rule.account_id and comment.account_id != rule.account_id:
        return False
    if rule.platform and comment.platform != rule.platform:
        return False
    if rule.has_link is not None and bool(LINK.search(comment.text)) != rule.has_link:
        return False
    if rule.language and language_of(comment.text) != rule.language:
        return False
    if rule.pre_election is not None and bool(comment.pre_election) != rule.pre_election:
        return False
    return True


def after_classification(comments: Sequence[Comment]) -> None:
    """The hook the core's classification calls, inside its transaction, once findings are saved: the
    moderation rules, then councillor-abuse cases."""
    run_rules(comments)
    cases.open_cases_for_abuse(comments)


def run_rules(comments: Sequence[Comment]) -> int:
    rules = list(ModerationRule.objects.live().prefetch_related("alert"))
    if not rules:
        return 0
    acted = 0
    for comment in comments:
        for rule in rules:
            if matches(rule, comment):
                _act(rule, comment)
                acted += 1
    return acted


def _record(rule: ModerationRule, comment: Comment, kind: str, value: str, before: str = "") -> None:
    RuleAction.objects.create(
        rule=rule, rule_name=rule.name, comment=comment, kind=kind, value=value[:200], before=before[:200]
    )
    audit.record(
        actor=None,
        action="moderation.rule_acted",
        obj=comment,
        before={kind: before} if before else None,
        after={"rule": rule.name, kind: value},
    )


def _act(rule: ModerationRule, comment: Comment) -> None:
    if rule.tag:
        _, made = CommentTag.objects.get_or_create(comment=comment, tag=rule.tag)
        if made:
            _record(rule, comment, RuleAction.Kind.TAG, rule.tag)
    if rule.assign_team_id and comment.team_id != rule.assign_team_id:
        before = str(comment.team_id or "")
        Comment.objects.filter(pk=comment.pk).update(team_id=rule.assign_team_id)
        comment.team_id = rule.assign_team_id
        _record(rule, comment, RuleAction.Kind.ASSIGN_TEAM, str(rule.assign_team_id), before)
    if rule.set_priority and comment.priority != rule.set_priority:
        before = str(comment.priority)
        Comment.objects.filter(pk=comment.pk).update(priority=rule.set_priority)
        comment.priority = rule.set_priority
        _record(rule, comment, RuleAction.Kind.PRIORITY, str(rule.set_priority), before)
    if rule.propose_hide or (rule.hide and not rule.may_hide):
        _propose_hide(rule, comment)
    if rule.may_hide and comment.status not in (Comment.Status.HIDDEN, Comment.Status.DELETED):
        reason = rule.hide_reason if rule.hide_reason in RemovalReason.values else RemovalReason.ABUSE
        try:
            kept = evidence.hide_comment(
                comment, by=None, reason=reason, detail=f"Hidden by the rule “{rule.name}”", rule_name=rule.name
            )
        except Refused:
            # hidden by someone meanwhile, or the platform is still answering an earlier hide or
            # show-again: the rule proposes hiding for a person to decide, and the other comments of
            # the batch are still classified
            _propose_hide(rule, comment)
        else:
            comment.status = Comment.Status.HIDDEN
            _record(rule, comment, RuleAction.Kind.HIDE, kept.sha256, kept.status_before)
    alerted = [p for p in rule.alert.all() if p.is_active]
    if alerted:
        notify(
            "moderation_rule_alert",
            to=alerted,
            context={
                "rule": rule,
                "comment": comment,
                "link": settings.SITE_URL + reverse("moderation:detail", args=[comment.pk]),
            },
        )
        _record(rule, comment, RuleAction.Kind.ALERT, ", ".join(p.full_name for p in alerted))


def _propose_hide(rule: ModerationRule, comment: Comment) -> None:
    _, made = CommentTag.objects.get_or_create(comment=comment, tag=PROPOSED_HIDE_TAG)
    if made:
        _record(rule, comment, RuleAction.Kind.PROPOSE_HIDE, PROPOSED_HIDE_TAG)


def reverse_rule_action(action: RuleAction, *, by: Person) -> RuleAction:
    """Undo what a rule did to a comment. An alert cannot be unsent; everything else can be undone."""
    with transaction.atomic():
        action = RuleAction.objects.select_for_update().select_related("comment").get(pk=action.pk)
        if action.reversed_at is not None:
            raise Refused("This has already been undone")
        comment = action.comment
        if action.kind == RuleAction.Kind.ALERT:
            raise Refused("An alert that has been sent cannot be undone")
        if action.kind in (RuleAction.Kind.TAG, RuleAction.Kind.PROPOSE_HIDE):
            CommentTag.objects.filter(comment=comment, tag=action.value).delete()
        elif action.kind == RuleAction.Kind.ASSIGN_TEAM:
            Comment.objects.filter(pk=comment.pk).update(team_id=int(action.before) if action.before else None)
        elif action.kind == RuleAction.Kind.PRIORITY:
            Comment.objects.filter(pk=comment.pk).update(priority=int(action.before or Comment.Priority.NORMAL))
        elif action.kind == RuleAction.Kind.HIDE:
            evidence.unhide_comment(comment, by=by, reason=f"Undoing the rule “{action.rule_name}”")
        action.reversed_at = timezone.now()
        action.reversed_by = by
        action.save(update_fields=["reversed_at", "reversed_by"])
        audit.record(
            actor=by,
            action="moderation.rule_action_undone",
            obj=comment,
            before={action.kind: action.value},
            after={action.kind: action.before},
            reason=f"Undoing the rule “{action.rule_name}”",
        )
    return action


RULE_FIELDS = (
    "name",
    "active",
    "order",
    "categories",
    "min_severity",
    "check_rules",
    "keywords",
    "author",
    "account",
    "platform",
    "has_link",
    "language",
    "pre_election",
    "tag",
    "assign_team",
    "set_priority",
    "propose_hide",
    "hide",
    "hide_reason",
)


def _rule_snapshot(rule: ModerationRule) -> dict[str, Any]:
    data = audit.snapshot(rule)
    data["alert"] = sorted(rule.alert.values_list("pk", flat=True)) if rule.pk else []
    return data


def save_rule(rule: ModerationRule, *, by: Person, alert: Sequence[Person] = ()) -> ModerationRule:
    """Add or change a rule. Changing what a rule looks for or does withdraws its permission to hide
    automatically: an administrator looks again."""
    if not rule.name.strip():
        raise Refused("Enter a name for the rule", field="name")
    if ModerationRule.objects.filter(name=rule.name).exclude(pk=rule.pk).exists():
        raise Refused(f"There is already a rule called “{rule.name}”: choose another name", field="name")
    if not any(
        [
            rule.categories,
            rule.min_severity,
            rule.check_rules,
            rule.keywords,
            rule.author_id,
            rule.account_id,
            rule.platform,
            rule.has_link is not None,
            rule.language,
            rule.pre_election is not None,
        ]
    ):
        raise Refused("Choose at least one condition: a rule with none would act on every comment")
    if not any([rule.tag, rule.assign_team_id, rule.set_priority, rule.propose_hide, rule.hide, alert]):
        raise Refused("Choose at least one action for the rule")
    if rule.hide and rule.hide_reason not in RemovalReason.values:
        raise Refused("Choose the reason recorded when the rule hides a comment", field="hide_reason")
    with transaction.atomic():
        before = None
        if rule.pk:
            old = ModerationRule.objects.get(pk=rule.pk)
            before = _rule_snapshot(old)
            changed = any(
                getattr(old, f) != getattr(rule, f) for f in RULE_FIELDS if f not in ("name", "active", "order")
            )
            if changed and rule.auto_hide_allowed_by_id:
                rule.auto_hide_allowed_by = None
                rule.auto_hide_allowed_at = None
        else:
            rule.created_by = by
        rule.save()
        rule.alert.set(list(alert))
        audit.record(actor=by, action="moderation.rule_saved", obj=rule, before=before, after=_rule_snapshot(rule))
    return rule


def allow_automatic_hiding(rule: ModerationRule, *, by: Person, allow: bool) -> ModerationRule:
    if not by.has_role(Role.ADMIN):
        raise Refused("Only a system administrator can let a rule hide comments automatically")
    if allow and not rule.hide:
        raise Refused("Set the rule to hide comments before allowing it to do so automatically")
    with transaction.atomic():
        rule.auto_hide_allowed_by = by if allow else None
        rule.auto_hide_allowed_at = timezone.now() if allow else None
        rule.save(update_fields=["auto_hide_allowed_by", "auto_hide_allowed_at"])
        audit.record(
            actor=by,
            action="moderation.rule_auto_hide_allowed" if allow else "moderation.rule_auto_hide_withdrawn",
            obj=rule,
        )
    return rule


# --- House rules ------------------------------------------------------------------------------------


def published_house_rules() -> HouseRules | None:
    return HouseRules.objects.filter(status=HouseRules.Status.PUBLISHED).first()


def save_house_rules_draft(*, body: str, change_summary: str, by: Person) -> HouseRules:
    if not body.strip():
        raise Refused("Enter the house rules", field="body")
    with transaction.atomic():
        draft = HouseRules.objects.select_for_update().filter(status=HouseRules.Status.DRAFT).first()
        before = audit.snapshot(draft) if draft else None
        if draft is None:
            last = HouseRules.objects.order_by("-number").values_list("number", flat=True).first() or 0
            draft = HouseRules(number=last + 1, created_by=by)
        draft.body = body
        draft.change_summary = change_summary[:300]
        draft.save()
        audit.record(
            actor=by, action="moderation.house_rules_drafted", obj=draft, before=before, after=audit.snapshot(draft)
        )
    return draft


def publish_house_rules(draft: HouseRules, *, by: Person) -> HouseRules:
    with transaction.atomic():
        draft = HouseRules.objects.select_for_update().get(pk=draft.pk)
        if draft.status != HouseRules.Status.DRAFT:
            raise Refused("Only a draft can be published")
        HouseRules.objects.filter(status=HouseRules.Status.PUBLISHED).update(status=HouseRules.Status.SUPERSEDED)
        draft.status = HouseRules.Status.PUBLISHED
        draft.published_by = by
        draft.published_at = timezone.now()
        draft.save()
        audit.record(actor=by, action="moderation.house_rules_published", obj=draft, after={"number": draft.number})
    return draft


def discard_house_rules_draft(draft: HouseRules, *, by: Person) -> None:
    with transaction.atomic():
        if draft.status != HouseRules.Status.DRAFT:
            raise Refused("Only a draft can be discarded")
        audit.record(actor=by, action="moderation.house_rules_discarded", obj=draft, before=audit.snapshot(draft))
        draft.delete()
