"""Answering a comment: a reply written in Herald and checked as posts are, approved by a second person
where the account asks for it, then sent by the platform's connector or posted by hand and recorded.
Two people never answer one comment unknowingly: the page shows who else is on it, and a reply is
refused when another was recorded after the writer opened the comment.

A reply a connector sends is recorded as "sending" in the transaction that locks the comment; the
platform is called only once that transaction has committed, so a slow platform holds no lock and no
open transaction, and then the outcome is recorded: sent (with where), or back to ready with the
platform's reason, to be sent again or posted by hand."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from herald import checking
from herald.audit import services as audit
from herald.dates import uk_date, uk_time
from herald.errors import Refused
from herald.moderation import platforms, reply_ids
from herald.moderation.models import Comment, Presence, Reply, ReplySetting, SavedReply
from herald.moderation.services import inbox
from herald.notifications import notify
from herald.people.models import Person
from herald.people.roles import Role

MAX_REPLY_CHARS = 10_000

log = logging.getLogger(__name__)


NOTHING_TO_REPLY_TO = "This comment has been deleted: there is nothing to reply to"


def requires_approval(comment: Comment) -> bool:
    setting = ReplySetting.objects.filter(account_id=comment.account_id).first()
    return bool(setting and setting.requires_approval)


def set_reply_approval(account, *, requires: bool, by: Person) -> ReplySetting:  # type: ignore[no-untyped-def]
    with transaction.atomic():
        setting, _ = ReplySetting.objects.get_or_create(account=account)
        before = setting.requires_approval
        setting.requires_approval = requires
        setting.save()
        audit.record(
            actor=by,
            action="moderation.reply_approval_set",
            obj=account,
            before={"requires_approval": before},
            after={"requires_approval": requires},
        )
    return setting


def latest_reply_id(comment: Comment) -> int:
    """The newest reply recorded on the comment (0 if none): the page carries it into the reply form."""
    return comment.herald_replies.current().order_by("-pk").values_list("pk", flat=True).first() or 0


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _approvers(comment: Comment, writer: Person) -> list[Person]:
    editors = Person.objects.filter(
        editor_links__account_id=comment.account_id, editor_links__removed_at=None, is_active=True
    )
    comms = Person.objects.with_role(Role.COMMS).filter(is_active=True)
    return [p for p in (editors | comms).distinct() if p.pk != writer.pk]


def write_reply(
    comment: Comment,
    *,
    by: Person,
    text: str,
    seen_latest: int,
    saved_reply: SavedReply | None = None,
) -> Reply:
    """Record the council's answer to `comment`. `seen_latest` is the newest reply the writer had seen
    (`latest_reply_id` when they opened the comment): a reply recorded since then refuses this one."""
    text = text.strip()
    if not text:
        raise Refused("Enter the reply", field="text")
    if len(text) > MAX_REPLY_CHARS:
        raise Refused(f"The reply must be {MAX_REPLY_CHARS:,} characters or fewer", field="text")
    with transaction.atomic():
        comment = Comment.objects.select_for_update().select_related("account").get(pk=comment.pk)
        if comment.status == Comment.Status.DELETED:
            raise Refused(NOTHING_TO_REPLY_TO)
        newer = comment.herald_replies.current().filter(pk__gt=seen_latest).select_related("written_by").last()
        if newer is not None:
            raise Refused(
                f"{newer.written_by.full_name} recorded a reply at {uk_time(newer.written_at)} "
                "after you opened this comment. Read it before you answer; your text is still below.",
                field="text",
            )
        report = checking.run_check(text, platform=comment.account.platform, kind="reply")
        if report["blocking"]:
            raise Refused(
                "The reply has words the policy does not allow: change the words marked as blocking", field="text"
            )
        needs_approval = requires_approval(comment)
        reply = Reply.objects.create(
            comment=comment,
            text=text,
            text_sha256=text_sha256(text),
            findings=report["findings"],
            blocking=False,
            saved_reply=saved_reply,
            written_by=by,
            status=Reply.Status.AWAITING_APPROVAL if needs_approval else _ready_status(comment),
        )
        _mark_sending(reply)
        Presence.objects.filter(comment=comment, person=by).delete()
        audit.record(
            actor=by,
            action="moderation.reply_written",
            obj=comment,
            after={"reply": reply.pk, "sha256": reply.text_sha256, "status": reply.status},
        )
        if needs_approval:
            notify(
                "moderation_reply_to_approve",
                to=_approvers(comment, by),
                context={"reply": reply, "comment": comment, "link": _link(comment)},
            )
        _send_after_commit(reply, by=by)
    return _as_now(reply)


def _link(comment: Comment) -> str:
    return settings.SITE_URL + reverse("moderation:detail", args=[comment.pk])


def approve_reply(reply: Reply, *, by: Person, seen_sha256: str) -> Reply:
    """Approve the exact text the approver was shown, then send it where a connector can."""
    with transaction.atomic():
        reply = Reply.objects.select_for_update().select_related("comment__account").get(pk=reply.pk)
        if reply.comment.status == Comment.Status.DELETED:
            raise Refused(NOTHING_TO_REPLY_TO)
        if reply.status != Reply.Status.AWAITING_APPROVAL:
            raise Refused("This reply is not waiting for approval")
        if reply.written_by_id == by.pk:
            raise Refused("You wrote this reply, so someone else must approve it")
        if seen_sha256 != reply.text_sha256:
            raise Refused("The reply changed after you opened it: read it again before approving")
        reply.status = _ready_status(reply.comment)
        reply.approved_by = by
        reply.approved_at = timezone.now()
        reply.save(update_fields=["status", "approved_by", "approved_at"])
        _mark_sending(reply)
        audit.record(
            actor=by,
            action="moderation.reply_approved",
            obj=reply.comment,
            after={"reply": reply.pk, "sha256": reply.text_sha256},
        )
        _send_after_commit(reply, by=by)
    return _as_now(reply)


def send_reply_again(reply: Reply, *, by: Person) -> Reply:
    """Try the platform again for a reply it refused (or could not be reached for)."""
    with transaction.atomic():
        reply = Reply.objects.select_for_update().select_related("comment__account").get(pk=reply.pk)
        if reply.status != Reply.Status.READY or not reply.send_error:
            raise Refused("Only a reply Herald could not send can be sent again")
        if reply.comment.status == Comment.Status.DELETED:
            raise Refused(NOTHING_TO_REPLY_TO)
        if _ready_status(reply.comment) != Reply.Status.SENDING:
            raise Refused("Herald can no longer send replies on this account: post it by hand and record its address")
        reply.status = Reply.Status.SENDING
        reply.save(update_fields=["status"])
        _mark_sending(reply)
        _send_after_commit(reply, by=by)
    return _as_now(reply)


def withdraw_reply(reply: Reply, *, by: Person) -> Reply:
    with transaction.atomic():
        reply = Reply.objects.select_for_update().get(pk=reply.pk)
        if reply.status == Reply.Status.SENT:
            raise Refused("This reply has been sent: it can no longer be withdrawn in Herald")
        if reply.status == Reply.Status.SENDING:
            raise Refused("This reply is being sent to the platform: wait for the outcome")
        if reply.status == Reply.Status.WITHDRAWN:
            raise Refused("This reply is already withdrawn")
        before = reply.status
        reply.status = Reply.Status.WITHDRAWN
        reply.save(update_fields=["status"])
        audit.record(
            actor=by,
            action="moderation.reply_withdrawn",
            obj=reply.comment,
            before={"status": before},
            after={"reply": reply.pk, "status": reply.status},
        )
    return reply


WITHDRAWN_AS_DELETED = "Withdrawn because the comment was deleted: there is nothing to reply to"


def withdraw_replies_to_deleted(
    comment: Comment,
    *,
    by: Person | None,
    reason: str = WITHDRAWN_AS_DELETED,
    statuses: tuple[str, ...] = (Reply.Status.AWAITING_APPROVAL,),
) -> list[Reply]:
    """The comment was deleted: its replies waiting for approval can never be approved, so they are
    withdrawn, each with the reason shown beside it and kept in the audit trail. Call it in the
    transaction that deletes the comment."""
    withdrawn = []
    for reply in Reply.objects.select_for_update().filter(comment=comment, status__in=statuses):
        was = reply.status
        reply.status = Reply.Status.WITHDRAWN
        reply.withdrawn_reason = reason
        reply.save(update_fields=["status", "withdrawn_reason"])
        audit.record(
            actor=by,
            action="moderation.reply_withdrawn",
            obj=comment,
            before={"status": was},
            after={"reply": reply.pk, "status": reply.status},
            reason=reason,
        )
        withdrawn.append(reply)
    return withdrawn


def _mark_replied(comment: Comment, *, by: Person) -> None:
    comment = Comment.objects.get(pk=comment.pk)
    # Answered again after the page removed the earlier reply: the tag goes with the status change.
    cleared: dict[str, object] = {"reply_removed_at": None} if comment.reply_removed_at is not None else {}
    if comment.status in (Comment.Status.HIDDEN, Comment.Status.DELETED, Comment.Status.REPLIED):
        if cleared:
            comment.reply_removed_at = None
            comment.save(update_fields=["reply_removed_at"])
        return
    inbox.record_status(comment, by=by, status=Comment.Status.REPLIED, reason="A reply was sent", with_fields=cleared)


def _ready_status(comment: Comment) -> str:
    """A reply no one else need approve: "sending" where a connector can send it on this comment's
    account, otherwise "ready" for the editor to post by hand."""
    return Reply.Status.SENDING if platforms.acts_on_platform(comment, "send_reply") else Reply.Status.READY


def _mark_sending(reply: Reply) -> None:
    if reply.status == Reply.Status.SENDING:
        reply.sending_since = timezone.now()
        reply.save(update_fields=["sending_since"])


# A platform answers in seconds (the connectors time out well inside this): a reply still "sending"
# after it was lost, most likely because the process stopped between the call and the answer.
STALLED_AFTER = dt.timedelta(minutes=15)


def release_stalled_sends() -> int:
    """Hand back to the editor every reply Herald began sending but never heard about: it becomes
    ready again with a warning to look on the platform first (it may be there already), so it can be
    sent again or its address recorded. Returns how many were handed back."""
    cutoff = timezone.now() - STALLED_AFTER
    released = 0
    stalled = Reply.objects.filter(status=Reply.Status.SENDING, sending_since__lt=cutoff).values_list("pk", flat=True)
    for pk in list(stalled):
        with transaction.atomic():
            reply = Reply.objects.select_for_update().select_related("comment").get(pk=pk)
            if reply.status != Reply.Status.SENDING or reply.sending_since is None or reply.sending_since >= cutoff:
                continue
            began = timezone.localtime(reply.sending_since)
            reply.status = Reply.Status.READY
            reply.send_error = (
                f"Herald began sending it at {uk_time(began)} on {uk_date(began)} and heard nothing back. Look for it "
                "on the platform before sending it again: if it is there, record its address instead."
            )
            reply.sending_since = None
            reply.save(update_fields=["status", "send_error", "sending_since"])
            audit.record(
                actor=None,
                action="moderation.reply_not_sent",
                obj=reply.comment,
                after={"reply": reply.pk},
                reason="No answer from the platform: handed back to the editor",
            )
            released += 1
    return released


def _as_now(reply: Reply) -> Reply:
    """The reply as it stands once its transaction is over (sent or refused, when it was sent on commit)."""
    return Reply.objects.select_related("comment").get(pk=reply.pk)


def _send_after_commit(reply: Reply, *, by: Person) -> None:
    if reply.status == Reply.Status.SENDING:
        transaction.on_commit(lambda: _deliver(reply.pk, by=by))


def _deliver(reply_pk: int, *, by: Person) -> None:
    """Call the platform for a reply recorded as sending (no transaction is open, no row locked), then
    record the outcome in a short transaction of its own."""
    reply = Reply.objects.select_related("comment__account").get(pk=reply_pk)
    if reply.status != Reply.Status.SENDING:
        return
    send = platforms.action_for(reply.comment.platform, "send_reply")
    sent: platforms.Sent | None = None
    error = ""
    try:
        sent = send(reply.comment, reply.text) if send else None
    except platforms.PlatformError as exc:
        error = str(exc)
    except Exception:  # whatever goes wrong, the reply must not stay "sending" with nobody told
        log.exception("Sending reply %s failed", reply_pk)
        error = "Herald could not reach the platform"
    with transaction.atomic():
        reply = Reply.objects.select_for_update().select_related("comment").get(pk=reply_pk)
        # A late answer after the sweep handed the reply back still counts if the platform took it.
        late_but_sent = sent is not None and reply.status == Reply.Status.READY
        if reply.status != Reply.Status.SENDING and not late_but_sent:
            return
        reply.sending_since = None
        if sent is None:  # refused, or no connector set up for this account after all: posted by hand
            reply.status = Reply.Status.READY
            reply.send_error = error[:500]
            reply.save(update_fields=["status", "send_error", "sending_since"])
            if error:
                audit.record(
                    actor=by,
                    action="moderation.reply_not_sent",
                    obj=reply.comment,
                    after={"reply": reply.pk},
                    reason=error,
                )
            return
        reply.send_error = ""
        _record_sent(
            reply, by=by, how=Reply.SentHow.CONNECTOR, platform_reply_id=sent.platform_reply_id, address=sent.address
        )


def _record_sent(reply: Reply, *, by: Person, how: str, platform_reply_id: str, address: str) -> None:
    """The reply is on the platform (sent by Herald's connector, or posted by hand and recorded): mark it
    sent, its comment replied, and write the one record of the reply leaving Herald: what was sent (its
    hash), by whom, how, and where it is."""
    reply.status = Reply.Status.SENT
    reply.sent_at = timezone.now()
    reply.sent_by = by
    reply.sent_how = how
    reply.platform_reply_id = platform_reply_id[:200]
    reply.address = address[:500]
    reply.save()
    _mark_replied(reply.comment, by=by)
    audit.record(
        actor=by,
        action="moderation.reply_sent",
        obj=reply.comment,
        after={
            "reply": reply.pk,
            "sha256": reply.text_sha256,
            "how": "connector" if how == Reply.SentHow.CONNECTOR else "by hand",
            "platform_reply_id": reply.platform_reply_id,
            "address": reply.address,
        },
    )


def record_reply_posted(reply: Reply, *, by: Person, address: str, platform_reply_id: str = "") -> Reply:
    """The editor posted a ready reply on the platform by hand: record where it is, and its id there (given,
    or read from the address where it carries it), so the platform's later word about it (the page
    removed it) finds it as it finds a reply Herald sent."""
    address = address.strip()
    if not address.lower().startswith(("https://", "http://")):
        raise Refused("Enter the address of the reply on the platform, starting https://", field="address")
    with transaction.atomic():
        reply = Reply.objects.select_for_update().select_related("comment").get(pk=reply.pk)
        if reply.status != Reply.Status.READY:
            raise Refused("Only a reply that is ready to send can be recorded as posted")
        comment = reply.comment
        given = platform_reply_id.strip()
        platform_reply_id = reply_ids.reply_id(comment, given=given, address=address)
        held = Reply.objects.filter(
            comment__account_id=comment.account_id,
            comment__platform=comment.platform,
            platform_reply_id=platform_reply_id,
        )
        if platform_reply_id and held.exclude(pk=reply.pk).exists():
            # Two replies with one id: the platform's word that the page removed one would find the other.
            raise Refused(
                "That id is already recorded for another reply: check the address and id of the reply you posted",
                field="platform_reply_id" if given else "address",
            )
        _record_sent(reply, by=by, how=Reply.SentHow.BY_HAND, platform_reply_id=platform_reply_id, address=address)
    return reply


def save_reply_template(*, title: str, text: str, by: Person, account=None) -> SavedReply:  # type: ignore[no-untyped-def]
    if not title.strip():
        raise Refused("Enter a title for the saved reply", field="title")
    if not text.strip():
        raise Refused("Enter the text of the saved reply", field="text")
    with transaction.atomic():
        saved = SavedReply.objects.create(title=title.strip(), text=text.strip(), account=account, created_by=by)
        audit.record(actor=by, action="moderation.saved_reply_added", obj=saved, after={"title": saved.title})
    return saved


def retire_saved_reply(saved: SavedReply, *, by: Person) -> SavedReply:
    with transaction.atomic():
        saved.retired_at = timezone.now()
        saved.save(update_fields=["retired_at"])
        audit.record(actor=by, action="moderation.saved_reply_retired", obj=saved)
    return saved


def saved_replies_for(comment: Comment) -> QuerySet[SavedReply]:
    return (
        SavedReply.objects.filter(retired_at=None)
        .filter(Q(account=None) | Q(account_id=comment.account_id))
        .order_by("title")
    )


# --- Who else is on the comment -----------------------------------------------------------------


def note_presence(comment: Comment, *, person: Person, activity: str) -> None:
    """Remember that `person` has the comment open (and whether they are writing)."""
    if activity not in Presence.Activity.values:
        activity = Presence.Activity.VIEWING
    Presence.objects.update_or_create(
        comment=comment, person=person, defaults={"activity": activity, "seen_at": timezone.now()}
    )


def others_present(comment: Comment, *, person: Person) -> list[Presence]:
    since = timezone.now() - dt.timedelta(seconds=settings.MODERATION_PRESENCE_SECONDS)
    return list(
        Presence.objects.filter(comment=comment, seen_at__gte=since)
        .exclude(person=person)
        .select_related("person")
        .order_by("activity", "person__last_name")  # "replying" before "viewing"
    )


def forget_stale_presence() -> int:
    cutoff = timezone.now() - dt.timedelta(hours=1)
    deleted, _ = Presence.objects.filter(seen_at__lt=cutoff).delete()
    return deleted
