"""How a person's leaving reaches the apps that hold something for them.

People knows who has left but not what they edit or approve. An app that must act when someone leaves
registers what to do in its AppConfig.ready():

    leavers.on_person_left(handle_leaver)

The handler is called as `handler(person, by=...)` inside the transaction that deactivates the person
(the directory import, or HR recording a leaver), after their sign-in is switched off."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from herald.people.models import Person

LeaverHandler = Callable[..., Any]  # handler(person: Person, *, by: Person | None) -> anything

_handlers: list[LeaverHandler] = []


def on_person_left(handler: LeaverHandler) -> None:
    """Call `handler(person, by=...)` whenever someone leaves. Registering the same handler twice is harmless."""
    if handler not in _handlers:
        _handlers.append(handler)


def handlers() -> tuple[LeaverHandler, ...]:
    return tuple(_handlers)


def tell_apps(person: Person, *, by: Person | None) -> None:
    for handler in _handlers:
        handler(person, by=by)
