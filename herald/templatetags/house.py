"""Herald's one way of writing dates and times for people: "5 December 2026" and "5 December 2026 at 11:52",
in the council's time zone. Loaded on every template (a builtin in settings)."""

import datetime as dt

from django import template
from django.utils import dateformat, timezone

register = template.Library()


@register.filter
def house_date(value):
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return dateformat.format(value, "j F Y")


@register.filter
def house_datetime(value):
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    if not isinstance(value, dt.datetime):
        return house_date(value)
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return dateformat.format(local, r"j F Y \a\t H:i")
