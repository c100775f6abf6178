"""The register's figures for the committee report: accounts opened, closed and dormant, and how
well the live ones are secured."""

from __future__ import annotations

from django.db.models import Q

from herald.figures import Cell, Chart, Part, Period, Table, plural
from herald.social_accounts.models import Account


def sections(period: Period) -> list[Part]:
    return [register(period)]


def register(period: Period) -> Part:
    title = "The register of official accounts"
    accounts = Account.objects.select_related("team")
    if not accounts.exists():
        return Part("accounts", title, empty_text="The register holds no official accounts yet.")
    opened = list(
        accounts.filter(
            Q(activated_on__gte=period.start, activated_on__lte=period.end)
            | Q(activated_on=None, created_at__gte=period.start_at, created_at__lt=period.end_at)
        )
        .exclude(status=Account.Status.REQUESTED)
        .order_by("display_name")
    )
    closed = list(accounts.filter(closed_on__gte=period.start, closed_on__lte=period.end).order_by("display_name"))
    live = list(accounts.filter(status__in=[Account.Status.ACTIVE, Account.Status.DORMANT, Account.Status.CLOSING]))
    by_status = [
        (label, accounts.filter(status=value).count())
        for value, label in Account.Status.choices
        if value != Account.Status.REQUESTED
    ]
    secured = sum(1 for account in live if account.is_secured)
    two_factor = sum(1 for account in live if account.two_factor_enabled)
    co_admin = sum(1 for account in live if account.comms_co_admin)
    vaulted = sum(1 for account in live if account.credentials_in_password_manager)
    paragraphs = [
        f"From {period.words}, {plural(len(opened), 'account')} opened and {plural(len(closed), 'account')} closed. "
        f"The register now lists {plural(len(live), 'live account')}, "
        f"{sum(1 for a in live if a.status == Account.Status.DORMANT)} of them flagged dormant.",
        f"{secured} of {len(live)} live accounts meet every security requirement: two-factor sign-in, the "
        "communications team as co-admin and the credentials in the council's password manager.",
    ]
    changes: list[list[Cell]] = [
        [account.display_name, account.get_platform_display(), account.team.name, "Opened"] for account in opened
    ] + [[account.display_name, account.get_platform_display(), account.team.name, "Closed"] for account in closed]
    tables = [
        Table(
            "Security of the live accounts",
            ["Requirement", "Accounts meeting it", "Live accounts"],
            [
                ["Two-factor sign-in", two_factor, len(live)],
                ["Communications team is co-admin", co_admin, len(live)],
                ["Credentials in the password manager", vaulted, len(live)],
                ["All three", secured, len(live)],
            ],
        )
    ]
    if changes:
        tables.insert(
            0, Table("Accounts opened and closed in the period", ["Account", "Platform", "Team", "Change"], changes)
        )
    chart = Chart("Official accounts by status today", [label for label, _ in by_status], [n for _, n in by_status])
    return Part("accounts", title, paragraphs=paragraphs, charts=[chart], tables=tables)
