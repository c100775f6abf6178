"""Queued emails are a delivery queue, not an archive: once sent, the body (which may hold a password-reset
link or a person's details) is forgotten, and old rows and one-time form keys are deleted."""

import datetime as dt

import pytest
from django.core import mail
from django.core.mail import send_mail
from django.utils import timezone

from herald import settings as herald_settings
from herald.mail import deliver, forget_old_emails_and_form_keys
from herald.models import FormSubmission, OutgoingEmail
from herald.schedule import periodic_tasks

pytestmark = pytest.mark.django_db
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def queued_mail(settings):
    settings.EMAIL_BACKEND = herald_settings.EMAIL_BACKEND
    settings.HERALD_EMAIL_DELIVERY_BACKEND = LOCMEM
    return settings


def test_a_sent_email_keeps_its_subject_and_recipients_but_not_its_body(queued_mail):
    send_mail(
        "Reset your Herald password",
        "Open https://herald.example/reset/MQ/secret-token/",
        None,
        ["someone@council.example"],
    )
    email = OutgoingEmail.objects.get()
    assert "secret-token" in str(email.message)  # queued: the worker still needs it

    deliver(email.pk)

    email.refresh_from_db()
    assert "secret-token" in mail.outbox[-1].body
    assert email.status == OutgoingEmail.Status.SENT and "secret-token" not in str(email.message)
    assert email.subject == "Reset your Herald password" and email.recipients == "someone@council.example"


def test_old_emails_and_form_keys_are_deleted_daily_and_queued_ones_never(queued_mail):
    now = timezone.now()
    for status in (OutgoingEmail.Status.SENT, OutgoingEmail.Status.FAILED, OutgoingEmail.Status.QUEUED):
        OutgoingEmail.objects.create(message={}, subject=f"old {status}", status=status)
    OutgoingEmail.objects.update(queued_at=now - dt.timedelta(days=15))
    OutgoingEmail.objects.create(message={}, subject="recent failure", status=OutgoingEmail.Status.FAILED)
    FormSubmission.objects.create(key="old")
    FormSubmission.objects.filter(key="old").update(at=now - dt.timedelta(days=2))
    FormSubmission.objects.create(key="today")

    forget_old_emails_and_form_keys(now=now)

    assert set(OutgoingEmail.objects.values_list("subject", flat=True)) == {"old queued", "recent failure"}
    assert list(FormSubmission.objects.values_list("key", flat=True)) == ["today"]
    assert "herald.tasks.forget_old_emails_and_form_keys" in [name for name, _, _ in periodic_tasks()]
