"""Hiding, deleting and unhiding a comment, and the evidence Herald keeps before any of it: the
payload, the text as shown, the author, the permalink, the time and a PDF of the comment in context,
fixed by a SHA-256 in the audit trail. Deleting is only ever a person's decision."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from herald.audit import services as audit
from herald.dates import uk_date, uk_time
from herald.errors import Refused
from herald.moderation import platforms
from herald.moderation.incoming import IncomingComment
from herald.moderation.models import Comment, CommentPayload, Evidence, PlatformAction, RemovalReason
from herald.moderation.services import inbox, replies
from herald.pdf import html_to_pdf
from herald.people.models import Person
from herald.social_accounts.models import Account

REMOVED = (Comment.Status.HIDDEN, Comment.Status.DELETED)

log = logging.getLogger(__name__)


# Where else a comment's raw payload may be kept: the connectors register theirs (the platform's own
# record of the comment) in their AppConfig.ready(). Each returns the payload, or None.
PayloadSource = Callable[[Comment], "dict[str, Any] | None"]
_payload_sources: list[PayloadSource] = []


def register_payload_source(source: PayloadSource) -> None:
    if source not in _payload_sources:
        _payload_sources.append(source)


def _kept_payload(comment: Comment) -> dict[str, Any] | None:
    kept = CommentPayload.objects.filter(comment_id=comment.pk).values_list("source", "raw").first()
    return {"source": kept[0], "payload": kept[1]} if kept else None


def _raw_payload(comment: Comment) -> dict[str, Any]:
    """The payload the comment arrived in: the platform's record from its connector, the object posted to
    the JSON API or the CSV row; where none was kept (the demo generator), Herald's own record of it."""
    for source in (_kept_payload, *_payload_sources):
        found = source(comment)
        if found:
            return found
    return {
        "source": comment.source,
        "kept_by_herald": True,  # no payload was kept: this is Herald's own record of the comment
        "payload": {
            "platform": comment.platform,
            "platform_id": comment.platform_id,
            "kind": comment.kind,
            "parent_platform_id": comment.parent_platform_id,
            "text": comment.text,
            "permalink": comment.permalink,
            "posted_at": comment.posted_at.isoformat(),
            "received_at": comment.received_at.isoformat(),
        },
    }


def keep_payloads(account: Account, items: Sequence[IncomingComment], *, source: str) -> None:
    """Keep what was submitted for each comment in `items` that is stored on `account` (a comment
    submitted again keeps its first payload)."""
    wanted = {item.platform_id: item.raw for item in items if item.raw}
    if not wanted:
        return
    stored = Comment.objects.filter(platform=account.platform, platform_id__in=list(wanted)).values_list(
        "platform_id", "pk"
    )
    CommentPayload.objects.bulk_create(
        [CommentPayload(comment_id=pk, source=source, raw=wanted[platform_id]) for platform_id, pk in stored],
        ignore_conflicts=True,
    )


def _author_details(comment: Comment) -> dict[str, Any]:
    author = comment.author
    if author is None:
        return {}
    return {
        "platform": author.platform,
        "platform_user_id": author.platform_user_id,
        "handle": author.handle,
        "display_name": author.display_name,
        "profile_url": author.profile_url,
        "first_seen_at": author.first_seen_at.isoformat(),
    }


def render_pdf(comment: Comment, *, reason_label: str, taken_at: dt.datetime) -> bytes:
    """The comment in its context (what it answers and what answered it) as a PDF, printed by Herald's
    one printer, which fetches nothing the HTML points at: the comment's words are anyone's."""
    html = render_to_string(
        "moderation/evidence/snapshot.html",
        {
            "comment": comment,
            "parent": comment.parent,
            "raw_payload": json.dumps(_raw_payload(comment), indent=1, ensure_ascii=False, default=str)[:30_000],
            "replies": list(comment.replies.select_related("author").order_by("posted_at")[:50]),
            "reason": reason_label,
            "taken_at": taken_at,
            "council_name": settings.COUNCIL_NAME,
        },
    )
    return html_to_pdf(html)


def manifest(evidence: Evidence) -> dict[str, Any]:
    """What the snapshot's SHA-256 is of: every field kept, and the PDF by its own hash."""
    return {
        "comment_id": evidence.comment_id,
        "action": evidence.action,
        "reason": evidence.reason,
        "reason_detail": evidence.reason_detail,
        "raw_payload": evidence.raw_payload,
        "text_shown": evidence.text_shown,
        "author_details": evidence.author_details,
        "permalink": evidence.permalink,
        "account_name": evidence.account_name,
        "posted_at": evidence.posted_at.isoformat(),
        "taken_at": evidence.taken_at.isoformat(),
        "rule_name": evidence.rule_name,
        "pdf_sha256": evidence.pdf_sha256,
    }


def manifest_sha256(evidence: Evidence) -> str:
    data = json.dumps(manifest(evidence), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def is_intact(evidence: Evidence) -> bool:
    """Whether the kept snapshot still matches its hash (the PDF included)."""
    pdf = bytes(evidence.pdf)
    return hashlib.sha256(pdf).hexdigest() == evidence.pdf_sha256 and manifest_sha256(evidence) == evidence.sha256


def take_evidence(
    comment: Comment, *, action: str, reason: str, detail: str = "", by: Person | None, rule_name: str = ""
) -> Evidence:
    """Keep the comment as it is now. Call inside the transaction that hides or deletes it."""
    if reason not in RemovalReason.values:
        raise Refused("Choose why the comment is being removed", field="reason")
    taken_at = timezone.now().replace(microsecond=0)
    pdf = render_pdf(comment, reason_label=RemovalReason(reason).label, taken_at=taken_at)
    evidence = Evidence(
        comment=comment,
        action=action,
        reason=reason,
        reason_detail=detail[:500],
        raw_payload=_raw_payload(comment),
        text_shown=comment.text,
        author_details=_author_details(comment),
        permalink=comment.permalink,
        account_name=str(comment.account),
        posted_at=comment.posted_at,
        taken_at=taken_at,
        taken_by=by,
        rule_name=rule_name[:120],
        status_before=comment.status,
        pdf=pdf,
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
        keep_until=timezone.localdate(taken_at) + dt.timedelta(days=settings.MODERATION_EVIDENCE_KEEP_DAYS),
    )
    evidence.sha256 = manifest_sha256(evidence)
    evidence.save(force_insert=True)
    audit.record(
        actor=by,
        action="moderation.evidence_kept",
        obj=comment,
        after={
            "evidence": evidence.pk,
            "sha256": evidence.sha256,
            "pdf_sha256": evidence.pdf_sha256,
            "action": action,
            "reason": reason,
            "keep_until": evidence.keep_until.isoformat(),
        },
        reason=detail,
    )
    return evidence


# --- Acting on the platform: after commit, never under the comment's lock --------------------------

# A platform answers in seconds (the connectors time out well inside this): an action still waiting
# after it was lost, most likely because the process stopped between the call and the answer.
STALLED_AFTER = dt.timedelta(minutes=15)

# The audit trail's verbs for each action's outcome.
_PAST = {
    PlatformAction.Action.HIDE: "hidden",
    PlatformAction.Action.UNHIDE: "unhidden",
    PlatformAction.Action.DELETE: "deleted",
}


def _refuse_while_waiting(comment: Comment) -> None:
    waiting = comment.platform_actions.filter(status=PlatformAction.Status.SENDING).first()
    if waiting is not None:
        raise Refused(
            f"Herald has asked {comment.get_platform_display()} to {waiting.get_action_display().lower()} this "
            "comment and is waiting for the answer: wait for the outcome"
        )


def _ask_platform(comment: Comment, action: str, *, by: Person | None) -> str:
    """Inside the transaction that changes the comment in Herald: record the platform action as sending
    and call the platform once that commits. Returns what the audit trail says of it."""
    if not platforms.acts_on_platform(comment, action):
        return "by hand"
    asked = PlatformAction.objects.create(comment=comment, action=action, asked_by=by, sending_since=timezone.now())
    transaction.on_commit(lambda: _carry_out(asked.pk, by=by))
    return "by Herald"


def _carry_out(action_pk: int, *, by: Person | None) -> None:
    """Call the platform for an action recorded as sending (no transaction open, no row locked), then
    record the outcome in a short transaction of its own, with one audit event."""
    asked = PlatformAction.objects.select_related("comment__account").get(pk=action_pk)
    if asked.status != PlatformAction.Status.SENDING:
        return
    comment, label = asked.comment, asked.comment.get_platform_display()
    function = platforms.action_for(comment.platform, asked.action)
    error = ""
    try:
        done = function(comment) if function else False
    except platforms.PlatformError as exc:
        error = str(exc).rstrip(".") + "."  # the platform's refusal, in its words
    except Exception:  # whatever goes wrong, the action must not stay waiting with nobody told
        log.exception("Asking %s to %s comment %s failed", label, asked.action, comment.pk)
        error = f"Herald could not reach {label}."
    else:
        if done is False:  # no connector set up for this account after all
            error = f"Herald cannot do this on {label} for this account: do it there yourself."
    with transaction.atomic():
        asked = PlatformAction.objects.select_for_update().select_related("comment").get(pk=action_pk)
        # A late answer after the sweep handed the action back still counts if the platform did it.
        late_but_done = not error and asked.status == PlatformAction.Status.REFUSED and asked.sending_since is None
        if asked.status != PlatformAction.Status.SENDING and not late_but_done:
            return
        asked.sending_since = None
        asked.status = PlatformAction.Status.REFUSED if error else PlatformAction.Status.DONE
        asked.error = error[:500]
        asked.done_at = None if error else timezone.now()
        asked.save(update_fields=["sending_since", "status", "error", "done_at"])
        _record_outcome(asked, by=by, reason=error)


def _record_outcome(asked: PlatformAction, *, by: Person | None, reason: str) -> None:
    past = _PAST[PlatformAction.Action(asked.action)]
    audit.record(
        actor=by,
        action=f"moderation.comment_{'not_' if reason else ''}{past}_on_platform",
        obj=asked.comment,
        after={"platform_action": asked.pk, "action": asked.action, "status": asked.status},
        reason=reason,
    )


def try_platform_again(asked: PlatformAction, *, by: Person) -> PlatformAction:
    """Ask the platform again to do what it refused (or never answered), where Herald's own record of
    the comment still calls for it."""
    with transaction.atomic():
        comment = Comment.objects.select_for_update(of=("self",)).select_related("account").get(pk=asked.comment_id)
        asked = PlatformAction.objects.select_for_update().get(pk=asked.pk)
        latest = comment.platform_actions.order_by("-asked_at", "-id").first()
        if asked.status != PlatformAction.Status.REFUSED or latest is None or latest.pk != asked.pk:
            raise Refused("Only the last thing the platform did not do can be tried again")
        wanted = {
            PlatformAction.Action.HIDE: comment.status == Comment.Status.HIDDEN,
            PlatformAction.Action.DELETE: comment.status == Comment.Status.DELETED,
            PlatformAction.Action.UNHIDE: comment.status not in REMOVED,
        }[PlatformAction.Action(asked.action)]
        if not wanted:
            raise Refused("The comment has changed in Herald since: there is nothing to try again")
        if not platforms.acts_on_platform(comment, asked.action):
            raise Refused(f"Herald can no longer do this on {comment.get_platform_display()}: do it there yourself")
        asked.status = PlatformAction.Status.SENDING
        asked.sending_since = timezone.now()
        asked.error = ""
        asked.save(update_fields=["status", "sending_since", "error"])
        transaction.on_commit(lambda: _carry_out(asked.pk, by=by))
    return PlatformAction.objects.select_related("comment").get(pk=asked.pk)


def release_stalled_platform_actions() -> int:
    """Hand back to the editor every hide, show or delete Herald asked a platform for but never heard
    about: it is marked not done, with a warning to look on the platform first, and can be tried again.
    Returns how many were handed back."""
    cutoff = timezone.now() - STALLED_AFTER
    released = 0
    stalled = PlatformAction.objects.filter(status=PlatformAction.Status.SENDING, sending_since__lt=cutoff)
    for pk in list(stalled.values_list("pk", flat=True)):
        with transaction.atomic():
            asked = PlatformAction.objects.select_for_update().select_related("comment").get(pk=pk)
            if (
                asked.status != PlatformAction.Status.SENDING
                or asked.sending_since is None
                or asked.sending_since >= cutoff
            ):
                continue
            began = timezone.localtime(asked.sending_since)
            label = asked.comment.get_platform_display()
            asked.status = PlatformAction.Status.REFUSED
            asked.error = (
                f"Herald asked {label} at {uk_time(began)} on {uk_date(began)} and heard nothing back. "
                f"Look at the comment on {label} before trying again: it may be done already."
            )
            asked.sending_since = None
            asked.save(update_fields=["status", "error", "sending_since"])
            _record_outcome(asked, by=None, reason="No answer from the platform: handed back to the editor")
            released += 1
    return released


def _remove(
    comment: Comment, *, action: str, status: str, by: Person | None, reason: str, detail: str, rule_name: str = ""
) -> Evidence:
    with transaction.atomic():
        comment = (
            Comment.objects.select_for_update(of=("self",))
            .select_related("account", "author", "parent")
            .get(pk=comment.pk)
        )
        if comment.status == Comment.Status.DELETED:
            raise Refused("This comment has already been deleted")
        if comment.status == status:
            raise Refused(f"This comment is already {comment.get_status_display().lower()}")
        _refuse_while_waiting(comment)
        evidence = take_evidence(comment, action=action, reason=reason, detail=detail, by=by, rule_name=rule_name)
        before = comment.status
        inbox.record_status(comment, by=by, status=status, reason=RemovalReason(reason).label)
        if status == Comment.Status.DELETED:
            replies.withdraw_replies_to_deleted(comment, by=by)
        done = _ask_platform(comment, action, by=by)
        audit.record(
            actor=by,
            action=f"moderation.comment_{'hidden' if action == 'hide' else 'deleted'}",
            obj=comment,
            before={"status": before},
            after={"status": status, "evidence_sha256": evidence.sha256, "on_platform": done, "rule": rule_name},
            reason=f"{RemovalReason(reason).label}. {detail}".strip(),
        )
    return evidence


def hide_comment(
    comment: Comment, *, by: Person | None, reason: str, detail: str = "", rule_name: str = ""
) -> Evidence:
    """Hide a comment (its author and their friends still see it; nobody else does), evidence first."""
    return _remove(
        comment, action="hide", status=Comment.Status.HIDDEN, by=by, reason=reason, detail=detail, rule_name=rule_name
    )


def delete_comment(comment: Comment, *, by: Person, reason: str, detail: str = "") -> Evidence:
    """Delete a comment on the platform, evidence first. Only a person does this, never a rule."""
    if by is None:
        raise Refused("Only a person can delete a comment")
    return _remove(comment, action="delete", status=Comment.Status.DELETED, by=by, reason=reason, detail=detail)


def _hidden_outside_herald_before(comment: Comment) -> str | None:
    """The status a comment had when the page last hid it outside Herald, if that is its latest hide."""
    from herald.audit.models import AuditEvent

    last = (
        AuditEvent.objects.for_object(comment)
        .filter(action__in=("moderation.comment_hidden", "moderation.comment_hidden_outside_herald"))
        .order_by("-id")
        .first()
    )
    if last is None or last.action != "moderation.comment_hidden_outside_herald":
        return None
    before = (last.before or {}).get("status")
    return before if before in Comment.Status.values and before not in REMOVED else Comment.Status.NEW


def unhide_comment(comment: Comment, *, by: Person | None, reason: str) -> Comment:
    """Show a hidden comment again; it goes back to the status it had. The evidence stays."""
    if not reason.strip():
        raise Refused("Enter why the comment is being shown again", field="reason")
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        if comment.status != Comment.Status.HIDDEN:
            raise Refused("Only a hidden comment can be shown again")
        _refuse_while_waiting(comment)
        last = comment.evidence.filter(action=Evidence.Action.HIDE).order_by("-taken_at", "-id").first()
        restored = last.status_before if last and last.status_before not in REMOVED else Comment.Status.NEW
        # Hidden last by the council's page outside Herald (no evidence is taken then): the status it had
        # before that, not an older hide's, nor "new".
        outside = _hidden_outside_herald_before(comment)
        if outside is not None:
            restored = outside
        inbox.record_status(comment, by=by, status=restored, reason=reason)
        done = _ask_platform(comment, PlatformAction.Action.UNHIDE, by=by)
        audit.record(
            actor=by,
            action="moderation.comment_unhidden",
            obj=comment,
            before={"status": Comment.Status.HIDDEN},
            after={"status": restored, "on_platform": done},
            reason=reason,
        )
    return comment


def remove_expired_evidence(*, today: dt.date | None = None) -> int:
    """Remove evidence whose retention has ended (the database refuses any earlier), audited by hash."""
    today = today or timezone.localdate()
    removed = 0
    for evidence in Evidence.objects.expired(today).order_by("pk")[:1000]:
        with transaction.atomic():
            audit.record(
                actor=None,
                action="moderation.evidence_removed",
                obj=evidence.comment,
                before={"evidence": evidence.pk, "sha256": evidence.sha256, "keep_until": str(evidence.keep_until)},
                reason="Retention period ended",
            )
            # The model refuses delete(); the retention task is the one route, through SQL the trigger checks.
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {Evidence._meta.db_table} WHERE id = %s", [evidence.pk])
        removed += 1
    return removed


def evidence_about_author(handle_or_name: str) -> list[Evidence]:
    """Evidence that names a person as its author (handle, display name or platform id), for a subject
    access request."""
    needle = handle_or_name.strip().lstrip("@")
    if len(needle) < 3:
        return []
    return list(
        Evidence.objects.filter(
            Q(comment__author__handle__iexact=needle)
            | Q(comment__author__display_name__iexact=needle)
            | Q(comment__author__platform_user_id=needle)
        ).order_by("taken_at", "id")
    )


def subject_access_records(query: str) -> list[dict[str, Any]]:
    """Evidence about the person a subject access search names, for the export (the PDF included)."""
    import base64

    return [
        manifest(item)
        | {
            "sha256": item.sha256,
            "keep_until": item.keep_until.isoformat(),
            "pdf_base64": base64.b64encode(bytes(item.pdf)).decode(),
        }
        for item in evidence_about_author(query)
    ]
