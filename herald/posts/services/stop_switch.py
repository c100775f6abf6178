"""The stop-publishing switch: the communications team stops publishing on every account or the chosen
ones, and every action that would move a post towards publication is refused until it is released."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from herald.audit import services as audit
from herald.errors import Refused
from herald.people.models import Person
from herald.people.roles import Role
from herald.posts.models import (
    Post,
    PublishingPause,
)
from herald.posts.selectors import pause_covering
from herald.queue import enqueue_after_commit
from herald.social_accounts.models import Account


class PublishingStopped(Refused):
    """Approving, marking ready or publishing refused because publishing is stopped on the post's account."""

    def __init__(self, post: Post, pause: PublishingPause, attempt: str):
        self.post, self.pause, self.attempt = post, pause, attempt
        super().__init__(stopped_message(post.account, pause, attempt))


# What each action held by the stop switch is called in its refusal.
STOPPED_ATTEMPTS = {
    "approve": "approve this post",
    "mark_ready": "mark this post ready to publish",
    "publish": "record this post as published",
}


def stopped_message(account: Account, pause: PublishingPause, attempt: str) -> str:
    """The refusal shown while publishing is stopped: what happened, why, and what can still be done."""
    reason = pause.reason.strip().rstrip(".")
    return (
        f"You cannot {STOPPED_ATTEMPTS[attempt]} because the communications team has stopped publishing on "
        f"{account.display_name} ({reason}). You can still change the post and check it. Try again when the "
        f"communications team releases publishing."
    )


def _hold_if_stopped(post: Post, attempt: str) -> None:
    """Refuse an action that would move the post towards publication while a stop covers its account.
    Call it with the post locked, so a stop that has just begun is seen."""
    pause = pause_covering(post.account)
    if pause is not None:
        raise PublishingStopped(post, pause, attempt)


def _record_refusal(refusal: PublishingStopped, *, by: Person | None) -> None:
    """Put a refusal on the audit trail. Called after the refused transaction has rolled back, so the
    record of the attempt is kept."""
    audit.record(
        actor=by,
        action="post.refused_publishing_stopped",
        obj=refusal.post,
        after={"attempt": refusal.attempt, "status": refusal.post.status, "pause": refusal.pause.pk},
        reason=refusal.pause.reason,
    )


# --- The stop-publishing switch ----------------------------------------------------------------


def stop_publishing(*, by: Person, reason: str, accounts: Sequence[Account] = ()) -> PublishingPause:
    """In a crisis the communications team stops all scheduled posts, on every account or the chosen
    ones. Nothing becomes ready to publish until it is released; every editor sees the banner."""
    if not by.has_role(Role.COMMS):
        raise Refused("Only the communications team can stop publishing")
    if not reason.strip():
        raise Refused("Enter why publishing is being stopped", field="reason")
    with transaction.atomic():
        pause = PublishingPause.objects.create(all_accounts=not accounts, reason=reason.strip(), started_by=by)
        pause.accounts.set(accounts)
        audit.record(
            actor=by,
            action="posts.publishing_stopped",
            obj=pause,
            after={"all_accounts": pause.all_accounts, "accounts": [a.pk for a in accounts], "reason": pause.reason},
            reason=pause.reason,
        )
    return pause


def release_publishing(pause: PublishingPause, *, by: Person) -> PublishingPause:
    """Lift a stop. Posts whose time came while it was in force become ready at the next run."""
    if not by.has_role(Role.COMMS):
        raise Refused("Only the communications team can release publishing")
    with transaction.atomic():
        pause = PublishingPause.objects.select_for_update().get(pk=pause.pk)
        if pause.released_at:
            raise Refused("Publishing has already been released")
        pause.released_at = timezone.now()
        pause.released_by = by
        pause.save()
        audit.record(actor=by, action="posts.publishing_released", obj=pause, after={"released_at": pause.released_at})
        enqueue_after_commit("herald.posts.tasks.make_due_posts_ready")
    return pause
