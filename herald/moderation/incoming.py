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

KINDS = ("comment", "reply", "mention", "message")


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
        if not self.text or not self.text.strip():
            found.append("text is empty")
        elif len(self.text) > 20_000:
            found.append("text is longer than 20,000 characters")
        if len(self.permalink) > 500:
            found.append("permalink is longer than 500 characters")
        return found
