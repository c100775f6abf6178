"""Setting up the inbox's teams: a team's name, its members and the accounts whose comments its queue
holds. The communications team and administrators do this from /inbox/teams/; every change is audited.

A team is deleted, not retired: the comments put in its queue go back to the general queue (no team),
so none leaves the inbox, and a person who saw a comment only through the team gives back the open
ones assigned to them, as an editor removed from an account does."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse

from herald.audit import services as audit
from herald.errors import Refused
from herald.figures import plural
from herald.moderation import selectors
from herald.moderation.models import Comment, ModerationRule, ModerationTeam, RuleAction
from herald.moderation.nav import INBOX_ROLES
from herald.moderation.services.inbox import _release
from herald.notifications import notify
from herald.people.models import Person
from herald.people.roles import Role
from herald.social_accounts.models import Account


def inbox_roles_in_words() -> str:
    """The roles that open the inbox, as a sentence names them: "social media editor, service manager,
    communications team or system administrator"."""
    names = [role.label[:1].lower() + role.label[1:] for role in Role if role in INBOX_ROLES]
    return ", ".join(names[:-1]) + " or " + names[-1]


def _snapshot(team: ModerationTeam) -> dict[str, Any]:
    return {
        "name": team.name,
        "members": sorted(team.members.values_list("pk", flat=True)),
        "accounts": sorted(team.accounts.values_list("pk", flat=True)),
    }


def _check_members(members: Iterable[Person]) -> None:
    """A member must be able to open the inbox, or the team's queue would be one they can never see."""
    for person in members:
        if person.is_councillor:
            raise Refused(f"{person.full_name} is a councillor: only council staff work the inbox", field="members")
        if not person.is_active:
            raise Refused(f"{person.full_name} has left the council: choose someone who works here", field="members")
        if not person.has_role(*INBOX_ROLES):
            raise Refused(
                f"{person.full_name} cannot open the inbox, so would never see this team's queue. Only people "
                f"with one of these roles can: {inbox_roles_in_words()}. Ask an administrator to give them one, "
                "or leave them out",
                field="members",
            )


def _release_from(people: Iterable[Person], *, by: Person, why: str) -> int:
    """Open comments assigned to `people` that they would no longer see unassigned go back to the queue,
    as those of an editor removed from an account do."""
    released = 0
    for person in people:
        assigned = Comment.objects.filter(assignee=person, status__in=Comment.OPEN_STATUSES)
        for comment in assigned.select_for_update(of=("self",)):
            if not selectors.sees_without_assignment(person, comment):
                _release(comment, by=by, reason=f"{person.full_name} {why}")
                released += 1
    return released


def _name_taken(name: str) -> Refused:
    return Refused(f"There is already a team called “{name}”: choose another name", field="name")


class TeamSaved(NamedTuple):
    team: ModerationTeam
    # Open comments on accounts the team gave up that left its queue (for another team holding the
    # account, or the general queue).
    moved_out: int


def _move_out(team: ModerationTeam, accounts: Iterable[Account]) -> int:
    """The open comments in `team`'s queue on `accounts` (which it no longer has) go to the queue of
    another team that holds the account (the first by name), or to the general queue when none does:
    left behind, they would stay with people who no longer work that account and be missing from the
    queue of those who now do."""
    moved = 0
    for account in accounts:
        now_with = ModerationTeam.objects.filter(accounts=account).exclude(pk=team.pk).order_by("name").first()
        moved += Comment.objects.open().filter(team=team, account=account).update(team=now_with)
    return moved


def _moves_in_words(joined: int, moved_out: int) -> str:
    said = []
    if joined:
        said.append(f"{plural(joined, 'open comment')} on its new accounts joined its queue")
    if moved_out:
        said.append(
            f"{plural(moved_out, 'open comment')} on accounts it no longer has left its queue for the team "
            "now holding the account, or the general queue"
        )
    return "; ".join(said)


def save_moderation_team(
    team: ModerationTeam, *, by: Person, name: str, members: Iterable[Person], accounts: Iterable[Account]
) -> TeamSaved:
    """Add a team, or change its name, members and accounts. Names are unique ignoring case; every
    member must be able to open the inbox. Open comments with no team on an account the team takes on
    join its queue; open comments in its queue on an account it gives up leave it (`_move_out`)."""
    if not by.has_role(Role.COMMS, Role.ADMIN):
        raise Refused("Only the communications team or an administrator can set up the inbox's teams")
    name = " ".join(name.split())
    if not name:
        raise Refused("Enter a name for the team", field="name")
    members, accounts = list(members), list(accounts)
    with transaction.atomic():
        # Rows from before names were compared ignoring case may differ only in case ("Waste", "waste").
        same_name = ModerationTeam.objects.filter(name__iexact=name).exclude(pk=team.pk).order_by("pk").first()
        if same_name is not None:
            raise _name_taken(same_name.name)
        _check_members(members)
        before = _snapshot(team) if team.pk else None
        were_in = list(team.members.all()) if team.pk else []
        team.name = name
        try:
            with transaction.atomic():
                team.save()
        except IntegrityError:  # someone added a team of that name a moment ago
            raise _name_taken(name) from None
        held = set(team.accounts.all())
        new_accounts, given_up = set(accounts) - held, held - set(accounts)
        team.members.set(members)
        team.accounts.set(accounts)
        # As a comment arriving on one of its accounts is put in its queue, so are those already waiting
        # on an account it takes on that no team has yet.
        joined = (
            Comment.objects.open()
            .filter(team=None, account__in=[account.pk for account in new_accounts])
            .update(team=team)
        )
        moved_out = _move_out(team, given_up)
        # Someone taken out of the team, or whose team no longer has an account, may lose sight of comments.
        _release_from(were_in, by=by, why=f"no longer sees it through the {name} team")
        audit.record(
            actor=by,
            action="moderation.team_changed" if before else "moderation.team_added",
            obj=team,
            before=before,
            after=_snapshot(team),
            reason=_moves_in_words(joined, moved_out),
        )
    return TeamSaved(team, moved_out)


def rules_filling(team: ModerationTeam) -> list[ModerationRule]:
    """The moderation rules that put comments in `team`'s queue."""
    return list(ModerationRule.objects.filter(assign_team=team))


def delete_moderation_team(team: ModerationTeam, *, by: Person) -> int:
    """Delete a team. The comments in its queue go back to the general queue; returns how many of them
    were still open. Refused while a moderation rule puts comments in its queue: the rule would quietly
    stop doing so."""
    if not by.has_role(Role.COMMS, Role.ADMIN):
        raise Refused("Only the communications team or an administrator can delete the inbox's teams")
    with transaction.atomic():
        team = ModerationTeam.objects.select_for_update().get(pk=team.pk)
        rules = rules_filling(team)
        if rules:
            names = ", ".join(f"“{rule.name}”" for rule in rules)
            raise Refused(
                f"The moderation rule {names} puts comments in this team's queue: change "
                f"{'it' if len(rules) == 1 else 'them'} to use another queue first"
            )
        before = _snapshot(team)
        members = list(team.members.all())
        queued = Comment.objects.filter(team=team)
        still_open = queued.filter(status__in=Comment.OPEN_STATUSES).count()
        queued.update(team=None)
        # Undoing a rule that once put a comment in this queue returns it to the general queue.
        RuleAction.objects.filter(kind=RuleAction.Kind.ASSIGN_TEAM, before=str(team.pk)).update(before="")
        name = team.name
        audit.record(
            actor=by,
            action="moderation.team_deleted",
            obj=team,
            before=before,
            reason=f"{plural(still_open, 'open comment')} in its queue went back to the general queue",
        )
        team.delete()
        _release_from(members, by=by, why=f"no longer sees it: the {name} team was deleted")
    return still_open


def remove_leaver_from_teams(person: Person, *, by: Person | None) -> list[ModerationTeam]:
    """`person` has left the council (HR's leaver import, the directory, or SCIM deactivation): they are
    taken out of every inbox team, each change audited on the team; the open comments assigned to them
    go back unassigned to the queue they were in (their team's, or the general queue); and each team's
    remaining members and the communications team are told, with how many comments came back to the
    team's queue. Registered in ModerationConfig.ready(), before the release of the rest of their
    comments; returns the teams they were taken out of."""
    with transaction.atomic():
        came_back: dict[int | None, int] = {}
        assigned = Comment.objects.filter(assignee=person, status__in=Comment.OPEN_STATUSES)
        for comment in assigned.select_for_update(of=("self",)):
            _release(comment, by=by, reason=f"{person.full_name} has left the council")
            came_back[comment.team_id] = came_back.get(comment.team_id, 0) + 1
        left = list(ModerationTeam.objects.select_for_update().filter(members=person).order_by("name"))
        comms = list(Person.objects.active().with_role(Role.COMMS))
        for team in left:
            before = _snapshot(team)
            team.members.remove(person)
            returned = came_back.get(team.pk, 0)
            reason = f"{person.full_name} has left the council, so was taken out of the team"
            if returned:
                reason += f"; {plural(returned, 'open comment')} assigned to them went back to its queue"
            audit.record(
                actor=by,
                action="moderation.team_member_left",
                obj=team,
                before=before,
                after=_snapshot(team),
                reason=reason,
            )
            told = {p.pk: p for p in [*team.members.filter(is_active=True), *comms]}
            notify(
                "inbox_team_member_left",
                to=list(told.values()),
                context={
                    "team": team,
                    "person": person,
                    "returned": returned,
                    "link": settings.SITE_URL + reverse("moderation:inbox") + f"?team={team.pk}&status=open",
                    "team_link": settings.SITE_URL + reverse("moderation:team_edit", args=[team.pk]),
                },
            )
    return left
