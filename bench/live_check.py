"""Latency of the post editor's live check (POST /posts/check/) for 20 editors typing at once.

    .venv/bin/python bench/live_check.py [--editors 20] [--requests 40] [--duration 60]
                                         [--stress-requests 20] [--workers 2] [--threads 4] [--seed 7] [--keep]
    .venv/bin/python bench/live_check.py --in-process [--editors 20] [--requests 40]

Builds a throwaway SQLite database in a temporary folder (migrate + the demo seeders), so the
councillor register, policies, accounts and media library are the demo council's, and adds N editors
(role Editor, trained, editing the demo's first active Facebook and X accounts) with the demo password.
Then it starts a real server on loopback, as `manage.py serve` does in production: gunicorn
`herald.wsgi:application --workers 2 --threads 4` on 127.0.0.1 and a free port, DEBUG off,
HERALD_VAR_DIR pointing at the throwaway database. Each editor signs in over HTTP with its own cookie
jar (GET /sign-in/, POST the form with the CSRF token) and opens /posts/write/, then:

  warm-up   two live checks each, not timed (each worker's first templates and connections);
  paced     (the headline) each editor types: before each request it pauses 250-800 ms at random
            (typing, then the 250 ms debounce), the text grows a few words at a time, a third of the
            requests carry two library photos (consent checked for the platform); at most --requests
            per editor and --duration seconds in all;
  saturated (a stress line, not what an editor sees) the same editors send --stress-requests each,
            back to back with no pause, so requests queue for the 2 x 4 server threads and 2 cores.

Requests are what HTMX sends: form-encoded, with HX-Request and X-CSRFToken headers and the session
and CSRF cookies. Latency is measured by the client from sending to the whole response read. The
client runs on the same machine as the server (its threads take some CPU from it). Prints the
command, the machine (cores, load average before and after), p50/p95/p99/max in milliseconds and
requests/s for each phase, and the server's CPU per request (utime + stime of the gunicorn processes
from /proc, where available). The server is stopped and the folder removed at the end (--keep keeps
the folder). Only 127.0.0.1 is contacted.

--in-process keeps the earlier mode: N threads in this process with Django's test client (the full
middleware stack, no network, one GIL), back to back. It measures one process at saturation.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORDS = (
    "The Hinckley Christmas lights switch-on is on Friday from 4pm in the Market Place with music, "
    "stalls and a visit from Father Christmas. Councillor Margaret Ellison will switch on the lights. "
    "Roads close from 2pm; ring 07700 900123 for the market office or email events@gmail.com "
    "#christmaslights #Hinckley"
).split()
DEMO_PASSWORD = "Herald-demo-2026!"
THINK_SECONDS = (0.25, 0.80)


# --- Shared ------------------------------------------------------------------------------------


def machine(when: str) -> str:
    one, five, fifteen = os.getloadavg()
    return (
        f"machine ({when}): {os.cpu_count()} cores ({platform.machine()}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}, load average {one:.2f} {five:.2f} {fifteen:.2f}"
    )


def summary(name: str, timings: list[float], wall: float, errors: list[str], extra: str = "") -> str:
    if not timings:
        return f"{name}: no requests timed, {len(errors)} errors {errors[:3]}"
    ordered = sorted(timings)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

    return (
        f"{name}: {len(ordered)} live checks, {len(errors)} errors, wall {wall:.1f} s, "
        f"{len(ordered) / wall:.1f} requests/s{extra}\n"
        f"  latency ms: p50 {statistics.median(ordered):.1f}, p95 {pct(95):.1f}, p99 {pct(99):.1f}, "
        f"max {ordered[-1]:.1f}"
    )


def text_for(step: int, index: int) -> str:
    length = 3 + (step * 5 + index) % len(WORDS)
    return " ".join(WORDS[:length])


def build_database(workdir: Path, editors: int) -> dict:
    """migrate + seed_demo in `workdir`, then N editors of the first active Facebook and X accounts."""
    os.environ["HERALD_VAR_DIR"] = str(workdir)
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "herald.settings")
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)

    from herald.consents.models import MediaAsset
    from herald.people.roles import Role
    from herald.social_accounts.models import Account, AccountEditor
    from testing.factories import PersonFactory

    accounts = list(Account.objects.active().filter(platform__in=["facebook", "x"]).order_by("platform", "pk"))
    accounts = [next(a for a in accounts if a.platform == p) for p in ("facebook", "x")]
    people = []
    for n in range(editors):
        person = PersonFactory(
            email=f"bench-editor-{n}@council.example",
            roles=[Role.EDITOR],
            is_trained_editor=True,
            password=DEMO_PASSWORD,
        )
        for account in accounts:
            AccountEditor.objects.get_or_create(account=account, person=person, removed_at=None)
        people.append(person)
    media = [str(pk) for pk in MediaAsset.objects.order_by("pk").values_list("pk", flat=True)[:2]]
    seconds = time.perf_counter() - started
    setup = {
        "people": people,
        "emails": [p.email for p in people],
        "accounts": [(a.pk, a.platform) for a in accounts],
        "media": media,
        "seconds": seconds,
    }
    connection.close()
    return setup


# --- Over HTTP against gunicorn ----------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def process_cpu_seconds(pids: list[int]) -> float | None:
    """utime + stime of these processes from /proc (Linux), in seconds."""
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0
    try:
        for pid in pids:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    except (OSError, IndexError, ValueError):
        return None
    return total / ticks


def server_pids(master: int) -> list[int]:
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        return [master]
    return [master, *(int(c) for c in children)]


class Server:
    def __init__(self, workdir: Path, *, workers: int, threads: int) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ)
        env.update(
            {
                "HERALD_VAR_DIR": str(workdir),
                "HERALD_ENV": "local",
                "DEBUG": "0",
                "ALLOWED_HOSTS": "127.0.0.1,localhost",
                "DJANGO_SETTINGS_MODULE": "herald.settings",
                "PYTHONPATH": str(ROOT),
            }
        )
        env.pop("DATABASE_URL", None)
        self.command = [
            sys.executable,
            "-m",
            "gunicorn",
            "herald.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--chdir",
            str(ROOT),
            "--log-level",
            "warning",
            "--graceful-timeout",
            "5",
        ]
        self.log = open(workdir / "gunicorn.log", "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(self.command, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)

    def wait_ready(self, timeout: float = 60) -> None:
        import requests

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}; see {self.log.name}")
            try:
                if requests.get(f"{self.base}/sign-in/", timeout=2).status_code == 200:
                    # both workers load the check engine at start (herald/wsgi.py); give the second time
                    time.sleep(1)
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer within {timeout:.0f} s; see {self.log.name}")

    def cpu_seconds(self) -> float | None:
        return process_cpu_seconds(server_pids(self.process.pid))

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self.log.close()


class Editor:
    """One person in a browser: a cookie jar, signed in, on the write page."""

    def __init__(self, base: str, email: str, index: int, platform_name: str, media: list[str]) -> None:
        import requests

        self.base, self.index, self.media = base, index, media
        self.field = f"text_{platform_name}"
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "herald-bench/live-check"
        page = self.session.get(f"{base}/sign-in/", timeout=30)
        token = self._token(page.text)
        response = self.session.post(
            f"{base}/sign-in/",
            data={"csrfmiddlewaretoken": token, "username": email, "password": DEMO_PASSWORD},
            headers={"Referer": f"{base}/sign-in/"},
            timeout=30,
            allow_redirects=False,
        )
        if response.status_code != 302:
            raise RuntimeError(f"sign-in for {email} answered {response.status_code}")
        write = self.session.get(f"{base}/posts/write/", timeout=30)
        if write.status_code != 200:
            raise RuntimeError(f"/posts/write/ for {email} answered {write.status_code}")
        self.csrf = self._token(write.text)

    @staticmethod
    def _token(html: str) -> str:
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        if not found:
            raise RuntimeError("no CSRF token on the page")
        return found.group(1)

    def check(self, step: int) -> tuple[float, str | None]:
        data = {
            "csrfmiddlewaretoken": self.csrf,
            "field": self.field,
            self.field: text_for(step, self.index),
            "kind": "post",
        }
        if self.media and step % 3 == 0:
            data["media"] = self.media
        begin = time.perf_counter()
        try:
            response = self.session.post(
                f"{self.base}/posts/check/",
                data=data,
                timeout=30,
                headers={"HX-Request": "true", "X-CSRFToken": self.csrf, "Referer": f"{self.base}/posts/write/"},
            )
            body = response.content  # read it all, as the browser does before swapping it in
        except Exception as exc:  # noqa: BLE001 - reported, not raised
            return (time.perf_counter() - begin) * 1000, f"{type(exc).__name__}: {exc}"
        elapsed = (time.perf_counter() - begin) * 1000
        if response.status_code != 200 or b"herald-count" not in body:
            return elapsed, f"{response.status_code} for editor {self.index}"
        return elapsed, None


def run_phase(
    editors: list[Editor],
    *,
    requests_each: int,
    think: tuple[float, float] | None,
    duration: float,
    first_step: int,
    seed: int,
) -> tuple[list[float], float, list[str]]:
    timings: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + duration

    def typist(editor: Editor) -> None:
        rng = random.Random(seed * 1000 + editor.index)
        own, own_errors = [], []
        if think:  # editors do not start in step
            time.sleep(rng.uniform(0, think[1]))
        for step in range(first_step, first_step + requests_each):
            if think:
                time.sleep(rng.uniform(*think))
            if time.monotonic() >= stop_at:
                break
            elapsed, error = editor.check(step)
            own.append(elapsed)
            if error:
                own_errors.append(error)
        with lock:
            timings.extend(own)
            errors.extend(own_errors)

    threads = [threading.Thread(target=typist, args=(e,), daemon=True) for e in editors]
    wall = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration + 60)
    return timings, time.perf_counter() - wall, errors


def over_http(args, workdir: Path) -> None:
    setup = build_database(workdir, args.editors)
    print(
        f"database: SQLite in {workdir} (migrate + seed_demo + {args.editors} editors {setup['seconds']:.1f} s, excluded)"
    )
    server = Server(workdir, workers=args.workers, threads=args.threads)
    try:
        server.wait_ready()
        print("server: " + " ".join(shlex.quote(part) for part in server.command[1:]) + " (DEBUG off)")
        editors = []
        for index, email in enumerate(setup["emails"]):
            platform_name = setup["accounts"][index % len(setup["accounts"])][1]
            editors.append(Editor(server.base, email, index, platform_name, setup["media"]))
        print(f"signed in: {len(editors)} editors over HTTP, each with its own cookie jar")

        warm, _, warm_errors = run_phase(
            editors, requests_each=2, think=None, duration=60, first_step=0, seed=args.seed
        )
        print(f"warm-up (excluded): {len(warm)} live checks, {len(warm_errors)} errors")

        cpu_before = server.cpu_seconds()
        paced, wall, errors = run_phase(
            editors,
            requests_each=args.requests,
            think=THINK_SECONDS,
            duration=args.duration,
            first_step=2,
            seed=args.seed,
        )
        cpu_after = server.cpu_seconds()
        extra = ""
        if cpu_before is not None and cpu_after is not None and paced:
            extra = f", server CPU {(cpu_after - cpu_before) / len(paced) * 1000:.1f} ms per request"
        print(
            summary(
                f"(a) paced, {args.editors} editors pausing "
                f"{THINK_SECONDS[0] * 1000:.0f}-{THINK_SECONDS[1] * 1000:.0f} ms before each check "
                f"(headline)",
                paced,
                wall,
                errors,
                extra,
            )
        )
        if errors:
            print("  errors:", errors[:5])

        if args.stress_requests:
            cpu_before = server.cpu_seconds()
            stress, wall, errors = run_phase(
                editors,
                requests_each=args.stress_requests,
                think=None,
                duration=args.duration,
                first_step=2 + args.requests,
                seed=args.seed,
            )
            cpu_after = server.cpu_seconds()
            extra = ""
            if cpu_before is not None and cpu_after is not None and stress:
                extra = f", server CPU {(cpu_after - cpu_before) / len(stress) * 1000:.1f} ms per request"
            print(
                summary(
                    f"(b) saturated stress, {args.editors} editors back to back, no pause", stress, wall, errors, extra
                )
            )
            if errors:
                print("  errors:", errors[:5])
    finally:
        server.stop()


# --- In process with the test client (the earlier mode) ----------------------------------------


def in_process(args, workdir: Path) -> None:
    from django.conf import settings

    setup = build_database(workdir, args.editors)
    print(
        f"database: SQLite in {workdir} (migrate + seed_demo + {args.editors} editors {setup['seconds']:.1f} s, excluded)"
    )
    settings.ALLOWED_HOSTS = ["*"]
    from django.test import Client
    from django.test.utils import setup_test_environment

    from herald.checks import warm_up

    setup_test_environment()
    warm_up()
    timings: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def editor_session(index: int) -> None:
        from django.db import connection

        client = Client()
        client.force_login(setup["people"][index])
        field = f"text_{setup['accounts'][index % len(setup['accounts'])][1]}"
        own = []
        for step in range(args.requests + 2):
            data = {"field": field, field: text_for(step, index), "kind": "post"}
            if setup["media"] and step % 3 == 0:
                data["media"] = setup["media"]
            begin = time.perf_counter()
            response = client.post("/posts/check/", data, headers={"HX-Request": "true"})
            elapsed = (time.perf_counter() - begin) * 1000
            if response.status_code != 200:
                with lock:
                    errors.append(f"{response.status_code} for editor {index}")
            if step >= 2:  # the first two warm this thread's connection and templates
                own.append(elapsed)
        with lock:
            timings.extend(own)
        connection.close()

    threads = [threading.Thread(target=editor_session, args=(i,)) for i in range(args.editors)]
    cpu = time.process_time()
    wall = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - wall
    cpu = time.process_time() - cpu
    print(
        summary(
            f"in-process test client, {args.editors} threads back to back, one process",
            timings,
            wall,
            errors,
            f", process CPU {cpu / max(1, len(timings)) * 1000:.1f} ms per request",
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--editors", type=int, default=20)
    parser.add_argument("--requests", type=int, default=40, help="paced live checks per editor (at most)")
    parser.add_argument("--duration", type=float, default=60, help="seconds each phase may take (at most)")
    parser.add_argument(
        "--stress-requests",
        type=int,
        default=20,
        help="back-to-back live checks per editor in the saturated phase (0: skip it)",
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="gunicorn threads per worker")
    parser.add_argument("--seed", type=int, default=7, help="seed for the pauses")
    parser.add_argument("--in-process", action="store_true", help="the earlier mode: test client threads, no server")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (database, gunicorn.log)")
    args = parser.parse_args()

    print("command: " + " ".join(shlex.quote(part) for part in ["python", "bench/live_check.py", *sys.argv[1:]]))
    print(machine("start"))
    workdir = Path(tempfile.mkdtemp(prefix="herald-bench-"))
    try:
        (in_process if args.in_process else over_http)(args, workdir)
    finally:
        print(machine("end"))
        if args.keep:
            print(f"kept: {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
