"""Keeping the register true: changing an account's entry, its activity, dormancy reviews, closing an account
and the monthly reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from herald.audit import services as audit
from herald.errors import Refused
from herald.notifications import notify
from herald.people.models import Person
from herald.social_accounts import closure, editor_removal
from herald.social_accounts.models import (
    Account,
    MonthlyReport,
    SecurityTask,
)
from herald.social_accounts.services.common import (
    _link,
    add_months,
    comms_team,
    dormant_after_days,
    overdue_report_month,
    report_due_day,
    today,
)
from herald.social_accounts.services.editors import _release_editor_role
from herald.social_accounts.validators import find_secret

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


def update_account(account: Account, *, by: Person, reason: str = "", **changes: Any) -> Account:
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
        last = account.last_activity_on or account.activated_on or timezone.localdate(account.created_at)
        if (on - last).days > days:
            reasons.append(f"no activity for {(on - last).days} days (since {last:%-d %B %Y})")
        if account.next_review_on and account.next_review_on < on:
            reasons.append(f"review was due on {account.next_review_on:%-d %B %Y}")
        if reasons:
            flagged.append(flag_for_dormancy_review(account, reason=_first_capital("; ".join(reasons))))
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
        if account.status == Account.Status.CLOSED:
            raise Refused(f"{account.display_name} is already closed")
        if account.status != Account.Status.CLOSING:
            raise Refused("Start closing the account first")
        before = audit.snapshot(account)
        account.status = Account.Status.CLOSED
        account.closed_on = today()
        account.closed_at = timezone.now()
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
            editor_removal.tell_apps(account, person, by=by)
        task = SecurityTask.objects.create(account=account, kind=SecurityTask.Kind.CLOSURE)
        audit.record(
            actor=by,
            action="security_task.opened",
            obj=account,
            after={"task": task.pk},
            reason="Remove access and archive or delete the closed account on the platform",
        )
        closure.tell_apps(account, by=by)
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


def _first_capital(text: str) -> str:
    """Capitalise the first letter only: str.capitalize() would write "9 august" and "castle ward"."""
    return text[:1].upper() + text[1:]
