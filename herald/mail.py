"""Every email Herald sends goes through the task queue.

`QueuedEmailBackend` is Herald's EMAIL_BACKEND, so every `send_mail`, `mail_admins` and password-reset
email lands here. It keeps each message as an `OutgoingEmail` row and enqueues `deliver_email` once the
caller's transaction commits: a request never waits for, or fails because of, the mail server. The task sends
the message with the real backend (HERALD_EMAIL_DELIVERY_BACKEND), retrying with backoff; after the
last attempt the email is marked failed and listed for the system administrators on their home page.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import logging

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from herald.models import OutboxEmail, OutgoingEmail
from herald.queue import task_named

# herald/tasks.py imports this module to run the delivery, so the task is named here, not imported.
# The task is queued once the email row is committed, so a fast worker always finds it.
DELIVER_EMAIL = "herald.tasks.deliver_email"

logger = logging.getLogger(__name__)


class EmailDeliveryFailed(Exception):
    """The last attempt to deliver an email failed; the email is kept, marked failed."""


# Marks an email whose delivery task could not be queued (the Redis task queue was down); it is kept,
# and `queue_stranded_emails` queues it again every few minutes.
NOT_QUEUED = "Waiting for the task queue: "


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        task_named(DELIVER_EMAIL)  # a misspelt task name fails here, in the caller
        queued = 0
        for message in email_messages:
            if not message.recipients():
                continue
            with transaction.atomic():
                email = OutgoingEmail.objects.create(
                    message=serialise(message),
                    subject=str(message.subject)[:998],
                    recipients=", ".join(message.recipients()),
                )
                transaction.on_commit(functools.partial(_enqueue, email.pk))
            queued += 1
        return queued


def _enqueue(email_id: int, task=None) -> bool:
    """Queue the delivery of an email. If the task queue is down (Redis unreachable) the email is kept,
    marked, and queued again later: neither the action that sent it fails nor is the email lost."""
    task = task or task_named(DELIVER_EMAIL)
    try:
        with transaction.atomic():
            task.enqueue(email_id)
    except Exception as error:  # whatever the task backend raises when it cannot be reached
        logger.error("Could not queue email %s for delivery; it is kept and queued again later: %s", email_id, error)
        OutgoingEmail.objects.filter(pk=email_id).update(
            last_error=f"{NOT_QUEUED}{type(error).__name__}: {error}"[:2000]
        )
        return False
    return True


# An email still queued this long after it was kept, never tried, lost its task somewhere (the process
# stopped between the commit and the queueing, or the queue lost it). Queued twice is harmless: `deliver`
# locks the row and sends only a queued email.
STRANDED_AFTER = dt.timedelta(minutes=10)


def queue_stranded_emails(*, now: dt.datetime | None = None) -> int:
    """Queue again every email whose delivery task could not be queued, or that has waited untried for
    longer than STRANDED_AFTER. Returns how many were."""
    now = now or timezone.now()
    queued = 0
    stranded = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.QUEUED).filter(
        Q(last_error__startswith=NOT_QUEUED) | Q(attempts=0, last_error="", queued_at__lt=now - STRANDED_AFTER)
    )
    for email_id in stranded.values_list("pk", flat=True):
        OutgoingEmail.objects.filter(pk=email_id, last_error__startswith=NOT_QUEUED).update(last_error="")
        if _enqueue(email_id):
            queued += 1
    return queued


class OutboxBackend(BaseEmailBackend):
    """The demo's delivery backend: keeps each email in the local outbox (OutboxEmail) for the system
    administrators to read at /notifications/outbox/, and sends nothing. `manage.py serve` prints one line
    when new mail arrives there instead of whole emails."""

    def send_messages(self, email_messages) -> int:
        kept = 0
        for message in email_messages:
            body = str(message.body)
            for content, mimetype in getattr(message, "alternatives", []):
                if mimetype == "text/plain":
                    body = str(content)
            OutboxEmail.objects.create(
                subject=str(message.subject)[:998], to=", ".join(message.recipients()), body=body
            )
            kept += 1
        return kept


def outbox_in_use() -> bool:
    """Whether emails are kept in the demo outbox rather than sent (the local default)."""
    return settings.HERALD_EMAIL_DELIVERY_BACKEND == f"{__name__}.OutboxBackend"


def serialise(message: EmailMessage) -> dict:
    attachments = []
    for attachment in message.attachments:
        if not isinstance(attachment, tuple):
            raise ValueError("Herald queues emails with (filename, content, mimetype) attachments only.")
        filename, content, mimetype = attachment
        if isinstance(content, str):
            content = content.encode()
        attachments.append([filename, base64.b64encode(content).decode("ascii"), mimetype])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "content_subtype": message.content_subtype,
        "alternatives": [[str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        "attachments": attachments,
    }


def deserialise(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(pair) for pair in data["alternatives"]],
    )
    message.content_subtype = data["content_subtype"]
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


def _delivery_connection():
    backend = settings.HERALD_EMAIL_DELIVERY_BACKEND
    if backend == f"{__name__}.QueuedEmailBackend":
        raise ImproperlyConfigured("HERALD_EMAIL_DELIVERY_BACKEND must be a backend that sends, not the queue.")
    return get_connection(backend, fail_silently=False)


def retry_delay(attempts: int) -> dt.timedelta:
    """Wait 1, 5, 25, 125... minutes between attempts, at most a day."""
    return dt.timedelta(seconds=min(settings.HERALD_EMAIL_RETRY_SECONDS * 5 ** (attempts - 1), 24 * 60 * 60))


def deliver(email_id: int) -> str:
    """Send one queued email. The row stays locked while sending, so a re-queued task can never send
    it twice at the same time. Returns the email's status."""
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.status != OutgoingEmail.Status.QUEUED:
            return email.status if email else "missing"
        email.attempts += 1
        try:
            with _delivery_connection() as connection:
                connection.send_messages([deserialise(email.message)])
        except Exception as exc:  # any failure of the mail server is worth another try
            email.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            if email.attempts >= settings.HERALD_EMAIL_MAX_ATTEMPTS:
                email.status = OutgoingEmail.Status.FAILED
            email.save(update_fields=["attempts", "last_error", "status"])
        else:
            email.status = OutgoingEmail.Status.SENT
            email.sent_at = timezone.now()
            # Once sent, the body (which may hold a password-reset link or a person's details) is not kept:
            # the subject, recipients and time are the record.
            email.message = {}
            email.save(update_fields=["attempts", "status", "sent_at", "message"])
            return email.status
    if email.status == OutgoingEmail.Status.FAILED:
        logger.error(
            "Gave up delivering email %s to %s after %s attempts: %s",
            email.pk,
            email.recipients,
            email.attempts,
            email.last_error,
        )
        # Failing the task as well puts the email among the failed tasks the administrators see.
        raise EmailDeliveryFailed(f"Email {email.pk} to {email.recipients}: {email.last_error}")
    task = task_named(DELIVER_EMAIL)
    if task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + retry_delay(email.attempts))
    _enqueue(email.pk, task)
    return email.status


def forget_old_emails_and_form_keys(*, now: dt.datetime | None = None) -> tuple[int, int]:
    """Delete emails sent or given up on more than HERALD_EMAIL_KEEP_DAYS ago (their failures have been
    on the administrators' home page meanwhile) and one-time form keys older than a day."""
    from herald.models import FormSubmission

    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.HERALD_EMAIL_KEEP_DAYS)
    emails, _ = OutgoingEmail.objects.exclude(status=OutgoingEmail.Status.QUEUED).filter(queued_at__lt=cutoff).delete()
    keys, _ = FormSubmission.objects.filter(at__lt=now - dt.timedelta(days=1)).delete()
    OutboxEmail.objects.filter(sent_at__lt=cutoff).delete()
    return emails, keys


def subject_access_records(query: str) -> list[dict]:
    """The emails Herald still holds that were sent to the address a subject access search names (a
    consent receipt, a withdrawal confirmation): what it said while it waits to go, then its subject, when
    and whether it went, until HERALD_EMAIL_KEEP_DAYS have passed. Other recipients are left out, and so
    is the body of an email that also went to them."""
    address = query.strip().lower()
    if "@" not in address:
        return []
    found: list[dict] = []
    for email in OutgoingEmail.objects.filter(recipients__icontains=address).order_by("queued_at", "pk"):
        recipients = [r.strip().lower() for r in email.recipients.split(",")]
        if address not in recipients:
            continue
        record = {
            "subject": email.subject,
            "to": address,
            "status": email.get_status_display(),
            "queued_at": email.queued_at.isoformat(),
            "sent_at": email.sent_at.isoformat() if email.sent_at else None,
        }
        if recipients == [address] and email.message.get("body"):
            record["body"] = email.message["body"]
        found.append(record)
    for kept in OutboxEmail.objects.filter(to__icontains=address).order_by("sent_at", "pk"):
        recipients = [r.strip().lower() for r in kept.to.split(",")]
        if address in recipients:
            record = {"subject": kept.subject, "to": address, "status": "Kept in the demo outbox"}
            record["queued_at"] = kept.sent_at.isoformat()
            if recipients == [address]:
                record["body"] = kept.body
            found.append(record)
    return found
