"""Forms for the register and the account request. Every text field refuses passwords."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.db import models

from herald.forms import DateField, RowChoiceField, RowsChoiceField, required_when
from herald.people.models import Person, Team
from herald.people.roles import Role
from herald.social_accounts.models import Account, Platform
from herald.social_accounts.services import (
    REGISTER_FIELDS,
    BusinessCase,
    Nomination,
    editor_problem,
    previous_month,
    today,
)
from herald.social_accounts.validators import refuse_secrets

ALL_FORMS: list[type[forms.BaseForm]] = []
EDITOR_SLOTS = 4
DATE_ERRORS = {"invalid": "Enter a real date, like 27 3 2027"}


def no_passwords(form_class):
    """Add the password check to every text field of the form, and list the form for the test that checks it."""
    for field in form_class.base_fields.values():
        if isinstance(field, forms.CharField) and refuse_secrets not in field.validators:
            field.validators.append(refuse_secrets)
    ALL_FORMS.append(form_class)
    return form_class


def _text(label, message, *, required=True, help_text="", rows=4, max_length=4000):
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": message},
    )


def _line(label, message="", *, required=True, help_text="", max_length=200):
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        max_length=max_length,
        error_messages={"required": message, "max_length": f"{label} must be {max_length} characters or fewer"},
    )


def _date(label, *, required=False, help_text="", message=""):
    return DateField(
        label=label,
        required=required,
        help_text=help_text or "For example, 27 3 2027",
        error_messages={"required": message or f"Enter the {label.lower()}"},
    )


class PersonChoice(RowChoiceField):
    def label_from_instance(self, person):
        return f"{person.full_name}, {person.job_title}" if person.job_title else person.full_name


@no_passwords
class AccountRequestForm(forms.Form):
    team = RowChoiceField(
        label="Requesting team",
        queryset=Team.objects.select_related("service_area"),
        error_messages={"required": "Select the team that will run the account"},
    )
    service_manager = PersonChoice(
        label="Service manager who will endorse the request",
        queryset=Person.objects.none(),
        help_text="They are asked to endorse the request before the communications team reviews it.",
        error_messages={"required": "Select the service manager who will endorse the request"},
    )
    platform = forms.ChoiceField(
        label="Platform",
        choices=[("", "Choose a platform"), *Platform.choices],
        error_messages={"required": "Select the platform"},
    )
    proposed_name = _line(
        "Proposed account name",
        "Enter the proposed account name",
        max_length=120,
        help_text="The name residents will see, for example ‘Hinckley Museum and Heritage’.",
    )
    proposed_handle = _line(
        "Proposed handle",
        required=False,
        max_length=120,
        help_text="For example @hinckleyheritage. Leave blank if the platform has none.",
    )
    purpose = _text(
        "Purpose and objectives",
        "Enter the purpose and objectives of the account",
        help_text="What the account is for and what it should achieve.",
    )
    audience = _text("Audience", "Enter who the account is for")
    why_not_corporate = _text(
        "Why the corporate accounts cannot reach this audience",
        "Explain why the council's corporate accounts cannot reach this audience",
    )
    content_plan = _text("Content plan", "Enter what the account will post")
    posting_frequency = _line(
        "Posting frequency", "Enter how often the account will post", help_text="For example, three posts a week."
    )
    monitoring_hours = _line(
        "Monitoring hours",
        "Enter when the account will be monitored",
        help_text="For example, Monday to Friday, 9am to 5pm.",
    )
    out_of_hours_cover = _text("Out-of-hours and weekend cover", "Enter who watches the account out of hours", rows=3)
    resources = _text("Resources", "Enter the staff time and budget the account needs", rows=3)
    closure_plan = _text(
        "How the account will be closed if it stops being used",
        "Enter how the account will be closed if it stops being used",
        rows=3,
    )
    emergency_plan_url = forms.URLField(
        assume_scheme="https",
        label="Link to the emergency plan entry",
        required=False,
        max_length=200,
        help_text="Where the emergency plan says how this account is used in an incident.",
        error_messages={"invalid": "Enter a web address starting with https://"},
    )

    def __init__(self, *args, requester: Person, **kwargs):
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("team", requester.team_id)
        initial.setdefault("service_manager", requester.service_manager_id)
        super().__init__(*args, **kwargs)
        self.requester = requester
        self.fields["service_manager"].queryset = (
            Person.objects.active().with_role(Role.SERVICE_MANAGER).exclude(pk=requester.pk).distinct()
        )
        self.slots = []
        for n in range(1, EDITOR_SLOTS + 1):
            self.fields[f"editor_{n}_email"] = required_when(
                forms.EmailField(
                    label=f"Editor {n} email address",
                    required=False,
                    max_length=254,
                    help_text="Their council email address." if n <= 2 else "Optional: a further editor.",
                    error_messages={
                        "invalid": f"Enter editor {n}'s email address in the correct format, like name@hinckley-bosworth.gov.uk"
                    },
                )
            )
            self.fields[f"editor_{n}_training"] = required_when(
                _date(
                    f"Editor {n} training date",
                    help_text="Only if they are not yet trained: the date they are booked on social media training.",
                )
            )
            self.slots.append((self[f"editor_{n}_email"], self[f"editor_{n}_training"]))

    def clean_proposed_handle(self):
        return self.cleaned_data["proposed_handle"].strip().lstrip("@")

    def clean(self):
        data = super().clean()
        people: dict[int, Nomination] = {}
        on = today()
        for n in range(1, EDITOR_SLOTS + 1):
            email = (data.get(f"editor_{n}_email") or "").strip().lower()
            booked = data.get(f"editor_{n}_training")
            if not email:
                if booked:
                    self.add_error(
                        f"editor_{n}_email", f"Enter editor {n}'s email address, or remove the training date"
                    )
                continue
            person = Person.objects.filter(email__iexact=email).first()
            if person is None:
                self.add_error(f"editor_{n}_email", f"There is nobody in the directory with the email {email}")
                continue
            if person.pk in people:
                self.add_error(f"editor_{n}_email", f"{person.full_name} is already named as an editor")
                continue
            problem = editor_problem(person, booked, on=on)
            if problem:
                field = "training" if "trained editor" in problem else "email"
                self.add_error(f"editor_{n}_{field}", problem)
                continue
            if booked and person.is_trained_editor:
                booked = None
            people[person.pk] = Nomination(person, booked)
        named = sum(1 for n in range(1, EDITOR_SLOTS + 1) if (self[f"editor_{n}_email"].value() or "").strip())
        if named < 2:
            self.add_error(
                "editor_2_email" if named == 1 else "editor_1_email",
                "Name at least two editors: every account needs two people who can post and monitor it",
            )
        self.nominations = list(people.values())
        handle, platform = data.get("proposed_handle"), data.get("platform")
        if (
            handle
            and platform
            and Account.objects.in_register().filter(platform=platform, handle__iexact=handle).exists()
        ):
            self.add_error(
                "proposed_handle", f"The register already has an account with the handle {handle} on this platform"
            )
        return data

    def business_case(self) -> BusinessCase:
        data = self.cleaned_data
        return BusinessCase(**{name: data[name] for name in BusinessCase.__dataclass_fields__})

    @classmethod
    def initial_from(cls, request) -> dict:
        initial = {name: getattr(request, name) for name in BusinessCase.__dataclass_fields__}
        initial["team"], initial["service_manager"] = request.team_id, request.service_manager_id
        for n, nomination in enumerate(request.nominated(), start=1):
            initial[f"editor_{n}_email"] = nomination.person.email
            initial[f"editor_{n}_training"] = nomination.training_booked_on
        return initial


@no_passwords
class EndorseForm(forms.Form):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[
            ("endorse", "Endorse the request"),
            ("send_back", "Send it back for changes"),
            ("refuse", "Refuse it"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether you endorse, send back or refuse the request"},
    )
    comments = _text(
        "Comments or reasons",
        "",
        required=False,
        rows=4,
        help_text="Required if you send it back or refuse it: the requester sees them.",
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") in ("send_back", "refuse") and not (data.get("comments") or "").strip():
            message = (
                "Say what needs to change"
                if data["decision"] == "send_back"
                else "Give the reasons for refusing the request"
            )
            self.add_error("comments", message)
        return data


@no_passwords
class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[
            ("approve", "Approve"),
            ("approve_with_conditions", "Approve with conditions"),
            ("send_back", "Send back for changes"),
            ("refuse", "Refuse"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select your decision on the request"},
    )
    conditions = required_when(
        _text(
            "Conditions of approval",
            "",
            required=False,
            rows=3,
            help_text="If you approve with conditions: what the team must do, for example a review in six months.",
        )
    )
    training_before_posting = forms.BooleanField(
        label="Editors must finish social media training before they write posts",
        required=False,
        help_text="Editors only booked on training can then not write posts for the account until HR records "
        "them as trained.",
    )
    comments = required_when(
        _text(
            "Comments or reasons",
            "",
            required=False,
            rows=4,
            help_text="If you send it back or refuse it: the requester sees them.",
        )
    )

    def clean(self):
        data = super().clean()
        decision = data.get("decision")
        if decision == "approve_with_conditions" and not (data.get("conditions") or "").strip():
            self.add_error("conditions", "Enter the conditions of approval")
        if decision == "send_back" and not (data.get("comments") or "").strip():
            self.add_error("comments", "Say what needs to change")
        if decision == "refuse" and not (data.get("comments") or "").strip():
            self.add_error("comments", "Give the reasons for refusing the request")
        return data


@no_passwords
class SecuritySetupForm(forms.Form):
    handle = _line(
        "Handle",
        "Enter the account's handle",
        max_length=120,
        help_text="As created on the platform, for example @hinckleyheritage.",
    )
    profile_url = forms.URLField(
        assume_scheme="https",
        label="Profile address",
        max_length=200,
        help_text="The account's public web address.",
        error_messages={
            "required": "Enter the account's public web address",
            "invalid": "Enter a web address starting with https://",
        },
    )
    two_factor_enabled = forms.BooleanField(
        label="Two-factor sign-in is on", error_messages={"required": "Confirm two-factor sign-in is on"}
    )
    comms_co_admin = forms.BooleanField(
        label="The communications team is co-admin",
        error_messages={"required": "Confirm the communications team is co-admin"},
    )
    credentials_in_password_manager = forms.BooleanField(
        label="The credentials are held in the council's password manager",
        help_text="Never type a password into Herald.",
        error_messages={"required": "Confirm the credentials are in the council's password manager"},
    )

    def __init__(self, *args, platform: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.platform = platform

    def clean_handle(self):
        handle = self.cleaned_data["handle"].strip().lstrip("@")
        if (
            self.platform
            and Account.objects.in_register().filter(platform=self.platform, handle__iexact=handle).exists()
        ):
            raise forms.ValidationError(f"The register already has an account with the handle {handle}")
        return handle


@no_passwords
class WithdrawForm(forms.Form):
    reason = _text("Why are you withdrawing the request?", "", required=False, rows=3)


def _https_by_default(field, **kwargs):
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    if isinstance(field, models.TextField):
        # The model's text has no length; the form bounds it like every other text box.
        label = kwargs.get("label") or field.verbose_name[:1].upper() + field.verbose_name[1:]
        kwargs["max_length"] = 4000
        kwargs["error_messages"] = {
            "max_length": f"{label} must be 4000 characters or fewer",
            **kwargs.get("error_messages", {}),
        }
    if isinstance(field, models.ForeignKey):
        kwargs["form_class"] = RowChoiceField  # a tampered number no row could have is refused, not a 500
    elif isinstance(field, models.ManyToManyField):
        kwargs["form_class"] = RowsChoiceField
    return field.formfield(**kwargs)


@no_passwords
class AccountForm(forms.ModelForm):
    reason = _line("Reason for the change", "Enter the reason for the change", max_length=300)

    class Meta:
        model = Account
        formfield_callback = _https_by_default
        fields = list(REGISTER_FIELDS)  # what services.update_account may change, and nothing else
        labels = {
            "display_name": "Display name",
            "profile_url": "Profile address",
            "last_activity_on": "Last activity",
            "next_review_on": "Next review date",
        }
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "out_of_hours_cover": forms.Textarea(attrs={"rows": 3}),
            "closure_plan": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "display_name": {"required": "Enter the display name"},
            "team": {"required": "Select the team that runs the account"},
            "profile_url": {"invalid": "Enter a web address starting with https://"},
            "emergency_plan_url": {"invalid": "Enter a web address starting with https://"},
            "last_activity_on": DATE_ERRORS,
            "next_review_on": DATE_ERRORS,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_manager"].queryset = Person.objects.active().with_role(Role.SERVICE_MANAGER).distinct()
        self.fields["service_manager"].required = False

    def clean_handle(self):
        handle = self.cleaned_data["handle"].strip().lstrip("@")
        if (
            handle
            and Account.objects.filter(platform=self.instance.platform, handle__iexact=handle)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            raise forms.ValidationError(f"Another account on this platform already has the handle {handle}")
        return handle


@no_passwords
class AddEditorForm(forms.Form):
    email = forms.EmailField(
        label="Email address of the new editor",
        max_length=254,
        error_messages={
            "required": "Enter the new editor's email address",
            "invalid": "Enter an email address in the correct format, like name@hinckley-bosworth.gov.uk",
        },
    )
    training_booked_on = _date(
        "Training date",
        help_text="Only if they are not yet trained: the date they are booked on social media training.",
    )
    reason = _line("Reason", "Enter why they are being added", max_length=300)

    def __init__(self, *args, account: Account, **kwargs):
        super().__init__(*args, **kwargs)
        self.account = account

    def clean(self):
        data = super().clean()
        email = data.get("email")
        if not email:
            return data
        person = Person.objects.filter(email__iexact=email).first()
        if person is None:
            self.add_error("email", f"There is nobody in the directory with the email {email}")
            return data
        if self.account.editor_links.filter(person=person, removed_at=None).exists():
            self.add_error("email", f"{person.full_name} is already an editor of this account")
            return data
        problem = editor_problem(person, data.get("training_booked_on"))
        if problem:
            self.add_error("training_booked_on" if "trained editor" in problem else "email", problem)
        data["person"] = person
        return data


@no_passwords
class RemoveEditorForm(forms.Form):
    reason = _line("Reason for removing them", "Enter why they are no longer an editor", max_length=300)


@no_passwords
class DormancyDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="What happens to the account?",
        choices=[
            ("keep", "Keep it active until its next review"),
            ("dormant", "Mark it dormant (kept, but not in regular use)"),
            ("close", "Close it"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to keep, mark dormant or close the account"},
    )
    next_review_on = _date("Next review date", help_text="If you keep it: when it should next be reviewed.")
    reason = _text("Reason for the decision", "Enter the reason for the decision", rows=3)

    def clean(self):
        data = super().clean()
        if data.get("decision") == "keep":
            review = data.get("next_review_on")
            if review is None and "next_review_on" not in self.errors:
                self.add_error("next_review_on", "Enter the next review date")
            elif review is not None and review <= today():
                self.add_error("next_review_on", "The next review date must be in the future")
        return data


@no_passwords
class StartClosingForm(forms.Form):
    reason = _text("Why is the account closing?", "Enter why the account is closing", rows=3)
    final_post_on = _date(
        "Date of the final post",
        required=True,
        help_text="The editors post a final message telling followers where to find the council instead.",
        message="Enter the date of the final post",
    )
    handover_notes = _text(
        "Handover",
        "Enter how followers and enquiries are handed over",
        rows=3,
        help_text="For example: followers pointed to the council's main Facebook page; enquiries to the contact centre.",
    )


@no_passwords
class CloseAccountForm(forms.Form):
    final_post_url = forms.URLField(
        assume_scheme="https",
        label="Link to the final post",
        max_length=200,
        error_messages={
            "required": "Enter the link to the final post",
            "invalid": "Enter a web address starting with https://",
        },
    )
    handover_notes = _text("Handover notes", "", required=False, rows=3)
    confirmed = forms.BooleanField(
        label="The final post is published and the handover is done",
        error_messages={"required": "Confirm the final post is published and the handover is done"},
    )


@no_passwords
class MonthlyReportForm(forms.Form):
    month = forms.TypedChoiceField(
        label="Month",
        coerce=dt.date.fromisoformat,
        error_messages={"required": "Select the month you are reporting on"},
    )
    posts = forms.IntegerField(
        label="Number of posts",
        min_value=0,
        max_value=100000,
        error_messages={
            "required": "Enter the number of posts",
            "invalid": "Enter the number of posts as a whole number",
            "min_value": "The number of posts cannot be negative",
        },
    )
    reach = forms.IntegerField(
        label="Reach",
        min_value=0,
        help_text="People reached in the month, from the platform's insights.",
        error_messages={
            "required": "Enter the reach",
            "invalid": "Enter the reach as a whole number",
            "min_value": "The reach cannot be negative",
        },
    )
    notable_issues = _text(
        "Notable issues",
        "",
        required=False,
        rows=4,
        help_text="Complaints, abuse, difficult comments, outages, anything comms should know.",
    )

    def __init__(self, *args, account: Account, **kwargs):
        super().__init__(*args, **kwargs)
        self.account = account
        latest = previous_month(today())
        months = [latest, previous_month(latest), previous_month(previous_month(latest)), today().replace(day=1)]
        done = set(account.monthly_reports.values_list("month", flat=True))
        self.fields["month"].choices = [(m.isoformat(), f"{m:%B %Y}") for m in months if m not in done]
        if self.fields["month"].choices:
            self.fields["month"].initial = self.fields["month"].choices[0][0]


@no_passwords
class SecurityTaskForm(forms.Form):
    notes = _text(
        "What was done",
        "Say what was done, for example ‘password changed in the password manager; access removed on the platform’",
        rows=3,
    )
