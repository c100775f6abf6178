"""From approved to published: an approved post becomes ready at its time, and the editor records where
it was published."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone

from herald.audit import services as audit
from herald.errors import Refused
from herald.notifications import notify
from herald.people.models import Person
from herald.posts.models import (
    Post,
)
from herald.posts.selectors import can_write_for
from herald.posts.services.stop_switch import PublishingStopped, _hold_if_stopped, _record_refusal
from herald.posts.services.workflow import _link, _lock, _snapshot, _sync_media_uses

# Where a post's address may point, per platform. Other platforms accept any https address.
PLATFORM_DOMAINS = {
    "facebook": ("facebook.com", "fb.com", "fb.watch"),
    "x": ("x.com", "twitter.com"),
    "instagram": ("instagram.com",),
    "linkedin": ("linkedin.com",),
    "youtube": ("youtube.com", "youtu.be"),
    "tiktok": ("tiktok.com",),
    "nextdoor": ("nextdoor.co.uk", "nextdoor.com"),
    "bluesky": ("bsky.app",),
    "threads": ("threads.net", "threads.com"),
    "whatsapp": ("whatsapp.com",),
}


def mark_ready_posts(*, now: dt.datetime | None = None) -> list[Post]:
    """At its time, an approved post is ready: Herald holds no passwords, so it tells the author (and the
    account's editors) to publish it and record the address. Posts on a stopped account wait, approved,
    until publishing is released (the stop page lists them). Holding them is not audited: this runs every
    minute, and the stop itself is on the trail."""
    now = now or timezone.now()
    ready = []
    for pk in Post.objects.scheduled().filter(scheduled_for__lte=now).values_list("pk", flat=True):
        try:
            ready.append(mark_post_ready(Post(pk=pk), now=now))
        except Refused:
            continue  # held by a stop, or no longer approved
    return ready


def mark_post_ready(post: Post, *, now: dt.datetime | None = None) -> Post:
    """Make one approved post whose time has come ready to publish, and tell its editors. Refused with
    `PublishingStopped` while publishing is stopped on its account."""
    now = now or timezone.now()
    with transaction.atomic():
        post = _lock(post)
        if post.status != Post.Status.APPROVED:
            raise Refused("Only an approved post can become ready to publish")
        if post.scheduled_for is None or post.scheduled_for > now:
            raise Refused("This post is not due yet")
        _hold_if_stopped(post, "mark_ready")
        before = _snapshot(post)
        post.status = Post.Status.READY
        post.ready_at = now
        post.save()
        audit.record(actor=None, action="post.ready", obj=post, before=before, after=_snapshot(post))
        people = {post.author, *post.account.active_editors()}
        notify("post_ready_to_publish", to=people, context={"post": post, "link": _link("posts:publish", post.pk)})
    return post


def check_post_address(url: str, platform: str) -> str:
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise Refused("Enter the post's full address, starting https://", field="url")
    domains = PLATFORM_DOMAINS.get(platform)
    host = parts.hostname.lower()
    if domains and not any(host == d or host.endswith("." + d) for d in domains):
        raise Refused(f"Enter an address on {' or '.join(domains)}, where this account posts", field="url")
    if parts.path in ("", "/"):
        raise Refused("Enter the address of the post itself, not the platform's home page", field="url")
    return url


def record_publication(post: Post, *, url: str, by: Person) -> Post:
    """The editor published the approved post on the platform; record where. This completes the record.
    While publishing is stopped on the account it is refused, and the attempt is audited."""
    try:
        return _record_publication(post, url=url, by=by)
    except PublishingStopped as refusal:
        _record_refusal(refusal, by=by)
        raise


def _record_publication(post: Post, *, url: str, by: Person) -> Post:
    with transaction.atomic():
        post = _lock(post)
        if post.status != Post.Status.READY:
            raise Refused("Only a post that is ready to publish can be recorded as published")
        if post.author_id != by.pk and not can_write_for(by, post.account):
            raise Refused("Only the author or an editor of the account can record its publication")
        _hold_if_stopped(post, "publish")
        url = check_post_address(url, post.platform)
        before = _snapshot(post)
        post.published_url = url
        post.published_at = timezone.now()
        post.published_by = by
        post.status = Post.Status.PUBLISHED
        post.save()
        _sync_media_uses(post, state="published", by=by)
        audit.record(actor=by, action="post.published", obj=post, before=before, after=_snapshot(post))
    return post
