from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from herald.workers import start_heartbeat


class Command(DBWorkerCommand):
    help = (
        "Run the database task worker with a heartbeat, so the scheduler can put back on the queue "
        "a task whose worker died. Takes db_worker's options."
    )

    def handle(self, *args, worker_id: str, **options):
        stop = start_heartbeat(worker_id)
        try:
            super().handle(*args, worker_id=worker_id, **options)
        finally:
            stop.set()
