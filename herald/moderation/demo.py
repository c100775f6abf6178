"""Demo comments: a realistic month across the demo accounts, written by the generator, classified,
with the older ones handled, a few assigned to the demo editor and the communications officer, and
notes on some. Idempotent: a second run finds the month already there and changes nothing."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from herald.moderation import services
from herald.moderation.generator import CommentGenerator
from herald.moderation.models import Comment, ModerationTeam
from herald.people.models import Person
from herald.social_accounts.models import Account

DOMAIN = "hinckley-bosworth.example"
PER_ACCOUNT = 90  # about three a day on each account
DAYS = 30


def seed(rng) -> str:
    accounts = list(Account.objects.in_register().order_by("pk"))
    comms = Person.objects.filter(email=f"comms@{DOMAIN}").first()
    editor = Person.objects.filter(email=f"editor@{DOMAIN}").first()
    if not accounts or comms is None:
        return "skipped: the demo accounts or people are not loaded"
    team, _ = ModerationTeam.objects.get_or_create(name="Corporate communications")
    team.members.add(comms)
    team.accounts.add(*accounts)
    from herald.moderation import demo_handling

    handled = demo_handling.seed(rng)
    if Comment.objects.filter(source="demo").exists():
        return f"already loaded; handling: {handled}"
    councillors = [f"{p.first_name} {p.last_name}" for p in Person.objects.councillors().active()[:20]]
    now = timezone.now()
    generator = CommentGenerator(2026, councillors=councillors or ())
    created = 0
    for account in accounts:
        generator.prefix = f"demo-{account.platform}-{account.handle or account.pk}"
        items = list(
            generator.comments(
                PER_ACCOUNT,
                platform=account.platform,
                start=now - dt.timedelta(days=DAYS),
                end=now - dt.timedelta(minutes=20),
                account_handle=account.handle,
            )
        )
        # Each arrives within a minute of being posted: a small batch per arrival time.
        for start in range(0, len(items), 3):
            part = items[start : start + 3]
            received = max(item.posted_at for item in part) + dt.timedelta(seconds=40)
            result = services.receive_comments(
                account, part, source="demo", received_at=received, queue_classification=False
            )
            services.classify_comments(result.comment_ids)
            created += result.created
    _handle_the_older_ones(now, comms=comms, editor=editor)
    return f"{created} comments over {DAYS} days on {len(accounts)} accounts; handling: {handled}"


def _handle_the_older_ones(now: dt.datetime, *, comms: Person, editor: Person | None) -> None:
    """Comments older than two days have mostly been dealt with; some recent ones are assigned."""
    older = Comment.objects.filter(source="demo", received_at__lt=now - dt.timedelta(days=2)).order_by("pk")
    for n, comment in enumerate(older):
        if comment.flags.exists() and n % 3:
            continue  # leave most flagged comments open: their clocks are the point of the demo
        status = ("replied", "no_action", "replied", "waiting", "no_action")[n % 5]
        services.assign_comment(comment, by=comms, to=comms)
        services.set_status(comment, by=comms, status=status)
    recent = list(Comment.objects.filter(source="demo", status="new").order_by("-received_at")[:12])
    for n, comment in enumerate(recent):
        if n % 3 == 0:
            services.assign_comment(comment, by=comms, to=comms)
        if n % 4 == 1:
            services.add_note(comment, by=comms, text="Asked the service for an answer; waiting to hear back.")
    if editor is not None:
        editable = Account.objects.edited_by(editor)
        for comment in Comment.objects.filter(source="demo", status="new", account__in=editable)[:3]:
            services.assign_comment(comment, by=comms, to=editor)
