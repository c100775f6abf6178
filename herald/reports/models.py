"""A committee report: the author's words, the period its figures cover, and, once signed off by its
named officer, the figures, PDF and Word file frozen as they were signed."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils import timezone

from herald.figures import Period
from herald.people.models import Person


class CommitteeReportQuerySet(models.QuerySet):
    def visible_to(self, person: Person):
        from herald.people.roles import Role

        if person.has_role(Role.COMMS, Role.ADMIN):
            return self
        return self.filter(Q(officer=person) | Q(author=person))

    def awaiting_sign_off_by(self, person: Person):
        return self.filter(officer=person, status=CommitteeReport.Status.AWAITING_SIGN_OFF)


class CommitteeReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        AWAITING_SIGN_OFF = "awaiting", "Waiting for sign-off"
        SIGNED = "signed", "Signed off"

    title = models.CharField(max_length=200)
    committee = models.CharField(max_length=200)
    meeting_date = models.DateField()
    report_of = models.CharField("Report of", max_length=200, help_text="For example, Director Corporate Services.")
    period_start = models.DateField()
    period_end = models.DateField()
    officer = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="committee_reports_to_sign", verbose_name="Named officer"
    )
    author = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="committee_reports_written")
    # The narrative of each numbered section, in sanitised Markdown, keyed by section (see document.SECTIONS).
    narrative = models.JSONField(default=dict)
    checklist = models.JSONField(default=list, help_text="The corporate implications the author took into account.")
    background_papers = models.TextField(blank=True)
    contact_officer = models.CharField(max_length=200, blank=True)
    executive_member = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    signed_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    signed_at = models.DateTimeField(null=True, blank=True)
    # Frozen at sign-off: every figure as it stood, and the files as signed.
    frozen_parts = models.JSONField(default=list, blank=True)
    pdf = models.BinaryField(null=True, blank=True, editable=False)
    docx = models.BinaryField(null=True, blank=True, editable=False)
    pdf_sha256 = models.CharField(max_length=64, blank=True)

    objects = CommitteeReportQuerySet.as_manager()

    class Meta:
        ordering = ["-meeting_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")), name="report_period_in_order"
            ),
            models.CheckConstraint(
                condition=~Q(status="signed") | Q(signed_at__isnull=False, signed_by__isnull=False),
                name="signed_report_has_signatory",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.committee}, {self.meeting_date:%-d %B %Y})"

    @property
    def period(self) -> Period:
        return Period(self.period_start, self.period_end)

    @property
    def is_signed(self) -> bool:
        return self.status == self.Status.SIGNED

    def file_stem(self) -> str:
        safe = "".join(ch if ch.isalnum() else "-" for ch in self.title.lower()).strip("-")
        while "--" in safe:
            safe = safe.replace("--", "-")
        return f"{self.meeting_date:%Y-%m-%d}-{safe[:60] or 'committee-report'}"

    @staticmethod
    def default_period(today: dt.date) -> Period:
        """The twelve months to the end of last month."""
        end = today.replace(day=1) - dt.timedelta(days=1)
        start = end.replace(year=end.year - 1) + dt.timedelta(days=1)
        return Period(start, end)


class MonthlyAccountReport(models.Model):
    """A month's account report sent to one account owner: kept so each owner is sent each month once."""

    owner = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    month = models.DateField(help_text="The first day of the month reported on.")
    accounts = models.PositiveIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-month", "owner"]
        constraints = [models.UniqueConstraint(fields=["owner", "month"], name="one_account_report_per_owner_month")]

    def __str__(self) -> str:
        return f"Account report for {self.month:%B %Y} to {self.owner}"
