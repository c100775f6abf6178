"""YouTube, by polling the Data API's `commentThreads.list` with `google-api-python-client`.

YouTube has no push for comments. Herald asks for the channel's newest threads
(`allThreadsRelatedToChannelId`, `order=time`) and pages back until it reaches what it has seen; the
cursor is the newest `publishedAt` seen. A poll page is stored as it came and read like a delivery:
each thread's top-level comment and the replies included with it. Replies are sent with
`comments.insert` (a `snippet.parentId` of the thread), which needs the channel's OAuth token.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from google.oauth2.credentials import Credentials
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError

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

PAGE_SIZE = 100
MAX_PAGES = 20  # a first poll reads at most 2,000 threads back


def service(app: Mapping[str, Any], account: Mapping[str, Any], *, for_writing: bool = False) -> Any:
    options = {"api_endpoint": str(app["api_url"])} if app.get("api_url") else None
    if for_writing:
        credentials = Credentials(
            token=str(account.get("access_token") or "") or None,
            refresh_token=str(account.get("refresh_token") or "") or None,
            client_id=str(app.get("client_id") or "") or None,
            client_secret=str(app.get("client_secret") or "") or None,
            token_uri=str(app.get("token_uri") or "https://oauth2.googleapis.com/token"),
        )
        return build("youtube", "v3", credentials=credentials, client_options=options, cache_discovery=False)
    key = str(account.get("api_key") or app.get("api_key") or "")
    return build("youtube", "v3", developerKey=key, client_options=options, cache_discovery=False)


class YouTubeConnector(Connector):
    platform = "youtube"
    label = "YouTube"
    delivery = "poll"
    can_reply = True
    can_hide = True  # by holding a comment for review on the channel's own videos
    account_keys = ("account_id",)
    account_secrets = ()

    def missing(self, app: Mapping[str, Any], account: Mapping[str, Any] | None) -> list[str]:
        gaps = super().missing(app, account)
        if account is not None and not (account.get("api_key") or app.get("api_key")):
            gaps.append("api_key (the account's or platforms.youtube.api_key)")
        return gaps

    def pages(self, app: Mapping[str, Any], account: Mapping[str, Any], since: str) -> Iterator[dict]:
        """Pages of the channel's threads, newest first, until one reaches `since` (an ISO time)."""
        youtube = service(app, account)
        token = None
        for _ in range(MAX_PAGES):
            request = youtube.commentThreads().list(
                part="snippet,replies",
                allThreadsRelatedToChannelId=str(account["account_id"]),
                order="time",
                maxResults=PAGE_SIZE,
                textFormat="plainText",
                pageToken=token,
            )
            page = request.execute()
            yield page
            items = page.get("items") or []
            oldest = min((_published(item) for item in items), default="")
            token = page.get("nextPageToken")
            if not token or (since and oldest and oldest <= since):
                return

    def parse(self, body: bytes) -> list[IncomingComment]:
        page = load_json(body)
        if not isinstance(page, dict) or page.get("kind") != "youtube#commentThreadListResponse":
            raise Malformed("Expected a youtube#commentThreadListResponse")
        found = []
        for thread in page.get("items") or []:
            snippet = need(thread, "snippet", "thread")
            channel = str(snippet.get("channelId", ""))
            top = need(snippet, "topLevelComment", "thread snippet")
            found.append(self._comment(top, channel, video=str(snippet.get("videoId", ""))))
            for reply in (thread.get("replies") or {}).get("comments") or []:
                found.append(self._comment(reply, channel, video=str(snippet.get("videoId", ""))))
        return [item for item in found if item.author_platform_id != item.account_platform_id]

    def _comment(self, comment: Mapping[str, Any], channel: str, *, video: str) -> IncomingComment:
        snippet = need(comment, "snippet", "comment")
        comment_id = str(need(comment, "id", "comment"))
        parent = str(snippet.get("parentId", ""))
        author = str((snippet.get("authorChannelId") or {}).get("value", ""))
        return IncomingComment(
            platform=self.platform,
            platform_id=comment_id,
            text=str(snippet.get("textOriginal") or snippet.get("textDisplay") or ""),
            posted_at=from_iso(str(need(snippet, "publishedAt", "comment snippet"))),
            kind="reply" if parent else "comment",
            account_platform_id=channel,
            parent_platform_id=parent or video,
            author_platform_id=author,
            author_name=str(snippet.get("authorDisplayName", "")),
            author_url=str(snippet.get("authorChannelUrl", "")),
            permalink=f"https://www.youtube.com/watch?v={video}&lc={comment_id}" if video else "",
            raw=dict(comment),
        )

    def send_reply(
        self, target: ReplyTarget, text: str, *, app: Mapping[str, Any], account: Mapping[str, Any]
    ) -> SentReply:
        if not (account.get("access_token") or account.get("refresh_token")):
            raise ReplyFailed("The YouTube channel has no OAuth token in the secrets file, so Herald cannot reply")
        # A reply answers the thread, whose id is its top-level comment's.
        thread = target.platform_id.split(".", 1)[0]
        try:
            made = (
                service(app, account, for_writing=True)
                .comments()
                .insert(part="snippet", body={"snippet": {"parentId": thread, "textOriginal": text}})
                .execute()
            )
        except HttpError as exc:
            raise ReplyFailed(f"YouTube refused the reply ({exc.resp.status})") from exc
        video = (target.raw.get("snippet") or {}).get("videoId", "") if target.raw else ""
        link = f"https://www.youtube.com/watch?v={video}&lc={made['id']}" if video else ""
        return SentReply(str(made["id"]), link)

    def set_hidden(
        self, target: ReplyTarget, hidden: bool, *, app: Mapping[str, Any], account: Mapping[str, Any]
    ) -> bool:
        """Hide a comment by holding it for review (`comments.setModerationStatus`, `heldForReview`)
        and show it again by publishing it. Not `rejected`: YouTube will not publish a rejected comment
        again, so it is a deletion, not a hide."""
        if not (account.get("access_token") or account.get("refresh_token")):
            raise ReplyFailed("The YouTube channel has no OAuth token in the secrets file, so Herald cannot hide")
        status = "heldForReview" if hidden else "published"
        try:
            (
                service(app, account, for_writing=True)
                .comments()
                .setModerationStatus(id=target.platform_id, moderationStatus=status)
                .execute()
            )
        except HttpError as exc:
            what = "hide" if hidden else "show again"
            raise ReplyFailed(f"YouTube refused to {what} the comment ({exc.resp.status}): {exc.reason}") from exc
        return True


def newest(page: Mapping[str, Any]) -> str:
    return max((_published(item) for item in page.get("items") or []), default="")


def _published(thread: Mapping[str, Any]) -> str:
    return str(
        (((thread.get("snippet") or {}).get("topLevelComment") or {}).get("snippet") or {}).get("publishedAt", "")
    )


def page_bytes(page: Mapping[str, Any]) -> bytes:
    return json.dumps(page, separators=(",", ":")).encode()
