from __future__ import annotations

from django import forms

from herald.forms import DateField
from herald.incidents.forms import _text
from herald.people.models import Person
from herald.risks import controls
from herald.risks.models import Risk

SCALE = [(str(n), str(n)) for n in range(1, 6)]


def _people():
    return Person.objects.active().employees().order_by("last_name", "first_name")


def _date(label: str, **kwargs) -> DateField:
    return DateField(label=label, error_messages={"required": f"Enter the {label.lower()}"}, **kwargs)


class RiskForm(forms.Form):
    reference = forms.CharField(
        label="Reference", max_length=20, error_messages={"required": "Enter the risk's reference, for example S.05"}
    )
    title = forms.CharField(label="Risk", max_length=200, error_messages={"required": "Enter the risk"})
    description = _text("Description", required=False, rows=4)
    source = forms.CharField(label="Where it was identified (optional)", max_length=300, required=False)
    owner = forms.ModelChoiceField(
        label="Owner",
        queryset=Person.objects.none(),
        empty_label="Select the owner",
        error_messages={"required": "Select who owns the risk"},
    )
    owner_role = forms.CharField(label="Owner's post (optional)", max_length=120, required=False)
    treatment = forms.ChoiceField(
        label="Treatment",
        choices=Risk.Treatment.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the risk is treated"},
    )
    mitigation = _text("Mitigation", required=False, rows=4)
    review_every_days = forms.IntegerField(
        label="Review every (days)",
        min_value=7,
        max_value=730,
        initial=90,
        error_messages={
            "required": "Enter how often the risk is reviewed",
            "min_value": "Review at least every 7 days",
            "max_value": "Review at least every two years",
            "invalid": "Enter a whole number of days",
        },
    )

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _people()
        if editing:
            del self.fields["reference"]


class AssessForm(forms.Form):
    inherent_likelihood = forms.TypedChoiceField(
        label="Inherent likelihood",
        choices=SCALE,
        coerce=int,
        error_messages={"required": "Select the inherent likelihood"},
    )
    inherent_impact = forms.TypedChoiceField(
        label="Inherent impact", choices=SCALE, coerce=int, error_messages={"required": "Select the inherent impact"}
    )
    current_likelihood = forms.TypedChoiceField(
        label="Current likelihood",
        choices=SCALE,
        coerce=int,
        error_messages={"required": "Select the current likelihood"},
    )
    current_impact = forms.TypedChoiceField(
        label="Current impact", choices=SCALE, coerce=int, error_messages={"required": "Select the current impact"}
    )
    residual_likelihood = forms.TypedChoiceField(
        label="Residual (target) likelihood",
        choices=SCALE,
        coerce=int,
        error_messages={"required": "Select the residual likelihood"},
    )
    residual_impact = forms.TypedChoiceField(
        label="Residual (target) impact",
        choices=SCALE,
        coerce=int,
        error_messages={"required": "Select the residual impact"},
    )
    rationale = _text("Why is it scored this way?", rows=4)


class ActionForm(forms.Form):
    description = forms.CharField(label="Action", max_length=300, error_messages={"required": "Enter the action"})
    owner = forms.ModelChoiceField(
        label="Owner",
        queryset=Person.objects.none(),
        empty_label="Select the owner",
        error_messages={"required": "Select who owns the action"},
    )
    due_on = _date("Due date")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _people()


class ReviewForm(forms.Form):
    notes = _text("What did the review find?", rows=4)
    next_review_on = _date("Next review date")


class AcceptForm(forms.Form):
    statement = _text("What is being accepted, and why?", rows=4)
    expires_on = _date("Acceptance expires on", help_text="At most a year from today.")


class ControlForm(forms.Form):
    measure = forms.ChoiceField(
        label="Control evidence",
        choices=[(k, m.label) for k, m in controls.MEASURES.items()],
        widget=forms.RadioSelect,
        error_messages={"required": "Select a control Herald can measure"},
    )
    threshold = forms.FloatField(
        label="Threshold (optional)",
        required=False,
        help_text="Leave blank for the measure's usual threshold.",
        error_messages={"invalid": "Enter a number"},
    )
