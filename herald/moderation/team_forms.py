"""The form that sets up one of the inbox's teams."""

from __future__ import annotations

from django import forms
from django.db.models import Q

from herald.forms import RowsChoiceField
from herald.moderation.models import ModerationTeam
from herald.people.models import Person
from herald.social_accounts.models import Account


class TeamForm(forms.Form):
    name = forms.CharField(label="Team name", max_length=120, error_messages={"required": "Enter a name for the team"})
    members = RowsChoiceField(
        label="Members",
        queryset=Person.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        error_messages={"invalid_choice": "Choose members from the council's current staff"},
    )
    accounts = RowsChoiceField(
        label="Accounts whose comments go to the team's queue",
        queryset=Account.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose accounts from the register"},
    )

    def __init__(self, *args, team: ModerationTeam | None = None, roles_in_words: str = "", **kwargs):
        """`team`: the team being changed (its accounts stay on offer even once closed, so saving the team
        keeps them); `roles_in_words`: the roles that open the inbox, for the members' hint."""
        super().__init__(*args, **kwargs)
        # Current staff only: never a leaver or a councillor.
        self.fields["members"].queryset = Person.objects.employees().active().order_by("last_name", "first_name")
        self.fields["members"].help_text = (
            f"Current staff who can open the inbox (roles: {roles_in_words}). "
            "Hold Ctrl (or Cmd on a Mac) to choose more than one"
        )
        kept = Q(moderation_teams=team) if team is not None and team.pk else Q(pk__in=[])
        self.fields["accounts"].queryset = (
            Account.objects.filter(Q(pk__in=Account.objects.in_register()) | kept)
            .distinct()
            .order_by("display_name", "platform")
        )

    @classmethod
    def initial_for(cls, team: ModerationTeam) -> dict:
        return {"name": team.name, "members": list(team.members.all()), "accounts": list(team.accounts.all())}
