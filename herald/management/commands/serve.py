"""Start Herald on one machine: the task workers and scheduler in the background, kept running, and
the web server in front."""

import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse

from herald.apps import plugged_in
from herald.mail import outbox_in_use
from herald.models import OutboxEmail
from herald.people.demo import DEMO_PASSWORD, demo_sign_ins
from herald.supervisor import Supervisor


def site_address(env: dict[str, str], *, host: str, port: str) -> str:
    """The address links in emails lead to: the configured one, else where this server really runs,
    which is then given to the web server and the workers (they render the emails)."""
    configured = env.get("HERALD_SITE_URL") or env.get("SITE_URL")
    if not configured:
        configured = env["HERALD_SITE_URL"] = f"http://{host}:{port}"
    return configured.rstrip("/")


class OutboxSummary:
    """One line for each burst of mail in the demo outbox (a by-election tells hundreds of people),
    printed once the burst is over, instead of every email in full."""

    def __init__(self, say, outbox_url: str):
        self.say = say
        self.outbox_url = outbox_url
        self.seen = self._newest()
        self.pending = 0

    @staticmethod
    def _newest() -> int:
        return OutboxEmail.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    def __call__(self) -> None:
        newest = self._newest()
        if newest > self.seen:
            self.pending += OutboxEmail.objects.filter(pk__gt=self.seen, pk__lte=newest).count()
            self.seen = newest
            return
        if self.pending:
            emails = "1 email" if self.pending == 1 else f"{self.pending} emails"
            self.say(f"Mail: {emails} kept in the demo outbox (not sent); read them at {self.outbox_url}")
            self.pending = 0


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
        site_url = site_address(env, host=host, port=port)
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
        outbox_url = f"{site_url}{reverse('notifications:outbox')}"
        tick = OutboxSummary(self.stdout.write, outbox_url) if outbox_in_use() else None
        supervisor.start()
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Herald is running at {site_url}/"))
        self.stdout.write(f"Council: {settings.COUNCIL_NAME} (demo data). Press Ctrl+C to stop.")
        self.stdout.write(f"Demo sign-ins (password for all: {DEMO_PASSWORD}):")
        for label, email in demo_sign_ins():
            self.stdout.write(f"  {label:<45} {email}")
        self.stdout.write(f"Task workers: {task_workers}; web processes: {workers}.")
        if tick is not None:
            self.stdout.write(f"Emails are not sent: they are kept in the demo outbox, {outbox_url}")
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
            supervisor.run_while(lambda: web.poll() is None, every=1.0, tick=tick)
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
