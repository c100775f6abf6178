"""A provider whose issuer ends in "/" (Auth0, Entra ID's v1 endpoints): its ID tokens carry that exact
issuer, and OpenID Connect Discovery 1.0 says the token's `iss` must equal the discovery document's."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from django.core.cache import cache

from herald.signin import oidc

CLIENT_ID = "herald"


@pytest.fixture
def provider_with_slash(settings):
    """A discovery document and key set served on 127.0.0.1, naming an issuer that ends in "/"."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    documents: dict[str, dict] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = json.dumps(documents.get(self.path, {})).encode()
            self.send_response(200 if self.path in documents else 404)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    issuer = f"{base}/tenant/"
    documents["/tenant/.well-known/openid-configuration"] = {
        "issuer": issuer,
        "authorization_endpoint": f"{base}/authorize",
        "token_endpoint": f"{base}/token",
        "jwks_uri": f"{base}/keys",
    }
    documents["/keys"] = {"keys": [{**public, "kid": "k1", "use": "sig", "alg": "RS256"}]}
    threading.Thread(target=server.serve_forever, daemon=True).start()
    # As the environment gives it: settings strip the slash (HERALD_OIDC_ISSUER).
    settings.HERALD_OIDC_ISSUER = issuer.rstrip("/")
    settings.HERALD_OIDC_CLIENT_ID = CLIENT_ID
    settings.HERALD_OIDC_CLIENT_SECRET = "secret"
    cache.clear()

    def token(**claims) -> str:
        now = int(time.time())
        body = {"iss": issuer, "aud": CLIENT_ID, "sub": "s-1", "iat": now, "exp": now + 300, "nonce": "n-1"}
        return jwt.encode({**body, **claims}, key, algorithm="RS256", headers={"kid": "k1"})

    yield token
    server.shutdown()
    server.server_close()
    cache.clear()


def _backend() -> oidc.CouncilOIDCBackend:
    backend = oidc.CouncilOIDCBackend()
    backend.OIDC_OP_JWKS_ENDPOINT = oidc.library_setting("OIDC_OP_JWKS_ENDPOINT")  # as authenticate() sets it
    return backend


def test_a_token_carrying_the_providers_own_issuer_with_its_slash_is_accepted(provider_with_slash):
    payload = _backend().verify_token(provider_with_slash(), nonce="n-1")
    assert payload["sub"] == "s-1"


def test_a_token_from_another_issuer_is_still_refused(provider_with_slash):
    with pytest.raises(oidc.SignInRefused, match="wrong issuer"):
        _backend().verify_token(provider_with_slash(iss="https://elsewhere.example/"), nonce="n-1")
