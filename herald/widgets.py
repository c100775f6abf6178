"""GOV.UK Frontend's date input (day, month and year boxes in a fieldset), with a time box where a moment
is asked for. Rendered by `{% govuk_field %}` (templates/components/date_input.html); the fields that
read them are `herald.forms.DateField` and `herald.forms.DateTimeField`."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

PARTS = (("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4))


class GovukDateInput(forms.MultiWidget):
    """Day, month and year boxes. A single value sent under the field's own name (a script, or an older
    page still open in someone's browser: 28/11/2026 or 2026-11-28) is read too."""

    with_time = False
    template_name = "components/date_input.html"

    def __init__(self, attrs=None):
        widgets = {name: forms.TextInput(attrs={"inputmode": "numeric"}) for name, _, _ in PARTS}
        if self.with_time:
            widgets["time"] = forms.TextInput()
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, dt.datetime):
            local = timezone.localtime(value) if timezone.is_aware(value) else value
            return [local.day, local.month, local.year, f"{local:%H:%M}"]
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year, ""]
        return [None, None, None, None]

    def value_from_datadict(self, data, files, name):
        if name in data and not any(f"{name}_{part}" in data for part, _, _ in PARTS):
            return data.get(name)  # one value, as older forms send it: the field parses it
        return super().value_from_datadict(data, files, name)

    def value_omitted_from_data(self, data, files, name):
        return name not in data and super().value_omitted_from_data(data, files, name)

    def id_for_label(self, id_):
        # The error summary links to the day box, as GOV.UK's pattern asks.
        return f"{id_}_day" if id_ else id_

    def boxes(self, name: str, auto_id: str, value) -> list[dict]:
        """What the template draws: each box's id, name, label, width and value."""
        if isinstance(value, (dt.date, dt.datetime)):
            value = self.decompress(value)
        elif isinstance(value, str):
            value = [None, None, None, None]
        parts = list(value or []) + [None] * 4
        found = [
            {"id": f"{auto_id}_{key}", "name": f"{name}_{key}", "label": label, "width": width, "value": parts[i] or ""}
            for i, (key, label, width) in enumerate(PARTS)
        ]
        if self.with_time:
            found.append(
                {"id": f"{auto_id}_time", "name": f"{name}_time", "label": "Time", "width": 5, "value": parts[3] or ""}
            )
        return found


class GovukDateTimeInput(GovukDateInput):
    """The date boxes and a time box ("2:30pm", "14:30")."""

    with_time = True
