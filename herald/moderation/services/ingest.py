"""Receiving comments: every way in (connectors, the JSON API, CSV, the generator) ends here.

Each (platform, platform id) is stored once: a second arrival is counted as a duplicate, never an
error. Writes are batched (one query for what is already known, one for the authors, one for the new
comments), one audit event records the batch, and classification is queued once it commits.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone

from herald.audit import services as audit
from herald.moderation.incoming import IncomingComment
from herald.moderation.models import Comment, CommentAuthor, ModerationTeam
from herald.moderation.services.hours import response_deadlines
from herald.queue import enqueue_after_commit
from herald.social_accounts.models import Account

T = TypeVar("T")
CHUNK = 1000  # rows per query: well inside SQLite's and PostgreSQL's parameter limits
CLASSIFY_BATCH = 500  # comments per classification task


@dataclass
class IngestResult:
    received: int = 0
    created: int = 0
    duplicates: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)  # (position in the batch, why)
    comment_ids: list[int] = field(default_factory=list)  # the new comments, in the order given


def _chunks(values: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _authors(platform: str, items: Sequence[IncomingComment]) -> dict[str, int]:
    """{platform user id: author pk}, creating the authors not yet known."""
    wanted: dict[str, IncomingComment] = {}
    for item in items:
        if item.author_platform_id and item.author_platform_id not in wanted:
            wanted[item.author_platform_id] = item
    known: dict[str, int] = {}
    # In a fixed order, so two batches inserting the same new authors at once wait for each other
    # rather than deadlock.
    ids = sorted(wanted)
    for part in _chunks(ids):
        known.update(
            CommentAuthor.objects.filter(platform=platform, platform_user_id__in=part).values_list(
                "platform_user_id", "pk"
            )
        )
    missing = [
        CommentAuthor(
            platform=platform,
            platform_user_id=uid,
            handle=wanted[uid].author_handle[:200],
            display_name=wanted[uid].author_name[:200],
            profile_url=wanted[uid].author_url[:500],
        )
        for uid in ids
        if uid not in known
    ]
    if missing:
        CommentAuthor.objects.bulk_create(missing, ignore_conflicts=True, batch_size=CHUNK)
        for part in _chunks([author.platform_user_id for author in missing]):
            known.update(
                CommentAuthor.objects.filter(platform=platform, platform_user_id__in=part).values_list(
                    "platform_user_id", "pk"
                )
            )
    return known


def _existing(platform: str, platform_ids: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for part in _chunks(list(platform_ids)):
        found.update(Comment.objects.filter(platform=platform, platform_id__in=part).values_list("platform_id", "pk"))
    return found


def _insert_comments(rows: Sequence[dict]) -> list[int]:
    """Insert the comments (each a dict of column values) and return their ids in the same order.

    On PostgreSQL each chunk is one INSERT ... SELECT FROM unnest(one array per column): a few dozen
    parameters instead of one per value, so neither Django's compiler nor psycopg's query parser works
    through tens of thousands of placeholders (they cost more than the check engine did). Columns not
    given take the model's default, so a field added to Comment is written too."""
    if not rows:
        return []
    if connection.vendor != "postgresql":
        made = Comment.objects.bulk_create([Comment(**row) for row in rows], batch_size=CHUNK)
        if any(row.pk is None for row in made):  # a database that does not return keys from a bulk insert
            found = _existing(rows[0]["platform"], [row["platform_id"] for row in rows])
            return [found[row["platform_id"]] for row in rows]
        return [row.pk for row in made]
    now = timezone.now()
    fields = [
        field for field in Comment._meta.concrete_fields if not field.primary_key and field.column != "search_vector"
    ]
    quote = connection.ops.quote_name
    ids: list[int] = []
    with connection.cursor() as cursor:
        for part in _chunks(rows):
            columns: list[str] = []
            selects: list[str] = []
            params: list[Any] = []
            arrays = 0
            for field in fields:
                db_type = field.db_type(connection)
                columns.append(quote(field.column))
                if field.attname in part[0]:
                    values = [row[field.attname] for row in part]
                    if isinstance(field, models.JSONField):
                        values = [json.dumps(value, cls=field.encoder) for value in values]
                    arrays += 1
                    selects.append(f"u.c{arrays}")
                    params.append(values)
                    continue
                value = (
                    now
                    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
                    else field.get_default()
                )
                if isinstance(field, models.JSONField):
                    selects.append(f"%s::{db_type}")
                    params.append(json.dumps(value, cls=field.encoder))
                else:
                    selects.append(f"%s::{db_type}")
                    params.append(field.get_db_prep_save(value, connection))
            array_fields = [field for field in fields if field.attname in part[0]]
            unnest = ", ".join(f"%s::{field.db_type(connection)}[]" for field in array_fields)
            names = ", ".join(f"c{n}" for n in range(1, arrays + 1))
            # The arrays' parameters come after the constants' in the SQL, so put them in that order.
            constants = [p for p, sel in zip(params, selects, strict=True) if not sel.startswith("u.")]
            array_params = [p for p, sel in zip(params, selects, strict=True) if sel.startswith("u.")]
            sql = (
                f"INSERT INTO {quote(Comment._meta.db_table)} ({', '.join(columns)}) "  # noqa: S608 - names only
                f"SELECT {', '.join(selects)} FROM unnest({unnest}) WITH ORDINALITY AS u({names}, n) "
                "ORDER BY u.n RETURNING id, platform_id"
            )
            cursor.execute(sql, [*constants, *array_params])
            stored = dict((platform_id, pk) for pk, platform_id in cursor.fetchall())
            ids.extend(stored[row["platform_id"]] for row in part)
    return ids


def _team_for(account: Account) -> int | None:
    return ModerationTeam.objects.filter(accounts=account).order_by("name").values_list("pk", flat=True).first()


def receive_comments(
    account: Account,
    items: Sequence[IncomingComment],
    *,
    source: str,
    received_at: dt.datetime | None = None,
    queue_classification: bool = True,
) -> IngestResult:
    """Store the comments in `items` that arrived on `account`, each (platform, platform id) once.

    Items that cannot be stored (another platform, no text, a naive time…) are listed in
    `result.rejected` with the reason; the rest are stored. Classification is queued on commit (a
    caller that classifies the batch itself, the bulk generator, passes `queue_classification=False`).
    `received_at` is for loading history (the demo month); it defaults to now."""
    result = IngestResult(received=len(items))
    now = received_at or timezone.now()
    valid: list[IncomingComment] = []
    seen: set[str] = set()
    for position, item in enumerate(items):
        problems = item.problems()
        if item.platform and item.platform != account.platform:
            problems.append(f"platform {item.platform!r} is not the account's platform ({account.platform})")
        if problems:
            result.rejected.append((position, "; ".join(problems)))
        elif item.platform_id in seen:
            result.duplicates += 1
        else:
            seen.add(item.platform_id)
            valid.append(item)
    if not valid:
        return result

    with transaction.atomic(), audit.deferred():
        for _attempt in range(2):
            existing = _existing(account.platform, [item.platform_id for item in valid])
            fresh = [item for item in valid if item.platform_id not in existing]
            parents_wanted = {item.parent_platform_id for item in fresh if item.parent_platform_id}
            parents = _existing(account.platform, list(parents_wanted)) if parents_wanted else {}
            authors = _authors(account.platform, fresh)
            team = _team_for(account)
            due = response_deadlines(now, [item.kind for item in fresh])
            rows = [
                {
                    "account_id": account.pk,
                    "platform": account.platform,
                    "platform_id": item.platform_id,
                    "kind": item.kind,
                    "parent_id": parents.get(item.parent_platform_id),
                    "parent_platform_id": item.parent_platform_id[:200],
                    "author_id": authors.get(item.author_platform_id),
                    "text": item.text,
                    "permalink": item.permalink,
                    "posted_at": item.posted_at,
                    "received_at": now,
                    "source": source[:20],
                    "team_id": team,
                    "respond_by": due[item.kind],
                }
                for item in fresh
            ]
            try:
                with transaction.atomic():
                    ids = _insert_comments(rows)
            except IntegrityError:
                # Another worker stored some of these between our read and our write: read again.
                continue
            break
        else:  # pragma: no cover - two races in a row on the same ids
            raise IntegrityError("The same comments kept arriving at once; try the batch again")

        # Replies in this batch whose parent is in it too, and replies stored earlier whose parent
        # has only now arrived, find their parent.
        fresh_ids = {row["platform_id"]: pk for row, pk in zip(rows, ids, strict=True)}
        links = [
            (fresh_ids[row["parent_platform_id"]], pk)
            for row, pk in zip(rows, ids, strict=True)
            if row["parent_platform_id"] and row["parent_id"] is None and row["parent_platform_id"] in fresh_ids
        ]
        for part in _chunks(list(fresh_ids)):
            waiting = Comment.objects.filter(platform=account.platform, parent=None, parent_platform_id__in=part)
            links += [(fresh_ids[parent], pk) for pk, parent in waiting.values_list("pk", "parent_platform_id")]
        if links:
            with connection.cursor() as cursor:
                cursor.executemany(f"UPDATE {Comment._meta.db_table} SET parent_id = %s WHERE id = %s", links)  # noqa: S608

        result.created = len(rows)
        result.duplicates += len(valid) - len(fresh)
        result.comment_ids = ids
        audit.record(
            actor=None,
            action="moderation.comments_received",
            obj=account,
            after={
                "source": source,
                "received": result.received,
                "created": result.created,
                "duplicates": result.duplicates,
                "rejected": len(result.rejected),
            },
        )
        for batch in _chunks(ids if queue_classification else [], CLASSIFY_BATCH):
            enqueue_after_commit("herald.moderation.tasks.classify_comments", list(batch))
    return result
