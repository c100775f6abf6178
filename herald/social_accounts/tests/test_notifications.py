"""Who is told what as a request moves through its steps and the register is kept: one test per message."""

import datetime as dt

import pytest
from django.core import mail

from herald.people import services as people_services
from herald.social_accounts import services
from herald.social_accounts.models import AccountRequest
from herald.social_accounts.tests.factories import AccountFactory

SIGNED = "— Herald, Hinckley & Bosworth Borough Council"


@pytest.fixture
def told(django_capture_on_commit_callbacks):
    """Run an action and return the emails it sent, once its transaction has committed."""

    def run(action, *args, **kwargs):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            action(*args, **kwargs)
        return list(mail.outbox)

    return run


@pytest.fixture
def submitted(employee, business_case, nominations):
    return services.request_account(business_case(), editors=nominations, by=employee)


@pytest.fixture
def endorsed(submitted, service_manager):
    return services.endorse_account_request(submitted, by=service_manager)


@pytest.fixture
def account(editor, second_editor, team, service_manager):
    return AccountFactory(team=team, service_manager=service_manager, editors=[editor, second_editor])


def test_the_service_manager_is_asked_to_endorse_a_new_request(
    told, employee, business_case, nominations, service_manager
):
    [message] = told(services.request_account, business_case(), editors=nominations, by=employee)
    request = AccountRequest.objects.get()
    assert message.to == [service_manager.email]
    assert message.subject == "[Herald] Please endorse a request for a new Instagram account"
    assert f"{employee.full_name} has asked for a new official account, ‘Hinckley Museum and Heritage’" in message.body
    assert f"/accounts/requests/{request.pk}/endorse/" in message.body and message.body.endswith(SIGNED + "\n")


def test_the_communications_team_is_asked_to_review_an_endorsed_request(
    told, submitted, service_manager, comms_officer, employee
):
    [message] = told(services.endorse_account_request, submitted, by=service_manager)
    assert message.to == [comms_officer.email]
    assert message.subject == "[Herald] New account request to review: Hinckley Museum and Heritage"
    assert f"{service_manager.full_name} has endorsed {employee.full_name}'s request" in message.body
    assert f"/accounts/requests/{submitted.pk}/review/" in message.body


def test_the_requester_is_told_what_to_change_when_a_request_is_sent_back(told, endorsed, comms_officer, employee):
    [message] = told(services.send_back_account_request, endorsed, by=comms_officer, comments="  Say who covers  ")
    assert message.to == [employee.email]
    assert message.subject == "[Herald] Changes needed to your request for Hinckley Museum and Heritage"
    assert "has sent your request back for changes:\n\nSay who covers\n\nChange and resubmit it here: " in message.body


def test_the_requester_and_service_manager_are_told_of_a_refusal_with_the_reasons(
    told, endorsed, comms_officer, employee, service_manager
):
    [message] = told(services.refuse_account_request, endorsed, by=comms_officer, reasons="The corporate page will do")
    assert message.to == sorted([employee.email, service_manager.email])
    assert message.subject == "[Herald] Request for Hinckley Museum and Heritage refused"
    assert "on Instagram. The reasons:\n\nThe corporate page will do\n\n" in message.body


def test_ict_is_asked_to_set_up_and_the_requester_told_of_the_approval_with_its_conditions(
    told, endorsed, comms_officer, ict_officer, employee
):
    to_ict, to_requester = told(services.approve_account_request, endorsed, by=comms_officer, conditions="No ads")
    assert to_ict.to == [ict_officer.email]
    assert to_ict.subject == "[Herald] Set up a new Instagram account securely: Hinckley Museum and Heritage"
    assert "Please confirm two-factor sign-in" in to_ict.body and f"/{endorsed.pk}/security/" in to_ict.body
    assert to_requester.to == [employee.email]
    assert to_requester.subject == "[Herald] Your request for Hinckley Museum and Heritage is approved"
    assert "ICT will now set the account up securely.\n\nConditions of approval:\nNo ads\n\n" in to_requester.body


def test_everyone_involved_is_told_the_account_is_active_and_who_edits_it(
    told, endorsed, comms_officer, ict_officer, employee, service_manager, editor, second_editor
):
    approved = services.approve_account_request(endorsed, by=comms_officer)
    [message] = told(
        services.confirm_security_setup,
        approved,
        by=ict_officer,
        handle="hinckleyheritage",
        profile_url="",
        two_factor_enabled=True,
        comms_co_admin=True,
        credentials_in_password_manager=True,
    )
    assert message.to == sorted(
        {employee.email, service_manager.email, editor.email, second_editor.email, comms_officer.email}
    )
    assert message.subject == "[Herald] Hinckley Museum and Heritage is now an official account"
    assert f"Its editors are {editor.full_name}, {second_editor.full_name}." in message.body


def test_comms_are_told_to_rotate_a_leavers_credentials_and_the_requester_to_name_another_editor(
    told, account, submitted, editor, hr_officer, comms_officer, employee
):
    sent = told(people_services.record_leaver, editor, by=hr_officer)
    to_comms = next(m for m in sent if "rotate credentials" in m.subject)
    assert to_comms.to == [comms_officer.email]
    assert to_comms.subject == f"[Herald] {editor.full_name} has left: rotate credentials on 1 account(s)"
    assert f"removed as an editor of:\n- {account} (" in to_comms.body
    assert "These accounts now have fewer than two editors; name new editors:\n- " in to_comms.body
    to_requester = next(m for m in sent if m.to == [employee.email])
    assert to_requester.subject == "[Herald] Changes needed to your request for Hinckley Museum and Heritage"
    assert to_requester.body.startswith(f"{editor.full_name}, named as an editor, has left the council.")


def test_comms_are_asked_to_decide_on_quiet_accounts(told, team, comms_officer):
    quiet = AccountFactory(team=team, last_activity_on=dt.date.today() - dt.timedelta(days=200))
    [message] = told(services.find_dormancy_candidates)
    assert message.to == [comms_officer.email]
    assert message.subject == "[Herald] 1 account(s) to review for dormancy"
    assert f"(keep, mark dormant or close):\n- {quiet}: No activity for 200 days" in message.body


def test_the_editors_are_asked_for_a_final_post_when_an_account_starts_closing(
    told, account, comms_officer, editor, second_editor
):
    final_post_on = dt.date.today() + dt.timedelta(days=7)
    [message] = told(
        services.start_closing,
        account,
        by=comms_officer,
        reason="Merged",
        final_post_on=final_post_on,
        handover_notes="",
    )
    assert message.to == sorted([editor.email, second_editor.email])
    assert message.subject == f"[Herald] {account.display_name} is closing"
    assert f"Reason: Merged\nPlease publish the final post by {final_post_on:%-d %B %Y}," in message.body
    assert "Handover: none given" in message.body


def test_the_editors_are_reminded_of_an_overdue_monthly_report(told, account, editor, second_editor, settings):
    settings.HERALD_MONTHLY_REPORT_DUE_DAY = 10
    on = dt.date.today().replace(day=15)
    account.activated_on = on - dt.timedelta(days=90)
    account.save()
    month = services.overdue_report_month(on)
    [message] = told(services.remind_overdue_reports, on=on)
    assert message.to == sorted([editor.email, second_editor.email])
    assert message.subject == f"[Herald] Monthly report overdue: {account.display_name}, {month:%B %Y}"
    assert f"was due by 10 {on:%B}. Please submit it: " in message.body


def test_comms_are_told_to_rotate_a_hacked_accounts_credentials_once(told, account, comms_officer):
    [message] = told(services.open_credential_rotation, account, by=comms_officer, reason="INC-1: reported compromised")
    assert message.to == [comms_officer.email]
    assert message.subject == f"[Herald] Rotate the credentials of {account.display_name}"
    assert message.body.startswith("INC-1: reported compromised\n\nChange the password in the password manager")
    assert f"/accounts/{account.pk}/" in message.body and SIGNED in message.body
    # a second report of the same compromise finds the open task and tells nobody again
    assert told(services.open_credential_rotation, account, by=comms_officer, reason="again") == []
