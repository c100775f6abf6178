"""Tasks that survive a crashed worker.

django-tasks-db marks a task RUNNING when a worker claims it and nothing else: if the worker is
killed (`kill -9`, out of memory, the machine restarts) the task stays RUNNING for ever. Herald's
workers (`manage.py run_worker`) record a heartbeat while they live, and the scheduler calls
`recover_stale_tasks` on every tick: a RUNNING task whose worker has not been seen for
HERALD_WORKER_LOST_AFTER seconds goes back on the queue, or, once it has been started
HERALD_TASK_MAX_ATTEMPTS times, is marked failed and shown to the system administrators.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading

from django.conf import settings
from django.db import close_old_connections, transaction
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from herald.models import WorkerHeartbeat

logger = logging.getLogger(__name__)

WORKER_LOST = "herald.workers.WorkerLost"


def beat(worker_id: str, now: dt.datetime | None = None) -> None:
    WorkerHeartbeat.objects.update_or_create(worker_id=worker_id, defaults={"last_seen_at": now or timezone.now()})


def start_heartbeat(worker_id: str) -> threading.Event:
    """Beat now and then every HERALD_WORKER_HEARTBEAT_SECONDS from a daemon thread, which dies
    with the worker process. Set the returned event to stop."""
    beat(worker_id)
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(settings.HERALD_WORKER_HEARTBEAT_SECONDS):
            try:
                close_old_connections()
                beat(worker_id)
            except Exception:  # a database blip must not stop the heartbeat for good
                logger.exception("Worker %s could not record its heartbeat", worker_id)

    threading.Thread(target=loop, name=f"heartbeat-{worker_id}", daemon=True).start()
    return stop


def recover_stale_tasks(now: dt.datetime | None = None) -> dict[str, list[str]]:
    """Re-queue or fail RUNNING tasks whose worker is gone. Returns the ids of each."""
    now = now or timezone.now()
    lost_before = now - dt.timedelta(seconds=settings.HERALD_WORKER_LOST_AFTER)
    alive = set(WorkerHeartbeat.objects.filter(last_seen_at__gte=lost_before).values_list("worker_id", flat=True))
    requeued, failed = [], []
    with transaction.atomic():
        for result in DBTaskResult.objects.running().select_for_update(skip_locked=True):
            worker_id = result.worker_ids[-1] if result.worker_ids else ""
            if worker_id in alive:
                continue
            if not WorkerHeartbeat.objects.filter(worker_id=worker_id).exists() and result.started_at >= lost_before:
                # A worker without heartbeats (plain `db_worker`): judge it by when it started the task.
                continue
            attempts = len(result.worker_ids)
            if attempts >= settings.HERALD_TASK_MAX_ATTEMPTS:
                result.status = TaskResultStatus.FAILED
                result.finished_at = now
                result.exception_class_path = WORKER_LOST
                result.traceback = (
                    f"The worker running this task stopped without finishing it, {attempts} times "
                    f"(last worker {worker_id}). Herald does not try again."
                )
                result.save(update_fields=["status", "finished_at", "exception_class_path", "traceback"])
                failed.append(str(result.id))
                logger.error("Task %s (%s) failed: its worker died %s times", result.id, result.task_path, attempts)
            else:
                result.status = TaskResultStatus.READY
                result.save(update_fields=["status"])
                requeued.append(str(result.id))
                logger.warning("Task %s (%s) re-queued: worker %s is gone", result.id, result.task_path, worker_id)
        WorkerHeartbeat.objects.filter(last_seen_at__lt=now - dt.timedelta(days=1)).delete()
    return {"requeued": requeued, "failed": failed}
