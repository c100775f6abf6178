"""Reporting and working incidents. Anyone signed in may report one and follow the status of what
they reported; the people whose role handles its type, and anyone brought in to work it, see and
work it in full (`Incident.can_work`); to everyone else an incident does not exist (404). HR
outcomes are shown to HR alone; the breach log is the data protection officer's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from herald.access import allow, allow_signed_in
from herald.audit import services as audit
from herald.csv_export import csv_response
from herald.dates import uk_datetime
from herald.forms import carried_out, submitted
from herald.incidents import selectors, services
from herald.incidents.forms import (
    AssessForm,
    CloseForm,
    CrimeReferenceForm,
    HrOutcomeForm,
    IcoForm,
    NoteForm,
    ReportForm,
    StepForm,
    TakedownForm,
    TellForm,
    TriageForm,
)
from herald.incidents.models import Incident, PlaybookStep, TimelineEntry
from herald.incidents.playbooks import Kind
from herald.navigation import Crumb
from herald.people.models import Person
from herald.people.roles import Role
from herald.plain_text import whole_number
from herald.signin.reauth import sensitive
from herald.submissions import key_for, submit_once

HOME = ("Home", "/")
DPO = (Role.INFO_GOV,)


def _crumbs(*more: Crumb) -> list[Crumb]:
    return [HOME, ("Incidents", reverse("incidents:index")), *more]


def _incident(request: HttpRequest, pk: int) -> Incident:
    """The incident, for someone who may work it; nobody else learns it exists."""
    incident = get_object_or_404(Incident.objects.select_related("account", "post", "lead", "reported_by"), pk=pk)
    if not incident.can_work(request.user):
        raise Http404("No such incident")
    return incident


def _targets(request: HttpRequest) -> dict:
    """What the report is about, from the page it was started on; only what the reporter may see."""
    from herald.consents.models import ConsentRecord
    from herald.moderation.selectors import visible_comments
    from herald.posts.models import Post
    from herald.social_accounts.models import Account

    source = request.POST if request.method == "POST" else request.GET
    found: dict = {}

    def number(name: str) -> int | None:
        return whole_number(source.get(name, ""), max_digits=9)

    if (pk := number("account")) is not None:
        found["account"] = Account.objects.in_register().filter(pk=pk).first()
    if (pk := number("post")) is not None:
        found["post"] = Post.objects.visible_to(request.user).filter(pk=pk).select_related("account").first()
        if found["post"] is not None and not found.get("account"):
            found["account"] = found["post"].account
    if (pk := number("record")) is not None:
        found["consent_record"] = ConsentRecord.objects.visible_to(request.user).filter(pk=pk).first()
    if (pk := number("person")) is not None and request.user.has_role(Role.HR, Role.COMMS, Role.SERVICE_MANAGER):
        found["person_concerned"] = Person.objects.filter(pk=pk).first()
    # A comment the reporter may not see is treated as one that does not exist, so the page never
    # tells them whether it does.
    if (pk := number("comment")) is not None and visible_comments(request.user).filter(pk=pk).exists():
        found["comment_reference"] = f"comment:{pk}"
    return {key: value for key, value in found.items() if value}


@allow_signed_in
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest) -> HttpResponse:
    targets = _targets(request)
    initial = {"kind": request.GET.get("kind")} if request.GET.get("kind") in Kind.values else {}
    form = ReportForm(request.POST if request.method == "POST" else None, initial=initial)

    def report_it() -> HttpResponse | None:
        reported = submitted(
            request,
            form,
            lambda data: services.report_incident(
                kind=data["kind"],
                summary=data["summary"],
                description=data["description"],
                aware_at=data["aware_at"],
                link_url=data["link"],
                by=request.user,
                **targets,
            ),
        )
        if not reported:
            return None
        incident = reported.result
        messages.success(
            request, f"Incident {incident.reference} reported. The people who deal with it have been told."
        )
        return redirect("incidents:detail", pk=incident.pk)

    # Pressed twice (a double click, an impatient second press): reported once, its handlers told once.
    if request.method == "POST" and (done := submit_once(request, "incidents:report", report_it)):
        return done
    return render(
        request,
        "incidents/report.html",
        {
            "form": form,
            "targets": targets,
            "submission_key": key_for(request),
            "breadcrumbs": [HOME, ("Report an incident", None)],
        },
    )


@allow_signed_in
def index(request: HttpRequest) -> HttpResponse:
    person = request.user
    return render(
        request,
        "incidents/index.html",
        {
            "to_work": selectors.to_work(person),
            "overdue": selectors.overdue_steps_for(person)[:20],
            "reported": selectors.reported_by(person)[:50],
            "closed": selectors.recently_closed(person)[:20],
            "is_dpo": person.has_role(*DPO),
            "breadcrumbs": [HOME, ("Incidents", None)],
        },
    )


@allow_signed_in
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    incident = get_object_or_404(Incident.objects.select_related("account", "post", "lead", "reported_by"), pk=pk)
    if not incident.can_work(request.user):
        if incident.reported_by_id != request.user.pk:
            raise Http404("No such incident")
        return render(
            request,
            "incidents/status.html",
            {"incident": incident, "breadcrumbs": _crumbs((incident.reference, None))},
        )
    hr = Incident.sees_hr_outcome(request.user)
    timeline = incident.timeline.select_related("by")
    now = timezone.now()
    return render(
        request,
        "incidents/detail.html",
        {
            "incident": incident,
            "steps": incident.steps.select_related("done_by"),
            "timeline": timeline,
            "sees_hr": hr,
            "workers": incident.workers.all(),
            "now": now,
            "clock": _clock(incident, now) if incident.is_breach else None,
            "can_stop": request.user.has_role(Role.COMMS)
            and incident.kind == Kind.ACCOUNT_COMPROMISED
            and incident.account_id
            and not incident.is_closed
            and not (incident.pause_id and incident.pause.released_at is None),
            "close_problems": services.close_problems(incident),
            "breadcrumbs": _crumbs((incident.reference, None)),
        },
    )


def _clock(incident: Incident, now: dt.datetime) -> dict:
    left = incident.ico_deadline - now
    hours = left.total_seconds() / 3600
    return {
        "deadline": incident.ico_deadline,
        "stopped": incident.ico_clock_stopped,
        "hours_left": max(0, int(hours)),
        "overdue": hours < 0,
        "hours_over": int(-hours) if hours < 0 else 0,
    }


@allow_signed_in
@require_http_methods(["GET", "POST"])
def triage(request: HttpRequest, pk: int) -> HttpResponse:
    incident = _incident(request, pk)
    initial = {"severity": incident.severity, "lead": incident.lead_id or request.user.pk}
    form = TriageForm(request.POST if request.method == "POST" else None, initial=initial)
    # Pressed twice: triaged once, and the lead and anyone brought in are emailed once.
    return _recording_page(
        request,
        incident,
        "triage",
        form,
        lambda data: services.triage_incident(
            incident,
            by=request.user,
            severity=data["severity"],
            lead=data["lead"],
            add_workers=[data["add_worker"]] if data["add_worker"] else [],
        ),
        "Triage saved",
        heading="Triage",
        button="Save",
    )


def _record_once(
    request: HttpRequest,
    incident: Incident,
    name: str,
    form: forms.BaseForm,
    action: Callable[[dict[str, Any]], object],
    done: str,
) -> HttpResponse | None:
    """A form that records something on the incident, acted on once however often it is pressed (its
    one-time key): the redirect to the incident, or None to show the form again."""

    def record_it() -> HttpResponse | None:
        if not submitted(request, form, action):
            return None
        messages.success(request, done)
        return redirect("incidents:detail", pk=incident.pk)

    if request.method != "POST":
        return None
    return submit_once(request, f"incidents:{name}:{incident.pk}", record_it)


def _recording_page(
    request: HttpRequest,
    incident: Incident,
    name: str,
    form: forms.BaseForm,
    action: Callable[[dict[str, Any]], object],
    done: str,
    *,
    heading: str,
    button: str,
    intro: str = "",
) -> HttpResponse:
    """A page whose form records one thing on the incident (_record_once), or the form (again, with its
    errors and a fresh one-time key)."""
    if sent := _record_once(request, incident, name, form, action, done):
        return sent
    return _form_page(
        request, incident, form, heading=heading, button=button, intro=intro, submission_key=key_for(request)
    )


def _form_page(
    request: HttpRequest,
    incident: Incident,
    form: forms.BaseForm,
    *,
    heading: str,
    button: str,
    intro: str = "",
    enctype: str = "",
    submission_key: str = "",
) -> HttpResponse:
    return render(
        request,
        "incidents/form.html",
        {
            "submission_key": submission_key,
            "incident": incident,
            "form": form,
            "heading": heading,
            "button": button,
            "intro": intro,
            "enctype": enctype,
            "breadcrumbs": _crumbs(
                (incident.reference, reverse("incidents:detail", args=[incident.pk])), (heading, None)
            ),
        },
    )


@allow_signed_in
@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, pk: int, step_pk: int) -> HttpResponse:
    incident = _incident(request, pk)
    step = get_object_or_404(PlaybookStep, pk=step_pk, incident=incident)
    if step.is_done:
        messages.info(request, "This step has already been ticked.")
        return redirect("incidents:detail", pk=incident.pk)
    form = StepForm(request.POST if request.method == "POST" else None)
    if submitted(request, form, lambda data: services.tick_step(step, by=request.user, **data)):
        messages.success(request, f"Step {step.position} ticked")
        return redirect("incidents:detail", pk=incident.pk)
    return _form_page(request, incident, form, heading=f"Step {step.position}: {step.text}", button="Tick this step")


@allow_signed_in
@require_http_methods(["GET", "POST"])
def note(request: HttpRequest, pk: int) -> HttpResponse:
    incident = _incident(request, pk)
    form = NoteForm(request.POST or None, request.FILES or None) if request.method == "POST" else NoteForm()

    def add_it() -> HttpResponse | None:
        if not submitted(request, form, lambda data: services.add_note(incident, by=request.user, **data)):
            return None
        messages.success(request, "Added to the timeline")
        return redirect("incidents:detail", pk=incident.pk)

    # Pressed twice: the note (and its evidence) is on the timeline once.
    if request.method == "POST" and (done := submit_once(request, f"incidents:note:{incident.pk}", add_it)):
        return done
    return _form_page(
        request,
        incident,
        form,
        heading="Add a note or evidence",
        button="Add to the timeline",
        enctype="multipart/form-data",
        submission_key=key_for(request),
    )


@allow_signed_in
def evidence(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    incident = _incident(request, pk)
    entry = get_object_or_404(TimelineEntry, pk=entry_pk, incident=incident)
    if not entry.evidence or (entry.hr_only and not Incident.sees_hr_outcome(request.user)):
        raise Http404("No file")
    services.record_evidence_downloaded(entry, by=request.user)
    response = FileResponse(entry.evidence.open("rb"), as_attachment=True, filename=entry.evidence_name or "evidence")
    response["Content-Type"] = "application/octet-stream"
    return response


@allow(Role.COMMS)
@require_POST
def stop(request: HttpRequest, pk: int) -> HttpResponse:
    incident = _incident(request, pk)
    carried_out(
        request,
        lambda: services.stop_publishing_for(incident, by=request.user),
        done=lambda stopped: (
            f"Publishing stopped on {stopped.account.display_name}. Nothing scheduled for it will go out until "
            "the communications team releases it. A credential-rotation task is open on the account."
        ),
    )
    return redirect("incidents:detail", pk=incident.pk)


@allow_signed_in
@require_http_methods(["GET", "POST"])
def breach(request: HttpRequest, pk: int) -> HttpResponse:
    incident = _incident(request, pk)
    if not incident.is_breach:
        raise Http404("Not a personal data breach")
    which = request.POST.get("form") if request.method == "POST" else None
    assess = AssessForm(
        request.POST if which == "assess" else None,
        initial={
            "data_involved": incident.data_involved,
            "people_affected": incident.people_affected,
            "risk": incident.breach_risk,
        },
        prefix="assess",
    )
    ico = IcoForm(request.POST if which == "ico" else None, prefix="ico")
    tell = TellForm(request.POST if which == "tell" else None, prefix="tell")
    form = {"assess": assess, "ico": ico, "tell": tell}.get(which)
    decisions = {
        "assess": lambda data: services.assess_breach(incident, by=request.user, **data),
        "ico": lambda data: services.decide_ico_report(incident, by=request.user, **data),
        "tell": lambda data: services.decide_telling_people(
            incident, by=request.user, decision=data["tell"], reasoning=data["tell_reasoning"]
        ),
    }

    def save_it() -> HttpResponse | None:
        if not submitted(request, form, decisions[which]):
            return None
        messages.success(request, "Saved to the breach record")
        return redirect("incidents:breach", pk=incident.pk)

    # Pressed twice: the decision is on the timeline and the audit trail once.
    if form is not None and (done := submit_once(request, f"incidents:breach:{incident.pk}:{which}", save_it)):
        return done
    return render(
        request,
        "incidents/breach.html",
        {
            "incident": incident,
            "assess": assess,
            "ico": ico,
            "tell": tell,
            "form": form,
            "clock": _clock(incident, timezone.now()),
            "submission_key": key_for(request),
            "breadcrumbs": _crumbs(
                (incident.reference, reverse("incidents:detail", args=[incident.pk])), ("Breach record", None)
            ),
        },
    )


@allow(Role.HR)
@require_http_methods(["GET", "POST"])
def hr_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    incident = _incident(request, pk)
    if incident.kind != Kind.EMPLOYEE_POST:
        raise Http404("HR outcomes are for an employee's post")
    form = HrOutcomeForm(request.POST if request.method == "POST" else None)
    return _recording_page(
        request,
        incident,
        "hr_outcome",
        form,
        lambda data: services.record_hr_outcome(incident, by=request.user, **data),
        "Outcome recorded. Only HR can read it.",
        heading="HR outcome",
        button="Record the outcome",
        intro="Only HR can read what you write here.",
    )


@allow_signed_in
@require_http_methods(["GET", "POST"])
def crime_reference(request: HttpRequest, pk: int) -> HttpResponse:
    incident = _incident(request, pk)
    if incident.kind != Kind.ABUSE_OR_THREAT:
        raise Http404("Crime references are for abuse or threats")
    form = CrimeReferenceForm(request.POST if request.method == "POST" else None)
    return _recording_page(
        request,
        incident,
        "police",
        form,
        lambda data: services.record_crime_reference(incident, by=request.user, reference=data["crime_reference"]),
        "Police referral recorded",
        heading="Police referral",
        button="Save",
    )


@allow_signed_in
@require_http_methods(["GET", "POST"])
def takedown(request: HttpRequest, pk: int) -> HttpResponse:
    incident = _incident(request, pk)
    if incident.kind != Kind.COPYRIGHT_OR_DEFAMATION:
        raise Http404("Takedown decisions are for copyright or defamation complaints")
    changing = incident.takedown_decided_at is not None
    form = TakedownForm(request.POST if request.method == "POST" else None, changing=changing)
    return _recording_page(
        request,
        incident,
        "takedown",
        form,
        lambda data: services.record_takedown_decision(
            incident,
            by=request.user,
            decision=data["takedown_decision"],
            decided_at=data["takedown_decided_at"],
            change_reason=data.get("change_reason", ""),
        ),
        "Takedown decision changed" if changing else "Takedown decision recorded",
        heading="Change the takedown decision" if changing else "Takedown decision",
        button="Change the decision" if changing else "Save",
        intro=f"The decision recorded is: {incident.takedown_decision} ({uk_datetime(incident.takedown_decided_at)}). "
        "A new decision replaces it; both stay in the timeline."
        if incident.takedown_decided_at
        else "",
    )


@allow_signed_in
@require_http_methods(["GET", "POST"])
def close(request: HttpRequest, pk: int) -> HttpResponse:
    incident = _incident(request, pk)
    if incident.is_closed:
        messages.info(request, "This incident is already closed.")
        return redirect("incidents:detail", pk=incident.pk)
    form = CloseForm(request.POST if request.method == "POST" else None)
    if submitted(request, form, lambda data: services.close_incident(incident, by=request.user, **data)):
        messages.success(request, f"Incident {incident.reference} closed")
        return redirect("incidents:detail", pk=incident.pk)
    return _form_page(
        request,
        incident,
        form,
        heading="Closing review",
        button="Close the incident",
        intro="An incident closes only once its review is written: what caused it, what worked and what will change.",
    )


@allow(*DPO)
def breach_log(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "incidents/breach_log.html",
        {"breaches": selectors.breach_log(), "now": timezone.now(), "breadcrumbs": _crumbs(("Breach log", None))},
    )


def _when(value: dt.datetime | None) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


@allow(*DPO)
# The log describes the personal data each breach involved: taking a copy is exporting personal data.
@sensitive
def breach_log_csv(request: HttpRequest) -> HttpResponse:
    breaches = list(selectors.breach_log())
    audit.record(
        actor=request.user,
        action="incident.breach_log_exported",
        object_type="incidents.incident",
        object_repr=f"The breach log: {len(breaches)} breaches as CSV",
        after={"format": "csv", "breaches": len(breaches)},
    )
    header = [
        "Reference",
        "Became aware",
        "Reported in Herald",
        "Summary",
        "Personal data involved",
        "People affected",
        "Risk",
        "ICO decision",
        "Reasons",
        "Decided by",
        "Decided at",
        "Reported to the ICO",
        "ICO reference",
        "Within 72 hours",
        "Reasons for delay",
        "People told",
        "Reasons (telling people)",
        "Status",
        "Closed",
    ]
    rows = (
        [
            b.reference,
            _when(b.aware_at),
            _when(b.reported_at),
            b.summary,
            b.data_involved,
            "" if b.people_affected is None else b.people_affected,
            b.get_breach_risk_display() if b.breach_risk else "",
            b.get_ico_decision_display() if b.ico_decision else "",
            b.ico_reasoning,
            b.ico_decided_by.full_name if b.ico_decided_by else "",
            _when(b.ico_decided_at),
            _when(b.ico_reported_at),
            b.ico_reference,
            ("yes" if b.ico_reported_at <= b.ico_deadline else "no") if b.ico_reported_at else "",
            b.late_reason,
            b.get_tell_people_display() if b.tell_people else "",
            b.tell_people_reasoning,
            b.get_status_display(),
            _when(b.closed_at),
        ]
        for b in breaches
    )
    return csv_response(f"breach-log-{timezone.localdate():%Y-%m-%d}.csv", header, rows, byte_order_mark=True)
