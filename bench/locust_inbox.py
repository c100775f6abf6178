"""Fifty moderators working the inbox (run by `bench/moderation.py locust`, which starts gunicorn).

Each signs in with its own password and session, then pages, filters, searches and opens comments with
2-8 seconds between requests (reading a page, choosing the next), as someone triaging would; the filter
and search requests are what the inbox's HTMX sends.

The page figures are the steady state: locust's statistics start again once every moderator has signed
in, so the password hashing of fifty sign-ins (deliberately slow) is not in them. The sign-ins are
timed on their own and written, with the CPU the gunicorn processes used during the page window, to
the file named by BENCH_RESULTS for bench/moderation.py to print."""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import time
from pathlib import Path

from locust import HttpUser, between, events, task

PASSWORD = os.environ.get("BENCH_PASSWORD", "")
USERS = int(os.environ.get("BENCH_USERS", "50"))
GUNICORN = int(os.environ.get("BENCH_GUNICORN_PID", "0"))
NUMBERS = itertools.count(1)
WORDS = ["bin", "council tax", "parking", "complaint", "pothole", "thank", "lights", "ombudsman", "planning"]
COMMENT = re.compile(r'href="/inbox/comments/(\d+)/"')
SIGN_INS: dict[str, list[float]] = {"GET": [], "POST": []}
SIGNED_IN = itertools.count(1)
WINDOW: dict[str, float] = {}


class Moderator(HttpUser):
    wait_time = between(2.0, 8.0)

    def on_start(self) -> None:
        n = next(NUMBERS)
        page = self.client.get("/sign-in/", name="sign in")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        self.client.post(
            "/sign-in/",
            {"csrfmiddlewaretoken": token, "username": f"moderator{n}@bench.example", "password": PASSWORD},
            headers={"Referer": f"{self.host}/sign-in/"},
            name="sign in",
        )
        self.seen: list[str] = []
        if next(SIGNED_IN) == USERS:
            # Everyone is in: the page figures start here (the sign-ins have been kept apart).
            self.environment.runner.stats.reset_all()
            WINDOW.update(started=time.monotonic(), gunicorn_cpu=_cpu_of_tree(GUNICORN), locust_cpu=time.process_time())

    def _remember(self, text: str) -> None:
        self.seen = COMMENT.findall(text)[:20] or self.seen

    @task(4)
    def inbox(self) -> None:
        self._remember(self.client.get("/inbox/", name="inbox: open, newest first").text)

    @task(2)
    def older_page(self) -> None:
        self.client.get(f"/inbox/?status=open&page={random.randint(2, 5)}", name="inbox: next pages")

    @task(3)
    def filter(self) -> None:
        query = random.choice(
            ["flag=complaint&status=open", "severity=warn&status=open", "status=replied", "platform=x&status=",
             "flag=foi&status=", "assignee=me&status=open"]
        )  # fmt: skip
        self._remember(self.client.get(f"/inbox/?{query}", headers={"HX-Request": "true"}, name="inbox: filter").text)

    @task(2)
    def search(self) -> None:
        word = random.choice(WORDS)
        self.client.get(f"/inbox/?q={word}&status=", headers={"HX-Request": "true"}, name="inbox: search")

    @task(3)
    def open_comment(self) -> None:
        if self.seen:
            self.client.get(f"/inbox/comments/{random.choice(self.seen)}/", name="comment page")


def _cpu_of_tree(pid: int) -> float:
    """utime + stime in seconds of a process and its children (gunicorn's master and workers)."""
    if not pid:
        return float("nan")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(stat.parent.name) == pid or int(fields[1]) == pid:
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


@events.request.add_listener
def _time_sign_ins(request_type: str, name: str, response_time: float, **_kwargs) -> None:
    if name == "sign in":
        SIGN_INS[request_type].append(response_time)


@events.test_stopping.add_listener
def _close_the_window(environment, **_kwargs) -> None:
    if "started" in WINDOW and "ended" not in WINDOW:
        WINDOW.update(
            ended=time.monotonic(),
            gunicorn_cpu=_cpu_of_tree(GUNICORN) - WINDOW["gunicorn_cpu"],
            locust_cpu=time.process_time() - WINDOW["locust_cpu"],
        )


@events.quitting.add_listener
def _write_results(environment, **_kwargs) -> None:
    _close_the_window(environment)
    path = os.environ.get("BENCH_RESULTS")
    if path:
        window = {"seconds": WINDOW["ended"] - WINDOW["started"], **WINDOW} if "ended" in WINDOW else {}
        Path(path).write_text(json.dumps({"sign_ins": SIGN_INS, "window": window}))
