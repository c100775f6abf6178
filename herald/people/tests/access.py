from herald.people.models import DirectoryImport
from herald.people.roles import Role
from testing.access_cases import Case

DIRECTORY = frozenset({Role.HR, Role.COMMS, Role.SERVICE_MANAGER, Role.ADMIN})
HR_ADMIN = frozenset({Role.HR, Role.ADMIN})


def cases(cast, make):
    run = DirectoryImport.objects.create(kind="employees", filename="feed.csv", accepted=True)
    employee = cast[Role.EMPLOYEE]
    return {
        "people:directory": Case(DIRECTORY),
        "people:detail": Case(DIRECTORY, kwargs={"pk": employee.pk}),
        "people:person_roles": Case(frozenset({Role.ADMIN}), kwargs={"pk": employee.pk}),
        "people:imports": Case(HR_ADMIN),
        "people:import_detail": Case(HR_ADMIN, kwargs={"pk": run.pk}),
        "people:teams": Case(HR_ADMIN),
        "people:roles": Case(frozenset({Role.ADMIN})),
    }
