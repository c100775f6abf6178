"""Asking for a new official account and its approval: the business case, the service manager's
endorsement, the communications team's decision, the security set-up that opens the account, and
withdrawing a request."""

from __future__ import annotations

from dataclasses import dataclass, fields

from django.db import transaction
from django.utils import timezone

from herald.audit import services as audit
from herald.errors import Refused
from herald.notifications import notify
from herald.people.models import Person, Team
from herald.people.roles import Role
from herald.social_accounts.models import (
    Account,
    AccountRequest,
    RequestedEditor,
)
from herald.social_accounts.services.common import REVIEW_AFTER_MONTHS, _link, add_months, comms_team, ict_team, today
from herald.social_accounts.services.editors import Nomination, _add_editor, nomination_problems
from herald.social_accounts.validators import find_secret

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


def approve_account_request(
    request: AccountRequest, *, by: Person, conditions: str = "", training_before_posting: bool = False
) -> AccountRequest:
    """The communications team approves (with or without conditions); ICT then sets the account up securely.
    `training_before_posting` makes training a condition Herald enforces: editors only booked on training
    cannot write posts for the account until they are trained."""
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
        account.training_before_posting = training_before_posting
        account.save()
        request.account = account
        request.save(update_fields=["status", "reviewed_by", "reviewed_at", "conditions", "account"])
        action = "account_request.approved_with_conditions" if request.conditions else "account_request.approved"
        audit.record(
            actor=by,
            action=action,
            obj=request,
            after={
                "status": request.status,
                "conditions": request.conditions,
                "training_before_posting": training_before_posting,
            },
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
