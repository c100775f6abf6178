"""Real servers on 127.0.0.1 that speak the platforms' documented formats, for the connectors' tests."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from websockets.sync.server import serve


@dataclass
class Seen:
    method: str
    path: str
    query: dict
    headers: dict
    body: bytes

    def json(self):
        return json.loads(self.body)

    def form(self):
        return {key: values[0] for key, values in parse_qs(self.body.decode()).items()}


Handler = Callable[[Seen], tuple]


class Events(list):
    """A body sent as a server-sent event stream, line by line, then the connection is closed."""


@dataclass
class FakeApi:
    """`routes[(method, path)]` returns (status, body) or (status, body, headers); a body that is a
    `Events` of lines is sent as a server-sent event stream."""

    routes: dict[tuple[str, str], Handler] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)

    def __enter__(self):
        api = self

        class Handle(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _serve(self):
                parsed = urlparse(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                request = Seen(
                    self.command,
                    parsed.path,
                    {k: v[0] for k, v in parse_qs(parsed.query).items()},
                    {k.lower(): v for k, v in self.headers.items()},
                    self.rfile.read(length) if length else b"",
                )
                api.seen.append(request)
                route = api.routes.get((self.command, parsed.path))
                answer = route(request) if route else (404, {"error": "no such route"})
                status, body, *rest = answer
                headers = rest[0] if rest else {}
                if isinstance(body, Events):
                    self.send_response(status)
                    self.send_header("Content-Type", "text/event-stream")
                    self.end_headers()
                    for line in body:
                        self.wfile.write(line.encode() + b"\n")
                        self.wfile.flush()
                    return
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = _serve

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handle)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def requests_to(self, path: str) -> list[Seen]:
        return [seen for seen in self.seen if seen.path == path]


class FakeJetstream:
    """A Jetstream server: each connection gets the frames after its `cursor`, then is closed."""

    def __init__(self, frames: list[dict]):
        self.frames = frames
        self.cursors: list[str] = []

    def __enter__(self):
        def handler(socket):
            query = parse_qs(urlparse(socket.request.path).query)
            cursor = query.get("cursor", [""])[0]
            self.cursors.append(cursor)
            for frame in self.frames:
                if not cursor or frame["time_us"] > int(cursor):
                    socket.send(json.dumps(frame))
            socket.close()

        self.server = serve(handler, "127.0.0.1", 0)
        self.url = f"ws://127.0.0.1:{self.server.socket.getsockname()[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
