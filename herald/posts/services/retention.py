"""Keeping posts: each account's retention period and legal hold, and deleting posts past it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from herald.audit import services as audit
from herald.errors import Refused
from herald.people.models import Person

if TYPE_CHECKING:
    from django.db.models import Q
from herald.posts.models import (
    Post,
    PostRetention,
)
from herald.posts.selectors import media_owner, retention_for
from herald.posts.services.workflow import _snapshot
from herald.social_accounts.models import Account


def set_retention(
    account: Account, *, years: int, legal_hold: bool, legal_hold_reason: str = "", by: Person
) -> PostRetention:
    if not 1 <= years <= 100:
        raise Refused("Enter a number of years between 1 and 100", field="years")
    if legal_hold and not legal_hold_reason.strip():
        raise Refused("Enter why the posts are on legal hold", field="legal_hold_reason")
    with transaction.atomic():
        retention, _ = PostRetention.objects.select_for_update().get_or_create(account=account)
        before = audit.snapshot(retention)
        retention.years = years
        retention.legal_hold = legal_hold
        retention.legal_hold_reason = legal_hold_reason.strip() if legal_hold else ""
        retention.save()
        audit.record(
            actor=by, action="posts.retention_set", obj=retention, before=before, after=audit.snapshot(retention)
        )
    return retention


def _retention_cutoff(years: int, today: dt.date) -> dt.date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def delete_past_retention(*, today: dt.date | None = None) -> int:
    """Delete posts older than their account's retention period (counted from publication, or from the
    last change for posts never published), except accounts on legal hold. Each deletion is audited with
    what was deleted."""
    today = today or timezone.localdate()
    deleted = 0
    for account in Account.objects.filter(posts__isnull=False).distinct():
        retention = retention_for(account)
        if retention.legal_hold:
            continue
        cutoff = _retention_cutoff(retention.years, today)
        finished = [Post.Status.PUBLISHED, Post.Status.EXPIRED, Post.Status.CANCELLED]
        old = Post.objects.filter(account=account, status__in=finished).filter(models_q_older(cutoff))
        for post in old:
            with transaction.atomic():
                from herald.consents import services as consents

                if consents.takedown_pending_for(media_owner(post)):
                    continue  # an open takedown task still needs this record
                summary = _snapshot(post)
                summary["text"] = post.text
                audit.record(
                    actor=None,
                    action="post.deleted_after_retention",
                    obj=post,
                    before=summary,
                    reason=f"Past the {retention.years}-year retention period for {account}",
                )
                consents.forget_owner(media_owner(post))
                post.delete()
                deleted += 1
    return deleted


def models_q_older(cutoff: dt.date) -> Q:
    from django.db.models import Q

    return Q(published_at__date__lt=cutoff) | Q(published_at=None, updated_at__date__lt=cutoff)
