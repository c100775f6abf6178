"""Queuing follow-up work from a service, by the task's dotted name.

Services never import their app's `tasks.py` (tasks import services to do their work, so the other
direction would be a loop). A service names the task instead; the task is found while the service's
transaction is still open, so a misspelt name fails the service rather than a worker, and it is queued
only once the transaction commits, so a worker never sees data that was rolled back."""

from __future__ import annotations

from django.db import transaction
from django.utils.module_loading import import_string
from django_tasks.base import Task


def task_named(dotted: str) -> Task:
    found = import_string(dotted)
    if not isinstance(found, Task):
        raise TypeError(f"{dotted} is not a task")
    return found


def enqueue_after_commit(dotted: str, *args, **kwargs) -> None:
    task = task_named(dotted)
    transaction.on_commit(lambda: task.enqueue(*args, **kwargs))
