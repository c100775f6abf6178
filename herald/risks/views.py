"""The risk register. Readers (risk managers, information governance, service managers, HR and
ICT) see every risk; risk managers change any risk and an owner works their own."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from herald.access import allow, require
from herald.audit.models import AuditEvent
from herald.errors import Refused
from herald.forms import carried_out, submitted
from herald.navigation import Crumb
from herald.risks import selectors, services
from herald.risks.forms import AcceptForm, ActionForm, AssessForm, ControlForm, MatrixForm, ReviewForm, RiskForm
from herald.risks.models import Action, Band, Level, Risk
from herald.submissions import key_for, submit_once

HOME = ("Home", "/")
READERS = services.READERS
MANAGERS = services.MANAGERS


def _crumbs(*more: Crumb) -> list[Crumb]:
    return [HOME, ("Risk register", reverse("risks:register")), *more]


def _risk(request: HttpRequest, pk: int, *, change: bool = False) -> Risk:
    risk = get_object_or_404(Risk.objects.select_related("owner"), pk=pk)
    if change:
        require(services.can_manage(request.user, risk), "Only the risk's owner or a risk manager can change it.")
    return risk


@allow(*READERS)
def register(request: HttpRequest) -> HttpResponse:
    which = request.GET.get("scores", "current")
    if which not in ("inherent", "current", "residual"):
        which = "current"
    risks = list(Risk.objects.open().select_related("owner").prefetch_related("assessments"))
    return render(
        request,
        "risks/register.html",
        {
            "risks": risks,
            "rows": selectors.heat_map(risks, which=which),
            "which": which,
            "likelihood": selectors.level_names("likelihood"),
            "impact": selectors.level_names("impact"),
            "can_add": request.user.has_role(*MANAGERS),
            "breadcrumbs": [HOME, ("Risk register", None)],
        },
    )


@allow(*READERS)
def matrix(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "risks/matrix.html",
        {
            "levels": Level.objects.all(),
            "bands": selectors.bands(),
            "rows": selectors.heat_map([]),
            "can_change": request.user.has_role(*MANAGERS),
            "breadcrumbs": _crumbs(("Scoring matrix", None)),
        },
    )


@allow(*READERS)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    risk = _risk(request, pk)
    assessments = list(risk.assessments.select_related("by"))
    return render(
        request,
        "risks/detail.html",
        {
            "risk": risk,
            "latest": assessments[0] if assessments else None,
            "assessments": assessments,
            "evidence": selectors.live_evidence(risk),
            "actions": risk.actions.select_related("owner", "done_by"),
            "reviews": risk.reviews.select_related("by")[:10],
            "acceptance": risk.current_acceptance,
            "acceptances": risk.acceptances.select_related("approver"),
            "can_change": services.can_manage(request.user, risk),
            "can_accept": services.can_accept(request.user, risk),
            "history": AuditEvent.objects.for_object(risk)[:30],
            "breadcrumbs": _crumbs((risk.reference, None)),
        },
    )


def _page(
    request: HttpRequest,
    risk: Risk | None,
    form: forms.BaseForm,
    *,
    heading: str,
    button: str,
    submission_key: str = "",
) -> HttpResponse:
    crumbs = (
        _crumbs((risk.reference, reverse("risks:detail", args=[risk.pk])), (heading, None))
        if risk
        else _crumbs((heading, None))
    )
    return render(
        request,
        "risks/form.html",
        {
            "risk": risk,
            "form": form,
            "heading": heading,
            "button": button,
            "submission_key": submission_key,
            "breadcrumbs": crumbs,
        },
    )


def _recorded_once(
    request: HttpRequest,
    risk: Risk | None,
    form: forms.BaseForm,
    act: Callable[[dict[str, Any]], Any],
    *,
    scope: str,
    done: str | Callable[[Any], str],
    heading: str,
    button: str,
    to: Callable[[Any], str] | None = None,
) -> HttpResponse:
    """form → service → message → redirect, once per one-time key: pressing the button twice (a double
    click, a resubmitted page) records once, and the second press lands where the first one went, which
    shows what was recorded. A refused form is shown again with its key, so the corrected one is sent."""

    def record_it() -> HttpResponse | None:
        recorded = submitted(request, form, act)
        if not recorded:
            return None
        messages.success(request, done(recorded.result) if callable(done) else done)
        return redirect(to(recorded.result) if to else reverse("risks:detail", args=[risk.pk]))

    if request.method == "POST" and (sent := submit_once(request, scope, record_it)):
        return sent
    return _page(request, risk, form, heading=heading, button=button, submission_key=key_for(request))


def _risk_form(
    request: HttpRequest,
    risk: Risk,
    form_class: type[forms.Form],
    act: Callable[..., Any],
    *,
    name: str,
    done: str,
    heading: str,
    button: str,
) -> HttpResponse:
    """A page whose form records one thing on the risk: `act(risk, by=…, **the form's data)`, once per
    one-time key (scope "risks:<name>:<pk>"), back to the risk with `done`."""
    form = form_class(request.POST if request.method == "POST" else None)
    return _recorded_once(
        request,
        risk,
        form,
        lambda data: act(risk, by=request.user, **data),
        scope=f"risks:{name}:{risk.pk}",
        done=done,
        heading=heading,
        button=button,
    )


@allow(*MANAGERS)
@require_http_methods(["GET", "POST"])
def add(request: HttpRequest) -> HttpResponse:
    form = RiskForm(request.POST if request.method == "POST" else None)
    return _recorded_once(
        request,
        None,
        form,
        lambda data: services.record_risk(by=request.user, **data),
        scope="risks:add",
        done=lambda risk: f"Risk {risk.reference} recorded. Score it next.",
        to=lambda risk: reverse("risks:assess", args=[risk.pk]),
        heading="Record a risk",
        button="Save",
    )


@allow(*READERS)
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    risk = _risk(request, pk, change=True)
    initial = {name: getattr(risk, name) for name in services.RISK_FIELDS}
    form = RiskForm(request.POST if request.method == "POST" else None, initial=initial, editing=True, owner=risk.owner)
    if submitted(request, form, lambda data: services.update_risk(risk, by=request.user, **data)):
        messages.success(request, "Risk updated")
        return redirect("risks:detail", pk=risk.pk)
    return _page(request, risk, form, heading="Change the risk", button="Save")


@allow(*READERS)
@require_http_methods(["GET", "POST"])
def assess(request: HttpRequest, pk: int) -> HttpResponse:
    risk = _risk(request, pk, change=True)
    latest = risk.latest
    initial = {}
    if latest:
        for part in ("inherent", "current", "residual"):
            initial[f"{part}_likelihood"] = str(getattr(latest, f"{part}_likelihood"))
            initial[f"{part}_impact"] = str(getattr(latest, f"{part}_impact"))
    form = AssessForm(request.POST if request.method == "POST" else None, initial=initial)

    def score_it(d: dict[str, Any]) -> Any:
        try:
            return services.assess_risk(
                risk,
                by=request.user,
                inherent=(d["inherent_likelihood"], d["inherent_impact"]),
                current=(d["current_likelihood"], d["current_impact"]),
                residual=(d["residual_likelihood"], d["residual_impact"]),
                rationale=d["rationale"],
            )
        except ValidationError as exc:
            raise _on_score_fields(exc, form) from None

    return _recorded_once(
        request,
        risk,
        form,
        score_it,
        scope=f"risks:assess:{risk.pk}",
        done="Scores saved",
        heading="Score the risk",
        button="Save the scores",
    )


def _on_score_fields(exc: ValidationError, form: forms.BaseForm) -> Refused:
    """A refusal about the "current" score belongs next to the current likelihood box."""
    if not hasattr(exc, "error_dict"):
        return Refused(exc.messages)
    moved: dict[str, list[str]] = {}
    for field, errors in exc.error_dict.items():
        target = field if field in form.fields else f"{field}_likelihood"
        moved.setdefault(target if target in form.fields else NON_FIELD_ERRORS, []).extend(e.message for e in errors)
    return Refused(moved)


@allow(*READERS)
@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, pk: int) -> HttpResponse:
    return _risk_form(
        request,
        _risk(request, pk, change=True),
        ReviewForm,
        services.review_risk,
        name="review",
        done="Review recorded",
        heading="Review the risk",
        button="Record the review",
    )


@allow(*READERS)
@require_http_methods(["GET", "POST"])
def action_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _risk_form(
        request,
        _risk(request, pk, change=True),
        ActionForm,
        services.add_action,
        name="action_add",
        done="Action added",
        heading="Add an action",
        button="Add the action",
    )


@allow(*READERS)
@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    """Change an action's wording, owner or due date: whoever may change the risk, while it is not done."""
    risk = _risk(request, pk, change=True)
    action = get_object_or_404(Action.objects.select_related("owner"), pk=action_pk, risk=risk)
    require(action.done_at is None, "This action is done, so it stays as it was done: add a new action instead.")
    initial = {"description": action.description, "owner": action.owner, "due_on": action.due_on}
    form = ActionForm(request.POST if request.method == "POST" else None, initial=initial, owner=action.owner)
    if submitted(request, form, lambda data: services.change_action(action, by=request.user, **data)):
        messages.success(request, "Action changed")
        return redirect("risks:detail", pk=risk.pk)
    return _page(request, risk, form, heading="Change the action", button="Save the action")


@allow(*READERS)
@require_POST
def action_done(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    risk = _risk(request, pk)
    action = get_object_or_404(Action, pk=action_pk, risk=risk)
    require(
        services.can_manage(request.user, risk) or action.owner_id == request.user.pk,
        "Only the action's owner, the risk's owner or a risk manager can complete it.",
    )
    carried_out(request, lambda: services.complete_action(action, by=request.user), done="Action done")
    return redirect("risks:detail", pk=risk.pk)


@allow(*READERS)
@require_http_methods(["GET", "POST"])
def accept(request: HttpRequest, pk: int) -> HttpResponse:
    risk = _risk(request, pk, change=True)
    # The owner is told on opening the page, not after filling it in.
    require(services.can_accept(request.user, risk), f"{services.OWNER_MAY_NOT_ACCEPT}.")
    return _risk_form(
        request,
        risk,
        AcceptForm,
        services.accept_risk,
        name="accept",
        done="Risk accepted",
        heading="Accept the risk",
        button="Accept the risk",
    )


@allow(*READERS)
@require_http_methods(["GET", "POST"])
def control_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _risk_form(
        request,
        _risk(request, pk, change=True),
        ControlForm,
        services.add_control,
        name="control_add",
        done="Control added",
        heading="Add live control evidence",
        button="Add the control",
    )


@allow(*MANAGERS)
@require_http_methods(["GET", "POST"])
def matrix_change(request: HttpRequest) -> HttpResponse:
    """A council's own matrix: level names and meanings, and the bands with their colours."""
    form = MatrixForm(
        request.POST if request.method == "POST" else None, levels=Level.objects.all(), bands=Band.objects.all()
    )

    def change_it() -> HttpResponse | None:
        if not submitted(
            request,
            form,
            lambda data: services.change_matrix(by=request.user, levels=form.levels(), bands=form.bands()),
        ):
            return None
        messages.success(request, "Scoring matrix saved. Scores already given keep the matrix they were given under.")
        return redirect("risks:matrix")

    # Pressed twice: the matrix is changed once, with one entry in the audit trail.
    if request.method == "POST" and (done := submit_once(request, "risks:matrix_change", change_it)):
        return done
    return render(
        request,
        "risks/matrix_form.html",
        {
            "form": form,
            "submission_key": key_for(request),
            "axes": [
                (label, [(form[f"{axis}_{v}_name"], form[f"{axis}_{v}_description"]) for v in range(1, 6)])
                for axis, label in (("likelihood", "Likelihood"), ("impact", "Impact"))
            ],
            "band_rows": [
                [form[f"band_{n}_{part}"] for part in ("name", "min", "max", "colour", "text")] for n in range(1, 6)
            ],
            "breadcrumbs": _crumbs(("Scoring matrix", reverse("risks:matrix")), ("Change the matrix", None)),
        },
    )
