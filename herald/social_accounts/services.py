"""Every change to the register of official accounts: requests and their approval, editors,
dormancy, closing, leavers and monthly reports. Each function runs in one transaction, checks the
policy's rules, writes the audit trail and sends its emails only once the change is committed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from herald.audit import services as audit
from herald.errors import Refused
from herald.notifications import notify
from herald.people.models import Person, Team
from herald.people.roles import Role
from herald.people.services import grant_role, revoke_role
from herald.social_accounts.models import (
    MIN_EDITORS,
    Account,
    AccountEditor,
    AccountRequest,
    MonthlyReport,
    RequestedEditor,
    SecurityTask,
)
from herald.social_accounts.validators import find_secret

REVIEW_AFTER_MONTHS = 12


# --- settings -------------------------------------------------------------------------------------


def dormant_after_days() -> int:
    return int(getattr(settings, "HERALD_DORMANT_AFTER_DAYS", 90))


def report_due_day() -> int:
    """Reports for a month are due by this day of the following month."""
    return int(getattr(settings, "HERALD_MONTHLY_REPORT_DUE_DAY", 10))


def today() -> dt.date:
    return timezone.localdate()


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def previous_month(day: dt.date) -> dt.date:
    return (day.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def overdue_report_month(on: dt.date | None = None) -> dt.date | None:
    """The month whose report is now overdue, or None while last month's is not yet due."""
    on = on or today()
    return previous_month(on) if on.day > report_due_day() else None


# --- notifications --------------------------------------------------------------------------------


def _link(name: str, *args) -> str:
    return f"{settings.SITE_URL}{reverse(name, args=args)}"


def comms_team():
    return Person.objects.active().with_role(Role.COMMS)


def ict_team():
    return Person.objects.active().with_role(Role.ICT)


# --- the business case ----------------------------------------------------------------------------


@dataclass(frozen=True)
class BusinessCase:
    team: Team
    service_manager: Person
    platform: str
    proposed_name: str
    proposed_handle: str
    purpose: str
    audience: str
    why_not_corporate: str
    content_plan: str
    posting_frequency: str
    monitoring_hours: str
    out_of_hours_cover: str
    resources: str
    closure_plan: str
    emergency_plan_url: str = ""


@dataclass(frozen=True)
class Nomination:
    person: Person
    training_booked_on: dt.date | None = None


def editor_problem(
    person: Person, training_booked_on: dt.date | None = None, *, on: dt.date | None = None, check_training=True
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


def nomination_problems(nominations: list[Nomination], *, on: dt.date | None = None, check_training=True) -> list[str]:
    """Why these editors cannot run an account: at least two, current employees, trained or booked."""
    problems = []
    if len({n.person.pk for n in nominations}) < MIN_EDITORS:
        problems.append("Name at least two editors: every account needs two people who can post and monitor it")
    for nomination in nominations:
        problem = editor_problem(nomination.person, nomination.training_booked_on, on=on, check_training=check_training)
        if problem:
            problems.append(problem)
    return problems


def _check_case(case: BusinessCase, nominations: list[Nomination], *, by: Person) -> None:
    problems = nomination_problems(nominations)
    if case.service_manager.pk == by.pk:
        problems.append("Choose a service manager other than yourself: nobody approves their own request")
    elif not case.service_manager.is_active or not case.service_manager.has_role(Role.SERVICE_MANAGER):
        problems.append(f"{case.service_manager.full_name} is not a current service manager")
    for name in (f.name for f in fields(BusinessCase)):
        value = getattr(case, name)
        if isinstance(value, str) and find_secret(value):
            problems.append(f"Remove the password from ‘{name.replace('_', ' ')}’: Herald never holds passwords")
    if problems:
        raise Refused(problems)


def _case_snapshot(request: AccountRequest) -> dict:
    data = audit.snapshot(request)
    data["editors"] = [
        {"person": n.person_id, "name": n.person.full_name, "training_booked_on": n.training_booked_on}
        for n in request.nominated()
    ]
    return data


def _write_case(request: AccountRequest, case: BusinessCase, nominations: list[Nomination]) -> None:
    for field in fields(BusinessCase):
        value = getattr(case, field.name)
        setattr(request, field.name, value.strip() if isinstance(value, str) else value)


def _nominate(request: AccountRequest, nominations: list[Nomination]) -> None:
    request.nominations.all().delete()
    seen = set()
    for nomination in nominations:
        if nomination.person.pk in seen:
            continue
        seen.add(nomination.person.pk)
        RequestedEditor.objects.create(
            request=request, person=nomination.person, training_booked_on=nomination.training_booked_on
        )


def _tell_service_manager(request: AccountRequest) -> None:
    notify(
        "account_request_to_endorse",
        to=[request.service_manager],
        context={"request": request, "link": _link("social_accounts:endorse", request.pk)},
    )


def request_account(case: BusinessCase, *, editors: list[Nomination], by: Person) -> AccountRequest:
    """Any employee may ask for a new official account; it goes to the service manager first."""
    _check_case(case, editors, by=by)
    with transaction.atomic():
        request = AccountRequest(requested_by=by, submitted_at=timezone.now())
        _write_case(request, case, editors)
        request.save()
        _nominate(request, editors)
        audit.record(actor=by, action="account_request.submitted", obj=request, after=_case_snapshot(request))
        _tell_service_manager(request)
    return request


def resubmit_account_request(
    request: AccountRequest, case: BusinessCase, *, editors: list[Nomination], by: Person
) -> AccountRequest:
    """After changes, a request starts again with the service manager, who endorses the new version."""
    if request.requested_by_id != by.pk:
        raise Refused("Only the person who made the request can change it.")
    if request.status != AccountRequest.Status.RETURNED:
        raise Refused("This request has not been sent back for changes, so it cannot be changed")
    _check_case(case, editors, by=by)
    with transaction.atomic():
        before = _case_snapshot(request)
        _write_case(request, case, editors)
        request.status = AccountRequest.Status.SUBMITTED
        request.submitted_at = timezone.now()
        request.endorsed_by = request.endorsed_at = request.reviewed_by = request.reviewed_at = None
        request.save()
        _nominate(request, editors)
        audit.record(
            actor=by, action="account_request.resubmitted", obj=request, before=before, after=_case_snapshot(request)
        )
        _tell_service_manager(request)
    return request


def _lock(request: AccountRequest) -> AccountRequest:
    return AccountRequest.objects.select_for_update().get(pk=request.pk)


def _check_step(request: AccountRequest, *, by: Person, status: str, step: str) -> None:
    if request.status != status:
        raise Refused(f"This request is no longer waiting for {step}: it is ‘{request.get_status_display()}’")
    if request.requested_by_id == by.pk:
        raise Refused("Nobody approves their own request.")
    if by.pk in request.approvers():
        raise Refused("You have already approved a step of this request; another person must do this one.")


def _check_decider(request: AccountRequest, *, by: Person) -> str:
    """Who may send back or refuse: the named service manager before endorsement, comms after."""
    if request.status == AccountRequest.Status.SUBMITTED:
        if request.service_manager_id != by.pk:
            raise Refused("Only the named service manager can decide at this step.")
        return "the service manager"
    if request.status == AccountRequest.Status.ENDORSED:
        if not by.has_role(Role.COMMS):
            raise Refused("Only the communications team can decide at this step.")
        _check_step(request, by=by, status=AccountRequest.Status.ENDORSED, step="the communications team")
        return "the communications team"
    raise Refused(f"This request cannot be sent back or refused now: it is ‘{request.get_status_display()}’")


def endorse_account_request(request: AccountRequest, *, by: Person, comments: str = "") -> AccountRequest:
    with transaction.atomic():
        request = _lock(request)
        _check_step(request, by=by, status=AccountRequest.Status.SUBMITTED, step="the service manager")
        if request.service_manager_id != by.pk:
            raise Refused("Only the service manager named on the request can endorse it.")
        request.status = AccountRequest.Status.ENDORSED
        request.endorsed_by, request.endorsed_at = by, timezone.now()
        request.save(update_fields=["status", "endorsed_by", "endorsed_at"])
        audit.record(
            actor=by, action="account_request.endorsed", obj=request, after={"status": request.status}, reason=comments
        )
        notify(
            "account_request_to_review",
            to=comms_team(),
            context={"request": request, "by": by, "link": _link("social_accounts:review", request.pk)},
        )
    return request


def send_back_account_request(request: AccountRequest, *, by: Person, comments: str) -> AccountRequest:
    if not comments.strip():
        raise Refused("Say what needs to change")
    with transaction.atomic():
        request = _lock(request)
        step = _check_decider(request, by=by)
        request.status = AccountRequest.Status.RETURNED
        request.decision_comments, request.decided_by = comments.strip(), by
        request.save(update_fields=["status", "decision_comments", "decided_by"])
        audit.record(
            actor=by, action="account_request.sent_back", obj=request, after={"status": request.status}, reason=comments
        )
        notify(
            "account_request_sent_back",
            to=[request.requested_by],
            context={
                "request": request,
                "by": by,
                "step": step,
                "comments": comments.strip(),
                "link": _link("social_accounts:request_edit", request.pk),
            },
        )
    return request


def refuse_account_request(request: AccountRequest, *, by: Person, reasons: str) -> AccountRequest:
    if not reasons.strip():
        raise Refused("Give the reasons for refusing the request")
    with transaction.atomic():
        request = _lock(request)
        step = _check_decider(request, by=by)
        request.status = AccountRequest.Status.REFUSED
        request.decision_comments, request.decided_by = reasons.strip(), by
        request.save(update_fields=["status", "decision_comments", "decided_by"])
        audit.record(
            actor=by, action="account_request.refused", obj=request, after={"status": request.status}, reason=reasons
        )
        notify(
            "account_request_refused",
            to=[request.requested_by, request.service_manager],
            context={
                "request": request,
                "by": by,
                "step": step,
                "reasons": reasons.strip(),
                "link": _link("social_accounts:request_detail", request.pk),
            },
        )
    return request


def approve_account_request(request: AccountRequest, *, by: Person, conditions: str = "") -> AccountRequest:
    """The communications team approves (with or without conditions); ICT then sets the account up securely."""
    if not by.has_role(Role.COMMS):
        raise Refused("Only the communications team can approve a new account.")
    with transaction.atomic():
        request = _lock(request)
        _check_step(request, by=by, status=AccountRequest.Status.ENDORSED, step="the communications team")
        request.status = AccountRequest.Status.APPROVED
        request.reviewed_by, request.reviewed_at = by, timezone.now()
        request.conditions = conditions.strip()
        # A request sent back after approval keeps the register entry it already has.
        account = request.account or Account(status=Account.Status.REQUESTED, handle="")
        account.platform, account.display_name = request.platform, request.proposed_name
        account.team, account.service_manager = request.team, request.service_manager
        account.purpose, account.monitoring_hours = request.purpose, request.monitoring_hours
        account.out_of_hours_cover, account.closure_plan = request.out_of_hours_cover, request.closure_plan
        account.emergency_plan_url = request.emergency_plan_url
        account.save()
        request.account = account
        request.save(update_fields=["status", "reviewed_by", "reviewed_at", "conditions", "account"])
        action = "account_request.approved_with_conditions" if request.conditions else "account_request.approved"
        audit.record(
            actor=by, action=action, obj=request, after={"status": request.status, "conditions": request.conditions}
        )
        audit.record(
            actor=by,
            action="account.requested",
            obj=request.account,
            after=audit.snapshot(request.account),
            reason=f"Approved request {request.pk}",
        )
        notify(
            "account_to_set_up",
            to=ict_team(),
            context={"request": request, "link": _link("social_accounts:security", request.pk)},
        )
        notify(
            "account_request_approved",
            to=[request.requested_by],
            context={"request": request, "by": by, "link": _link("social_accounts:request_detail", request.pk)},
        )
    return request


def confirm_security_setup(
    request: AccountRequest,
    *,
    by: Person,
    handle: str,
    profile_url: str,
    two_factor_enabled: bool,
    comms_co_admin: bool,
    credentials_in_password_manager: bool,
) -> Account:
    """ICT confirms the account is secured; it becomes active in the register and its editors are named."""
    if not by.has_role(Role.ICT):
        raise Refused("Only ICT can confirm the security set-up.")
    missing = [
        label
        for ok, label in (
            (two_factor_enabled, "Confirm two-factor sign-in is on"),
            (comms_co_admin, "Confirm the communications team is co-admin"),
            (credentials_in_password_manager, "Confirm the credentials are in the council's password manager"),
        )
        if not ok
    ]
    if missing:
        raise Refused(missing)
    with transaction.atomic():
        request = _lock(request)
        _check_step(request, by=by, status=AccountRequest.Status.APPROVED, step="ICT security set-up")
        nominations = [Nomination(n.person, n.training_booked_on) for n in request.nominated()]
        # A training booking that has since passed is for comms to chase, not a reason to stop the set-up.
        problems = nomination_problems(nominations, check_training=False)
        if problems:
            raise Refused(problems + ["Ask the communications team to send the request back for new editors"])
        account = Account.objects.select_for_update().get(pk=request.account_id)
        before = audit.snapshot(account)
        account.handle = handle.strip().lstrip("@")
        account.profile_url = profile_url.strip()
        account.two_factor_enabled = account.comms_co_admin = account.credentials_in_password_manager = True
        account.status = Account.Status.ACTIVE
        account.activated_on = today()
        account.next_review_on = add_months(account.activated_on, REVIEW_AFTER_MONTHS)
        if Account.objects.filter(platform=account.platform, handle=account.handle).exclude(pk=account.pk).exists():
            raise Refused(f"Another account in the register already has the handle {account.handle}")
        account.save()
        request.status = AccountRequest.Status.SET_UP
        request.set_up_by, request.set_up_at = by, timezone.now()
        request.save(update_fields=["status", "set_up_by", "set_up_at"])
        audit.record(
            actor=by, action="account_request.security_confirmed", obj=request, after={"status": request.status}
        )
        audit.record(
            actor=by,
            action="account.activated",
            obj=account,
            before=before,
            after=audit.snapshot(account),
            reason=f"Security set-up confirmed for request {request.pk}",
        )
        for nomination in nominations:
            _add_editor(
                account,
                nomination.person,
                by=by,
                training_booked_on=nomination.training_booked_on,
                reason=f"Named in request {request.pk}",
            )
        notify(
            "account_active",
            to=[request.requested_by, request.service_manager, *[n.person for n in nominations], *comms_team()],
            context={
                "account": account,
                "editors": [n.person.full_name for n in nominations],
                "link": _link("social_accounts:detail", account.pk),
            },
        )
    return account


def withdraw_account_request(request: AccountRequest, *, by: Person, reason: str = "") -> AccountRequest:
    if request.requested_by_id != by.pk:
        raise Refused("Only the person who made the request can withdraw it.")
    with transaction.atomic():
        request = _lock(request)
        if request.status not in (
            AccountRequest.Status.SUBMITTED,
            AccountRequest.Status.ENDORSED,
            AccountRequest.Status.RETURNED,
        ):
            raise Refused("This request can no longer be withdrawn")
        request.status = AccountRequest.Status.WITHDRAWN
        request.save(update_fields=["status"])
        audit.record(
            actor=by, action="account_request.withdrawn", obj=request, after={"status": request.status}, reason=reason
        )
        _abandon_account(request, by=by, reason="The request was withdrawn")
    return request


def _abandon_account(request: AccountRequest, *, by: Person | None, reason: str) -> None:
    """A register entry made on approval is closed if its request ends before the account is set up."""
    account = request.account
    if account is None or account.status != Account.Status.REQUESTED:
        return
    account.status, account.closed_on = Account.Status.CLOSED, today()
    account.save(update_fields=["status", "closed_on"])
    audit.record(actor=by, action="account.closed", obj=account, after={"status": account.status}, reason=reason)


# --- editors --------------------------------------------------------------------------------------


def _add_editor(
    account: Account, person: Person, *, by: Person | None, training_booked_on=None, reason=""
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


def handle_leaver(person: Person, *, by: Person | None) -> None:
    """Called by the directory import when a person leaves (settings.HERALD_LEAVER_HOOKS).

    They stop being an editor everywhere; for each account they edited, the communications team
    gets a task to rotate its credentials and remove their platform access. Accounts left with
    fewer than two editors are flagged, and open requests that named them go back for a new editor.
    """
    with transaction.atomic():
        links = list(
            AccountEditor.objects.select_for_update().filter(person=person, removed_at=None).select_related("account")
        )
        short = []
        for link in links:
            account = link.account
            link.removed_at = timezone.now()
            link.save(update_fields=["removed_at"])
            audit.record(
                actor=by,
                action="account.editor_removed",
                obj=account,
                before={"editor": person.pk, "name": person.full_name},
                reason="Left the council",
            )
            task = SecurityTask.objects.create(account=account, kind=SecurityTask.Kind.LEAVER, person=person)
            audit.record(
                actor=by,
                action="security_task.opened",
                obj=account,
                after={"task": task.pk},
                reason=f"Rotate credentials and remove platform access for leaver {person.full_name}",
            )
            if _flag_if_short(account, by=by):
                short.append(account)
        if links:
            revoke_role(person, Role.EDITOR, by=by, reason="Left the council")
            notify(
                "leaver_credentials_to_rotate",
                to=comms_team(),
                context={
                    "person": person,
                    "accounts": [(link.account, _link("social_accounts:detail", link.account.pk)) for link in links],
                    "short": short,
                },
            )
        named_in = AccountRequest.objects.open().filter(nominations__person=person).values("pk")
        for request in AccountRequest.objects.select_for_update().filter(pk__in=named_in):
            _send_back_for_leaver(request, person, by=by)
        for request in AccountRequest.objects.open().select_for_update().filter(requested_by=person):
            request.status = AccountRequest.Status.WITHDRAWN
            request.save(update_fields=["status"])
            reason = f"{person.full_name}, who made the request, has left the council"
            audit.record(
                actor=by,
                action="account_request.withdrawn",
                obj=request,
                after={"status": request.status},
                reason=reason,
            )
            _abandon_account(request, by=by, reason=reason)


def _send_back_for_leaver(request: AccountRequest, person: Person, *, by: Person | None) -> None:
    if request.requested_by_id == person.pk or request.status == AccountRequest.Status.RETURNED:
        return
    comments = f"{person.full_name}, named as an editor, has left the council. Name another editor and resubmit."
    request.status = AccountRequest.Status.RETURNED
    request.decision_comments = comments
    request.decided_by = None
    request.save(update_fields=["status", "decision_comments", "decided_by"])
    audit.record(
        actor=by, action="account_request.sent_back", obj=request, after={"status": request.status}, reason=comments
    )
    notify(
        "account_request_editor_left",
        to=[request.requested_by],
        context={"request": request, "comments": comments, "link": _link("social_accounts:request_edit", request.pk)},
    )


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


# --- the register ---------------------------------------------------------------------------------

REGISTER_FIELDS = (
    "display_name",
    "handle",
    "profile_url",
    "team",
    "service_manager",
    "purpose",
    "comms_co_admin",
    "two_factor_enabled",
    "credentials_in_password_manager",
    "monitoring_hours",
    "out_of_hours_cover",
    "emergency_plan_url",
    "closure_plan",
    "last_activity_on",
    "next_review_on",
)


def update_account(account: Account, *, by: Person, reason: str = "", **changes) -> Account:
    unknown = set(changes) - set(REGISTER_FIELDS)
    if unknown:
        raise ValueError(f"Not register fields: {sorted(unknown)}")
    for value in changes.values():
        if isinstance(value, str) and find_secret(value):
            raise Refused("Remove the password: Herald never holds passwords")
    with transaction.atomic():
        account = Account.objects.select_for_update().get(pk=account.pk)
        before = audit.snapshot(account)
        for name, value in changes.items():
            setattr(account, name, value.lstrip("@") if name == "handle" else value)
        account.save()
        after = audit.snapshot(account)
        changed = {k: v for k, v in after.items() if before.get(k) != v}
        if changed:
            audit.record(
                actor=by,
                action="account.updated",
                obj=account,
                before={k: before.get(k) for k in changed},
                after=changed,
                reason=reason,
            )
    return account


def record_activity(account: Account, *, on: dt.date, by: Person | None) -> Account:
    """Something was posted on the account on `on` (a monthly report, or later the posts app)."""
    with transaction.atomic():
        account = Account.objects.select_for_update().get(pk=account.pk)
        if account.last_activity_on and account.last_activity_on >= on:
            return account
        before = account.last_activity_on
        account.last_activity_on = on
        account.save(update_fields=["last_activity_on"])
        audit.record(
            actor=by,
            action="account.activity_recorded",
            obj=account,
            before={"last_activity_on": before},
            after={"last_activity_on": on},
        )
    return account


# --- dormancy and closing -------------------------------------------------------------------------


def flag_for_dormancy_review(account: Account, *, reason: str, by: Person | None = None) -> Account:
    with transaction.atomic():
        account = Account.objects.select_for_update().get(pk=account.pk)
        if account.status != Account.Status.ACTIVE or account.dormancy_flagged_on:
            return account
        account.dormancy_flagged_on, account.dormancy_reason = today(), reason[:300]
        account.save(update_fields=["dormancy_flagged_on", "dormancy_reason"])
        audit.record(actor=by, action="account.dormancy_review_flagged", obj=account, reason=reason)
    return account


def find_dormancy_candidates(*, on: dt.date | None = None) -> list[Account]:
    """Flag active accounts that have been quiet too long or are past their review date; tell comms."""
    on = on or today()
    days = dormant_after_days()
    flagged = []
    for account in Account.objects.quiet_or_due_for_review(today=on, quiet_days=days):
        reasons = []
        last = account.last_activity_on or account.activated_on or account.created_at.date()
        if (on - last).days > days:
            reasons.append(f"no activity for {(on - last).days} days (since {last:%-d %B %Y})")
        if account.next_review_on and account.next_review_on < on:
            reasons.append(f"review was due on {account.next_review_on:%-d %B %Y}")
        if reasons:
            flagged.append(flag_for_dormancy_review(account, reason="; ".join(reasons).capitalize()))
    if flagged:
        with transaction.atomic():
            notify(
                "accounts_to_review_for_dormancy",
                to=comms_team(),
                context={"accounts": [(a, _link("social_accounts:dormancy", a.pk)) for a in flagged]},
            )
    return flagged


def keep_account(account: Account, *, by: Person, next_review_on: dt.date, reason: str) -> Account:
    """The communications team decides a dormancy candidate stays active until its next review."""
    if next_review_on <= today():
        raise Refused("The next review date must be in the future")
    with transaction.atomic():
        account = Account.objects.select_for_update().get(pk=account.pk)
        if account.status not in (Account.Status.ACTIVE, Account.Status.DORMANT):
            raise Refused("Only an active or dormant account can be kept")
        before = audit.snapshot(account)
        account.status = Account.Status.ACTIVE
        account.dormancy_flagged_on, account.dormancy_reason = None, ""
        account.next_review_on = next_review_on
        # Keeping an account restarts its quiet-days clock.
        account.last_activity_on = max(filter(None, [account.last_activity_on, today()]))
        account.save()
        audit.record(
            actor=by, action="account.kept", obj=account, before=before, after=audit.snapshot(account), reason=reason
        )
    return account


def mark_dormant(account: Account, *, by: Person, reason: str) -> Account:
    with transaction.atomic():
        account = Account.objects.select_for_update().get(pk=account.pk)
        if account.status != Account.Status.ACTIVE:
            raise Refused("Only an active account can be marked dormant")
        account.status = Account.Status.DORMANT
        account.dormancy_flagged_on, account.dormancy_reason = None, ""
        account.save(update_fields=["status", "dormancy_flagged_on", "dormancy_reason"])
        audit.record(
            actor=by, action="account.marked_dormant", obj=account, after={"status": account.status}, reason=reason
        )
    return account


def start_closing(account: Account, *, by: Person, reason: str, final_post_on: dt.date, handover_notes: str) -> Account:
    """Closing begins: editors post a final message pointing followers elsewhere, and hand over."""
    if not reason.strip():
        raise Refused("Give the reason for closing the account")
    with transaction.atomic():
        account = Account.objects.select_for_update().get(pk=account.pk)
        if account.status not in (Account.Status.ACTIVE, Account.Status.DORMANT):
            raise Refused("Only an active or dormant account can be closed")
        before = audit.snapshot(account)
        account.status = Account.Status.CLOSING
        account.closing_reason, account.final_post_on = reason.strip(), final_post_on
        account.handover_notes = handover_notes.strip()
        account.dormancy_flagged_on, account.dormancy_reason = None, ""
        account.save()
        audit.record(
            actor=by,
            action="account.closing_started",
            obj=account,
            before=before,
            after=audit.snapshot(account),
            reason=reason,
        )
        notify(
            "account_closing",
            to=account.active_editors(),
            context={
                "account": account,
                "by": by,
                "reason": reason.strip(),
                "final_post_on": final_post_on,
                "handover_notes": handover_notes.strip(),
            },
        )
    return account


def close_account(account: Account, *, by: Person, final_post_url: str, handover_notes: str = "") -> Account:
    """The final post is up and the handover done: the account leaves the public list and its editors."""
    with transaction.atomic():
        account = Account.objects.select_for_update().get(pk=account.pk)
        if account.status != Account.Status.CLOSING:
            raise Refused("Start closing the account first")
        before = audit.snapshot(account)
        account.status = Account.Status.CLOSED
        account.closed_on = today()
        account.final_post_url = final_post_url.strip()
        if handover_notes.strip():
            account.handover_notes = handover_notes.strip()
        account.save()
        audit.record(
            actor=by,
            action="account.closed",
            obj=account,
            before=before,
            after=audit.snapshot(account),
            reason=account.closing_reason,
        )
        editors = list(account.active_editors())
        for link in account.editor_links.filter(removed_at=None):
            link.removed_at = timezone.now()
            link.save(update_fields=["removed_at"])
        for person in editors:
            audit.record(
                actor=by,
                action="account.editor_removed",
                obj=account,
                before={"editor": person.pk, "name": person.full_name},
                reason="Account closed",
            )
            _release_editor_role(person, by=by)
        task = SecurityTask.objects.create(account=account, kind=SecurityTask.Kind.CLOSURE)
        audit.record(
            actor=by,
            action="security_task.opened",
            obj=account,
            after={"task": task.pk},
            reason="Remove access and archive or delete the closed account on the platform",
        )
    return account


# --- monthly reports ------------------------------------------------------------------------------


def submit_monthly_report(
    account: Account, *, by: Person, month: dt.date, posts: int, reach: int, notable_issues: str = ""
) -> MonthlyReport:
    month = month.replace(day=1)
    if month > today().replace(day=1):
        raise Refused("You cannot report on a month that has not started")
    if find_secret(notable_issues):
        raise Refused("Remove the password: Herald never holds passwords")
    with transaction.atomic():
        if MonthlyReport.objects.filter(account=account, month=month).exists():
            raise Refused(f"There is already a report for {month:%B %Y}")
        report = MonthlyReport.objects.create(
            account=account,
            month=month,
            posts=posts,
            reach=reach,
            notable_issues=notable_issues.strip(),
            submitted_by=by,
        )
        audit.record(
            actor=by,
            action="account.monthly_report_submitted",
            obj=account,
            after={"month": month, "posts": posts, "reach": reach},
            reason=notable_issues,
        )
        if posts:
            month_end = add_months(month, 1) - dt.timedelta(days=1)
            record_activity(account, on=min(month_end, today()), by=by)
    return report


def remind_overdue_reports(*, on: dt.date | None = None) -> list[Account]:
    """Email the editors of each account whose report for last month is overdue, once per month."""
    on = on or today()
    month = overdue_report_month(on)
    if month is None:
        return []
    reminded = []
    with transaction.atomic():
        for account in (
            Account.objects.missing_report_for(month).select_for_update().exclude(report_reminder_month=month)
        ):
            account.report_reminder_month = month
            account.save(update_fields=["report_reminder_month"])
            audit.record(actor=None, action="account.monthly_report_overdue", obj=account, after={"month": month})
            notify(
                "monthly_report_overdue",
                to=account.active_editors(),
                context={
                    "account": account,
                    "month": month,
                    "due_day": report_due_day(),
                    "on": on,
                    "link": _link("social_accounts:report_new", account.pk),
                },
            )
            reminded.append(account)
    return reminded
