"""Hiding, deleting and unhiding a comment, and the evidence Herald keeps before any of it: the
payload, the text as shown, the author, the permalink, the time and a PDF of the comment in context,
fixed by a SHA-256 in the audit trail. Deleting is only ever a person's decision."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Sequence
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from herald.audit import services as audit
from herald.errors import Refused
from herald.moderation import platforms
from herald.moderation.incoming import IncomingComment
from herald.moderation.models import Comment, CommentPayload, Evidence, RemovalReason
from herald.moderation.services import inbox
from herald.people.models import Person
from herald.social_accounts.models import Account

REMOVED = (Comment.Status.HIDDEN, Comment.Status.DELETED)


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
    """The comment in its context (what it answers and what answered it) as a PDF."""
    from weasyprint import HTML

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
    return bytes(HTML(string=html).write_pdf())


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


def _on_platform(comment: Comment, action: str) -> str:
    """Do `action` on the platform if a connector can; returns what happened, for the audit trail."""
    function = platforms.action_for(comment.platform, action)
    if function is None:
        return "by hand"
    try:
        done = function(comment)
    except platforms.PlatformError as exc:
        raise Refused(f"{comment.get_platform_display()} refused: {exc}. Try again, or do it by hand.") from exc
    return "by hand" if done is False else "by Herald"  # False: no connector set up for this account


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
        evidence = take_evidence(comment, action=action, reason=reason, detail=detail, by=by, rule_name=rule_name)
        before = comment.status
        inbox.record_status(comment, by=by, status=status, reason=RemovalReason(reason).label)
        done = _on_platform(comment, action)
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


def unhide_comment(comment: Comment, *, by: Person | None, reason: str) -> Comment:
    """Show a hidden comment again; it goes back to the status it had. The evidence stays."""
    if not reason.strip():
        raise Refused("Enter why the comment is being shown again", field="reason")
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        if comment.status != Comment.Status.HIDDEN:
            raise Refused("Only a hidden comment can be shown again")
        last = comment.evidence.filter(action=Evidence.Action.HIDE).order_by("-taken_at", "-id").first()
        restored = last.status_before if last and last.status_before not in REMOVED else Comment.Status.NEW
        inbox.record_status(comment, by=by, status=restored, reason=reason)
        done = _on_platform(comment, "unhide")
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
