"""The subject access clock counts as the ICO says, on fixed dates (never today)."""

import datetime as dt

import pytest

from herald.consents.sar_clock import add_months, deadline

D = dt.date


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (D(2026, 9, 3), D(2026, 10, 3)),  # the ICO's own example: the same date next month
        (D(2026, 1, 31), D(2026, 2, 28)),  # no 31 February: the last day of February
        (D(2028, 1, 31), D(2028, 2, 29)),  # a leap year
        (D(2026, 1, 30), D(2026, 2, 28)),
        (D(2026, 3, 31), D(2026, 4, 30)),
        (D(2026, 12, 15), D(2027, 1, 15)),  # into the next year
        (D(2026, 8, 1), D(2026, 9, 1)),  # day one is the day of receipt, not the day after
    ],
)
def test_a_request_is_due_on_the_corresponding_date_of_the_next_month(received, due):
    assert deadline(received).due_on == due


def test_a_paused_clock_runs_from_when_the_proof_of_identity_arrived():
    # received 31 January, proof of identity asked for and received 10 February
    found = deadline(D(2026, 1, 31), restarted_on=D(2026, 2, 10))
    assert (found.starts_on, found.due_on) == (D(2026, 2, 10), D(2026, 3, 10))


def test_waiting_for_clarification_stops_the_clock_and_the_days_already_used_still_count():
    # received 15 February 2026, due 15 March; clarification asked for on 20 February and given on
    # 27 February: the clock stood still for 7 days, so it is due 22 March, not a month from 27 February
    found = deadline(D(2026, 2, 15), stopped_days=7)
    assert (found.starts_on, found.due_on) == (D(2026, 2, 15), D(2026, 3, 22))
    # and the first month, within which an extension must be decided, moves with it
    assert found.first_month_ends_on == D(2026, 3, 22)
    assert deadline(D(2026, 2, 15), stopped_days=7, extension_months=2).due_on == D(2026, 5, 22)


def test_an_extended_request_is_due_up_to_three_months_from_the_start_counted_the_same_way():
    assert deadline(D(2026, 1, 31), extension_months=2).due_on == D(2026, 4, 30)
    assert deadline(D(2026, 1, 31), extension_months=1).due_on == D(2026, 3, 31)
    # an extension must be decided within the first month
    assert deadline(D(2026, 1, 31), extension_months=2).first_month_ends_on == D(2026, 2, 28)
    with pytest.raises(ValueError):
        deadline(D(2026, 1, 31), extension_months=3)


def test_a_date_on_a_weekend_or_bank_holiday_keeps_its_due_date_and_shows_the_latest_working_day():
    # 28 February 2026 is a Saturday: still due then, the ICO allowing until Monday 2 March
    found = deadline(D(2026, 1, 31))
    assert (found.due_on, found.latest_on) == (D(2026, 2, 28), D(2026, 3, 2))
    # received 25 November 2026, due Friday 25 December (Christmas Day) with Boxing Day Monday 28 closed
    closed = {D(2026, 12, 25), D(2026, 12, 28)}
    found = deadline(D(2026, 11, 25), closed=closed)
    assert (found.due_on, found.latest_on) == (D(2026, 12, 25), D(2026, 12, 29))
    # a working day is its own latest day
    assert deadline(D(2026, 9, 2)).latest_on == D(2026, 10, 2)  # a Friday


def test_adding_months_never_overruns_a_short_month():
    assert [add_months(D(2026, 1, 31), n) for n in range(1, 4)] == [D(2026, 2, 28), D(2026, 3, 31), D(2026, 4, 30)]


@pytest.mark.parametrize(
    "received, first_month_ends, extended_to",
    [
        # ICO, Right of access: "calculate the extension as three months from the original start date"
        (D(2026, 1, 31), D(2026, 2, 28), D(2026, 4, 30)),  # not 28 April (two months after 28 February)
        (D(2026, 10, 31), D(2026, 11, 30), D(2027, 1, 31)),  # not 30 January
        (D(2027, 11, 30), D(2027, 12, 30), D(2028, 2, 29)),  # a leap February
    ],
)
def test_an_extension_runs_three_months_from_the_start_not_two_from_the_end_of_the_first(
    received, first_month_ends, extended_to
):
    found = deadline(received, extension_months=2)
    assert (found.first_month_ends_on, found.due_on) == (first_month_ends, extended_to)
