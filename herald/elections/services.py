"""Recording elections and the council's own non-working days, and telling staff when a
pre-election period begins. Every function here writes the audit trail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from herald.audit import services as audit
from herald.elections import rules, selectors
from herald.elections.calendar import long_date
from herald.elections.models import Election, NonWorkingDay
from herald.errors import Refused
from herald.notifications import notify
from herald.people.models import Person
from herald.queue import enqueue_after_commit


class LateNoticeNotConfirmed(Refused):
    """The notice date is after the latest legal date and nobody has confirmed it is right."""


@dataclass(frozen=True)
class ElectionDetails:
    kind: str
    poll_date: dt.date
    scope: str = Election.Scope.WHOLE_COUNCIL
    wards: tuple[str, ...] = ()
    name: str = ""
    notice_published_on: dt.date | None = None
    late_notice_confirmed: bool = False
    period_end: str = Election.PeriodEnd.CLOSE_OF_POLL
    declaration_on: dt.date | None = None


def _clean_wards(wards: Iterable[object]) -> list[str]:
    seen: dict[str, str] = {}
    for ward in wards:
        ward = " ".join(str(ward).split())
        if ward and ward.lower() not in seen:
            seen[ward.lower()] = ward
    return sorted(seen.values(), key=str.lower)


def _apply(election: Election, details: ElectionDetails) -> None:
    """Copy the details on, check them, and work out the dates Herald keeps for querying."""
    if details.kind not in Election.Kind.values:
        raise Refused("Select the type of election", field="kind")
    wards = _clean_wards(details.wards) if details.scope == Election.Scope.WARDS else []
    if details.scope not in Election.Scope.values:
        raise Refused("Select whether the election covers the whole council or named wards", field="scope")
    if details.scope == Election.Scope.WARDS and not wards:
        raise Refused("Select or enter at least one ward", field="wards")
    if details.notice_published_on and details.notice_published_on >= details.poll_date:
        raise Refused("The notice of election must be published before the poll date", field="notice_published_on")
    declaration_on = details.declaration_on if details.period_end == Election.PeriodEnd.DECLARATION else None
    if details.period_end == Election.PeriodEnd.DECLARATION:
        if declaration_on is None:
            raise Refused("Enter the date the result will be declared", field="declaration_on")
        if declaration_on < details.poll_date:
            raise Refused("The result cannot be declared before the poll date", field="declaration_on")
    deadline = selectors.notice_deadline(details.poll_date)
    late = bool(details.notice_published_on and details.notice_published_on > deadline.latest_notice_date)
    if late and not details.late_notice_confirmed:
        # The refusal asks for the confirmation, so it is shown beside the box that gives it.
        raise LateNoticeNotConfirmed(
            f"The notice date is later than the latest legal date, "
            f"{long_date(deadline.latest_notice_date)}: confirm that it is correct",
            field="confirm_late_notice",
        )
    election.kind = details.kind
    election.name = details.name.strip()
    election.poll_date = details.poll_date
    election.scope = details.scope
    election.wards = wards
    election.notice_published_on = details.notice_published_on
    election.late_notice_confirmed = late
    election.period_end = details.period_end
    election.declaration_on = declaration_on
    _work_out_dates(election, deadline.latest_notice_date)


def _work_out_dates(election: Election, latest: dt.date) -> None:
    election.latest_notice_on = latest
    election.period_starts_on = election.notice_published_on or latest
    election.period_ends_on = election.declaration_on or election.poll_date


def _what_the_notice_says(election: Election) -> tuple[object, ...]:
    """What the staff notice tells staff about this election: the poll date, the area, and when the
    period begins and ends (pre_election_notice.txt)."""
    return (election.poll_date, election.area_text, election.period_starts_on, election.period_end_text)


def _void_notice_if_it_no_longer_holds(election: Election, *, it_said: tuple[object, ...]) -> bool:
    """A staff notice states the poll date, the area and the days the period begins and ends. If a
    correction changes any of them after the notice went, that notice told staff the wrong thing (and,
    if the period now starts later, went before the period began, so nothing would go when it really
    does): it is due again, and goes on the first day of the corrected period, or straight away if that
    has already come."""
    if election.notice_sent_at is None:
        return False
    if _what_the_notice_says(election) == it_said:
        return False
    election.superseded_notice_sent_at = election.notice_sent_at
    election.notice_sent_at = None
    election.notice_recipients = 0
    return True


def _queue_notice_if_due(election: Election) -> None:
    if election.covers(timezone.localdate()) and election.notice_sent_at is None:
        enqueue_after_commit("herald.elections.tasks.send_pre_election_notices")


def record_election(details: ElectionDetails, *, by: Person) -> Election:
    """Record an election the council has been told of. If its period has already begun, the staff
    notice goes out straight away."""
    with transaction.atomic():
        election = Election(recorded_by=by)
        _apply(election, details)
        election.save()
        audit.record(actor=by, action="election.recorded", obj=election, after=audit.snapshot(election))
        _queue_notice_if_due(election)
    return election


def update_election(election: Election, details: ElectionDetails, *, by: Person, reason: str = "") -> Election:
    with transaction.atomic():
        election = Election.objects.select_for_update().get(pk=election.pk)
        if election.is_cancelled:
            raise Refused("A cancelled election cannot be changed")
        before = audit.snapshot(election)
        it_said = _what_the_notice_says(election)
        _apply(election, details)
        notice_due_again = _void_notice_if_it_no_longer_holds(election, it_said=it_said)
        election.save()
        after = audit.snapshot(election)
        if after != before:
            audit.record(actor=by, action="election.updated", obj=election, before=before, after=after, reason=reason)
        if notice_due_again:
            _record_notice_due_again(election, by=by)
        _queue_notice_if_due(election)
        if _period_of(before) != _period_of(after):
            _queue_release_of_posts()
    return election


def _period_of(snapshot: dict) -> tuple[object, ...]:
    return tuple(snapshot.get(key) for key in ("period_starts_on", "period_ends_on", "scope", "wards"))


def _queue_release_of_posts() -> None:
    """Posts held for the communications team only because of a period that no longer covers them go
    back to their own approval route (the posts app does it, by the task's name: one-way flow)."""
    enqueue_after_commit("herald.posts.tasks.release_posts_from_lapsed_periods")


def cancel_election(election: Election, *, by: Person, reason: str) -> Election:
    """Withdraw an election record (entered in error, or the poll countermanded): its period ends now,
    and if staff had the pre-election notice they are told the period is off."""
    if not reason.strip():
        raise Refused("Enter why the election is being cancelled", field="reason")
    with transaction.atomic():
        election = Election.objects.select_for_update().get(pk=election.pk)
        if election.cancelled_at is not None:
            # Someone else cancelled it first (the form was open in another tab): say so, change nothing.
            raise Refused(
                f"This election was already cancelled on {long_date(timezone.localdate(election.cancelled_at))}"
            )
        before = audit.snapshot(election)
        election.cancelled_at = timezone.now()
        election.cancelled_reason = reason.strip()
        election.save(update_fields=["cancelled_at", "cancelled_reason", "updated_at"])
        audit.record(
            actor=by,
            action="election.cancelled",
            obj=election,
            before=before,
            after=audit.snapshot(election),
            reason=reason.strip(),
        )
        _send_cancellation_notice(election, by=by)
        _queue_release_of_posts()
    return election


def _recalculate_upcoming(on_or_before: dt.date, *, by: Person) -> None:
    """A new or removed non-working day moves the latest notice date of polls after it."""
    today = timezone.localdate()
    for election in Election.objects.upcoming(today).filter(poll_date__gt=on_or_before).select_for_update():
        before = audit.snapshot(election)
        latest = selectors.notice_deadline(election.poll_date).latest_notice_date
        if latest == election.latest_notice_on:
            continue
        it_said = _what_the_notice_says(election)
        _work_out_dates(election, latest)
        notice_due_again = _void_notice_if_it_no_longer_holds(election, it_said=it_said)
        # A confirmation is of a late date someone checked: it stands while the notice is still late, but
        # a notice this change has made late was never confirmed, and its page asks for the check.
        election.late_notice_confirmed = election.late_notice_confirmed and election.notice_is_late
        election.save()
        audit.record(
            actor=by,
            action="election.latest_notice_date_moved",
            obj=election,
            before=before,
            after=audit.snapshot(election),
            reason="The council's non-working days changed",
        )
        if notice_due_again:
            _record_notice_due_again(election, by=by)
        _queue_notice_if_due(election)


def _record_notice_due_again(election: Election, *, by: Person | None) -> None:
    if election.period_ends_on < timezone.localdate():
        # Corrected into the past: the period it names is over, so no corrected notice goes.
        audit.record(
            actor=by,
            action="election.notice_outdated",
            obj=election,
            before={"notice_sent_at": election.superseded_notice_sent_at},
            after={"notice_due_on": None, "corrected_period_ended_on": election.period_ends_on},
            reason=(
                "The dates or the area of the pre-election period changed after the staff notice was sent, "
                "and the corrected period has already ended, so no corrected notice goes"
            ),
        )
        return
    audit.record(
        actor=by,
        action="election.notice_due_again",
        obj=election,
        before={"notice_sent_at": election.superseded_notice_sent_at},
        after={"notice_due_on": max(election.period_starts_on, timezone.localdate())},
        reason="The dates or the area of the pre-election period changed after the staff notice was sent",
    )


def add_non_working_day(*, date: dt.date, kind: str, description: str, by: Person) -> NonWorkingDay:
    """Add a day appointed for public thanksgiving or mourning (or a missing bank holiday)."""
    if kind not in NonWorkingDay.Kind.values:
        raise Refused("Select what kind of day it is", field="kind")
    if not description.strip():
        raise Refused("Enter what the day is for", field="description")
    with transaction.atomic():
        if NonWorkingDay.objects.filter(date=date).exists():
            raise Refused(f"{long_date(date)} is already a council-added non-working day", field="date")
        day = NonWorkingDay.objects.create(date=date, kind=kind, description=description.strip(), added_by=by)
        audit.record(actor=by, action="election_calendar.day_added", obj=day, after=audit.snapshot(day))
        _recalculate_upcoming(date, by=by)
    return day


def remove_non_working_day(day: NonWorkingDay, *, by: Person) -> None:
    with transaction.atomic():
        before = audit.snapshot(day)
        audit.record(actor=by, action="election_calendar.day_removed", obj=day, before=before)
        date = day.date
        day.delete()
        _recalculate_upcoming(date, by=by)


def _tell_staff(kind: str, election: Election, **context: object) -> int:
    """Email every active employee and councillor about this election's period (the staff notice, and
    the word that a period they were told of is off); returns how many were told. The emails go once
    the caller's transaction commits, so a rolled-back change tells nobody."""
    recipients = list(Person.objects.active().exclude(email="").order_by("pk"))
    notify(
        kind,
        to=recipients,
        context={"election": election, "rules_url": settings.SITE_URL + reverse("elections:rules"), **context},
    )
    return len(recipients)


def send_pre_election_notice(election: Election, *, by: Person | None = None) -> int:
    """Email every active employee and councillor that the period has begun and what it means.
    Sent once per election: the sending is recorded and a second call does nothing."""
    with transaction.atomic():
        election = Election.objects.select_for_update().get(pk=election.pk)
        if election.notice_sent_at is not None or election.is_cancelled:
            return 0
        # The row is locked, so two workers can never both send; the emails are queued only once the
        # sending is recorded (after commit), so a run that fails sends nothing and the next run tries again.
        told = _tell_staff(
            "pre_election_notice",
            election,
            do_not=rules.PRE_ELECTION_DO_NOT,
            do=rules.PRE_ELECTION_DO,
            replaces_notice_sent_at=election.superseded_notice_sent_at,
        )
        election.notice_sent_at = timezone.now()
        election.notice_recipients = told
        election.notice_poll_date = election.poll_date
        election.save(update_fields=["notice_sent_at", "notice_recipients", "notice_poll_date", "updated_at"])
        audit.record(
            actor=by,
            action="election.notice_sent",
            obj=election,
            after={"notice_sent_at": election.notice_sent_at, "recipients": told},
        )
    return told


def _send_cancellation_notice(election: Election, *, by: Person) -> None:
    """Staff told of a period (by the notice, or by one since corrected) are told it is off, unless it
    had already ended. Called inside the cancelling transaction, with the row locked."""
    told_on = election.last_notice_sent_at
    if told_on is None or not election.staff_told_of_period_still_to_run(timezone.localdate()):
        return
    told = _tell_staff(
        "pre_election_cancelled",
        election,
        notice_sent_at=told_on,
        # Notices sent before the date was kept quote the poll date as it is now.
        notice_poll_date=election.notice_poll_date or election.poll_date,
        reason=election.cancelled_reason,
    )
    election.cancellation_notice_sent_at = timezone.now()
    election.cancellation_notice_recipients = told
    election.save(update_fields=["cancellation_notice_sent_at", "cancellation_notice_recipients", "updated_at"])
    audit.record(
        actor=by,
        action="election.cancellation_notice_sent",
        obj=election,
        after={"cancellation_notice_sent_at": election.cancellation_notice_sent_at, "recipients": told},
        reason=f"Staff had the pre-election notice sent on {long_date(timezone.localdate(told_on))}",
    )


def send_due_notices(*, by: Person | None = None, today: dt.date | None = None) -> int:
    """Send the staff notice for every election whose period is under way and not yet announced."""
    sent = 0
    for election in Election.objects.notice_due(today or timezone.localdate()):
        if send_pre_election_notice(election, by=by):
            sent += 1
    return sent
