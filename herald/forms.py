"""Form helpers shared by every app."""

from __future__ import annotations

from typing import TypeVar

from django import forms
from django.core.exceptions import ValidationError

F = TypeVar("F", bound=forms.Field)


def required_when(field: F) -> F:
    """Mark a field the form requires only in some cases (the conditions of an approval with conditions,
    a guardian's name for a child): it is not labelled "(optional)", and its hint says when it is needed."""
    field.required_when = True  # type: ignore[attr-defined]
    return field


def show_refusal(form: forms.BaseForm, refused: ValidationError, *, field: str | None = None) -> None:
    """Put a service's refusal (`herald.errors.Refused`, or any ValidationError a service lets through)
    on the form, so the page shows it in the GOV.UK error summary.

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
