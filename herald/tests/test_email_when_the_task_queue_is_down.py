"""With the Redis task backend and Redis down, an email is kept, the action that sent it still succeeds,
and the email goes once the task queue is back."""

import pytest
from django.core import mail
from django.core.mail import send_mail

from herald import settings as herald_settings
from herald.mail import queue_stranded_emails
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


def test_an_email_sent_while_redis_is_down_is_kept_and_goes_once_the_queue_is_back(redis_down):
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
