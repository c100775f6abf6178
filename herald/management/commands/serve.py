"""Start Herald on one machine: the task worker in the background and the web server in front."""

import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management.base import BaseCommand

from herald.people.demo import DEMO_PASSWORD, demo_sign_ins


class Command(BaseCommand):
    help = "Start the web server (gunicorn) and the background task worker, and print how to sign in."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")
        parser.add_argument("--workers", type=int, default=2, help="web processes")
        parser.add_argument("--task-workers", type=int, default=1, help="task worker processes")

    def handle(self, *args, host: str, port: str, workers: int, task_workers: int, **options):
        python = sys.executable
        env = os.environ.copy()
        procs = [
            subprocess.Popen([python, "manage.py", "db_worker", "--queue-name", "*", "--interval", "1"], env=env)
            for _ in range(task_workers)
        ]
        procs.append(subprocess.Popen([python, "manage.py", "run_scheduler"], env=env))
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
                python, "-m", "gunicorn", "herald.wsgi:application",
                "--bind", f"{host}:{port}", "--workers", str(workers), "--threads", "4",
                "--access-logfile", "-", "--graceful-timeout", "5",
            ],
            env=env,
        )
        procs.append(web)
        try:
            web.wait()
        except KeyboardInterrupt:
            pass
        finally:
            for proc in procs:
                if proc.poll() is None:
                    proc.send_signal(signal.SIGTERM)
            for proc in procs:
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
