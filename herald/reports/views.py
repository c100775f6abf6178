from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods, require_POST

from herald.access import allow, allow_signed_in
from herald.errors import Refused
from herald.forms import carried_out, show_refusal, submitted
from herald.people.roles import Role
from herald.reports import document, output, services
from herald.reports.forms import ReportEditForm, ReportHeadingForm
from herald.reports.models import CommitteeReport
from herald.submissions import key_for, submit_once

WRITERS = (Role.COMMS, Role.ADMIN)
HOME = ("Home", "/")
REPORTS = ("Committee reports", "/reports/")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _posted(request: HttpRequest) -> QueryDict | None:
    return request.POST if request.method == "POST" else None


def _report_for(request: HttpRequest, pk: int) -> CommitteeReport:
    """A report the person may read: the communications team and admins read every report; the named
    officer and the author read theirs. Anyone else is told it does not exist."""
    report = get_object_or_404(CommitteeReport.objects.select_related("officer", "author", "signed_by"), pk=pk)
    if not CommitteeReport.objects.visible_to(request.user).filter(pk=report.pk).exists():
        raise Http404
    return report


@allow_signed_in
def index(request: HttpRequest) -> HttpResponse:
    reports = CommitteeReport.objects.visible_to(request.user).select_related("officer", "author")
    return render(
        request,
        "reports/index.html",
        {
            "reports": reports,
            "may_write": services.may_write_reports(request.user),
            "breadcrumbs": [HOME, ("Committee reports", None)],
        },
    )


@allow(*WRITERS)
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    period = CommitteeReport.default_period(timezone.localdate())
    form = ReportHeadingForm(
        _posted(request),
        initial={
            "title": "Social Media Policy and Guidelines: annual review",
            "committee": "Ethical Governance and Personnel Committee",
            "report_of": "Director Corporate Services",
            "period_start": period.start,
            "period_end": period.end,
        },
    )

    def start_it() -> HttpResponse | None:
        started = submitted(request, form, lambda data: services.start_report(**data, by=request.user))
        if not started:
            return None
        messages.success(
            request, "Report drafted from the figures for the period. Edit its words, then send it for sign-off."
        )
        return redirect("reports:detail", pk=started.result.pk)

    # Pressed twice: one draft report, not two with the same title.
    if request.method == "POST" and (done := submit_once(request, "reports:start", start_it)):
        return done
    return render(
        request,
        "reports/start.html",
        {
            "form": form,
            "submission_key": key_for(request),
            "breadcrumbs": [HOME, REPORTS, ("Start a report", None)],
        },
    )


@allow_signed_in
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_for(request, pk)
    return render(
        request,
        "reports/detail.html",
        {
            "report": report,
            "document": document.build(report),
            "council_name": settings.COUNCIL_NAME,
            "may_write": services.may_write_reports(request.user) and not report.is_signed,
            "may_sign": report.officer_id == request.user.pk and not report.is_signed,
            "breadcrumbs": [HOME, REPORTS, (report.title, None)],
        },
    )


@allow(*WRITERS)
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_for(request, pk)
    if report.is_signed:
        messages.error(request, "This report has been signed off, so it can no longer be changed.")
        return redirect("reports:detail", pk=report.pk)
    initial = {
        **{name: getattr(report, name) for name in services.EDITABLE},
        "period_start": report.period_start,
        "period_end": report.period_end,
        "officer": report.officer,
        "checklist": report.checklist,
        **{f"section_{key}": (report.narrative or {}).get(key, "") for key, _ in document.SECTIONS},
    }
    form = ReportEditForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.edit_report(
                report,
                narrative=form.narrative(),
                checklist=data["checklist"],
                period_start=data["period_start"],
                period_end=data["period_end"],
                officer=data["officer"],
                by=request.user,
                **{name: data[name] for name in services.EDITABLE},
            )
        except Refused as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, "Report saved.")
            return redirect("reports:detail", pk=report.pk)
    return render(
        request,
        "reports/edit.html",
        {
            "form": form,
            "report": report,
            "breadcrumbs": [HOME, REPORTS, (report.title, f"/reports/{report.pk}/"), ("Edit", None)],
        },
    )


@allow(*WRITERS)
@require_POST
def send(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_for(request, pk)
    carried_out(
        request,
        lambda: services.send_for_sign_off(report, by=request.user),
        done=lambda _: f"Sent to {report.officer.full_name} to sign off.",
    )
    return redirect("reports:detail", pk=report.pk)


@allow_signed_in
@require_http_methods(["GET", "POST"])
def sign(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_for(request, pk)
    if request.method == "POST":
        try:
            seen = dt.datetime.fromisoformat(request.POST.get("seen", ""))
        except ValueError:
            # Not from the sign-off page as it is now: ask for the page, so the officer sees what they sign.
            messages.error(request, "Open the report again, then sign it off from the sign-off page.")
            return redirect("reports:sign", pk=report.pk)
        carried_out(
            request,
            lambda: services.sign_off_report(report, by=request.user, seen=seen),
            done="Report signed off. It is archived with its figures and can no longer change.",
        )
        return redirect("reports:detail", pk=report.pk)
    return render(
        request,
        "reports/sign.html",
        {
            "report": report,
            "breadcrumbs": [HOME, REPORTS, (report.title, f"/reports/{report.pk}/"), ("Sign off", None)],
        },
    )


def _download(report: CommitteeReport, content: bytes, extension: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, f"{report.file_stem()}.{extension}")
    return response


@allow_signed_in
def download_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_for(request, pk)
    content = bytes(report.pdf) if report.is_signed and report.pdf else output.pdf(document.build(report))
    return _download(report, content, "pdf", "application/pdf")


@allow_signed_in
def download_docx(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_for(request, pk)
    try:
        content = bytes(report.docx) if report.is_signed and report.docx else output.docx(document.build(report))
    except output.TemplateMissing as refusal:
        # A template the settings name but the server does not have: say so on the report's page.
        messages.error(request, str(refusal))
        return redirect("reports:detail", pk=report.pk)
    return _download(report, content, "docx", DOCX_TYPE)


@allow(Role.SERVICE_MANAGER, Role.COMMS, Role.ADMIN)
def monthly_accounts(request: HttpRequest, year: int, month: int) -> HttpResponse:
    """A month's account report: a service manager sees the accounts they own; the communications
    team and admins see every account."""
    from herald.reports import monthly

    try:
        first = dt.date(year, month, 1)
    except (ValueError, OverflowError) as exc:
        raise Http404 from exc
    # The page links the months either side, so they must be real months too.
    if not dt.date(1, 2, 1) <= first <= dt.date(9999, 11, 1):
        raise Http404
    everyone = request.user.has_role(Role.COMMS, Role.ADMIN)
    owner = None if everyone else request.user
    this_month = timezone.localdate().replace(day=1)
    later = (first + dt.timedelta(days=32)).replace(day=1)
    return render(
        request,
        "reports/monthly.html",
        {
            "owner": owner,
            "month": first,
            "rows": monthly.for_owner(owner, first),
            "earlier": monthly.previous_month(first),
            "later": later if later <= this_month else None,
            "breadcrumbs": [HOME, ("Account report", None)],
        },
    )


@allow(Role.SERVICE_MANAGER, Role.COMMS, Role.ADMIN)
def monthly_latest(request: HttpRequest) -> HttpResponse:
    from herald.reports import monthly

    last = monthly.previous_month(timezone.localdate())
    return redirect("reports:monthly", year=last.year, month=last.month)
