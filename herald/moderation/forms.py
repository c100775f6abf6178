from __future__ import annotations

from django import forms

from herald.moderation import selectors
from herald.moderation.models import Comment, CommentFlag, ModerationTeam
from herald.social_accounts.models import Platform


def _any(label: str, choices) -> list:
    return [("", label), *choices]


class InboxFilterForm(forms.Form):
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

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        accounts = selectors.visible_accounts(person).order_by("display_name")
        self.fields["account"].choices = _any("Any account", [(a.pk, str(a)) for a in accounts])
        teams = ModerationTeam.objects.all()
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
