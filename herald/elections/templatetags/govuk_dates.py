"""The GOV.UK date input (day, month, year in a fieldset) for the DateField in elections.forms."""

import datetime as dt

from django import template

register = template.Library()


@register.inclusion_tag("elections/components/date_input.html")
def govuk_date_field(field):
    value = field.value()
    if isinstance(value, dt.date):
        parts = [value.day, value.month, value.year]
    elif isinstance(value, (list, tuple)):
        parts = list(value) + [None] * (3 - len(value))
    else:
        parts = [None, None, None]
    base = field.auto_id
    items = [
        {
            "id": f"{base}_{suffix}",
            "name": f"{field.html_name}_{suffix}",
            "label": label,
            "value": part or "",
            "width": width,
        }
        for (suffix, label, width), part in zip(
            (("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4)), parts[:3], strict=True
        )
    ]
    return {"field": field, "items": items, "base": base}
