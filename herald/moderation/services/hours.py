"""The council's business hours and the response clock, from settings and the elections calendar."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable

from django.conf import settings

from herald.elections import selectors as elections
from herald.moderation.clock import BusinessHours

_kept: dict[str, tuple[float, frozenset[dt.date]]] = {}


def business_hours() -> BusinessHours:
    return BusinessHours.parse(settings.MODERATION_BUSINESS_HOURS, zone=settings.TIME_ZONE)


def closed_days() -> frozenset[dt.date]:
    """Bank holidays and the council's non-working days, kept for a minute (ingest asks per batch)."""
    hit = _kept.get("closed")
    if hit is not None and time.monotonic() - hit[0] < 60:
        return hit[1]
    days = elections.closed_days()
    _kept["closed"] = (time.monotonic(), days)
    return days


def forget_closed_days() -> None:
    _kept.clear()


def response_minutes(kind: str) -> int:
    targets: dict[str, int] = settings.MODERATION_RESPONSE_MINUTES
    return int(targets.get(kind, targets.get("comment", 480)))


def response_deadlines(received_at: dt.datetime, kinds: Iterable[str]) -> dict[str, dt.datetime]:
    """{kind: when a comment of that kind received at `received_at` should have been handled}."""
    hours = business_hours()
    closed = closed_days()
    return {kind: hours.deadline(received_at, response_minutes(kind), closed) for kind in set(kinds)}


def is_out_of_hours(at: dt.datetime) -> bool:
    return not business_hours().is_open(at, closed_days())
