"""A reply posted by hand, outside Herald, and recorded in it: its id on the platform, as the platform
gives it, so that what the platform says later about that reply (the page removed it) finds it. The
moderator gives the id, or Herald reads it from the reply's address where the address carries it."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from herald.errors import Refused

# Each platform's reply ids, and an example for the message when one is not.
_IDS: dict[str, tuple[re.Pattern[str], str]] = {
    "facebook": (re.compile(r"\d{1,30}(_\d{1,30}){1,2}", re.ASCII), "104958372615_998877_5566"),
    "instagram": (re.compile(r"\d{1,30}", re.ASCII), "17858893269000001"),
    "x": (re.compile(r"\d{1,20}", re.ASCII), "1866123456789012345"),
    "mastodon": (re.compile(r"[A-Za-z0-9]{1,40}"), "113512345678901234"),
    "youtube": (
        re.compile(r"[A-Za-z0-9_-]{10,100}(\.[A-Za-z0-9_-]{10,100})?"),
        "UgzDE2tasfmrYLyNkGt4AaABAg.9iPXEClD9lW",
    ),
    "bluesky": (
        re.compile(r"at://did:[a-z]{1,20}:[A-Za-z0-9._:%-]{1,200}/app\.bsky\.feed\.post/[A-Za-z0-9]{1,64}"),
        "at://did:plc:abc123/app.bsky.feed.post/3kq2abc",
    ),
    "linkedin": (
        re.compile(r"urn:li:comment:\(urn:li:[A-Za-z]{1,30}:\d{1,30},\d{1,30}\)"),
        "urn:li:comment:(urn:li:activity:7100000000000000000,7100000000000000001)",
    ),
}
_ANY = (re.compile(r"\S{1,200}"), "")


def _from_address(platform: str, address: str, comment_platform_id: str) -> str:
    """The reply's id where its address carries it; "" where it does not (Instagram, LinkedIn, a
    Bluesky address that names the account by its handle)."""
    parts = urlsplit(address)
    query = parse_qs(parts.query)
    path = [part for part in parts.path.split("/") if part]
    if platform == "facebook":
        # ?comment_id=<the comment>&reply_comment_id=<the reply>: the Graph id is the comment's with
        # the reply's number in place of the comment's.
        number = (query.get("reply_comment_id") or [""])[0]
        stem, _, _ = comment_platform_id.rpartition("_")
        return f"{stem}_{number}" if number.isascii() and number.isdigit() and stem else ""
    if platform == "x" and len(path) >= 3 and path[-2] == "status":
        return path[-1]
    if platform == "mastodon" and path and (path[0].startswith("@") or "statuses" in path):
        return path[-1]
    if platform == "youtube":
        return (query.get("lc") or [""])[0]
    if (
        platform == "bluesky"
        and len(path) == 4
        and (path[0], path[2]) == ("profile", "post")
        and path[1].startswith("did:")
    ):
        return f"at://{path[1]}/app.bsky.feed.post/{path[3]}"
    return ""


def reply_id(platform: str, *, given: str, address: str, comment_platform_id: str) -> str:
    """The id to record: the one given (refused unless it is the platform's kind of id), else the one the
    address carries (kept only when it is), else "" (the reply cannot then be matched later)."""
    pattern, example = _IDS.get(platform, _ANY)
    given = given.strip()
    if given:
        if not pattern.fullmatch(given):
            like = f", like {example}" if example else ""
            raise Refused(f"Enter the reply's id as {_label(platform)} gives it{like}", field="platform_reply_id")
        return given
    found = _from_address(platform, address, comment_platform_id)
    return found if found and pattern.fullmatch(found) else ""


def _label(platform: str) -> str:
    from herald.social_accounts.models import Platform

    return dict(Platform.choices).get(platform, "the platform")
