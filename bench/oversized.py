"""Oversized requests against a real server: does /health/ keep answering while they are refused?

    .venv/bin/python bench/oversized.py [--attackers 20] [--duration 20] [--pause 1] [--flood]
                                        [--workers 2] [--threads 4] [--keep]

Builds a throwaway SQLite database (migrate + the demo seeders + one editor per attacker, as
bench/live_check.py does) and starts gunicorn `herald.wsgi:application --workers 2 --threads 4` on
127.0.0.1 with DEBUG off, as `manage.py serve` does. Each attacker signs in over HTTP with its own
cookie jar. Then, for --duration seconds, in rounds, all attackers send one oversized request at the
same moment and wait --pause seconds (--flood: back to back, no pause; a stress line in which the
client, on the same two cores, takes most of the CPU). Each attacker takes these in turn (what
issue 11 measured before the limits):

  live-1mb     POST /posts/check/ with 1 MB of text (over DATA_UPLOAD_MAX_MEMORY_SIZE): 413 unread
  live-5mb     POST /posts/check/ with 5 MB of text: 413 unread
  live-300k    POST /posts/check/ with 300,000 characters (readable, over HERALD_MAX_POST_CHARS): 413
  write-300k   POST /posts/write/ with 300,000 characters: the form's error, the engine never runs
  live-burst   ordinary live checks, back to back: 429 once the person's allowance is spent

while one more client asks GET /health/ every 50 ms (and an anonymous GET of the public consent
withdrawal form every 200 ms). Prints the command, the machine, /health/ latency idle and under attack
(p50/p95/p99/max, and how many answers took 100 ms or more), each attack's statuses and latency, the
server's CPU during the attack, and the CPU it still burns in the 5 s after the attackers stop (work
left running after the client left). Only 127.0.0.1 is contacted; the folder is removed at the end.
"""

from __future__ import annotations

import argparse
import collections
import shlex
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from live_check import Editor, Server, build_database, machine  # noqa: E402

ATTACKS = ("live-1mb", "live-5mb", "live-300k", "write-300k", "live-burst")
SLOW_MS = 100.0


def percentiles(values: list[float]) -> str:
    if not values:
        return "no answers"
    ordered = sorted(values)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

    return (
        f"p50 {statistics.median(ordered):.1f}, p95 {pct(95):.1f}, p99 {pct(99):.1f}, max {ordered[-1]:.1f} ms "
        f"({len(ordered)} answers, {sum(v >= SLOW_MS for v in ordered)} of {SLOW_MS:.0f} ms or more)"
    )


class Prober:
    """GET `path` every `every` seconds until stopped; keeps each answer's latency and status."""

    def __init__(self, base: str, path: str, every: float) -> None:
        import requests

        self.url, self.every = base + path, every
        self.session = requests.Session()
        self.latencies: list[float] = []
        self.statuses: collections.Counter = collections.Counter()
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            begin = time.perf_counter()
            try:
                status = self.session.get(self.url, timeout=30).status_code
            except Exception as exc:  # noqa: BLE001 - counted, not raised
                status = type(exc).__name__
            self.latencies.append((time.perf_counter() - begin) * 1000)
            self.statuses[status] += 1
            self._stop.wait(max(0.0, self.every - (time.perf_counter() - begin)))

    def start(self) -> Prober:
        self.thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self.thread.join(timeout=60)


def attack(editor: Editor, kind: str, bodies: dict[str, bytes]) -> tuple[float, int | str]:
    base = editor.base
    headers = {
        "X-CSRFToken": editor.csrf,
        "Referer": f"{base}/posts/write/",
        "Content-Type": "application/x-www-form-urlencoded",
    }
    # The big text is encoded once, so the client on the same two cores spends its time sending, not encoding.
    if kind == "write-300k":
        url = f"{base}/posts/write/"
        data = f"csrfmiddlewaretoken={editor.csrf}&action=check&{editor.field}=".encode() + bodies["300k"]
    else:
        text = {"live-1mb": bodies["1mb"], "live-5mb": bodies["5mb"], "live-300k": bodies["300k"]}.get(kind, b"Hello")
        url = f"{base}/posts/check/"
        data = f"csrfmiddlewaretoken={editor.csrf}&field={editor.field}&{editor.field}=".encode() + text
        headers["HX-Request"] = "true"
    begin = time.perf_counter()
    try:
        response = editor.session.post(url, data=data, headers=headers, timeout=120)
        _ = response.content
        status: int | str = response.status_code
    except Exception as exc:  # noqa: BLE001 - the server may close the connection on an unread body
        status = type(exc).__name__
    return (time.perf_counter() - begin) * 1000, status


def run(args, workdir: Path) -> None:
    setup = build_database(workdir, args.attackers)
    print(
        f"database: SQLite in {workdir} (migrate + seed_demo + {args.attackers} editors "
        f"{setup['seconds']:.1f} s, excluded)"
    )
    server = Server(workdir, workers=args.workers, threads=args.threads)
    try:
        server.wait_ready()
        print("server: " + " ".join(shlex.quote(part) for part in server.command[1:]) + " (DEBUG off)")
        editors = [
            Editor(server.base, email, index, setup["accounts"][index % len(setup["accounts"])][1], [])
            for index, email in enumerate(setup["emails"])
        ]
        print(f"signed in: {len(editors)} editors over HTTP, each with its own cookie jar")
        bodies = {"1mb": b"Lorem+ipsum+" * 87_382, "5mb": b"Lorem+ipsum+" * 436_907, "300k": b"Lorem+ipsum+" * 25_000}

        idle = Prober(server.base, "/health/", 0.05).start()
        time.sleep(5)
        idle.stop()
        print(f"/health/ idle, 5 s: {percentiles(idle.latencies[1:])}")

        results: dict[str, list[tuple[float, int | str]]] = {kind: [] for kind in ATTACKS}
        lock = threading.Lock()
        stop_at = time.monotonic() + args.duration

        # --rounds: all attackers send one oversized request at the same moment, then wait --pause s;
        # --flood: back to back with no pause (a stress line: the client shares the server's two cores).
        barrier = threading.Barrier(len(editors))

        def attacker(editor: Editor) -> None:
            own: dict[str, list] = {kind: [] for kind in ATTACKS}
            step = editor.index
            while time.monotonic() < stop_at:
                if not args.flood:
                    try:
                        barrier.wait(timeout=60)
                    except threading.BrokenBarrierError:
                        break
                kind = ATTACKS[step % len(ATTACKS)]
                own[kind].append(attack(editor, kind, bodies))
                step += 1
                if not args.flood:
                    time.sleep(args.pause)
            with lock:
                for kind, found in own.items():
                    results[kind].extend(found)

        health = Prober(server.base, "/health/", 0.05).start()
        public = Prober(server.base, "/consent/withdraw/", 0.2).start()
        cpu_before = server.cpu_seconds()
        wall = time.perf_counter()
        threads = [threading.Thread(target=attacker, args=(e,), daemon=True) for e in editors]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=args.duration + 180)
        wall = time.perf_counter() - wall
        cpu_attack = server.cpu_seconds()
        health.stop()
        public.stop()
        time.sleep(5)
        cpu_after = server.cpu_seconds()

        sent = sum(len(v) for v in results.values())
        how = "back to back (flood)" if args.flood else f"all at once, then a {args.pause:.1f} s pause, in rounds"
        print(
            f"attack: {args.attackers} attackers {how} for {args.duration:.0f} s: {sent} oversized requests "
            f"in {wall:.1f} s ({sent / wall:.1f}/s)"
        )
        for kind in ATTACKS:
            found = results[kind]
            statuses = collections.Counter(status for _, status in found)
            print(f"  {kind:<11} {dict(statuses)}; latency {percentiles([ms for ms, _ in found])}")
        print(f"/health/ under attack: {percentiles(health.latencies)}; statuses {dict(health.statuses)}")
        print(
            f"/consent/withdraw/ (public form) under attack: {percentiles(public.latencies)}; "
            f"statuses {dict(public.statuses)}"
        )
        if None not in (cpu_before, cpu_attack, cpu_after):
            print(
                f"server CPU: {cpu_attack - cpu_before:.1f} s during the attack "
                f"({(cpu_attack - cpu_before) / max(1, sent) * 1000:.1f} ms per oversized request), "
                f"{cpu_after - cpu_attack:.2f} s in the 5 s after the attackers stopped"
            )
        worst = max(health.latencies, default=0.0)
        print(
            f"verdict: /health/ {'answered every time under' if worst < SLOW_MS else 'took'} "
            f"{SLOW_MS:.0f} ms{'' if worst < SLOW_MS else ' or more at least once'} (max {worst:.1f} ms)"
        )
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attackers", type=int, default=20, help="concurrent clients sending oversized requests")
    parser.add_argument("--duration", type=float, default=20, help="seconds of attack")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="gunicorn threads per worker")
    parser.add_argument("--pause", type=float, default=1.0, help="seconds between rounds of simultaneous requests")
    parser.add_argument("--flood", action="store_true", help="send back to back, no rounds (a stress line)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (database, gunicorn.log)")
    args = parser.parse_args()

    print("command: " + " ".join(shlex.quote(part) for part in ["python", "bench/oversized.py", *sys.argv[1:]]))
    print(machine("start"))
    workdir = Path(tempfile.mkdtemp(prefix="herald-bench-"))
    try:
        run(args, workdir)
    finally:
        print(machine("end"))
        if args.keep:
            print(f"kept: {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
