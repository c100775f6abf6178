"""Moderation figures for the committee report: comments received by account, response times in the
council's business hours, comments hidden and deleted with their reasons, flags raised and
councillor-abuse cases. The report names councillors but never the people who abused them."""

from __future__ import annotations

import statistics

from django.db.models import Count
from django.utils import timezone

from herald.figures import Cell, Chart, Part, Period, Table, plural, share
from herald.moderation.models import Comment, CommentFlag, CouncillorAbuseCase, Evidence, RemovalReason
from herald.moderation.services import hours

TITLE = "Moderation of comments"


def sections(period: Period) -> list[Part]:
    return [moderation(period)]


def _in(period: Period, field: str) -> dict[str, object]:
    return {f"{field}__gte": period.start_at, f"{field}__lt": period.end_at}


def _hours(minutes: float) -> str:
    """Business minutes as hours and minutes, as staff read a clock ("3 hours 5 minutes")."""
    whole = round(minutes)
    h, m = divmod(whole, 60)
    if not h:
        return plural(m, "minute")
    return plural(h, "hour") + (f" {plural(m, 'minute')}" if m else "")


def moderation(period: Period) -> Part:
    received = Comment.objects.filter(**_in(period, "received_at"))
    removed = Evidence.objects.filter(**_in(period, "taken_at"))
    flags = CommentFlag.objects.filter(**_in(period, "raised_at"))
    opened = CouncillorAbuseCase.objects.filter(**_in(period, "opened_at"))
    closed = CouncillorAbuseCase.objects.filter(**_in(period, "closed_at"))
    total = received.count()
    if not (total or removed.exists() or flags.exists() or opened.exists() or closed.exists()):
        return Part(
            "moderation",
            TITLE,
            empty_text=f"No comments or messages were received on the council's accounts from {period.words}, "
            "and no comments were hidden or deleted, no flags raised and no councillor-abuse cases opened or closed.",
        )

    paragraphs: list[str] = []
    charts: list[Chart] = []
    tables: list[Table] = []

    # Comments received, by account and platform.
    by_account = list(
        received.values("account__display_name", "platform")
        .annotate(n=Count("pk"))
        .order_by("-n", "account__display_name", "platform")
    )
    platforms = dict(Comment._meta.get_field("platform").choices or [])
    labels = [
        f"{row['account__display_name']} ({platforms.get(row['platform'], row['platform'])})" for row in by_account
    ]
    if by_account:
        charts.append(
            Chart(
                "Comments and messages received, by account",
                labels,
                [row["n"] for row in by_account],
                data_table=Table(
                    "Comments and messages received, by account: the figures",
                    ["Account", "Platform", "Received"],
                    [
                        [row["account__display_name"], str(platforms.get(row["platform"], row["platform"])), row["n"]]
                        for row in by_account
                    ],
                ),
            )
        )

    # Response times, in business hours, of the comments received in the period that were handled.
    clock, closed_days = hours.business_hours(), hours.closed_days()
    handled = received.exclude(first_handled_at=None).only("kind", "received_at", "first_handled_at", "respond_by")
    taken: list[int] = []
    within = 0
    for comment in handled:
        assert comment.first_handled_at is not None
        taken.append(clock.business_minutes_between(comment.received_at, comment.first_handled_at, closed_days))
        due = comment.respond_by or clock.deadline(
            comment.received_at, hours.response_minutes(comment.kind), closed_days
        )
        within += comment.first_handled_at <= due
    waiting = received.filter(status__in=Comment.OPEN_STATUSES).count()
    reopened = received.exclude(first_handled_at=None).exclude(reopened_at=None).count()
    words = (
        f"From {period.words}, {plural(total, 'comment or message', 'comments and messages')} "
        f"{'was' if total == 1 else 'were'} received on the council's accounts"
    )
    if taken:
        words += (
            f"; {len(taken):,} of them {'was' if len(taken) == 1 else 'were'} handled, the median in "
            f"{_hours(statistics.median(taken))} of business hours ({clock.describe()}), and "
            f"{share(within, len(taken))}% within the response target"
        )
    elif total:
        words += "; none of them has been handled yet"
    words += "."
    if reopened:
        words += (
            f" {plural(reopened, 'comment was', 'comments were')} reopened after {'its' if reopened == 1 else 'their'} "
            "first response (the page removed a reply, or a moderator reopened it): the first response is the one "
            "counted."
        )
    if waiting:
        words += f" {waiting:,} {'is' if waiting == 1 else 'are'} still waiting to be dealt with."
    paragraphs.append(words)

    # Hidden and deleted, with their reasons (the evidence kept records both).
    counts = {
        (reason, action): n for reason, action, n in removed.values_list("reason", "action").annotate(n=Count("pk"))
    }
    hidden = sum(n for (_, action), n in counts.items() if action == Evidence.Action.HIDE)
    deleted = sum(n for (_, action), n in counts.items() if action == Evidence.Action.DELETE)
    by_rule = removed.exclude(rule_name="").count()
    if counts:
        paragraphs.append(
            f"{plural(hidden, 'comment was', 'comments were')} hidden and {plural(deleted, 'comment was', 'comments were')}"
            f" deleted, each with its reason and the evidence kept first"
            + (
                f"; {by_rule:,} of the removals {'was' if by_rule == 1 else 'were'} made by a moderation rule."
                if by_rule
                else "."
            )
        )
        rows: list[list[Cell]] = []
        for reason in RemovalReason:
            h, d = counts.get((reason.value, "hide"), 0), counts.get((reason.value, "delete"), 0)
            if h or d:
                rows.append([reason.label, h, d, h + d])
        rows.append(["Total", hidden, deleted, hidden + deleted])
        tables.append(Table("Comments hidden and deleted, by reason", ["Reason", "Hidden", "Deleted", "Total"], rows))
    else:
        paragraphs.append("No comments were hidden or deleted.")

    # Flags raised: the things with a procedure (and some a legal clock) of their own.
    flag_counts = dict(flags.values_list("kind").annotate(n=Count("pk")))
    flags_closed = dict(flags.exclude(closed_at=None).values_list("kind").annotate(n=Count("pk")))
    if flag_counts:
        raised = sum(flag_counts.values())
        paragraphs.append(
            f"{plural(raised, 'flag was', 'flags were')} raised on comments for the council's own procedures "
            f"(requests for information, complaints, safeguarding and threats); "
            f"{sum(flags_closed.values()):,} of them {'is' if sum(flags_closed.values()) == 1 else 'are'} now closed."
        )
        tables.append(
            Table(
                "Flags raised on comments",
                ["Flag", "Raised", "Closed"],
                [
                    [kind.label, flag_counts.get(kind.value, 0), flags_closed.get(kind.value, 0)]
                    for kind in CommentFlag.Kind
                ],
            )
        )
    else:
        paragraphs.append("No flags (information requests, complaints, safeguarding or threats) were raised.")

    # Councillor-abuse cases: councillors are named, the people who abused them never are.
    if opened.exists() or closed.exists():
        paragraphs.append(
            f"{plural(opened.count(), 'councillor-abuse case')} {'was' if opened.count() == 1 else 'were'} "
            f"opened and {closed.count():,} {'was' if closed.count() == 1 else 'were'} closed by the monitoring "
            "officer's team."
        )
        cases = (opened | closed).distinct().select_related("councillor").annotate(n=Count("comments"))
        tables.append(
            Table(
                "Councillor-abuse cases",
                ["Councillor", "Opened", "Closed", "Comments", "Reported to police"],
                [
                    [
                        case.subject,
                        f"{timezone.localtime(case.opened_at):%-d %b %Y}",
                        f"{timezone.localtime(case.closed_at):%-d %b %Y}" if case.closed_at else "Still open",
                        case.n,
                        "Yes" if case.police_reference else "No",
                    ]
                    for case in cases.order_by("opened_at", "pk")
                ],
            )
        )
    else:
        paragraphs.append("No councillor-abuse cases were opened or closed.")

    return Part("moderation", TITLE, paragraphs=paragraphs, charts=charts, tables=tables)
