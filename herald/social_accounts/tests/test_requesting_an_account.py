"""Requesting a new official account: the business case and the approval steps."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from herald.audit.models import AuditEvent
from herald.errors import Refused
from herald.people.roles import Role
from herald.social_accounts import services
from herald.social_accounts.models import Account, AccountRequest
from herald.social_accounts.services import Nomination
from testing.factories import CouncillorFactory, PersonFactory


@pytest.fixture
def submitted(employee, business_case, nominations, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.request_account(business_case(), editors=nominations, by=employee)


def _through_to_ict(request, service_manager, comms_officer, capture, conditions=""):
    with capture(execute=True):
        services.endorse_account_request(request, by=service_manager)
    with capture(execute=True):
        return services.approve_account_request(request, by=comms_officer, conditions=conditions)


def test_an_employee_request_goes_to_their_service_manager_by_email(submitted, service_manager):
    assert submitted.status == AccountRequest.Status.SUBMITTED
    assert [m.to for m in mail.outbox] == [[service_manager.email]]
    assert f"/accounts/requests/{submitted.pk}/endorse/" in mail.outbox[0].body
    assert AuditEvent.objects.for_object(submitted).filter(action="account_request.submitted").exists()


def test_the_full_approval_makes_an_active_account_with_its_editors(
    submitted, service_manager, comms_officer, ict_officer, editor, second_editor, django_capture_on_commit_callbacks
):
    # given a request endorsed by the service manager, which tells the communications team
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.endorse_account_request(submitted, by=service_manager, comments="Fits our engagement plan")
    assert mail.outbox[-1].to == [comms_officer.email]
    # when comms approves, ICT is asked to set it up securely, and the account is in the register as requested
    with django_capture_on_commit_callbacks(execute=True):
        approved = services.approve_account_request(submitted, by=comms_officer)
    assert ict_officer.email in mail.outbox[-2].to
    assert approved.account.status == Account.Status.REQUESTED
    assert not Account.objects.listed_publicly().filter(pk=approved.account.pk).exists()
    # and ICT confirms the security set-up
    with django_capture_on_commit_callbacks(execute=True):
        account = services.confirm_security_setup(
            approved,
            by=ict_officer,
            handle="@hinckleyheritage",
            profile_url="https://www.instagram.com/hinckleyheritage",
            two_factor_enabled=True,
            comms_co_admin=True,
            credentials_in_password_manager=True,
        )
    # then the account is active, public, secured, reviewed in a year, and edited by the named editors
    assert account.status == Account.Status.ACTIVE and account.is_secured
    assert account.handle == "hinckleyheritage"
    assert Account.objects.listed_publicly().filter(pk=account.pk).exists()
    assert set(account.active_editors()) == {editor, second_editor}
    assert account.next_review_on.year == account.activated_on.year + 1
    assert "is now an official account" in mail.outbox[-1].subject
    actions = set(AuditEvent.objects.for_object(account).values_list("action", flat=True))
    assert {"account.requested", "account.activated", "account.editor_named"} <= actions


def test_naming_an_editor_grants_the_editor_role(
    submitted, service_manager, comms_officer, ict_officer, employee, django_capture_on_commit_callbacks
):
    # given an untrained employee booked on training, named on a request
    newcomer = PersonFactory(team=employee.team)
    request = services.request_account(
        _case_from(submitted, service_manager),
        editors=[Nomination(submitted.nominations.first().person), Nomination(newcomer, services.today())],
        by=employee,
    )
    approved = _through_to_ict(request, service_manager, comms_officer, django_capture_on_commit_callbacks)
    services.confirm_security_setup(
        approved,
        by=ict_officer,
        handle="heritage2",
        profile_url="",
        two_factor_enabled=True,
        comms_co_admin=True,
        credentials_in_password_manager=True,
    )
    newcomer.refresh_from_db()
    assert newcomer.has_role(Role.EDITOR)
    link = approved.account.editor_links.get(person=newcomer)
    assert link.training_booked_on == services.today()


def _case_from(request, service_manager):
    return services.BusinessCase(
        team=request.team,
        service_manager=service_manager,
        platform="facebook",
        proposed_name="Heritage Facebook",
        proposed_handle="heritagefb",
        purpose=request.purpose,
        audience=request.audience,
        why_not_corporate=request.why_not_corporate,
        content_plan=request.content_plan,
        posting_frequency=request.posting_frequency,
        monitoring_hours=request.monitoring_hours,
        out_of_hours_cover=request.out_of_hours_cover,
        resources=request.resources,
        closure_plan=request.closure_plan,
    )


def test_approving_with_conditions_records_and_sends_the_conditions(
    submitted, service_manager, comms_officer, employee, django_capture_on_commit_callbacks
):
    approved = _through_to_ict(
        submitted,
        service_manager,
        comms_officer,
        django_capture_on_commit_callbacks,
        conditions="Review after six months; no paid promotion",
    )
    assert approved.conditions == "Review after six months; no paid promotion"
    to_requester = [m for m in mail.outbox if m.to == [employee.email]][-1]
    assert "no paid promotion" in to_requester.body
    assert AuditEvent.objects.for_object(approved).filter(action="account_request.approved_with_conditions").exists()


def test_comms_can_send_a_request_back_and_the_employee_resubmits_to_their_manager(
    submitted, service_manager, comms_officer, employee, business_case, nominations, django_capture_on_commit_callbacks
):
    services.endorse_account_request(submitted, by=service_manager)
    with django_capture_on_commit_callbacks(execute=True):
        services.send_back_account_request(submitted, by=comms_officer, comments="Explain why Facebook will not do")
    submitted.refresh_from_db()
    assert submitted.status == AccountRequest.Status.RETURNED
    assert mail.outbox[-1].to == [employee.email] and "Explain why Facebook will not do" in mail.outbox[-1].body
    event = AuditEvent.objects.for_object(submitted).get(action="account_request.sent_back")
    assert event.reason == "Explain why Facebook will not do"
    # when the employee changes it, it goes back to the service manager to endorse again
    services.resubmit_account_request(
        submitted, business_case(why_not_corporate="Younger audience"), editors=nominations, by=employee
    )
    submitted.refresh_from_db()
    assert submitted.status == AccountRequest.Status.SUBMITTED and submitted.endorsed_by is None


@pytest.mark.parametrize("step", ["service manager", "communications team"])
def test_a_request_can_be_refused_with_reasons_at_either_review_step(
    step, submitted, service_manager, comms_officer, employee, django_capture_on_commit_callbacks
):
    decider = service_manager
    if step == "communications team":
        services.endorse_account_request(submitted, by=service_manager)
        decider = comms_officer
    with django_capture_on_commit_callbacks(execute=True):
        services.refuse_account_request(submitted, by=decider, reasons="The corporate account already reaches them")
    submitted.refresh_from_db()
    assert submitted.status == AccountRequest.Status.REFUSED
    assert submitted.decision_comments == "The corporate account already reaches them"
    assert employee.email in mail.outbox[-1].to
    with pytest.raises(ValidationError):
        services.endorse_account_request(submitted, by=service_manager)


def test_reasons_are_required_to_refuse_or_send_back(submitted, service_manager):
    with pytest.raises(ValidationError):
        services.refuse_account_request(submitted, by=service_manager, reasons="  ")
    with pytest.raises(ValidationError):
        services.send_back_account_request(submitted, by=service_manager, comments="")


def test_nobody_approves_their_own_request(business_case, nominations, service_manager, comms_officer, team):
    # given a communications officer who asks for an account themselves
    comms_officer.team = team
    request = services.request_account(business_case(), editors=nominations, by=comms_officer)
    services.endorse_account_request(request, by=service_manager)
    # then they cannot approve it
    with pytest.raises(Refused):
        services.approve_account_request(request, by=comms_officer)


def test_a_service_manager_cannot_endorse_their_own_request(business_case, nominations, service_manager):
    with pytest.raises(ValidationError, match="other than yourself"):
        services.request_account(business_case(), editors=nominations, by=service_manager)


def test_one_person_cannot_approve_two_steps(
    submitted, service_manager, comms_officer, django_capture_on_commit_callbacks
):
    # given a service manager who is also in the communications team
    service_manager.groups.add(*comms_officer.groups.all())
    service_manager.__dict__.pop("roles", None)
    services.endorse_account_request(submitted, by=service_manager)
    with pytest.raises(Refused):
        services.approve_account_request(submitted, by=service_manager)


def test_only_the_named_service_manager_endorses(submitted):
    other_manager = PersonFactory(roles=[Role.SERVICE_MANAGER])
    with pytest.raises(Refused):
        services.endorse_account_request(submitted, by=other_manager)


def test_a_request_needs_two_editors(business_case, editor, employee):
    with pytest.raises(ValidationError, match="at least two editors"):
        services.request_account(business_case(), editors=[Nomination(editor), Nomination(editor)], by=employee)
    assert not AccountRequest.objects.exists()


def test_a_leaver_cannot_be_named_as_an_editor(business_case, editor, second_editor, employee):
    second_editor.is_active = False
    second_editor.save()
    with pytest.raises(ValidationError, match="has left the council"):
        services.request_account(business_case(), editors=[Nomination(editor), Nomination(second_editor)], by=employee)


def test_editors_must_be_trained_or_booked_on_training(business_case, editor, employee, next_month):
    untrained = PersonFactory(team=employee.team)
    with pytest.raises(ValidationError, match="not a trained editor"):
        services.request_account(business_case(), editors=[Nomination(editor), Nomination(untrained)], by=employee)
    request = services.request_account(
        business_case(), editors=[Nomination(editor), Nomination(untrained, next_month)], by=employee
    )
    assert request.nominations.get(person=untrained).training_booked_on == next_month


def test_councillors_cannot_be_editors_of_council_accounts(business_case, editor, employee):
    with pytest.raises(ValidationError, match="is a councillor"):
        services.request_account(
            business_case(), editors=[Nomination(editor), Nomination(CouncillorFactory())], by=employee
        )


def test_a_business_case_holding_a_password_is_refused(business_case, nominations, employee):
    with pytest.raises(ValidationError, match="Herald never holds passwords"):
        services.request_account(
            business_case(resources="Shared login, password: Heritage2026"), editors=nominations, by=employee
        )
    assert not AccountRequest.objects.exists()


def test_ict_must_confirm_every_security_measure(
    submitted, service_manager, comms_officer, ict_officer, django_capture_on_commit_callbacks
):
    approved = _through_to_ict(submitted, service_manager, comms_officer, django_capture_on_commit_callbacks)
    with pytest.raises(ValidationError) as raised:
        services.confirm_security_setup(
            approved,
            by=ict_officer,
            handle="h",
            profile_url="",
            two_factor_enabled=True,
            comms_co_admin=False,
            credentials_in_password_manager=False,
        )
    assert len(raised.value.messages) == 2
    approved.refresh_from_db()
    assert approved.status == AccountRequest.Status.APPROVED


def test_ict_cannot_activate_an_account_whose_editor_has_since_left(
    submitted, service_manager, comms_officer, ict_officer, second_editor, django_capture_on_commit_callbacks
):
    approved = _through_to_ict(submitted, service_manager, comms_officer, django_capture_on_commit_callbacks)
    second_editor.is_active = False
    second_editor.save()
    with pytest.raises(ValidationError, match="has left the council"):
        services.confirm_security_setup(
            approved,
            by=ict_officer,
            handle="h",
            profile_url="",
            two_factor_enabled=True,
            comms_co_admin=True,
            credentials_in_password_manager=True,
        )


def test_withdrawing_after_approval_closes_the_register_entry(
    submitted, service_manager, comms_officer, employee, django_capture_on_commit_callbacks
):
    services.endorse_account_request(submitted, by=service_manager)
    services.withdraw_account_request(submitted, by=employee, reason="Team restructure")
    submitted.refresh_from_db()
    assert submitted.status == AccountRequest.Status.WITHDRAWN


def test_comms_can_make_training_a_condition_that_herald_enforces(client, comms_officer, service_manager, employee):
    from herald.social_accounts.models import AccountRequest
    from herald.social_accounts.tests.factories import AccountRequestFactory

    account_request = AccountRequestFactory(
        requested_by=employee, service_manager=service_manager, status=AccountRequest.Status.ENDORSED
    )
    client.force_login(comms_officer)
    client.post(
        f"/accounts/requests/{account_request.pk}/review/",
        {"decision": "approve_with_conditions", "conditions": "Both editors trained", "training_before_posting": "on"},
    )
    account_request.refresh_from_db()
    assert account_request.account.training_before_posting
