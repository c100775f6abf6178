"""The seam between the inbox and the platform connectors: what Herald can do on a platform for a
comment (send a reply, hide, unhide, delete), looked up by platform.

A connector app registers its functions in its `AppConfig.ready()` (herald.connectors does, for
every platform one of its connectors can reply on):

    from herald.moderation import platforms
    platforms.register("facebook", send_reply=send_reply, hide=hide, unhide=unhide, delete=delete)

`send_reply(comment, text) -> Sent | None` posts the reply and says where it is, or returns None
where this comment's account cannot send through Herald (no connector set up for it): the editor then
posts it by hand. The inbox's audit trail names who sent it. `can_reply(comment) -> bool`, where registered, says beforehand whether
`send_reply` would try (so the reply is recorded as "sending" only then); it is called inside the
transaction, so it must not call the platform. `can_hide(comment) -> bool`, likewise, says without
calling the platform whether `hide` would hide this comment there (the comment's page says so), and
`can_delete(comment) -> bool` whether `delete` would delete it there. `hide(comment)`, `unhide(comment)` and `delete(comment)` act on the comment, returning False where this comment's
account cannot (the editor does it by hand).
Any of them raises `PlatformError` with words for the editor when the platform refuses. Where nothing
is registered, the editor acts on the platform by hand and records it in Herald."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any


class PlatformError(Exception):
    """The platform refused or could not be reached; the message is shown to the editor."""


@dataclass(frozen=True)
class Sent:
    platform_reply_id: str
    address: str = ""


_ACTIONS = ("send_reply", "can_reply", "hide", "can_hide", "unhide", "delete", "can_delete")
# Each action whose check says beforehand, without calling the platform, whether it would try.
_CHECKS = {"send_reply": "can_reply", "hide": "can_hide", "delete": "can_delete"}
_registry: dict[tuple[str, str], Callable[..., Any]] = {}


def register(platform: str, **functions: Callable[..., Any]) -> None:
    for action, function in functions.items():
        if action not in _ACTIONS:
            raise ValueError(f"Unknown platform action {action!r}: one of {', '.join(_ACTIONS)}")
        _registry[(platform, action)] = function
    for action, check in _CHECKS.items():
        if action in functions and check not in functions:
            # A check speaks for the function registered beside it: a new one without its own always tries.
            _registry.pop((platform, check), None)


def unregister(platform: str, action: str) -> None:
    _registry.pop((platform, action), None)


@contextmanager
def registered(platform: str, **functions: Callable[..., Any]) -> Iterator[None]:
    """Register `functions` for the duration of a block, then put back what was there (for tests)."""
    before = {action: _registry.get((platform, action)) for action in {*functions, *_CHECKS.values()}}
    register(platform, **functions)
    try:
        yield
    finally:
        for action, function in before.items():
            if function is None:
                unregister(platform, action)
            else:
                _registry[(platform, action)] = function


def acts_on_platform(comment: Any, action: str) -> bool:
    """Whether a connector would carry out `action` ("send_reply", "hide", "unhide" or "delete") on
    `comment`'s platform, asked of the registered check without calling the platform."""
    if (comment.platform, action) not in _registry:
        return False
    # Showing a comment again goes with hiding it: where Herald may hide it, it may show it again.
    check = _registry.get((comment.platform, _CHECKS["hide" if action == "unhide" else action]))
    return check is None or bool(check(comment))  # a function registered without its check always tries


def hides_on_platform(comment: Any) -> bool:
    """Whether hiding `comment` in Herald hides it on its platform too (otherwise the editor does)."""
    return acts_on_platform(comment, "hide")


def deletes_on_platform(comment: Any) -> bool:
    """Whether deleting `comment` in Herald deletes it on its platform too (otherwise the editor does)."""
    return acts_on_platform(comment, "delete")


def action_for(platform: str, action: str) -> Callable[..., Any] | None:
    """The registered function doing `action` on `platform`, or None where it is done by hand."""
    return _registry.get((platform, action))
