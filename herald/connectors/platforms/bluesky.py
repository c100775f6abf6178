"""Bluesky, through a Jetstream websocket, with the AT Protocol SDK (`atproto`) for the records.

Jetstream sends one JSON frame per repository event: `{"did", "time_us", "kind": "commit", "commit":
{"operation": "create", "collection": "app.bsky.feed.post", "rkey", "cid", "record": {...}}}`.
`time_us` is the cursor: reconnecting with `?cursor=<time_us>` replays from there, so a restart
loses nothing. Herald keeps the posts that reply to the council's account (the parent or thread root
is one of its posts) or mention it (a mention facet naming its DID); the account's own posts are not
comments. Replies are posted through the account's PDS with an app password.

Hiding a reply in a thread the account started adds its AT-URI to the `hiddenReplies` of the root
post's threadgate (`app.bsky.feed.threadgate`, the same record key as the root post, in the account's
repository), written with `com.atproto.repo.putRecord`; whatever else the threadgate says (who may
reply) is kept as it was.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from atproto import AtUri, Client, models
from atproto_client.exceptions import BadRequestError
from atproto_client.models.utils import get_model_as_dict
from pydantic import ValidationError

from herald.connectors.base import (
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

JETSTREAM_URL = "wss://jetstream2.us-east.bsky.network"
PDS_URL = "https://bsky.social"
POST = "app.bsky.feed.post"
THREADGATE = "app.bsky.feed.threadgate"
MOST_HIDDEN = 300  # the threadgate lexicon's limit on hiddenReplies
MENTION = "app.bsky.richtext.facet#mention"


def _host(uri: str) -> str:
    try:
        return str(AtUri.from_str(uri).host)
    except Exception:  # atproto raises its own errors for a bad URI
        return ""


class BlueskyConnector(Connector):
    platform = "bluesky"
    label = "Bluesky"
    delivery = "stream"
    can_reply = True
    can_hide = True  # replies in a thread the account started, through the root post's threadgate
    account_keys = ("account_id", "handle")
    account_secrets = ("app_password",)

    def stream_url(self, app: Mapping[str, Any], cursor: str) -> str:
        query = {"wantedCollections": POST}
        if cursor:
            query["cursor"] = cursor
        return f"{str(app.get('jetstream_url') or JETSTREAM_URL).rstrip('/')}/subscribe?{urlencode(query)}"

    @staticmethod
    def cursor_of(frame: Mapping[str, Any]) -> str:
        return str(frame.get("time_us", ""))

    def concerns(self, frame: Mapping[str, Any], did: str) -> bool:
        """Whether a frame is a new post aimed at the account `did` (cheap, before anything is stored)."""
        commit = frame.get("commit") or {}
        if frame.get("kind") != "commit" or commit.get("operation") != "create" or commit.get("collection") != POST:
            return False
        if frame.get("did") == did:
            return False
        return did in self._targets(commit.get("record") or {})

    @staticmethod
    def _targets(record: Mapping[str, Any]) -> list[str]:
        """The DIDs a post is aimed at: whose post it answers, then whom it mentions."""
        found = []
        reply = record.get("reply") or {}
        for key in ("parent", "root"):
            host = _host(str((reply.get(key) or {}).get("uri", "")))
            if host:
                found.append(host)
        for facet in record.get("facets") or []:
            for feature in facet.get("features") or []:
                if feature.get("$type") == MENTION and feature.get("did"):
                    found.append(str(feature["did"]))
        return found

    def parse(self, body: bytes) -> list[IncomingComment]:
        frame = load_json(body)
        if not isinstance(frame, dict):
            raise Malformed("Expected a Jetstream frame (a JSON object)")
        author = str(need(frame, "did", "frame"))
        commit = need(frame, "commit", "frame")
        if commit.get("operation") != "create" or commit.get("collection") != POST:
            return []
        raw_record = need(commit, "record", "commit")
        try:
            record = models.AppBskyFeedPost.Record.model_validate(raw_record)
        except ValidationError as exc:
            raise Malformed(f"The record is not a Bluesky post: {exc.errors()[0]['msg']}") from exc
        uri = f"at://{author}/{POST}/{need(commit, 'rkey', 'commit')}"
        targets = self._targets(raw_record)
        parent = record.reply.parent.uri if record.reply else ""
        return [
            IncomingComment(
                platform=self.platform,
                platform_id=uri,
                text=record.text,
                posted_at=from_iso(record.created_at),
                kind="reply" if record.reply else "mention",
                account_platform_id=targets[0] if targets else "",
                parent_platform_id=parent,
                author_platform_id=author,
                author_url=f"https://bsky.app/profile/{author}",
                permalink=f"https://bsky.app/profile/{author}/post/{commit['rkey']}",
                raw=frame,
            )
        ]

    def send_reply(
        self, target: ReplyTarget, text: str, *, app: Mapping[str, Any], account: Mapping[str, Any]
    ) -> SentReply:
        commit = target.raw.get("commit") or {}
        cid = str(commit.get("cid", ""))
        if not cid:
            raise ReplyFailed("Herald does not have the post's content id (cid), which Bluesky needs to reply")
        parent = models.ComAtprotoRepoStrongRef.Main(uri=target.platform_id, cid=cid)
        root_data = ((commit.get("record") or {}).get("reply") or {}).get("root") or {}
        root = models.ComAtprotoRepoStrongRef.Main(**root_data) if root_data.get("uri") else parent
        client = Client(base_url=str(account.get("pds_url") or app.get("pds_url") or PDS_URL))
        try:
            client.login(str(account["handle"]), str(account["app_password"]))
            made = client.send_post(text, reply_to=models.AppBskyFeedPost.ReplyRef(parent=parent, root=root))
        except Exception as exc:  # atproto raises many kinds: network, auth, bad request
            raise ReplyFailed(f"Bluesky refused the reply: {exc}") from exc
        rkey = made.uri.rsplit("/", 1)[-1]
        return SentReply(made.uri, f"https://bsky.app/profile/{account['handle']}/post/{rkey}")

    def can_hide_target(self, target: ReplyTarget, account: Mapping[str, Any]) -> bool:
        # Only replies in a thread the account started: elsewhere Bluesky gives it no way to hide them.
        root = _root(target)
        return bool(root) and _host(root) == str(account.get("account_id", ""))

    def set_hidden(
        self, target: ReplyTarget, hidden: bool, *, app: Mapping[str, Any], account: Mapping[str, Any]
    ) -> bool:
        if not self.can_hide_target(target, account):
            return False
        root = _root(target)
        did = str(account["account_id"])
        rkey = root.rsplit("/", 1)[-1]
        client = Client(base_url=str(account.get("pds_url") or app.get("pds_url") or PDS_URL))
        what = "hide" if hidden else "show again"
        try:
            client.login(str(account["handle"]), str(account["app_password"]))
            repo = client.com.atproto.repo
            try:
                kept = repo.get_record({"repo": did, "collection": THREADGATE, "rkey": rkey})
            except BadRequestError as exc:
                if getattr(getattr(exc.response, "content", None), "error", "") != "RecordNotFound":
                    raise
                gate: dict[str, Any] = {"$type": THREADGATE, "post": root, "createdAt": client.get_current_time_iso()}
                swap = None
            else:
                gate = get_model_as_dict(kept.value)
                swap = kept.cid
            already = [uri for uri in gate.get("hiddenReplies") or [] if uri != target.platform_id]
            chosen = [*already, target.platform_id] if hidden else already
            if len(chosen) > MOST_HIDDEN:
                raise ReplyFailed(f"Bluesky hides at most {MOST_HIDDEN} replies in one thread: delete some instead")
            gate["hiddenReplies"] = chosen
            data: dict[str, Any] = {"repo": did, "collection": THREADGATE, "rkey": rkey, "record": gate}
            if swap:
                data["swapRecord"] = swap  # refused if the threadgate changed since it was read
            repo.put_record(data)
        except ReplyFailed:
            raise
        except Exception as exc:  # atproto raises many kinds: network, auth, bad request
            raise ReplyFailed(f"Bluesky refused to {what} the reply: {exc}") from exc
        return True


def _root(target: ReplyTarget) -> str:
    """The AT-URI of the thread's root post, from the frame the reply arrived in."""
    record = (target.raw.get("commit") or {}).get("record") or {}
    return str(((record.get("reply") or {}).get("root") or {}).get("uri", ""))


def frame_bytes(frame: Mapping[str, Any]) -> bytes:
    return json.dumps(frame, separators=(",", ":")).encode()
