from herald.incidents import services
from herald.people.roles import ALL_ROLES, Role
from herald.social_accounts.tests.factories import AccountFactory
from testing.access_cases import Case
from testing.factories import incident

# An account-compromised incident reported by the employee: comms and ICT work it, the reporter
# sees its status, and to everyone else it does not exist.
WORKERS = frozenset({Role.COMMS, Role.ICT})
HIDDEN = {role: 404 for role in ALL_ROLES - WORKERS - {Role.EMPLOYEE}}
WORK_ONLY = {role: 404 for role in ALL_ROLES - WORKERS}


def cases(cast, make):
    employee = cast[Role.EMPLOYEE]
    hacked = incident("account_compromised", by=employee, account=AccountFactory())
    step = hacked.steps.order_by("position").first()
    breach = incident("personal_data_breach", by=cast[Role.EDITOR])
    employee_post = incident("employee_post", by=cast[Role.COMMS], person_concerned=employee)
    abuse = incident("abuse_or_threat", by=cast[Role.COUNCILLOR])
    complaint = incident("copyright_or_defamation", by=cast[Role.EDITOR])
    note = services.add_note(hacked, by=cast[Role.COMMS], text="Screenshot", evidence=_file())
    kw = {"pk": hacked.pk}
    return {
        "incidents:index": Case(ALL_ROLES, per_role=True),
        "incidents:report": Case(ALL_ROLES, form_errors=True),
        "incidents:breach_log": Case(frozenset({Role.INFO_GOV})),
        "incidents:breach_log_csv": Case(frozenset({Role.INFO_GOV})),
        "incidents:detail": Case(ALL_ROLES, kwargs=kw, status_for=HIDDEN),
        "incidents:triage": Case(ALL_ROLES, kwargs=kw, status_for=WORK_ONLY),
        "incidents:step": Case(ALL_ROLES, kwargs={"pk": hacked.pk, "step_pk": step.pk}, status_for=WORK_ONLY),
        "incidents:note": Case(ALL_ROLES, kwargs=kw, status_for=WORK_ONLY),
        "incidents:evidence": Case(ALL_ROLES, kwargs={"pk": hacked.pk, "entry_pk": note.pk}, status_for=WORK_ONLY),
        "incidents:stop": Case(frozenset({Role.COMMS}), kwargs=kw, ok_status=405),
        "incidents:close": Case(ALL_ROLES, kwargs=kw, status_for=WORK_ONLY),
        # Breach details: the DPO alone (and whoever they bring in).
        "incidents:breach": Case(
            ALL_ROLES, kwargs={"pk": breach.pk}, status_for={r: 404 for r in ALL_ROLES - {Role.INFO_GOV}}
        ),
        "incidents:hr_outcome": Case(frozenset({Role.HR}), kwargs={"pk": employee_post.pk}),
        "incidents:crime_reference": Case(
            ALL_ROLES,
            kwargs={"pk": abuse.pk},
            status_for={r: 404 for r in ALL_ROLES - {Role.COMMS, Role.MONITORING_OFFICER, Role.SAFEGUARDING}},
        ),
        "incidents:takedown": Case(
            ALL_ROLES,
            kwargs={"pk": complaint.pk},
            status_for={r: 404 for r in ALL_ROLES - {Role.COMMS, Role.MONITORING_OFFICER}},
        ),
    }


def _file():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("screenshot.png", b"\x89PNG fake screenshot bytes", content_type="image/png")
