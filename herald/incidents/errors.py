"""The one refusal the incidents and risks apps raise. When Herald gains a shared error type for
refused actions, this class is the one place to switch over."""

from django.core.exceptions import ValidationError


class Refused(ValidationError):
    """An action the policy refuses, with a message that says what to do instead. A dict message
    names the form field it belongs to."""
