"""How the incidents and risks apps word their messages. Delivery is Herald's one notifications module
(`herald.notifications`): after commit, through the email queue, never to leavers. These two apps word
each message in their services, so each app has one kind (`incident_update`, `risk_update`)."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.urls import reverse

from herald import notifications


def link(name: str, *args) -> str:
    return f"{settings.SITE_URL}{reverse(name, args=args)}"


def notify(people: Iterable, subject: str, body: str, *, kind: str = "incident_update") -> None:
    notifications.notify(kind, to=[p for p in people if p is not None], context={"subject": subject, "body": body})
