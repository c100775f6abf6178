"""Keeping the register true: the dormancy review and overdue monthly reports, run daily."""

from django_tasks import task

from herald.social_accounts import services

DAY = 24 * 60 * 60


@task()
def find_dormancy_candidates() -> int:
    """Flag active accounts quiet for HERALD_DORMANT_AFTER_DAYS (default 90) or past their review date."""
    return len(services.find_dormancy_candidates())


@task()
def remind_overdue_reports() -> int:
    """Remind editors, once a month, of a monthly report that is overdue."""
    return len(services.remind_overdue_reports())


SCHEDULE = [(find_dormancy_candidates, DAY), (remind_overdue_reports, DAY)]
