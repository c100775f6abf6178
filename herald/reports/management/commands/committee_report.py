"""Build the committee report without the web interface, from the live figures:

    python manage.py committee_report --from 2025-04-01 --to 2026-03-31 --output report.pdf

The words are the standard draft's, or a saved report's with --report ID (its frozen figures if signed)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from herald.errors import Refused
from herald.figures import Period
from herald.reports import document, output, services
from herald.reports.models import CommitteeReport


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"{text!r} is not a date: write it as YYYY-MM-DD") from exc


class Command(BaseCommand):
    help = "Write the committee report for a period as a PDF or Word file."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", help="First day the figures cover, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", help="Last day the figures cover, YYYY-MM-DD (included)")
        parser.add_argument("--output", required=True, help="The file to write: its name ends .pdf or .docx")
        parser.add_argument("--report", type=int, help="Use a saved report's words (and period, unless given)")
        parser.add_argument("--committee", default="Ethical Governance and Personnel Committee")
        parser.add_argument("--title", default="Social Media Policy and Guidelines: annual review")
        parser.add_argument("--meeting-date", dest="meeting_date", help="YYYY-MM-DD; today if not given")

    def handle(self, *args, **options):
        target = Path(options["output"])
        if target.suffix.lower() not in (".pdf", ".docx"):
            raise CommandError("--output must end in .pdf or .docx")
        if options["report"]:
            report = CommitteeReport.objects.filter(pk=options["report"]).first()
            if report is None:
                raise CommandError(f"There is no committee report {options['report']}")
            if options["start"] or options["end"]:
                if report.is_signed:
                    raise CommandError("That report is signed off: its period and figures are frozen")
                report.period_start = _date(options["start"]) if options["start"] else report.period_start
                report.period_end = _date(options["end"]) if options["end"] else report.period_end
        else:
            if not (options["start"] and options["end"]):
                raise CommandError("Give the period with --from and --to (or a saved report with --report)")
            report = self._standard_draft(options)
        if report.period_end < report.period_start:
            raise CommandError("--to must be on or after --from")
        try:
            # The web page's rules, so the command never counts figures for days that cannot have any.
            services.check_period(report.period_start, report.period_end)
        except Refused as refusal:
            raise CommandError(str(refusal)) from refusal
        laid_out = document.build(report)
        try:
            content = output.pdf(laid_out) if target.suffix.lower() == ".pdf" else output.docx(laid_out)
        except Refused as refusal:
            raise CommandError(str(refusal)) from refusal
        target.write_bytes(content)
        self.stdout.write(f"Wrote {target} ({len(content):,} bytes): figures for {laid_out.period.words}.")

    def _standard_draft(self, options):
        start, end = _date(options["start"]), _date(options["end"])
        words = Period(start, end).words
        return SimpleNamespace(
            title=options["title"],
            committee=options["committee"],
            meeting_date=_date(options["meeting_date"]) if options["meeting_date"] else timezone.localdate(),
            report_of="Director Corporate Services",
            period_start=start,
            period_end=end,
            period=Period(start, end),
            narrative={key: text.replace("{period}", words) for key, text in document.DEFAULT_NARRATIVE.items()},
            checklist=[],
            background_papers="Social Media Policy and Guidelines",
            contact_officer="",
            executive_member="",
            is_signed=False,
            signed_by=None,
            get_status_display=lambda: "Draft",
            council=settings.COUNCIL_NAME,
        )
