from django_tasks import task

from herald.risks import services


@task()
def check_controls() -> int:
    """Read every live control and tell owners of any that has fallen below its threshold."""
    return len(services.check_controls())


@task()
def remind_reviews() -> int:
    """Remind owners of risks whose review is due within a week."""
    return len(services.remind_reviews())


SCHEDULE = [(check_controls, 6 * 60 * 60), (remind_reviews, 24 * 60 * 60)]
