"""Queuing follow-up work from a service, by the task's dotted name.

Services never import their app's `tasks.py` (tasks import services to do their work, so the other
direction would be a loop). A service names the task instead; the task is found while the service's
transaction is still open, so a misspelt name fails the service rather than a worker, and it is queued
only once the transaction commits, so a worker never sees data that was rolled back.

If the task queue cannot be reached then (Redis down), the action has already been saved: the failure is
logged, the task is kept as a `StrandedTask`, and `queue_stranded_tasks` queues it again every few
minutes. The person sees their action done, not an error page inviting them to do it again."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils.module_loading import import_string
from django_tasks.base import Task
from django_tasks.exceptions import InvalidTaskError

from herald.models import StrandedTask

logger = logging.getLogger(__name__)


def task_named(dotted: str) -> Task:
    found = import_string(dotted)
    if not isinstance(found, Task):
        raise TypeError(f"{dotted} is not a task")
    return found


def enqueue_after_commit(dotted: str, *args: Any, **kwargs: Any) -> None:
    task = task_named(dotted)
    transaction.on_commit(lambda: _enqueue_or_keep(dotted, task, args, kwargs))


def _enqueue(task: Task, args: Any, kwargs: dict[str, Any]) -> Exception | None:
    """Queue the task; the error when the task queue cannot be reached. A task Herald got wrong (an
    invalid task, a backend not configured) still fails loudly: keeping it would not mend it."""
    try:
        with transaction.atomic():
            task.enqueue(*args, **kwargs)
    except (InvalidTaskError, ImproperlyConfigured):
        raise
    except Exception as error:  # whatever the task backend raises when it cannot be reached
        return error
    return None


def _described(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:2000]


def _enqueue_or_keep(dotted: str, task: Task, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    error = _enqueue(task, args, kwargs)
    if error is None:
        return
    logger.error("Could not queue task %s; it is kept and queued again later: %s", dotted, _described(error))
    StrandedTask.objects.create(task=dotted, args=list(args), kwargs=kwargs, last_error=_described(error))


def queue_stranded_tasks() -> int:
    """Queue again every task that could not be queued when its action was saved. Returns how many were;
    one the queue still refuses stays for the next run."""
    queued = 0
    for pk in StrandedTask.objects.order_by("pk").values_list("pk", flat=True):
        with transaction.atomic():
            # Two runs at once: each stranded task is taken by one of them.
            stranded = StrandedTask.objects.select_for_update(skip_locked=True).filter(pk=pk).first()
            if stranded is None:
                continue
            error = _enqueue(task_named(stranded.task), stranded.args, stranded.kwargs)
            if error is None:
                stranded.delete()
                queued += 1
            else:
                stranded.attempts += 1
                stranded.last_error = _described(error)
                stranded.save(update_fields=["attempts", "last_error"])
    if queued:
        logger.info("Queued %s stranded tasks again", queued)
    return queued
