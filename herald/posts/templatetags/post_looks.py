"""A post's photos (thumbnails with their alt text) and its look on its platform, for the post's pages."""

from __future__ import annotations

from django import template
from django.urls import reverse

from herald.consents.selectors import stopped_media
from herald.posts import preview

register = template.Library()


@register.simple_tag
def post_media(post) -> list[dict]:
    assets = list(post.media.all())
    stopped = stopped_media(a.pk for a in assets)
    # A photo that may not be used is no longer served through the post: no picture, no download.
    return [
        {
            "asset": asset,
            "thumb": reverse("posts:media_thumbnail", args=[post.pk, asset.pk])
            if (asset.thumbnail or asset.kind == "photo") and asset.pk not in stopped
            else "",
            "download": "" if asset.pk in stopped else reverse("posts:media_download", args=[post.pk, asset.pk]),
            "stopped": stopped.get(asset.pk, ""),
        }
        for asset in assets
    ]


@register.simple_tag
def post_look(post, media: list[dict] | None = None) -> dict:
    media = post_media(post) if media is None else media
    return preview.build(
        post.text,
        post.platform,
        media=[{"url": m["thumb"], "alt": m["asset"].alt_text, "kind": m["asset"].kind} for m in media],
        account_name=post.account.display_name,
        handle=post.account.handle,
    )
