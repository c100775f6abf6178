"""Herald's one way of writing dates and times for people: "5 December 2026", "5 December 2026 at
11:52am", "11:52am on Saturday 5 December 2026" and, in tables, "5 Dec 2026, 11:52am", in the council's
time zone (`herald.dates`). Loaded on every template (a builtin in settings)."""

import datetime as dt

from django import template

from herald.dates import uk_date, uk_datetime, uk_deadline, uk_short_datetime, uk_time

register = template.Library()


def _moment(value):
    """A moment, or an ISO string of one as JSON fields keep them (anything else is shown as it is)."""
    if isinstance(value, str):
        try:
            # "2026-06-30" is a day, not its midnight: written as a date by every filter that takes a date.
            return dt.date.fromisoformat(value) if len(value) == 10 else dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    return value


@register.filter
def house_date(value):
    return uk_date(value)


def _written(value, write):
    """`value` written by `write` (one of herald.dates' writers), read first from an ISO string where it is
    one; a string that is not a date or a moment is shown as it is."""
    moment = _moment(value)
    return value if moment is None and isinstance(value, str) else write(moment)


@register.filter
def house_datetime(value):
    return _written(value, uk_datetime)


@register.filter
def house_time(value):
    return _written(value, uk_time)


@register.filter
def house_deadline(value):
    return _written(value, uk_deadline)


@register.filter
def house_short_datetime(value):
    return _written(value, uk_short_datetime)
