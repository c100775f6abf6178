"""Every change to a committee report: start it, edit its words, send it to its named officer, and
sign it off. Signing freezes the figures and the files: the archived report never changes again."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from herald.audit import services as audit
from herald.errors import Refused
from herald.figures import Period
from herald.notifications import notify
from herald.people.models import Person
from herald.people.roles import Role
from herald.reports import document, output
from herald.reports.models import CommitteeReport, MonthlyAccountReport

EDITABLE = (
    "title",
    "committee",
    "meeting_date",
    "report_of",
    "background_papers",
    "contact_officer",
    "executive_member",
)
LONGEST_PERIOD_DAYS = 3 * 366


def _link(report: CommitteeReport) -> str:
    return settings.SITE_URL + reverse("reports:detail", kwargs={"pk": report.pk})


def may_write_reports(person: Person) -> bool:
    return person.has_role(Role.COMMS, Role.ADMIN)


def check_period(start: dt.date, end: dt.date) -> None:
    if end < start:
        raise Refused("The end of the period must be on or after its start", field="period_end")
    # Figures are counted for days that have happened: a period starting later has none, and one at
    # the end of the calendar cannot be counted at all.
    if start > timezone.localdate():
        raise Refused("The figures cannot start on a day that has not happened yet", field="period_start")
    if (end - start).days > LONGEST_PERIOD_DAYS:
        raise Refused("A report covers at most three years: choose a shorter period", field="period_start")


def start_report(
    *,
    title: str,
    committee: str,
    meeting_date: dt.date,
    report_of: str,
    period_start: dt.date,
    period_end: dt.date,
    officer: Person,
    by: Person,
) -> CommitteeReport:
    """Draft a report in the seed's structure, with the standard wording the author then edits."""
    if not may_write_reports(by):
        raise Refused("Only the communications team starts committee reports")
    check_period(period_start, period_end)
    if not officer.is_active:
        raise Refused("The named officer has left the council: choose someone else", field="officer")
    period_words = Period(period_start, period_end).words
    narrative = {key: text.replace("{period}", period_words) for key, text in document.DEFAULT_NARRATIVE.items()}
    with transaction.atomic():
        report = CommitteeReport.objects.create(
            title=title.strip(),
            committee=committee.strip(),
            meeting_date=meeting_date,
            report_of=report_of.strip(),
            period_start=period_start,
            period_end=period_end,
            officer=officer,
            author=by,
            narrative=narrative,
            checklist=[],
            contact_officer=by.full_name,
        )
        audit.record(
            actor=by, action="report.started", obj=report, after=audit.snapshot(report, exclude=("pdf", "docx"))
        )
    return report


def _require_draft(report: CommitteeReport) -> None:
    if report.is_signed:
        raise Refused("This report has been signed off: it is archived as signed and can no longer change")


def edit_report(
    report: CommitteeReport,
    *,
    narrative: dict[str, str],
    checklist: list[str],
    period_start: dt.date,
    period_end: dt.date,
    officer: Person,
    by: Person,
    **fields: Any,
) -> CommitteeReport:
    """Change the words, the period or the named officer. The figures are never typed: they are
    recomputed for the period. A report waiting for sign-off goes back to draft, so the officer never
    signs words they were not sent."""
    if not may_write_reports(by):
        raise Refused("Only the communications team edits committee reports")
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    check_period(period_start, period_end)
    if not officer.is_active:
        raise Refused("The named officer has left the council: choose someone else", field="officer")
    known_sections = {key for key, _ in document.SECTIONS}
    known_items = {key for key, _ in document.CHECKLIST}
    with transaction.atomic():
        report = CommitteeReport.objects.select_for_update().get(pk=report.pk)
        _require_draft(report)
        before = audit.snapshot(report, exclude=("pdf", "docx", "frozen_parts"))
        report.narrative = {key: (narrative.get(key) or "").strip() for key in known_sections}
        # The standard words name the period ("from 1 April 2025 to 31 March 2026"): a new period puts its
        # own dates wherever the old period's stand, so the words and the figures never disagree.
        was, now = report.period.words, Period(period_start, period_end).words
        if was != now:
            report.narrative = {key: text.replace(was, now) for key, text in report.narrative.items()}
        report.checklist = [item for item in checklist if item in known_items]
        report.period_start, report.period_end, report.officer = period_start, period_end, officer
        for name, value in fields.items():
            setattr(report, name, value.strip() if isinstance(value, str) else value)
        report.updated_at = timezone.now()
        if report.status == CommitteeReport.Status.AWAITING_SIGN_OFF:
            report.status = CommitteeReport.Status.DRAFT
        report.save()
        audit.record(
            actor=by,
            action="report.edited",
            obj=report,
            before=before,
            after=audit.snapshot(report, exclude=("pdf", "docx", "frozen_parts")),
        )
    return report


def send_for_sign_off(report: CommitteeReport, *, by: Person) -> CommitteeReport:
    """Ask the named officer to sign the report off; they are emailed a link."""
    if not may_write_reports(by):
        raise Refused("Only the communications team sends committee reports for sign-off")
    with transaction.atomic():
        report = CommitteeReport.objects.select_for_update().select_related("officer").get(pk=report.pk)
        _require_draft(report)
        if report.status == CommitteeReport.Status.AWAITING_SIGN_OFF:
            raise Refused(f"This report is already waiting for {report.officer.full_name} to sign it off")
        if not report.officer.is_active:
            raise Refused(
                f"The named officer, {report.officer.full_name}, has left the council: "
                "edit the report to name someone else, then send it"
            )
        report.status = CommitteeReport.Status.AWAITING_SIGN_OFF
        report.save(update_fields=["status"])
        audit.record(
            actor=by, action="report.sent_for_sign_off", obj=report, after={"officer": report.officer.full_name}
        )
        notify(
            "committee_report_to_sign", to=[report.officer], context={"report": report, "by": by, "link": _link(report)}
        )
    return report


def sign_off_report(report: CommitteeReport, *, by: Person, seen: dt.datetime | None = None) -> CommitteeReport:
    """The named officer signs the report off. The figures are computed one last time and frozen with
    the PDF and the Word file exactly as signed; the PDF's SHA-256 goes into the audit trail.

    `seen` is when the report had last changed as the officer opened it (the sign-off page sends it):
    words changed since then are not signed unread."""
    with transaction.atomic():
        report = CommitteeReport.objects.select_for_update().select_related("officer").get(pk=report.pk)
        _require_draft(report)
        if report.officer_id != by.pk:
            raise Refused(f"Only the report's named officer, {report.officer.full_name}, can sign it off")
        if seen is not None and report.updated_at != seen:
            raise Refused(
                "The report has changed since you opened it: read it again, then sign it off from the new version"
            )
        parts = document.gather(report.period)
        report.status = CommitteeReport.Status.SIGNED
        report.signed_by = by
        report.signed_at = timezone.now()
        report.frozen_parts = [part.as_dict() for part in parts]
        laid_out = document.build(report, parts)
        report.pdf = output.pdf(laid_out)
        report.docx = output.docx(laid_out)
        report.pdf_sha256 = hashlib.sha256(report.pdf).hexdigest()
        report.save()
        audit.record(
            actor=by,
            action="report.signed_off",
            obj=report,
            after={"pdf_sha256": report.pdf_sha256, "period": report.period.words, "parts": len(parts)},
        )
    return report


def send_monthly_account_reports(month: dt.date) -> int:
    """Email each account owner the month's report on their accounts, with it as a PDF. An owner
    already sent that month's report is skipped, so the daily task can run as often as it likes."""
    from herald.reports import monthly

    sent = 0
    for owner in monthly.owners(month):
        if MonthlyAccountReport.objects.filter(owner=owner, month=month).exists():
            continue
        rows = monthly.for_owner(owner, month)
        if not rows:
            continue
        content = monthly.pdf(owner, month, rows)
        with transaction.atomic():
            _, created = MonthlyAccountReport.objects.get_or_create(
                owner=owner, month=month, defaults={"accounts": len(rows)}
            )
            if not created:
                continue
            link = settings.SITE_URL + reverse("reports:monthly", kwargs={"year": month.year, "month": month.month})
            notify(
                "monthly_account_report",
                to=[owner],
                context={"owner": owner, "month": month, "rows": rows, "link": link},
                attachments=[(f"account-report-{month:%Y-%m}.pdf", content, "application/pdf")],
            )
            audit.record(
                actor=None,
                action="report.monthly_account_report_sent",
                obj=owner,
                after={"month": month.isoformat(), "accounts": len(rows)},
            )
        sent += 1
    return sent
