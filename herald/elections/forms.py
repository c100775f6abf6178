from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError

from herald.dates import uk_date
from herald.elections import selectors
from herald.elections.calendar import long_date
from herald.elections.models import Election, NonWorkingDay
from herald.elections.services import ElectionDetails
from herald.forms import DateField

# The earliest poll Herald records: older ones are history, not a period to run.
EARLIEST_POLL = dt.date(1900, 1, 1)


class ElectionForm(forms.Form):
    kind = forms.ChoiceField(
        label="Type of election",
        choices=[("", "Select the type")] + list(Election.Kind.choices),
        error_messages={"required": "Select the type of election", "invalid_choice": "Select the type of election"},
    )
    name = forms.CharField(
        label="Name",
        required=False,
        max_length=160,
        help_text="For example, 'Borough council elections 2027'. Leave blank to use the type and year.",
    )
    poll_date = DateField(label="Poll date", help_text="For example, 6 5 2027")
    scope = forms.ChoiceField(
        label="Which area does the election cover?",
        choices=Election.Scope.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the election covers the whole council or named wards"},
    )
    wards = forms.MultipleChoiceField(
        label="Wards",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only for elections in named wards, such as a by-election.",
    )
    other_wards = forms.CharField(
        label="Other wards or parishes",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One per line, if they are not in the list above.",
    )
    notice_published_on = DateField(
        label="Date the notice of election was published",
        required=False,
        help_text=(
            "The date the returning officer actually published it. Leave blank if it has not been published yet: "
            "Herald then assumes the latest legal date."
        ),
    )
    confirm_late_notice = forms.BooleanField(
        label="I have checked: the notice was published on this date, after the latest legal date",
        required=False,
    )
    period_end = forms.ChoiceField(
        label="When does the pre-election period end?",
        choices=Election.PeriodEnd.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select when the pre-election period ends"},
    )
    declaration_on = DateField(
        label="Date of the declaration of result",
        required=False,
        help_text="Only if the period ends at the declaration. For an overnight count, the day after the poll.",
    )
    reason = forms.CharField(
        label="Reason for the change",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, election: Election | None = None, **kwargs):
        self.election = election
        if election is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_for(election)
        super().__init__(*args, **kwargs)
        known = selectors.known_wards()
        current = list(election.wards) if election else []
        self.fields["wards"].choices = [(ward, ward) for ward in known]
        if election is not None:
            extra = [ward for ward in current if ward not in known]
            self.initial["wards"] = [ward for ward in current if ward in known]
            self.initial["other_wards"] = "\n".join(extra)
        else:
            self.fields.pop("reason")
        self.deadline = None
        self.notice_is_late = False

    @staticmethod
    def initial_for(election: Election) -> dict:
        return {
            "kind": election.kind,
            "name": election.name,
            "poll_date": election.poll_date,
            "scope": election.scope,
            "notice_published_on": election.notice_published_on,
            "confirm_late_notice": election.late_notice_confirmed,
            "period_end": election.period_end,
            "declaration_on": election.declaration_on,
        }

    @property
    def shows_late_confirmation(self) -> bool:
        return self.notice_is_late or bool(self.election and self.election.late_notice_confirmed)

    def clean(self):
        data = super().clean()
        poll_date = data.get("poll_date")
        scope = data.get("scope")
        others = [line.strip() for line in (data.get("other_wards") or "").splitlines() if line.strip()]
        data["all_wards"] = [*data.get("wards", []), *others]
        if scope == Election.Scope.WARDS and not data["all_wards"]:
            self.add_error("wards", "Select or enter at least one ward")
        if scope == Election.Scope.WHOLE_COUNCIL and data["all_wards"]:
            self.add_error("wards", "Either choose 'named wards only' or clear the wards you selected")
        if data.get("period_end") == Election.PeriodEnd.DECLARATION and not data.get("declaration_on"):
            if "declaration_on" not in self.errors:
                self.add_error("declaration_on", "Enter the date the result will be declared")
        if poll_date and poll_date < EARLIEST_POLL:
            # The notice deadline is counted back from the poll over working days: no calendar before this.
            self.add_error("poll_date", f"The poll date must be after {uk_date(EARLIEST_POLL)}")
            poll_date = None
        if poll_date:
            self.deadline = selectors.notice_deadline(poll_date)
            notice = data.get("notice_published_on")
            declaration = data.get("declaration_on")
            if notice and notice >= poll_date:
                self.add_error("notice_published_on", "The notice of election must be published before the poll date")
            elif notice and notice > self.deadline.latest_notice_date:
                self.notice_is_late = True
                if not data.get("confirm_late_notice"):
                    self.add_error(
                        "confirm_late_notice",
                        f"The notice date is later than the latest legal date, "
                        f"{long_date(self.deadline.latest_notice_date)}. Check the date, or confirm that it is correct",
                    )
            if declaration and data.get("period_end") == Election.PeriodEnd.DECLARATION and declaration < poll_date:
                self.add_error("declaration_on", "The result cannot be declared before the poll date")
        if self.election is not None and not (data.get("reason") or "").strip():
            self.add_error("reason", "Enter the reason for the change")
        return data

    def details(self) -> ElectionDetails:
        data = self.cleaned_data
        return ElectionDetails(
            kind=data["kind"],
            name=data.get("name", ""),
            poll_date=data["poll_date"],
            scope=data["scope"],
            wards=tuple(data["all_wards"]),
            notice_published_on=data.get("notice_published_on"),
            late_notice_confirmed=bool(data.get("confirm_late_notice")),
            period_end=data["period_end"],
            declaration_on=data.get("declaration_on"),
        )


class CancelElectionForm(forms.Form):
    reason = forms.CharField(
        label="Why is the election being cancelled?",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, recorded in error, or the poll was countermanded.",
        error_messages={"required": "Enter why the election is being cancelled"},
    )


class NonWorkingDayForm(forms.Form):
    date = DateField(label="Date", help_text="For example, 19 9 2022")
    kind = forms.ChoiceField(
        label="What kind of day is it?",
        choices=NonWorkingDay.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what kind of day it is"},
    )
    description = forms.CharField(
        label="Description",
        max_length=200,
        help_text="For example, 'State funeral of Queen Elizabeth II'.",
        error_messages={"required": "Enter what the day is for"},
    )

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date and NonWorkingDay.objects.filter(date=date).exists():
            raise ValidationError(f"{long_date(date)} is already a council-added non-working day")
        return date
