"""An account's named editors: who may be nominated, naming and removing editors (with the editor role they
hold because of it), the two-editor minimum and the security tasks an editor completes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from herald.audit import services as audit
from herald.errors import Refused
from herald.notifications import notify
from herald.people.models import Person
from herald.people.roles import Role
from herald.people.services import grant_role, revoke_role
from herald.social_accounts import editor_removal
from herald.social_accounts.models import (
    MIN_EDITORS,
    Account,
    AccountEditor,
    SecurityTask,
)
from herald.social_accounts.services.common import _link, comms_team, today


@dataclass(frozen=True)
class Nomination:
    person: Person
    training_booked_on: dt.date | None = None


def editor_problem(
    person: Person, training_booked_on: dt.date | None = None, *, on: dt.date | None = None, check_training: bool = True
) -> str | None:
    """Why this person cannot be named an editor, or None: a current employee, trained or booked on training."""
    if not person.is_active:
        return f"{person.full_name} has left the council: name another editor"
    if person.is_councillor:
        return f"{person.full_name} is a councillor: editors of council accounts must be employees"
    if (
        check_training
        and not person.is_trained_editor
        and (training_booked_on is None or training_booked_on < (on or today()))
    ):
        return f"{person.full_name} is not a trained editor: enter the date they are booked on social media training"
    return None


def nomination_problems(
    nominations: list[Nomination], *, on: dt.date | None = None, check_training: bool = True
) -> list[str]:
    """Why these editors cannot run an account: at least two, current employees, trained or booked."""
    problems = []
    if len({n.person.pk for n in nominations}) < MIN_EDITORS:
        problems.append("Name at least two editors: every account needs two people who can post and monitor it")
    for nomination in nominations:
        problem = editor_problem(nomination.person, nomination.training_booked_on, on=on, check_training=check_training)
        if problem:
            problems.append(problem)
    return problems


# --- editors --------------------------------------------------------------------------------------


def _add_editor(
    account: Account, person: Person, *, by: Person | None, training_booked_on: dt.date | None = None, reason: str = ""
) -> AccountEditor:
    link = AccountEditor.objects.create(account=account, person=person, training_booked_on=training_booked_on)
    audit.record(
        actor=by,
        action="account.editor_named",
        obj=account,
        after={"editor": person.pk, "name": person.full_name, "training_booked_on": training_booked_on},
        reason=reason,
    )
    grant_role(person, Role.EDITOR, by=by, reason=f"Named as an editor of {account}")
    return link


def _release_editor_role(person: Person, *, by: Person | None) -> None:
    """A person keeps the editor role while they edit an account or are a trained editor."""
    if person.is_trained_editor or Account.objects.edited_by(person).exists():
        return
    revoke_role(person, Role.EDITOR, by=by, reason="No longer an editor of any official account")


def name_editor(
    account: Account, person: Person, *, by: Person, training_booked_on: dt.date | None = None, reason: str = ""
) -> AccountEditor:
    problem = editor_problem(person, training_booked_on)
    if problem:
        raise Refused(problem)
    if account.status == Account.Status.CLOSED:
        raise Refused("This account is closed")
    with transaction.atomic():
        if account.editor_links.filter(person=person, removed_at=None).exists():
            raise Refused(f"{person.full_name} is already an editor of this account")
        return _add_editor(account, person, by=by, training_booked_on=training_booked_on, reason=reason)


def remove_editor(account: Account, person: Person, *, by: Person | None, reason: str) -> None:
    with transaction.atomic():
        link = account.editor_links.select_for_update().filter(person=person, removed_at=None).first()
        if link is None:
            raise Refused(f"{person.full_name} is not an editor of this account")
        link.removed_at = timezone.now()
        link.save(update_fields=["removed_at"])
        audit.record(
            actor=by,
            action="account.editor_removed",
            obj=account,
            before={"editor": person.pk, "name": person.full_name},
            reason=reason,
        )
        _release_editor_role(person, by=by)
        editor_removal.tell_apps(account, person, by=by)
        _flag_if_short(account, by=by)


def _flag_if_short(account: Account, *, by: Person | None) -> bool:
    if account.status not in (Account.Status.ACTIVE, Account.Status.DORMANT):
        return False
    count = account.active_editors().count()
    if count >= MIN_EDITORS:
        return False
    audit.record(
        actor=by,
        action="account.short_of_editors",
        obj=account,
        after={"editors": count},
        reason=f"Fewer than {MIN_EDITORS} editors",
    )
    return True


def complete_security_task(task: SecurityTask, *, by: Person, notes: str = "") -> SecurityTask:
    with transaction.atomic():
        task = SecurityTask.objects.select_for_update().get(pk=task.pk)
        if task.completed_at:
            raise Refused("This task has already been done")
        task.completed_at, task.completed_by, task.notes = timezone.now(), by, notes.strip()
        task.save(update_fields=["completed_at", "completed_by", "notes"])
        audit.record(
            actor=by,
            action="security_task.completed",
            obj=task.account,
            after={"task": task.pk, "kind": task.kind},
            reason=notes or str(task),
        )
    return task


def open_credential_rotation(account: Account, *, by: Person, reason: str) -> SecurityTask:
    """After an account is compromised: the communications team rotates every credential (password
    manager entry, recovery email and phone, app passwords, connected tools). One open task per account."""
    with transaction.atomic():
        task = account.security_tasks.open().filter(kind=SecurityTask.Kind.COMPROMISE).first()
        if task is not None:
            return task
        task = SecurityTask.objects.create(account=account, kind=SecurityTask.Kind.COMPROMISE)
        audit.record(
            actor=by,
            action="security_task.opened",
            obj=account,
            after={"task": task.pk, "kind": task.kind},
            reason=reason,
        )
        notify(
            "compromised_credentials_to_rotate",
            to=comms_team(),
            context={"account": account, "reason": reason, "link": _link("social_accounts:detail", account.pk)},
        )
    return task
