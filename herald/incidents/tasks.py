from django_tasks import task

from herald.incidents import services


@task()
def warn_breach_clocks() -> int:
    """Tell the DPO when less than a day of a breach's 72 hours is left and nothing is decided."""
    return len(services.warn_breach_clocks())


# Every 15 minutes: the warning is about hours, so it must not arrive an hour late.
SCHEDULE = [(warn_breach_clocks, 15 * 60)]
