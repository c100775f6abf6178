"""The audit trail's filters, shared by the trail page and its spreadsheet download."""

from __future__ import annotations

from django import forms

from herald.audit.words import action_choices, object_type_choices
from herald.plain_text import without_nul


class AuditFilterForm(forms.Form):
    """What happened is one of the actions Herald records (EVENT_WORDS), in words, and the kind of record
    one of the kinds it records them about. Anything else is a form error, not a filter silently ignored
    or matched as a fragment (`post.approved` must not bring back
    `post.approved_with_conditions`)."""

    actor = forms.CharField(label="Who", required=False, max_length=200)
    action = forms.ChoiceField(
        label="What happened",
        required=False,
        error_messages={"invalid_choice": "Choose what happened from the list"},
    )
    object_type = forms.ChoiceField(
        label="Kind of record",
        required=False,
        error_messages={"invalid_choice": "Choose the kind of record from the list"},
    )
    text = forms.CharField(label="Record contains", required=False, max_length=300)

    def __init__(self, data=None):
        data = {key: without_nul(str(data.get(key, ""))).strip() for key in self.base_fields} if data else None
        super().__init__(data, auto_id="%s")
        # The choices are what Herald can record (words.py), not what the trail holds: reading the distinct
        # actions and kinds of the whole trail on every page load grows with the trail.
        action_field = self.fields["action"]
        assert isinstance(action_field, forms.ChoiceField)
        action_field.choices = [("", "Anything"), *action_choices()]
        type_field = self.fields["object_type"]
        assert isinstance(type_field, forms.ChoiceField)
        type_field.choices = [("", "Any"), *object_type_choices()]

    def filters(self) -> dict[str, str]:
        """The filters to search with: empty until the form is valid."""
        if not self.is_bound or not self.is_valid():
            return {key: "" for key in self.base_fields}
        return {key: self.cleaned_data[key] for key in self.base_fields}
