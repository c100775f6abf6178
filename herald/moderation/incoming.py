"""What a connector hands to the inbox: one comment as the platform sent it, in Herald's words.

Pure Python, no Django: the platform connectors (`herald.connectors`), the JSON ingest API, the CSV
import and the generator all produce `IncomingComment`s and pass them to
`herald.moderation.services.receive_comments`. A (platform, platform_id) pair names one comment for
ever, so a second arrival of the same pair is a duplicate, never a second comment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings

KINDS = ("comment", "reply", "mention", "message")
# PostgreSQL keeps no U+0000 in text or JSON; anyone can type one into a comment or an API payload.
NUL, STAND_IN = "\x00", "\ufffd"


def _without_nul(value: Any) -> Any:
    """`value` with every U+0000 in its text (and, in a payload, its keys) replaced by U+FFFD, so the
    comment is kept whole and the gap still shows. What has none is given back as it is, not copied."""
    if isinstance(value, str):
        return value.replace(NUL, STAND_IN) if NUL in value else value
    if isinstance(value, dict):
        pairs = [(_without_nul(key), _without_nul(item)) for key, item in value.items()]
        changed = any(k is not key or v is not item for (k, v), (key, item) in zip(pairs, value.items(), strict=True))
        return dict(pairs) if changed else value
    if isinstance(value, list):
        items = [_without_nul(item) for item in value]
        return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
    return value


@dataclass(frozen=True)
class IncomingComment:
    platform: str  # the register's platform value: "facebook", "x", "instagram", "youtube", ...
    platform_id: str  # the platform's own id for the comment, unique on that platform
    text: str
    posted_at: dt.datetime  # aware
    kind: str = "comment"  # comment, reply, mention or message (a direct message)
    account_handle: str = ""  # the council account it arrived on, by handle ...
    account_platform_id: str = ""  # ... or by the platform's id for the account
    parent_platform_id: str = ""  # the comment (or post) this one answers, if any
    author_platform_id: str = ""
    author_handle: str = ""
    author_name: str = ""
    author_url: str = ""
    permalink: str = ""
    raw: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            cleaned = _without_nul(value)
            if cleaned is not value:
                object.__setattr__(self, name, cleaned)

    def problems(self) -> list[str]:
        """What is wrong with this comment as given, in words for whoever sent it; empty if nothing."""
        found = []
        if not self.platform:
            found.append("platform is missing")
        if not self.platform_id or len(self.platform_id) > 200:
            found.append("platform_id must be 1 to 200 characters")
        if self.kind not in KINDS:
            found.append(f"kind must be one of {', '.join(KINDS)}")
        if not isinstance(self.posted_at, dt.datetime) or self.posted_at.tzinfo is None:
            found.append("posted_at must be a date and time with its UTC offset")
        else:
            try:
                # stored in UTC and shown on the council's clock (London was 1 min 15 s behind UTC
                # before 1847): both must stay inside the calendar
                self.posted_at.astimezone(dt.UTC)
                self.posted_at.astimezone(ZoneInfo(settings.TIME_ZONE))
            except OverflowError:
                found.append("posted_at is outside the years 1 to 9999 in UTC or in UK time")
        if not self.text or not self.text.strip():
            found.append("text is empty")
        elif len(self.text) > 20_000:
            found.append("text is longer than 20,000 characters")
        if len(self.permalink) > 500:
            found.append("permalink is longer than 500 characters")
        return found


# What a platform can say happened to a comment already delivered (Facebook's feed verbs "edited",
# "remove", "hide" and "unhide"; Instagram sends no such changes).
CHANGES = ("edited", "removed", "hidden", "unhidden")


@dataclass(frozen=True)
class CommentChange:
    """A change the platform reports to a comment it delivered before: its author edited it (`text` is
    the new text) or removed it, or the page hid or showed it again on the platform itself."""

    platform: str
    platform_id: str
    change: str  # one of CHANGES
    # Aware: when the platform says it happened; None when it does not say (the connectors' reader then
    # dates it by when the delivery arrived).
    at: dt.datetime | None
    text: str = ""
    account_platform_id: str = ""
    raw: dict[str, Any] = field(default_factory=dict)
    # The account itself made the change (the page removed or hid the comment), not the comment's author:
    # through Herald (its own action echoed back) or by someone on the page outside Herald.
    by_account: bool = False

    def __post_init__(self) -> None:
        for name in ("text", "raw"):
            value = getattr(self, name)
            cleaned = _without_nul(value)
            if cleaned is not value:
                object.__setattr__(self, name, cleaned)
