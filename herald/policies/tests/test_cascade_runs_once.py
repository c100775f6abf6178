"""Two workers running the cascade at the same moment (the launch's own task and the hourly run, or a
task re-queued while its first worker is still going) send each message once, not once each."""

import datetime as dt
import threading
import time

import pytest
from django.core import mail
from django.db import connection, connections, transaction

from herald.policies import services
from herald.policies.models import Reminder
from herald.policies.tests.factories import CampaignFactory
from testing.factories import PersonFactory

TODAY = dt.date(2026, 11, 24)
DUE = TODAY + dt.timedelta(days=10)
pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite runs one writer at a time"),
    pytest.mark.django_db(transaction=True),
    pytest.mark.time_machine(dt.datetime(2026, 11, 24, 9, tzinfo=dt.UTC)),
]


def _someone_waits_for_a_lock(timeout: float = 20) -> bool:
    ends = time.monotonic() + timeout
    with connections["default"].cursor() as cursor:
        while time.monotonic() < ends:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return True
            time.sleep(0.05)
    return False


def _run_together(first, second) -> None:
    """`first` runs in a transaction held open until `second` is waiting for it, as when one worker is
    part-way through a run when the other starts."""
    second_may_finish = threading.Event()
    failures = []

    def run_first():
        try:
            with transaction.atomic():
                first()
                second_may_finish.wait(30)
        except Exception as error:  # pragma: no cover - reported below
            failures.append(error)
        finally:
            connection.close()

    def run_second():
        try:
            second()
        except Exception as error:  # pragma: no cover - reported below
            failures.append(error)
        finally:
            connection.close()

    one = threading.Thread(target=run_first)
    one.start()
    time.sleep(0.5)
    two = threading.Thread(target=run_second)
    two.start()
    waited = _someone_waits_for_a_lock()
    second_may_finish.set()
    one.join(30)
    two.join(30)
    assert not failures, failures
    assert waited, "the second run never met the first"


@pytest.fixture
def campaign(policy_documents, employee, comms_officer):
    found = CampaignFactory(audience="team", team=employee.team, due_on=DUE, title="Read the new policy")
    services.launch_campaign(found, by=comms_officer)
    return found


def test_two_runs_at_once_invite_each_person_once(campaign, employee):
    mail.outbox.clear()
    run = lambda: services.send_due_messages(campaign, today=TODAY)  # noqa: E731
    _run_together(run, run)
    invitations = Reminder.objects.filter(assignment__campaign=campaign, kind=Reminder.Kind.INVITATION)
    assert invitations.filter(assignment__person=employee).count() == 1
    assert len([m for m in mail.outbox if m.to == [employee.email]]) == 1


def test_two_runs_at_once_tell_the_service_manager_once(campaign, employee, service_manager):
    services.send_due_messages(campaign, today=TODAY)
    # Reminders a month apart, so the day after the due date the one message due is the escalation.
    type(campaign).objects.filter(pk=campaign.pk).update(reminder_every_days=30)
    campaign.refresh_from_db()
    mail.outbox.clear()
    late = DUE + dt.timedelta(days=1)
    run = lambda: services.send_due_messages(campaign, today=late)  # noqa: E731
    _run_together(run, run)
    escalations = Reminder.objects.filter(assignment__person=employee, kind=Reminder.Kind.ESCALATION)
    assert escalations.count() == 1
    assert len([m for m in mail.outbox if service_manager.email in m.to and employee.full_name in m.body]) == 1


def test_two_runs_at_once_add_a_new_starter_once_and_neither_fails(campaign, employee):
    services.send_due_messages(campaign, today=TODAY)
    starter = PersonFactory(team=employee.team, email="starter@council.example")
    mail.outbox.clear()
    run = lambda: services.send_due_messages(campaign, today=TODAY + dt.timedelta(days=1))  # noqa: E731
    _run_together(run, run)
    assert campaign.assignments.filter(person=starter).count() == 1
    assert len([m for m in mail.outbox if m.to == [starter.email]]) == 1
