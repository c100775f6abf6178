"""Demo elections: the May 2027 borough elections ahead, and a by-election that is over, so the
demo council is not in a pre-election period today. docs/elections.md shows how to start one."""

import datetime as dt

from herald.elections import selectors, services
from herald.elections.models import Election
from herald.people.models import Person

COMMS_EMAIL = "comms@hinckley-bosworth.example"


def _ensure(details: services.ElectionDetails, by: Person) -> bool:
    if Election.objects.filter(kind=details.kind, poll_date=details.poll_date).exists():
        return False
    services.record_election(details, by=by)
    return True


def seed(rng) -> str:
    comms = Person.objects.filter(email=COMMS_EMAIL).first()
    if comms is None:
        return "skipped: the demo people are not loaded"
    borough_poll = dt.date(2027, 5, 6)
    by_election_poll = dt.date(2026, 3, 5)
    added = 0
    added += _ensure(
        services.ElectionDetails(
            kind=Election.Kind.BOROUGH,
            name="Borough council elections 2027",
            poll_date=borough_poll,
            notice_published_on=selectors.notice_deadline(borough_poll).latest_notice_date,
            period_end=Election.PeriodEnd.DECLARATION,
            declaration_on=dt.date(2027, 5, 7),
        ),
        comms,
    )
    added += _ensure(
        services.ElectionDetails(
            kind=Election.Kind.BY_ELECTION,
            poll_date=by_election_poll,
            scope=Election.Scope.WARDS,
            wards=("Barwell",),
            notice_published_on=dt.date(2026, 1, 27),
        ),
        comms,
    )
    return f"{added} election(s) added, {Election.objects.count()} in all"
