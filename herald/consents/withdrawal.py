"""How a withdrawal, or a change to what is published with a photo, reaches the records of other apps
that use the media.

Consents knows where each asset is used (MediaUse) but not what a post is. An app that uses media names
its record as a `UseOwner` when it tells consents which media it uses (`services.set_media_for`), and
registers, in its AppConfig.ready(), what to do when someone shown in them withdraws consent:

    withdrawal.on_consent_withdrawn("post", stop_posts_for_withdrawn_consent)

The handler is called inside the withdrawal's transaction with the primary keys of that app's records
whose media show the person (drafts, scheduled and published alike), the person acting, and why the
media may no longer be used (`Why`: consent withdrawn, a "do not publish" flag, or personal details
erased), so the app can say which to the people it tells: `handler(pks, by=..., why=...)`.

Likewise `withdrawal.on_published_details_changed("post", handler)`: called with the records that use an
asset whose published details (its alt text) were changed in the library, and the person who changed
them, so an approval given for the old words stops counting."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from herald.plain_text import whole_number

_KIND = re.compile(r"[a-z][a-z_]*")


@dataclass(frozen=True)
class UseOwner:
    """The record in another app that uses an asset, e.g. UseOwner("post", 41)."""

    kind: str
    pk: int

    def __post_init__(self) -> None:
        if not _KIND.fullmatch(self.kind):
            raise ValueError(f"A use owner's kind is lower-case letters and underscores, not {self.kind!r}")

    @property
    def reference(self) -> str:
        # Kept in MediaUse.reference, beside the free-text references staff give uses they record by hand.
        return f"{self.kind}:{self.pk}"

    @classmethod
    def from_reference(cls, reference: str) -> UseOwner | None:
        kind, colon, pk = reference.partition(":")
        if colon and _KIND.fullmatch(kind) and (number := whole_number(pk)) is not None:
            return cls(kind, number)
        return None


class Why(StrEnum):
    """Why media showing someone may no longer be used; the words are kept in each stopped use's reason."""

    WITHDRAWN = "Consent withdrawn"
    DO_NOT_PUBLISH = "'Do not publish' flag"
    ERASED = "Personal details erased"


# Why a photo may no longer be shown, in general terms, for the pages served instead of it: they never
# say who is in it.
GONE_BECAUSE = {
    Why.WITHDRAWN: "Someone shown in it withdrew their consent to its use.",
    Why.DO_NOT_PUBLISH: "Someone shown in it must not be published.",
    Why.ERASED: "The personal details of someone shown in it were erased.",
}


WithdrawalHandler = Callable[..., Any]  # handler(pks: list[int], *, by, why: Why) -> anything

_handlers: dict[str, list[WithdrawalHandler]] = {}


def on_consent_withdrawn(kind: str, handler: WithdrawalHandler) -> None:
    """Call `handler(pks, by=..., why=...)` when consent is withdrawn by someone shown in media that records
    of `kind` use, or they are flagged "do not publish", or their details are erased (`why` says which).
    Registering the same handler twice is harmless."""
    _register(_handlers, kind, handler)


def handlers() -> dict[str, tuple[WithdrawalHandler, ...]]:
    return {kind: tuple(registered) for kind, registered in _handlers.items()}


def tell_owners(uses: Iterable[Any], *, by: Any, why: Why) -> None:
    """Hand each registered handler the records of its kind that use these (MediaUse) uses, and why."""
    _tell(_handlers, uses, by=by, why=why)


_details_handlers: dict[str, list[WithdrawalHandler]] = {}


def on_published_details_changed(kind: str, handler: WithdrawalHandler) -> None:
    """Call `handler(pks, by=...)` when an asset that records of `kind` use has its published details
    (alt text) changed in the media library. Registering the same handler twice is harmless."""
    _register(_details_handlers, kind, handler)


def details_handlers() -> dict[str, tuple[WithdrawalHandler, ...]]:
    return {kind: tuple(registered) for kind, registered in _details_handlers.items()}


def tell_owners_details_changed(uses: Iterable[Any], *, by: Any) -> None:
    """Hand each registered handler the records of its kind that use an asset whose alt text changed."""
    _tell(_details_handlers, uses, by=by)


def _register(table: dict[str, list[WithdrawalHandler]], kind: str, handler: WithdrawalHandler) -> None:
    UseOwner(kind, 0)  # the same rule for kinds as the references themselves
    registered = table.setdefault(kind, [])
    if handler not in registered:
        registered.append(handler)


def _tell(table: dict[str, list[WithdrawalHandler]], uses: Iterable[Any], *, by: Any, **extra: Any) -> None:
    """Group the uses by the kind of record that owns them and hand each kind's handlers its records."""
    owners: dict[str, list[int]] = {}
    for use in uses:
        owner = UseOwner.from_reference(use.reference)
        if owner is not None and owner.pk not in owners.setdefault(owner.kind, []):
            owners[owner.kind].append(owner.pk)
    for kind, pks in owners.items():
        for handler in table.get(kind, ()):
            handler(sorted(pks), by=by, **extra)
