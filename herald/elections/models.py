from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import F, Q

from herald.elections.calendar import england_and_wales_bank_holidays, long_date


class NonWorkingDayQuerySet(models.QuerySet):
    def as_mapping(self) -> dict[dt.date, str]:
        return {day.date: day.label for day in self}


class NonWorkingDay(models.Model):
    """A day the council adds to the election calendar: a day appointed for public thanksgiving or
    mourning, or a bank holiday that the bundled list does not know about yet."""

    class Kind(models.TextChoices):
        MOURNING = "mourning", "Day of public mourning"
        THANKSGIVING = "thanksgiving", "Day of public thanksgiving"
        BANK_HOLIDAY = "bank_holiday", "Bank holiday missing from Herald's list"

    date = models.DateField(unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    description = models.CharField(max_length=200)
    added_by = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    objects = NonWorkingDayQuerySet.as_manager()

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{long_date(self.date)}: {self.label}"

    @property
    def label(self) -> str:
        return f"{self.get_kind_display()} ({self.description})"


class ElectionQuerySet(models.QuerySet):
    def current(self):
        """Not cancelled."""
        return self.filter(cancelled_at=None)

    def in_period_on(self, day: dt.date):
        return self.current().filter(period_starts_on__lte=day, period_ends_on__gte=day)

    def upcoming(self, today: dt.date):
        """Still to come or under way: the period has not ended."""
        return self.current().filter(period_ends_on__gte=today)

    def past(self, today: dt.date):
        return self.current().filter(period_ends_on__lt=today)

    def notice_due(self, today: dt.date):
        """In their period today and the staff notice not yet sent."""
        return self.in_period_on(today).filter(notice_sent_at=None)


class Election(models.Model):
    """One poll in the council's area, and the pre-election period it brings."""

    class Kind(models.TextChoices):
        BOROUGH = "borough", "Borough council elections"
        BY_ELECTION = "by_election", "Borough council by-election"
        COUNTY = "county", "County council elections"
        PARLIAMENTARY = "parliamentary", "UK Parliament general election"
        PARLIAMENTARY_BY_ELECTION = "parliamentary_by_election", "UK Parliament by-election"
        PCC = "pcc", "Police and Crime Commissioner election"
        PARISH = "parish", "Parish council elections or by-election"
        REFERENDUM = "referendum", "Referendum"
        OTHER = "other", "Other poll"

    class Scope(models.TextChoices):
        WHOLE_COUNCIL = "whole_council", "The whole council area"
        WARDS = "wards", "Named wards only"

    class PeriodEnd(models.TextChoices):
        CLOSE_OF_POLL = "close_of_poll", "At the close of poll (10pm on polling day)"
        DECLARATION = "declaration", "When the result is declared"

    kind = models.CharField(max_length=32, choices=Kind.choices)
    name = models.CharField(max_length=160, blank=True, help_text="Leave blank to use the type and year.")
    poll_date = models.DateField()
    scope = models.CharField(max_length=16, choices=Scope.choices, default=Scope.WHOLE_COUNCIL)
    wards = models.JSONField(default=list, blank=True)
    notice_published_on = models.DateField(null=True, blank=True)
    late_notice_confirmed = models.BooleanField(default=False)
    period_end = models.CharField(max_length=16, choices=PeriodEnd.choices, default=PeriodEnd.CLOSE_OF_POLL)
    declaration_on = models.DateField(null=True, blank=True)

    # Worked out by the services from the fields above and the calendar, kept for querying.
    latest_notice_on = models.DateField()
    period_starts_on = models.DateField()
    period_ends_on = models.DateField()

    notice_sent_at = models.DateTimeField(null=True, blank=True)
    notice_recipients = models.PositiveIntegerField(default=0)
    # The poll date the last staff notice gave, kept when the date is corrected afterwards: the word that
    # the period is off quotes what staff were told.
    notice_poll_date = models.DateField(null=True, blank=True)
    # When a notice went out with dates since corrected (the poll date or the start of the period):
    # the notice is then due again, and the corrected one says which it replaces.
    superseded_notice_sent_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_reason = models.TextField(blank=True)
    # When staff who had the notice were told that the cancelled period is off.
    cancellation_notice_sent_at = models.DateTimeField(null=True, blank=True)
    cancellation_notice_recipients = models.PositiveIntegerField(default=0)
    recorded_by = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ElectionQuerySet.as_manager()

    class Meta:
        ordering = ["-poll_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_starts_on__lt=F("poll_date")), name="election_period_starts_before_poll"
            ),
            models.CheckConstraint(
                condition=Q(period_ends_on__gte=F("poll_date")), name="election_period_ends_on_or_after_poll"
            ),
            models.CheckConstraint(
                condition=Q(period_end="close_of_poll", declaration_on=None)
                | Q(period_end="declaration", declaration_on__gte=F("poll_date")),
                name="election_declaration_date_matches_period_end",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        if self.name:
            return self.name
        base = f"{self.get_kind_display()} {self.poll_date.year}"
        if self.scope == self.Scope.WARDS and self.wards:
            return f"{base}: {self.area_text}"
        return base

    @property
    def is_whole_council(self) -> bool:
        return self.scope == self.Scope.WHOLE_COUNCIL

    @property
    def area_text(self) -> str:
        if self.is_whole_council:
            return "the whole council area"
        wards = list(self.wards)
        if len(wards) == 1:
            return f"{wards[0]} ward"
        return ", ".join(wards[:-1]) + f" and {wards[-1]} wards"

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def last_notice_sent_at(self) -> dt.datetime | None:
        """When staff were last told of this period, by the notice or by one since corrected."""
        return self.notice_sent_at or self.superseded_notice_sent_at

    def staff_told_of_period_still_to_run(self, day: dt.date) -> bool:
        """Staff were told of this period and it has not ended by `day`: cancelling it tells them it is off."""
        return self.last_notice_sent_at is not None and self.period_ends_on >= day

    @property
    def bank_holidays_unknown(self) -> bool:
        """True when the bundled bank-holiday list stops before the poll, so the latest notice date
        was counted with weekends, Christmas and Good Friday only and must be checked by hand."""
        source = england_and_wales_bank_holidays()
        return not (source.first_year <= self.latest_notice_on.year and self.poll_date.year <= source.last_year)

    @property
    def notice_is_late(self) -> bool:
        return self.notice_published_on is not None and self.notice_published_on > self.latest_notice_on

    @property
    def period_end_text(self) -> str:
        if self.period_end == self.PeriodEnd.DECLARATION and self.declaration_on:
            return f"when the result is declared ({long_date(self.declaration_on)})"
        return f"at the close of poll, 10pm on {long_date(self.poll_date)}"

    def covers(self, day: dt.date) -> bool:
        return not self.is_cancelled and self.period_starts_on <= day <= self.period_ends_on
