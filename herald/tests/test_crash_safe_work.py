"""Work that survives a crash: emails go through the task queue with retries, a task whose worker died
is run again (or marked failed), and `serve` restarts a background process that dies."""

import datetime as dt
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from herald import settings as herald_settings
from herald.mail import EmailDeliveryFailed, deliver
from herald.models import OutgoingEmail, WorkerHeartbeat
from herald.posts.models import Post
from herald.posts.tests.factories import in_hours
from herald.social_accounts.models import Platform
from herald.social_accounts.tests.factories import AccountFactory
from herald.supervisor import Supervisor
from herald.workers import recover_stale_tasks

ROOT = Path(__file__).resolve().parents[2]
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def mail_server_down(settings):
    """Herald's own email configuration (the test runner swaps in locmem), with the SMTP server unreachable."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    settings.EMAIL_BACKEND = herald_settings.EMAIL_BACKEND
    settings.HERALD_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port, 2
    return settings


def _run_worker():
    call_command("run_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


# A real worker closes its database connection when it finishes, so these cannot run inside the usual
# rolled-back transaction.
@pytest.mark.django_db(transaction=True)
def test_submitting_a_post_while_the_mail_server_is_down_saves_it_and_the_approvers_email_follows(
    client, editor, comms_officer, mail_server_down
):
    # given the mail server is down
    facebook = AccountFactory(platform=Platform.FACEBOOK, display_name="HBBC", handle="hbbc", editors=[editor])
    client.force_login(editor)
    client.raise_request_exception = False
    # when the editor sends a post for approval
    response = client.post(
        reverse("posts:write"),
        {
            "accounts": [facebook.pk],
            "text_facebook": "The pool reopens on Monday.",
            "scheduled_for": in_hours(30).astimezone().strftime("%Y-%m-%dT%H:%M"),
            "action": "submit",
        },
    )
    # then the page works, the post awaits approval, and the approvers' email waits in the queue
    assert response.status_code == 302
    assert Post.objects.get().status == Post.Status.AWAITING_APPROVAL
    email = OutgoingEmail.objects.get()
    assert comms_officer.email in email.recipients and email.status == OutgoingEmail.Status.QUEUED
    # when the worker tries while the server is still down
    _run_worker()
    # then the email is kept and a retry is booked for later
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.QUEUED and email.attempts == 1
    assert "ConnectionRefusedError" in email.last_error
    retry = DBTaskResult.objects.get(status="READY", task_path="herald.tasks.deliver_email")
    assert retry.run_after > timezone.now()
    # when the server is back and the retry falls due
    mail_server_down.HERALD_EMAIL_DELIVERY_BACKEND = LOCMEM
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    _run_worker()
    # then the approvers have their email
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT and email.attempts == 2
    assert [m.subject for m in mail.outbox] == [email.subject]
    assert comms_officer.email in mail.outbox[0].to


@pytest.mark.django_db
def test_an_email_that_never_gets_through_is_marked_failed_and_shown_to_the_system_administrators(
    client, system_admin, mail_server_down
):
    from django.core.mail import send_mail

    mail_server_down.HERALD_EMAIL_MAX_ATTEMPTS = 3
    send_mail("Your consent has been withdrawn", "We have taken the photos down.", None, ["jo@example.org"])
    email = OutgoingEmail.objects.get()
    deliver(email.pk)
    deliver(email.pk)
    with pytest.raises(EmailDeliveryFailed):
        deliver(email.pk)
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED and email.attempts == 3
    client.force_login(system_admin)
    home = client.get("/").content.decode()
    assert "Email not delivered: “Your consent has been withdrawn” to jo@example.org" in home


@pytest.mark.django_db
def test_every_part_of_an_email_arrives_as_it_was_written(settings):
    from django.core.mail import EmailMultiAlternatives

    settings.EMAIL_BACKEND = herald_settings.EMAIL_BACKEND
    settings.HERALD_EMAIL_DELIVERY_BACKEND = LOCMEM
    message = EmailMultiAlternatives(
        "Reset your password",
        "Follow the link",
        "herald@council.example",
        ["a@council.example"],
        cc=["b@council.example"],
        reply_to=["c@council.example"],
        headers={"X-Herald": "1"},
    )
    message.attach_alternative("<p>Follow the link</p>", "text/html")
    message.attach("notes.txt", "plain words", "text/plain")
    message.send()
    deliver(OutgoingEmail.objects.get().pk)
    sent = mail.outbox[-1]
    assert (sent.subject, sent.body, sent.from_email, sent.to, sent.cc, sent.reply_to) == (
        "Reset your password",
        "Follow the link",
        "herald@council.example",
        ["a@council.example"],
        ["b@council.example"],
        ["c@council.example"],
    )
    assert sent.alternatives[0][0] == "<p>Follow the link</p>" and sent.extra_headers["X-Herald"] == "1"
    assert sent.attachments[0][:2] == ("notes.txt", "plain words")


def _running_task(worker_id: str, runs: int = 1) -> DBTaskResult:
    from testing.tasks import wait_for_file

    result = DBTaskResult.objects.get(id=wait_for_file.enqueue("/nonexistent").id)
    for n in range(runs):
        result.claim(f"{worker_id}-{n}" if n < runs - 1 else worker_id)
    return result


@pytest.mark.django_db
def test_a_task_whose_worker_stopped_beating_goes_back_on_the_queue_and_a_living_workers_task_does_not():
    now = timezone.now()
    lost = _running_task("lost-worker")
    alive = _running_task("live-worker")
    WorkerHeartbeat.objects.create(worker_id="lost-worker", last_seen_at=now - dt.timedelta(minutes=5))
    WorkerHeartbeat.objects.create(worker_id="live-worker", last_seen_at=now - dt.timedelta(seconds=5))
    assert recover_stale_tasks(now) == {"requeued": [str(lost.id)], "failed": []}
    assert DBTaskResult.objects.get(id=lost.id).status == "READY"
    assert DBTaskResult.objects.get(id=alive.id).status == "RUNNING"


@pytest.mark.django_db
def test_a_task_whose_worker_died_too_often_is_failed_and_shown_to_the_system_administrators(
    client, system_admin, settings
):
    settings.HERALD_TASK_MAX_ATTEMPTS = 3
    now = timezone.now() + dt.timedelta(minutes=5)
    doomed = _running_task("third-worker", runs=3)
    assert recover_stale_tasks(now) == {"requeued": [], "failed": [str(doomed.id)]}
    assert DBTaskResult.objects.get(id=doomed.id).status == "FAILED"
    client.force_login(system_admin)
    assert "Task failed: wait_for_file" in client.get("/").content.decode()


def _status(db_path: Path, task_id: str) -> str:
    with sqlite3.connect(db_path) as db:
        row = db.execute(
            "SELECT status FROM django_tasks_database_dbtaskresult WHERE id = ?", [task_id.replace("-", "")]
        ).fetchone()
    return row[0] if row else ""


def _wait_for(condition, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def test_a_task_left_running_by_a_worker_killed_with_sigkill_is_run_again_to_the_end(tmp_path):
    # given a real database file, and a long task taken by a real worker process
    db_dir = Path(tempfile.mkdtemp(prefix="herald-tasks-", dir="/tmp"))
    db_path = db_dir / "herald.sqlite3"
    worker = None
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env.update(
        DATABASE_URL=f"sqlite:///{db_path}",
        HERALD_WORKER_HEARTBEAT_SECONDS="1",
        HERALD_WORKER_LOST_AFTER="3",
        HERALD_VAR_DIR=str(tmp_path),
    )

    def manage(*args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    done_file = tmp_path / "done"
    try:
        manage("migrate", "--no-input", "-v", "0")
        task_id = manage(
            "shell",
            "-c",
            f"from testing.tasks import wait_for_file; print(wait_for_file.enqueue({str(done_file)!r}).id)",
        ).split()[-1]
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "run_worker", "--interval", "0.2", "--no-startup-delay", "--no-reload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_for(lambda: _status(db_path, task_id) == "RUNNING")
        # when the worker is killed outright
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        assert _status(db_path, task_id) == "RUNNING"
        time.sleep(3.5)
        # then the scheduler's next tick puts the task back on the queue
        assert f"re-queued task {task_id}" in manage("run_scheduler", "--once")
        assert _status(db_path, task_id) == "READY"
        # and the next worker runs it to the end
        done_file.touch()
        manage("run_worker", "--batch", "--max-tasks", "1", "--no-startup-delay", "--no-reload")
        assert _status(db_path, task_id) == "SUCCESSFUL"
    finally:
        if worker is not None and worker.poll() is None:
            worker.kill()
            worker.wait()
        shutil.rmtree(db_dir, ignore_errors=True)


def test_the_supervisor_restarts_a_worker_that_dies_and_says_so():
    said = []
    supervisor = Supervisor(
        {"task worker": [sys.executable, "-c", "import time; time.sleep(60)"]}, say=said.append, restart_delay=0
    )
    supervisor.start()
    try:
        first = supervisor.procs["task worker"]
        first.send_signal(signal.SIGKILL)
        first.wait()
        assert supervisor.check() == ["task worker"]
        assert said == ["The task worker was killed by SIGKILL; starting it again."]
        replacement = supervisor.procs["task worker"]
        assert replacement.pid != first.pid and replacement.poll() is None
        assert supervisor.check() == []
    finally:
        supervisor.stop()
    assert replacement.poll() is not None


@pytest.mark.django_db
def test_serve_supervises_its_workers_and_scheduler(monkeypatch):
    started = {}

    class Recorder(Supervisor):
        def start(self):
            started.update(self.commands)

        def run_while(self, alive, *, every=1.0, tick=None):
            pass

    class FakeWeb:
        def __init__(self, *args, **kwargs):
            pass

        def poll(self):
            return 0

        def wait(self, timeout=None):
            return 0

    from herald.management.commands import serve

    monkeypatch.setattr(serve, "Supervisor", Recorder)
    monkeypatch.setattr(serve.subprocess, "Popen", FakeWeb)
    monkeypatch.setattr(serve, "demo_sign_ins", lambda: [])
    call_command("serve", "--task-workers", "2", stdout=open(os.devnull, "w"))
    assert sorted(started) == ["scheduler", "task worker 1", "task worker 2"]
    assert "run_worker" in started["task worker 1"]
