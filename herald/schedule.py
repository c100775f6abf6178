"""Periodic tasks. django-tasks runs tasks but has no clock, so Herald keeps one: the
`run_scheduler` command (started by `manage.py serve`) enqueues each periodic task when it
falls due. An app declares its periodic tasks on its AppConfig (`schedule`, the dotted path of a list
`[(task, seconds_between_runs), ...]`, usually `herald.<app>.tasks.SCHEDULE`; see herald/apps.py); in place
of the seconds, `DailyAt("SETTING")` runs a task once a day from the hour (UK time) that setting names. The due check takes a row lock, so any number of
schedulers may run against the same database without enqueuing a task twice."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from herald.apps import plugged_in
from herald.models import ScheduledJob


@dataclass(frozen=True)
class DailyAt:
    """Once a day, at the hour (the council's local time) held by the named setting. Measured from the
    clock, not from when the scheduler started, and remembered in the database: a restart neither
    runs it again the same day nor moves it to another hour."""

    setting: str

    def todays_run(self, now: dt.datetime) -> dt.datetime:
        local = timezone.localtime(now)
        return local.replace(hour=getattr(settings, self.setting), minute=0, second=0, microsecond=0)

    def due(self, now: dt.datetime, last_enqueued_at: dt.datetime | None) -> bool:
        """From today's hour on, if it has not been put on the queue since then. A day the scheduler was
        down for is not made up in the small hours: the next run is at the hour."""
        todays = self.todays_run(now)
        return now >= todays and (last_enqueued_at is None or last_enqueued_at < todays)


Every = int | DailyAt


def _due(every: Every, now: dt.datetime, last_enqueued_at: dt.datetime | None) -> bool:
    if isinstance(every, DailyAt):
        return every.due(now, last_enqueued_at)
    return last_enqueued_at is None or (now - last_enqueued_at).total_seconds() >= every


def periodic_tasks() -> list[tuple[str, object, Every]]:
    found = []
    for _config, schedule in plugged_in("schedule"):
        for task, every in schedule:
            found.append((f"{task.func.__module__}.{task.func.__name__}", task, every))
    return found


def enqueue_due(now: dt.datetime | None = None) -> list[str]:
    now = now or timezone.now()
    enqueued = []
    for dotted, task, every in periodic_tasks():
        with transaction.atomic():
            job, _ = ScheduledJob.objects.get_or_create(name=dotted)
            job = ScheduledJob.objects.select_for_update().get(pk=job.pk)
            if not _due(every, now, job.last_enqueued_at):
                continue
            task.enqueue()
            job.last_enqueued_at = now
            job.save(update_fields=["last_enqueued_at"])
            enqueued.append(dotted)
    return enqueued
