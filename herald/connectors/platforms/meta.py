"""Facebook Pages and Instagram, both through Meta's Graph API webhooks.

Meta checks the callback URL with a GET (`hub.mode=subscribe`, `hub.verify_token`, `hub.challenge`:
answer the challenge if the token is ours) and signs each POST with `X-Hub-Signature-256:
sha256=<hex HMAC-SHA256 of the raw body, keyed with the app secret>`. A Page delivers `object: page`
with changes in the `feed` field (`item: comment`, `verb: add`; and for a comment already delivered
`edited` with the new `message`, `remove` when its author or the page removes it (`from` names which),
`hide`/`unhide` when the page does); an Instagram professional account delivers `object: instagram` with changes in the `comments`
field, new comments only: Instagram reports no edits (its comments cannot be edited) and no removals.
Each `entry.id` is the page's (or Instagram account's) id, which is how a delivery finds its council
account.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

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
    from_iso,
    from_unix,
    hmac_sha256,
    load_json,
    need,
    same,
)
from herald.moderation.incoming import CommentChange, IncomingComment

GRAPH_URL = "https://graph.facebook.com/v21.0"
# A Graph API comment id: digits, or a post's id and the comment's joined by "_". Only ids of this shape
# go into a deletion's address (Herald deletes only comments a connector delivered: services.py).
_COMMENT_ID = re.compile(r"\d{1,40}(?:_\d{1,40})?")
_TOKEN_IN_ADDRESS = re.compile(r"(access_token=)[^&\s'\"]+")


class MetaConnector(Connector):
    delivery = "webhook"
    can_reply = True
    app_secrets = ("app_secret", "verify_token")
    account_secrets = ("access_token",)
    object_name: str
    field_name: str

    def answer_challenge(self, query: Mapping[str, str], app: Mapping[str, Any]) -> Challenge:
        if query.get("hub.mode") != "subscribe" or not query.get("hub.challenge"):
            raise Malformed("Expected hub.mode=subscribe with a hub.challenge")
        if not same(query.get("hub.verify_token", ""), str(app["verify_token"])):
            raise BadSignature("hub.verify_token is not this Herald's verify token")
        return Challenge(query["hub.challenge"])

    def verify(self, headers: Mapping[str, str], body: bytes, app: Mapping[str, Any]) -> None:
        given = headers.get("x-hub-signature-256", "")
        if not given.startswith("sha256="):
            raise BadSignature("X-Hub-Signature-256 is missing")
        if not same(given, "sha256=" + hmac_sha256(str(app["app_secret"]), body).hex()):
            raise BadSignature("X-Hub-Signature-256 does not match the body signed with the app secret")

    def _entries(self, body: bytes) -> list[dict]:
        data = load_json(body)
        if not isinstance(data, dict) or data.get("object") != self.object_name:
            raise Malformed(f"Expected an object of {self.object_name!r}")
        entries = data.get("entry")
        if not isinstance(entries, list):
            raise Malformed("entry must be a list")
        return entries

    def parse(self, body: bytes) -> list[IncomingComment]:
        found = []
        for entry in self._entries(body):
            owner = str(need(entry, "id", "entry"))
            for change in entry.get("changes") or []:
                if not isinstance(change, dict) or change.get("field") != self.field_name:
                    continue
                item = self._comment(owner, need(change, "value", "change"))
                if item is not None:
                    found.append(item)
        return found

    def _comment(self, owner: str, value: Mapping[str, Any]) -> IncomingComment | None:
        raise NotImplementedError

    def _post(
        self, app: Mapping[str, Any], path: str, data: dict[str, str], *, expect: str = "id", method: str = "POST"
    ) -> dict:
        base = str(app.get("graph_url") or GRAPH_URL).rstrip("/")
        try:
            if method == "DELETE":
                # The token goes in a header, never the address: an address ends up in error messages.
                token = data.get("access_token", "")
                response = requests.delete(
                    f"{base}/{quote(path)}", headers={"Authorization": f"Bearer {token}"}, timeout=HTTP_TIMEOUT
                )
            else:
                response = requests.post(f"{base}/{path}", data=data, timeout=HTTP_TIMEOUT)
        except requests.RequestException as exc:
            reason = _TOKEN_IN_ADDRESS.sub(r"\1<hidden>", str(exc))
            raise ReplyFailed(f"{self.label} could not be reached: {reason}") from exc
        try:
            answer = response.json()
        except ValueError:
            answer = {}
        if response.status_code >= 400 or not isinstance(answer, dict) or not answer.get(expect):
            error = answer.get("error") if isinstance(answer, dict) else None
            message = error.get("message") if isinstance(error, dict) else error if isinstance(error, str) else ""
            what = "the reply" if expect == "id" else "the deletion" if method == "DELETE" else "the change"
            raise ReplyFailed(f"{self.label} refused {what} ({response.status_code}): {message or response.text[:200]}")
        return answer

    # The Graph API hides a comment on a Page with `is_hidden` and on Instagram with `hide`; both answer
    # {"success": true}.
    hide_field = "is_hidden"
    can_hide = True

    def set_hidden(
        self, target: ReplyTarget, hidden: bool, *, app: Mapping[str, Any], account: Mapping[str, Any]
    ) -> bool:
        self._post(
            app,
            target.platform_id,
            {self.hide_field: "true" if hidden else "false", "access_token": str(account["access_token"])},
            expect="success",
        )
        return True

    # A Page may delete comments on its posts, and an Instagram professional account comments on its
    # media: `DELETE /{comment-id}` with the account's token answers {"success": true}.
    can_delete = True

    def delete(self, target: ReplyTarget, *, app: Mapping[str, Any], account: Mapping[str, Any]) -> bool:
        if not _COMMENT_ID.fullmatch(target.platform_id):
            raise ReplyFailed(f"{target.platform_id!r} is not a {self.label} comment id: delete it there yourself")
        self._post(
            app,
            target.platform_id,
            {"access_token": str(account["access_token"])},
            expect="success",
            method="DELETE",
        )
        return True


class FacebookConnector(MetaConnector):
    platform = "facebook"
    label = "Facebook"
    object_name = "page"
    field_name = "feed"

    def _comment(self, owner: str, value: Mapping[str, Any]) -> IncomingComment | None:
        if value.get("item") != "comment" or value.get("verb") != "add":
            return None  # likes, edits, removals and the page's own posts are not new comments
        author = value.get("from") or {}
        if str(author.get("id", "")) == owner:
            return None  # the page answering in its own name
        comment_id = str(need(value, "comment_id", "feed change"))
        post_id = str(value.get("post_id", ""))
        parent = str(value.get("parent_id", "") or "")
        is_reply = bool(parent) and parent != post_id
        posted = value.get("created_time")
        return IncomingComment(
            platform=self.platform,
            platform_id=comment_id,
            text=str(value.get("message", "")),
            posted_at=from_unix(posted)
            if isinstance(posted, int | float)
            else from_iso(str(need(value, "created_time", "feed change"))),
            kind="reply" if is_reply else "comment",
            account_platform_id=owner,
            parent_platform_id=parent if is_reply else post_id,
            author_platform_id=str(author.get("id", "")),
            author_name=str(author.get("name", "")),
            permalink=str((value.get("post") or {}).get("permalink_url", "")),
            raw=dict(value),
        )

    # Meta's feed verbs for a comment already delivered, as Herald names the change. Meta has sent
    # both "edited" and "edit" for an edit, and documents "delete" beside "remove".
    CHANGE_VERBS = {
        "edited": "edited",
        "edit": "edited",
        "remove": "removed",
        "delete": "removed",
        "hide": "hidden",
        "unhide": "unhidden",
    }

    def parse_changes(self, body: bytes) -> list[CommentChange]:
        found = []
        for entry in self._entries(body):
            owner = str(need(entry, "id", "entry"))
            for change in entry.get("changes") or []:
                if not isinstance(change, dict) or change.get("field") != self.field_name:
                    continue
                value = need(change, "value", "change")
                what = self.CHANGE_VERBS.get(str(value.get("verb", "")))
                if value.get("item") != "comment" or what is None:
                    continue
                when = entry.get("time") or value.get("created_time")
                # `from` names who made the change: the page itself (its id is the entry's) when the page
                # removed or hid the comment, the comment's author when they edited or removed their own.
                actor = value.get("from") or {}
                found.append(
                    CommentChange(
                        platform=self.platform,
                        platform_id=str(need(value, "comment_id", "feed change")),
                        change=what,
                        at=None
                        if when in (None, "")
                        else from_unix(when)
                        if isinstance(when, int | float)
                        else from_iso(str(when)),
                        text=str(value.get("message", "")) if what == "edited" else "",
                        account_platform_id=owner,
                        raw=dict(value),
                        by_account=isinstance(actor, dict) and str(actor.get("id", "")) == owner,
                    )
                )
        return found

    def send_reply(
        self, target: ReplyTarget, text: str, *, app: Mapping[str, Any], account: Mapping[str, Any]
    ) -> SentReply:
        answer = self._post(
            app, f"{target.platform_id}/comments", {"message": text, "access_token": str(account["access_token"])}
        )
        return SentReply(str(answer["id"]))


class InstagramConnector(MetaConnector):
    platform = "instagram"
    label = "Instagram"
    hide_field = "hide"
    object_name = "instagram"
    field_name = "comments"

    def _comment(self, owner: str, value: Mapping[str, Any]) -> IncomingComment | None:
        author = value.get("from") or {}
        if str(author.get("id", "")) == owner:
            return None
        media = value.get("media") or {}
        parent = str(value.get("parent_id", "") or "")
        username = str(author.get("username", ""))
        return IncomingComment(
            platform=self.platform,
            platform_id=str(need(value, "id", "comments change")),
            text=str(value.get("text", "")),
            # Instagram's comment changes carry no time of their own: the entry's time is when it happened.
            posted_at=from_unix(need(value, "_entry_time", "entry (its time)")),
            kind="reply" if parent else "comment",
            account_platform_id=owner,
            parent_platform_id=parent or str(media.get("id", "")),
            author_platform_id=str(author.get("id", "")),
            author_handle=username,
            author_url=f"https://www.instagram.com/{username}/" if username else "",
            raw=dict(value),
        )

    def parse(self, body: bytes) -> list[IncomingComment]:
        found = []
        for entry in self._entries(body):
            owner = str(need(entry, "id", "entry"))
            for change in entry.get("changes") or []:
                if not isinstance(change, dict) or change.get("field") != self.field_name:
                    continue
                value = dict(need(change, "value", "change"))
                value["_entry_time"] = entry.get("time")
                item = self._comment(owner, value)
                if item is not None:
                    found.append(item)
        return found

    def send_reply(
        self, target: ReplyTarget, text: str, *, app: Mapping[str, Any], account: Mapping[str, Any]
    ) -> SentReply:
        answer = self._post(
            app, f"{target.platform_id}/replies", {"message": text, "access_token": str(account["access_token"])}
        )
        return SentReply(str(answer["id"]))
