"""Emails and tasks kept while the task queue (Redis) was down are queued again every five minutes. Still
waiting after an hour, the queue has been down long: the system administrators' panel of failed background
work says how many and since when."""

import datetime as dt

import pytest
import time_machine

from herald.mail import NOT_QUEUED
from herald.models import OutgoingEmail, StrandedTask

pytestmark = pytest.mark.django_db

# 10:00 GMT on Monday 7 December 2026.
NOW = dt.datetime(2026, 12, 7, 10, 0, tzinfo=dt.UTC)
REFUSED = "ConnectionError: Error 111 connecting to 127.0.0.1:6379. Connection refused."


def _task(minutes_ago: int) -> None:
    kept = StrandedTask.objects.create(task="herald.tasks.post_to_webhook", args=[1], last_error=REFUSED)
    StrandedTask.objects.filter(pk=kept.pk).update(stranded_at=NOW - dt.timedelta(minutes=minutes_ago))


def _email(minutes_ago: int) -> None:
    kept = OutgoingEmail.objects.create(message={}, subject="Your consent reference", last_error=NOT_QUEUED + REFUSED)
    OutgoingEmail.objects.filter(pk=kept.pk).update(queued_at=NOW - dt.timedelta(minutes=minutes_ago))


def _home(client, person) -> str:
    with time_machine.travel(NOW, tick=False):
        client.force_login(person)
        return client.get("/").content.decode()


def test_work_waiting_over_an_hour_for_the_queue_is_shown_with_how_many_and_since_when(client, system_admin):
    # given two tasks kept since 07:30 and 08:45, one since 09:50, and an email kept since 08:00
    for minutes_ago in (150, 75, 10):
        _task(minutes_ago)
    _email(120)
    # when a system administrator opens the home page at 10:00
    page = _home(client, system_admin)
    # then the two tasks and the email that have waited over an hour are there, with the oldest's time
    assert "2 tasks waiting for the task queue since 7 December 2026 at 7:30am" in page
    assert "1 email waiting for the task queue since 7 December 2026 at 8am" in page
    assert "check that Redis and the workers are running" in page
    assert "Last error: ConnectionError" in page


def test_work_kept_for_less_than_an_hour_is_not_shown(client, system_admin):
    # given the queue went down ten minutes ago: Herald will queue these again without anyone's help
    _task(10)
    _email(10)
    page = _home(client, system_admin)
    assert "waiting for the task queue" not in page
    assert "None. Every email was delivered and every task finished." in page


def test_only_system_administrators_see_the_waiting_work(client, comms_officer):
    _task(150)
    assert "waiting for the task queue" not in _home(client, comms_officer)
