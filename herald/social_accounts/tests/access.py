from herald.people.roles import ALL_ROLES, Role
from herald.social_accounts.models import AccountRequest, SecurityTask
from herald.social_accounts.tests.factories import AccountFactory, AccountRequestFactory
from testing.access_cases import PUBLIC, Case

REGISTER = frozenset({Role.COMMS, Role.ICT, Role.ADMIN})
MANAGE = frozenset({Role.COMMS, Role.ADMIN})
STAFF = ALL_ROLES - {Role.COUNCILLOR}
NOT_PART_OF_IT = {Role.HR: 403, Role.INFO_GOV: 403, Role.MONITORING_OFFICER: 403, Role.SAFEGUARDING: 403}


def cases(cast, make):
    employee, editor, manager = cast[Role.EMPLOYEE], cast[Role.EDITOR], cast[Role.SERVICE_MANAGER]
    account = AccountFactory(team=editor.team, service_manager=manager, editors=[editor])
    task = SecurityTask.objects.create(account=account, kind=SecurityTask.Kind.LEAVER, person=editor)
    closing = AccountFactory(team=editor.team, status="closing")

    def request_in(status):
        return AccountRequestFactory(requested_by=employee, service_manager=manager, status=status, editors=[editor])

    submitted = request_in(AccountRequest.Status.SUBMITTED)
    endorsed = request_in(AccountRequest.Status.ENDORSED)
    approved = request_in(AccountRequest.Status.APPROVED)
    returned = request_in(AccountRequest.Status.RETURNED)
    # Who takes part in a request: its requester, service manager and editors, comms, admin, and ICT once approved.
    seen_by = {Role.ICT: 403, **NOT_PART_OF_IT}
    return {
        "social_accounts:official": Case(PUBLIC),
        "social_accounts:official_csv": Case(PUBLIC),
        "social_accounts:official_json": Case(PUBLIC),
        "social_accounts:register": Case(REGISTER),
        "social_accounts:register_csv": Case(REGISTER),
        "social_accounts:mine": Case(frozenset({Role.EDITOR})),
        "social_accounts:reports_overdue": Case(MANAGE),
        "social_accounts:task_done": Case(frozenset({Role.COMMS, Role.ICT, Role.ADMIN}), kwargs={"pk": task.pk}),
        "social_accounts:detail": Case(REGISTER | {Role.EDITOR, Role.SERVICE_MANAGER}, kwargs={"pk": account.pk}),
        "social_accounts:edit": Case(MANAGE, kwargs={"pk": account.pk}),
        "social_accounts:editor_add": Case(MANAGE, kwargs={"pk": account.pk}),
        "social_accounts:editor_remove": Case(MANAGE, kwargs={"pk": account.pk, "person_pk": editor.pk}),
        "social_accounts:dormancy": Case(MANAGE, kwargs={"pk": account.pk}),
        "social_accounts:closing": Case(MANAGE, kwargs={"pk": account.pk}),
        "social_accounts:close": Case(MANAGE, kwargs={"pk": closing.pk}),
        "social_accounts:report_new": Case(MANAGE | {Role.EDITOR}, form_errors=True, kwargs={"pk": account.pk}),
        "social_accounts:requests": Case(STAFF),
        "social_accounts:request_new": Case(STAFF, form_errors=True),
        "social_accounts:request_detail": Case(STAFF, kwargs={"pk": submitted.pk}, status_for=seen_by),
        "social_accounts:request_edit": Case(
            STAFF, kwargs={"pk": returned.pk}, status_for={r: 403 for r in STAFF if r != Role.EMPLOYEE}
        ),
        "social_accounts:request_withdraw": Case(STAFF, kwargs={"pk": submitted.pk}, ok_status=405, status_for={}),
        "social_accounts:endorse": Case(frozenset({Role.SERVICE_MANAGER}), kwargs={"pk": submitted.pk}),
        "social_accounts:review": Case(frozenset({Role.COMMS}), kwargs={"pk": endorsed.pk}),
        "social_accounts:security": Case(frozenset({Role.ICT}), kwargs={"pk": approved.pk}),
    }
