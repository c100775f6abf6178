from django_tasks import task

from herald.moderation import services


@task()
def classify_comments(comment_ids: list[int]) -> int:
    """Check new comments with the engine and raise their flags."""
    return services.classify_comments(comment_ids)


@task()
def classify_unchecked() -> int:
    """Check any comment still unchecked (a lost task, a worker stopped mid-batch)."""
    return services.classify_unchecked()


SCHEDULE = [(classify_unchecked, 5 * 60)]
