"""The connectors' state changes: storing a delivery once, reading it into the inbox, keeping each
connector's cursor and last error, and sending a reply where the platform allows it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
from collections import defaultdict
from collections.abc import Mapping

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from herald.audit import services as audit
from herald.connectors import credentials
from herald.connectors.base import ConnectorError, Malformed, ReplyTarget, SentReply
from herald.connectors.models import ChangeDelivery, CommentOrigin, ConnectorState, RawEvent
from herald.connectors.registry import CONNECTORS
from herald.dates import uk_datetime
from herald.errors import Refused
from herald.moderation import platforms
from herald.moderation import services as moderation
from herald.moderation.incoming import CommentChange, IncomingComment
from herald.moderation.models import Comment
from herald.moderation.services import evidence, platform_changes
from herald.queue import enqueue_after_commit
from herald.social_accounts.models import Account

logger = logging.getLogger(__name__)

# The request headers worth keeping with a webhook delivery: enough to check its signature again.
KEPT_HEADERS = ("content-type", "user-agent", "x-hub-signature-256", "x-twitter-webhooks-signature", "x-li-signature")


def _state(name: str, account: Account | None) -> ConnectorState:
    if account is not None:
        state, _ = ConnectorState.objects.get_or_create(account=account, defaults={"connector": name})
    else:
        state, _ = ConnectorState.objects.get_or_create(connector=name, account=None)
    return state


def store_delivery(
    name: str,
    *,
    body: bytes,
    source: str,
    signature: str,
    replay_key: str,
    headers: Mapping[str, str] | None = None,
    account: Account | None = None,
) -> tuple[RawEvent, bool]:
    """Keep a delivery and queue it to be read; a delivery already kept is counted, not kept again.
    Returns the event and whether it is new."""
    kept = {key: value for key, value in (headers or {}).items() if key in KEPT_HEADERS}
    with transaction.atomic():
        try:
            with transaction.atomic():
                event = RawEvent.objects.create(
                    connector=name,
                    account=account,
                    source=source,
                    headers=kept,
                    body=body.decode("utf-8", "replace"),
                    signature=signature,
                    replay_key=replay_key[:300],
                )
        except IntegrityError:
            RawEvent.objects.filter(connector=name, replay_key=replay_key[:300]).update(replays=F("replays") + 1)
            return RawEvent.objects.get(connector=name, replay_key=replay_key[:300]), False
        ConnectorState.objects.filter(pk=_state(name, account).pk).update(last_event_at=event.received_at)
        enqueue_after_commit("herald.connectors.tasks.read_delivery", event.pk)
    return event, True


def note_problem(name: str, reason: str, *, account: Account | None = None) -> None:
    """Record what went wrong last (a refused signature, a stream that dropped), for the status page."""
    ConnectorState.objects.filter(pk=_state(name, account).pk).update(
        last_error=reason[:2000], last_error_at=timezone.now()
    )


def has_problem(name: str, reason: str, *, account: Account | None = None) -> bool:
    """Whether this is already the last problem recorded (so a run of refusals writes it once)."""
    states = (
        ConnectorState.objects.filter(account=account)
        if account
        else ConnectorState.objects.filter(connector=name, account=None)
    )
    return states.filter(last_error=reason[:2000]).exists()


def save_cursor(name: str, account: Account, cursor: str) -> None:
    ConnectorState.objects.filter(pk=_state(name, account).pk).update(cursor=cursor[:200])


def cursor_for(name: str, account: Account) -> str:
    return _state(name, account).cursor


def _fail(event: RawEvent, reason: str) -> RawEvent:
    event.status = RawEvent.Status.FAILED
    event.reason = reason
    event.processed_at = timezone.now()
    event.save(update_fields=["status", "reason", "processed_at"])
    note_problem(event.connector, f"A delivery could not be read: {reason}", account=event.account)
    return event


def read_delivery(event: RawEvent) -> RawEvent:
    """Turn a kept delivery into comments in the inbox (each stored once) and mark it read, or failed
    with the reason."""
    if event.status != RawEvent.Status.QUEUED:
        return event
    connector = CONNECTORS[event.connector]
    try:
        items = connector.read(event.body.encode())
        changes = connector.read_changes(event.body.encode())
    except Malformed as exc:
        return _fail(event, exc.reason)
    # A change the platform does not date happened no later than its delivery arrived.
    changes = [c if c.at is not None else dataclasses.replace(c, at=event.received_at) for c in changes]
    by_account: dict[int, tuple[Account, list[IncomingComment]]] = {}
    unknown: dict[str, int] = defaultdict(int)
    for item in items:
        account = event.account or credentials.account_for(event.connector, item.account_platform_id)
        if account is None:
            unknown[item.account_platform_id] += 1
            continue
        by_account.setdefault(account.pk, (account, []))[1].append(item)
    problems = [
        f"{count} for {ident or 'no account id'}, which no account in the secrets has"
        for ident, count in unknown.items()
    ]
    created = duplicates = 0
    with transaction.atomic():
        for account, batch in by_account.values():
            result = moderation.receive_comments(account, batch, source=event.source, received_at=event.received_at)
            created += result.created
            duplicates += result.duplicates
            problems += [f"item {position + 1}: {why}" for position, why in result.rejected]
            stored = dict(
                Comment.objects.filter(
                    platform=account.platform, platform_id__in=[item.platform_id for item in batch]
                ).values_list("platform_id", "pk")
            )
            CommentOrigin.objects.bulk_create(
                [
                    CommentOrigin(
                        comment_id=stored[item.platform_id], raw_event=event, connector=event.connector, raw=item.raw
                    )
                    for item in batch
                    if item.platform_id in stored
                ],
                ignore_conflicts=True,
            )
        for account, found in _by_account(event, changes, unknown=problems).items():
            platform_changes.apply_changes(account, found)
            _keep_change_deliveries(event, account, found)
            _forget_dropped_texts(account, found)
        event.comments_created = created
        event.comments_duplicate = duplicates
        event.processed_at = timezone.now()
        if problems and not by_account:
            event.status = RawEvent.Status.FAILED
            note_problem(event.connector, f"A delivery could not be read: {'; '.join(problems)}", account=event.account)
        else:
            event.status = RawEvent.Status.PROCESSED
        event.reason = "; ".join(problems)
        event.save(update_fields=["status", "reason", "processed_at", "comments_created", "comments_duplicate"])
    return event


def _by_account(event: RawEvent, changes: list[CommentChange], *, unknown: list[str]) -> dict[Account, list]:
    grouped: dict[Account, list[CommentChange]] = {}
    for change in changes:
        account = event.account or credentials.account_for(event.connector, change.account_platform_id)
        if account is None:
            unknown.append(f"a change for {change.account_platform_id or 'no account id'}, which no account has")
            continue
        grouped.setdefault(account, []).append(change)
    return grouped


def _keep_change_deliveries(event: RawEvent, account: Account, changes: list[CommentChange]) -> None:
    """Note which comments this delivery carried an edit of: their edited text is in it."""
    edited = [c.platform_id for c in changes if c.change == "edited"]
    ChangeDelivery.objects.bulk_create(
        [
            ChangeDelivery(comment_id=pk, raw_event=event)
            for pk in Comment.objects.filter(account=account, platform_id__in=edited).values_list("pk", flat=True)
        ],
        ignore_conflicts=True,
    )


def _forget_dropped_texts(account: Account, changes: list[CommentChange]) -> None:
    """A comment its author removed whose text Herald no longer keeps: the platform's record of it
    (CommentOrigin), the delivery it came in and every delivery that carried an edit of it lose its
    text too. Each delivery so changed records when and why, as its signature no longer matches."""
    named = [c.platform_id for c in changes if c.change in ("removed", "edited")]
    dropped = Comment.objects.filter(account=account, platform_id__in=named, text_dropped=True)
    for origin in CommentOrigin.objects.filter(comment__in=dropped).select_related("raw_event", "comment"):
        origin.raw = {key: value for key, value in origin.raw.items() if key not in ("message", "text")}
        origin.save(update_fields=["raw"])
        _scrub(origin.raw_event, origin.comment)
    for link in ChangeDelivery.objects.filter(comment__in=dropped).select_related("raw_event", "comment"):
        _scrub(link.raw_event, link.comment)


def _scrub(event: RawEvent, comment: Comment) -> None:
    body = _without_text_of(event.body, comment.platform_id)
    if body == event.body:
        return  # nothing of it left in this delivery (taken out before)
    why = (
        f"The text of {comment.get_platform_display()} comment {comment.platform_id} was taken out: its author "
        "removed the comment and nothing needed its words kept"
    )
    event.body = body
    event.scrubbed_at = timezone.now()
    event.scrubbed_reason = "; ".join(part for part in (event.scrubbed_reason, why) if part)[:4000]
    event.save(update_fields=["body", "scrubbed_at", "scrubbed_reason"])


def _without_text_of(body: str, platform_id: str) -> str:
    """A kept delivery's body with the text of one comment taken out (its signature no longer matches,
    which the delivery's `scrubbed_at` and `scrubbed_reason` explain: the author removed the comment)."""
    try:
        data = json.loads(body)
    except ValueError:
        return ""

    def scrub(node: object) -> object:
        if isinstance(node, dict):
            if platform_id in (str(node.get("comment_id", "")), str(node.get("id", ""))):
                return {key: scrub(value) for key, value in node.items() if key not in ("message", "text")}
            return {key: scrub(value) for key, value in node.items()}
        if isinstance(node, list):
            return [scrub(item) for item in node]
        return node

    return json.dumps(scrub(data))


@dataclasses.dataclass(frozen=True)
class SignatureCheck:
    """What checking a kept delivery's signature again found: `outcome` is one of "verified", "scrubbed"
    (verified when it arrived, a comment's words taken out since), "connection" (read over Herald's own
    connection: nothing signed it), "unchecked" (the app's secret is not to hand) or "forged" (it does not
    match and nothing Herald did explains why)."""

    event: RawEvent
    outcome: str
    words: str


def check_signature(event: RawEvent) -> SignatureCheck:
    """Check a kept webhook delivery's signature again, against the headers kept with it and the app's
    secret. A delivery Herald itself scrubbed since cannot match: it says so, when and why, instead."""
    if event.signature != RawEvent.Signature.VERIFIED:
        return SignatureCheck(event, "connection", "Read over Herald's own authenticated connection: not signed")
    if event.scrubbed_at is not None:
        return SignatureCheck(
            event,
            "scrubbed",
            f"Signature checked when it arrived; changed by Herald on {uk_datetime(event.scrubbed_at)}, so it "
            f"no longer matches: {event.scrubbed_reason}",
        )
    connector = CONNECTORS.get(event.connector)
    try:
        app = credentials.app_settings(event.connector) if connector is not None else {}
    except credentials.SecretsFileError as exc:
        return SignatureCheck(event, "unchecked", f"Cannot be checked again: {exc}")
    if connector is None or connector.missing(app, None):
        return SignatureCheck(event, "unchecked", "Cannot be checked again: the app's secret is not set up")
    try:
        connector.verify(event.headers, event.body.encode(), app)
    except ConnectorError as exc:
        return SignatureCheck(event, "forged", f"Does not match its signature: forged or altered ({exc.reason})")
    return SignatureCheck(event, "verified", "Signature checked again: it matches")


def forget_empty_deliveries(*, older_than_days: int, now: dt.datetime | None = None) -> int:
    """Delete deliveries read long ago that brought no comment (likes, edits, the council's own posts).
    Deliveries behind a comment are kept with it (its origin); failed ones stay until read again."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=older_than_days)
    empty = RawEvent.objects.filter(status=RawEvent.Status.PROCESSED, received_at__lt=cutoff, origins=None)
    deleted, _ = empty.delete()
    if deleted:
        audit.record(
            actor=None,
            action="connectors.empty_deliveries_forgotten",
            after={"count": deleted, "before": cutoff.isoformat()},
        )
    return deleted


def read_again(events: list[RawEvent]) -> int:
    """Queue deliveries that could not be read to be read again (after a connector is fixed, or the
    missing account added to the secrets). Comments already stored from them are not stored twice."""
    count = 0
    with transaction.atomic():
        for event in events:
            if event.status != RawEvent.Status.FAILED:
                continue
            RawEvent.objects.filter(pk=event.pk).update(status=RawEvent.Status.QUEUED, reason="", processed_at=None)
            enqueue_after_commit("herald.connectors.tasks.read_delivery", event.pk)
            count += 1
        if count:
            audit.record(actor=None, action="connectors.deliveries_requeued", obj=None, after={"count": count})
    return count


def send_reply(comment: Comment, text: str) -> SentReply:
    """Post `text` on the platform as a reply to `comment`, from the council's account. Refused (with
    what to do instead) where the platform or the account's secrets do not allow it.

    The inbox's reply records the one audit event of the reply leaving Herald (`moderation.reply_sent`,
    naming who sent it, with the platform's id and address), so nothing is audited here and nobody is
    asked for."""
    try:
        entry = credentials.for_account(comment.account)
    except credentials.SecretsFileError as exc:
        logger.error("%s: a reply on %s could not be sent", exc, comment.account)
        raise Refused(
            "Herald cannot read its secrets file just now: ask ICT to mend it, or post the reply on the platform "
            "and record its address"
        ) from exc
    if entry is None:
        raise Refused(
            f"{comment.account} has no connector set up: post the reply on the platform and record its address"
        )
    connector = entry.connector
    if not connector.can_reply:
        raise Refused(f"Herald cannot send replies on {connector.label}: post it there and record its address")
    if entry.missing:
        raise Refused(
            f"{comment.account} is missing {', '.join(entry.missing)} in the secrets: ask ICT, or post it by hand"
        )
    if not text.strip():
        raise Refused("Enter the reply", field="text")
    origin = CommentOrigin.objects.filter(comment=comment).first()
    target = ReplyTarget(comment.platform_id, comment.parent_platform_id, origin.raw if origin else {})
    try:
        sent = connector.send_reply(target, text, app=entry.app, account=entry.values)
    except ConnectorError as exc:
        note_problem(entry.name, exc.reason, account=comment.account)
        raise Refused(f"{exc.reason}. The reply was not sent.") from exc
    return sent


# The lines about an unreadable secrets file that this process has already logged: a comment's page asks
# several times, and a platform sends its webhook deliveries again and again while they are refused, and a
# broken file would otherwise fill the log with the same line.
_LOGGED_REASONS: set[tuple[str, str]] = set()


def log_once(log: logging.Logger, message: str, *args: object) -> None:
    """Log an error about the secrets file once per process while it stays the same (as the webhook notes
    a problem once while the reason stays the same). Forgotten once the file reads again (`secrets_read`),
    so a later problem is logged afresh."""
    key = (log.name, message % args)
    if key in _LOGGED_REASONS:
        return
    _LOGGED_REASONS.add(key)
    log.error(message, *args)


def secrets_read() -> None:
    """The secrets file read again: a problem it has later is logged afresh."""
    _LOGGED_REASONS.clear()


def _usable(account: Account) -> credentials.Configured | None:
    """The account's connector entry, or None where the secrets file cannot be read just now (logged once
    per reason; the Connectors page shows the file's problem): the inbox's pages and actions fall back to
    by hand. Once the file reads again, a later problem is logged afresh."""
    try:
        entry = credentials.for_account(account)
    except credentials.SecretsFileError as exc:
        log_once(logger, "%s: the inbox acts on the platforms by hand until it is mended", exc)
        return None
    secrets_read()
    return entry


def can_send_from_inbox(comment: Comment) -> bool:
    """Whether the account's connector is set up to reply (no platform is called)."""
    entry = _usable(comment.account)
    return entry is not None and entry.connector.can_reply and not entry.missing


def send_from_inbox(comment: Comment, text: str) -> platforms.Sent | None:
    """The inbox's way to send a reply (registered with herald.moderation.platforms): sent through the
    account's connector where it is set up to reply, None where the editor must post it by hand, and
    PlatformError with the platform's reason where the platform refuses."""
    if not can_send_from_inbox(comment):
        return None
    try:
        sent = send_reply(comment, text)
    except Refused as exc:
        raise platforms.PlatformError(str(exc)) from exc
    return platforms.Sent(platform_reply_id=sent.platform_id, address=sent.permalink)


def _hide_target(comment: Comment) -> ReplyTarget:
    # The platform's own record of the comment says what kind it is (a reply or a mention on X, the
    # thread it belongs to on Bluesky), which decides whether the platform can hide it.
    origin = CommentOrigin.objects.filter(comment=comment).first()
    return ReplyTarget(comment.platform_id, comment.parent_platform_id, origin.raw if origin else {})


def can_hide_from_inbox(comment: Comment) -> bool:
    """Whether hiding the comment in the inbox hides it on the platform too (no platform is called)."""
    entry = _usable(comment.account)
    if entry is None or not entry.connector.can_hide or entry.missing:
        return False
    return entry.connector.can_hide_target(_hide_target(comment), entry.values)


def set_hidden_from_inbox(comment: Comment, hidden: bool) -> bool:
    """Hide (or show again) the comment on the platform where the account's connector can; False where
    the editor must do it by hand. PlatformError with the platform's reason where it refuses."""
    entry = _usable(comment.account)
    if entry is None or not entry.connector.can_hide or entry.missing:
        return False
    target = _hide_target(comment)
    try:
        return entry.connector.set_hidden(target, hidden, app=entry.app, account=entry.values)
    except ConnectorError as exc:
        note_problem(entry.name, exc.reason, account=comment.account)
        raise platforms.PlatformError(exc.reason) from exc


def hide_from_inbox(comment: Comment) -> bool:
    return set_hidden_from_inbox(comment, True)


def unhide_from_inbox(comment: Comment) -> bool:
    return set_hidden_from_inbox(comment, False)


def _deleter(comment: Comment) -> credentials.Configured | None:
    """The connector entry that may delete this comment on its platform: only a comment that connector
    delivered itself, so its id is the platform's id of a comment (an id typed into a CSV import or the
    ingest API could be a post's, and deleting cannot be undone)."""
    entry = _usable(comment.account)
    if entry is None or not entry.connector.can_delete or entry.missing:
        return None
    delivered = CommentOrigin.objects.filter(comment_id=comment.pk, connector=entry.name).exists()
    return entry if delivered else None


def can_delete_from_inbox(comment: Comment) -> bool:
    """Whether deleting the comment in the inbox deletes it on the platform too (no platform is called)."""
    return _deleter(comment) is not None


def delete_from_inbox(comment: Comment) -> bool:
    """Delete the comment on the platform where the account's connector can; False where the editor must
    do it by hand. PlatformError with the platform's reason where it refuses."""
    entry = _deleter(comment)
    if entry is None:
        return False
    try:
        return entry.connector.delete(_hide_target(comment), app=entry.app, account=entry.values)
    except ConnectorError as exc:
        note_problem(entry.name, exc.reason, account=comment.account)
        raise platforms.PlatformError(exc.reason) from exc


def origin_payload(comment: Comment) -> dict | None:
    """The platform's own record of a comment its connector delivered, for evidence of the comment."""
    kept = CommentOrigin.objects.filter(comment_id=comment.pk).values_list("connector", "raw").first()
    return {"source": kept[0], "payload": kept[1]} if kept else None


def register_with_inbox() -> None:
    """Tell the inbox which platforms' replies may go through a connector: every platform whose
    connector can reply, and "other" (an account there may name its connector in the secrets)."""
    names = {connector.platform for connector in CONNECTORS.values() if connector.can_reply}
    for name in sorted(names | {"other"}):
        platforms.register(name, send_reply=send_from_inbox, can_reply=can_send_from_inbox)
    for name in sorted({connector.platform for connector in CONNECTORS.values() if connector.can_hide}):
        platforms.register(name, hide=hide_from_inbox, unhide=unhide_from_inbox, can_hide=can_hide_from_inbox)
    for name in sorted({connector.platform for connector in CONNECTORS.values() if connector.can_delete}):
        platforms.register(name, delete=delete_from_inbox, can_delete=can_delete_from_inbox)
    # Evidence kept of a comment before it is hidden holds the platform's payload it arrived in.
    evidence.register_payload_source(origin_payload)
