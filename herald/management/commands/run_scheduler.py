import time

from django.core.management.base import BaseCommand

from herald.schedule import enqueue_due


class Command(BaseCommand):
    help = "Enqueue periodic tasks when they fall due (each app's tasks.SCHEDULE). --once for cron."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="check once and exit")
        parser.add_argument("--interval", type=int, default=30, help="seconds between checks")

    def handle(self, *args, once: bool, interval: int, **options):
        while True:
            for name in enqueue_due():
                self.stdout.write(f"enqueued {name}")
            if once:
                return
            time.sleep(interval)
