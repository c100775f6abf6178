"""What a platform reports about a comment after delivering it: its author edited it or removed it, or
the page removed, hid or showed it again on the platform itself (Facebook's feed verbs, whose `from` names
who; Instagram reports none). A change Herald itself asked the platform for comes back the same way: it
is recognised by Herald's record of asking (PlatformAction: same comment, same action, shortly before) and
changes nothing, as Herald recorded it when it asked.

An edit replaces the text, keeps the earlier text for the moderators (CommentEdit), checks the comment
again and lets the moderation rules route it again. A removal by the author marks the comment removed
on the platform and withdraws the replies waiting to answer it. If a flag, a councillor-abuse case or an
evidence snapshot needs the comment, or its author was sanctioned for it, or Herald hid or deleted it,
its text is kept as evidence (evidence snapshots are kept for
MODERATION_EVIDENCE_KEEP_DAYS); otherwise nothing entitles the council to keep words their author has
withdrawn, so the text (and every earlier text) is dropped now, leaving the record that there was one."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.db import transaction
from django.utils import dateformat, timezone

from herald.audit import services as audit
from herald.moderation.incoming import CommentChange
from herald.moderation.models import (
    AuthorSanction,
    Comment,
    CommentEdit,
    CommentPayload,
    PlatformAction,
    Reply,
)
from herald.moderation.services import inbox, replies
from herald.moderation.services.classification import classify_comments
from herald.social_accounts.models import Account

DROPPED_TEXT = "(Removed by its author on the platform: Herald no longer keeps its text)"
WITHDRAWN_AS_REMOVED = "Withdrawn because its author removed the comment: there is nothing to reply to"
WITHDRAWN_AS_REMOVED_BY_PAGE = (
    "Withdrawn because the council's page removed the comment on {platform}: there is nothing to reply to"
)
CLOSED = (Comment.Status.REPLIED, Comment.Status.NO_ACTION)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _label(comment: Comment) -> str:
    return comment.get_platform_display()


def needs_keeping(comment: Comment) -> bool:
    """Whether the comment's words are needed as evidence: a flag was raised on it, it is in a
    councillor-abuse case, an evidence snapshot of it is kept, its author was warned, given a strike or
    blocked for it, or Herald hid or deleted it (what the council acted on)."""
    return (
        comment.flags.exists()
        or comment.abuse_cases.exists()
        or comment.evidence.exists()
        or AuthorSanction.objects.filter(comment=comment).exists()
        or comment.status == Comment.Status.HIDDEN
        or comment.platform_actions.filter(
            action__in=(PlatformAction.Action.HIDE, PlatformAction.Action.DELETE)
        ).exists()
    )


def record_edit(comment: Comment, change: CommentChange) -> bool:
    """The author edited the comment on the platform. Returns whether anything changed (the same text
    delivered twice, or an edit to a comment whose text was already dropped, changes nothing)."""
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        text = change.text.strip()
        if not text or text == comment.text or comment.removed_by_author_at is not None:
            return False
        # the connectors' reader dates an undated change by its delivery; a change made here has a time
        at = change.at if change.at is not None else timezone.now()
        if comment.edited_at is not None and at <= comment.edited_at:
            return _record_late_edit(comment, text, at)
        before = {
            "text_sha256": _digest(comment.text),
            "severity": comment.severity,
            "status": comment.status,
            "reopened_at": comment.reopened_at.isoformat() if comment.reopened_at else None,
        }
        CommentEdit.objects.create(comment=comment, previous_text=comment.text, replaced_at=at)
        comment.text = text
        comment.edited_at = at
        comment.checked_at = None  # checked again below, as a new comment is
        reopened = False
        comment.save(update_fields=["text", "edited_at", "checked_at", "updated_at"])
        classify_comments([comment.pk])
        comment.refresh_from_db()
        if comment.status in CLOSED and (comment.severity in ("warn", "block") or comment.flags.filter(closed_at=None)):
            # Dealt with as it first read; what it says now needs looking at again.
            # Reopened as a moderator's reopening is: its first response stays the one the reports count.
            comment.status = Comment.Status.NEW
            comment.reopened_at = timezone.now()
            comment.save(update_fields=["status", "reopened_at", "updated_at"])
            reopened = True
        audit.record(
            actor=None,
            action="moderation.comment_edited_on_platform",
            obj=comment,
            before=before,
            after={
                "text_sha256": _digest(comment.text),
                "severity": comment.severity,
                "status": comment.status,
                "reopened_at": comment.reopened_at.isoformat() if comment.reopened_at else None,
            },
            reason=f"Its author edited it on {_label(comment)}: the earlier text is kept on the comment's page"
            + ("; back in the queue, as it now needs looking at again" if reopened else ""),
        )
    return True


def _record_late_edit(comment: Comment, text: str, at: dt.datetime) -> bool:
    """An edit older than the text Herald has, delivered late (a platform's retry): it goes into the
    comment's history in its place, and the text stays as the newer edit left it."""
    if comment.edits.filter(previous_text=text).exists():
        return False  # already in the history
    after = comment.edits.filter(replaced_at__gt=at).order_by("replaced_at", "id").first()
    # The text before it read until this edit, not until the later one; this one read until then.
    CommentEdit.objects.create(
        comment=comment, previous_text=text, replaced_at=after.replaced_at if after else (comment.edited_at or at)
    )
    if after is not None:
        after.replaced_at = at
        after.save(update_fields=["replaced_at"])
    audit.record(
        actor=None,
        action="moderation.comment_edited_on_platform",
        obj=comment,
        after={"late_edit_sha256": _digest(text)},
        reason=f"An earlier edit on {_label(comment)} arrived late: it is kept in the comment's history, "
        "and the comment still reads as its latest edit left it",
    )
    return True


# How long after Herald asked a platform to hide, show or delete a comment the platform's report of that
# change is taken as Herald's own action echoed back (Meta delivers within seconds, retries for minutes),
# and how far a platform's clock may run behind Herald's.
ECHO_WINDOW = dt.timedelta(minutes=30)
CLOCK_SKEW = dt.timedelta(minutes=2)
_ASKED_FOR = {
    "removed": PlatformAction.Action.DELETE,
    "hidden": PlatformAction.Action.HIDE,
    "unhidden": PlatformAction.Action.UNHIDE,
}
_OUTSIDE_HERALD = (
    "moderation.comment_hidden_outside_herald",
    "moderation.comment_unhidden_outside_herald",
    "moderation.comment_removed_by_page",
)


def herald_asked_for(comment: Comment, change: CommentChange) -> PlatformAction | None:
    """Herald's own request that this change answers: the same action on the same comment, asked for (and
    not refused) shortly before the platform says it happened. None when someone did it outside Herald."""
    action = _ASKED_FOR.get(change.change)
    if action is None:
        return None
    from herald.audit.models import AuditEvent

    at = change.at or timezone.now()
    asked = comment.platform_actions.filter(
        action=action,
        status__in=(PlatformAction.Status.SENDING, PlatformAction.Status.DONE),
        asked_at__gte=at - ECHO_WINDOW,
        asked_at__lte=at + CLOCK_SKEW,
    )
    # A change made on the page since Herald asked means the page has moved on: a later report is the
    # page again (hidden again after an admin showed it), not Herald's earlier request echoed back.
    outside = (
        AuditEvent.objects.for_object(comment)
        .filter(action__in=_OUTSIDE_HERALD)
        .order_by("-at")
        .values_list("at", flat=True)
        .first()
    )
    if outside is not None:
        asked = asked.filter(asked_at__gt=outside)
    return asked.order_by("-asked_at", "-id").first()


def _record_removal(
    comment: Comment,
    *,
    action: str,
    at: dt.datetime | None,
    before: dict,
    kept: bool,
    withdrawn: list[Reply],
    reason: str,
) -> None:
    """Save a comment removed from its platform and record who removed it; `reason` names the platform and
    the UK day of `at` as {platform} and {day}."""
    comment.save()
    day = dateformat.format(timezone.localtime(at), "j F Y")
    audit.record(
        actor=None,
        action=action,
        obj=comment,
        before=before,
        after={"status": comment.status, "text_kept": kept, "replies_withdrawn": [r.pk for r in withdrawn]},
        reason=reason.format(platform=_label(comment), day=day),
    )


def record_removal_by_page(comment: Comment, change: CommentChange) -> bool:
    """The council's page removed the comment on the platform. Through Herald (its own deletion echoed
    back) this changes nothing; outside Herald (a page admin in the platform's own tools) the comment is
    marked removed by the page, its waiting replies are withdrawn, and its text is kept: the council acted
    on it, as when Herald deletes a comment."""
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        if herald_asked_for(comment, change) is not None:
            return False  # Herald's own deletion, echoed back
        if (
            comment.removed_by_page_at is not None
            or comment.removed_by_author_at is not None
            or comment.status == Comment.Status.DELETED
        ):
            return False  # already recorded, or deleted through Herald
        before = {"status": comment.status}
        withdrawn = replies.withdraw_replies_to_deleted(
            comment,
            by=None,
            reason=WITHDRAWN_AS_REMOVED_BY_PAGE.format(platform=_label(comment)),
            statuses=(Reply.Status.AWAITING_APPROVAL, Reply.Status.READY),
        )
        comment.removed_by_page_at = change.at or timezone.now()
        comment.hidden_on_platform_at = None
        if comment.is_open or comment.status == Comment.Status.HIDDEN:
            comment.status = Comment.Status.DELETED
        _record_removal(
            comment,
            action="moderation.comment_removed_by_page",
            at=comment.removed_by_page_at,
            before=before,
            kept=True,
            withdrawn=withdrawn,
            reason="The council's page removed it from {platform} on {day}, outside Herald: "
            "its text is kept, as the council acted on it",
        )
    return True


def record_removal_by_author(comment: Comment, change: CommentChange) -> bool:
    """The author removed the comment from the platform. Returns whether anything changed."""
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        if (
            comment.removed_by_author_at is not None
            or comment.removed_by_page_at is not None
            or comment.status == Comment.Status.DELETED
        ):
            return False  # already recorded, or deleted by the council (this is the platform's echo)
        before = {"status": comment.status, "text_sha256": _digest(comment.text)}
        withdrawn = replies.withdraw_replies_to_deleted(
            comment,
            by=None,
            reason=WITHDRAWN_AS_REMOVED,
            statuses=(Reply.Status.AWAITING_APPROVAL, Reply.Status.READY),
        )
        kept = needs_keeping(comment)
        comment.removed_by_author_at = change.at
        if comment.is_open:
            comment.status = Comment.Status.DELETED
        if not kept:
            comment.text = DROPPED_TEXT
            comment.text_dropped = True
            comment.findings = []
            comment.search_vector = None
            comment.edits.all().delete()
            CommentPayload.objects.filter(comment_id=comment.pk).update(raw={})
        _record_removal(
            comment,
            action="moderation.comment_removed_by_author",
            at=change.at,
            before=before,
            kept=kept,
            withdrawn=withdrawn,
            reason="Its author removed it from {platform} on {day}: "
            + (
                "its text is kept as evidence (it is flagged, in a case, has evidence kept, its author was "
                "sanctioned for it or Herald hid or deleted it)"
                if kept
                else "nothing needs it kept, so Herald no longer keeps its text"
            ),
        )
    return True


def _restored_status(comment: Comment) -> str:
    """What a comment shown again goes back to: its status before it was last hidden, in Herald or on the
    page outside Herald (both audits say what it was)."""
    from herald.audit.models import AuditEvent

    last = (
        AuditEvent.objects.for_object(comment)
        .filter(action__in=("moderation.comment_hidden", "moderation.comment_hidden_outside_herald"))
        .order_by("-id")
        .first()
    )
    before = (last.before or {}).get("status") if last is not None else None
    removed = (Comment.Status.HIDDEN, Comment.Status.DELETED)
    return before if before in Comment.Status.values and before not in removed else Comment.Status.NEW


def record_hidden_on_platform(comment: Comment, change: CommentChange) -> bool:
    """The page hid the comment, or showed it again, on the platform itself (not through Herald): the
    inbox follows it (hidden, or back to the status it had), so moderators see it on the comment and in
    the inbox's filters. Herald's own hide or show, echoed back by the platform, changes nothing."""
    hidden = change.change == "hidden"
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        if herald_asked_for(comment, change) is not None:
            return False  # Herald's own action, echoed back: already recorded when Herald asked
        before = comment.status
        if before == Comment.Status.DELETED:
            return False  # gone from the platform already: a hide or show reported late changes nothing
        if hidden and before != Comment.Status.HIDDEN:
            inbox.record_status(comment, by=None, status=Comment.Status.HIDDEN, reason=f"Hidden on {_label(comment)}")
            comment.hidden_on_platform_at = change.at or timezone.now()
        elif not hidden and before == Comment.Status.HIDDEN:
            inbox.record_status(
                comment, by=None, status=_restored_status(comment), reason=f"Shown again on {_label(comment)}"
            )
            comment.hidden_on_platform_at = None
        elif (before == Comment.Status.HIDDEN) == hidden:
            return False  # already so (the same change delivered again)
        comment.save(update_fields=["hidden_on_platform_at", "updated_at"])
        audit.record(
            actor=None,
            action="moderation.comment_hidden_outside_herald"
            if hidden
            else "moderation.comment_unhidden_outside_herald",
            obj=comment,
            before={"status": before},
            after={"status": comment.status},
            reason=f"{'Hidden' if hidden else 'Shown again'} on {_label(comment)} by the council's page, outside Herald",
        )
    return True


def record_reply_removed_by_page(account: Account, change: CommentChange) -> bool:
    """The council's page removed one of its own replies from the platform: one Herald sent (the platform
    names it by the id it gave the reply). The reply is marked removed there, once; its text and the
    comment it answers are left as they are. Returns whether anything changed."""
    with transaction.atomic():
        reply = (
            Reply.objects.select_for_update()
            .select_related("comment")
            .filter(
                comment__account=account,
                comment__platform=change.platform,
                platform_reply_id=change.platform_id,
                status=Reply.Status.SENT,
            )
            .first()
        )
        if reply is None or reply.removed_on_platform_at is not None:
            return False  # not one of Herald's replies, or already recorded (the same change delivered again)
        reply.removed_on_platform_at = change.at or timezone.now()
        reply.save(update_fields=["removed_on_platform_at"])
        day = dateformat.format(timezone.localtime(reply.removed_on_platform_at), "j F Y")
        audit.record(
            actor=None,
            action="moderation.reply_removed_on_platform",
            obj=reply.comment,
            after={"reply": reply.pk, "platform_reply_id": reply.platform_reply_id},
            reason=f"The council's page removed its reply from {_label(reply.comment)} on {day}",
        )
        _needs_a_reply_again(reply, day=day)
    return True


def _needs_a_reply_again(reply: Reply, *, day: str) -> None:
    """A comment whose every sent reply is now gone from the platform is unanswered there: it says so (the
    "Reply removed" tag while it is open). Marked replied, it goes back to the open queue (assigned to
    whoever had it, else new), so a moderator answers it again or decides it needs nothing; waiting or
    escalated, it keeps the status its moderator gave it. One reply still showing keeps it as it is."""
    comment = Comment.objects.select_for_update().get(pk=reply.comment_id)
    still_showing = comment.herald_replies.filter(status=Reply.Status.SENT, removed_on_platform_at=None).exists()
    if still_showing:
        return
    if comment.status != Comment.Status.REPLIED:
        # Still worked (waiting, escalated: it says its reply was removed), or closed otherwise.
        comment.reply_removed_at = reply.removed_on_platform_at
        comment.save(update_fields=["reply_removed_at"])
        return
    inbox.record_status(
        comment,
        by=None,
        status=Comment.Status.ASSIGNED if comment.assignee_id else Comment.Status.NEW,
        reason=f"Needs a reply again: the council's page removed its reply from {_label(comment)} on {day}",
        with_fields={"reply_removed_at": reply.removed_on_platform_at},
    )


def apply_changes(account: Account, changes: list[CommentChange]) -> int:
    """Apply each change to the comment it names (platform and id) on `account`; a change to a comment
    Herald never received there is skipped. Returns how many comments changed."""
    done = 0
    for change in changes:
        comment = Comment.objects.filter(
            account=account, platform=change.platform, platform_id=change.platform_id
        ).first()
        if comment is None:
            if change.change == "removed" and change.by_account:
                done += record_reply_removed_by_page(account, change)  # the page's own reply, if Herald sent it
            continue
        if change.change == "edited":
            done += record_edit(comment, change)
        elif change.change == "removed" and change.by_account:
            done += record_removal_by_page(comment, change)
        elif change.change == "removed":
            done += record_removal_by_author(comment, change)
        elif change.change in ("hidden", "unhidden"):
            done += record_hidden_on_platform(comment, change)
    return done
