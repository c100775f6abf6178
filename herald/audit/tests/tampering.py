"""What someone holding the database owner's rights can do to the audit trail, for tests that
prove Herald notices: lift the append-only triggers, change rows, and put the triggers back."""

from __future__ import annotations

import hashlib
import importlib
import json
from contextlib import contextmanager

from django.db import connection

triggers = importlib.import_module("herald.audit.migrations.0004_events_are_append_only")


def _execute(statements: list[str]) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


@contextmanager
def triggers_lifted():
    create, drop = triggers.STATEMENTS[connection.vendor]
    _execute(drop)
    try:
        yield
    finally:
        _execute(create)


def tamper(sql: str, params: list) -> None:
    with triggers_lifted(), connection.cursor() as cursor:
        cursor.execute(sql, params)


def unkeyed_hash(row: dict) -> str:
    """Herald's hash before it was keyed: plain SHA-256 over the event, which anyone can recompute."""
    body = {
        name: row[name]
        for name in (
            "at",
            "actor",
            "actor_label",
            "action",
            "object_type",
            "object_id",
            "object_repr",
            "before",
            "after",
            "reason",
            "prev_hash",
        )
    }
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def rewrite_from(first_id: int, *, reason: str, blank_key_id: bool) -> None:
    """Change one event's reason and re-hash it and every later event with the unkeyed function,
    moving the head along, as an intruder with Herald's source code but not its key would."""
    from herald.audit.models import AuditEvent, AuditHead

    events = list(AuditEvent.objects.filter(id__gte=first_id).order_by("id"))
    previous = AuditEvent.objects.filter(id__lt=first_id).order_by("-id").first()
    prev_hash = previous.hash if previous else "0" * 64
    with triggers_lifted(), connection.cursor() as cursor:
        for event in events:
            if event.id == first_id:
                event.reason = reason
            row = {
                "at": event.at.isoformat(),
                "actor": event.actor_id,
                "actor_label": event.actor_label,
                "action": event.action,
                "object_type": event.object_type,
                "object_id": event.object_id,
                "object_repr": event.object_repr,
                "before": event.before,
                "after": event.after,
                "reason": event.reason,
                "prev_hash": prev_hash,
            }
            new_hash = unkeyed_hash(row)
            cursor.execute(
                "UPDATE audit_auditevent SET reason = %s, prev_hash = %s, hash = %s, key_id = %s WHERE id = %s",
                [event.reason, prev_hash, new_hash, "" if blank_key_id else event.key_id, event.id],
            )
            prev_hash = new_hash
    AuditHead.objects.filter(pk=1).update(last_hash=prev_hash)


def remove_newest(how_many: int) -> None:
    """Delete the newest events and move the head back, so the chain that remains is whole."""
    from herald.audit.models import AuditEvent, AuditHead

    newest = list(AuditEvent.objects.order_by("-id").values_list("id", flat=True)[:how_many])
    tamper("DELETE FROM audit_auditevent WHERE id >= %s", [min(newest)])
    remaining = AuditEvent.objects.order_by("-id").first()
    AuditHead.objects.filter(pk=1).update(
        count=AuditEvent.objects.count(), last_hash=remaining.hash if remaining else "0" * 64
    )
