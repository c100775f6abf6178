from __future__ import annotations

from django import forms

from herald.forms import RowChoiceField
from herald.people.models import Person
from herald.reports.document import CHECKLIST, SECTIONS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _officers():
    return Person.objects.active().order_by("last_name", "first_name")


class OfficerChoice(RowChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        return f"{obj.full_name} ({obj.email})"


class ReportHeadingForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200, error_messages={"required": "Enter the report's title"})
    committee = forms.CharField(
        label="Committee",
        max_length=200,
        help_text="For example, Ethical Governance and Personnel Committee.",
        error_messages={"required": "Enter the committee the report goes to"},
    )
    meeting_date = forms.DateField(
        label="Meeting date",
        widget=DATE,
        error_messages={
            "required": "Enter the date of the meeting",
            "invalid": "Enter the meeting date as a real date",
        },
    )
    report_of = forms.CharField(
        label="Report of",
        max_length=200,
        help_text="The post presenting it, for example Director Corporate Services.",
        error_messages={"required": "Enter whose report it is"},
    )
    period_start = forms.DateField(
        label="Figures from",
        widget=DATE,
        error_messages={
            "required": "Enter the first day the figures cover",
            "invalid": "Enter the first day as a real date",
        },
    )
    period_end = forms.DateField(
        label="Figures to",
        widget=DATE,
        help_text="Both days are included.",
        error_messages={
            "required": "Enter the last day the figures cover",
            "invalid": "Enter the last day as a real date",
        },
    )
    officer = OfficerChoice(
        label="Named officer",
        queryset=Person.objects.none(),
        help_text="The officer who signs the report off. Only they can.",
        error_messages={
            "required": "Choose the officer who signs the report off",
            # The list offers only people who still work for the council: anyone else (a leaver, say)
            # could never sign it off.
            "invalid_choice": "Choose a named officer who still works for the council from the list",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = _officers()

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "The end of the period must be on or after its start")
        return data


class ReportEditForm(ReportHeadingForm):
    background_papers = forms.CharField(
        label="Background papers",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": "Background papers must be 1,000 characters or fewer"},
    )
    contact_officer = forms.CharField(
        label="Contact officer", required=False, max_length=200, help_text="Name and telephone extension."
    )
    executive_member = forms.CharField(
        label="Executive member", required=False, max_length=200, help_text="For example, Councillor S Bray."
    )
    checklist = forms.MultipleChoiceField(
        label="Corporate implications taken into account",
        choices=CHECKLIST,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number, (key, title) in enumerate(SECTIONS, start=1):
            self.fields[f"section_{key}"] = forms.CharField(
                label=f"{number}. {title}",
                required=False,
                max_length=20_000,
                error_messages={"max_length": f"Section {number} must be 20,000 characters or fewer"},
                widget=forms.Textarea(attrs={"rows": 6 if key in ("background", "risk") else 3}),
                help_text="Markdown. Each paragraph is numbered; a list of “- ” lines belongs to the paragraph before it."
                + (" The figures follow your paragraphs." if key in ("background", "consultation", "risk") else ""),
            )

    def section_fields(self):
        return [self[f"section_{key}"] for key, _ in SECTIONS]

    def narrative(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(f"section_{key}", "") for key, _ in SECTIONS}
