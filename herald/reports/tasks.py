"""Once a month, each account owner is sent last month's report on their accounts."""

from django.utils import timezone
from django_tasks import task

from herald.reports import monthly, services


@task()
def send_monthly_account_reports() -> int:
    """Daily: sends last month's reports to owners not yet sent them (so a missed day catches up)."""
    return services.send_monthly_account_reports(monthly.previous_month(timezone.localdate()))


SCHEDULE = [(send_monthly_account_reports, 24 * 60 * 60)]
