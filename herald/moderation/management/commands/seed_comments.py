"""Add generated comments to the inbox: `python manage.py seed_comments --count 100000`.

The comments go through the same ingest service as the connectors, in batches, and are classified
as they go (no queued tasks), so the database ends up as a real inbox would be: findings, flags and
their clocks, and older comments mostly handled."""

from __future__ import annotations

import datetime as dt
import time

from django.core.management.base import BaseCommand, CommandError
from django.db.models import F
from django.utils import timezone

from herald.moderation import services
from herald.moderation.generator import CommentGenerator
from herald.moderation.models import Comment
from herald.people.models import Person
from herald.social_accounts.models import Account


class Command(BaseCommand):
    help = "Add N generated comments (realistic, repeatable with --seed) across the accounts in the register."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="How many comments to add")
        parser.add_argument("--seed", type=int, default=1, help="The same seed gives the same comments")
        parser.add_argument("--days", type=int, default=30, help="Spread them over the last N days")
        parser.add_argument("--batch", type=int, default=2000, help="Comments per write")
        parser.add_argument("--account", type=int, action="append", help="Only this account (by id); repeatable")
        parser.add_argument("--no-classify", action="store_true", help="Store only; the worker classifies later")

    def handle(self, *args, count, seed, days, batch, account, no_classify, **options):
        accounts = list(Account.objects.filter(pk__in=account) if account else Account.objects.in_register())
        if not accounts:
            raise CommandError("There are no accounts in the register: add one, or run `manage.py seed_demo`")
        councillors = [f"{p.first_name} {p.last_name}" for p in Person.objects.councillors().active()[:40]]
        generator = CommentGenerator(seed, councillors=councillors or ())
        end = timezone.now()
        start = end - dt.timedelta(days=days)
        created = duplicates = 0
        began = time.perf_counter()
        per_account = [count // len(accounts) + (1 if i < count % len(accounts) else 0) for i in range(len(accounts))]
        for target, how_many in zip(accounts, per_account, strict=True):
            generator.prefix = f"seed{seed}-a{target.pk}"
            items = generator.comments(
                how_many, platform=target.platform, start=start, end=end, account_handle=target.handle
            )
            chunk: list = []
            # A batch covers an hour of comments, up to twelve when there are so many that hour-long
            # batches would be small, so each comment is received within hours of its posting.
            window = min(max(dt.timedelta(hours=1), (end - start) * batch / max(how_many, 1)), dt.timedelta(hours=12))
            for item in items:
                if chunk and (len(chunk) >= batch or item.posted_at - chunk[0].posted_at > window):
                    c, d = self._store(target, chunk, classify=not no_classify)
                    created, duplicates = created + c, duplicates + d
                    chunk = []
                chunk.append(item)
            if chunk:
                c, d = self._store(target, chunk, classify=not no_classify)
                created, duplicates = created + c, duplicates + d
        handled = self._settle_old(end - dt.timedelta(days=2))
        seconds = time.perf_counter() - began
        self.stdout.write(
            f"Added {created} comments ({duplicates} already there) in {seconds:.1f}s "
            f"({created / seconds if seconds else 0:.0f}/s); {handled} older ones marked as handled"
        )

    def _store(self, account, chunk, *, classify):
        # Each comment arrives a few seconds after it was posted: received with the last of its batch.
        received = max(item.posted_at for item in chunk) + dt.timedelta(seconds=30)
        result = services.receive_comments(
            account, chunk, source="generator", received_at=min(received, timezone.now()), queue_classification=False
        )
        if classify and result.comment_ids:
            services.classify_comments(result.comment_ids)
        return result.created, result.duplicates

    def _settle_old(self, before):
        """Most comments older than two days have been dealt with, as in a real inbox: by id, spread
        over replied, no action needed, waiting and (rarely) escalated; a few are still new."""
        old = Comment.objects.filter(source="generator", status=Comment.Status.NEW, received_at__lt=before)
        buckets: dict[str, list[int]] = {}
        for pk in old.values_list("pk", flat=True).iterator(chunk_size=10_000):
            status = STATUS_BY_BUCKET[pk % 20]
            if status:
                buckets.setdefault(status, []).append(pk)
        total = 0
        for status, pks in buckets.items():
            for start in range(0, len(pks), 10_000):
                total += Comment.objects.filter(pk__in=pks[start : start + 10_000]).update(
                    status=status, first_handled_at=F("respond_by")
                )
        return total


# Of every twenty older comments: nine replied, seven needing no action, two waiting, one escalated, one new.
STATUS_BY_BUCKET = ["replied"] * 9 + ["no_action"] * 7 + ["waiting"] * 2 + ["escalated"] + [""]
