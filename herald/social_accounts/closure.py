"""How an account's closure reaches the apps that hold work planned for it.

The register closes an account but does not know what was planned for it (posts waiting for approval,
for one). An app that must act when an account is closed registers what to do in its
AppConfig.ready(), as with `editor_removal`:

    closure.on_account_closed(stop_posts_of_closed_account)

The handler is called as `handler(account, by=...)` inside the transaction that closes it, after the
closure is saved."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from herald.people.models import Person
    from herald.social_accounts.models import Account

AccountClosedHandler = Callable[..., Any]  # handler(account: Account, *, by: Person | None)

_handlers: list[AccountClosedHandler] = []


def on_account_closed(handler: AccountClosedHandler) -> None:
    """Call `handler(account, by=...)` whenever an account is closed. Registering it twice is harmless."""
    if handler not in _handlers:
        _handlers.append(handler)


def tell_apps(account: Account, *, by: Person | None) -> None:
    for handler in _handlers:
        handler(account, by=by)
