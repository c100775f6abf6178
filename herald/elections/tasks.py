from django_tasks import task

from herald.elections import services


@task()
def send_pre_election_notices() -> int:
    """Tell all staff and councillors when a pre-election period begins (once per election)."""
    return services.send_due_notices(by=None)


# Hourly: a period begins on a date, so the notice goes out within the first hour of that day.
SCHEDULE = [(send_pre_election_notices, 60 * 60)]
