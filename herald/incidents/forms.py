from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from herald.forms import DateTimeField, RowChoiceField
from herald.incidents.models import Incident, PlaybookStep
from herald.incidents.playbooks import Kind
from herald.incidents.services import EARLIEST_AWARE_AT
from herald.people.models import Person

SHORT = 200
LONG = 8000


def _text(label: str, *, required: bool = True, max_length: int = LONG, rows: int = 5, **kwargs) -> forms.CharField:
    name = label[0].lower() + label[1:]
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={
            "required": f"Enter {name.rstrip('?')}",
            "max_length": f"{label.rstrip('?')} must be {max_length} characters or fewer",
        },
        **kwargs,
    )


class MomentField(DateTimeField):
    """A date and time in the past, for example when the council became aware of a breach."""

    def __init__(self, **kwargs):
        label = kwargs.get("label", "Date and time")
        kwargs.setdefault("name", "the date and time")
        kwargs.setdefault("error_messages", {"required": f"Enter {label[0].lower() + label[1:].rstrip('?')}"})
        super().__init__(**kwargs)


class ReportForm(forms.Form):
    kind = forms.ChoiceField(
        label="What happened?",
        choices=Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what happened", "invalid_choice": "Select what happened"},
    )
    summary = forms.CharField(
        label="Summary",
        max_length=SHORT,
        help_text="One line, for example 'Leisure centre Facebook page posting spam links'",
        error_messages={
            "required": "Enter a short summary",
            "max_length": f"Summary must be {SHORT} characters or fewer",
        },
    )
    description = _text("What happened, when and where", rows=6)
    link = forms.URLField(
        label="Address of the post or page (optional)",
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={"invalid": "Enter a web address, like https://www.facebook.com/…"},
    )
    aware_at = MomentField(
        label="When did you or the council first become aware of it?",
        required=False,
        help_text="Leave blank for now. For a personal data breach this starts the 72-hour clock.",
    )

    def clean_aware_at(self):
        value = self.cleaned_data.get("aware_at")
        if value is not None and value > timezone.now():
            raise forms.ValidationError("The time you became aware must be in the past")
        if value is not None and value < EARLIEST_AWARE_AT:
            raise forms.ValidationError(f"The time you became aware must be in {EARLIEST_AWARE_AT.year} or later")
        return value


class TriageForm(forms.Form):
    severity = forms.ChoiceField(
        label="How serious is it?",
        choices=Incident.Severity.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how serious the incident is"},
    )
    lead = RowChoiceField(
        label="Who leads it?",
        queryset=Person.objects.none(),
        empty_label="Select a person",
        error_messages={"required": "Select who leads the incident", "invalid_choice": "Select who leads the incident"},
    )
    add_worker = RowChoiceField(
        label="Bring someone else in (optional)",
        queryset=Person.objects.none(),
        required=False,
        empty_label="Nobody else",
        help_text="They will see this incident in full and can work it.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        people = Person.objects.active().employees().order_by("last_name", "first_name")
        self.fields["lead"].queryset = people
        self.fields["add_worker"].queryset = people


class StepForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=PlaybookStep.Outcome.choices,
        widget=forms.RadioSelect,
        initial=PlaybookStep.Outcome.DONE,
        error_messages={"required": "Select whether the step is done or not needed"},
    )
    note = _text("Note", required=False, max_length=2000, rows=2, help_text="Required if the step is not needed.")


class NoteForm(forms.Form):
    text = _text("Note", required=False, rows=3)
    evidence = forms.FileField(
        label="Evidence file (optional)",
        required=False,
        help_text="A screenshot, saved page or email. Its fingerprint is sealed into the audit trail.",
    )


class AssessForm(forms.Form):
    data_involved = _text("What personal data was involved?", rows=3)
    people_affected = forms.IntegerField(
        label="Roughly how many people are affected? (optional)",
        required=False,
        min_value=0,
        max_value=10_000_000,
        error_messages={"invalid": "Enter a whole number of people", "min_value": "Enter a number of people"},
    )
    risk = forms.ChoiceField(
        label="Risk to the people affected",
        choices=[c for c in Incident.BreachRisk.choices if c[0]],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the risk to the people affected"},
    )


class IcoForm(forms.Form):
    decision = forms.ChoiceField(
        label="Report to the ICO?",
        choices=[c for c in Incident.IcoDecision.choices if c[0]],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to report the breach to the ICO"},
    )
    reasoning = _text("Reasons for the decision", rows=4, help_text="Record your reasoning whichever way you decide.")
    reported_at = MomentField(label="When was it reported to the ICO?", required=False)
    reference = forms.CharField(label="ICO case reference (optional)", required=False, max_length=60)
    late_reason = _text("Reasons for reporting after 72 hours", required=False, rows=3)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == Incident.IcoDecision.REPORT and not cleaned.get("reported_at"):
            if "reported_at" not in self.errors:
                self.add_error("reported_at", "Enter when the breach was reported to the ICO")
        return cleaned


class TellForm(forms.Form):
    tell = forms.ChoiceField(
        label="Tell the people affected?",
        choices=[c for c in Incident.TellPeople.choices if c[0]],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to tell the people affected"},
    )
    tell_reasoning = _text("Reasons for the decision", rows=4)


class HrOutcomeForm(forms.Form):
    referred = forms.TypedChoiceField(
        label="Referred to the disciplinary procedure?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the matter was referred"},
    )
    outcome = _text("Outcome", rows=4)


class CrimeReferenceForm(forms.Form):
    crime_reference = forms.CharField(
        label="Police crime reference",
        max_length=60,
        error_messages={"required": "Enter the police crime reference"},
    )


class TakedownForm(forms.Form):
    takedown_decision = forms.CharField(
        label="Decision",
        max_length=300,
        help_text="For example 'Post removed: the photo was used without a licence'.",
        error_messages={"required": "Enter the decision"},
    )
    takedown_decided_at = MomentField(label="When was it decided?")

    def __init__(self, *args: Any, changing: bool = False, **kwargs: Any) -> None:
        """`changing`: a decision is already recorded, so this one changes it and must say why."""
        super().__init__(*args, **kwargs)
        if changing:
            self.fields["takedown_decision"].label = "New decision"
            self.fields["change_reason"] = forms.CharField(
                label="Why is the decision changing?",
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text="The earlier decision stays in the timeline with this reason.",
                error_messages={"required": "Enter why the decision is changing"},
            )


class CloseForm(forms.Form):
    cause = _text("What caused it?", rows=4)
    worked = _text("What worked well?", required=False, rows=3)
    changes = _text("What will change?", rows=4, help_text="Write 'Nothing' with the reason if nothing needs to.")
