"""The moderation inbox at scale, on PostgreSQL. Prints figures; never a unit test.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/herald_mod_bench \\
        .venv/bin/python bench/moderation.py ingest [--count 20000] [--batch 2000]
    ... bench/moderation.py seed --count 1000000        # fill the bench database (bulk, classified)
    ... bench/moderation.py queries [--repeat 200]      # inbox list, filters, full-text search: p50/p95/max
    ... bench/moderation.py pages [--repeat 20]         # CPU ms and queries per page, in-process
    ... bench/moderation.py locust [--users 50] [--duration 60] [--workers 4]

The bench database is its own (never a test database): `ingest` and `seed` migrate it first and add a
bench council (accounts, a comms officer, moderators) if missing.

ingest   in --processes processes at once (default 2, one per core, as two task workers), each
         generates its comments first (not timed), then times receive_comments + classify_comments per
         batch (the path a connector's batch takes, with the worker's classification inline); prints
         comments/s overall and the CPU split: the check engine, the rest of Python (ORM, ingest,
         flags), and the PostgreSQL server processes serving them (utime+stime from /proc).
seed     up to --base (100,000) comments through `manage.py seed_comments --days 365` (generated,
         ingested and classified), then copies of them inside PostgreSQL, each copy a year further
         back, until the database holds --count comments.
queries  as the comms officer (sees every account), times the inbox's first page (51 rows) for the
         newest open comments, each filter (account, platform, status, flag, severity, assignee, team,
         a date range) and full-text searches for common and rare words; each query `--repeat` times with
         varied values; prints p50/p95/max in ms per query and overall, and the row count.
pages    the web side of each page in this process (Django's test client, every middleware, DEBUG off):
         CPU ms, queries and their time in PostgreSQL, per page; --profile NAME for cProfile's view.
locust   starts gunicorn on 127.0.0.1 (DEBUG off) against the bench database and runs locust headless
         with N moderators signing in and paging, filtering and searching the inbox and opening
         comments; prints locust's p50/p95/p99 per page in the steady state (from when every moderator
         has signed in), the sign-ins apart, and gunicorn's CPU ms per page in that window (needs
         `pip install -r requirements/bench.txt`, or --locust naming a locust from another venv).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/herald_mod_bench"
os.environ.setdefault("DATABASE_URL", DEFAULT_DB)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "herald.settings")
PASSWORD = "Bench-password-for-moderators-9"


def _setup():
    if not os.environ["DATABASE_URL"].startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL bench database (default " + DEFAULT_DB + ")")
    _create_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return _council()


def _create_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    base = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(base, autocommit=True) as conn:
        if not conn.execute("select 1 from pg_database where datname = %s", [name]).fetchone():
            conn.execute(f'create database "{name}"')


def _council():
    """Accounts on several platforms, a comms officer, 50 moderators (comms) and two teams."""
    from django.contrib.auth.models import Group

    from herald.moderation.models import ModerationTeam
    from herald.people.models import Person, ServiceArea, Team
    from herald.social_accounts.models import Account, AccountEditor

    area, _ = ServiceArea.objects.get_or_create(name="Bench services")
    team, _ = Team.objects.get_or_create(name="Bench comms", service_area=area)
    comms_group, _ = Group.objects.get_or_create(name="comms")
    editor_group, _ = Group.objects.get_or_create(name="editor")
    accounts = []
    for platform_name, handle in (
        ("facebook", "benchcouncil"),
        ("x", "benchcouncil"),
        ("instagram", "benchcouncil"),
        ("youtube", "benchcouncil"),
        ("nextdoor", "benchcouncil"),
        ("bluesky", "benchcouncil.example"),
    ):
        account, _ = Account.objects.get_or_create(
            platform=platform_name,
            handle=handle,
            defaults={"display_name": f"Bench Council on {platform_name}", "team": team, "status": "active"},
        )
        accounts.append(account)
    from django.contrib.auth.hashers import make_password

    hashed = None
    moderators = []
    for n in range(51):
        email = "bench-comms@bench.example" if n == 0 else f"moderator{n}@bench.example"
        person = Person.objects.filter(email=email).first()
        if person is None:
            hashed = hashed or make_password(PASSWORD)  # one slow hash for all fifty
            person = Person.objects.create(
                email=email, password=hashed, first_name="Moderator", last_name=str(n), team=team,
                employee_number=f"BENCH{n:03d}",
            )  # fmt: skip
        # The comms officer (queries) sees everything; the fifty moderators (locust) are editors of every
        # bench account, who sign in without a second factor, as an editor would.
        person.groups.set([comms_group if n == 0 else editor_group])
        if n:
            for account in accounts:
                AccountEditor.objects.get_or_create(account=account, person=person)
        moderators.append(person)
    for name, chosen in (("Customer services", accounts[:3]), ("Communications", accounts[3:])):
        inbox_team, _ = ModerationTeam.objects.get_or_create(name=name)
        inbox_team.accounts.add(*chosen)
        inbox_team.members.add(*moderators[:25] if name == "Customer services" else moderators[25:])
    return accounts, moderators


def _machine() -> str:
    load = os.getloadavg()
    return (
        f"machine: {os.cpu_count()} cores ({platform.machine()}), Python {platform.python_version()}, "
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )


def _proc_cpu(pid: int) -> float:
    """utime + stime of a process in seconds (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# --- ingest -------------------------------------------------------------------------------------


def ingest(args) -> None:
    """Time ingest with classification, in --processes worker processes at once (as several task
    workers would run), each with its own account and comments; prints the sum."""
    _setup()
    import json

    from django.db import connection

    children = [
        subprocess.Popen(
            [sys.executable, __file__, "ingest-one", "--count", str(args.count // args.processes), "--batch",
             str(args.batch), "--seed", str(args.seed + n), "--account", str(n)],
            stdout=subprocess.PIPE, text=True,
        )
        for n in range(args.processes)
    ]  # fmt: skip
    results = [json.loads(child.communicate()[0].strip().splitlines()[-1]) for child in children]
    created = sum(r["created"] for r in results)
    wall = max(r["wall"] for r in results)
    engine = sum(r["engine"] for r in results)
    python = sum(r["python"] for r in results)
    pg = sum(r["pg"] for r in results)
    total = python + pg
    rates = ", ".join(f"{r['created'] / r['wall']:,.0f}/s" for r in results)
    print(f"command: {' '.join(sys.argv)}")
    print(_machine())
    print(f"database: PostgreSQL {connection.pg_version // 10000} ({os.environ['DATABASE_URL'].rsplit('/', 1)[1]})")
    print(f"ingest with classification: {created} comments in {wall:.2f}s = {created / wall:,.0f} comments/s "
          f"({args.processes} processes, batches of {args.batch}; per process: "
          f"{rates})")  # fmt: skip
    print(
        f"CPU split: check engine {engine:.2f}s ({engine / total:.0%}), rest of Python (ORM, ingest, flags) "
        f"{python - engine:.2f}s ({(python - engine) / total:.0%}), PostgreSQL server {pg:.2f}s ({pg / total:.0%}); "
        f"CPU {total / wall:.2f} cores busy on average"
    )
    cores = os.cpu_count() or 1
    print(
        f"CPU cost: {total / created * 1000:.2f} ms of CPU per comment (Python and PostgreSQL together), so "
        f"{cores} idle cores would take about {created / total * cores:,.0f} comments/s; the rate above is what "
        "this machine gave with its load average as shown"
    )
    print(f"peak memory (max RSS of one process): {max(r['rss_mb'] for r in results)} MB")


def ingest_one(args) -> None:
    import json

    accounts, _ = _setup()
    from django.db import connection
    from django.urls import reverse
    from django.utils import timezone

    from herald import checking
    from herald.checks import warm_up
    from herald.moderation import services
    from herald.moderation.generator import CommentGenerator

    account = accounts[args.account % len(accounts)]
    generator = CommentGenerator(args.seed, prefix=f"ingest-{time.time_ns()}-{args.account}")
    now = timezone.now()
    items = list(generator.comments(args.count, platform=account.platform, start=now - dt.timedelta(hours=6), end=now))
    # Warm up the engine (word lists, models) and the connection, outside the timing.
    warm_up()
    checking.check_incoming_comments(account, [item.text for item in items[:200]])
    # A worker loads the URLconf once (the first link in a notification); not part of each batch.
    reverse("moderation:inbox")
    engine_cpu = 0.0
    original = checking.check_incoming_comments

    def timed(*a, **kw):
        nonlocal engine_cpu
        start = time.process_time()
        try:
            return original(*a, **kw)
        finally:
            engine_cpu += time.process_time() - start

    checking.check_incoming_comments = timed
    with connection.cursor() as cursor:
        cursor.execute("select pg_backend_pid()")
        backend = cursor.fetchone()[0]
    pg_before = _proc_cpu(backend)
    cpu_before = time.process_time()
    wall_before = time.perf_counter()
    created = 0
    for start in range(0, len(items), args.batch):
        result = services.receive_comments(
            account, items[start : start + args.batch], source="bench", queue_classification=False
        )
        services.classify_comments(result.comment_ids)
        created += result.created
    wall = time.perf_counter() - wall_before
    result = {
        "created": created,
        "wall": wall,
        "engine": engine_cpu,
        "python": time.process_time() - cpu_before,
        "pg": _proc_cpu(backend) - pg_before,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }
    print(json.dumps(result))


# --- seed ---------------------------------------------------------------------------------------


def seed(args) -> None:
    """Fill the bench database to --count comments: up to --base generated and classified through
    `seed_comments` (the real ingest path, which this machine runs at a few hundred a second while it
    is shared), then the rest as copies of those rows made inside PostgreSQL (INSERT ... SELECT, each
    copy a year further back, with its flags), which is how a million rows are loaded in minutes."""
    _setup()
    from django.core.management import call_command
    from django.db import connection

    from herald.moderation.models import Comment

    before = Comment.objects.count()
    began = time.perf_counter()
    generated = Comment.objects.filter(source="generator").count()
    if generated < min(args.base, args.count):
        call_command(
            "seed_comments", "--count", str(min(args.base, args.count) - generated), "--days", "365",
            "--batch", "5000", "--seed", str(args.seed),
        )  # fmt: skip
    seeded = time.perf_counter() - began
    copy = 0
    while Comment.objects.count() < args.count:
        copy += 1
        missing = args.count - Comment.objects.count()
        _copy_rows(connection, copy, missing)
    with connection.cursor() as cursor:
        # VACUUM too: the visibility map lets the inbox read its indexes alone (index-only scans), which
        # PostgreSQL costs as such; fresh copies have none until autovacuum gets to them.
        cursor.execute("vacuum analyze moderation_comment")
        cursor.execute("vacuum analyze moderation_commentflag")
    print(f"command: {' '.join(sys.argv)}")
    print(_machine())
    print(
        f"comments: {before:,} before, {Comment.objects.count():,} after in {time.perf_counter() - began:.0f}s "
        f"({seeded:.0f}s generating and classifying, the rest copying in PostgreSQL)"
    )


COLUMNS = (
    "account_id, platform, kind, parent_platform_id, author_id, text, permalink, source, status, assignee_id, "
    "team_id, priority, findings, severity, pre_election, pre_election_wards, search_vector"
)


def _copy_rows(connection, copy: int, limit: int) -> None:
    """Copy up to `limit` generated comments (and their flags) `copy` years further back."""
    suffix = f"-c{copy}"
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO moderation_comment ({COLUMNS}, platform_id, posted_at, received_at, respond_by,
                                            first_handled_at, checked_at, updated_at)
            SELECT {COLUMNS}, platform_id || %s, posted_at - %s * interval '1 year',
                   received_at - %s * interval '1 year', respond_by - %s * interval '1 year',
                   first_handled_at - %s * interval '1 year', checked_at - %s * interval '1 year', now()
            FROM moderation_comment
            WHERE source = 'generator' AND platform_id NOT LIKE '%%-c%%'
            ORDER BY id LIMIT %s
            ON CONFLICT DO NOTHING
            """,
            [suffix, copy, copy, copy, copy, copy, limit],
        )  # noqa: S608 - fixed column names
        cursor.execute(
            """
            INSERT INTO moderation_commentflag (comment_id, kind, reason, raised_at, due_on, outcome)
            SELECT copied.id, flag.kind, flag.reason, flag.raised_at - %s * interval '1 year',
                   flag.due_on - %s * interval '1 year', ''
            FROM moderation_commentflag flag
            JOIN moderation_comment original ON original.id = flag.comment_id
            JOIN moderation_comment copied
              ON copied.platform = original.platform AND copied.platform_id = original.platform_id || %s
            ON CONFLICT DO NOTHING
            """,
            [copy, copy, suffix],
        )


# --- queries ------------------------------------------------------------------------------------


def queries(args) -> None:
    accounts, moderators = _setup()
    from django.db import connection, reset_queries

    from herald.moderation import selectors
    from herald.moderation.models import Comment, ModerationTeam

    comms = moderators[0]
    total = Comment.objects.count()
    teams = list(ModerationTeam.objects.values_list("pk", flat=True))
    today = dt.date.today()
    rng = random.Random(args.seed)
    common = ["bin", "council tax", "parking", "complaint", "pothole", "thank", "christmas lights", "planning"]
    rare = ["ombudsman", "subject access", "crypto", "grooming", "torch", "Ray-Bans"]
    f = selectors.InboxFilter
    cases = {
        "newest open": lambda: f(status="open"),
        "any status": lambda: f(),
        "by account": lambda: f(account=rng.choice(accounts).pk, status="open"),
        "by platform": lambda: f(platform=rng.choice(accounts).platform),
        "by status": lambda: f(status=rng.choice(["new", "replied", "waiting", "escalated", "no_action"])),
        "by flag": lambda: f(flag=rng.choice(["foi", "sar", "complaint", "safeguarding", "threat"]), status="open"),
        "by severity": lambda: f(severity=rng.choice(["block", "warn", "advice"]), status="open"),
        "assigned to me": lambda: f(assignee="me", status="open"),
        "by team": lambda: f(team=rng.choice(teams), status="open"),
        "date range": lambda: f(
            received_from=today - dt.timedelta(days=rng.randint(30, 300)),
            received_to=today - dt.timedelta(days=rng.randint(0, 29)),
        ),
        "search common words": lambda: f(q=rng.choice(common)),
        "search rare words": lambda: f(q=rng.choice(rare)),
        "search + filter": lambda: f(q=rng.choice(common), status="open", account=rng.choice(accounts).pk),
    }
    print(f"command: {' '.join(sys.argv)}")
    print(_machine())
    print(f"comments in the bench database: {total:,}; first page of 51 rows, {args.repeat} runs each, as comms")
    everything = []
    for name, make in cases.items():
        for _ in range(3):  # warm the plan cache and the buffers a little
            selectors.inbox_page(comms, make())
        times = []
        rows = 0
        for _ in range(args.repeat):
            wanted = make()
            start = time.perf_counter()
            rows = len(selectors.inbox_page(comms, wanted))
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        everything += times
        p95 = times[int(len(times) * 0.95) - 1]
        print(
            f"  {name:<22} p50 {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms  max {times[-1]:6.1f} ms  ({rows} rows last)"
        )
    everything.sort()
    print(f"all queries: p50 {statistics.median(everything):.1f} ms, p95 {everything[int(len(everything) * 0.95) - 1]:.1f} ms, "
          f"max {everything[-1]:.1f} ms")  # fmt: skip
    reset_queries()
    if args.explain:
        with connection.cursor() as cursor:
            sql, params = selectors.inbox(comms, f(q="ombudsman")).values("pk")[:51].query.sql_with_params()
            cursor.execute("explain analyze " + sql, params)
            print("\n".join(row[0] for row in cursor.fetchall()))


# --- pages --------------------------------------------------------------------------------------

# The pages the locust moderators ask for (bench/locust_inbox.py), as (name, address, HTMX request).
PAGES = (
    ("inbox: open, newest first", "/inbox/", False),
    ("inbox: next pages", "/inbox/?status=open&page=3", False),
    ("inbox: filter", "/inbox/?flag=complaint&status=open", True),
    ("inbox: filter", "/inbox/?status=replied", True),
    ("inbox: filter", "/inbox/?platform=x&status=", True),
    ("inbox: search", "/inbox/?q=parking&status=", True),
    ("inbox: search", "/inbox/?q=ombudsman&status=", True),
    ("comment page", "comment", False),
)


def pages(args) -> None:
    """The web side of each page, in this process (no gunicorn, no locust): CPU ms (time.process_time)
    and the queries with their time in PostgreSQL, through Django's test client with every middleware,
    DEBUG off, as one of the locust moderators. Prints p50 and p95 per page; --profile NAME prints
    cProfile's top functions for the pages whose name starts with NAME."""
    os.environ["DEBUG"] = "0"
    _, moderators = _setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from herald.moderation import selectors

    assert not settings.DEBUG
    person = moderators[1]
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client()
    client.force_login(person)
    newest = [c.pk for c in selectors.inbox_page(person, selectors.InboxFilter(status="open"), size=20)]
    rng = random.Random(args.seed)

    def ask(address: str, htmx: bool) -> int:
        if address == "comment":
            address = f"/inbox/comments/{rng.choice(newest)}/"
        response = client.get(address, headers={"HX-Request": "true"} if htmx else {})
        assert response.status_code == 200, (address, response.status_code)
        return len(response.content)

    print(f"command: {' '.join(sys.argv)}")
    print(_machine())
    print(f"as {person.email} (an editor of every bench account); {args.repeat} requests per page after 3 to warm up")
    print(f"{'page':<28} {'CPU p50':>8} {'CPU p95':>8} {'queries':>8} {'SQL ms':>7} {'KB':>5}  address")
    for name, address, htmx in PAGES:
        for _ in range(3):
            ask(address, htmx)
        cpu = []
        for _ in range(args.repeat):
            start = time.process_time()
            size = ask(address, htmx)
            cpu.append((time.process_time() - start) * 1000)
        with CaptureQueriesContext(connection) as captured:
            ask(address, htmx)
        sql = sum(float(q["time"]) for q in captured.captured_queries) * 1000
        cpu.sort()
        print(f"{name:<28} {statistics.median(cpu):8.1f} {cpu[int(len(cpu) * 0.95) - 1]:8.1f} "
              f"{len(captured.captured_queries):8} {sql:7.1f} {size // 1024:5}  {address}")  # fmt: skip
        if args.profile and name.startswith(args.profile):
            import cProfile
            import pstats

            profiler = cProfile.Profile(time.process_time)  # CPU, not waiting for PostgreSQL
            profiler.enable()
            for _ in range(args.repeat):
                ask(address, htmx)
            profiler.disable()
            pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.top)
        if args.sql and name.startswith(args.sql):
            for query in captured.captured_queries:
                print(f"    {float(query['time']) * 1000:6.1f} ms  {query['sql'][:300]}")


# --- locust -------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, int(len(ordered) * share + 0.5) - 1))] if ordered else float("nan")


def _warm_up(port: int, workers: int) -> None:
    """Ask for the sign-in page until each worker has loaded Django (not part of any figure)."""
    import urllib.request

    for _ in range(workers * 3):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/sign-in/", timeout=120) as response:
            response.read()


def locust(args) -> None:
    _setup()
    program = args.locust or shutil.which("locust", path=str(ROOT / ".venv" / "bin")) or shutil.which("locust")
    if program is None:
        sys.exit("locust is not installed: pip install -r requirements/bench.txt (or pass --locust PATH)")
    port = _free_port()
    env = {
        **os.environ,
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "herald.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", str(args.workers), "--threads", "2", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        _warm_up(port, args.workers)
        folder = tempfile.mkdtemp()
        print(f"command: {' '.join(sys.argv)}")
        print(_machine() + " (before the run)")
        print(
            f"gunicorn: {args.workers} workers x 2 threads on 127.0.0.1:{port}; {args.users} moderators, "
            f"{args.spawn_rate:g} starting a second, each signing in with a password; the page figures start "
            "once all have signed in (steady state), the sign-ins are timed apart"
        )
        results = Path(folder) / "results.json"
        subprocess.run(
            [program, "-f", str(ROOT / "bench/locust_inbox.py"), "--headless",
             "-u", str(args.users), "-r", str(args.spawn_rate), "-t", f"{args.duration}s", "--host",
             f"http://127.0.0.1:{port}", "--csv", f"{folder}/run", "--only-summary", "--loglevel", "WARNING"],
            cwd=ROOT, check=False,
            env={**env, "BENCH_PASSWORD": PASSWORD, "BENCH_USERS": str(args.users),
                 "BENCH_GUNICORN_PID": str(server.pid), "BENCH_RESULTS": str(results)},
        )  # fmt: skip
        print(_machine() + " (after the run)")
        import csv
        import json

        measured = json.loads(results.read_text()) if results.exists() else {"sign_ins": {}, "window": {}}
        window = measured["window"]
        pages = 0
        with open(f"{folder}/run_stats.csv") as handle:
            print(f"{'page':<28} {'requests':>8} {'fails':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}")
            for row in csv.DictReader(handle):
                if row["Name"] == "Aggregated":
                    pages = int(row["Request Count"])
                if row["Request Count"] == "0":
                    continue  # the sign-ins, counted before the window and timed apart below
                print(f"{row['Name']:<28} {row['Request Count']:>8} {row['Failure Count']:>6} {row['50%']:>7} "
                      f"{row['95%']:>7} {row['99%']:>7}")  # fmt: skip
        for method, times in measured["sign_ins"].items():
            print(f"{'sign in ' + method + ' (apart)':<28} {len(times):>8} {'':>6} {_percentile(times, 0.5):7.0f} "
                  f"{_percentile(times, 0.95):7.0f} {_percentile(times, 0.99):7.0f}")  # fmt: skip
        if window and pages:
            seconds = window["seconds"]
            print(
                f"steady window: {seconds:.0f}s, {pages / seconds:.1f} pages/s; gunicorn used "
                f"{window['gunicorn_cpu']:.1f}s of CPU = {window['gunicorn_cpu'] / pages * 1000:.1f} ms per page "
                f"({window['gunicorn_cpu'] / seconds:.2f} cores); locust itself {window['locust_cpu']:.1f}s "
                f"({window['locust_cpu'] / seconds:.2f} cores)"
            )
        else:
            print("no steady window: the run ended before every moderator had signed in (raise --duration)")
        shutil.rmtree(folder, ignore_errors=True)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ingest")
    p.add_argument("--count", type=int, default=20000)
    p.add_argument("--batch", type=int, default=2000)
    p.add_argument("--seed", type=int, default=11)
    p.add_argument("--processes", type=int, default=2)
    p = sub.add_parser("ingest-one")
    p.add_argument("--count", type=int, default=10000)
    p.add_argument("--batch", type=int, default=2000)
    p.add_argument("--seed", type=int, default=11)
    p.add_argument("--account", type=int, default=0)
    p = sub.add_parser("seed")
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--base", type=int, default=100_000, help="How many to generate; the rest are copies")
    p.add_argument("--seed", type=int, default=1)
    p = sub.add_parser("queries")
    p.add_argument("--repeat", type=int, default=200)
    p.add_argument("--seed", type=int, default=5)
    p.add_argument("--explain", action="store_true")
    p = sub.add_parser("pages")
    p.add_argument("--repeat", type=int, default=20)
    p.add_argument("--seed", type=int, default=3)
    p.add_argument("--profile", default="", help="cProfile the pages whose name starts with this")
    p.add_argument("--sql", default="", help="Print the queries of the pages whose name starts with this")
    p.add_argument("--top", type=int, default=40)
    p.add_argument("--sort", default="cumulative", help="cProfile order: cumulative or tottime")
    p = sub.add_parser("locust")
    p.add_argument("--users", type=int, default=50)
    p.add_argument("--duration", type=int, default=240, help="Seconds in all, the ramp included")
    p.add_argument("--workers", type=int, default=4)
    p.add_argument("--spawn-rate", type=float, default=1.0, help="Moderators starting per second (each signs in)")
    p.add_argument("--locust", default="", help="The locust program (default: the venv's, then PATH)")
    args = parser.parse_args()
    commands = {"ingest": ingest, "ingest-one": ingest_one, "seed": seed, "queries": queries, "pages": pages}
    {**commands, "locust": locust}[args.command](args)


if __name__ == "__main__":
    main()
