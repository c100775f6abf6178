"""The scale-out path, once for real: classification queued through django-tasks-rq into Redis and
run by an RQ worker (in this process, in burst mode, so it sees the test's database)."""

import os

import pytest
from django.test import override_settings

from herald.moderation import services
from herald.moderation.models import Comment, CommentFlag
from testing.factories import AccountFactory, incoming

pytestmark = [
    pytest.mark.django_db,
    # libfaketime (`make test-future`) stops the RQ worker's timed waits (threading.Event.wait with a
    # timeout never returns), so the worker hangs; the run on today's clock tests this backend.
    pytest.mark.skipif("faketime" in os.environ.get("LD_PRELOAD", ""), reason="RQ's timed waits hang under faketime"),
]
# Database 15 of the local Redis: kept apart from anything else using database 0.
REDIS_URL = "redis://127.0.0.1:6379/15"


def _redis_or_skip():
    import redis

    connection = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        connection.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"Redis is not reachable at {REDIS_URL}: the RQ task backend cannot be tested here")
    return connection


@override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}},
    RQ_QUEUES={"default": {"URL": REDIS_URL}},
)
def test_classification_queued_in_redis_is_run_by_an_rq_worker(django_capture_on_commit_callbacks):
    _redis_or_skip()
    import django_rq
    from django_tasks_rq.backend import Job
    from rq import SimpleWorker

    queue = django_rq.get_queue("default", job_class=Job)
    queue.empty()
    account = AccountFactory(platform="facebook")

    with django_capture_on_commit_callbacks(execute=True):
        result = services.receive_comments(
            account, [incoming("I want to make a formal complaint about the missed bins")], source="webhook"
        )

    assert queue.count == 1, "the task waits in Redis, not in the database queue"
    assert Comment.objects.get(pk=result.comment_ids[0]).checked_at is None

    SimpleWorker([queue], connection=queue.connection, job_class=Job).work(burst=True)

    stored = Comment.objects.get(pk=result.comment_ids[0])
    assert stored.checked_at is not None
    assert CommentFlag.objects.filter(comment=stored, kind="complaint").exists()
    assert queue.count == 0
