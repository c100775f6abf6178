import datetime as dt

from herald.elections.tests.factories import ElectionFactory, NonWorkingDayFactory
from herald.people.roles import ALL_ROLES, Role
from testing.access_cases import Case

MANAGERS = frozenset({Role.COMMS, Role.MONITORING_OFFICER, Role.ADMIN})


def cases(cast, make):
    election = ElectionFactory(poll_date=dt.date(2027, 5, 6))
    day = NonWorkingDayFactory(date=dt.date(2027, 4, 14))
    return {
        "elections:list": Case(MANAGERS),
        "elections:add": Case(MANAGERS, form_errors=True),
        "elections:detail": Case(MANAGERS, kwargs={"pk": election.pk}),
        "elections:edit": Case(MANAGERS, kwargs={"pk": election.pk}),
        "elections:cancel": Case(MANAGERS, kwargs={"pk": election.pk}),
        "elections:non_working_days": Case(MANAGERS),
        "elections:non_working_day_remove": Case(MANAGERS, kwargs={"pk": day.pk}, ok_status=405),
        "elections:rules": Case(ALL_ROLES),
        "elections:restrictions": Case(ALL_ROLES),
    }
