from herald.people.roles import Role
from herald.risks import services
from herald.risks.models import Risk
from testing.access_cases import Case

READERS = frozenset(services.READERS)
MANAGERS = frozenset(services.MANAGERS)
# Readers who neither manage the register nor own the risk may read it but not change it.
NOT_MANAGERS = {role: 403 for role in READERS - MANAGERS}


def cases(cast, make):
    services.install_defaults()
    risk = Risk.objects.get(reference="S.04")
    action = services.add_action(
        risk,
        by=cast[Role.COMMS],
        description="Refresh editor training",
        owner=cast[Role.COMMS],
        due_on=risk.next_review_on,
    )
    kw = {"pk": risk.pk}
    return {
        "risks:register": Case(READERS),
        "risks:matrix": Case(READERS),
        "risks:matrix_change": Case(MANAGERS),
        "risks:add": Case(MANAGERS, form_errors=True),
        "risks:detail": Case(READERS, kwargs=kw),
        "risks:edit": Case(READERS, kwargs=kw, status_for=NOT_MANAGERS),
        "risks:assess": Case(READERS, kwargs=kw, status_for=NOT_MANAGERS),
        "risks:review": Case(READERS, kwargs=kw, status_for=NOT_MANAGERS),
        "risks:accept": Case(READERS, kwargs=kw, status_for=NOT_MANAGERS),
        "risks:action_add": Case(READERS, kwargs=kw, status_for=NOT_MANAGERS),
        "risks:control_add": Case(READERS, kwargs=kw, status_for=NOT_MANAGERS),
        "risks:action_edit": Case(READERS, kwargs={"pk": risk.pk, "action_pk": action.pk}, status_for=NOT_MANAGERS),
        "risks:action_done": Case(READERS, kwargs={"pk": risk.pk, "action_pk": action.pk}, ok_status=405),
    }
