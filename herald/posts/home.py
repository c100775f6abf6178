"""What the posts app adds to the home page (posts to publish, approve or fix) and to every page (the
stop-publishing banner)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from herald.dates import uk_short_datetime
from herald.people.roles import Role
from herald.posts import selectors
from herald.posts.models import Post, PublishingPause
from herald.social_accounts.models import Account

WORKFLOW_ROLES = (Role.EDITOR, Role.COMMS, Role.SERVICE_MANAGER, Role.ADMIN)


def _when(post: Post) -> str:
    return uk_short_datetime(post.scheduled_for) if post.scheduled_for else "no time set"


def banners(request) -> list[dict]:
    """While publishing is stopped, everyone who writes or approves posts sees it on every page."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.has_role(*WORKFLOW_ROLES):
        return []
    found = []
    for pause in PublishingPause.objects.in_force().prefetch_related("accounts"):
        where = "every account" if pause.all_accounts else ", ".join(a.display_name for a in pause.accounts.all())
        found.append(
            {
                "title": "Publishing is stopped.",
                "text": f"On {where}: {pause.reason} Do not publish scheduled posts until the communications team releases it.",
                "url": reverse("posts:stop") if user.has_role(Role.COMMS) else reverse("posts:index"),
                "link_text": "See what is held" if user.has_role(Role.COMMS) else "Your posts",
                "kind": "danger",
            }
        )
    return found


def _overrides_panel() -> dict:
    """The monitoring officer reviews every block comms overrode: the latest, and the whole report."""
    since = timezone.now() - dt.timedelta(days=30)
    recent = list(
        Post.objects.overridden()
        .filter(override_at__gte=since)
        .select_related("account", "override_by")
        .order_by("-override_at")[:10]
    )
    return {
        "title": "Blocks overridden in the last 30 days",
        "count": False,
        "intro": "Posts the communications team sent out despite a blocking finding, with their justification.",
        "link": {"url": reverse("posts:overrides"), "text": "See the block overrides report"},
        "items": [
            {
                "text": f"{p.account.display_name}: {p.text[:60]}",
                "url": reverse("posts:detail", args=[p.pk]),
                "hint": f"overridden by {p.override_by.full_name if p.override_by else 'someone who has left'}",
            }
            for p in recent
        ],
        "empty_text": "No blocks were overridden in the last 30 days.",
    }


def _children_panel() -> dict:
    """For the safeguarding lead: posts held back because a child can be identified in them and no
    parent's or guardian's consent is recorded, newest first."""
    held = Post.objects.blocked_for_a_child().select_related("account", "author")
    held = list(held.order_by("-created_at", "-pk")[:10])
    return {
        "title": "Posts held back: a child identified without consent",
        "items": [
            {
                "text": f"{p.account.display_name}: “{p.text[:80]}”",
                "url": reverse("posts:detail", args=[p.pk]),
                "hint": f"{p.get_status_display()}, written by {p.author.full_name if p.author else 'someone who has left'}",
            }
            for p in held
        ],
        "empty_text": "No post is held back for a child.",
    }


def panels(request) -> list[dict]:
    user = request.user
    found = []
    if user.has_role(Role.MONITORING_OFFICER):
        found.append(_overrides_panel())
    if user.has_role(Role.SAFEGUARDING):
        found.append(_children_panel())
    if not user.has_role(*WORKFLOW_ROLES):
        return found
    accounts = Account.objects.edited_by(user)
    ready = (Post.objects.ready().filter(account__in=accounts) | Post.objects.ready().filter(author=user)).distinct()
    ready = list(ready.select_related("account").order_by("scheduled_for")[:20])
    waiting = [
        p
        for p in selectors.with_approval_state(
            Post.objects.awaiting_approval().select_related("account", "author").order_by("scheduled_for")
        )
        if selectors.can_decide(p, user)
    ][:20]
    # While publishing is stopped on an account its posts are held: say so rather than ask for action.
    stopped = selectors.stopped_account_ids(p.account_id for p in [*ready, *waiting])
    if ready:
        found.append(
            {
                "title": "Ready to publish",
                "items": [
                    {
                        "text": f"Held: do not publish on {p.account.display_name} until publishing is released"
                        if p.account_id in stopped
                        else f"Publish on {p.account.display_name} and record its address",
                        "url": reverse("posts:detail", args=[p.pk]),
                        "hint": f"Due {_when(p)}",
                    }
                    for p in ready
                ],
                "empty_text": "",
            }
        )
    if waiting:
        found.append(
            {
                "title": "Posts to approve",
                "items": [
                    {
                        "text": f"{p.account.display_name}: {p.text[:60]}",
                        "url": reverse("posts:detail", args=[p.pk]),
                        "hint": f"by {p.author.full_name}, due {_when(p)}"
                        + (
                            "; held: publishing is stopped, so it cannot be approved yet"
                            if p.account_id in stopped
                            else ""
                        ),
                    }
                    for p in waiting
                ],
                "empty_text": "",
            }
        )
    returned = Post.objects.filter(author=user, status=Post.Status.SENT_BACK).select_related("account")[:20]
    if returned:
        found.append(
            {
                "title": "Posts sent back to you",
                "items": [
                    {
                        "text": f"{p.account.display_name}: {p.text[:60]}",
                        "url": reverse("posts:detail", args=[p.pk]),
                        "hint": p.sent_back_reasons[:120],
                    }
                    for p in returned
                ],
                "empty_text": "",
            }
        )
    expired = Post.objects.filter(
        author=user, status=Post.Status.EXPIRED, expired_at__gte=timezone.now() - dt.timedelta(days=14)
    ).select_related("account")[:10]
    if expired:
        found.append(
            {
                "title": "Your posts that expired",
                "items": [
                    {
                        "text": f"{p.account.display_name}: {p.text[:60]}",
                        "url": reverse("posts:detail", args=[p.pk]),
                        "hint": "Not approved in time: reopen it with a new time",
                    }
                    for p in expired
                ],
                "empty_text": "",
            }
        )
    return found
