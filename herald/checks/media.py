"""Copyright, consent and safeguarding, from the media's metadata."""

from __future__ import annotations

import re
from collections.abc import Callable

from .model import Media

Emit = Callable[..., None]

_NEEDS_LICENCE = {"stock", "third_party", "user", "unknown"}
_ALT_FILLER = re.compile(r"(?i)^\s*(?:an?\s+)?(?:image|picture|photo|photograph|graphic|pic)\s+(?:of|showing)\b")


def _label(index: int, media: Media) -> str:
    return f"{index + 1} ({media.kind})"


def _consent_state(consent: str, whose: str) -> str:
    if consent == "missing":
        return "no consent recorded"
    if consent == "other_channel":
        return f"{whose} covers other channels, not this one"
    return f"{whose} {consent}"


def check_media(text: str, media: tuple[Media, ...], emit: Emit) -> None:
    lowered = text.lower()
    for index, item in enumerate(media):
        label = _label(index, item)
        if item.kind in ("image", "gif"):
            if not item.alt_text.strip():
                emit("alt-text", None, None, detail=label)
            elif _ALT_FILLER.match(item.alt_text):
                emit("alt-text-quality", None, None, detail=label)
        if item.kind == "video" and not item.captions:
            emit("captions", None, None, detail=label)
        if item.source in _NEEDS_LICENCE and not item.licence.strip():
            emit("media-licence", None, None, detail=label)
        children_without_consent = item.shows_children and not any(p.is_child for p in item.people)
        for person in item.people:
            who = person.name or "A person shown"
            if person.do_not_publish:
                emit("do-not-publish", None, None, detail=f"{who} in media {label}")
                continue
            if person.is_child:
                if not person.guardian_consent:
                    emit("child-guardian-consent", None, None, detail=label)
                elif person.consent != "valid":
                    # A guardian did consent, but not for this channel (or it has expired or been
                    # withdrawn): say that, not that there is no guardian consent at all.
                    state = _consent_state(person.consent, "their parent or guardian's consent")
                    emit("media-consent", None, None, detail=f"{who} in media {label} ({state})")
                if len(person.name.split()) >= 2:
                    position = lowered.find(person.name.lower())
                    if position >= 0:
                        emit("child-named", position, position + len(person.name))
            elif person.consent != "valid":
                state = _consent_state(person.consent, "consent")
                emit("media-consent", None, None, detail=f"{who} in media {label} ({state})")
        if children_without_consent:
            emit("child-guardian-consent", None, None, detail=label)
