"""Fifty moderators working the inbox (run by `bench/moderation.py locust`, which starts gunicorn).

Each signs in with its own session, then pages, filters, searches and opens comments with 2-8 seconds
between requests (reading a page, choosing the next), as someone triaging would; the filter and search
requests are what the inbox's HTMX sends. Sign-in is reported on its own line, apart from the pages."""

from __future__ import annotations

import itertools
import os
import random
import re

from locust import HttpUser, between, task

PASSWORD = os.environ.get("BENCH_PASSWORD", "")
NUMBERS = itertools.count(1)
WORDS = ["bin", "council tax", "parking", "complaint", "pothole", "thank", "lights", "ombudsman", "planning"]
COMMENT = re.compile(r'href="/inbox/comments/(\d+)/"')


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
