"""Consent figures for the committee report: consent given and withdrawn, and how fast published
photos and videos were taken down or reviewed after a withdrawal."""

from __future__ import annotations

import statistics

from herald.consents.models import ConsentRecord, TakedownTask
from herald.figures import Chart, Part, Period, Table, plural


def sections(period: Period) -> list[Part]:
    return [consent(period)]


def _hours(seconds: float) -> str:
    hours = seconds / 3600
    return f"{hours:,.1f} hours" if hours < 48 else f"{hours / 24:,.1f} days"


def consent(period: Period) -> Part:
    title = "Consent for photos and videos"
    given = ConsentRecord.objects.filter(given_at__gte=period.start_at, given_at__lt=period.end_at).count()
    withdrawn = ConsentRecord.objects.filter(withdrawn_at__gte=period.start_at, withdrawn_at__lt=period.end_at).count()
    expired = ConsentRecord.objects.filter(expired_at__gte=period.start_at, expired_at__lt=period.end_at).count()
    takedowns = list(TakedownTask.objects.filter(created_at__gte=period.start_at, created_at__lt=period.end_at))
    if not (given or withdrawn or expired or takedowns):
        return Part("consent", title, empty_text=f"No consent was given or withdrawn from {period.words}.")
    done = [task for task in takedowns if task.completed_at]
    late = [task for task in done if task.completed_at and task.completed_at > task.due_at]
    still_open = [task for task in takedowns if not task.completed_at]
    durations = [(task.completed_at - task.created_at).total_seconds() for task in done if task.completed_at]
    paragraphs = [
        f"From {period.words}, consent was given {plural(given, 'time')}, withdrawn {plural(withdrawn, 'time')} "
        f"and expired {plural(expired, 'time')}.",
    ]
    if takedowns:
        timing = (
            f" The median time to take down or review was {_hours(statistics.median(durations))}, "
            f"the longest {_hours(max(durations))}."
            if durations
            else ""
        )
        paragraphs.append(
            f"Withdrawals led to {plural(len(takedowns), 'takedown or review')} of published photos or videos: "
            f"{len(done) - len(late)} on time, {len(late)} late and {len(still_open)} still open.{timing}"
        )
    chart = Chart("Consent records in the period", ["Given", "Withdrawn", "Expired"], [given, withdrawn, expired])
    tables = []
    if takedowns:
        tables.append(
            Table(
                "Takedowns after a withdrawal",
                ["Outcome", "Number"],
                [
                    ["Done by the deadline", len(done) - len(late)],
                    ["Done late", len(late)],
                    ["Still open", len(still_open)],
                ],
            )
        )
    return Part("consent", title, paragraphs=paragraphs, charts=[chart], tables=tables)
