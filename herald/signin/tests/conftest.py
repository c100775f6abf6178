"""A real OpenID Connect provider on 127.0.0.1 for the sign-in tests (oidc_provider/provider.py)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlparse

import pytest
import requests

PROVIDER = Path(__file__).resolve().parent / "oidc_provider" / "provider.py"


@dataclass
class Provider:
    port: int
    issuer: str
    client_id: str = "herald"
    client_secret: str = "herald-test-client-secret"
    password: str = "Provider-password-2026"

    def allow_redirect_to(self, uri: str) -> None:
        requests.post(f"http://127.0.0.1:{self.port}/test/redirect-uris", data={"uri": uri}, timeout=10)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory):
    port = _free_port()
    env = {**os.environ, "PROVIDER_PORT": str(port), "PROVIDER_DB": str(tmp_path_factory.mktemp("idp") / "idp.sqlite3")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("DATABASE_URL", None)
    process = subprocess.Popen(
        [sys.executable, str(PROVIDER)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    provider = Provider(port=port, issuer=f"http://127.0.0.1:{port}/o")
    deadline = time.monotonic() + 90
    while True:
        try:
            if requests.get(f"{provider.issuer}/.well-known/openid-configuration", timeout=2).ok:
                break
        except requests.ConnectionError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            output = process.stdout.read().decode(errors="replace") if process.stdout else ""
            pytest.fail(f"the test OpenID Connect provider did not start:\n{output[-3000:]}")
        time.sleep(0.3)
    yield provider
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture
def single_sign_on(settings, oidc_provider):
    """Herald configured for the test provider, as the environment would configure it."""
    settings.HERALD_OIDC_ISSUER = oidc_provider.issuer
    settings.HERALD_OIDC_CLIENT_ID = oidc_provider.client_id
    settings.HERALD_OIDC_CLIENT_SECRET = oidc_provider.client_secret
    settings.HERALD_OIDC_EMAIL_DOMAINS = []
    settings.HERALD_OIDC_GROUP_ROLES = {}
    return oidc_provider


def sign_in_at_provider(
    client,
    provider: Provider,
    username: str,
    *,
    start: str = "/security/council-sign-in/",
    browser: requests.Session | None = None,
):
    """Follow Herald's redirect to the provider, sign in there as `username` (over real HTTP), and
    bring the provider's answer back to Herald's callback. Returns Herald's response to it.

    Pass the same `browser` twice to keep the provider's session: the provider then waves the
    person through without asking for the password again, as a real one does."""
    started = client.get(start)
    assert started.status_code == 302, started
    browser = browser if browser is not None else requests.Session()
    url = started["Location"]
    for _ in range(10):
        if not url.startswith(f"http://127.0.0.1:{provider.port}"):
            break
        answer = browser.get(url, allow_redirects=False, timeout=10)
        if answer.status_code == 200 and 'name="password"' in answer.text:
            answer = browser.post(
                url,
                data={
                    "username": username,
                    "password": provider.password,
                    "csrfmiddlewaretoken": browser.cookies["csrftoken"],
                    "next": parse_qs(urlparse(url).query).get("next", [""])[0],
                },
                headers={"Referer": url},
                allow_redirects=False,
                timeout=10,
            )
        assert answer.status_code in (301, 302), f"the provider answered {answer.status_code}: {answer.text[:500]}"
        url = urljoin(url, answer.headers["Location"])
    assert url.startswith("http://testserver/"), url
    return client.get(url.removeprefix("http://testserver"))
