"""What every process of the register uses: its dates and the settings behind them, and who is told."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from herald.people.models import Person
from herald.people.roles import Role

REVIEW_AFTER_MONTHS = 12


# --- settings -------------------------------------------------------------------------------------


def dormant_after_days() -> int:
    return int(getattr(settings, "HERALD_DORMANT_AFTER_DAYS", 90))


def report_due_day() -> int:
    """Reports for a month are due by this day of the following month."""
    return int(getattr(settings, "HERALD_MONTHLY_REPORT_DUE_DAY", 10))


def today() -> dt.date:
    return timezone.localdate()


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def previous_month(day: dt.date) -> dt.date:
    return (day.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def overdue_report_month(on: dt.date | None = None) -> dt.date | None:
    """The month whose report is now overdue, or None while last month's is not yet due."""
    on = on or today()
    return previous_month(on) if on.day > report_due_day() else None


# --- notifications --------------------------------------------------------------------------------


def _link(name: str, *args: object) -> str:
    return f"{settings.SITE_URL}{reverse(name, args=args)}"


def comms_team() -> QuerySet[Person]:
    return Person.objects.active().with_role(Role.COMMS)


def ict_team() -> QuerySet[Person]:
    return Person.objects.active().with_role(Role.ICT)
