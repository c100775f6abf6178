"""Latency of the post editor's live check (POST /posts/check/) under 20 editors typing at once.

    .venv/bin/python bench/live_check.py [--editors 20] [--requests 40] [--keep]

Builds a throwaway SQLite database in a temporary folder (migrate + the demo seeders), so the
councillor register, accounts and media library are the demo council's. Then each of N threads
signs in as its own editor with Django's test client (the full middleware stack, no network) and
sends a bounded number of live-check requests, one after another, as if typing: the text grows a
few words at a time and a third of the requests carry two photos from the library, so their consent
is checked for the platform. Warm-up requests (the profanity model, the first template render) are
excluded. Prints the command, the machine, and p50/p95/p99/max in milliseconds.

All threads share one Python process and its GIL, so this is the worst case for one web process
serving 20 editors at once; gunicorn with several workers divides the queueing between them.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--editors", type=int, default=20)
    parser.add_argument("--requests", type=int, default=40, help="live checks per editor")
    parser.add_argument("--keep", action="store_true", help="keep the temporary database folder")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="herald-bench-"))
    os.environ["HERALD_VAR_DIR"] = str(workdir)
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "herald.settings")
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    settings.ALLOWED_HOSTS = ["*"]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    setup_test_environment()  # locmem email, testserver host
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    setup_seconds = time.perf_counter() - started

    from herald.checks import warm_up
    from herald.consents.models import MediaAsset
    from herald.factories import PersonFactory
    from herald.people.roles import Role
    from herald.social_accounts.models import Account, AccountEditor

    warm_up()
    accounts = list(Account.objects.active().filter(platform__in=["facebook", "x"])[:2])
    editors = []
    for n in range(args.editors):
        person = PersonFactory(email=f"bench-editor-{n}@council.example", roles=[Role.EDITOR], is_trained_editor=True)
        for account in accounts:
            AccountEditor.objects.get_or_create(account=account, person=person, removed_at=None)
        editors.append(person)
    media = [str(pk) for pk in MediaAsset.objects.values_list("pk", flat=True)[:2]]
    connection.close()

    timings: list[float] = []
    lock = threading.Lock()
    errors: list[str] = []

    def editor_session(index: int) -> None:
        from django.db import connection as thread_connection

        client = Client()
        client.force_login(editors[index])
        platform_name = accounts[index % len(accounts)].platform
        field = f"text_{platform_name}"
        own: list[float] = []
        for step in range(args.requests + 2):
            length = 3 + (step * 5 + index) % len(WORDS)
            data = {"field": field, field: " ".join(WORDS[:length]), "kind": "post"}
            if media and step % 3 == 0:
                data["media"] = media
            begin = time.perf_counter()
            response = client.post("/posts/check/", data, headers={"HX-Request": "true"})
            elapsed = (time.perf_counter() - begin) * 1000
            if response.status_code != 200:
                errors.append(f"{response.status_code} for editor {index}")
            if step >= 2:  # the first two requests warm this thread's connection and templates
                own.append(elapsed)
        with lock:
            timings.extend(own)
        thread_connection.close()

    threads = [threading.Thread(target=editor_session, args=(i,)) for i in range(args.editors)]
    wall = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - wall

    timings.sort()

    def pct(p: float) -> float:
        return timings[min(len(timings) - 1, int(round(p / 100 * (len(timings) - 1))))]

    print(f"command: python bench/live_check.py --editors {args.editors} --requests {args.requests}")
    print(f"machine: {os.cpu_count()} cores ({platform.machine()}), Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}, load average {os.getloadavg()[0]:.2f}")
    print(f"database: SQLite in {workdir} (migrate + seed_demo {setup_seconds:.1f} s, excluded)")
    print(f"live checks: {len(timings)} timed ({args.editors} editors x {args.requests}), "
          f"{len(errors)} errors, wall {wall:.2f} s, {len(timings) / wall:.0f} requests/s")
    print(f"latency ms: p50 {statistics.median(timings):.1f}, p95 {pct(95):.1f}, p99 {pct(99):.1f}, max {timings[-1]:.1f}")
    if errors:
        print("errors:", errors[:5])
    if not args.keep:
        import shutil

        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
