"""Periodic tasks. django-tasks runs tasks but has no clock, so Herald keeps one: the
`run_scheduler` command (started by `manage.py serve`) enqueues each periodic task when it
falls due. An app declares its periodic tasks on its AppConfig (`schedule`, the dotted path of a list
`[(task, seconds_between_runs), ...]`, usually `herald.<app>.tasks.SCHEDULE`; see herald/apps.py). The due check takes a row lock, so any number of
schedulers may run against the same database without enqueuing a task twice."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from herald.apps import plugged_in
from herald.models import ScheduledJob


def periodic_tasks() -> list[tuple[str, object, int]]:
    found = []
    for _config, schedule in plugged_in("schedule"):
        for task, every_seconds in schedule:
            found.append((f"{task.func.__module__}.{task.func.__name__}", task, every_seconds))
    return found


def enqueue_due(now: dt.datetime | None = None) -> list[str]:
    now = now or timezone.now()
    enqueued = []
    for dotted, task, every_seconds in periodic_tasks():
        with transaction.atomic():
            job, _ = ScheduledJob.objects.get_or_create(name=dotted)
            job = ScheduledJob.objects.select_for_update().get(pk=job.pk)
            if job.last_enqueued_at and (now - job.last_enqueued_at).total_seconds() < every_seconds:
                continue
            task.enqueue()
            job.last_enqueued_at = now
            job.save(update_fields=["last_enqueued_at"])
            enqueued.append(dotted)
    return enqueued
