"""Working the inbox: assigning, moving a comment through its statuses, priorities, notes, flags, and
the same actions on many comments at once. Every change is audited.

Hiding and deleting are not here: they need an evidence snapshot first and live in their own module,
which records the new status through `record_status` once the snapshot is kept."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from herald.audit import services as audit
from herald.errors import Refused
from herald.moderation import selectors
from herald.moderation.models import Comment, CommentFlag, InternalNote, ModerationTeam
from herald.people.models import Person
from herald.social_accounts.models import Account

# Statuses a person sets from the inbox. Hidden and deleted are set only by the removal process.
SETTABLE = frozenset(
    {
        Comment.Status.NEW,
        Comment.Status.ASSIGNED,
        Comment.Status.WAITING,
        Comment.Status.REPLIED,
        Comment.Status.NO_ACTION,
        Comment.Status.ESCALATED,
    }
)
REMOVAL = frozenset({Comment.Status.HIDDEN, Comment.Status.DELETED})
# Reaching one of these stops the response clock.
HANDLED = frozenset(
    {
        Comment.Status.REPLIED,
        Comment.Status.NO_ACTION,
        Comment.Status.ESCALATED,
        Comment.Status.HIDDEN,
        Comment.Status.DELETED,
    }
)
FIELDS = ("status", "assignee", "team", "priority", "first_handled_at", "reopened_at")


def _may_work(comment: Comment, by: Person) -> None:
    if not selectors.can_work(by, comment):
        raise Refused("You do not work the inbox for this account")


def _lock(comment: Comment) -> Comment:
    """Lock the comment's row until the transaction ends and bring `comment` up to date with it: a
    colleague may have hidden, handled or reassigned it since the page it was acted on was drawn, and
    the change must be decided on what it is now (the caller keeps using its own object)."""
    current = Comment.objects.select_for_update(of=("self",)).get(pk=comment.pk)
    for name in ("status", "assignee_id", "team_id", "priority", "first_handled_at", "reopened_at"):
        setattr(comment, name, getattr(current, name))
    return comment


def _save(
    comment: Comment, *, by: Person | None, action: str, before: dict, reason: str = "", also: tuple[str, ...] = ()
) -> Comment:
    comment.save(update_fields=[*FIELDS, *also, "updated_at"])
    audit.record(
        actor=by,
        action=action,
        obj=comment,
        before=before,
        after=audit.snapshot(comment, exclude=_NOT_AUDITED),
        reason=reason,
    )
    return comment


_NOT_AUDITED = ("text", "findings", "pre_election_wards", "platform_id", "permalink", "parent_platform_id")


def record_status(
    comment: Comment, *, by: Person | None, status: str, reason: str = "", with_fields: dict[str, object] | None = None
) -> Comment:
    """Set any status, hidden and deleted included: for the removal process, after its evidence is kept.
    `with_fields` are other fields of the comment changed with it (the "Reply removed" tag's time): saved
    and audited in the same record, so its before and after are the change as it happened."""
    before = audit.snapshot(comment, exclude=_NOT_AUDITED)
    was_handled = comment.status in HANDLED
    comment.status = status
    for name, value in (with_fields or {}).items():
        setattr(comment, name, value)
    if status in HANDLED and comment.first_handled_at is None:
        comment.first_handled_at = timezone.now()
    elif was_handled and status not in HANDLED and comment.first_handled_at is not None:
        # Reopened: its first response stays the one the reports count; when it was reopened is kept.
        comment.reopened_at = timezone.now()
    return _save(
        comment,
        by=by,
        action="moderation.status_changed",
        before=before,
        reason=reason,
        also=tuple(with_fields or ()),
    )


@transaction.atomic
def set_status(comment: Comment, *, by: Person, status: str, reason: str = "") -> Comment:
    _may_work(comment, by)
    _lock(comment)
    if status in REMOVAL:
        raise Refused("Hide or delete a comment from its page, so that Herald keeps the evidence first", field="status")
    if status not in SETTABLE:
        raise Refused("Choose a status", field="status")
    if status == Comment.Status.ESCALATED and not reason.strip():
        raise Refused("Say why the comment is escalated and to whom", field="reason")
    if status == comment.status:
        return comment
    if comment.status in REMOVAL:
        raise Refused("This comment has been hidden or deleted; reinstate it from its page first", field="status")
    return record_status(comment, by=by, status=status, reason=reason)


def _why_not_assignable(person: Person, comment: Comment) -> str:
    from herald.moderation.nav import INBOX_ROLES
    from herald.people.roles import Role

    if person.is_active and person.has_role(Role.SAFEGUARDING) and not person.has_role(*INBOX_ROLES):
        return (
            f"{person.full_name} is the safeguarding lead: they can be given only a comment with an open "
            "safeguarding concern"
        )
    if not person.is_active or not person.has_role(*INBOX_ROLES):
        return f"{person.full_name} does not work the moderation inbox: choose someone who does"
    return f"{person.full_name} cannot see comments on {comment.account}: choose someone who can"


@transaction.atomic
def assign_comment(
    comment: Comment, *, by: Person, to: Person | None, team: ModerationTeam | None = None, reason: str = ""
) -> Comment:
    """Give the comment to `to` (None: take it off whoever has it) and, if given, to `team`'s queue."""
    _may_work(comment, by)
    _lock(comment)
    if to is not None and not selectors.assignable(to, comment):
        raise Refused(_why_not_assignable(to, comment), field="assignee")
    if team is not None and team.pk != comment.team_id and not selectors.visible_teams(by).filter(pk=team.pk).exists():
        raise Refused(f"You do not work the {team.name} queue: choose one of your teams", field="team")
    before = audit.snapshot(comment, exclude=_NOT_AUDITED)
    comment.assignee = to
    if team is not None:
        comment.team = team
    if to is not None and comment.status == Comment.Status.NEW:
        comment.status = Comment.Status.ASSIGNED
    elif to is None and comment.status == Comment.Status.ASSIGNED:
        comment.status = Comment.Status.NEW
    return _save(comment, by=by, action="moderation.assigned", before=before, reason=reason)


@transaction.atomic
def set_priority(comment: Comment, *, by: Person, priority: int) -> Comment:
    _may_work(comment, by)
    _lock(comment)
    if priority not in Comment.Priority.values:
        raise Refused("Choose a priority", field="priority")
    before = audit.snapshot(comment, exclude=_NOT_AUDITED)
    comment.priority = priority
    return _save(comment, by=by, action="moderation.priority_changed", before=before)


def _words_of_someone_who_sees(
    comment: Comment, *, by: Person, text: str, field: str, empty: str, longest: int, noun: str
) -> str:
    """What someone who sees `comment` wrote about it (a note, a concern), trimmed: refused when they do
    not see it, when it is empty or when it is longer than `longest` characters."""
    if not selectors.can_see(by, comment):
        raise Refused("You do not work the inbox for this account")
    text = text.strip()
    if not text:
        raise Refused(empty, field=field)
    if len(text) > longest:
        raise Refused(f"Keep {noun} to {longest:,} characters or fewer", field=field)
    return text


@transaction.atomic
def add_note(comment: Comment, *, by: Person, text: str) -> InternalNote:
    # Whoever sees the comment: the safeguarding lead notes what was done about a concern.
    text = _words_of_someone_who_sees(
        comment, by=by, text=text, field="text", empty="Enter the note", longest=5000, noun="the note"
    )
    note = InternalNote.objects.create(comment=comment, author=by, text=text)
    audit.record(actor=by, action="moderation.note_added", obj=comment, after={"note": note.pk, "text": text})
    return note


@transaction.atomic
def raise_flag(comment: Comment, *, by: Person, kind: str, reason: str = "") -> CommentFlag:
    """Flag a comment by hand (the rules missed it); its clock starts from the day it arrived."""
    from herald.moderation.services.classification import FLAG_PRIORITY, flag_due_on

    if kind == CommentFlag.Kind.SAFEGUARDING:
        return raise_safeguarding_concern(comment, by=by, reason=reason)
    _may_work(comment, by)
    _lock(comment)  # two people flagging it at once: the second finds the first's flag
    if kind not in CommentFlag.Kind.values:
        raise Refused("Choose what kind of flag", field="kind")
    if comment.flags.filter(kind=kind).exists():
        raise Refused("This comment already has that flag", field="kind")
    flag = CommentFlag.objects.create(
        comment=comment,
        kind=kind,
        reason=(reason.strip() or "Raised by hand")[:300],
        raised_by=by,
        due_on=flag_due_on(kind, timezone.localdate(comment.received_at)),
    )
    if comment.priority < FLAG_PRIORITY[kind]:
        before = audit.snapshot(comment, exclude=_NOT_AUDITED)
        comment.priority = FLAG_PRIORITY[kind]
        _save(comment, by=by, action="moderation.priority_changed", before=before)
    audit.record(actor=by, action="moderation.flag_raised", obj=comment, after={"flag": kind, "reason": flag.reason})
    return flag


@transaction.atomic
def raise_safeguarding_concern(comment: Comment, *, by: Person, reason: str) -> CommentFlag:
    """Anyone who can see a comment raises a safeguarding concern about it by hand, saying why (a
    moderator who sees a child at risk, the safeguarding lead on a comment they see): the lead is emailed
    at once, as for a concern the rules found. A comment holds one concern: one closed earlier is raised
    again, its earlier outcome kept in a note and in the audit trail."""
    from herald.dates import uk_datetime
    from herald.moderation.services.classification import FLAG_PRIORITY, _tell_safeguarding_lead

    reason = _words_of_someone_who_sees(
        comment,
        by=by,
        text=reason,
        field="reason",
        empty="Say what the concern is: who may be at risk, and why",
        longest=300,
        noun="the concern",
    )
    _lock(comment)  # two people raising it at once: the second finds the first's concern
    kind = CommentFlag.Kind.SAFEGUARDING
    flag = CommentFlag.objects.select_for_update().filter(comment=comment, kind=kind).first()
    before = None
    if flag is None:
        flag = CommentFlag.objects.create(comment=comment, kind=kind, reason=reason, raised_by=by)
    elif flag.is_open:
        raise Refused("This comment already has an open safeguarding concern: add a note to it instead", field="reason")
    else:
        closed_by = flag.closed_by.full_name if flag.closed_by else "someone who has left"
        InternalNote.objects.create(
            comment=comment,
            author=by,
            text=f"Safeguarding concern raised again. The earlier one, “{flag.reason}”, was closed on "
            f"{uk_datetime(flag.closed_at)} by {closed_by}: {flag.outcome}",
        )
        before = {"reason": flag.reason, "closed_at": flag.closed_at, "closed_by": flag.closed_by_id}
        flag.reason, flag.raised_by, flag.raised_at = reason, by, timezone.now()
        flag.closed_at, flag.closed_by, flag.outcome = None, None, ""
        flag.save(update_fields=["reason", "raised_by", "raised_at", "closed_at", "closed_by", "outcome"])
    if comment.priority < FLAG_PRIORITY[kind]:
        priority_before = audit.snapshot(comment, exclude=_NOT_AUDITED)
        comment.priority = FLAG_PRIORITY[kind]
        _save(comment, by=by, action="moderation.priority_changed", before=priority_before)
    audit.record(
        actor=by,
        action="moderation.safeguarding_concern_raised",
        obj=comment,
        before=before,
        after={"flag": kind, "reason": reason},
    )
    _tell_safeguarding_lead([flag])
    return flag


@transaction.atomic
def close_flag(flag: CommentFlag, *, by: Person, outcome: str) -> CommentFlag:
    """Close a flag with what was done: passed to the FOI team, not a request, complaint logged…"""
    if not selectors.can_close(by, flag):
        raise Refused("You may not close this flag: it is for the people who work this comment's inbox")
    current = CommentFlag.objects.select_for_update().get(pk=flag.pk)
    if current.closed_at is not None:
        raise Refused("This flag is already closed")
    if not outcome.strip():
        raise Refused("Say what was done, for example ‘Logged as FOI 2026/123’ or ‘Not a request’", field="outcome")
    flag.closed_at = timezone.now()
    flag.closed_by = by
    flag.outcome = outcome.strip()[:2000]
    flag.save(update_fields=["closed_at", "closed_by", "outcome"])
    audit.record(
        actor=by,
        action="moderation.flag_closed",
        obj=flag.comment,
        after={"flag": flag.kind, "outcome": flag.outcome},
    )
    return flag


BULK_ACTIONS = ("assign_to_me", "unassign", "status")


@transaction.atomic
def act_on_many(comments: Iterable[Comment], *, by: Person, action: str, status: str = "", reason: str = "") -> int:
    """One action on many comments, all or none: assign to me, unassign, or set a status.

    The comments' rows are locked together, in id order, before anything is recorded, and the audit
    events are appended as the batch ends (audit.deferred): a colleague acting on one of them meanwhile
    then waits for the batch instead of deadlocking with it over the rows and the audit chain's head."""
    comments = sorted(comments, key=lambda comment: comment.pk)
    list(Comment.objects.select_for_update(of=("self",)).filter(pk__in=[c.pk for c in comments]).order_by("pk"))
    done = 0
    with audit.deferred():
        for comment in comments:
            if action == "assign_to_me":
                assign_comment(comment, by=by, to=by, reason=reason)
            elif action == "unassign":
                assign_comment(comment, by=by, to=None, reason=reason)
            elif action == "status":
                set_status(comment, by=by, status=status, reason=reason)
            else:
                raise Refused("Choose what to do with the selected comments", field="action")
            done += 1
    if not done:
        raise Refused("Select at least one comment", field="comments")
    return done


def _release(comment: Comment, *, by: Person | None, reason: str) -> None:
    before = audit.snapshot(comment, exclude=_NOT_AUDITED)
    comment.assignee = None
    if comment.status == Comment.Status.ASSIGNED:
        comment.status = Comment.Status.NEW
    comment.save(update_fields=[*FIELDS, "updated_at"])
    audit.record(
        actor=by,
        action="moderation.unassigned_lost_access",
        obj=comment,
        before=before,
        after=audit.snapshot(comment, exclude=_NOT_AUDITED),
        reason=reason,
    )


def release_comments_of_former_editor(account: Account, person: Person, *, by: Person | None) -> int:
    """`person` no longer edits `account`: the open comments on it assigned to them, which they may not
    see any other way (a moderation team, managing the account, the communications team), go back to the
    team's queue unassigned, so they can no longer open, answer or remove them. Registered in
    ModerationConfig.ready(); returns how many went back."""
    with transaction.atomic():
        assigned = Comment.objects.filter(account=account, assignee=person, status__in=Comment.OPEN_STATUSES)
        released = 0
        for comment in assigned.select_for_update(of=("self",)):
            if selectors.sees_without_assignment(person, comment):
                continue
            _release(comment, by=by, reason=f"{person.full_name} no longer edits {account}")
            released += 1
        return released


def release_comments_of_leaver(person: Person, *, by: Person | None) -> int:
    """`person` has left the council: every open comment assigned to them goes back to its team's queue
    unassigned. Registered in ModerationConfig.ready(); returns how many went back."""
    with transaction.atomic():
        assigned = Comment.objects.filter(assignee=person, status__in=Comment.OPEN_STATUSES)
        released = 0
        for comment in assigned.select_for_update(of=("self",)):
            _release(comment, by=by, reason=f"{person.full_name} has left the council")
            released += 1
        return released
