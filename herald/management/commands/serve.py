"""Start Herald on one machine: the task workers and scheduler in the background, kept running, and
the web server in front."""

import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management.base import BaseCommand

from herald.apps import plugged_in
from herald.people.demo import DEMO_PASSWORD, demo_sign_ins
from herald.supervisor import Supervisor


class Command(BaseCommand):
    help = (
        "Start the web server (gunicorn), the background task workers and the scheduler, restart a worker "
        "or the scheduler that dies, and print how to sign in."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")
        parser.add_argument("--workers", type=int, default=2, help="web processes")
        parser.add_argument("--task-workers", type=int, default=1, help="task worker processes")

    def handle(self, *args, host: str, port: str, workers: int, task_workers: int, **options):
        python = sys.executable
        env = os.environ.copy()
        worker = [python, "manage.py", "run_worker", "--queue-name", "*", "--interval", "1", "--no-reload"]
        commands = {
            f"task worker {n}" if task_workers > 1 else "task worker": worker for n in range(1, task_workers + 1)
        }
        commands["scheduler"] = [python, "manage.py", "run_scheduler"]
        # Apps' own long-running processes, e.g. a stream reader per account with credentials set up.
        for _, processes in plugged_in("processes"):
            for name, arguments in processes().items():
                commands[name] = [python, "manage.py", *arguments]
        supervisor = Supervisor(commands, say=lambda line: self.stdout.write(self.style.WARNING(line)), env=env)
        supervisor.start()
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Herald is running at http://{host}:{port}/"))
        self.stdout.write(f"Council: {settings.COUNCIL_NAME} (demo data). Press Ctrl+C to stop.")
        self.stdout.write(f"Demo sign-ins (password for all: {DEMO_PASSWORD}):")
        for label, email in demo_sign_ins():
            self.stdout.write(f"  {label:<45} {email}")
        self.stdout.write(f"Task workers: {task_workers}; web processes: {workers}.")
        self.stdout.write("")
        web = subprocess.Popen(
            [
                python,
                "-m",
                "gunicorn",
                "herald.wsgi:application",
                "--bind",
                f"{host}:{port}",
                "--workers",
                str(workers),
                "--threads",
                "4",
                "--access-logfile",
                "-",
                "--graceful-timeout",
                "5",
            ],
            env=env,
        )
        try:
            supervisor.run_while(lambda: web.poll() is None)
        except KeyboardInterrupt:
            pass
        finally:
            if web.poll() is None:
                web.send_signal(signal.SIGTERM)
            supervisor.stop()
            try:
                web.wait(timeout=10)
            except subprocess.TimeoutExpired:
                web.kill()
