"""Classifying new comments: the check engine's findings (in the council's context on the day each
comment arrived, pre-election state included) and the flags that start a procedure and its clock."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone

from herald import checking
from herald.audit import services as audit
from herald.elections import selectors as elections
from herald.moderation import flags as flag_rules
from herald.moderation.models import Comment, CommentFlag
from herald.notifications import notify
from herald.people.models import Person
from herald.people.roles import Role

SEVERITY_RANK = {"block": 3, "warn": 2, "advice": 1, "": 0}
# Flags that make a comment urgent, and the priority each gives at least.
FLAG_PRIORITY: dict[str, int] = {
    CommentFlag.Kind.SAFEGUARDING: Comment.Priority.URGENT,
    CommentFlag.Kind.THREAT: Comment.Priority.URGENT,
    CommentFlag.Kind.FOI: Comment.Priority.HIGH,
    CommentFlag.Kind.SAR: Comment.Priority.HIGH,
    CommentFlag.Kind.COMPLAINT: Comment.Priority.HIGH,
}
# Statutory clocks, in working days from the day after the request arrives.
FLAG_WORKING_DAYS: dict[str, int] = {CommentFlag.Kind.FOI: 20}
# A subject access request has one calendar month (UK GDPR article 12(3)), to the next working day when
# the month ends at a weekend or on a bank holiday (ICO guidance on the time limit).
SAR_DAYS = 30


def flag_due_on(kind: str, received: dt.date) -> dt.date | None:
    if kind in FLAG_WORKING_DAYS:
        return elections.working_day_after(received, FLAG_WORKING_DAYS[kind], christmas_eve_counts=True)
    if kind == CommentFlag.Kind.SAR:
        return _working_day_on_or_after(_one_month_after(received))
    return None


def _working_day_on_or_after(day: dt.date) -> dt.date:
    """`day`, or the next working day when it falls at a weekend, on a bank holiday or on a day the
    council is closed: the ICO lets a subject access response due then be sent on the next working day."""
    # Christmas Eve is an ordinary working day here: only the election rules treat it otherwise.
    return elections.working_day_after(day - dt.timedelta(days=1), 1, christmas_eve_counts=True)


def _one_month_after(day: dt.date) -> dt.date:
    """The corresponding day of the next month, or its last day if there is none (ICO guidance)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def worst_severity(findings: Sequence[dict]) -> str:
    worst = ""
    for finding in findings:
        if SEVERITY_RANK.get(finding.get("severity", ""), 0) > SEVERITY_RANK[worst]:
            worst = finding["severity"]
    return worst


def classify_comments(ids: Sequence[int]) -> int:
    """Check the comments with these ids that are not yet checked; returns how many were checked.

    Its audit events (the batch's, the rules' and the cases') are written at the end of the transaction,
    after every other lock is taken, so two workers classifying at once cannot deadlock on the audit
    trail's head row (`audit.deferred`)."""
    with transaction.atomic(), audit.deferred():
        comments = list(
            Comment.objects.select_for_update(skip_locked=True)
            .filter(pk__in=list(ids), checked_at=None)
            .select_related("account")
            .order_by("pk")
        )
        if not comments:
            return 0
        now = timezone.now()
        groups: dict[tuple[int, dt.date], list[Comment]] = defaultdict(list)
        for comment in comments:
            groups[(comment.account_id, timezone.localdate(comment.received_at))].append(comment)
        periods: dict[dt.date, dict] = {}
        # A flag's due date depends only on its kind and the day (one query for the council's own
        # non-working days each), so each is worked out once per batch, not once per flag.
        due_dates: dict[tuple[str, dt.date], dt.date | None] = {}
        new_flags: list[CommentFlag] = []
        for (_account, day), batch in groups.items():
            if day not in periods:
                periods[day] = checking.pre_election(day)
            period = periods[day]
            result = checking.check_incoming_comments(batch[0].account, [c.text for c in batch], period=period)
            for comment, report in zip(batch, result.reports, strict=True):
                comment.findings = [finding.to_dict() for finding in report.findings]
                comment.severity = worst_severity(comment.findings)
                comment.pre_election = bool(period["pre_election"])
                comment.pre_election_wards = list(period["wards"] or [])
                comment.checked_at = now
                for detected in flag_rules.detect(comment.text):
                    if (detected.kind, day) not in due_dates:
                        due_dates[(detected.kind, day)] = flag_due_on(detected.kind, day)
                    new_flags.append(
                        CommentFlag(
                            comment=comment,
                            kind=detected.kind,
                            reason=detected.reason,
                            raised_at=now,
                            due_on=due_dates[(detected.kind, day)],
                        )
                    )
                    comment.priority = max(comment.priority, FLAG_PRIORITY[detected.kind])
                if comment.severity == "block":
                    comment.priority = max(comment.priority, Comment.Priority.HIGH)
        _write_results(comments)
        CommentFlag.objects.bulk_create(new_flags, ignore_conflicts=True, batch_size=500)
        # Moderation rules and councillor-abuse cases act on what the engine found (services/rules.py).
        from herald.moderation.services import rules

        rules.after_classification(comments)
        counts: dict[str, int] = defaultdict(int)
        for flag in new_flags:
            counts[flag.kind] += 1
        audit.record(
            actor=None,
            action="moderation.comments_classified",
            after={"comments": len(comments), "flags": dict(counts), "first_id": comments[0].pk},
        )
        safeguarding = [flag for flag in new_flags if flag.kind == CommentFlag.Kind.SAFEGUARDING]
        if safeguarding:
            _tell_safeguarding_lead(safeguarding)
    return len(comments)


def _tell_safeguarding_lead(flags: Sequence[CommentFlag]) -> None:
    """Everyone who holds the safeguarding lead role, and any further addresses in
    settings.MODERATION_SAFEGUARDING_LEAD (a shared mailbox, an out-of-hours team), each once."""
    from django.urls import reverse

    holders = Person.objects.with_role(Role.SAFEGUARDING).filter(is_active=True).order_by("pk")
    lead: list[Person | str] = [*holders, *(address for address in settings.MODERATION_SAFEGUARDING_LEAD if address)]
    if not lead:
        return
    site = settings.SITE_URL
    notify(
        "moderation_safeguarding",
        to=lead,
        context={
            "concerns": [
                {
                    "comment": flag.comment,
                    "reason": flag.reason,
                    "link": site + reverse("moderation:detail", args=[flag.comment.pk]),
                }
                for flag in flags
            ]
        },
    )


CLASSIFIED = ("findings", "severity", "pre_election", "pre_election_wards", "checked_at", "priority")


def _write_results(comments: Sequence[Comment]) -> None:
    """One UPDATE per comment, sent together (psycopg's pipeline; SQLite's executemany): Django's
    bulk_update builds a CASE per column over the whole batch, which costs more than the check itself."""
    fields = [field for field in Comment._meta.concrete_fields if field.name in CLASSIFIED]
    table = connection.ops.quote_name(Comment._meta.db_table)
    postgres = connection.vendor == "postgresql"
    is_json = [isinstance(field, models.JSONField) for field in fields]
    # JSON goes as its text (cast on PostgreSQL), as Django's JSONField would write it; the other values
    # repeat across a batch (a time, a severity, a priority), so each is prepared for the database once.
    assignments = ", ".join(
        f"{connection.ops.quote_name(field.column)} = %s{'::jsonb' if json_field and postgres else ''}"
        for field, json_field in zip(fields, is_json, strict=True)
    )
    if postgres:
        assignments += ", search_vector = to_tsvector('english'::regconfig, COALESCE(text, ''))"
    prepared: dict[tuple[str, object], Any] = {}

    def prep(field: Any, json_field: bool, value: object) -> Any:
        if json_field:
            return json.dumps(value, cls=field.encoder)
        key = (field.attname, value)
        if key not in prepared:
            prepared[key] = field.get_db_prep_save(value, connection)
        return prepared[key]

    rows = [
        [
            prep(field, json_field, getattr(comment, field.attname))
            for field, json_field in zip(fields, is_json, strict=True)
        ]
        + [comment.pk]
        for comment in comments
    ]
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET {assignments} WHERE id = %s", rows)  # noqa: S608 - names only


def classify_unchecked(limit: int = 5000) -> int:
    """Classify comments still unchecked, oldest first, in batches; returns how many were checked."""
    done = 0
    while done < limit:
        ids = list(Comment.objects.unchecked().order_by("pk").values_list("pk", flat=True)[:500])
        if not ids:
            break
        checked = classify_comments(ids)
        if not checked:
            break
        done += checked
    return done
