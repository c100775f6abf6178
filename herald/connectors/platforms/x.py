"""X, through the Account Activity API's webhooks.

X checks the URL with a CRC: a GET with `crc_token`, answered with JSON `{"response_token":
"sha256=<base64 HMAC-SHA256 of the token, keyed with the consumer secret>"}`; it repeats the check
about daily. Each POST carries `x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256 of the
body>`. A delivery names the subscribed user in `for_user_id` and holds `tweet_create_events` (posts
that mention or reply to the account, and the account's own) and `direct_message_events`.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
from collections.abc import Mapping
from typing import Any

import requests

from herald.connectors.base import (
    HTTP_TIMEOUT,
    BadSignature,
    Challenge,
    Connector,
    Malformed,
    ReplyFailed,
    ReplyTarget,
    SentReply,
    from_unix,
    hmac_sha256,
    load_json,
    need,
    same,
)
from herald.moderation.incoming import IncomingComment

API_URL = "https://api.x.com"
# v1.1 post times: "Wed Oct 10 20:19:24 +0000 2018"
CREATED_AT = "%a %b %d %H:%M:%S %z %Y"
CRC_TOKEN = re.compile(r"[A-Za-z0-9+/=_-]{1,256}")


class XConnector(Connector):
    platform = "x"
    label = "X"
    delivery = "webhook"
    can_reply = True
    can_hide = True  # replies in a conversation the account started; not mentions elsewhere, not messages
    app_secrets = ("consumer_secret",)
    account_secrets = ("access_token",)

    def _sign(self, app: Mapping[str, Any], message: bytes) -> str:
        return "sha256=" + base64.b64encode(hmac_sha256(str(app["consumer_secret"]), message)).decode()

    def answer_challenge(self, query: Mapping[str, str], app: Mapping[str, Any]) -> Challenge:
        token = query.get("crc_token", "")
        if not token:
            raise Malformed("Expected a crc_token")
        # The token is signed as a delivery's body is: answering any text would sign forged deliveries.
        # X's tokens are short base64 text; a delivery is a JSON object, which never looks like one.
        if not CRC_TOKEN.fullmatch(token):
            raise Malformed("The crc_token is not one X sends (up to 256 letters, digits and + / = _ -)")
        return Challenge(json.dumps({"response_token": self._sign(app, token.encode())}), "application/json")

    def verify(self, headers: Mapping[str, str], body: bytes, app: Mapping[str, Any]) -> None:
        given = headers.get("x-twitter-webhooks-signature", "")
        if not given.startswith("sha256="):
            raise BadSignature("x-twitter-webhooks-signature is missing")
        if not same(given, self._sign(app, body)):
            raise BadSignature("x-twitter-webhooks-signature does not match the body signed with the consumer secret")

    def parse(self, body: bytes) -> list[IncomingComment]:
        data = load_json(body)
        if not isinstance(data, dict):
            raise Malformed("Expected a JSON object")
        owner = str(need(data, "for_user_id", "the delivery"))
        found = []
        for post in data.get("tweet_create_events") or []:
            item = self._post(owner, post)
            if item is not None:
                found.append(item)
        users = data.get("users") or {}
        for event in data.get("direct_message_events") or []:
            item = self._message(owner, event, users)
            if item is not None:
                found.append(item)
        return found

    def _post(self, owner: str, post: Mapping[str, Any]) -> IncomingComment | None:
        user = post.get("user") or {}
        if str(user.get("id_str", "")) == owner:
            return None  # the council's own post
        try:
            posted = dt.datetime.strptime(str(need(post, "created_at", "tweet")), CREATED_AT)
        except ValueError as exc:
            raise Malformed(f"tweet created_at is not X's time format: {exc}") from exc
        extended = post.get("extended_tweet") or {}
        text = str(extended.get("full_text") or post.get("text") or "")
        replying_to = str(post.get("in_reply_to_status_id_str") or "")
        handle = str(user.get("screen_name", ""))
        post_id = str(need(post, "id_str", "tweet"))
        return IncomingComment(
            platform=self.platform,
            platform_id=post_id,
            text=text,
            posted_at=posted,
            kind="reply" if str(post.get("in_reply_to_user_id_str") or "") == owner else "mention",
            account_platform_id=owner,
            parent_platform_id=replying_to,
            author_platform_id=str(user.get("id_str", "")),
            author_handle=handle,
            author_name=str(user.get("name", "")),
            author_url=f"https://x.com/{handle}" if handle else "",
            permalink=f"https://x.com/{handle or 'i'}/status/{post_id}",
            raw=dict(post),
        )

    def _message(self, owner: str, event: Mapping[str, Any], users: Mapping[str, Any]) -> IncomingComment | None:
        if event.get("type") != "message_create":
            return None
        created = need(event, "message_create", "direct message event")
        sender = str(created.get("sender_id", ""))
        if sender == owner:
            return None  # sent by the council
        user = users.get(sender) or {}
        return IncomingComment(
            platform=self.platform,
            platform_id=f"dm-{need(event, 'id', 'direct message event')}",
            text=str((created.get("message_data") or {}).get("text", "")),
            posted_at=from_unix(int(need(event, "created_timestamp", "direct message event")) / 1000),
            kind="message",
            account_platform_id=owner,
            author_platform_id=sender,
            author_handle=str(user.get("screen_name", "")),
            author_name=str(user.get("name", "")),
            raw=dict(event),
        )

    def send_reply(
        self, target: ReplyTarget, text: str, *, app: Mapping[str, Any], account: Mapping[str, Any]
    ) -> SentReply:
        if target.platform_id.startswith("dm-"):
            raise ReplyFailed("Herald does not send direct messages on X: answer it on X and record it")
        base = str(app.get("api_url") or API_URL).rstrip("/")
        try:
            response = requests.post(
                f"{base}/2/tweets",
                json={"text": text, "reply": {"in_reply_to_tweet_id": target.platform_id}},
                headers={"Authorization": f"Bearer {account['access_token']}"},
                timeout=HTTP_TIMEOUT,
            )
            answer = response.json()
        except (requests.RequestException, ValueError) as exc:
            raise ReplyFailed(f"X could not be reached or answered oddly: {exc}") from exc
        data = answer.get("data") if isinstance(answer, dict) else None
        if response.status_code >= 400 or not isinstance(data, dict) or "id" not in data:
            detail = answer.get("detail") or answer.get("title") or "" if isinstance(answer, dict) else ""
            raise ReplyFailed(f"X refused the reply ({response.status_code}): {detail}")
        return SentReply(str(data["id"]), f"https://x.com/i/status/{data['id']}")

    def can_hide_target(self, target: ReplyTarget, account: Mapping[str, Any]) -> bool:
        if target.platform_id.startswith("dm-"):
            return False
        # A mention that replies to nothing has no conversation to hide it from.
        return not target.raw or bool(target.raw.get("in_reply_to_status_id_str"))

    def set_hidden(
        self, target: ReplyTarget, hidden: bool, *, app: Mapping[str, Any], account: Mapping[str, Any]
    ) -> bool:
        """Hide (or show again) a reply with `PUT /2/tweets/:id/hidden`, as the account's user. X allows
        it only for replies in a conversation the account started: a direct message, or a post that
        answers nothing, is left to the editor (False)."""
        if not self.can_hide_target(target, account):
            return False
        base = str(app.get("api_url") or API_URL).rstrip("/")
        try:
            response = requests.put(
                f"{base}/2/tweets/{target.platform_id}/hidden",
                json={"hidden": hidden},
                headers={"Authorization": f"Bearer {account['access_token']}"},
                timeout=HTTP_TIMEOUT,
            )
            answer = response.json()
        except (requests.RequestException, ValueError) as exc:
            raise ReplyFailed(f"X could not be reached or answered oddly: {exc}") from exc
        data = answer.get("data") if isinstance(answer, dict) else None
        if response.status_code >= 400 or not isinstance(data, dict) or data.get("hidden") is not hidden:
            raise ReplyFailed(
                f"X refused to {'hide' if hidden else 'show'} the reply ({response.status_code}): {_why(answer)}"
            )
        return True


def _why(answer: Any) -> str:
    """X's words for a refusal: a problem's `detail` (or `title`), or the first of its `errors`."""
    if not isinstance(answer, dict):
        return ""
    errors = answer.get("errors")
    first = errors[0] if isinstance(errors, list) and errors and isinstance(errors[0], dict) else {}
    return str(answer.get("detail") or answer.get("title") or first.get("message") or first.get("detail") or "")
