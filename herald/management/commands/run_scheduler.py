import time

from django.core.management.base import BaseCommand

from herald.schedule import enqueue_due
from herald.workers import recover_stale_tasks


class Command(BaseCommand):
    help = (
        "Enqueue periodic tasks when they fall due (each app's tasks.SCHEDULE) and put back on the queue "
        "tasks whose worker died. --once for cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="check once and exit")
        parser.add_argument("--interval", type=int, default=30, help="seconds between checks")

    def handle(self, *args, once: bool, interval: int, **options):
        while True:
            recovered = recover_stale_tasks()
            for task_id in recovered["requeued"]:
                self.stdout.write(f"re-queued task {task_id}: its worker died")
            for task_id in recovered["failed"]:
                self.stdout.write(f"failed task {task_id}: its worker died too many times")
            for name in enqueue_due():
                self.stdout.write(f"enqueued {name}")
            if once:
                return
            time.sleep(interval)
