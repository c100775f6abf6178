"""The statutory clock of a subject access request (UK GDPR Article 12(3)), as the ICO says to count it.

The ICO's guidance on the right of access ("How long do we have to comply?", ico.org.uk, Right of access
guidance, and its SAR checklist for SMEs, https://ico.org.uk/global/sar-checklist-for-smes/i-need-to-complete-a-sar):

- the month runs from the day the request is received, whether a working day or not, to the
  corresponding calendar date of the next month (received 3 September: due 3 October);
- when the next month has no such date, the last day of that month (received 31 January: due 28
  February, or 29 in a leap year);
- when the council asked for proof of identity, the month runs from the day that arrived instead
  (under the Data (Use and Access) Act 2025 the time starts when the identity is confirmed);
- when the council asked for clarification of what is wanted, the ICO's guidance ("Can we clarify the
  request?": the council may "stop the clock" while it waits) and the 2025 Act say the time does not run
  from the day it was asked for until the day the answer arrived: the clock stops and then carries on,
  the days already used still counting, so the due date moves later by exactly the days it stood
  still (due 15 March, clarification asked for 20 February and given 27 February: due 22 March). It is
  not a fresh month;
- a complex request may be extended by up to two further months, within the first month, telling the
  requester why: it is then due three months from the start, counted the same way. The ICO's words
  ("Can we extend the time for a response?", ico.org.uk, Right of access, "What should we consider when
  responding to a request?"): "You should calculate the extension as three months from the original start
  date, ie the day you receive the request, fee or other requested information". So it is three months
  from the start, not two more months from the end of the first: received 31 January, the first month
  ends 28 February and the extended date is 30 April (no 31 April: the last day of April), not 28 April;
- the same guidance says that if the date falls on a weekend or a public holiday the council has until
  the next working day. Herald shows that day as the latest the ICO allows, but reminds the DPO against
  the calendar date, which is always in time.

Pure date arithmetic: no Django, no today. The caller passes the council's closed days."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Container
from dataclasses import dataclass

MAX_EXTENSION_MONTHS = 2


def add_months(day: dt.date, months: int) -> dt.date:
    """The corresponding calendar date `months` later, or the last day of that month if it has none."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_working_day(day: dt.date, closed: Container[dt.date] = frozenset()) -> dt.date:
    """`day` itself if the council works then, else the next day it does (weekends and `closed` skipped)."""
    while day.weekday() >= 5 or day in closed:
        day += dt.timedelta(days=1)
    return day


@dataclass(frozen=True)
class Deadline:
    starts_on: dt.date  # the day the month runs from: receipt, or when the identity or clarification came
    first_month_ends_on: dt.date  # an extension must be decided by this day
    due_on: dt.date  # the statutory date: one month (or, extended, up to three) from the start, plus stopped days
    latest_on: dt.date  # due_on, or the next working day when it falls on a weekend or bank holiday


def deadline(
    received_on: dt.date,
    *,
    restarted_on: dt.date | None = None,
    stopped_days: int = 0,
    extension_months: int = 0,
    closed: Container[dt.date] = frozenset(),
) -> Deadline:
    """`restarted_on`: the day proof of identity arrived (the month runs from it); `stopped_days`: the days
    the clock stood still waiting for clarification since then (they move every date later)."""
    if not 0 <= extension_months <= MAX_EXTENSION_MONTHS:
        raise ValueError(f"A request may be extended by at most {MAX_EXTENSION_MONTHS} months")
    if stopped_days < 0:
        raise ValueError("The clock cannot stand still for fewer than no days")
    starts_on = max(received_on, restarted_on) if restarted_on else received_on
    stopped = dt.timedelta(days=stopped_days)
    due_on = add_months(starts_on, 1 + extension_months) + stopped
    return Deadline(starts_on, add_months(starts_on, 1) + stopped, due_on, next_working_day(due_on, closed))
