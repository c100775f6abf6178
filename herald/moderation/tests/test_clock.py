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
    assert hours.describe() == "9am to 1pm, Monday, Wednesday, Friday, except bank holidays"
    assert HOURS.describe() == "8:45am to 5pm, Monday to Friday, except bank holidays"


# Hours that span the hour the clocks change (01:00 to 02:00 in the UK, on the last Sunday of March and
# of October): a council whose inbox is watched overnight at weekends.
NIGHTS = BusinessHours.parse("00:00-04:00 Sat-Sun")
UTC = dt.UTC
SPRING = dt.date(2027, 3, 28)  # at 01:00 GMT the clocks go forward to 02:00 BST: the night is 3 hours long
AUTUMN = dt.date(2027, 10, 31)  # at 02:00 BST the clocks go back to 01:00 GMT: the night is 5 hours long


def test_on_the_sunday_the_clocks_go_forward_the_night_has_three_business_hours():
    midnight, four = at(2027, 3, 28, 0, 0), at(2027, 3, 28, 4, 0)

    assert NIGHTS.business_minutes_between(midnight, four, closed=set()) == 3 * 60
    # two hours after midnight GMT is 02:00 UTC, which the clocks call 03:00 BST
    due = NIGHTS.deadline(midnight, 2 * 60, closed=set())
    assert due == dt.datetime(2027, 3, 28, 2, 0, tzinfo=UTC)
    assert due.astimezone(LONDON).hour == 3
    # and three hours uses the night up: the fourth is the next Saturday's first
    assert NIGHTS.deadline(midnight, 4 * 60, closed=set()) == dt.datetime(2027, 4, 3, 0, 0, tzinfo=UTC)


def test_on_the_sunday_the_clocks_go_back_the_night_has_five_business_hours():
    midnight, four = at(2027, 10, 31, 0, 0), at(2027, 10, 31, 4, 0)

    assert NIGHTS.business_minutes_between(midnight, four, closed=set()) == 5 * 60
    # two hours after midnight BST (23:00 UTC) is 01:00 UTC: the second 01:00 of the night
    due = NIGHTS.deadline(midnight, 2 * 60, closed=set())
    assert due == dt.datetime(2027, 10, 31, 1, 0, tzinfo=UTC)
    assert NIGHTS.deadline(midnight, 5 * 60, closed=set()) == dt.datetime(2027, 10, 31, 4, 0, tzinfo=UTC)


def test_a_clock_started_within_the_changing_hour_counts_real_time():
    # 01:30 BST, the first 01:30 of the autumn night, is 00:30 UTC; the night ends at 04:00 GMT
    first_half_past_one = dt.datetime(2027, 10, 31, 0, 30, tzinfo=UTC)

    assert NIGHTS.business_minutes_between(first_half_past_one, at(2027, 10, 31, 4, 0), closed=set()) == 3 * 60 + 30
    assert NIGHTS.deadline(first_half_past_one, 60, closed=set()) == dt.datetime(2027, 10, 31, 1, 30, tzinfo=UTC)


def test_the_councils_usual_hours_on_the_days_after_the_clocks_change_keep_their_length():
    for monday in (SPRING + dt.timedelta(days=1), AUTUMN + dt.timedelta(days=1)):
        opens = dt.datetime.combine(monday, dt.time(8, 45), LONDON)
        assert HOURS.business_minutes_between(opens, opens + dt.timedelta(days=1), closed=set()) == 8 * 60 + 15
