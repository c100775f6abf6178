"""Form helpers shared by every app."""

from __future__ import annotations

from django import forms

from herald.errors import Refused


def show_refusal(form: forms.BaseForm, refused: Refused, *, field: str | None = None) -> None:
    """Put a service's refusal on the form, so the page shows it in the GOV.UK error summary.

    A message the service gave for one of the form's fields goes beside that field; any other message
    goes beside `field` when the view names one (the field the whole action hangs on), or at the top.
    """
    target = field if field in form.fields else None
    if hasattr(refused, "error_dict"):
        for name, errors in refused.error_dict.items():
            for error in errors:
                form.add_error(name if name in form.fields else target, error.message)
    else:
        for message in refused.messages:
            form.add_error(target, message)
