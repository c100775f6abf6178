"""Posting Herald's messages to a team's Microsoft Teams or Slack channel through an incoming webhook.

An administrator gives a team its channel's incoming-webhook address. What Herald tells the team's
members (never a personal letter) is then also posted there: each post is kept as a WebhookDelivery and
sent by the task queue, retried with backoff like an email, so a channel that is down never fails a page.
Each service gets the message in its own documented format: Slack's `{"text": ...}` with mrkdwn, and for
Teams a message carrying one Adaptive Card (what Teams workflows' "post to a channel when a webhook
request is received" and the older incoming-webhook connectors both accept).
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import logging
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from herald.audit import services as audit
from herald.errors import Refused
from herald.models import TeamWebhook, WebhookDelivery, without_webhook_address
from herald.people.models import Person, Team
from herald.queue import enqueue_after_commit, task_named

POST_TO_WEBHOOK = "herald.tasks.post_to_webhook"
TIMEOUT_SECONDS = 10

logger = logging.getLogger(__name__)


class WebhookDeliveryFailed(Exception):
    """The last attempt to post to a channel failed; the delivery is kept, marked failed."""


def payload(service: str, *, subject: str, body: str) -> dict[str, Any]:
    """The message in the format the service documents for its incoming webhooks."""
    if service == TeamWebhook.Service.SLACK:
        return {"text": f"*{_slack_escape(subject)}*\n{_slack_escape(body)}"}
    return {
        "type": "message",
        "attachments": [
            {
                "contentType": "application/vnd.microsoft.card.adaptive",
                "contentUrl": None,
                "content": {
                    "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                    "type": "AdaptiveCard",
                    "version": "1.4",
                    "body": [
                        {"type": "TextBlock", "text": subject, "weight": "Bolder", "size": "Medium", "wrap": True},
                        {"type": "TextBlock", "text": body, "wrap": True},
                    ],
                },
            }
        ],
    }


def _slack_escape(text: str) -> str:
    # Slack reads &, < and > as markup (links, mentions); a message's own text must not become one.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def queue_for_teams(team_ids: Iterable[int], *, subject: str, body: str) -> int:
    """Keep a post for each of these teams' active channels and queue it. Returns how many were queued."""
    hooks = list(TeamWebhook.objects.filter(team_id__in=set(team_ids), is_active=True))
    task = task_named(POST_TO_WEBHOOK)
    for hook in hooks:
        with transaction.atomic():
            delivery = WebhookDelivery.objects.create(
                webhook=hook, subject=subject[:998], payload=payload(hook.service, subject=subject, body=body)
            )
            task.enqueue(delivery.pk)
    return len(hooks)


def retry_delay(attempts: int) -> dt.timedelta:
    return dt.timedelta(seconds=min(settings.HERALD_EMAIL_RETRY_SECONDS * 5 ** (attempts - 1), 24 * 60 * 60))


def _post(url: str, data: dict[str, Any]) -> None:
    request = urllib.request.Request(
        url,
        data=json.dumps(data).encode(),
        headers={"Content-Type": "application/json", "User-Agent": "Herald"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 (checked scheme)
        response.read(1024)


def deliver(delivery_id: int) -> str:
    """Post one queued message to its channel; on failure queue another try later, until the last."""
    with transaction.atomic():
        delivery = WebhookDelivery.objects.select_for_update().select_related("webhook").filter(pk=delivery_id).first()
        if delivery is None or delivery.status != WebhookDelivery.Status.QUEUED:
            return delivery.status if delivery else "missing"
        delivery.attempts += 1
        try:
            _post(delivery.webhook.url, delivery.payload)
        except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
            delivery.last_error = without_webhook_address(f"{type(exc).__name__}: {exc}", delivery.webhook.url)[:2000]
            if delivery.attempts >= settings.HERALD_EMAIL_MAX_ATTEMPTS:
                delivery.status = WebhookDelivery.Status.FAILED
            delivery.save(update_fields=["attempts", "last_error", "status"])
        else:
            delivery.status = WebhookDelivery.Status.SENT
            delivery.sent_at = timezone.now()
            delivery.save(update_fields=["attempts", "status", "sent_at"])
            return delivery.status
    if delivery.status == WebhookDelivery.Status.FAILED:
        logger.error(
            "Gave up posting to %s after %s attempts: %s", delivery.webhook, delivery.attempts, delivery.last_error
        )
        raise WebhookDeliveryFailed(f"Post {delivery.pk} to {delivery.webhook}: {delivery.last_error}")
    task = task_named(POST_TO_WEBHOOK)
    if task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + retry_delay(delivery.attempts))
    task.enqueue(delivery.pk)
    return delivery.status


def _where(url: str) -> str:
    """The channel's host, for the audit trail: the rest of a webhook address is its secret."""
    return urllib.parse.urlsplit(url).netloc


def _check_address(url: str) -> None:
    scheme = urllib.parse.urlsplit(url).scheme
    if scheme != "https" and (settings.PRODUCTION or scheme != "http"):
        raise Refused("Enter the webhook address starting https://, as Teams or Slack gives it", field="url")


def set_team_webhook(*, team: Team, service: str, url: str, by: Person) -> TeamWebhook:
    """Give a team its channel (replacing any it had)."""
    _check_address(url)
    with transaction.atomic():
        hook = TeamWebhook.objects.filter(team=team).first()
        before = {"service": hook.service, "host": _where(hook.url), "active": hook.is_active} if hook else None
        if hook is None:
            hook = TeamWebhook(team=team)
        hook.service, hook.url, hook.is_active = service, url, True
        hook.save()
        audit.record(
            actor=by,
            action="notifications.webhook_set",
            obj=hook,
            before=before,
            after={"team": str(team), "service": service, "host": _where(url), "active": True},
        )
    return hook


def remove_team_webhook(hook: TeamWebhook, *, by: Person) -> None:
    with transaction.atomic():
        audit.record(
            actor=by,
            action="notifications.webhook_removed",
            obj=hook,
            before={"team": str(hook.team), "service": hook.service, "host": _where(hook.url)},
        )
        hook.delete()


def send_test_message(hook: TeamWebhook, *, by: Person) -> None:
    """Queue a short message to the channel, so the administrator sees it arrive."""
    with transaction.atomic():
        audit.record(actor=by, action="notifications.webhook_tested", obj=hook, after={"team": str(hook.team)})
        delivery = WebhookDelivery.objects.create(
            webhook=hook,
            subject="Herald test message",
            payload=payload(
                hook.service,
                subject="Herald test message",
                body=f"{by.full_name} connected this channel to Herald for {hook.team.name}.",
            ),
        )
        enqueue_after_commit("herald.tasks.post_to_webhook", delivery.pk)
