"""Mastodon, through the streaming API's `user:notification` stream, with `Mastodon.py`.

A council's Mastodon account is registered with the platform "Mastodon" and its entry in the secrets
file is `[accounts."mastodon:<handle>"]` (an older account registered as "Other" works too where its
entry says `connector = "mastodon"`, but its comments only reach the inbox once the register says
Mastodon). Herald keeps the `mention`
notifications (replies to the account and posts naming it; on Mastodon a direct message is a mention
with `visibility: direct`). The cursor is the last notification id: on start, Herald first reads the
notifications since it (`GET /api/v1/notifications?since_id=`) and then follows the stream.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from html import unescape
from typing import Any
from urllib.parse import urlparse

from mastodon import Mastodon, MastodonError

from herald.connectors.base import (
    HTTP_TIMEOUT,
    Connector,
    Malformed,
    ReplyFailed,
    ReplyTarget,
    SentReply,
    from_iso,
    load_json,
    need,
)
from herald.moderation.incoming import IncomingComment

TAG = re.compile(r"<[^>]+>")
BREAK = re.compile(r"<br\s*/?>|</p>\s*<p>", re.IGNORECASE)


def plain(html: str) -> str:
    """A status's HTML as the text a person reads."""
    return unescape(TAG.sub("", BREAK.sub("\n", html))).strip()


def client(account: Mapping[str, Any]) -> Mastodon:
    return Mastodon(
        access_token=str(account["access_token"]),
        api_base_url=str(account["base_url"]),
        request_timeout=HTTP_TIMEOUT,
        version_check_mode="none",
    )


class MastodonConnector(Connector):
    platform = "mastodon"
    label = "Mastodon"
    delivery = "stream"
    can_reply = True
    account_keys = ("account_id", "base_url")
    account_secrets = ("access_token",)

    @staticmethod
    def id_for(base_url: str, status_id: str) -> str:
        """Mastodon status ids are per server; Herald's ids for them name the server too."""
        return f"mastodon:{urlparse(base_url).netloc}:{status_id}"

    def parse(self, body: bytes) -> list[IncomingComment]:
        data = load_json(body)
        if not isinstance(data, dict):
            raise Malformed("Expected a notification (a JSON object)")
        base_url = str(need(data, "_base_url", "notification"))  # added by Herald's consumer
        if data.get("type") != "mention":
            return []
        status = need(data, "status", "mention notification")
        author = status.get("account") or {}
        status_id = str(need(status, "id", "status"))
        parent = str(status.get("in_reply_to_id") or "")
        direct = status.get("visibility") == "direct"
        return [
            IncomingComment(
                platform=self.platform,
                platform_id=self.id_for(base_url, status_id),
                text=plain(str(status.get("content", ""))) or str(status.get("spoiler_text", "")),
                posted_at=from_iso(str(need(status, "created_at", "status"))),
                kind="message" if direct else ("reply" if parent else "mention"),
                account_platform_id=str(data.get("_account_id", "")),
                parent_platform_id=self.id_for(base_url, parent) if parent else "",
                author_platform_id=f"mastodon:{author.get('acct', '')}" if author.get("acct") else "",
                author_handle=str(author.get("acct", "")),
                author_name=str(author.get("display_name", "")),
                author_url=str(author.get("url", "")),
                permalink=str(status.get("url") or status.get("uri") or ""),
                raw=data,
            )
        ]

    def send_reply(
        self, target: ReplyTarget, text: str, *, app: Mapping[str, Any], account: Mapping[str, Any]
    ) -> SentReply:
        status_id = target.platform_id.rsplit(":", 1)[-1]
        status = (target.raw.get("status") or {}) if target.raw else {}
        author = (status.get("account") or {}).get("acct", "")
        words = text if not author or f"@{author}" in text else f"@{author} {text}"
        visibility = "direct" if status.get("visibility") == "direct" else "public"
        try:
            made = client(account).status_post(words, in_reply_to_id=status_id, visibility=visibility)
        except MastodonError as exc:
            raise ReplyFailed(f"Mastodon refused the reply: {exc}") from exc
        return SentReply(self.id_for(str(account["base_url"]), str(made["id"])), str(made.get("url") or ""))


def notification_bytes(notification: Mapping[str, Any], *, base_url: str, account_id: str) -> bytes:
    """A notification as Herald stores it: the platform's JSON with where it came from."""
    return json.dumps({**notification, "_base_url": base_url, "_account_id": account_id}, default=str).encode()
