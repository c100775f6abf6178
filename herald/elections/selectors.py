"""Read-only questions other apps ask about elections. The contract (names and return shapes)
is relied on by the policies self-check, the posts workflow and the check engine context."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from herald.elections.calendar import (
    NoticeDeadline,
    england_and_wales_bank_holidays,
    latest_notice_date,
    working_days_after,
)
from herald.elections.models import Election, NonWorkingDay


def _today() -> dt.date:
    return timezone.localdate()


def active_periods(on: dt.date | None = None) -> QuerySet[Election]:
    """The elections whose pre-election period covers `on` (default today), soonest poll first."""
    return Election.objects.in_period_on(on or _today()).order_by("poll_date", "id")


def pre_election_context(on: dt.date | None = None) -> dict:
    """{"pre_election": bool, "wards": list[str] | None}: whether a pre-election period is in force
    on `on` (default today) and, for by-elections only, the wards it covers (None = whole council).
    When polls overlap, any whole-council period makes the whole council restricted."""
    periods = list(active_periods(on))
    if not periods:
        return {"pre_election": False, "wards": None}
    if any(election.is_whole_council for election in periods):
        return {"pre_election": True, "wards": None}
    wards = sorted({ward for election in periods for ward in election.wards})
    return {"pre_election": True, "wards": wards}


def notice_deadline(poll_date: dt.date) -> NoticeDeadline:
    """The latest legal notice date for a poll, counting the council's own non-working days too."""
    return latest_notice_date(poll_date, extra_days=NonWorkingDay.objects.as_mapping())


def known_wards() -> list[str]:
    """The council's wards, as the members' register names them."""
    from herald.people.models import Person

    wards = Person.objects.councillors().exclude(ward="").values_list("ward", flat=True).distinct()
    return sorted(set(wards))


def periods_between(first: dt.date, last: dt.date) -> list[Election]:
    """Elections (not cancelled) whose pre-election period overlaps the days first..last, soonest first."""
    return list(
        Election.objects.current()
        .filter(period_starts_on__lte=last, period_ends_on__gte=first)
        .order_by("period_starts_on", "id")
    )


def bank_holidays_between(first: dt.date, last: dt.date) -> dict[dt.date, str]:
    """Bank holidays in England and Wales (the bundled list) and days the council added, first..last."""
    from herald.elections.calendar import england_and_wales_bank_holidays

    named = {day: name for day, name in england_and_wales_bank_holidays().holidays().items() if first <= day <= last}
    for day, name in NonWorkingDay.objects.as_mapping().items():
        if first <= day <= last:
            named.setdefault(day, name)
    return named


def working_day_after(start: dt.date, working_days: int, *, christmas_eve_counts: bool = False) -> dt.date:
    """The `working_days`th working day after `start`, counting the council's own non-working days too
    (a freedom of information request's 20 working days, with `christmas_eve_counts=True`)."""
    return working_days_after(
        start, working_days, extra_days=NonWorkingDay.objects.as_mapping(), christmas_eve_counts=christmas_eve_counts
    )


def closed_days() -> frozenset[dt.date]:
    """Every day the council is closed besides weekends: bank holidays in England and Wales and the
    council's own non-working days."""
    return frozenset(england_and_wales_bank_holidays().holidays()) | frozenset(NonWorkingDay.objects.as_mapping())
