"""A reply posted by hand, outside Herald, and recorded in it: where it is, checked to be on the comment's
platform, and its id there, as the platform gives it, so that what the platform says later about that
reply (the page removed it) finds it. The moderator gives the id, or Herald reads it from the reply's
address where the address carries it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from herald.errors import Refused

if TYPE_CHECKING:
    from herald.moderation.models import Comment

# YouTube's comment ids: a thread's top-level comment is "Ug" and 24 more letters, digits, "_" or "-"
# (UgzDE2tasfmrYLyNkGt4AaABAg); a reply is its thread's id, a dot and 11 or 22 more.
_YOUTUBE_PART = r"[A-Za-z0-9_-]"
_YOUTUBE = rf"Ug{_YOUTUBE_PART}{{24}}(\.{_YOUTUBE_PART}{{11}}({_YOUTUBE_PART}{{11}})?)?"

# Each platform's reply ids, and an example for the message when one is not.
_IDS: dict[str, tuple[re.Pattern[str], str]] = {
    "facebook": (re.compile(r"\d{1,30}(_\d{1,30}){1,2}", re.ASCII), "104958372615_998877_5566"),
    "instagram": (re.compile(r"\d{1,30}", re.ASCII), "17858893269000001"),
    "x": (re.compile(r"\d{1,20}", re.ASCII), "1866123456789012345"),
    # A Mastodon server numbers its statuses (a 64-bit number); Herald names the server too, as its
    # connector does ("mastodon:<server>:<number>"), so the same number on two servers is two ids.
    "mastodon": (re.compile(r"\d{1,20}", re.ASCII), "113512345678901234"),
    "youtube": (re.compile(_YOUTUBE, re.ASCII), "UgzDE2tasfmrYLyNkGt4AaABAg.9iPXEClD9lW"),
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

# The sites each platform's posts and replies are on (the site itself or any of its subdomains:
# www., m., mobile., web.). Mastodon's is the council account's own server; "Other" has none.
SITES: dict[str, tuple[str, ...]] = {
    "facebook": ("facebook.com", "fb.com", "fb.watch"),
    "instagram": ("instagram.com",),
    "x": ("x.com", "twitter.com"),
    "linkedin": ("linkedin.com",),
    "youtube": ("youtube.com", "youtu.be"),
    "tiktok": ("tiktok.com",),
    "nextdoor": ("nextdoor.com", "nextdoor.co.uk"),
    "bluesky": ("bsky.app",),
    "threads": ("threads.net", "threads.com"),
    "whatsapp": ("whatsapp.com",),
}


def _host(address: str, *, with_port: bool = False) -> str:
    """The site an address is on, written one way: lower case, without a trailing dot, an international
    name in its ASCII form (xn--…). "" for an address no browser would take the reader to on that site:
    not http(s), or with a user name before the host (https://x.com@evil.example/ is on evil.example, and
    https://evil.example\\@x.com/ on evil.example too in a browser, though Python reads x.com)."""
    try:
        parts = urlsplit(address.strip())
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or "@" in parts.netloc or "\\" in address:
        return ""
    try:
        host = host.rstrip(".").encode("idna").decode("ascii").lower()
    except UnicodeError:
        return ""
    return f"{host}:{port}" if with_port and port is not None and host else host


def _on(host: str, site: str) -> bool:
    return host == site or host.endswith("." + site)


def mastodon_server(comment: Comment) -> str:
    """The host of the council account's own Mastodon server: from its address in the register
    (https://mastodon.social/@HBBC), else from a handle that names it (@HBBC@mastodon.social)."""
    account = comment.account
    host = _host(account.profile_url) if account.profile_url else ""
    if host:
        return host
    _, _, server = account.handle.strip().lstrip("@").partition("@")
    return _host(f"https://{server.strip()}/") if server.strip() else ""


def sites_for(comment: Comment) -> tuple[str, ...]:
    """The sites a reply to `comment` can be on; empty where any site will do (the platform "Other")."""
    if comment.platform == "mastodon":
        server = mastodon_server(comment)
        return (server,) if server else ()
    return SITES.get(comment.platform, ())


def check_address(comment: Comment, address: str) -> None:
    """Refuse an address that is not on the comment's platform (for Mastodon, the account's own server),
    naming the sites it can be on."""
    if comment.platform == "mastodon" and not mastodon_server(comment):
        raise Refused(
            "Herald does not know which Mastodon server the account is on: add the account's address on "
            "Mastodon to the register of accounts, then record the reply",
            field="address",
        )
    sites = sites_for(comment)
    if not sites:
        return
    host = _host(address)
    if any(_on(host, site) for site in sites):
        return
    where = " or ".join(f"https://{site}/" for site in sites)
    own = ", the account's own server" if comment.platform == "mastodon" else ""
    raise Refused(
        f"Enter the address of your reply on {_label(comment.platform)}: it starts {where}{own}",
        field="address",
    )


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
    if platform == "mastodon" and (
        (len(path) == 2 and path[0].startswith("@")) or (len(path) == 4 and (path[0], path[2]) == ("users", "statuses"))
    ):
        return path[-1]  # https://<server>/@name/<number>, or https://<server>/users/name/statuses/<number>
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


def _server_as_the_connector_names_it(comment: Comment) -> str:
    """The account's server as the Mastodon connector writes it in its ids (the address's host and any
    port: mastodon:<host[:port]>:<number>), so that a reply recorded by hand is found when the platform
    later says it was removed."""
    account = comment.account
    named = _host(account.profile_url, with_port=True) if account.profile_url else ""
    return named or mastodon_server(comment)


def _as_herald_names_it(comment: Comment, found: str) -> str:
    """A Mastodon status's number as Herald's connector names it: with the account's server."""
    if comment.platform != "mastodon":
        return found
    return f"mastodon:{_server_as_the_connector_names_it(comment)}:{found}"


def _as_the_platform_names_it(comment: Comment, given: str) -> str:
    """An id given as Herald names it (a Mastodon status with the account's server): as the platform does."""
    prefix = f"mastodon:{_server_as_the_connector_names_it(comment)}:"
    return given.removeprefix(prefix) if comment.platform == "mastodon" else given


def reply_id(comment: Comment, *, given: str, address: str) -> str:
    """The id to record for a reply to `comment` posted by hand at `address` (refused unless the address
    is on the comment's platform): the one given (refused unless it is the platform's kind of id), else
    the one the address carries (kept only when it is), else "" (the reply cannot then be matched later)."""
    check_address(comment, address)
    platform = comment.platform
    pattern, example = _IDS.get(platform, _ANY)
    given = _as_the_platform_names_it(comment, given.strip())
    if given:
        if not pattern.fullmatch(given):
            like = f", like {example}" if example else ""
            raise Refused(f"Enter the reply's id as {_label(platform)} gives it{like}", field="platform_reply_id")
        return _as_herald_names_it(comment, given)
    found = _from_address(platform, address, comment.platform_id)
    return _as_herald_names_it(comment, found) if found and pattern.fullmatch(found) else ""


def _label(platform: str) -> str:
    from herald.social_accounts.models import Platform

    return dict(Platform.choices).get(platform, "the platform")
