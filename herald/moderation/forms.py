from __future__ import annotations

from collections.abc import Iterable

from django import forms

from herald.forms import FilterForm
from herald.moderation import selectors
from herald.moderation.models import Comment, CommentFlag, ModerationTeam
from herald.people.models import Person
from herald.social_accounts.models import Account, Platform


def _any(label: str, choices) -> list:
    return [("", label), *choices]


class InboxFilterForm(FilterForm):
    id_prefix = "inbox"

    q = forms.CharField(label="Search the text", required=False, max_length=200)
    status = forms.ChoiceField(
        required=False,
        initial="open",
        choices=[("open", "Open (new, assigned, waiting, escalated)"), ("", "Any status"), *Comment.Status.choices],
    )
    account = forms.TypedChoiceField(label="Account", required=False, coerce=int, empty_value=None)
    platform = forms.ChoiceField(required=False, choices=_any("Any platform", Platform.choices))
    flag = forms.ChoiceField(required=False, choices=_any("Any or none", CommentFlag.Kind.choices))
    severity = forms.ChoiceField(
        label="Check result",
        required=False,
        choices=_any("Any", [("block", "Serious"), ("warn", "Warning"), ("advice", "Advice")]),
    )
    assignee = forms.ChoiceField(
        label="Assigned to",
        required=False,
        choices=[("", "Anyone or no one"), ("me", "Me"), ("none", "No one")],
    )
    team = forms.TypedChoiceField(label="Team queue", required=False, coerce=int, empty_value=None)
    received_from = forms.DateField(
        label="Received from", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    received_to = forms.DateField(label="Received to", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, accounts: Iterable[Account], teams: Iterable[ModerationTeam], **kwargs):
        """`accounts` and `teams`: those the person may see (selectors.visible_accounts and visible_teams),
        in the order to list them. A team or account not listed is refused as an invalid choice."""
        super().__init__(*args, **kwargs)
        self.fields["account"].choices = _any("Any account", [(a.pk, str(a)) for a in accounts])
        self.fields["team"].choices = _any("Any team", [(t.pk, t.name) for t in teams])

    def clean(self):
        data = super().clean()
        start, end = data.get("received_from"), data.get("received_to")
        if start and end and end < start:
            self.add_error("received_to", "Enter a date on or after the ‘received from’ date")
        return data

    def wanted(self) -> selectors.InboxFilter:
        data = self.cleaned_data
        return selectors.InboxFilter(
            account=data.get("account"),
            platform=data.get("platform") or "",
            status=data.get("status") or "",
            flag=data.get("flag") or "",
            severity=data.get("severity") or "",
            assignee=data.get("assignee") or "",
            team=data.get("team"),
            received_from=data.get("received_from"),
            received_to=data.get("received_to"),
            q=data.get("q") or "",
        )


STATUS_CHOICES = [
    (value, label)
    for value, label in Comment.Status.choices
    if value not in (Comment.Status.HIDDEN, Comment.Status.DELETED)
]


class AssignForm(forms.Form):
    assignee = forms.TypedChoiceField(label="Assign to", required=False, coerce=int, empty_value=None)
    team = forms.TypedChoiceField(label="Team queue", required=False, coerce=int, empty_value=None)

    def __init__(self, *args, comment: Comment, person: Person, **kwargs):
        """`person`: who assigns it; they may move it only to the queue of a team they have a part in."""
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [("", "No one")] + [
            (each.pk, each.full_name) for each in selectors.people_who_can_work(comment)
        ]
        self.fields["team"].choices = [("", "Leave as it is")] + [
            (team.pk, team.name) for team in selectors.visible_teams(person)
        ]


class StatusForm(forms.Form):
    status = forms.ChoiceField(widget=forms.RadioSelect, choices=STATUS_CHOICES)
    reason = forms.CharField(
        label="Reason (optional; needed to escalate)",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Add an internal note",
        help_text="Only people working the inbox see notes. They are never sent to the platform.",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the note"},
    )


class FlagForm(forms.Form):
    kind = forms.ChoiceField(label="Flag as", choices=CommentFlag.Kind.choices)
    reason = forms.CharField(label="Why (optional)", required=False, max_length=300)

    def __init__(self, *args, **kwargs) -> None:
        # Its own ids: the comment page also has the status form's "reason" box.
        kwargs.setdefault("auto_id", "id_flag_%s")
        super().__init__(*args, **kwargs)


class ConcernForm(forms.Form):
    """Raising a safeguarding concern by hand (named with a prefix: the page has other ‘reason’ fields)."""

    prefix = "concern"
    reason = forms.CharField(
        label="What is the concern?",
        help_text="Who may be at risk, and why. The safeguarding lead is emailed at once. "
        "If anyone is in immediate danger, call 999.",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Say what the concern is: who may be at risk, and why",
            "max_length": "Keep the concern to 300 characters or fewer",
        },
    )


class CloseFlagForm(forms.Form):
    outcome = forms.CharField(
        label="What was done",
        help_text="For example ‘Logged as FOI 2026/123’, ‘Passed to the complaints team’, ‘Not a request’",
        max_length=2000,
        error_messages={"required": "Say what was done"},
    )

    def __init__(self, *args, flag: CommentFlag, **kwargs) -> None:
        # One form for each open flag on the comment page: each box has its flag's own id.
        kwargs.setdefault("auto_id", f"id_flag{flag.pk}_%s")
        super().__init__(*args, **kwargs)
        self.flag = flag


class BulkForm(forms.Form):
    comments = forms.TypedMultipleChoiceField(coerce=int, error_messages={"required": "Select at least one comment"})
    action = forms.ChoiceField(
        label="With the selected comments",
        choices=[
            ("assign_to_me", "Assign to me"),
            ("unassign", "Take off whoever has them"),
            *[(f"status:{value}", f"Mark as {label.lower()}") for value, label in STATUS_CHOICES],
        ],
    )

    def __init__(self, *args, ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comments"].choices = [(pk, pk) for pk in ids]


class TokenForm(forms.Form):
    account = forms.TypedChoiceField(label="Account", coerce=int, error_messages={"required": "Choose the account"})
    name = forms.CharField(
        label="What will use it",
        help_text="For example ‘Nextdoor export script’ or ‘Contact centre’",
        max_length=120,
        error_messages={"required": "Enter what will use the token"},
    )

    def __init__(self, *args, accounts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].choices = [("", "Choose an account")] + [(a.pk, str(a)) for a in accounts]


class ImportForm(forms.Form):
    account = forms.TypedChoiceField(
        label="Account the comments were made on", coerce=int, error_messages={"required": "Choose the account"}
    )
    file = forms.FileField(
        label="CSV file",
        help_text=(
            "The first row names the columns: id, text and posted_at are needed; kind, parent_id, author_id, "
            "author_handle, author_name, author_url and permalink are optional. Times without a UTC offset are "
            "read as UK time."
        ),
        error_messages={"required": "Choose a CSV file"},
    )

    def __init__(self, *args, accounts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].choices = [("", "Choose an account")] + [(a.pk, str(a)) for a in accounts]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError("The file must be a CSV file")
        return upload
