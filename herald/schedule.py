"""Periodic tasks. django-tasks runs tasks but has no clock, so Herald keeps one: the
`run_scheduler` command (started by `manage.py serve`) enqueues each task in
settings.HERALD_SCHEDULE when it falls due. The due check takes a row lock, so any number of
schedulers may run against the same database without enqueuing a task twice."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from herald.models import ScheduledJob


def enqueue_due(now: dt.datetime | None = None) -> list[str]:
    now = now or timezone.now()
    enqueued = []
    for dotted, every_seconds in settings.HERALD_SCHEDULE:
        with transaction.atomic():
            job, _ = ScheduledJob.objects.get_or_create(name=dotted)
            job = ScheduledJob.objects.select_for_update().get(pk=job.pk)
            if job.last_enqueued_at and (now - job.last_enqueued_at).total_seconds() < every_seconds:
                continue
            import_string(dotted).enqueue()
            job.last_enqueued_at = now
            job.save(update_fields=["last_enqueued_at"])
            enqueued.append(dotted)
    return enqueued
