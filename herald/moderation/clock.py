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

    def deadline(self, start: dt.datetime, minutes: int, closed: Container[dt.date]) -> dt.datetime:
        """The moment `minutes` of business time after `start` (aware), skipping closed days."""
        zone = ZoneInfo(self.zone)
        local = start.astimezone(zone)
        day = local.date()
        left = dt.timedelta(minutes=minutes)
        for _ in range(3660):  # ten years of days: a calendar with no working day at all stops here
            if self.is_working_day(day, closed):
                opens = dt.datetime.combine(day, self.opens, zone)
                closes = dt.datetime.combine(day, self.closes, zone)
                begin = max(opens, local) if day == local.date() else opens
                if begin < closes:
                    if begin + left <= closes:
                        return (begin + left).astimezone(dt.UTC)
                    left -= closes - begin
            day += dt.timedelta(days=1)
        raise ValueError("No working time in the business hours given")

    def business_minutes_between(self, start: dt.datetime, end: dt.datetime, closed: Container[dt.date]) -> int:
        """Business minutes from `start` to `end` (0 if end is not later)."""
        if end <= start:
            return 0
        zone = ZoneInfo(self.zone)
        a, b = start.astimezone(zone), end.astimezone(zone)
        total = dt.timedelta()
        day = a.date()
        while day <= b.date():
            if self.is_working_day(day, closed):
                opens = dt.datetime.combine(day, self.opens, zone)
                closes = dt.datetime.combine(day, self.closes, zone)
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
        return f"{self.opens:%H:%M} to {self.closes:%H:%M}, {span}, except bank holidays"
