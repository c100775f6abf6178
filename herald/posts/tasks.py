from django_tasks import task

from herald.posts import services


@task()
def make_due_posts_ready() -> int:
    """At their time, approved posts become ready to publish and their editors are told."""
    return len(services.mark_ready_posts())


@task()
def expire_unapproved_posts() -> int:
    """Posts still unapproved at their scheduled time (or pending 90 days) expire."""
    return len(services.expire_overdue_posts())


@task()
def delete_posts_past_retention() -> int:
    """Delete the record of posts past their account's retention period, unless on legal hold."""
    return services.delete_past_retention()


@task()
def route_waiting_posts_for_pre_election() -> int:
    """When a pre-election period begins, posts awaiting approval are checked again and go to comms."""
    return len(services.route_waiting_posts_for_pre_election())


@task()
def release_posts_from_lapsed_periods() -> int:
    """When an election is cancelled or its dates corrected, posts held for comms only because of its
    period go back to their own approval route."""
    return len(services.release_posts_from_lapsed_periods())


# Posts are scheduled to the minute, so the two workflow tasks run every minute; retention daily.
SCHEDULE = [
    (expire_unapproved_posts, 60),
    (make_due_posts_ready, 60),
    (route_waiting_posts_for_pre_election, 5 * 60),
    (release_posts_from_lapsed_periods, 5 * 60),
    (delete_posts_past_retention, 24 * 60 * 60),
]
