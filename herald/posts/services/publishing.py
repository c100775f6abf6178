"""From approved to published: an approved post becomes ready at its time, and the editor records where
it was published."""

from __future__ import annotations

import datetime as dt
import logging
import re
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone

from herald.audit import services as audit
from herald.dates import uk_datetime
from herald.errors import Refused
from herald.notifications import notify
from herald.people.models import Person
from herald.people.roles import Role
from herald.posts.models import (
    Post,
)
from herald.posts.selectors import can_write_for, media_owner
from herald.posts.services.stop_switch import PublishingStopped, _hold_if_stopped, _record_refusal
from herald.posts.services.workflow import (
    _STOPPED_BECAUSE,
    ACCOUNT_CLOSED,
    _link,
    _lock,
    _needs_routing,
    _period_for,
    _route_for_pre_election,
    _snapshot,
    _sync_media_uses,
    media_problems,
    refuse_if_account_closed,
)
from herald.social_accounts.models import Account

logger = logging.getLogger(__name__)

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
            continue  # held by a stop, held for comms, its media no longer usable, or no longer approved
        except Exception:  # one post's failure (a check that broke) must not keep the rest from going out
            logger.exception("Post %s could not be made ready; the others go on", pk)
    return ready


def mark_post_ready(post: Post, *, now: dt.datetime | None = None) -> Post:
    """Make one approved post whose time has come ready to publish, and tell its editors. Refused with
    `PublishingStopped` while publishing is stopped on its account."""
    now = now or timezone.now()
    _cancel_if_account_closed(post)
    with transaction.atomic():
        post = _lock(post)
        if post.status != Post.Status.APPROVED:
            raise Refused("Only an approved post can become ready to publish")
        if post.scheduled_for is None or post.scheduled_for > now:
            raise Refused("This post is not due yet")
        _hold_if_stopped(post, "mark_ready")
        held = False
        problems = media_problems(post, now=now)
        if problems:  # consent expired or changed since approval: it expires, never made ready
            _return_for_media(post, problems, now=now)
        else:
            period = _period_for(post, now=now)
            if _needs_routing(post, period):
                # Approved before the period's rules (or a wider period's) applied to it: checked again, and
                # held for the communications team if they must decide.
                _route_for_pre_election(post, period=period, now=now)
                held = post.status != Post.Status.APPROVED
            if not held:
                _make_ready(post, now=now)
    if problems:
        raise Refused("The post's media may no longer be used, so it did not go out. " + " ".join(problems))
    if held:
        raise Refused("This post goes out in a pre-election period: it waits for the communications team")
    return post


def _cancel_if_account_closed(post: Post) -> None:
    """An approved post whose account was closed before its time came never goes out: it is cancelled,
    with the reason (kept), its author told, and refused."""
    with transaction.atomic():
        post = _lock(post)
        if post.status == Post.Status.APPROVED and post.account.status == Account.Status.CLOSED:
            _stop_for_closed_account(post, by=None)
    refuse_if_account_closed(post)


# What closing an account stops: posts still to be approved, and approved ones not yet due. A post ready
# to publish is left alone: it may already be on the platform (published before the closure), and its
# editor can still record it with the time it went out (`record_publication`).
STOPPED_BY_CLOSURE = (Post.Status.AWAITING_APPROVAL, Post.Status.APPROVED)


def stop_posts_of_closed_account(account: Account, *, by: Person | None) -> list[Post]:
    """The account was closed: its posts awaiting approval or approved are cancelled, each audited, and
    their authors told by email. Called inside the closure's transaction."""
    stopped = []
    for post in Post.objects.select_for_update().filter(account=account, status__in=STOPPED_BY_CLOSURE):
        _stop_for_closed_account(post, by=by)
        stopped.append(post)
    _keep_drafts_of_closed_account(account, by=by)
    return stopped


# Drafts (and posts sent back to their authors) are the author's work: closing the account keeps them.
KEPT_BY_CLOSURE = (Post.Status.DRAFT, Post.Status.SENT_BACK)


def _keep_drafts_of_closed_account(account: Account, *, by: Person | None) -> None:
    """Each draft on the closed account is kept, its history says the account closed, and each author
    is told once which of their drafts to move to an open account (they cannot be sent for approval)."""
    drafts = list(
        Post.objects.select_for_update()
        .filter(account=account, status__in=KEPT_BY_CLOSURE)
        .select_related("author")
        .order_by("author_id", "pk")
    )
    by_author: dict[int, list[Post]] = {}
    for post in drafts:
        audit.record(
            actor=by,
            action="post.draft_account_closed",
            obj=post,
            after=_snapshot(post),
            reason=f"{account.display_name} was closed: the draft is kept, and can be moved to an open account",
        )
        by_author.setdefault(post.author_id, []).append(post)
    for posts in by_author.values():
        notify(
            "drafts_account_closed",
            to=[posts[0].author],
            context={
                "account": account,
                "drafts": [{"post": post, "link": _link("posts:detail", post.pk)} for post in posts],
            },
        )


def _stop_for_closed_account(post: Post, *, by: Person | None) -> None:
    before = _snapshot(post)
    post.status = Post.Status.CANCELLED
    post.cancelled_reason = ACCOUNT_CLOSED
    post.save()
    _sync_media_uses(post, state="stopped", by=by)
    audit.record(
        actor=by,
        action="post.stopped_account_closed",
        obj=post,
        before=before,
        after=_snapshot(post),
        reason=ACCOUNT_CLOSED,
    )
    notify(
        "post_stopped_account_closed", to=[post.author], context={"post": post, "link": _link("posts:detail", post.pk)}
    )


def _return_for_media(post: Post, problems: list[str], *, now: dt.datetime) -> None:
    """An approved post whose photo may no longer be used by its time (consent expired, or a person's
    consent changed) does not go out: its time has come, so it expires with the reason, and its author
    can reopen it, change the media and give it a new time (its approvals no longer count)."""
    before = _snapshot(post)
    post.status = Post.Status.EXPIRED
    post.expired_at = now
    post.sent_back_reasons = " ".join(problems)
    post.current_tier = 0
    post.approved_at = None
    post.save()
    _sync_media_uses(post, state="draft", by=None)
    audit.record(
        actor=None,
        action="post.returned_media_unusable",
        obj=post,
        before=before,
        after=_snapshot(post),
        reason=post.sent_back_reasons,
    )
    notify(
        "post_returned_media_unusable",
        to={post.author, *post.account.active_editors()},
        context={"post": post, "reasons": post.sent_back_reasons, "link": _link("posts:detail", post.pk)},
    )


def _make_ready(post: Post, *, now: dt.datetime) -> None:
    before = _snapshot(post)
    post.status = Post.Status.READY
    post.ready_at = now
    post.save()
    audit.record(actor=None, action="post.ready", obj=post, before=before, after=_snapshot(post))
    people = {post.author, *post.account.active_editors()}
    notify("post_ready_to_publish", to=people, context={"post": post, "link": _link("posts:publish", post.pk)})


# The shapes of a single post's address on each platform (path, and the query where the post's id is in
# it). An address that matches none is the account's page, a search or a feed, not the post. Where the
# address names the account (X, Bluesky, TikTok, Threads) it must be this account.
_HANDLE = r"(?P<handle>[A-Za-z0-9_.-]+)"
POST_ADDRESSES: dict[str, tuple[str, ...]] = {
    "facebook": (
        r"/[^/]+/posts/[^/]+/?",
        r"/[^/]+/videos/[^/]+/?",
        r"/[^/]+/photos/[^/]+(/[^/]+)?/?",
        r"/permalink\.php\?.*story_fbid=[^&]+.*",
        r"/story\.php\?.*story_fbid=[^&]+.*",
        r"/photo(\.php)?/?\?.*fbid=[^&]+.*",
        r"/watch/?\?.*v=[^&]+.*",
        r"/reel/[^/]+/?",
        r"/share/[prv]/[^/]+/?",
        r"/events/[0-9]+/?",
        r"/[A-Za-z0-9]+/?",  # fb.watch/<code>
    ),
    "x": (rf"/{_HANDLE}/status/[0-9]+/?(photo/[0-9]/?)?",),
    "instagram": (r"/(p|reel|reels|tv)/[A-Za-z0-9_-]+/?",),
    "linkedin": (r"/posts/[^/]+/?", r"/feed/update/urn:li:(activity|share|ugcPost):[0-9]+/?", r"/pulse/[^/]+/?"),
    "youtube": (r"/watch\?(.*&)?v=[A-Za-z0-9_-]+.*", r"/(shorts|live)/[A-Za-z0-9_-]+/?", r"/[A-Za-z0-9_-]{11}/?"),
    "tiktok": (rf"/@{_HANDLE}/(video|photo)/[0-9]+/?", r"/[A-Za-z0-9]+/?"),
    "nextdoor": (r"/p/[A-Za-z0-9_-]+/?", r"/news_feed/\?(.*&)?post=[0-9]+.*", r"/pages/[^/]+/posts?/[0-9]+/?"),
    "bluesky": (rf"/profile/{_HANDLE}/post/[a-z0-9]+/?",),
    "threads": (rf"/@{_HANDLE}/post/[A-Za-z0-9_-]+/?",),
    "whatsapp": (r"/channel/[A-Za-z0-9]+/[0-9]+/?",),
}
# Hosts whose addresses are short links (fb.watch/<code>, youtu.be/<id>, vm.tiktok.com/<code>): only the
# short shape applies there, and only there.
SHORT_HOSTS = {"fb.watch": "facebook", "youtu.be": "youtube", "vm.tiktok.com": "tiktok", "vt.tiktok.com": "tiktok"}


def check_post_address(url: str, platform: str, *, handle: str = "") -> str:
    """The address of one post on the account's platform, or Refused saying what is wrong with it."""
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
    shapes = POST_ADDRESSES.get(platform)
    if not shapes:
        return url
    where = parts.path + (f"?{parts.query}" if parts.query else "")
    short = SHORT_HOSTS.get(host.removeprefix("www.")) == platform
    candidates = shapes[-1:] if short else (shapes[:-1] if platform in ("facebook", "youtube", "tiktok") else shapes)
    match = next((m for shape in candidates if (m := re.fullmatch(shape, where))), None)
    if match is None:
        raise Refused(
            "Enter the address of the post itself: open the post on the platform and copy its link "
            f"(for example {EXAMPLES.get(platform, 'the address shown when you open the post')})",
            field="url",
        )
    found = (match.groupdict().get("handle") or "").lower()
    expected = handle.strip().lstrip("@").lower()
    if found and expected and found != expected and not (platform == "bluesky" and found.startswith("did:")):
        raise Refused(
            f"This address is a post by @{found}, not by this account (@{expected}): enter the address of "
            "the post you published",
            field="url",
        )
    return url


EXAMPLES = {
    "facebook": "https://www.facebook.com/yourpage/posts/pfbid0abc…",
    "x": "https://x.com/youraccount/status/1790000000000000000",
    "instagram": "https://www.instagram.com/p/C7abcDEF123/",
    "linkedin": "https://www.linkedin.com/feed/update/urn:li:activity:7190000000000000000/",
    "youtube": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    "tiktok": "https://www.tiktok.com/@youraccount/video/7350000000000000000",
    "nextdoor": "https://nextdoor.co.uk/p/AbCdEf123/",
    "bluesky": "https://bsky.app/profile/youraccount.bsky.social/post/3kabc123xyz",
    "threads": "https://www.threads.net/@youraccount/post/C7abcDEF123",
    "whatsapp": "https://whatsapp.com/channel/0029VaAbCdEf/123",
}


def record_publication(post: Post, *, url: str, by: Person, published_at: dt.datetime | None = None) -> Post:
    """The editor published the approved post on the platform; record where (and, if they say, when: now
    otherwise). This completes the record. While publishing is stopped on the account it is refused, and
    the attempt is audited. Once the account is closed, only a post published before the closure may be
    recorded, with the time it went out."""
    try:
        return _record_publication(post, url=url, by=by, published_at=published_at)
    except PublishingStopped as refusal:
        _record_refusal(refusal, by=by)
        raise


def _refuse_if_published_after_closure(post: Post, published_at: dt.datetime | None) -> None:
    account = post.account
    if account.status != Account.Status.CLOSED:
        return
    closed_at = account.closed_at or (
        # Closed before the moment was kept: the whole of its closing day counts as before it.
        timezone.make_aware(dt.datetime.combine(account.closed_on, dt.time.max)) if account.closed_on else None
    )
    if published_at is None or closed_at is None or published_at >= closed_at:
        when = f" on {uk_datetime(closed_at)}" if closed_at else ""
        raise Refused(
            f"{account.display_name} was closed{when}: record the post only if it was published before then, "
            "and give the time it went out",
            field="published_at",
        )


def may_record_publication(post: Post) -> bool:
    """A post ready to publish may be recorded as published; so may one that was ready and then stopped
    because someone shown in its media withdrew consent, was erased or must not be published: the editor
    may have published it before the stop reached them, and only its record starts the takedown."""
    return post.status == Post.Status.READY or (
        post.status == Post.Status.CANCELLED
        and post.ready_at is not None
        and post.cancelled_reason in _STOPPED_BECAUSE.values()
    )


def _record_publication(post: Post, *, url: str, by: Person, published_at: dt.datetime | None = None) -> Post:
    from herald.consents import services as consents
    from herald.consents.selectors import why_media_stopped

    with transaction.atomic():
        post = _lock(post)
        if not may_record_publication(post):
            raise Refused("Only a post that is ready to publish can be recorded as published")
        if post.author_id != by.pk and not can_write_for(by, post.account):
            raise Refused("Only the author or an editor of the account can record its publication")
        if published_at is not None and published_at > timezone.now():
            raise Refused("The time it was published must be in the past", field="published_at")
        _refuse_if_published_after_closure(post, published_at)
        _hold_if_stopped(post, "publish")
        url = check_post_address(url, post.platform, handle=post.account.handle)
        before = _snapshot(post)
        post.published_url = url
        post.published_at = published_at or timezone.now()
        post.published_by = by
        post.status = Post.Status.PUBLISHED
        post.cancelled_reason = ""
        post.save()
        _sync_media_uses(post, state="published", by=by)
        audit.record(actor=by, action="post.published", obj=post, before=before, after=_snapshot(post))
        # It is out there, so it is recorded; but if anyone shown in its media has withdrawn consent, been
        # erased or must not be published (now, under the lock), it is taken down as a withdrawal would.
        stopped = why_media_stopped(post.media.values_list("pk", flat=True))
        if stopped:
            tasks = consents.take_down_owner(media_owner(post), by=by)
            why = _STOPPED_BECAUSE[next(iter(stopped.values()))]
            audit.record(
                actor=by,
                action="post.published_with_unusable_media",
                obj=post,
                after={"takedown_tasks": [task.pk for task in tasks]},
                reason=why,
            )
            comms = Person.objects.active().with_role(Role.COMMS)
            notify(
                "post_published_media_unusable",
                to=[post.author, *comms],
                context={
                    "post": post,
                    "why": why,
                    "tasks": tasks,
                    "link": _link("posts:detail", post.pk),
                    "takedown_links": [_link("consents:takedown", task.pk) for task in tasks],
                },
            )
    return post
