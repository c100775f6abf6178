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


@task()
def remove_expired_evidence() -> int:
    """Remove evidence snapshots whose retention period has ended."""
    from herald.moderation.services import evidence

    return evidence.remove_expired_evidence()


@task()
def forget_stale_presence() -> int:
    """Forget who had a comment open more than an hour ago."""
    from herald.moderation.services import replies

    return replies.forget_stale_presence()


@task()
def release_stalled_sends() -> int:
    """Hand back to the editor any reply, hide, show or delete Herald began on a platform but never
    heard about."""
    from herald.moderation.services import evidence, replies

    return replies.release_stalled_sends() + evidence.release_stalled_platform_actions()


SCHEDULE = [
    (classify_unchecked, 5 * 60),
    (remove_expired_evidence, 24 * 60 * 60),
    (forget_stale_presence, 60 * 60),
    (release_stalled_sends, 5 * 60),
]
