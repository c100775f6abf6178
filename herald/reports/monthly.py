"""Each account owner's monthly report: for every account they own, last month's posts, what the
checks found, overridden blocks, the editors' own report, security and takedowns. A page, and an
email with the same report as a PDF (sent by the reports app's daily task once a month)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q
from django.template.loader import render_to_string

from herald.consents.models import TakedownTask
from herald.figures import Period
from herald.pdf import html_to_pdf
from herald.people.models import Person
from herald.posts.models import Post, PostFinding
from herald.social_accounts.models import Account, MonthlyReport


def previous_month(day: dt.date) -> dt.date:
    return (day.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def month_period(month: dt.date) -> Period:
    following = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return Period(month, following - dt.timedelta(days=1))


@dataclass
class AccountMonth:
    account: Account
    published: int
    submitted: int
    findings: int
    blocks: int
    overridden: list[Post]
    editors: int
    editors_report: MonthlyReport | None
    takedowns_open: int

    @property
    def secured(self) -> bool:
        return self.account.is_secured


def _live_in(period: Period):
    """Accounts live at some time in the period: set up by its end (the register's rule in
    `AccountQuerySet.missing_report_for`) and not closed before it began."""
    return (
        Account.objects.exclude(status=Account.Status.REQUESTED)
        .exclude(closed_on__lt=period.start)
        .filter(Q(activated_on__lte=period.end) | Q(activated_on=None, created_at__lt=period.end_at))
    )


def owners(month: dt.date) -> list[Person]:
    """Everyone who owns an account that was live in the month."""
    period = month_period(month)
    live = _live_in(period).exclude(service_manager=None)
    return list(Person.objects.active().filter(pk__in=live.values("service_manager")).order_by("last_name"))


def for_owner(owner: Person | None, month: dt.date) -> list[AccountMonth]:
    """The month for each account `owner` owns (every account, for None)."""
    period = month_period(month)
    accounts = _live_in(period)
    if owner is not None:
        accounts = accounts.filter(service_manager=owner)
    accounts = accounts.with_editor_count().select_related("team").order_by("display_name")
    in_month = {"__gte": period.start_at, "__lt": period.end_at}
    published = dict(
        Post.objects.filter(**{f"published_at{k}": v for k, v in in_month.items()}, account__in=accounts)
        .values_list("account")
        .annotate(n=Count("pk"))
    )
    submitted = Post.objects.filter(**{f"submitted_at{k}": v for k, v in in_month.items()}, account__in=accounts)
    submitted_counts = dict(submitted.values_list("account").annotate(n=Count("pk")))
    findings = dict(PostFinding.objects.filter(post__in=submitted).values_list("post__account").annotate(n=Count("pk")))
    blocks = dict(
        PostFinding.objects.filter(post__in=submitted, severity="block")
        .values_list("post__account")
        .annotate(n=Count("pk"))
    )
    # Only these accounts' overridden blocks, and only what the report shows of them.
    overridden: dict[int, list[Post]] = {}
    for post in (
        Post.objects.filter(**{f"override_at{k}": v for k, v in in_month.items()}, account__in=accounts)
        .select_related("override_by")
        .only("account_id", "override_at", "override_justification", "override_by")
    ):
        overridden.setdefault(post.account_id, []).append(post)
    reports = {r.account_id: r for r in MonthlyReport.objects.filter(month=month, account__in=accounts)}
    takedowns = dict(
        TakedownTask.objects.open()
        .filter(use__account__in=accounts)
        .values_list("use__account")
        .annotate(n=Count("pk"))
    )
    return [
        AccountMonth(
            account=account,
            published=published.get(account.pk, 0),
            submitted=submitted_counts.get(account.pk, 0),
            findings=findings.get(account.pk, 0),
            blocks=blocks.get(account.pk, 0),
            overridden=overridden.get(account.pk, []),
            editors=account.editor_count,
            editors_report=reports.get(account.pk),
            takedowns_open=takedowns.get(account.pk, 0),
        )
        for account in accounts
    ]


def pdf(owner: Person, month: dt.date, rows: list[AccountMonth]) -> bytes:
    """Printed by herald.pdf's printer, which fetches nothing the HTML points at."""
    html = render_to_string(
        "reports/monthly_print.html",
        {"owner": owner, "month": month, "rows": rows, "council_name": settings.COUNCIL_NAME},
    )
    return html_to_pdf(html)
