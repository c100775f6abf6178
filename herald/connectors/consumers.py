"""The long-running readers for platforms that stream (Bluesky's Jetstream, Mastodon's streaming API)
or must be polled (YouTube). `manage.py serve` starts one `manage.py run_connector <account>` for
each account whose secrets are complete, and starts it again if it dies; each reader keeps its
cursor in the database, so a restart carries on where it stopped.

A reader only keeps what it receives (a `RawEvent`, once) and moves its cursor; the task worker
reads the kept deliveries into the inbox, exactly as for webhooks.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.db import close_old_connections, connection
from websockets.exceptions import ConnectionClosedOK
from websockets.sync.client import connect

from herald.connectors import credentials, services
from herald.connectors.credentials import Configured
from herald.connectors.models import RawEvent
from herald.connectors.platforms import mastodon, youtube
from herald.connectors.platforms.bluesky import BlueskyConnector
from herald.plain_text import whole_number

logger = logging.getLogger(__name__)

RUNNING = ("stream", "poll")
MAX_BACKOFF = 60.0


def processes() -> dict[str, list[str]]:
    """{process name: manage.py arguments} for every account a reader should run for."""
    try:
        entries = credentials.configured_accounts()
    except credentials.SecretsFileError as exc:
        logger.error("No connectors started: %s", exc)
        return {}
    return {
        f"{entry.connector.label} reader for {entry.account.handle}": ["run_connector", str(entry.account.pk)]
        for entry in entries
        if entry.connector.delivery in RUNNING and not entry.missing
    }


class Reader:
    """Reads one account until `stop` is set, reconnecting after failures with a growing pause."""

    def __init__(
        self, entry: Configured, *, stop: threading.Event | None = None, say: Callable[[str], None] = logger.info
    ):
        self.entry = entry
        self.account = entry.account
        self.name = entry.name
        self.stop = stop or threading.Event()
        self.say = say

    @property
    def cursor(self) -> str:
        return services.cursor_for(self.name, self.account)

    def keep(self, body: bytes, replay_key: str) -> bool:
        _, new = services.store_delivery(
            self.name,
            body=body,
            source=RawEvent.Source.POLL if self.entry.connector.delivery == "poll" else RawEvent.Source.STREAM,
            signature=RawEvent.Signature.CONNECTION,
            replay_key=replay_key,
            account=self.account,
        )
        return new

    def run(self) -> None:
        backoff = 1.0
        while not self.stop.is_set():
            if not connection.in_atomic_block:  # a connection the database dropped is replaced
                close_old_connections()
            try:
                self.once()
                backoff = 1.0
            except Exception as exc:  # a reader must outlive any one failure: say so and try again
                reason = f"{type(exc).__name__}: {exc}"
                logger.warning("%s reader for %s: %s", self.entry.connector.label, self.account, reason)
                services.note_problem(self.name, reason, account=self.account)
                self.nap(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF)
            else:
                self.pause()

    def nap(self, seconds: float) -> None:
        """Sleep, waking early when stopped. (Short sleeps rather than a timed wait on the event: a
        timed wait never wakes under libfaketime, which `make test-future` runs the suite with.)"""
        deadline = time.monotonic() + seconds
        while not self.stop.is_set() and time.monotonic() < deadline:
            time.sleep(min(0.2, max(0.0, deadline - time.monotonic())))

    def pause(self) -> None:
        self.nap(1.0)

    def once(self) -> None:
        raise NotImplementedError


class BlueskyReader(Reader):
    SAVE_EVERY = 5.0  # seconds between cursor saves when nothing is kept

    def once(self) -> None:
        connector = self.entry.connector
        assert isinstance(connector, BlueskyConnector)
        did = str(self.entry.values["account_id"])
        cursor = self.cursor
        saved = cursor
        url = connector.stream_url(self.entry.app, cursor)
        last_save = time.monotonic()
        with connect(url, open_timeout=10, close_timeout=2, max_size=2**22) as socket:
            try:
                while not self.stop.is_set():
                    # Blocks until a frame comes; `run_connector` breaks it off on SIGTERM.
                    message = socket.recv()
                    raw = message.encode() if isinstance(message, str) else message
                    frame = json.loads(raw)
                    cursor = connector.cursor_of(frame) or cursor
                    if connector.concerns(frame, did):
                        commit = frame["commit"]
                        self.keep(raw, f"at://{frame['did']}/{commit['collection']}/{commit['rkey']}")
                    if cursor != saved and (
                        connector.concerns(frame, did) or time.monotonic() - last_save > self.SAVE_EVERY
                    ):
                        services.save_cursor(self.name, self.account, cursor)
                        saved, last_save = cursor, time.monotonic()
            except ConnectionClosedOK:
                pass
            finally:
                if cursor != saved:
                    services.save_cursor(self.name, self.account, cursor)


def _later(a: str, b: str) -> bool:
    # Mastodon ids are digits; ASCII only, as int() refuses "²" though isdigit() accepts it.
    if a.isascii() and a.isdigit() and b.isascii() and b.isdigit():
        return int(a) > int(b)
    return a > b


class MastodonReader(Reader):
    def _keep_notification(self, notification) -> None:
        values = self.entry.values
        note_id = str(notification["id"])
        body = mastodon.notification_bytes(
            notification, base_url=str(values["base_url"]), account_id=str(values["account_id"])
        )
        if notification.get("type") == "mention":
            self.keep(body, f"notification:{note_id}")
        # Mastodon's ids are digits; anything else cannot say where to resume from, so is not kept as the cursor.
        plain = whole_number(note_id, max_digits=40) is not None
        if plain and (not self.cursor or _later(note_id, self.cursor)):
            services.save_cursor(self.name, self.account, note_id)

    def once(self) -> None:
        from mastodon import StreamListener

        api = mastodon.client(self.entry.values)
        since = self.cursor or None
        missed = api.notifications(since_id=since, types=["mention"], limit=40)
        for notification in sorted(missed, key=lambda n: whole_number(n["id"], max_digits=40) or 0):
            self._keep_notification(notification)
        reader = self

        class Listener(StreamListener):
            def on_notification(self, notification):
                reader._keep_notification(notification)

        api.stream_user_notifications(Listener(), timeout=300)


class YouTubeReader(Reader):
    def once(self) -> None:
        since = self.cursor
        newest = since
        for page in youtube.YouTubeConnector().pages(self.entry.app, self.entry.values, since):
            body = youtube.page_bytes(page)
            self.keep(body, f"page:{hashlib.sha256(body).hexdigest()}")
            newest = max(newest, youtube.newest(page))
        if newest != since:
            services.save_cursor(self.name, self.account, newest)

    def pause(self) -> None:
        self.nap(settings.HERALD_YOUTUBE_POLL_SECONDS)


READERS: dict[str, type[Reader]] = {"bluesky": BlueskyReader, "mastodon": MastodonReader, "youtube": YouTubeReader}


def reader_for(entry: Configured, **kwargs) -> Reader:
    return READERS[entry.name](entry, **kwargs)
