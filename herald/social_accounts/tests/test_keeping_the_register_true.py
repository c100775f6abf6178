"""Keeping the register true: leavers, the dormancy review, closing, and editors' monthly reports."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from herald.audit.models import AuditEvent
from herald.people import services as people_services
from herald.people.roles import Role
from herald.social_accounts import services, tasks
from herald.social_accounts.models import Account, AccountRequest, SecurityTask
from herald.social_accounts.tests.factories import AccountFactory, AccountRequestFactory
from testing.factories import PersonFactory

TODAY = dt.date.today()


@pytest.fixture
def account(editor, second_editor, team, service_manager):
    return AccountFactory(team=team, service_manager=service_manager, editors=[editor, second_editor])


def test_a_leaver_is_removed_as_editor_everywhere_and_comms_gets_a_task_per_account(
    account, editor, second_editor, hr_officer, comms_officer, team, django_capture_on_commit_callbacks
):
    # given an editor of two accounts
    other = AccountFactory(team=team, editors=[editor, second_editor, PersonFactory(is_trained_editor=True)])
    # when HR records them as a leaver
    with django_capture_on_commit_callbacks(execute=True):
        people_services.record_leaver(editor, by=hr_officer)
    # then they edit nothing, and comms has a task to rotate credentials on each account
    assert not Account.objects.edited_by(editor).exists()
    tasks_opened = SecurityTask.objects.open().filter(person=editor, kind=SecurityTask.Kind.LEAVER)
    assert {t.account for t in tasks_opened} == {account, other}
    assert comms_officer.email in mail.outbox[-1].to and "rotate credentials" in mail.outbox[-1].subject
    # and the account left with one editor is flagged; the one with two is not
    assert list(Account.objects.short_of_editors()) == [account]
    assert AuditEvent.objects.for_object(account).filter(action="account.short_of_editors").exists()
    assert "fewer than two editors" in mail.outbox[-1].body


def test_the_register_hears_of_leavers_through_a_handler_registered_in_code(settings):
    # SocialAccountsConfig.ready() registers it: no setting names it, so no deployment can lose it.
    from herald.people import leavers

    assert services.handle_leaver in leavers.handlers()
    assert not hasattr(settings, "HERALD_LEAVER_HOOKS")


def test_completing_a_leaver_task_is_recorded(account, editor, comms_officer):
    services.handle_leaver(editor, by=None)
    task = SecurityTask.objects.get(person=editor)
    services.complete_security_task(task, by=comms_officer, notes="Password changed; page role removed")
    assert not SecurityTask.objects.open().exists()
    with pytest.raises(ValidationError):
        services.complete_security_task(task, by=comms_officer)


def test_an_open_request_naming_a_leaver_goes_back_for_another_editor(editor, second_editor, employee, service_manager):
    request = AccountRequestFactory(
        requested_by=employee, service_manager=service_manager, editors=[editor, second_editor]
    )
    services.handle_leaver(second_editor, by=None)
    request.refresh_from_db()
    assert request.status == AccountRequest.Status.RETURNED
    assert "has left the council" in request.decision_comments


def test_editor_role_is_granted_when_named_and_revoked_when_an_untrained_editor_edits_nothing(
    account, comms_officer, next_month
):
    # given an untrained employee booked on training
    newcomer = PersonFactory()
    services.name_editor(account, newcomer, by=comms_officer, training_booked_on=next_month, reason="Cover")
    newcomer.refresh_from_db()
    assert newcomer.has_role(Role.EDITOR)
    services.remove_editor(account, newcomer, by=comms_officer, reason="Cover no longer needed")
    newcomer = type(newcomer).objects.get(pk=newcomer.pk)
    assert not newcomer.has_role(Role.EDITOR)


def test_a_trained_editor_keeps_the_role_when_they_edit_nothing(account, editor, comms_officer):
    services.remove_editor(account, editor, by=comms_officer, reason="Moved teams")
    editor = type(editor).objects.get(pk=editor.pk)
    assert editor.has_role(Role.EDITOR)


def test_an_untrained_editor_without_a_training_booking_cannot_be_named(account, comms_officer):
    with pytest.raises(ValidationError, match="not a trained editor"):
        services.name_editor(account, PersonFactory(), by=comms_officer)


def test_quiet_accounts_become_dormancy_candidates_after_the_configured_days(
    settings, team, comms_officer, django_capture_on_commit_callbacks
):
    # given an account quiet for 91 days, one quiet for 30, and one past its review date
    quiet = AccountFactory(team=team, last_activity_on=TODAY - dt.timedelta(days=91))
    busy = AccountFactory(team=team, last_activity_on=TODAY - dt.timedelta(days=30))
    overdue = AccountFactory(team=team, next_review_on=TODAY - dt.timedelta(days=1))
    # when the daily task runs
    with django_capture_on_commit_callbacks(execute=True):
        tasks.find_dormancy_candidates.call()
    # then the quiet and overdue accounts await a decision, and comms is told
    assert set(Account.objects.dormancy_candidates()) == {quiet, overdue}
    quiet.refresh_from_db()
    assert "No activity for 91 days" in quiet.dormancy_reason
    assert comms_officer.email in mail.outbox[-1].to
    # and running it again flags nothing new
    assert tasks.find_dormancy_candidates.call() == 0
    # and with a shorter setting, the busier account is a candidate too
    settings.HERALD_DORMANT_AFTER_DAYS = 14
    tasks.find_dormancy_candidates.call()
    assert busy in Account.objects.dormancy_candidates()


def test_keeping_a_candidate_clears_it_until_the_next_review(account, comms_officer):
    services.flag_for_dormancy_review(account, reason="No activity for 100 days")
    with pytest.raises(ValidationError):
        services.keep_account(account, by=comms_officer, next_review_on=TODAY, reason="Seasonal")
    services.keep_account(account, by=comms_officer, next_review_on=TODAY + dt.timedelta(days=180), reason="Seasonal")
    account.refresh_from_db()
    assert account.dormancy_flagged_on is None and account.next_review_on == TODAY + dt.timedelta(days=180)
    assert AuditEvent.objects.for_object(account).get(action="account.kept").reason == "Seasonal"


def test_marking_dormant_keeps_the_account_on_the_public_list(account, comms_officer):
    services.mark_dormant(account, by=comms_officer, reason="Only used for the summer festival")
    account.refresh_from_db()
    assert account.status == Account.Status.DORMANT
    assert Account.objects.listed_publicly().filter(pk=account.pk).exists()


def test_closing_takes_a_final_post_and_handover_then_leaves_the_public_list(
    account, editor, comms_officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.start_closing(
            account,
            by=comms_officer,
            reason="Service merged into Tourism",
            final_post_on=TODAY + dt.timedelta(days=7),
            handover_notes="Followers pointed to Visit Hinckley",
        )
    account.refresh_from_db()
    assert account.status == Account.Status.CLOSING
    assert Account.objects.listed_publicly().filter(pk=account.pk).exists()
    assert editor.email in mail.outbox[-1].to and "final post" in mail.outbox[-1].body
    services.close_account(account, by=comms_officer, final_post_url="https://www.facebook.com/x/posts/1")
    account.refresh_from_db()
    assert account.status == Account.Status.CLOSED
    assert not Account.objects.listed_publicly().filter(pk=account.pk).exists()
    assert not account.active_editors().exists()
    assert SecurityTask.objects.open().filter(account=account, kind=SecurityTask.Kind.CLOSURE).exists()


def test_an_account_must_be_closing_before_it_is_closed(account, comms_officer):
    with pytest.raises(ValidationError):
        services.close_account(account, by=comms_officer, final_post_url="https://example.com")


def test_editors_report_monthly_and_a_report_with_posts_counts_as_activity(account, editor):
    month = services.previous_month(TODAY)
    account.last_activity_on = TODAY - dt.timedelta(days=200)
    account.save()
    services.submit_monthly_report(
        account, by=editor, month=month, posts=12, reach=3400, notable_issues="One abusive comment hidden"
    )
    account.refresh_from_db()
    assert account.last_activity_on >= month
    with pytest.raises(ValidationError, match="already a report"):
        services.submit_monthly_report(account, by=editor, month=month, posts=1, reach=1)


def test_overdue_reports_are_listed_and_editors_reminded_once(
    account, editor, settings, django_capture_on_commit_callbacks
):
    on = TODAY.replace(day=15)
    settings.HERALD_MONTHLY_REPORT_DUE_DAY = 10
    account.activated_on = on - dt.timedelta(days=90)
    account.save()
    month = services.overdue_report_month(on)
    assert list(Account.objects.missing_report_for(month)) == [account]
    with django_capture_on_commit_callbacks(execute=True):
        assert services.remind_overdue_reports(on=on) == [account]
    assert editor.email in mail.outbox[-1].to and "overdue" in mail.outbox[-1].subject
    assert services.remind_overdue_reports(on=on) == []
    services.submit_monthly_report(account, by=editor, month=month, posts=0, reach=0)
    assert not Account.objects.missing_report_for(month).exists()


def test_no_report_is_overdue_before_the_due_day(settings):
    settings.HERALD_MONTHLY_REPORT_DUE_DAY = 10
    assert services.overdue_report_month(TODAY.replace(day=10)) is None
    assert services.overdue_report_month(TODAY.replace(day=11)) == services.previous_month(TODAY)


def test_the_register_never_holds_a_password(account, comms_officer):
    with pytest.raises(ValidationError):
        services.update_account(account, by=comms_officer, out_of_hours_cover="Shared login pwd=Hinckley99")
