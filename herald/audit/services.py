"""Writing and proving the audit trail.

`record` is called by every service that changes something. Each event's hash covers its own
content and the previous event's hash, so altering or removing any row breaks the chain from
that row on, and `verify_chain` names the first broken link.

Three things stop someone who can write to the database from covering their tracks:
the hash is an HMAC keyed with HERALD_AUDIT_KEY, which is never in the database, so a rewritten
event cannot be re-hashed; triggers refuse UPDATE and DELETE on the events table; and
`write_checkpoint` regularly appends the signed head of the chain to a file outside the
database, so removing the newest events (and moving the head back) is noticed too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from django.conf import settings
from django.db import models, transaction
from django.db.models import F
from django.db.models.fields.files import FieldFile
from django.forms.models import model_to_dict
from django.utils import timezone

from herald.audit.models import AuditEvent, AuditHead

if TYPE_CHECKING:
    from herald.people.models import Person

GENESIS = "0" * 64
CHECKPOINT_FILE = "checkpoints.jsonl"
ACTOR_LABEL_LENGTH = AuditEvent._meta.get_field("actor_label").max_length or 200

logger = logging.getLogger("herald.audit")


def _audit_key() -> bytes:
    return settings.HERALD_AUDIT_KEY.encode("utf-8")


def current_key_id() -> str:
    """A short public name for the audit key, so an event or checkpoint says which key signed it."""
    return hmac.new(_audit_key(), b"herald audit key id", hashlib.sha256).hexdigest()[:16]


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
    """HMAC-SHA256 with the audit key; plain SHA-256 only for events written before keyed hashes began."""
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
    if not event.key_id:
        return hashlib.sha256(_canonical(body)).hexdigest()
    body["key_id"] = event.key_id
    return hmac.new(_audit_key(), _canonical(body), hashlib.sha256).hexdigest()


def _canonical(body: dict) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def record(
    *,
    actor: Person | str | None,
    action: str,
    obj: models.Model | None = None,
    before: dict | None = None,
    after: dict | None = None,
    reason: str = "",
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
) -> AuditEvent:
    """Append one event to the chain. `actor` is a Person, or None for the system (tasks, imports by command).

    Inside `deferred()` the event is written when that block ends (its id and hash are set then)."""
    person = cast("Person", actor) if actor is not None and getattr(actor, "pk", None) is not None else None
    event = AuditEvent(
        at=timezone.now(),
        actor=person,
        # Cut to its column, as object_repr is: a long name and address together must not fail the action.
        actor_label=(f"{person.full_name} <{person.email}>" if person else (str(actor) if actor else "System"))[
            :ACTOR_LABEL_LENGTH
        ],
        action=action,
        object_type=obj._meta.label_lower if obj is not None else object_type,
        object_id=str(obj.pk) if obj is not None else object_id,
        object_repr=(str(obj) if obj is not None else object_repr)[:300],
        # Round-trip through JSON so the hash is computed over exactly what the database returns.
        before=json.loads(json.dumps(_jsonable(before))) if before is not None else None,
        after=json.loads(json.dumps(_jsonable(after))) if after is not None else None,
        reason=reason,
        key_id=current_key_id(),
    )
    waiting = getattr(_deferral, "events", None)
    if waiting is not None:
        waiting.append(event)
    else:
        _append([event])
    return event


_deferral = threading.local()


@contextmanager
def deferred() -> Iterator[None]:
    """Hold the events recorded inside this block and append them to the chain together as it ends,
    inside the caller's transaction, which must be open.

    The chain's head row is locked by every write until its transaction commits, so a long transaction
    that records an event and then waits for another row (a case, an author) can deadlock with one
    that holds that row and records an event. Taking the head last, after every other lock, removes
    that cycle: two ingest or classification workers then only queue for the head, never deadlock."""
    if getattr(_deferral, "events", None) is not None:  # already deferring: the outer block writes them
        yield
        return
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.deferred() needs an open transaction (transaction.atomic)")
    _deferral.events = []
    try:
        yield
        events = _deferral.events
    finally:
        _deferral.events = None
    if events:
        _append(events)


def record_in_migration(
    apps: Any,
    *,
    action: str,
    object_type: str,
    object_id: str,
    object_repr: str,
    before: dict | None = None,
    after: dict | None = None,
    reason: str = "",
) -> None:
    """Append one system event from a data migration, through the historical models `apps` gives
    (audit 0004's shape), hashed and chained exactly as `record` does, so the trail still verifies."""
    event_model = apps.get_model("audit", "AuditEvent")
    event = event_model(
        at=timezone.now(),
        actor=None,
        actor_label="System",
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_repr=object_repr[:300],
        before=json.loads(json.dumps(_jsonable(before))) if before is not None else None,
        after=json.loads(json.dumps(_jsonable(after))) if after is not None else None,
        reason=reason,
        key_id=current_key_id(),
    )
    _append([event], head_model=apps.get_model("audit", "AuditHead"))


def _append(events: list[AuditEvent], *, head_model: Any = AuditHead) -> None:
    with transaction.atomic():
        # The UPDATE takes the write lock (a row lock on PostgreSQL, the database lock on SQLite)
        # before the newest hash is read, so concurrent writers can never fork the chain.
        updated = head_model.objects.filter(pk=1).update(count=F("count") + len(events))
        if not updated:
            head_model.objects.create(pk=1, count=len(events), last_hash=GENESIS)
        last_hash = head_model.objects.values_list("last_hash", flat=True).get(pk=1)
        for event in events:
            event.prev_hash = last_hash
            event.hash = last_hash = _digest(event)
            event.save(force_insert=True)
        head_model.objects.filter(pk=1).update(last_hash=last_hash)


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    broken_at: int | None = None
    problem: str = ""
    checkpoints: int = 0


@dataclass(frozen=True)
class Checkpoint:
    at: str
    event_id: int
    count: int
    hash: str
    key_id: str
    signature: str = ""

    def body(self) -> dict:
        return {"at": self.at, "event_id": self.event_id, "count": self.count, "hash": self.hash, "key_id": self.key_id}

    def sign(self) -> str:
        return hmac.new(_audit_key(), _canonical(self.body()), hashlib.sha256).hexdigest()


def checkpoint_dir() -> Path:
    return Path(settings.HERALD_AUDIT_CHECKPOINT_DIR)


def write_checkpoint(directory: Path | None = None) -> Checkpoint | None:
    """Append the signed head of the chain to the checkpoint file, and say so in one log line.

    The file lives outside the database (ship it, or the log, somewhere the database's owner
    cannot write), so events removed or rewritten after a checkpoint no longer match it."""
    with transaction.atomic():
        last = AuditEvent.objects.order_by("-id").first()
        if last is None:
            return None
        count = AuditEvent.objects.filter(id__lte=last.id).count()
    unsigned = Checkpoint(
        at=timezone.now().isoformat(), event_id=last.id, count=count, hash=last.hash, key_id=current_key_id()
    )
    checkpoint = Checkpoint(**unsigned.body(), signature=unsigned.sign())
    directory = directory or checkpoint_dir()
    directory.mkdir(parents=True, exist_ok=True)
    line = json.dumps({**checkpoint.body(), "signature": checkpoint.signature}, sort_keys=True)
    with open(directory / CHECKPOINT_FILE, "a", encoding="utf-8") as file:
        file.write(line + "\n")
        file.flush()
        os.fsync(file.fileno())
    logger.info("Audit checkpoint: %s", line)
    return checkpoint


def read_checkpoints(directory: Path | None = None) -> tuple[list[Checkpoint], str]:
    """Every checkpoint in the directory's *.jsonl files, or a problem if any line is not genuine."""
    directory = directory or checkpoint_dir()
    found: list[Checkpoint] = []
    key_id = current_key_id()
    for path in sorted(directory.glob("*.jsonl")) if directory.is_dir() else []:
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not text.strip():
                continue
            where = f"checkpoint {path.name} line {number}"
            try:
                data = json.loads(text)
                checkpoint = Checkpoint(
                    at=str(data["at"]),
                    event_id=int(data["event_id"]),
                    count=int(data["count"]),
                    hash=str(data["hash"]),
                    key_id=str(data["key_id"]),
                    signature=str(data["signature"]),
                )
            except (ValueError, KeyError, TypeError):
                return [], f"{where} cannot be read"
            if checkpoint.key_id != key_id:
                return [], f"{where} was signed with audit key {checkpoint.key_id}, not the configured key {key_id}"
            if not hmac.compare_digest(checkpoint.signature, checkpoint.sign()):
                return [], f"{where} does not carry a valid signature: it was forged or altered"
            found.append(checkpoint)
    return found, ""


# Checkpoints moved aside by a restore live here, under the checkpoint directory: read_checkpoints reads
# only the directory's own *.jsonl files, so they are kept, not held against the restored trail.
ARCHIVE_DIR = "archived"


@dataclass(frozen=True)
class ArchivedCheckpoints:
    moved: int
    kept: int
    archive: Path | None = None
    problem: str = ""
    # Checkpoints written before the backup was made that name an event after its newest: the backup
    # is missing events, and nothing was moved.
    before_backup: tuple[Checkpoint, ...] = ()


def archive_checkpoints_after(
    last_event_id: int, *, backup_made: dt.datetime, directory: Path | None = None
) -> ArchivedCheckpoints:
    """Move aside every checkpoint written after the backup was made (at `backup_made`) that names an
    event after `last_event_id`, the restored trail's newest: the events it saw are not in the backup
    (and new events will take their numbers). A checkpoint written before the backup was made that names
    such an event proves the backup is missing events: nothing is moved, and those checkpoints are given
    back in `before_backup`. The lines are moved as written, into archived/restore-<when>.jsonl, and
    nothing is moved if any checkpoint is not genuine (the problem is given instead). Checkpoints the
    restored trail covers stay and are still held against it."""
    directory = directory or checkpoint_dir()
    found, problem = read_checkpoints(directory)
    if problem:
        return ArchivedCheckpoints(0, 0, problem=problem)
    beyond = [checkpoint for checkpoint in found if checkpoint.event_id > last_event_id]
    try:
        early = tuple(checkpoint for checkpoint in beyond if dt.datetime.fromisoformat(checkpoint.at) <= backup_made)
    except (ValueError, TypeError):
        return ArchivedCheckpoints(0, 0, problem="a checkpoint's time cannot be read")
    if early:
        return ArchivedCheckpoints(0, len(found), before_backup=early)
    later = len(beyond)
    if not later:
        return ArchivedCheckpoints(0, len(found))
    stamp = timezone.now().strftime("%Y%m%dT%H%M%S%fZ")
    archive = directory / ARCHIVE_DIR / f"restore-{stamp}.jsonl"
    archive.parent.mkdir(parents=True, exist_ok=True)
    moved: list[str] = []
    rewrites: list[tuple[Path, list[str]]] = []
    for path in sorted(directory.glob("*.jsonl")):
        stays: list[str] = []
        for text in path.read_text(encoding="utf-8").splitlines():
            if text.strip() and int(json.loads(text)["event_id"]) > last_event_id:
                moved.append(text)
            elif text.strip():
                stays.append(text)
        rewrites.append((path, stays))
    # The archive is written (and on disk) before any line leaves its file, so none is lost between.
    with open(archive, "w", encoding="utf-8") as file:
        file.write("".join(f"{line}\n" for line in moved))
        file.flush()
        os.fsync(file.fileno())
    for path, stays in rewrites:
        interim = path.with_name(f"{path.name}.restoring")
        with open(interim, "w", encoding="utf-8") as file:
            file.write("".join(f"{line}\n" for line in stays))
            file.flush()
            os.fsync(file.fileno())
        os.replace(interim, path)
    logger.info("Audit checkpoints after event %s moved aside to %s: %s", last_event_id, archive, len(moved))
    return ArchivedCheckpoints(len(moved), len(found) - len(moved), archive)


def verify_chain(*, checkpoints: bool = True, directory: Path | None = None) -> ChainReport:
    """Walk the chain from the first event; report the first row whose hash or link does not hold,
    then hold the chain against every checkpoint written outside the database."""
    marks: dict[int, list[Checkpoint]] = {}
    if checkpoints:
        found, problem = read_checkpoints(directory)
        if problem:
            return ChainReport(False, 0, None, problem)
        for checkpoint in found:
            marks.setdefault(checkpoint.event_id, []).append(checkpoint)
    key_id = current_key_id()
    expected_prev = GENESIS
    checked = 0
    last_id = 0
    keyed_from: int | None = None
    matched = 0
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.prev_hash != expected_prev:
            return ChainReport(
                False,
                checked,
                event.id,
                f"event {event.id} does not follow event {last_id or 'genesis'}: a row before it was altered or removed",
            )
        if event.key_id and event.key_id != key_id:
            return ChainReport(
                False,
                checked,
                event.id,
                f"event {event.id} was signed with audit key {event.key_id}, not the configured key {key_id}",
            )
        if event.key_id and keyed_from is None:
            keyed_from = event.id
        if not event.key_id and keyed_from is not None:
            # Unkeyed hashes are accepted only for the events written before keyed hashes began.
            return ChainReport(
                False,
                checked,
                event.id,
                f"event {event.id} has an unkeyed hash after keyed hashes began at event {keyed_from}: it was rewritten",
            )
        if _digest(event) != event.hash:
            return ChainReport(False, checked, event.id, f"event {event.id} was altered after it was written")
        checked += 1
        for mark in marks.pop(event.id, []):
            if mark.hash != event.hash or mark.count != checked:
                return ChainReport(
                    False,
                    checked,
                    event.id,
                    f"event {event.id} differs from the checkpoint written at {mark.at}: the trail was rewritten",
                )
            matched += 1
        expected_prev = event.hash
        last_id = event.id
    for event_id in sorted(marks):
        mark = marks[event_id][-1]
        if event_id < last_id:
            return ChainReport(
                False,
                checked,
                event_id,
                f"event {event_id}, named by the checkpoint written at {mark.at}, is missing: the trail was rewritten",
            )
        newest = max((m for ms in marks.values() for m in ms), key=lambda m: m.event_id)
        return ChainReport(
            False,
            checked,
            last_id or None,
            f"the trail ends at event {last_id or 'genesis'} but the checkpoint written at {newest.at} saw "
            f"event {newest.event_id} ({newest.count} events): the newest events were removed, or this database "
            "was restored from a backup taken before that checkpoint",
        )
    head = AuditHead.objects.filter(pk=1).first()
    if head is not None and (head.last_hash != expected_prev or head.count != checked):
        return ChainReport(
            False,
            checked,
            last_id or None,
            f"{head.count} events were written but {checked} remain: events after {last_id or 'genesis'} were removed",
        )
    return ChainReport(True, checked, checkpoints=matched)
