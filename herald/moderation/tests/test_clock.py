"""The response clock in business hours (no database)."""

import datetime as dt
from zoneinfo import ZoneInfo

from herald.moderation.clock import BusinessHours

LONDON = ZoneInfo("Europe/London")
HOURS = BusinessHours.parse("08:45-17:00 Mon-Fri")


def at(*args):
    return dt.datetime(*args, tzinfo=LONDON)


def test_a_comment_late_on_friday_is_due_on_monday_morning():
    due = HOURS.deadline(at(2026, 12, 4, 16, 30), 4 * 60, closed=set())

    assert due.astimezone(LONDON) == at(2026, 12, 7, 12, 15)


def test_a_comment_at_night_starts_its_clock_when_the_council_opens():
    due = HOURS.deadline(at(2026, 12, 8, 22, 0), 60, closed=set())

    assert due.astimezone(LONDON) == at(2026, 12, 9, 9, 45)


def test_bank_holidays_and_closure_days_do_not_count():
    christmas = {dt.date(2026, 12, 25), dt.date(2026, 12, 28)}

    due = HOURS.deadline(at(2026, 12, 24, 16, 0), 2 * 60, closed=christmas)

    assert due.astimezone(LONDON) == at(2026, 12, 29, 9, 45)


def test_business_minutes_count_only_open_time():
    assert HOURS.business_minutes_between(at(2026, 12, 4, 16, 0), at(2026, 12, 7, 10, 0), closed=set()) == 60 + 75


def test_out_of_hours_is_outside_the_day_or_on_a_closed_day():
    assert HOURS.is_open(at(2026, 12, 8, 10, 0), closed=set())
    assert not HOURS.is_open(at(2026, 12, 8, 17, 0), closed=set())
    assert not HOURS.is_open(at(2026, 12, 5, 10, 0), closed=set())  # a Saturday
    assert not HOURS.is_open(at(2026, 12, 8, 10, 0), closed={dt.date(2026, 12, 8)})


def test_hours_are_configurable_and_described_in_plain_words():
    hours = BusinessHours.parse("09:00-13:00 Mon,Wed,Fri")

    assert hours.weekdays == frozenset({0, 2, 4})
    assert hours.describe() == "09:00 to 13:00, Monday, Wednesday, Friday, except bank holidays"
    assert HOURS.describe() == "08:45 to 17:00, Monday to Friday, except bank holidays"
