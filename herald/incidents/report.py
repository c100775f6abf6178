"""Incident figures for the committee report: incidents by type, personal data breaches and the
ones reported to the Information Commissioner's Office."""

from __future__ import annotations

from django.db.models import Count

from herald.dates import uk_date
from herald.figures import Cell, Chart, Part, Period, Table, plural
from herald.incidents.models import Incident
from herald.incidents.playbooks import SHORT_NAMES, Kind


def sections(period: Period) -> list[Part]:
    return [incidents(period)]


def incidents(period: Period) -> Part:
    title = "Incidents and breaches"
    reported = Incident.objects.filter(reported_at__gte=period.start_at, reported_at__lt=period.end_at)
    ico = Incident.objects.filter(ico_reported_at__gte=period.start_at, ico_reported_at__lt=period.end_at)
    total = reported.count()
    if not total and not ico.exists():
        return Part("incidents", title, empty_text=f"No incidents or breaches were reported from {period.words}.")
    counts = dict(reported.values_list("kind").annotate(n=Count("pk")))
    kinds = [kind for kind in Kind.values if counts.get(kind)]
    breaches = counts.get(Kind.PERSONAL_DATA_BREACH, 0)
    on_time = sum(1 for incident in ico if incident.ico_reported_at and not incident.late_reason)
    closed = reported.filter(status=Incident.Status.CLOSED).count()
    paragraphs = [
        f"From {period.words}, {plural(total, 'incident')} {'was' if total == 1 else 'were'} reported, "
        f"{plural(breaches, 'personal data breach', 'personal data breaches')} among them; {closed} "
        f"{'is' if closed == 1 else 'are'} now closed. {plural(ico.count(), 'breach', 'breaches')} "
        f"{'was' if ico.count() == 1 else 'were'} reported to the Information Commissioner's Office, "
        f"{on_time} within 72 hours."
    ]
    rows: list[list[Cell]] = [[SHORT_NAMES.get(kind, kind), counts[kind]] for kind in kinds]
    tables = [Table("Incidents reported, by type", ["Type", "Incidents"], rows)]
    if ico.exists():
        tables.append(
            Table(
                "Breaches reported to the ICO",
                ["Reported", "Summary", "ICO reference", "Within 72 hours"],
                [
                    [
                        uk_date(incident.ico_reported_at),
                        incident.summary,
                        incident.ico_reference or "Not recorded",
                        "No" if incident.late_reason else "Yes",
                    ]
                    for incident in ico.order_by("ico_reported_at")
                ],
            )
        )
    chart = Chart(
        "Incidents by type", [SHORT_NAMES.get(kind, kind) for kind in kinds], [counts[kind] for kind in kinds]
    )
    return Part("incidents", title, paragraphs=paragraphs, charts=[chart], tables=tables)
