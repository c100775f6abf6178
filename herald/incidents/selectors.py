"""Read-only questions about incidents. The risk register's live controls ask `counts_by_kind`."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.db.models import QuerySet
from django.utils import timezone

from herald.incidents.models import Incident, PlaybookStep
from herald.incidents.playbooks import SHORT_NAMES, Kind
from herald.people.models import Person


def to_work(person: Person) -> QuerySet[Incident]:
    return (
        Incident.objects.workable_by(person)
        .open()
        .select_related("reported_by", "lead", "account")
        .order_by("reported_at", "id")
    )


def reported_by(person: Person) -> QuerySet[Incident]:
    return Incident.objects.reported_by(person).order_by("-reported_at", "-id")


def recently_closed(person: Person) -> QuerySet[Incident]:
    """The closed incidents this person works, the last closed first (not the last reported)."""
    return Incident.objects.workable_by(person).filter(status=Incident.Status.CLOSED).order_by("-closed_at", "-id")


def breach_log() -> QuerySet[Incident]:
    """Every personal data breach, reported to the ICO or not (article 33(5))."""
    return Incident.objects.breaches().select_related("ico_decided_by", "lead").order_by("-aware_at", "-id")


def overdue_steps_for(person: Person, now: dt.datetime | None = None) -> QuerySet[PlaybookStep]:
    return (
        PlaybookStep.objects.overdue(now)
        .filter(incident__in=Incident.objects.workable_by(person).open(), owner_role__in=person.roles)
        .select_related("incident")
        .order_by("due_at")
    )


def counts_by_kind(*, since: dt.datetime | None = None) -> list[tuple[str, int]]:
    """How many incidents of each type were reported since `since` (default: the last 12 months)."""
    since = since or timezone.now() - dt.timedelta(days=365)
    counts = Counter(Incident.objects.since(since).values_list("kind", flat=True))
    return [(SHORT_NAMES[kind], counts.get(kind, 0)) for kind in Kind.values]
