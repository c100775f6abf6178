"""The electoral calendar: when the notice of election must be published at the latest.

Pure Python, no Django, so it can be tested and reasoned about on its own. The holiday source is
passed in: by default the England and Wales list bundled with `govuk-bank-holidays` (no network),
in tests anything with the same shape.

The rule (Local Elections (Principal Areas) (England and Wales) Rules 2006 and the Electoral
Commission's guidance): the notice of election is published not later than the 25th working day
before the poll. A working day is any day except a Saturday, a Sunday, Christmas Eve, Christmas Day,
Good Friday, a bank holiday in England and Wales, and a day appointed for public thanksgiving or
mourning. Maundy Thursday stopped counting as a non-working day in 2007.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Protocol

NOTICE_WORKING_DAYS = 25
ONE_DAY = dt.timedelta(days=1)


class HolidaySource(Protocol):
    """Where bank holidays come from: the named holidays, and the years the list is known for."""

    first_year: int
    last_year: int

    def holidays(self) -> Mapping[dt.date, str]: ...


@dataclass(frozen=True)
class FixedHolidays:
    """A holiday source from a plain mapping; the years covered default to those it mentions."""

    named: Mapping[dt.date, str]
    first_year: int = 0
    last_year: int = 0

    def __post_init__(self) -> None:
        years = [day.year for day in self.named] or [dt.datetime.now(dt.UTC).year]
        if not self.first_year:
            object.__setattr__(self, "first_year", min(years))
        if not self.last_year:
            object.__setattr__(self, "last_year", max(years))

    def holidays(self) -> Mapping[dt.date, str]:
        return self.named


@cache
def england_and_wales_bank_holidays() -> FixedHolidays:
    """The bank holidays in England and Wales bundled with `govuk-bank-holidays` (never downloaded)."""
    from govuk_bank_holidays.bank_holidays import BankHolidays

    source = BankHolidays(use_cached_holidays=True)
    named = {}
    for holiday in source.get_holidays(division=BankHolidays.ENGLAND_AND_WALES):
        title = holiday["title"].replace("\u2019", "'")
        notes = (holiday.get("notes") or "").strip()
        named[holiday["date"]] = f"{title} ({notes.lower()})" if notes else title
    return FixedHolidays(named)


def long_date(day: dt.date) -> str:
    """'Tuesday 26 March 2024', the GOV.UK style."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday in the Gregorian calendar (the anonymous algorithm, valid for any year)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


@dataclass(frozen=True)
class SkippedDay:
    date: dt.date
    reasons: tuple[str, ...]

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)


@dataclass(frozen=True)
class NoticeDeadline:
    """The answer for one poll date: the latest notice date and why each other day did not count."""

    poll_date: dt.date
    latest_notice_date: dt.date
    working_days: int
    skipped: tuple[SkippedDay, ...]
    # Years in the counted window for which the bank-holiday list has no data.
    unknown_years: tuple[int, ...] = field(default=())

    @property
    def is_certain(self) -> bool:
        return not self.unknown_years

    @property
    def warnings(self) -> list[str]:
        if not self.unknown_years:
            return []
        years = " and ".join(str(year) for year in self.unknown_years)
        return [
            f"Herald's list of bank holidays does not cover {years}, so any bank holiday in {years} "
            "(other than Good Friday, Christmas Eve and Christmas Day) has been counted as a working day. "
            "The real latest date may be earlier: check it against gov.uk/bank-holidays and add any "
            "missing bank holiday as a council-added non-working day."
        ]


def non_working_reasons(
    day: dt.date, *, bank_holidays: Mapping[dt.date, str], extra_days: Mapping[dt.date, str]
) -> tuple[str, ...]:
    """Why `day` is not a working day under the election rules; empty if it is one."""
    reasons: list[str] = []
    if day.weekday() == 5:
        reasons.append("Saturday")
    elif day.weekday() == 6:
        reasons.append("Sunday")
    statutory = ""
    if day.month == 12 and day.day == 24:
        statutory = "Christmas Eve"
    elif day.month == 12 and day.day == 25:
        statutory = "Christmas Day"
    elif day == easter_sunday(day.year) - 2 * ONE_DAY:
        statutory = "Good Friday"
    if statutory:
        reasons.append(statutory)
    bank_holiday = bank_holidays.get(day)
    # Christmas Day and Good Friday are bank holidays too: name them once.
    if bank_holiday and bank_holiday != statutory:
        reasons.append(f"Bank holiday: {bank_holiday}")
    if day in extra_days:
        reasons.append(f"Council-added day: {extra_days[day]}")
    return tuple(reasons)


def latest_notice_date(
    poll_date: dt.date,
    *,
    holidays: HolidaySource | None = None,
    extra_days: Mapping[dt.date, str] | None = None,
    working_days: int = NOTICE_WORKING_DAYS,
) -> NoticeDeadline:
    """Count back `working_days` working days before the poll (the poll day itself not counted)."""
    source = holidays if holidays is not None else england_and_wales_bank_holidays()
    bank_holidays = source.holidays()
    extra = extra_days or {}
    skipped: list[SkippedDay] = []
    counted = 0
    day = poll_date
    while counted < working_days:
        day -= ONE_DAY
        reasons = non_working_reasons(day, bank_holidays=bank_holidays, extra_days=extra)
        if reasons:
            skipped.append(SkippedDay(day, reasons))
        else:
            counted += 1
    window_years = range(day.year, poll_date.year + 1)
    unknown = tuple(year for year in window_years if year < source.first_year or year > source.last_year)
    return NoticeDeadline(
        poll_date=poll_date,
        latest_notice_date=day,
        working_days=working_days,
        skipped=tuple(reversed(skipped)),
        unknown_years=unknown,
    )


def working_days_after(
    start: dt.date,
    working_days: int,
    *,
    holidays: HolidaySource | None = None,
    extra_days: Mapping[dt.date, str] | None = None,
    christmas_eve_counts: bool = False,
) -> dt.date:
    """The `working_days`th working day after `start` (`start` itself not counted), by the same rule
    as the notice of election; `christmas_eve_counts` for the Freedom of Information Act's rule
    (section 10(6): Christmas Eve is a working day there, unless it falls at a weekend)."""
    source = holidays if holidays is not None else england_and_wales_bank_holidays()
    bank_holidays = source.holidays()
    extra = extra_days or {}
    day = start
    counted = 0
    while counted < working_days:
        day += ONE_DAY
        reasons = non_working_reasons(day, bank_holidays=bank_holidays, extra_days=extra)
        if christmas_eve_counts:
            reasons = tuple(reason for reason in reasons if reason != "Christmas Eve")
        if not reasons:
            counted += 1
    return day
