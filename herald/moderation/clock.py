"""The response-time clock, counted in the council's business hours (pure Python, no Django).

A comment that arrives at 16:30 on a Friday with a four-hour target is due at 12:15 on Monday when the
council works 08:45 to 17:00, Monday to Friday; bank holidays and the council's own closure days do not
count. Whether a moment is out of hours is the same question asked of one moment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from herald.dates import uk_time


@dataclass(frozen=True)
class BusinessHours:
    opens: dt.time = dt.time(8, 45)
    closes: dt.time = dt.time(17, 0)
    weekdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})  # Monday is 0
    zone: str = "Europe/London"

    @classmethod
    def parse(cls, text: str, *, zone: str = "Europe/London") -> BusinessHours:
        """From "08:45-17:00 Mon-Fri" (or "Mon,Tue,Thu"); a blank text gives the default."""
        if not text.strip():
            return cls(zone=zone)
        names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        times, _, days = text.strip().partition(" ")
        start, _, end = times.partition("-")
        weekdays: set[int] = set()
        for part in (days or "mon-fri").lower().replace(" ", "").split(","):
            first, _, last = part.partition("-")
            a = names.index(first[:3])
            b = names.index(last[:3]) if last else a
            weekdays.update(range(a, b + 1))
        return cls(
            opens=dt.time.fromisoformat(start),
            closes=dt.time.fromisoformat(end),
            weekdays=frozenset(weekdays),
            zone=zone,
        )

    def is_working_day(self, day: dt.date, closed: Container[dt.date]) -> bool:
        return day.weekday() in self.weekdays and day not in closed

    def is_open(self, at: dt.datetime, closed: Container[dt.date]) -> bool:
        local = at.astimezone(ZoneInfo(self.zone))
        return self.is_working_day(local.date(), closed) and self.opens <= local.time() < self.closes

    def open_span(self, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
        """When the council opens and closes on `day`, as moments in UTC. The times are read on the
        council's clock that day, so on the Sundays the clocks change an opening day that spans 01:00
        to 02:00 is an hour shorter (March) or longer (October); subtracting or adding time is done in
        UTC, where every hour is an hour. A time the clocks skip is read with the offset in force before
        the change (01:30 on the March Sunday is 02:30 BST)."""
        zone = ZoneInfo(self.zone)
        return (
            dt.datetime.combine(day, self.opens, zone).astimezone(dt.UTC),
            dt.datetime.combine(day, self.closes, zone).astimezone(dt.UTC),
        )

    def deadline(self, start: dt.datetime, minutes: int, closed: Container[dt.date]) -> dt.datetime:
        """The moment `minutes` of business time after `start` (aware), skipping closed days."""
        since = start.astimezone(dt.UTC)
        day = start.astimezone(ZoneInfo(self.zone)).date()
        left = dt.timedelta(minutes=minutes)
        for _ in range(3660):  # ten years of days: a calendar with no working day at all stops here
            if self.is_working_day(day, closed):
                opens, closes = self.open_span(day)
                begin = max(opens, since)
                if begin < closes:
                    if begin + left <= closes:
                        return begin + left
                    left -= closes - begin
            day += dt.timedelta(days=1)
        raise ValueError("No working time in the business hours given")

    def business_minutes_between(self, start: dt.datetime, end: dt.datetime, closed: Container[dt.date]) -> int:
        """Business minutes from `start` to `end` (0 if end is not later)."""
        if end <= start:
            return 0
        zone = ZoneInfo(self.zone)
        a, b = start.astimezone(dt.UTC), end.astimezone(dt.UTC)
        total = dt.timedelta()
        day, last = a.astimezone(zone).date(), b.astimezone(zone).date()
        while day <= last:
            if self.is_working_day(day, closed):
                opens, closes = self.open_span(day)
                lo, hi = max(opens, a), min(closes, b)
                if hi > lo:
                    total += hi - lo
            day += dt.timedelta(days=1)
        return int(total.total_seconds() // 60)

    def describe(self) -> str:
        names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        days = sorted(self.weekdays)
        if days and days == list(range(days[0], days[-1] + 1)) and len(days) > 2:
            span = f"{names[days[0]]} to {names[days[-1]]}"
        else:
            span = ", ".join(names[d] for d in days)
        return f"{uk_time(self.opens)} to {uk_time(self.closes)}, {span}, except bank holidays"
