"""The connector interface: what every platform module provides, in plain Python (no Django).

A connector turns one platform's own payloads into `IncomingComment`s. Depending on how the platform
delivers, it also answers the webhook's registration challenge and checks the signature on each
delivery (Facebook, Instagram, X, LinkedIn), reads a stream (Bluesky, Mastodon) or polls (YouTube),
and, where the platform allows it, sends a reply. Secrets reach it as plain dictionaries: the app's
(`app`, e.g. Facebook's app secret) and the account's (`account`, e.g. a page access token); where
they come from is `herald.connectors.credentials`' business, not the connector's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from herald.moderation.incoming import CommentChange, IncomingComment

HTTP_TIMEOUT = 15  # seconds for a call to a platform's API


class ConnectorError(Exception):
    """Something a connector refuses, with the reason in words an operator can act on."""

    status = 400

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class BadSignature(ConnectorError):
    status = 403


class Malformed(ConnectorError):
    status = 400


class NotConfigured(ConnectorError):
    status = 404


class ReplyFailed(ConnectorError):
    status = 502


@dataclass(frozen=True)
class Challenge:
    """What to answer a webhook's GET (the platform proving we own the URL)."""

    body: str
    content_type: str = "text/plain"


@dataclass(frozen=True)
class ReplyTarget:
    """The comment being answered, as the platform knows it."""

    platform_id: str
    parent_platform_id: str = ""
    raw: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SentReply:
    platform_id: str
    permalink: str = ""


def hmac_sha256(secret: str, message: bytes) -> bytes:
    return hmac.new(secret.encode(), message, hashlib.sha256).digest()


def same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())


def load_json(body: bytes) -> Any:
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise Malformed(f"The body is not JSON: {exc}") from exc


def need(mapping: Mapping[str, Any], key: str, where: str) -> Any:
    """`mapping[key]`, or Malformed naming what is missing and where."""
    if not isinstance(mapping, Mapping) or key not in mapping or mapping[key] in (None, ""):
        raise Malformed(f"{where} has no {key}")
    return mapping[key]


def from_unix(seconds: float | int | str) -> dt.datetime:
    try:
        return dt.datetime.fromtimestamp(float(seconds), tz=dt.UTC)
    except (TypeError, ValueError, OverflowError) as exc:
        raise Malformed(f"{seconds!r} is not a Unix time") from exc


def from_iso(value: str) -> dt.datetime:
    try:
        when = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError as exc:
        raise Malformed(f"{value!r} is not an ISO 8601 time") from exc
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


class Connector:
    """One platform. Subclasses set what they support and override the matching methods."""

    platform: ClassVar[str]
    label: ClassVar[str]
    delivery: ClassVar[str]  # "webhook", "stream" or "poll"
    can_reply: ClassVar[bool] = False
    can_hide: ClassVar[bool] = False  # hides and shows again a comment on the council's own page
    can_delete: ClassVar[bool] = False  # deletes someone else's comment on the council's own page
    # The secrets each side must hold, named as in the secrets file, for the status page and the docs.
    app_secrets: ClassVar[tuple[str, ...]] = ()
    account_keys: ClassVar[tuple[str, ...]] = ("account_id",)
    account_secrets: ClassVar[tuple[str, ...]] = ()

    def missing(self, app: Mapping[str, Any], account: Mapping[str, Any] | None) -> list[str]:
        """The settings still needed before this connector can run for the account (or, with
        `account=None`, before its webhook can be used)."""
        gaps = [f"platforms.{self.platform}.{key}" for key in self.app_secrets if not app.get(key)]
        if account is not None:
            gaps += [key for key in (*self.account_keys, *self.account_secrets) if not account.get(key)]
        return gaps

    # --- webhooks ---
    def answer_challenge(self, query: Mapping[str, str], app: Mapping[str, Any]) -> Challenge:
        raise Malformed(f"{self.label} does not send a challenge to this address")

    def verify(self, headers: Mapping[str, str], body: bytes, app: Mapping[str, Any]) -> None:
        """Raise BadSignature unless `body` was signed by the platform. `headers` have lower-case names."""
        raise BadSignature(f"{self.label} does not deliver by webhook")

    def check_shape(self, body: bytes) -> None:
        """Raise Malformed if `body` is not the kind of delivery this platform sends (the comments are
        read from it later, in the task worker)."""
        self.read(body)

    def read(self, body: bytes) -> list[IncomingComment]:
        """`parse`, with any surprise in the payload's shape (a list where an object belongs, a number
        where text does) reported as Malformed rather than as a crash."""
        try:
            return self.parse(body)
        except ConnectorError:
            raise
        except (AttributeError, TypeError, KeyError, ValueError, IndexError) as exc:
            raise Malformed(f"The delivery is not in {self.label}'s format ({type(exc).__name__}: {exc})") from exc

    def replay_key(self, body: bytes) -> str:
        """What makes two deliveries the same delivery: by default the body itself."""
        return hashlib.sha256(body).hexdigest()

    # --- every delivery ---
    def parse(self, body: bytes) -> list[IncomingComment]:
        """The comments in one delivery (webhook body, stream frame or poll page). Each names the
        council account it arrived on by `account_platform_id`. Raise Malformed if it cannot be read."""
        raise NotImplementedError

    def parse_changes(self, body: bytes) -> list[CommentChange]:
        """Changes to comments delivered before (an edit, a removal by the author, a hide on the
        platform), where the platform reports them; most do not."""
        return []

    def read_changes(self, body: bytes) -> list[CommentChange]:
        """`parse_changes`, with surprises in the payload's shape reported as Malformed, as `read` does."""
        try:
            return self.parse_changes(body)
        except ConnectorError:
            raise
        except (AttributeError, TypeError, KeyError, ValueError, IndexError) as exc:
            raise Malformed(f"The delivery is not in {self.label}'s format ({type(exc).__name__}: {exc})") from exc

    # --- replies ---
    def send_reply(
        self, target: ReplyTarget, text: str, *, app: Mapping[str, Any], account: Mapping[str, Any]
    ) -> SentReply:
        raise ReplyFailed(f"Herald cannot send replies on {self.label}: post it there and record its address")

    def can_hide_target(self, target: ReplyTarget, account: Mapping[str, Any]) -> bool:
        """Whether `set_hidden` would try for this comment (no platform is called): some platforms hide
        only replies in a conversation the account started."""
        return self.can_hide

    def set_hidden(
        self, target: ReplyTarget, hidden: bool, *, app: Mapping[str, Any], account: Mapping[str, Any]
    ) -> bool:
        """Hide (`hidden=True`) or show again a comment on the council's own post. True when done;
        False where the platform has no way to for this kind of comment (the editor acts by hand);
        ReplyFailed with the platform's words when it refuses."""
        raise ReplyFailed(f"Herald cannot hide comments on {self.label}: hide it there")

    def delete(self, target: ReplyTarget, *, app: Mapping[str, Any], account: Mapping[str, Any]) -> bool:
        """Delete a comment left on the council's own post. True when done; ReplyFailed
        with the platform's words when it refuses."""
        raise ReplyFailed(f"Herald cannot delete comments on {self.label}: delete it there")
