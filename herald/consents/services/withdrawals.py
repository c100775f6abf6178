"""Withdrawing consent (by staff or through the public form) and marking a record do-not-publish: the uses
showing the person stop, published ones get takedown tasks, and the apps registered in
`herald.consents.withdrawal` are told."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from herald.audit import services as audit
from herald.consents import conf, withdrawal
from herald.consents.models import (
    ConsentRecord,
    MediaAsset,
    MediaUse,
    PublicAttempt,
    TakedownTask,
    channel_label,
)
from herald.consents.services.library import set_use_state
from herald.consents.services.requests import PUBLIC_ACTOR, _snapshot, _withdraw_link, normalise_phone, normalise_urn
from herald.errors import Refused
from herald.notifications import notify
from herald.people.models import Person


@transaction.atomic
def mark_do_not_publish(record: ConsentRecord, *, by: Person, reason: str) -> ConsentRecord:
    """Flag a person as never to be published (e.g. a looked-after or adopted child); every check honours it."""
    if not reason.strip():
        raise Refused("Enter the reason this person must not be published")
    before = _snapshot(record)
    record.do_not_publish = True
    record.do_not_publish_reason = reason.strip()
    record.name_may_be_published = False
    record.save(update_fields=["do_not_publish", "do_not_publish_reason", "name_may_be_published"])
    audit.record(
        actor=by,
        action="consent.do_not_publish_flagged",
        obj=record,
        before=before,
        after=_snapshot(record),
        reason=reason,
    )
    _stop_uses_showing(record, by=by, why=withdrawal.Why.DO_NOT_PUBLISH)
    return record


def _stop_uses_showing(
    record: ConsentRecord, *, by: Person | str | None, why: withdrawal.Why, asset: MediaAsset | None = None
) -> tuple[list[MediaUse], list[TakedownTask]]:
    """Stop drafts and scheduled uses of every asset showing the person (or of the one asset given);
    open a takedown task per published use."""
    now = timezone.now()
    hours = conf.get("HERALD_CONSENT_TAKEDOWN_HOURS")
    live = MediaUse.objects.live().filter(asset__appearances__record=record)
    if asset is not None:
        live = live.filter(asset=asset)
    uses = list(live.select_related("asset", "account").distinct())
    stopped, tasks = [], []
    for use in uses:
        if use.state in (MediaUse.State.DRAFT, MediaUse.State.SCHEDULED):
            before = _snapshot(use)
            use.state = MediaUse.State.STOPPED
            use.stopped_at = now
            use.stopped_reason = f"{why} for {record.urn}"
            use.save(update_fields=["state", "stopped_at", "stopped_reason"])
            audit.record(
                actor=by,
                action="media.use_stopped",
                obj=use,
                before=before,
                after=_snapshot(use),
                reason=use.stopped_reason,
            )
            stopped.append(use)
        elif task := _open_takedown(use, record, by=by, due_at=now + dt.timedelta(hours=hours)):
            tasks.append(task)
    withdrawal.tell_owners(uses, by=by, why=why)
    if tasks:
        transaction.on_commit(lambda: _email_takedowns(tasks))
    return stopped, tasks


def _open_takedown(
    use: MediaUse, record: ConsentRecord, *, by: Person | str | None, due_at: dt.datetime
) -> TakedownTask | None:
    """A takedown task for this use of a photo showing the person, unless one is open already."""
    if TakedownTask.objects.open().filter(use=use, record=record).exists():
        return None
    task = TakedownTask.objects.create(use=use, record=record, due_at=due_at)
    audit.record(actor=by, action="takedown.opened", obj=task, after=_snapshot(task))
    return task


def take_down_owner(owner: withdrawal.UseOwner, *, by: Person | str | None) -> list[TakedownTask]:
    """`owner` (a post, say) went out while a withdrawal was reaching it: it was published after the
    withdrawal read its uses, so they were stopped as unpublished. Treat it as the published use it is:
    each of its uses of media that may no longer be used gets a takedown task, and the editors are told."""
    due_at = timezone.now() + dt.timedelta(hours=conf.get("HERALD_CONSENT_TAKEDOWN_HOURS"))
    tasks = []
    # Each asset's newest use only: an owner recorded as published after its uses were stopped has a
    # published use beside the stopped one, and one takedown is enough.
    newest = {
        use.asset_id: use
        for use in MediaUse.objects.filter(reference=owner.reference)
        .select_related("asset", "account")
        .order_by("created_at", "pk")
    }
    for use in newest.values():
        for record in ConsentRecord.objects.filter(appearances__asset=use.asset_id).distinct():
            if record.why_unusable is not None and (task := _open_takedown(use, record, by=by, due_at=due_at)):
                tasks.append(task)
    if tasks:
        transaction.on_commit(lambda: _email_takedowns(tasks))
    return tasks


def stop_uses_of_newly_linked(asset: MediaAsset, record: ConsentRecord, *, by: Person) -> None:
    """Someone just linked to an asset may already have withdrawn, been flagged 'do not publish' or had
    their details erased: the asset's uses then stop and its published ones go for takedown, exactly as
    if that had happened while they were linked. Only this asset: their other photos were dealt with
    (and perhaps reviewed and kept) when it happened."""
    record = ConsentRecord.objects.get(pk=record.pk)  # as it stands now, not as the caller last read it
    why = record.why_unusable
    if why is not None:
        _stop_uses_showing(record, by=by, why=why, asset=asset)


def _email_takedowns(tasks: list[TakedownTask]) -> None:
    for task in tasks:
        account = task.use.account
        editors = list(account.active_editors()) if account else []
        if not editors:
            from herald.people.roles import Role

            editors = list(Person.objects.active().with_role(Role.COMMS))
        notify(
            "takedown_due",
            to=editors,
            context={
                "task": task,
                "where": account.display_name if account else channel_label(task.use.channel),
                "link": f"{settings.SITE_URL}{reverse('consents:takedown', args=[task.pk])}",
            },
        )


@dataclass(frozen=True)
class WithdrawalOutcome:
    record: ConsentRecord
    stopped: tuple[MediaUse, ...]
    takedowns: tuple[TakedownTask, ...]


@transaction.atomic
def withdraw_consent(
    record: ConsentRecord, *, by: Person | str | None, reason: str = "", method: str = ""
) -> WithdrawalOutcome:
    """Withdraw consent at once: every asset showing the person becomes unusable, drafts and scheduled
    uses stop, published uses get a takedown task. `by` is a Person, or PUBLIC_ACTOR for the public form."""
    record = ConsentRecord.objects.select_for_update().get(pk=record.pk)
    if record.state == ConsentRecord.State.WITHDRAWN:
        return WithdrawalOutcome(record, (), ())
    before = _snapshot(record)
    record.state = ConsentRecord.State.WITHDRAWN
    record.withdrawn_at = timezone.now()
    record.withdrawal_method = method or ("Online withdrawal form" if by == PUBLIC_ACTOR else "Recorded by staff")
    record.withdrawal_reason = reason.strip()
    record.save(update_fields=["state", "withdrawn_at", "withdrawal_method", "withdrawal_reason"])
    audit.record(
        actor=by, action="consent.withdrawn", obj=record, before=before, after=_snapshot(record), reason=reason
    )
    stopped, tasks = _stop_uses_showing(record, by=by, why=withdrawal.Why.WITHDRAWN)
    if record.email:
        transaction.on_commit(lambda: _email_withdrawal_confirmed(record, len(stopped), len(tasks)))
    return WithdrawalOutcome(record, tuple(stopped), tuple(tasks))


def _email_withdrawal_confirmed(record: ConsentRecord, stopped: int, published: int) -> None:
    notify(
        "consent_withdrawn",
        to=[record.email],
        context={
            "record": record,
            "stopped": stopped,
            "published": published,
            "takedown_hours": conf.get("HERALD_CONSENT_TAKEDOWN_HOURS"),
        },
    )


def _keyed_hash(value: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


def allow_attempt(kind: str, key: str, *, limit: int) -> bool:
    """Count this attempt against `key` and say whether it is within `limit` per hour."""
    since = timezone.now() - dt.timedelta(hours=1)
    hashed = _keyed_hash(f"{kind}:{key}")
    recent = PublicAttempt.objects.filter(kind=kind, key=hashed, at__gte=since).count()
    PublicAttempt.objects.create(kind=kind, key=hashed)
    return recent < limit


def _contact_matches(record: ConsentRecord, contact: str) -> bool:
    contact = contact.strip()
    if "@" in contact:
        return bool(record.email) and record.email.casefold() == contact.casefold()
    phone = normalise_phone(contact)
    return bool(phone) and normalise_phone(record.phone) == phone


def withdraw_by_reference(urn: str, contact: str) -> None:
    """The public withdrawal form. Says nothing about whether the URN exists: the owner is told by email."""
    with transaction.atomic():
        record = ConsentRecord.objects.filter(urn=normalise_urn(urn), erased_at=None).first()
        if record is None:
            return
        if _contact_matches(record, contact):
            withdraw_consent(record, by=PUBLIC_ACTOR, reason="Withdrawn by the person online")
            return
        audit.record(
            actor=PUBLIC_ACTOR,
            action="consent.withdrawal_refused",
            obj=record,
            reason="The contact details given did not match",
        )
        if record.email and record.state == ConsentRecord.State.GIVEN:
            notify(
                "withdrawal_attempt_refused",
                to=[record.email],
                context={"record": record, "withdraw_link": _withdraw_link()},
            )


@transaction.atomic
def complete_takedown(task: TakedownTask, *, by: Person, outcome: str, notes: str = "") -> TakedownTask:
    task = TakedownTask.objects.select_for_update().select_related("use").get(pk=task.pk)
    if task.completed_at:
        raise Refused("This task has already been completed")
    if outcome not in TakedownTask.Outcome.values:
        raise Refused("Select what you did with the post")
    if outcome == TakedownTask.Outcome.KEPT and not notes.strip():
        raise Refused("Enter why the post is kept")
    before = _snapshot(task)
    task.completed_at = timezone.now()
    task.completed_by = by
    task.outcome = outcome
    task.notes = notes.strip()
    task.save()
    audit.record(actor=by, action="takedown.completed", obj=task, before=before, after=_snapshot(task), reason=notes)
    if outcome in (TakedownTask.Outcome.REMOVED, TakedownTask.Outcome.EDITED):
        still_open = TakedownTask.objects.open().filter(use=task.use).exists()
        if outcome == TakedownTask.Outcome.REMOVED and not still_open:
            set_use_state(task.use, state=MediaUse.State.TAKEN_DOWN, by=by, reason=f"Takedown task {task.pk}")
    return task
