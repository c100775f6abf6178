"""Herald's one way of writing a date, or a date and time, for people: UK style on the council's clock.

"7 December 2026" (GOV.UK style: no leading zero, the month in full) and "7 December 2026 at 14:30".
A moment stored in UTC is shown at its UK time, so 23:30 UTC on 30 June is "1 July 2026 at 00:30".
Templates use the same words through the `house_date` and `house_datetime` filters."""

from __future__ import annotations

import datetime as dt

from django.utils import dateformat, timezone


def _local(value: dt.datetime) -> dt.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def uk_date(value: dt.date | dt.datetime | None) -> str:
    """ "7 December 2026": the UK date of a date, or of a moment."""
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        value = _local(value)
    return dateformat.format(value, "j F Y")


def uk_datetime(value: dt.datetime | dt.date | None) -> str:
    """ "7 December 2026 at 14:30": a moment at its UK time (a plain date is written as `uk_date`)."""
    if not value:
        return ""
    if not isinstance(value, dt.datetime):
        return uk_date(value)
    return dateformat.format(_local(value), r"j F Y \a\t H:i")
