"""Writing and proving the audit trail.

`record` is called by every service that changes something. Each event's hash covers its own
content and the previous event's hash, so altering or removing any row breaks the chain from
that row on, and `verify_chain` names the first broken link.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import models, transaction
from django.db.models import F
from django.db.models.fields.files import FieldFile
from django.forms.models import model_to_dict
from django.utils import timezone

from herald.audit.models import AuditEvent, AuditHead

GENESIS = "0" * 64


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, FieldFile):
        return value.name or ""
    return str(value)


def snapshot(obj: models.Model, *, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """A JSON-safe picture of a row, for the before/after of an audit event. Secrets never included."""
    data = model_to_dict(obj, exclude=("password", *exclude))
    for field in obj._meta.concrete_fields:
        if field.name in ("password", *exclude) or field.name in data:
            continue
        data[field.name] = getattr(obj, field.attname)
    return _jsonable(data)


def _digest(event: AuditEvent) -> str:
    body = {
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
        "prev_hash": event.prev_hash,
    }
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def record(
    *,
    actor,
    action: str,
    obj: models.Model | None = None,
    before: dict | None = None,
    after: dict | None = None,
    reason: str = "",
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
) -> AuditEvent:
    """Append one event to the chain. `actor` is a Person, or None for the system (tasks, imports by command)."""
    with transaction.atomic():
        # The UPDATE takes the write lock (a row lock on PostgreSQL, the database lock on SQLite)
        # before the newest hash is read, so concurrent writers can never fork the chain.
        updated = AuditHead.objects.filter(pk=1).update(count=F("count") + 1)
        if not updated:
            AuditHead.objects.create(pk=1, count=1, last_hash=GENESIS)
        head = AuditHead.objects.get(pk=1)
        is_person = actor is not None and getattr(actor, "pk", None) is not None
        event = AuditEvent(
            at=timezone.now(),
            actor=actor if is_person else None,
            actor_label=(f"{actor.full_name} <{actor.email}>" if is_person else (str(actor) if actor else "System")),
            action=action,
            object_type=obj._meta.label_lower if obj is not None else object_type,
            object_id=str(obj.pk) if obj is not None else object_id,
            object_repr=(str(obj) if obj is not None else object_repr)[:300],
            before=_jsonable(before) if before is not None else None,
            after=_jsonable(after) if after is not None else None,
            reason=reason,
            prev_hash=head.last_hash,
        )
        # Round-trip through JSON so the hash is computed over exactly what the database returns.
        event.before = json.loads(json.dumps(event.before)) if event.before is not None else None
        event.after = json.loads(json.dumps(event.after)) if event.after is not None else None
        event.hash = _digest(event)
        event.save(force_insert=True)
        AuditHead.objects.filter(pk=1).update(last_hash=event.hash)
    return event


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    broken_at: int | None = None
    problem: str = ""


def verify_chain() -> ChainReport:
    """Walk the chain from the first event; report the first row whose hash or link does not hold."""
    expected_prev = GENESIS
    checked = 0
    last_id = 0
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.prev_hash != expected_prev:
            return ChainReport(
                False, checked, event.id,
                f"event {event.id} does not follow event {last_id or 'genesis'}: a row before it was altered or removed",
            )
        if _digest(event) != event.hash:
            return ChainReport(False, checked, event.id, f"event {event.id} was altered after it was written")
        expected_prev = event.hash
        last_id = event.id
        checked += 1
    head = AuditHead.objects.filter(pk=1).first()
    if head is not None and (head.last_hash != expected_prev or head.count != checked):
        return ChainReport(
            False, checked, last_id or None,
            f"{head.count} events were written but {checked} remain: events after {last_id or 'genesis'} were removed",
        )
    return ChainReport(True, checked)
