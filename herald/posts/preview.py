"""A post as it will look on its platform: web addresses, hashtags and mentions as the platform shows
them, the text folded where the feed hides the rest behind "See more", the part past the platform's limit
marked as cut, and the photos in the frame the feed crops them to. What each platform does is data
(herald/posts/platform_looks.toml); the length limits come from the check engine's rules."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from herald.posts import findings

LOOKS_FILE = Path(__file__).with_name("platform_looks.toml")
CROPS = {"1x1", "4x5", "16x9", "9x16", "none"}

# Web addresses (with a scheme or starting www.), hashtags and @mentions, as platforms recognise them.
TOKENS = re.compile(
    r"(?P<url>\bhttps?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]|\bwww\.[^\s<>\"']+[^\s<>\"'.,;:!?)\]])"
    r"|(?P<tag>(?<![\w#])#[^\W_][\w]*)"
    r"|(?P<mention>(?<![\w@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)"
)


@dataclass(frozen=True)
class Look:
    platform: str
    fold: int
    fold_label: str
    crop: str
    media_shown: int
    shorten_links: bool
    links_clickable: bool


@cache
def looks() -> dict[str, Look]:
    data = tomllib.loads(LOOKS_FILE.read_text())
    found = {}
    for platform, values in data.items():
        if values["crop"] not in CROPS:
            raise ValueError(f"{LOOKS_FILE.name}: [{platform}] crop must be one of {sorted(CROPS)}")
        found[platform] = Look(platform=platform, **values)
    return found


def platform_label(platform: str) -> str:
    from herald.social_accounts.models import Platform

    return Platform(platform).label.split(" (")[0] if platform in Platform.values else platform.title()


def look_for(platform: str) -> Look:
    return looks().get(platform) or looks()["facebook"]


def _shown_url(url: str, look: Look) -> str:
    if not look.shorten_links:
        return url
    bare = re.sub(r"^https?://(www\.)?", "", url)
    return bare if len(bare) <= 23 else bare[:22] + "…"


def render_text(text: str, look: Look) -> SafeString:
    """The text as HTML: addresses, hashtags and mentions styled as the platform shows them (never real
    links: a preview must not send an approver anywhere); everything else escaped."""
    parts: list[str] = []
    last = 0
    for match in TOKENS.finditer(text):
        parts.append(escape(text[last : match.start()]))
        token = match.group(0)
        if match.lastgroup == "url":
            kind = "link" if look.links_clickable else "plain-link"
            parts.append(f'<span class="herald-look__{kind}">{escape(_shown_url(token, look))}</span>')
        else:
            parts.append(f'<span class="herald-look__{match.lastgroup}">{escape(token)}</span>')
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 (every piece of the text is escaped above)


def _cut_at_limit(text: str, platform: str) -> int:
    """How many characters of the text fit the platform's limit, as the platform counts them."""
    if not findings.platform_length(text, platform).over:
        return len(text)
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if findings.platform_length(text[:middle], platform).over:
            high = middle - 1
        else:
            low = middle
    return low


def build(
    text: str, platform: str, *, media: list[dict] | None = None, account_name: str = "", handle: str = ""
) -> dict:
    """Everything the preview template needs. `media` holds dicts with `url`, `alt` and `kind`."""
    look = look_for(platform)
    media = list(media or [])
    fits = _cut_at_limit(text, platform)
    kept, cut = text[:fits], text[fits:]
    folded = bool(look.fold) and len(kept) > look.fold
    if folded:
        # The feed cuts at a word where it can.
        at = kept.rfind(" ", 0, look.fold + 1)
        at = at if at > look.fold * 0.6 else look.fold
        before, after = kept[:at].rstrip(), kept[at:]
    else:
        before, after = kept, ""
    return {
        "platform": platform,
        "platform_label": platform_label(platform),
        "look": look,
        "account_name": account_name,
        "handle": handle.lstrip("@"),
        "before_fold": render_text(before, look),
        "after_fold": render_text(after, look),
        "folded": folded,
        "cut": cut,
        "limit": findings.platform_length(text, platform).limit,
        "media": media[: look.media_shown],
        "more_media": max(0, len(media) - look.media_shown),
        "crop": look.crop,
        "crop_label": look.crop.replace("x", ":"),
        "empty": not text.strip() and not media,
    }
