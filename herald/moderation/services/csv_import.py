"""Importing comments exported by hand (a platform with no connector, a page's export): one CSV file
for one account, stored all or nothing. Every row's problems are listed so the file can be fixed and
sent again; rows already in Herald are counted as duplicates."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction

from herald.audit import services as audit
from herald.errors import Refused
from herald.moderation import selectors
from herald.moderation.incoming import KINDS, IncomingComment
from herald.moderation.models import CommentImport
from herald.moderation.services.evidence import keep_payloads
from herald.moderation.services.ingest import receive_comments
from herald.people.models import Person
from herald.social_accounts.models import Account

REQUIRED = ("id", "text", "posted_at")
OPTIONAL = ("kind", "parent_id", "author_id", "author_handle", "author_name", "author_url", "permalink")
MAX_ROWS = 20_000
MAX_BYTES = 10 * 1024 * 1024


def _rows(data: bytes) -> tuple[list[str], Iterable[dict]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Refused("The file is not UTF-8 text: save it as ‘CSV UTF-8’ and try again", field="file") from exc
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return [name.strip().lower() for name in (reader.fieldnames or [])], reader


def _numbered(reader: Iterable[dict]) -> Iterator[tuple[int, dict]]:
    """The rows with their row numbers in the file (the heading is row 1). A row the CSV reader cannot
    read (a cell longer than it takes, say) is refused with its number, not a crash."""
    rows = iter(reader)
    number = 1
    while True:
        number += 1
        try:
            raw = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            why = (
                "a cell is longer than Herald reads (a comment is at most 20,000 characters)"
                if "field limit" in str(exc)
                else f"it is not CSV Herald can read ({exc})"
            )
            raise Refused(f"Row {number} could not be read: {why}", field="file") from exc
        yield number, raw


def _parse_time(value: str) -> dt.datetime | None:
    value = value.strip()
    for attempt in (value, value.replace(" ", "T", 1)):
        try:
            parsed = dt.datetime.fromisoformat(attempt)
        except ValueError:
            continue
        return parsed
    for pattern in ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M"):
        try:
            return dt.datetime.strptime(value, pattern)
        except ValueError:
            continue
    return None


def import_comments_csv(account: Account, data: bytes, *, by: Person, filename: str) -> CommentImport:
    """Store every row of the CSV `data` as a comment on `account`, or none if any row is wrong. A
    refused file is kept on record (with its problems) too."""
    try:
        return _import(account, data, by=by, filename=filename)
    except ImportRefused as exc:
        with transaction.atomic():
            record = CommentImport.objects.create(
                account=account, filename=filename[:200], imported_by=by, accepted=False, errors=exc.errors[:500]
            )
            audit.record(
                actor=by,
                action="moderation.import_refused",
                obj=record,
                after={"account": account.pk, "file": filename, "problems": len(exc.errors)},
            )
        raise


@transaction.atomic
def _import(account: Account, data: bytes, *, by: Person, filename: str) -> CommentImport:
    if not selectors.visible_accounts(by).filter(pk=account.pk).exists():
        raise Refused("You do not work the inbox for this account", field="account")
    if len(data) > MAX_BYTES:
        raise Refused("The file is larger than 10 MB: split it into smaller files", field="file")
    columns, reader = _rows(data)
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise Refused(
            f"The file has no {', '.join(missing)} column{'s' if len(missing) > 1 else ''}: the first row must name "
            f"the columns ({', '.join(REQUIRED + OPTIONAL)})",
            field="file",
        )
    local = ZoneInfo(settings.TIME_ZONE)
    items: list[IncomingComment] = []
    row_numbers: list[int] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    for number, raw in _numbered(reader):
        if number - 1 > MAX_ROWS:
            raise Refused(f"The file has more than {MAX_ROWS:,} comments: split it into smaller files", field="file")
        row = {(key or "").strip().lower(): (value or "").strip() for key, value in raw.items() if key}
        problems = []
        if not row.get("id"):
            problems.append("the id is empty")
        elif row["id"] in seen:
            problems.append(f"the id is the same as row {seen[row['id']]}")
        if not row.get("text"):
            problems.append("the text is empty")
        posted = _parse_time(row.get("posted_at", ""))
        if posted is None:
            problems.append("posted_at is not a date and time (use 2026-12-05 14:30 or 05/12/2026 14:30)")
        elif posted.tzinfo is None:
            posted = posted.replace(tzinfo=local)  # times without an offset are the council's own clock
        kind = (row.get("kind") or "comment").lower()
        if kind == "direct message":
            kind = "message"
        if kind not in KINDS:
            problems.append(f"kind must be one of {', '.join(KINDS)}")
        for name in ("permalink", "author_url"):
            if row.get(name) and not row[name].startswith(("https://", "http://")):
                problems.append(f"{name} must start with https://")
        if problems:
            errors.append(f"Row {number}: {'; '.join(problems)}")
            continue
        seen[row["id"]] = number
        row_numbers.append(number)
        assert posted is not None
        items.append(
            IncomingComment(
                platform=account.platform,
                platform_id=row["id"][:200],
                text=row["text"],
                posted_at=posted,
                kind=kind,
                parent_platform_id=row.get("parent_id", "")[:200],
                author_platform_id=row.get("author_id", "")[:200],
                author_handle=row.get("author_handle", "")[:200],
                author_name=row.get("author_name", "")[:200],
                author_url=row.get("author_url", "")[:500],
                permalink=row.get("permalink", "")[:500],
                raw={"csv": {"file": filename, "row": number, **row}},
            )
        )
    if not items and not errors:
        errors.append("The file has no comments under its heading row")
    if errors:
        raise ImportRefused(errors)
    result = receive_comments(account, items, source="csv")
    if result.rejected:  # rolls back the rows stored above: all or nothing
        raise ImportRefused([f"Row {row_numbers[position]}: {reason}" for position, reason in result.rejected])
    keep_payloads(account, items, source="csv")
    record = CommentImport.objects.create(
        account=account,
        filename=filename[:200],
        imported_by=by,
        accepted=True,
        created=result.created,
        duplicates=result.duplicates,
    )
    audit.record(
        actor=by,
        action="moderation.comments_imported",
        obj=record,
        after={"account": account.pk, "file": filename, "created": result.created, "duplicates": result.duplicates},
    )
    return record


class ImportRefused(Refused):
    """A file with problems: nothing was stored. Carries every row's problems for the error summary."""

    def __init__(self, errors: list[str]):
        super().__init__(errors[:50])
        self.errors = errors
