"""The register of subject access requests: each is recorded when it arrives, may be paused for proof of
identity or clarification (the month then runs from when it arrives), extended by up to two months for a
complex request (decided within the first month, with the reason), and answered or refused. Each change
is audited. The statutory dates come from herald/consents/sar_clock.py; Information Governance is
reminded each morning of requests overdue or due within a week."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from herald.audit import services as audit
from herald.consents import sar_clock
from herald.consents.models import SubjectAccessRequest
from herald.errors import Refused
from herald.notifications import notify
from herald.people.models import Person
from herald.people.roles import Role

SAR = SubjectAccessRequest
DUE_SOON_DAYS = 7
# A request paused this long is shown on Information Governance's home page: waiting for the requester.
WAITING_LONG_DAYS = 14


def _snapshot(sar: SubjectAccessRequest) -> dict:
    return audit.snapshot(sar, exclude=("export",))


def council_closed_days() -> frozenset[dt.date]:
    from herald.elections.selectors import closed_days

    return closed_days()


def deadline_of(sar: SubjectAccessRequest, closed: frozenset[dt.date] | None = None) -> sar_clock.Deadline:
    return sar_clock.deadline(
        sar.received_on,
        restarted_on=sar.restarted_on,
        stopped_days=sar.clock_stopped_days,
        extension_months=sar.extension_months,
        closed=council_closed_days() if closed is None else closed,
    )


def _not_future(day: dt.date, *, field: str, what: str) -> None:
    if day > timezone.localdate():
        raise Refused(f"{what} must be today or in the past", field=field)


def _lock(sar: SubjectAccessRequest) -> SubjectAccessRequest:
    return SubjectAccessRequest.objects.select_for_update().get(pk=sar.pk)


@dataclass(frozen=True)
class RequestDetails:
    requester_name: str
    received_by: str
    received_on: dt.date
    requester_contact: str = ""
    details: str = ""
    identity_checked_on: dt.date | None = None


@transaction.atomic
def record_subject_access_request(details: RequestDetails, *, by: Person) -> SubjectAccessRequest:
    if not details.requester_name.strip():
        raise Refused("Enter the name of the person asking", field="requester_name")
    if details.received_by not in SAR.Channel.values:
        raise Refused("Select how the request was received", field="received_by")
    _not_future(details.received_on, field="received_on", what="The date it was received")
    if details.identity_checked_on is not None:
        _not_future(details.identity_checked_on, field="identity_checked_on", what="The date identity was checked")
    sar = SubjectAccessRequest.objects.create(
        requester_name=details.requester_name.strip(),
        requester_contact=details.requester_contact.strip(),
        received_by=details.received_by,
        received_on=details.received_on,
        details=details.details.strip(),
        identity_checked_on=details.identity_checked_on,
        recorded_by=by,
    )
    audit.record(actor=by, action="subject_access.received", obj=sar, after=_snapshot(sar))
    return sar


@transaction.atomic
def pause_subject_access_request(
    sar: SubjectAccessRequest, *, by: Person, paused_for: str, paused_on: dt.date
) -> SubjectAccessRequest:
    """The council asked for proof of identity or for clarification: the clock stops until it arrives.
    Not once the request is overdue: asking later cannot make a late answer on time."""
    sar = _lock(sar)
    if sar.status != SAR.Status.OPEN:
        raise Refused("Only an open request that has not been extended can be paused")
    if paused_for not in SAR.PausedFor.values:
        raise Refused("Select what the council asked for", field="paused_for")
    _not_future(paused_on, field="paused_on", what="The date it was asked for")
    if paused_on < sar.received_on:
        raise Refused(
            "The date it was asked for must be on or after the day the request was received", field="paused_on"
        )
    # Not before what is already recorded either: a pause backdated over an earlier one (or over the
    # days since identity or clarification arrived) would stop the clock twice for the same days.
    last = sar.last_event_on
    if paused_on < last:
        raise Refused(
            f"The date it was asked for must be on or after {last.day} {last:%B %Y}, "
            "the last date already recorded on this request",
            field="paused_on",
        )
    latest_on = deadline_of(sar).latest_on
    if paused_on > latest_on:
        raise Refused(
            f"This request was due by {latest_on.day} {latest_on:%B %Y}, before the date it was asked for: "
            "a request cannot be paused once it is overdue. Answer it as soon as possible",
            field="paused_on",
        )
    before = _snapshot(sar)
    sar.status, sar.paused_for, sar.paused_on = SAR.Status.PAUSED, paused_for, paused_on
    sar.save()
    audit.record(actor=by, action="subject_access.paused", obj=sar, before=before, after=_snapshot(sar))
    return sar


@transaction.atomic
def restart_subject_access_request(
    sar: SubjectAccessRequest, *, by: Person, arrived_on: dt.date
) -> SubjectAccessRequest:
    """The proof of identity arrived: the month runs from that day. The clarification arrived: the clock
    carries on where it stopped, the days it stood still moving the due date later (sar_clock.py)."""
    sar = _lock(sar)
    if sar.status != SAR.Status.PAUSED:
        raise Refused("Only a paused request can be restarted")
    _not_future(arrived_on, field="arrived_on", what="The date it arrived")
    if sar.paused_on and arrived_on < sar.paused_on:
        raise Refused("The date it arrived must be on or after the day it was asked for", field="arrived_on")
    before = _snapshot(sar)
    sar.status, sar.resumed_on = SAR.Status.OPEN, arrived_on
    if sar.paused_for == SAR.PausedFor.IDENTITY:
        # a fresh month from the day identity is confirmed: days stopped before it no longer matter
        sar.restarted_on, sar.identity_checked_on, sar.clock_stopped_days = arrived_on, arrived_on, 0
    else:
        sar.clock_stopped_days += (arrived_on - (sar.paused_on or arrived_on)).days
    sar.save()
    audit.record(actor=by, action="subject_access.restarted", obj=sar, before=before, after=_snapshot(sar))
    return sar


@transaction.atomic
def extend_subject_access_request(
    sar: SubjectAccessRequest, *, by: Person, months: int, reason: str, on: dt.date
) -> SubjectAccessRequest:
    """A complex request: up to two more months, decided within the first month, with the reason (which
    the requester must be told). Both the date given and the day it is recorded must fall within the
    first month: an extension cannot be backdated once that month has passed."""
    sar = _lock(sar)
    if sar.status != SAR.Status.OPEN:
        raise Refused("Only an open request that has not been extended can be extended")
    if months not in (1, 2):
        raise Refused("Select one or two months", field="months")
    if not reason.strip():
        raise Refused("Enter why the request is complex enough to need longer", field="reason")
    _not_future(on, field="on", what="The date it was extended")
    first_month_ends_on = deadline_of(sar).first_month_ends_on
    if on > first_month_ends_on or timezone.localdate() > first_month_ends_on:
        raise Refused(
            f"A request can only be extended within its first month, which ended on "
            f"{first_month_ends_on.day} {first_month_ends_on:%B %Y}",
            field="on",
        )
    before = _snapshot(sar)
    sar.status, sar.extension_months, sar.extension_reason, sar.extended_on = (
        SAR.Status.EXTENDED,
        months,
        reason.strip(),
        on,
    )
    sar.save()
    audit.record(
        actor=by, action="subject_access.extended", obj=sar, before=before, after=_snapshot(sar), reason=reason
    )
    return sar


def _close(
    sar: SubjectAccessRequest, *, by: Person, status: str, on: dt.date, reason: str = ""
) -> SubjectAccessRequest:
    sar = _lock(sar)
    if not sar.is_open:
        raise Refused("This request has already been answered or refused")
    _not_future(on, field="answered_on", what="The date of the answer")
    if on < sar.received_on:
        raise Refused(
            "The date of the answer must be on or after the day the request was received", field="answered_on"
        )
    before = _snapshot(sar)
    sar.status, sar.answered_on, sar.refusal_reason = status, on, reason.strip()
    sar.save()
    action = "subject_access.answered" if status == SAR.Status.ANSWERED else "subject_access.refused"
    audit.record(actor=by, action=action, obj=sar, before=before, after=_snapshot(sar), reason=reason)
    return sar


@transaction.atomic
def answer_subject_access_request(sar: SubjectAccessRequest, *, by: Person, on: dt.date) -> SubjectAccessRequest:
    return _close(sar, by=by, status=SAR.Status.ANSWERED, on=on)


@transaction.atomic
def refuse_subject_access_request(
    sar: SubjectAccessRequest, *, by: Person, on: dt.date, reason: str
) -> SubjectAccessRequest:
    """Refused, in whole, as manifestly unfounded or excessive or under an exemption: the reason is kept."""
    if not reason.strip():
        raise Refused("Enter why the request is refused", field="reason")
    return _close(sar, by=by, status=SAR.Status.REFUSED, on=on, reason=reason)


@transaction.atomic
def attach_subject_access_export(sar: SubjectAccessRequest, pack: bytes, *, by: Person) -> SubjectAccessRequest:
    """Keep the export made for this request with it (the zip the subject access search made). Once the
    request is answered or refused the export kept is the evidence of what was sent: never replaced."""
    sar = _lock(sar)
    if not sar.is_open:
        raise Refused(
            f"{sar.reference} has been answered or refused: the export kept with it is what was sent, "
            "so a new one cannot replace it"
        )
    before = _snapshot(sar)
    if sar.export:
        sar.export.delete(save=False)
    sar.export.save(f"{sar.reference}-{timezone.localdate():%Y%m%d}.zip", ContentFile(pack), save=False)
    sar.export_made_at = timezone.now()
    sar.save()
    audit.record(actor=by, action="subject_access.export_attached", obj=sar, before=before, after=_snapshot(sar))
    return sar


@dataclass(frozen=True)
class Due:
    sar: SubjectAccessRequest
    deadline: sar_clock.Deadline
    overdue: bool


def requests_due(*, on: dt.date, within_days: int = DUE_SOON_DAYS) -> list[Due]:
    """Requests still open whose clock is running (not paused) that are overdue on `on` (past the latest
    day the ICO allows) or due within `within_days` of it, soonest first."""
    closed = council_closed_days()
    found = []
    for sar in SubjectAccessRequest.objects.still_open().exclude(status=SAR.Status.PAUSED):
        deadline = deadline_of(sar, closed)
        if deadline.due_on <= on + dt.timedelta(days=within_days):
            found.append(Due(sar, deadline, overdue=on > deadline.latest_on))
    return sorted(found, key=lambda due: (due.deadline.due_on, due.sar.pk))


def requests_waiting(*, on: dt.date, longer_than_days: int = WAITING_LONG_DAYS) -> list[SubjectAccessRequest]:
    """Paused requests (waiting for proof of identity or clarification) asked for more than
    `longer_than_days` before `on`, longest waiting first: the clock is stopped, so nothing else
    reminds anyone of them."""
    since = on - dt.timedelta(days=longer_than_days)
    return list(
        SubjectAccessRequest.objects.filter(status=SAR.Status.PAUSED, paused_on__lt=since).order_by("paused_on", "pk")
    )


def remind_dpo_of_due_requests(*, on: dt.date | None = None) -> int:
    """Each morning: email Information Governance the requests overdue or due within a week."""
    on = on or timezone.localdate()
    due = requests_due(on=on)
    if not due:
        return 0
    link = settings.SITE_URL + reverse("consents:sar_list")
    return notify(
        "subject_access_due",
        to=Person.objects.active().with_role(Role.INFO_GOV),
        context={
            "overdue": [d for d in due if d.overdue],
            "soon": [d for d in due if not d.overdue],
            "on": on,
            "link": link,
            "site_url": settings.SITE_URL,
        },
    )
