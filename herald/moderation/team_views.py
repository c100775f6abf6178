"""Pages that set up the inbox's teams: the list, adding or changing a team, and deleting one.

Only the communications team and administrators may use them (MANAGE_ROLES), as the other inbox
settings. Service managers and editors do not see the list, even to read: it counts the open comments
on every account, most of which they may not see; the inbox's team filter already shows them the teams
whose queues they have a part in."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from herald.access import allow
from herald.audit.models import AuditEvent
from herald.errors import Refused
from herald.figures import plural
from herald.forms import submitted
from herald.moderation.handling_views import _inbox_crumbs
from herald.moderation.models import Comment, ModerationTeam
from herald.moderation.nav import INBOX_ROLES, MANAGE_ROLES
from herald.moderation.services import teams
from herald.moderation.team_forms import TeamForm
from herald.navigation import Crumb
from herald.people.models import Person
from herald.submissions import key_for, submit_once


def _crumbs(*more: Crumb) -> list[Crumb]:
    return _inbox_crumbs(("Inbox teams", reverse("moderation:teams")), *more)


def _people_who_open_the_inbox() -> set[int]:
    """The ids of everyone holding a role that opens the inbox, in one query (not one per member listed)."""
    holders = Person.objects.none()
    for role in INBOX_ROLES:
        holders = holders | Person.objects.with_role(role)
    return set(holders.values_list("pk", flat=True))


def _why_not_working(person: Person, open_the_inbox: set[int]) -> str:
    if not person.is_active:
        return "Left the council"
    return "" if person.pk in open_the_inbox else "Cannot open the inbox"


@allow(*MANAGE_ROLES)
def team_list(request: HttpRequest) -> HttpResponse:
    # Counted as the inbox's team filter (the link beside the number) finds them.
    found = list(
        ModerationTeam.objects.annotate(
            open_count=Count("comments", filter=Q(comments__status__in=Comment.OPEN_STATUSES))
        ).prefetch_related("members", "accounts")
    )
    open_the_inbox = _people_who_open_the_inbox()
    for team in found:
        # A member who cannot open the inbox (a role taken away since) is shown, so someone puts it right.
        team.member_rows = [(p, _why_not_working(p, open_the_inbox)) for p in team.members.all()]  # type: ignore[attr-defined]
    return render(
        request,
        "moderation/teams/list.html",
        {"teams": found, "breadcrumbs": _inbox_crumbs(("Inbox teams", None))},
    )


@allow(*MANAGE_ROLES)
def team_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    team = get_object_or_404(ModerationTeam, pk=pk) if pk else ModerationTeam()
    roles = teams.inbox_roles_in_words()
    form = TeamForm(
        request.POST if request.method == "POST" else None,
        initial=TeamForm.initial_for(team) if pk else None,
        team=team,
        roles_in_words=roles,
    )

    def save() -> HttpResponse | None:
        done = submitted(request, form, lambda data: teams.save_moderation_team(team, by=request.user, **data))
        if done is None:
            return None
        moved = done.result.moved_out
        messages.success(
            request,
            f"Team “{team.name}” saved."
            + (
                f" {plural(moved, 'open comment')} on accounts it no longer has left its queue, for the team "
                "now holding the account or the general queue."
                if moved
                else ""
            ),
        )
        return redirect("moderation:teams")

    # Pressed twice: one team added (not a refusal that its name is taken), one change in the audit trail.
    if request.method == "POST" and (done := submit_once(request, "moderation:team", save)):
        return done
    return render(
        request,
        "moderation/teams/edit.html",
        {
            "form": form,
            "team": team if pk else None,
            # The team's history: who changed it, and members taken out when they left the council.
            "events": list(AuditEvent.objects.for_object(team)[:50]) if pk else [],
            "submission_key": key_for(request),
            "breadcrumbs": _crumbs((team.name if pk else "Add a team", None)),
        },
        status=400 if form.errors else 200,
    )


@allow(*MANAGE_ROLES)
def team_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm, then delete a team; its comments go back to the general queue."""
    team = get_object_or_404(ModerationTeam, pk=pk)
    refusal = ""
    if request.method == "POST":
        try:
            returned = teams.delete_moderation_team(team, by=request.user)
        except Refused as exc:
            refusal = str(exc)
        else:
            messages.success(
                request,
                f"Team “{team.name}” deleted. {plural(returned, 'open comment')} from its queue "
                "went back to the general queue.",
            )
            return redirect("moderation:teams")
    return render(
        request,
        "moderation/teams/delete.html",
        {
            "team": team,
            "assigned_open": Comment.objects.open().filter(team=team).count(),
            "rules": teams.rules_filling(team),
            "refusal": refusal,
            "breadcrumbs": _crumbs((team.name, reverse("moderation:team_edit", args=[team.pk])), ("Delete", None)),
        },
        status=409 if refusal else 200,
    )
