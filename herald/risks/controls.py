"""Live control evidence: each measure is computed from Herald's own records, never typed in.

A measure says which way is good (`at_least`: a share that should stay high; `at_most`: a count
that should stay low) and its default threshold. A measure whose source does not exist yet (the
moderation inbox) reads "not available" rather than a made-up figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.utils import timezone


@dataclass(frozen=True)
class Reading:
    value: float | None
    text: str
    detail: tuple[tuple[str, object], ...] = ()

    @property
    def available(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    direction: str  # "at_least" or "at_most"
    default_threshold: float
    unit: str
    compute: Callable[[dt.datetime], Reading] = field(repr=False)

    def meets(self, value: float, threshold: float) -> bool:
        return value >= threshold if self.direction == "at_least" else value <= threshold

    def threshold_text(self, threshold: float | None) -> str:
        if threshold is None:
            return "None"
        number = f"{threshold:g}{self.unit}"
        return f"at least {number}" if self.direction == "at_least" else f"at most {number}"


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def policy_acknowledged(now: dt.datetime) -> Reading:
    from herald.people.models import Person
    from herald.policies.models import Acknowledgement, PolicyDocument

    document = PolicyDocument.objects.filter(audience=PolicyDocument.Audience.EMPLOYEES).order_by("id").first()
    version = document.published_version if document else None
    staff = Person.objects.active().employees()
    total = staff.count()
    if version is None or not total:
        return Reading(None, "No published employee policy yet")
    acknowledged = Acknowledgement.objects.filter(version=version, person__in=staff).values("person").distinct().count()
    share = _share(acknowledged, total)
    return Reading(share, f"{share:g}% ({acknowledged} of {total} staff) acknowledged version {version.number}")


def accounts_secured(now: dt.datetime) -> Reading:
    from herald.social_accounts.models import Account

    live = Account.objects.active()
    total = live.count()
    if not total:
        return Reading(None, "No active official accounts")
    secured = live.filter(two_factor_enabled=True, comms_co_admin=True).count()
    share = _share(secured, total)
    missing_2fa = live.filter(two_factor_enabled=False).count()
    missing_comms = live.filter(comms_co_admin=False).count()
    return Reading(
        share,
        f"{share:g}% ({secured} of {total} active accounts) have two-factor sign-in and comms as co-admin",
        (("Without two-factor sign-in", missing_2fa), ("Without comms as co-admin", missing_comms)),
    )


def accounts_without_report(now: dt.datetime) -> Reading:
    from herald.social_accounts import services as social_accounts
    from herald.social_accounts.models import Account

    month = social_accounts.overdue_report_month(timezone.localtime(now).date())
    if month is None:
        month = social_accounts.previous_month(social_accounts.previous_month(timezone.localtime(now).date()))
    missing = Account.objects.missing_report_for(month).count()
    return Reading(
        float(missing), f"{missing} active account{'s' if missing != 1 else ''} without a report for {month:%B %Y}"
    )


def overridden_blocks(now: dt.datetime) -> Reading:
    from herald.posts.models import Post

    since = now - dt.timedelta(days=365)
    count = Post.objects.published().overridden().filter(published_at__gte=since).count()
    return Reading(
        float(count), f"{count} post{'s' if count != 1 else ''} published with an overridden block in 12 months"
    )


def open_takedowns(now: dt.datetime) -> Reading:
    from herald.consents.models import TakedownTask

    tasks = TakedownTask.objects.open()
    count = tasks.count()
    overdue = tasks.filter(due_at__lt=now).count()
    return Reading(
        float(count),
        f"{count} consent withdrawal takedown{'s' if count != 1 else ''} open, {overdue} overdue",
        (("Overdue", overdue),),
    )


def incidents_by_type(now: dt.datetime) -> Reading:
    from herald.incidents.selectors import counts_by_kind

    counts = counts_by_kind(since=now - dt.timedelta(days=365))
    total = sum(n for _, n in counts)
    return Reading(float(total), f"{total} incident{'s' if total != 1 else ''} in the last 12 months", tuple(counts))


def moderation_response(now: dt.datetime) -> Reading:
    """Median first response to comments and messages received in the last 30 days, in the council's
    business hours (the moderation inbox's own clock)."""
    if not apps.is_installed("herald.moderation"):
        return Reading(None, "Not available: the moderation inbox is not installed")
    import statistics

    from herald.moderation.models import Comment
    from herald.moderation.services import hours

    received = Comment.objects.filter(received_at__gte=now - dt.timedelta(days=30), received_at__lt=now)
    handled = received.exclude(first_handled_at=None).filter(first_handled_at__lte=now)
    clock, closed_days = hours.business_hours(), hours.closed_days()
    taken = [
        clock.business_minutes_between(c.received_at, c.first_handled_at, closed_days) / 60
        for c in handled.only("received_at", "first_handled_at")
        if c.first_handled_at is not None
    ]
    waiting = received.filter(status__in=Comment.OPEN_STATUSES).count()
    if not taken:
        return Reading(None, f"No comments handled in the last 30 days; {waiting} waiting")
    median = round(statistics.median(taken), 1)
    return Reading(
        median,
        f"Median first response {median:g} business hours over {len(taken)} comments in the last 30 days; "
        f"{waiting} waiting",
        (("Handled", len(taken)), ("Waiting", waiting)),
    )


MEASURES: dict[str, Measure] = {
    m.key: m
    for m in (
        Measure(
            "policy_acknowledged",
            "Staff who have acknowledged the current policy",
            "at_least",
            90,
            "%",
            policy_acknowledged,
        ),
        Measure(
            "accounts_secured",
            "Official accounts with two-factor sign-in and comms as co-admin",
            "at_least",
            100,
            "%",
            accounts_secured,
        ),
        Measure(
            "accounts_without_report", "Accounts without last month's report", "at_most", 0, "", accounts_without_report
        ),
        Measure(
            "overridden_blocks",
            "Posts published with an overridden block (12 months)",
            "at_most",
            5,
            "",
            overridden_blocks,
        ),
        Measure("open_takedowns", "Consent withdrawals with open takedowns", "at_most", 0, "", open_takedowns),
        Measure("incidents_by_type", "Incidents by type (12 months)", "at_most", 12, "", incidents_by_type),
        Measure(
            "moderation_response", "Moderation response time (hours)", "at_most", 24, " hours", moderation_response
        ),
    )
}


def read(key: str, now: dt.datetime | None = None) -> Reading:
    return MEASURES[key].compute(now or timezone.now())
