"""The one way the incidents and risks apps send email. Every message is queued only after the
transaction that caused it commits, so a rolled-back change tells nobody anything. When Herald gains
a shared notifications module, this function is the one place to switch over."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse


def link(name: str, *args) -> str:
    return f"{settings.SITE_URL}{reverse(name, args=args)}"


def _send(people: Iterable, subject: str, body: str) -> None:
    addresses = sorted({p.email for p in people if p is not None and p.is_active and p.email})
    if not addresses:
        return
    message = f"{body}\n\n— Herald, {settings.COUNCIL_NAME}"
    transaction.on_commit(
        lambda: send_mail(f"[Herald] {subject}", message, settings.DEFAULT_FROM_EMAIL, addresses, fail_silently=False)
    )


notify = _send
