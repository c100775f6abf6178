from __future__ import annotations

from django import forms
from django.db.models import Q

from herald.forms import DateField, RowChoiceField
from herald.incidents.forms import _text
from herald.people.models import Person
from herald.risks import controls
from herald.risks.models import Risk
from herald.risks.services import READERS

SCALE = [(str(n), str(n)) for n in range(1, 6)]


def _people(also: Person | None = None):
    """Only people who can open the register (an owner is sent links to their risk and its actions),
    and ``also``: a risk's owner as they are, even one who has since lost such a role."""
    readers = Person.objects.filter(groups__name__in=[str(role) for role in READERS]).values("pk")
    chosen = Q(pk__in=readers) | (Q(pk=also.pk) if also is not None else Q(pk__in=[]))
    return Person.objects.active().employees().filter(chosen).order_by("last_name", "first_name")


def _date(label: str, **kwargs) -> DateField:
    return DateField(label=label, error_messages={"required": f"Enter the {label.lower()}"}, **kwargs)


class RiskForm(forms.Form):
    reference = forms.CharField(
        label="Reference", max_length=20, error_messages={"required": "Enter the risk's reference, for example S.05"}
    )
    title = forms.CharField(label="Risk", max_length=200, error_messages={"required": "Enter the risk"})
    description = _text("Description", required=False, rows=4)
    source = forms.CharField(label="Where it was identified (optional)", max_length=300, required=False)
    owner = RowChoiceField(
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

    def __init__(self, *args, editing: bool = False, owner: Person | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _people(also=owner)
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
    owner = RowChoiceField(
        label="Owner",
        queryset=Person.objects.none(),
        empty_label="Select the owner",
        error_messages={"required": "Select who owns the action"},
    )
    due_on = _date("Due date")

    def __init__(self, *args, owner: Person | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _people(also=owner)


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


BAND_ROWS = 5
AXES = (("likelihood", "Likelihood"), ("impact", "Impact"))


class MatrixForm(forms.Form):
    """The five likelihood and five impact levels, and up to five bands (a row left without a name
    is not a band)."""

    def __init__(self, *args, levels=(), bands=(), **kwargs):
        super().__init__(*args, **kwargs)
        current = {(level.axis, level.value): level for level in levels}
        for axis, label in AXES:
            for value in range(1, 6):
                level = current.get((axis, value))
                self.fields[f"{axis}_{value}_name"] = forms.CharField(
                    label=f"{label} {value}: name",
                    max_length=40,
                    initial=level.name if level else "",
                    error_messages={"required": f"Enter a name for {axis} {value}"},
                )
                self.fields[f"{axis}_{value}_description"] = forms.CharField(
                    label=f"{label} {value}: what it means (optional)",
                    max_length=300,
                    required=False,
                    initial=level.description if level else "",
                )
        bands = list(bands)
        for number in range(1, BAND_ROWS + 1):
            band = bands[number - 1] if number <= len(bands) else None
            score = {
                "min_value": 1,
                "max_value": 25,
                "error_messages": {
                    "invalid": "Enter a whole number from 1 to 25",
                    "min_value": "Enter a score from 1 to 25",
                    "max_value": "Enter a score from 1 to 25",
                },
            }
            self.fields[f"band_{number}_name"] = forms.CharField(
                label=f"Band {number}: name", max_length=40, required=False, initial=band.name if band else ""
            )
            self.fields[f"band_{number}_min"] = forms.IntegerField(
                label=f"Band {number}: lowest score", required=False, initial=band.min_score if band else None, **score
            )
            self.fields[f"band_{number}_max"] = forms.IntegerField(
                label=f"Band {number}: highest score",
                required=False,
                initial=band.max_score if band else None,
                **score,
            )
            self.fields[f"band_{number}_colour"] = forms.CharField(
                label=f"Band {number}: fill colour",
                max_length=7,
                required=False,
                initial=band.colour if band else "",
                help_text="# and six hex digits, like #d4351c",
            )
            self.fields[f"band_{number}_text"] = forms.CharField(
                label=f"Band {number}: text colour",
                max_length=7,
                required=False,
                initial=band.text_colour if band else "",
            )

    def clean(self):
        data = super().clean()
        for number in range(1, BAND_ROWS + 1):
            if not (data.get(f"band_{number}_name") or "").strip():
                continue
            for part, words in (("min", "lowest score"), ("max", "highest score"), ("colour", "fill colour")):
                if data.get(f"band_{number}_{part}") in (None, "") and f"band_{number}_{part}" not in self.errors:
                    self.add_error(f"band_{number}_{part}", f"Enter the {words} of band {number}")
        return data

    def levels(self) -> dict[tuple[str, int], tuple[str, str]]:
        d = self.cleaned_data
        return {
            (axis, value): (d[f"{axis}_{value}_name"], d[f"{axis}_{value}_description"])
            for axis, _ in AXES
            for value in range(1, 6)
        }

    def bands(self) -> list[tuple[str, int, int, str, str]]:
        d = self.cleaned_data
        return [
            (
                d[f"band_{n}_name"].strip(),
                d[f"band_{n}_min"],
                d[f"band_{n}_max"],
                d[f"band_{n}_colour"].strip(),
                d[f"band_{n}_text"].strip() or "#0b0c0c",
            )
            for n in range(1, BAND_ROWS + 1)
            if (d.get(f"band_{n}_name") or "").strip()
        ]
