"""With the Redis task backend and Redis down, an email is kept, the action that sent it still succeeds,
and the email goes once the task queue is back."""

import datetime as dt

import pytest
import redis
from django.core import mail
from django.core.mail import EmailMessage, send_mail
from django.utils import timezone

from herald import settings as herald_settings
from herald.mail import queue_stranded_emails, serialise
from herald.models import OutgoingEmail
from herald.schedule import periodic_tasks

pytestmark = pytest.mark.django_db
# Nothing listens on this port: Redis is down.
REDIS_DOWN = "redis://127.0.0.1:6390/15"


@pytest.fixture
def redis_down(settings):
    settings.EMAIL_BACKEND = herald_settings.EMAIL_BACKEND
    settings.HERALD_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    settings.RQ_QUEUES = {"default": {"URL": REDIS_DOWN}}
    return settings


def test_an_email_sent_while_redis_is_down_is_kept_and_goes_once_the_queue_is_back(
    redis_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the delivery is queued once the email is kept
        assert send_mail("Your consent reference HB-0001", "Thank you, Asha.", None, ["asha@example.org"]) == 1
    email = OutgoingEmail.objects.get()
    assert email.status == OutgoingEmail.Status.QUEUED and "ConnectionError" in email.last_error

    assert queue_stranded_emails() == 0  # still down: kept for the next try
    # the task queue is back (here one that runs each task at once)
    redis_down.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    assert queue_stranded_emails() == 1

    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT and email.last_error == ""
    assert [m.to for m in mail.outbox] == [["asha@example.org"]]
    assert queue_stranded_emails() == 0
    assert "herald.tasks.queue_stranded_emails" in [name for name, _, _ in periodic_tasks()]


@pytest.fixture
def immediate_queue(settings):
    settings.EMAIL_BACKEND = herald_settings.EMAIL_BACKEND
    settings.HERALD_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    return settings


def test_an_emails_delivery_is_queued_only_once_its_row_is_committed(
    immediate_queue, django_capture_on_commit_callbacks
):
    """Queued inside the transaction, a worker on another connection could look for the email before it
    was committed, find nothing, and leave it queued for ever."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send_mail("Your consent reference HB-0001", "Thank you, Asha.", None, ["asha@example.org"])
        assert mail.outbox == []  # nothing handed to the queue yet
    for callback in callbacks:
        callback()
    assert [m.to for m in mail.outbox] == [["asha@example.org"]]
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT


def test_an_email_left_queued_and_untried_is_queued_again_after_a_while(immediate_queue):
    """Its task lost (the process stopped between the commit and the queueing): no marker says so."""
    now = timezone.now()
    lost = OutgoingEmail.objects.create(message=serialise(EmailMessage("Lost", "Body", None, ["a@example.org"])))
    recent = OutgoingEmail.objects.create(message=serialise(EmailMessage("Recent", "Body", None, ["b@example.org"])))
    OutgoingEmail.objects.filter(pk=lost.pk).update(queued_at=now - dt.timedelta(minutes=11))
    OutgoingEmail.objects.filter(pk=recent.pk).update(queued_at=now - dt.timedelta(minutes=1))

    assert queue_stranded_emails(now=now) == 1

    assert [m.subject for m in mail.outbox] == ["Lost"]
    recent.refresh_from_db()
    assert recent.status == OutgoingEmail.Status.QUEUED


def test_a_redis_host_that_does_not_answer_is_given_up_on_within_seconds():
    """Without a connect timeout, a dead Redis host held each page that sent an email for minutes."""
    url = herald_settings.RQ_QUEUES["default"]["URL"]
    assert redis.Redis.from_url(url).connection_pool.connection_kwargs["socket_connect_timeout"] == 5
