from herald.audit import services as audit
from herald.people.roles import Role
from testing.access_cases import Case

AUDIT_READERS = frozenset({Role.COMMS, Role.ADMIN, Role.INFO_GOV})


def cases(cast, make):
    event = audit.record(actor=cast[Role.ADMIN], action="test.event", obj=cast[Role.EMPLOYEE])
    return {
        "audit:events": Case(AUDIT_READERS),
        "audit:event": Case(AUDIT_READERS, kwargs={"pk": event.pk}),
        "audit:export": Case(AUDIT_READERS),
        "audit:verify": Case(frozenset({Role.ADMIN})),
    }
