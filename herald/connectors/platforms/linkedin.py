"""LinkedIn organisation pages, through organisation social action notifications.

LinkedIn validates the URL with a GET carrying `challengeCode`, answered with JSON holding the code
and `challengeResponse`, the hex HMAC-SHA256 of the code keyed with the app's client secret; it
repeats this every two hours. Each POST carries `X-LI-Signature`, the hex HMAC-SHA256 of
`"hmacsha256=" + <raw body>`, keyed with the client secret. A delivery is `{"type":
"ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS", "notifications": [...]}`; the ones Herald keeps are the
`COMMENT` and `SHARE_MENTION` actions, each with a `notificationId` LinkedIn may send more than once.
"""

from __future__ import annotations

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

API_URL = "https://api.linkedin.com"
API_VERSION = "202510"
KEPT = {"COMMENT": "comment", "SHARE_MENTION": "mention"}
CHALLENGE_CODE = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")


def organisation_id(urn_or_id: str) -> str:
    return str(urn_or_id).rsplit(":", 1)[-1]


class LinkedInConnector(Connector):
    platform = "linkedin"
    label = "LinkedIn"
    delivery = "webhook"
    can_reply = True
    app_secrets = ("client_secret",)
    account_secrets = ("access_token",)

    def answer_challenge(self, query: Mapping[str, str], app: Mapping[str, Any]) -> Challenge:
        code = query.get("challengeCode", "")
        if not code:
            raise Malformed("Expected a challengeCode")
        # LinkedIn signs a delivery as HMAC("hmacsha256=" + body): answering any code would sign forged
        # deliveries. LinkedIn documents its codes as type-4 UUIDs, so nothing else is answered.
        if not CHALLENGE_CODE.fullmatch(code):
            raise Malformed("The challengeCode is not one LinkedIn sends (a UUID)")
        answer = hmac_sha256(str(app["client_secret"]), code.encode()).hex()
        return Challenge(json.dumps({"challengeCode": code, "challengeResponse": answer}), "application/json")

    def verify(self, headers: Mapping[str, str], body: bytes, app: Mapping[str, Any]) -> None:
        given = headers.get("x-li-signature", "")
        if not given:
            raise BadSignature("X-LI-Signature is missing")
        if not same(given.lower(), hmac_sha256(str(app["client_secret"]), b"hmacsha256=" + body).hex()):
            raise BadSignature("X-LI-Signature does not match the body signed with the client secret")

    def parse(self, body: bytes) -> list[IncomingComment]:
        data = load_json(body)
        if not isinstance(data, dict) or data.get("type") != "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS":
            raise Malformed("Expected type ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS")
        notifications = data.get("notifications")
        if not isinstance(notifications, list):
            raise Malformed("notifications must be a list")
        found = []
        for note in notifications:
            kind = KEPT.get(str(note.get("action", ""))) if isinstance(note, dict) else None
            if kind is None:
                continue  # likes, shares, edits and deletions are not new comments
            activity = note.get("decoratedGeneratedActivity") or {}
            detail = activity.get("comment") or activity.get("share") or {}
            entity = str(detail.get("entity") or note.get("generatedActivity") or "")
            if not entity:
                raise Malformed(f"notification {note.get('notificationId')} names no comment or share")
            actor = str(note.get("actor") or detail.get("actor") or "")
            found.append(
                IncomingComment(
                    platform=self.platform,
                    platform_id=entity,
                    text=str(detail.get("text", "")),
                    posted_at=from_unix(int(need(note, "lastModifiedAt", "notification")) / 1000),
                    kind=kind,
                    account_platform_id=organisation_id(str(need(note, "organizationalEntity", "notification"))),
                    parent_platform_id=str(note.get("sourcePost", "")),
                    author_platform_id=actor,
                    raw=dict(note),
                )
            )
        return found

    def send_reply(
        self, target: ReplyTarget, text: str, *, app: Mapping[str, Any], account: Mapping[str, Any]
    ) -> SentReply:
        post = str(target.raw.get("sourcePost") or target.parent_platform_id)
        if not post:
            raise ReplyFailed("LinkedIn needs the post the comment was made on, and Herald does not have it")
        base = str(app.get("api_url") or API_URL).rstrip("/")
        body = {
            "actor": f"urn:li:organization:{organisation_id(str(account['account_id']))}",
            "object": post,
            "parentComment": target.platform_id,
            "message": {"text": text},
        }
        try:
            response = requests.post(
                f"{base}/rest/socialActions/{requests.utils.quote(post, safe='')}/comments",
                json=body,
                headers={
                    "Authorization": f"Bearer {account['access_token']}",
                    "LinkedIn-Version": str(app.get("api_version") or API_VERSION),
                    "X-Restli-Protocol-Version": "2.0.0",
                },
                timeout=HTTP_TIMEOUT,
            )
        except requests.RequestException as exc:
            raise ReplyFailed(f"LinkedIn could not be reached: {exc}") from exc
        made = response.headers.get("x-restli-id", "")
        if response.status_code >= 400 or not made:
            raise ReplyFailed(f"LinkedIn refused the reply ({response.status_code}): {response.text[:200]}")
        return SentReply(made)
