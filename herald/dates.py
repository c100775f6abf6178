"""Herald's one way of writing a date, or a date and time, for people: GOV.UK style on the council's clock.

"7 December 2026" (no leading zero, the month in full), "2:30pm", "9am", "midday" and "midnight" (the
12-hour clock, no ":00" on the hour, "am"/"pm" without dots or a space), "7 December 2026 at 2:30pm",
and where a table has little room "7 Dec 2026, 2:30pm" (GOV.UK allows short months there; September is
"Sept"). A moment stored in UTC is shown at its UK time, so 23:30 UTC on 30 June is "1 July 2026 at
12:30am". Templates use the same words through the `house_*` filters (`herald.templatetags.house`).

Exports, evidence records and the audit trail keep 24-hour times with seconds: those are read by
machines and quoted in disputes, where the exact second matters more than house style."""

from __future__ import annotations

import datetime as dt

from django.utils import dateformat, timezone

_SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")


def _local(value: dt.datetime) -> dt.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def uk_date(value: dt.date | dt.datetime | None) -> str:
    """ "7 December 2026": the UK date of a date, or of a moment."""
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        value = _local(value)
    return dateformat.format(value, "j F Y")


def uk_time(value: dt.datetime | dt.time | dt.date | None) -> str:
    """ "2:30pm", "9am", "midday", "midnight": the UK time of a moment (or a time of day)."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return ""  # a day has no time of its own
    if isinstance(value, dt.datetime):
        value = _local(value)
    if value.minute == 0:
        if value.hour == 0:
            return "midnight"
        if value.hour == 12:
            return "midday"
    hour = value.hour % 12 or 12
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{'am' if value.hour < 12 else 'pm'}"


def uk_datetime(value: dt.datetime | dt.date | None) -> str:
    """ "7 December 2026 at 2:30pm": a moment at its UK time (a plain date is written as `uk_date`)."""
    if not value:
        return ""
    if not isinstance(value, dt.datetime):
        return uk_date(value)
    return f"{uk_date(value)} at {uk_time(value)}"


def uk_deadline(value: dt.datetime | dt.date | None) -> str:
    """ "2:30pm on Monday 7 December 2026": a moment something is due, with its weekday."""
    if not value:
        return ""
    if not isinstance(value, dt.datetime):
        return dateformat.format(value, "l j F Y")
    local = _local(value)
    return f"{uk_time(local)} on {dateformat.format(local, 'l j F Y')}"


def uk_short_datetime(value: dt.datetime | dt.date | None) -> str:
    """ "7 Dec 2026, 2:30pm": for tables with little room (a plain date is "7 Dec 2026")."""
    if not value:
        return ""
    local = _local(value) if isinstance(value, dt.datetime) else value
    day = f"{local.day} {_SHORT_MONTHS[local.month - 1]} {local.year}"
    return f"{day}, {uk_time(local)}" if isinstance(local, dt.datetime) else day
