"""What the status page shows: each account's connector and the platforms' webhooks, never a secret."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from herald.connectors import credentials
from herald.connectors.models import ConnectorState
from herald.connectors.registry import CONNECTORS, WEBHOOKS
from herald.social_accounts.models import Account


@dataclass
class StatusRow:
    account: Account
    connector: str
    delivery: str
    configured: bool
    missing: list[str]
    state: ConnectorState | None


@dataclass
class WebhookRow:
    label: str
    path: str
    configured: bool
    missing: list[str]
    state: ConnectorState | None


def status_rows() -> list[StatusRow]:
    """Every live account in the register, with its connector if the secrets name one."""
    states = {state.account_id: state for state in ConnectorState.objects.exclude(account=None)}
    rows = []
    for account in Account.objects.exclude(status__in=[Account.Status.REQUESTED, Account.Status.CLOSED]).order_by(
        "platform", "display_name"
    ):
        entry = credentials.for_account(account)
        if entry is None:
            name = account.platform if account.platform in CONNECTORS else ""
            rows.append(
                StatusRow(
                    account,
                    CONNECTORS[name].label if name else "None",
                    CONNECTORS[name].delivery if name else "",
                    False,
                    [],
                    states.get(account.pk),
                )
            )
            continue
        missing = entry.missing
        rows.append(
            StatusRow(
                account, entry.connector.label, entry.connector.delivery, not missing, missing, states.get(account.pk)
            )
        )
    return rows


def webhook_rows() -> list[WebhookRow]:
    states = {state.connector: state for state in ConnectorState.objects.filter(account=None)}
    rows = []
    for name in sorted(WEBHOOKS):
        connector = CONNECTORS[name]
        missing = connector.missing(credentials.app_settings(name), None)
        path = reverse("connectors:webhook", kwargs={"platform": name})
        rows.append(WebhookRow(connector.label, path, not missing, missing, states.get(name)))
    return rows
