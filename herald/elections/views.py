from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from herald.access import allow, allow_signed_in
from herald.audit.models import AuditEvent
from herald.elections import rules, selectors, services
from herald.elections.calendar import long_date
from herald.elections.forms import CancelElectionForm, ElectionForm, NonWorkingDayForm
from herald.elections.models import Election, NonWorkingDay
from herald.forms import submitted
from herald.navigation import Crumb
from herald.people.roles import Role

# Democratic services sit with the monitoring officer in Herald's roles.
MANAGERS = (Role.COMMS, Role.MONITORING_OFFICER, Role.ADMIN)
HOME = ("Home", "/")


def _elections_crumb() -> Crumb:
    return ("Elections", reverse("elections:list"))


@allow(*MANAGERS)
def election_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    elections = Election.objects.select_related("recorded_by")
    return render(
        request,
        "elections/list.html",
        {
            "upcoming": elections.upcoming(today).order_by("poll_date", "id"),
            "past": elections.past(today)[:20],
            "cancelled": elections.exclude(cancelled_at=None)[:10],
            "active": list(selectors.active_periods(today)),
            "days": NonWorkingDay.objects.filter(date__gte=today.replace(month=1, day=1)),
            "today": today,
            "breadcrumbs": [HOME, ("Elections", None)],
        },
    )


@allow(*MANAGERS)
@require_http_methods(["GET", "POST"])
def election_add(request: HttpRequest) -> HttpResponse:
    form = ElectionForm(request.POST if request.method == "POST" else None)
    recorded = submitted(request, form, lambda data: services.record_election(form.details(), by=request.user))
    if recorded:
        messages.success(request, f"{recorded.result.title} recorded")
        return redirect("elections:detail", pk=recorded.result.pk)
    return render(
        request,
        "elections/form.html",
        {
            "form": form,
            "heading": "Record an election",
            "button": "Save election",
            "breadcrumbs": [HOME, _elections_crumb(), ("Record an election", None)],
        },
    )


@allow(*MANAGERS)
def election_detail(request: HttpRequest, pk: int) -> HttpResponse:
    election = get_object_or_404(Election.objects.select_related("recorded_by"), pk=pk)
    deadline = selectors.notice_deadline(election.poll_date)
    return render(
        request,
        "elections/detail.html",
        {
            "election": election,
            "deadline": deadline,
            "in_period": election.covers(timezone.localdate()),
            "period_over": election.period_ends_on < timezone.localdate(),
            "history": AuditEvent.objects.for_object(election)[:50],
            "breadcrumbs": [HOME, _elections_crumb(), (election.title, None)],
        },
    )


@allow(*MANAGERS)
@require_http_methods(["GET", "POST"])
def election_edit(request: HttpRequest, pk: int) -> HttpResponse:
    election = get_object_or_404(Election, pk=pk)
    if election.is_cancelled:
        messages.info(request, "This election was cancelled and can no longer be changed.")
        return redirect("elections:detail", pk=election.pk)
    form = ElectionForm(request.POST if request.method == "POST" else None, election=election)
    updated = submitted(
        request,
        form,
        lambda data: services.update_election(election, form.details(), by=request.user, reason=data["reason"]),
    )
    if updated:
        message = f"{updated.result.title} updated"
        if updated.result.notice_sent_at is None and election.notice_sent_at is not None:
            if updated.result.period_ends_on < timezone.localdate():
                message += (
                    ". The staff notice had gone with the old dates or area, but the corrected period has "
                    "already ended, so no corrected notice goes"
                )
            else:
                message += (
                    ". The staff notice had gone with the old dates or area: a corrected notice will go to everyone"
                )
        messages.success(request, message)
        return redirect("elections:detail", pk=updated.result.pk)
    return render(
        request,
        "elections/form.html",
        {
            "form": form,
            "election": election,
            "heading": f"Change {election.title}",
            "button": "Save changes",
            "breadcrumbs": [
                HOME,
                _elections_crumb(),
                (election.title, reverse("elections:detail", args=[pk])),
                ("Change", None),
            ],
        },
    )


@allow(*MANAGERS)
@require_http_methods(["GET", "POST"])
def election_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    election = get_object_or_404(Election, pk=pk)
    form = CancelElectionForm(request.POST if request.method == "POST" else None)
    # Already cancelled (by someone else, since this form was opened): the service refuses, and the
    # error summary says so.
    cancelled = submitted(
        request, form, lambda data: services.cancel_election(election, by=request.user, reason=data["reason"])
    )
    if cancelled:
        message = f"{election.title} cancelled"
        if cancelled.result.cancellation_notice_sent_at:
            message += (
                f". Staff had the pre-election notice, so {cancelled.result.cancellation_notice_recipients} "
                "people are being told the period is off"
            )
        messages.success(request, message)
        return redirect("elections:list")
    return render(
        request,
        "elections/cancel.html",
        {
            "form": form,
            "election": election,
            "tells_staff": election.staff_told_of_period_still_to_run(timezone.localdate()),
            "breadcrumbs": [
                HOME,
                _elections_crumb(),
                (election.title, reverse("elections:detail", args=[pk])),
                ("Cancel", None),
            ],
        },
    )


@allow(*MANAGERS)
@require_http_methods(["GET", "POST"])
def non_working_days(request: HttpRequest) -> HttpResponse:
    form = NonWorkingDayForm(request.POST if request.method == "POST" else None)
    added = submitted(
        request,
        form,
        lambda data: services.add_non_working_day(
            date=data["date"], kind=data["kind"], description=data["description"], by=request.user
        ),
    )
    if added:
        messages.success(request, f"{long_date(added.result.date)} added: it no longer counts as a working day")
        return redirect("elections:non_working_days")
    return render(
        request,
        "elections/non_working_days.html",
        {
            "form": form,
            "days": NonWorkingDay.objects.select_related("added_by"),
            "breadcrumbs": [HOME, _elections_crumb(), ("Council-added non-working days", None)],
        },
    )


@allow(*MANAGERS)
@require_POST
def non_working_day_remove(request: HttpRequest, pk: int) -> HttpResponse:
    day = get_object_or_404(NonWorkingDay, pk=pk)
    services.remove_non_working_day(day, by=request.user)
    messages.success(request, f"{long_date(day.date)} removed: it counts as a working day again")
    return redirect("elections:non_working_days")


@allow_signed_in
def pre_election_rules(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "elections/rules.html",
        {
            "active": list(selectors.active_periods(today)),
            "upcoming": Election.objects.upcoming(today).filter(period_starts_on__gt=today).order_by("poll_date")[:5],
            "principle": rules.PRE_ELECTION_PRINCIPLE,
            "do_not": rules.PRE_ELECTION_DO_NOT,
            "do": rules.PRE_ELECTION_DO,
            "breadcrumbs": [HOME, ("Pre-election period", None)],
        },
    )


@allow_signed_in
def political_restrictions(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "elections/restrictions.html",
        {
            "may_not": rules.RESTRICTED_MAY_NOT,
            "may": rules.RESTRICTED_MAY,
            "breadcrumbs": [HOME, ("Politically restricted posts", None)],
        },
    )
