"""How an editor's removal from an account reaches the apps that hold work for them on it.

The register knows who edits an account but not what they were given to do there (the moderation
inbox, for one, assigns comments to people who can see them because they edit the account). An app
that must act when someone stops editing an account registers what to do in its AppConfig.ready():

    editor_removal.on_editor_removed(release_comments_of_former_editor)

The handler is called as `handler(account, person, by=...)` inside the transaction that removes them
(an editor removed by hand, or every editor when the account is closed), after the removal is saved.
A leaver is told to apps through herald.people.leavers instead."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from herald.people.models import Person
    from herald.social_accounts.models import Account

EditorRemovedHandler = Callable[..., Any]  # handler(account: Account, person: Person, *, by: Person | None)

_handlers: list[EditorRemovedHandler] = []


def on_editor_removed(handler: EditorRemovedHandler) -> None:
    """Call `handler(account, person, by=...)` whenever someone stops editing an account. Registering the
    same handler twice is harmless."""
    if handler not in _handlers:
        _handlers.append(handler)


def handlers() -> tuple[EditorRemovedHandler, ...]:
    return tuple(_handlers)


def tell_apps(account: Account, person: Person, *, by: Person | None) -> None:
    for handler in _handlers:
        handler(account, person, by=by)
