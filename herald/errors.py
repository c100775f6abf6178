"""The one error a service raises when it refuses an action.

Every `services.py` raises `Refused` when the policy does not allow what someone asked for; views catch it
one way and put it on the form with `herald.forms.show_refusal`, so the GOV.UK error summary shows it.

It is a `ValidationError`, so it carries one message, several, or messages by field, exactly as Django's
forms understand them: `Refused("Enter why", field="reason")` puts the message beside the reason field.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError


class Refused(ValidationError):
    """An action a service refuses; the message says what to do instead, in words the person can act on."""

    def __init__(self, message, *, field: str | None = None, code: str | None = None, params=None):
        if field is not None:
            message = {field: message}
        super().__init__(message, code=code, params=params)

    def __str__(self) -> str:
        return " ".join(self.messages)
