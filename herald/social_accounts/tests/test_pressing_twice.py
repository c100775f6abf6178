"""A button pressed twice on the register's pages: the second press is told why nothing more happened,
with the GOV.UK error summary, and is never a server error."""

import pytest
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.social_accounts.models import Account, SecurityTask
from herald.social_accounts.tests.factories import AccountFactory
from testing.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def account(editor, second_editor, team, service_manager):
    third = PersonFactory(team=team, is_trained_editor=True)
    return AccountFactory(team=team, service_manager=service_manager, editors=[editor, second_editor, third])


def test_removing_an_editor_twice_says_they_are_no_longer_an_editor(client, comms_officer, account, editor):
    client.force_login(comms_officer)
    url = reverse("social_accounts:editor_remove", args=[account.pk, editor.pk])

    first = client.post(url, {"reason": "Moved to Planning"})
    second = client.post(url, {"reason": "Moved to Planning"})

    assert first.status_code == 302
    assert second.status_code == 200
    page = second.content.decode()
    assert "govuk-error-summary" in page
    assert f"{editor.full_name} is not an editor of this account" in page
    assert AuditEvent.objects.for_object(account).filter(action="account.editor_removed").count() == 1


def test_closing_an_account_twice_says_it_is_already_closed(client, comms_officer, account):
    Account.objects.filter(pk=account.pk).update(status=Account.Status.CLOSING)
    client.force_login(comms_officer)
    url = reverse("social_accounts:close", args=[account.pk])
    form = {
        "final_post_url": "https://www.facebook.com/hbbc/posts/1",
        "handover_notes": "Followers pointed on",
        "confirmed": "on",
    }

    first = client.post(url, form)
    second = client.post(url, form)

    assert first.status_code == 302
    assert second.status_code == 200
    page = second.content.decode()
    assert "govuk-error-summary" in page
    assert f"{account.display_name} is already closed" in page
    assert AuditEvent.objects.for_object(account).filter(action="account.closed").count() == 1


def test_marking_a_security_task_done_twice_says_it_has_already_been_done(client, comms_officer, account):
    task = SecurityTask.objects.create(account=account, kind=SecurityTask.Kind.COMPROMISE)
    client.force_login(comms_officer)
    url = reverse("social_accounts:task_done", args=[task.pk])

    first = client.post(url, {"notes": "Password changed"})
    second = client.post(url, {"notes": "Password changed"})

    assert first.status_code == 302
    assert second.status_code == 200
    page = second.content.decode()
    assert "govuk-error-summary" in page
    assert "This task has already been done" in page
    assert AuditEvent.objects.filter(action="security_task.completed").count() == 1
