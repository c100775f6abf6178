"""Herald's one way of writing dates and times for people: "5 December 2026" and "5 December 2026 at 11:52",
in the council's time zone (`herald.dates`). Loaded on every template (a builtin in settings)."""

import datetime as dt

from django import template

from herald.dates import uk_date, uk_datetime

register = template.Library()


@register.filter
def house_date(value):
    return uk_date(value)


@register.filter
def house_datetime(value):
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    return uk_datetime(value)
