"""A real OpenID Connect provider for the sign-in tests: django-oauth-toolkit with OIDC on, run as
its own process on 127.0.0.1 (see herald/signin/tests/conftest.py). It signs ID tokens with RS256,
requires PKCE, and signs its people in with a username (their email) and PASSWORD.

Some of its people make it misbehave the way a broken or hostile provider might, so Herald's
refusals can be tested against real tokens: see MISCHIEF.

    PROVIDER_PORT=8765 PROVIDER_DB=/tmp/provider.sqlite3 python provider.py
"""

import json
import os
import sys
import time
import uuid

PORT = int(os.environ["PROVIDER_PORT"])
ISSUER = f"http://127.0.0.1:{PORT}/o"
CLIENT_ID = "herald"
CLIENT_SECRET = "herald-test-client-secret"
PASSWORD = "Provider-password-2026"

# username → (amr, groups)
PEOPLE = {
    "employee@council.example": (["pwd"], []),
    "comms@council.example": (["pwd"], ["sg-herald-comms"]),
    "mfa@council.example": (["pwd", "mfa"], ["sg-herald-comms"]),
    "stranger@council.example": (["pwd"], []),
    "leaver@council.example": (["pwd"], []),
    "outsider@elsewhere.example": (["pwd"], []),
    "wrong-audience@council.example": (["pwd"], []),
    "expired@council.example": (["pwd"], []),
    "bad-nonce@council.example": (["pwd"], []),
    "bad-signature@council.example": (["pwd"], []),
    "impostor@council.example": (["pwd"], []),
    "unverified@council.example": (["pwd"], []),
    "userinfo-only@council.example": (["pwd"], ["sg-herald-comms"]),
    "many-groups@council.example": (["pwd"], []),
    "no-groups-claim@council.example": (["pwd"], []),
}
MISCHIEF = {
    "wrong-audience@council.example": "a token issued for another application",
    "expired@council.example": "a token that expired ten minutes ago",
    "bad-nonce@council.example": "a token carrying another sign-in's nonce",
    "bad-signature@council.example": "a token signed with a key that is not the provider's",
    "impostor@council.example": "another account at the provider, which claims employee@council.example's email",
    "unverified@council.example": "an email address the provider has not verified (email_verified false)",
    "userinfo-only@council.example": "no email or groups in the ID token: Herald must ask the userinfo endpoint",
    "many-groups@council.example": "no groups claim, only Entra ID's overage hints (_claim_names, hasgroups)",
    "no-groups-claim@council.example": "no groups claim at all, in the ID token or the userinfo answer",
}
# The email each account claims, where it is not its username.
CLAIMED_EMAIL = {"impostor@council.example": "employee@council.example"}


def _private_key_pem() -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


LOGIN_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Council identity provider</title></head>
<body><main><h1>Council identity provider</h1>
<form method="post">{% csrf_token %}
<p><label for="id_username">Username</label> <input id="id_username" name="username" type="text"></p>
<p><label for="id_password">Password</label> <input id="id_password" name="password" type="password"></p>
{% if form.errors %}<p>Wrong username or password</p>{% endif %}
<input type="hidden" name="next" value="{{ next }}">
<button type="submit">Sign in to the provider</button></form></main></body></html>"""


def configure():
    from django.conf import settings

    settings.configure(
        DEBUG=False,
        SECRET_KEY="provider-only-" + uuid.uuid4().hex,
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=__name__,
        INSTALLED_APPS=[
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "django.contrib.sessions",
            "oauth2_provider",
        ],
        MIDDLEWARE=[
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
        ],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["PROVIDER_DB"]}},
        TEMPLATES=[
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "OPTIONS": {
                    "loaders": [("django.template.loaders.locmem.Loader", {"login.html": LOGIN_PAGE})],
                    "context_processors": ["django.template.context_processors.request"],
                },
            }
        ],
        LOGIN_URL="/login/",
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        USE_TZ=True,
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
        OAUTH2_PROVIDER={
            "OIDC_ENABLED": True,
            "OIDC_RSA_PRIVATE_KEY": _private_key_pem(),
            "OIDC_ISS_ENDPOINT": ISSUER,
            "PKCE_REQUIRED": True,
            "SCOPES": {"openid": "OpenID Connect", "email": "Email", "profile": "Profile"},
            "OAUTH2_VALIDATOR_CLASS": f"{__name__}.Validator",
        },
    )


configure()
import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.views import LoginView  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import include, path  # noqa: E402
from django.views.decorators.csrf import csrf_exempt  # noqa: E402
from jwcrypto import jwk, jwt  # noqa: E402
from oauth2_provider.models import get_application_model  # noqa: E402
from oauth2_provider.oauth2_validators import OAuth2Validator  # noqa: E402

STRANGE_KEY = jwk.JWK.generate(kty="RSA", size=2048)


class Validator(OAuth2Validator):
    # Every claim goes into the ID token, whatever the scope (amr and groups have none).
    oidc_claim_scope = None

    def get_additional_claims(self, request):
        amr, groups = PEOPLE.get(request.user.username, (["pwd"], []))
        who = request.user.username
        claims = {
            "email": CLAIMED_EMAIL.get(who, request.user.email),
            "email_verified": not who.startswith("unverified"),
            "name": who,
            "amr": amr,
            "groups": groups,
            # The same groups under another claim name, for a Herald configured to read that one.
            "council_groups": groups,
        }
        if who.startswith(("many-groups", "no-groups-claim")):
            del claims["groups"], claims["council_groups"]
        if who.startswith("many-groups"):
            claims["hasgroups"] = True
            claims["_claim_names"] = {"groups": "src1"}
        return claims

    def get_id_token_dictionary(self, token, token_handler, request):
        claims, expires = super().get_id_token_dictionary(token, token_handler, request)
        who = request.user.username
        if who.startswith("wrong-audience"):
            claims["aud"] = "someone-else"
        elif who.startswith("expired"):
            claims["exp"] = int(time.time()) - 600
            claims["iat"] = int(time.time()) - 1200
        elif who.startswith("bad-nonce"):
            claims["nonce"] = "a-nonce-from-another-sign-in"
        elif who.startswith("userinfo-only"):
            for name in ("email", "email_verified", "groups", "council_groups"):
                claims.pop(name, None)
        return claims, expires

    def finalize_id_token(self, id_token, token, token_handler, request):
        if not request.user.username.startswith("bad-signature"):
            return super().finalize_id_token(id_token, token, token_handler, request)
        claims, expires = self.get_id_token_dictionary(token, token_handler, request)
        id_token.update(**claims)
        if "nonce" not in id_token and request.nonce:
            id_token["nonce"] = request.nonce
        # The provider's key id, but someone else's key.
        header = {"typ": "JWT", "alg": "RS256", "kid": request.client.jwk_key.thumbprint()}
        signed = jwt.JWT(header=json.dumps(header), claims=json.dumps(id_token, default=str))
        signed.make_signed_token(STRANGE_KEY)
        self._save_id_token(id_token["jti"], request, expires)
        return signed.serialize()


@csrf_exempt
def add_redirect_uri(request):
    """Test-only: the live server's port is known only once it has started."""
    application = get_application_model().objects.get(client_id=CLIENT_ID)
    uris = set(application.redirect_uris.split())
    uris.add(request.POST["uri"])
    application.redirect_uris = " ".join(sorted(uris))
    application.save(update_fields=["redirect_uris"])
    return HttpResponse("ok")


urlpatterns = [
    path("o/", include("oauth2_provider.urls", namespace="oauth2_provider")),
    path("login/", LoginView.as_view(template_name="login.html")),
    path("test/redirect-uris", add_redirect_uri),
]


def seed():
    call_command("migrate", verbosity=0, interactive=False)
    people = get_user_model()
    for username in PEOPLE:
        people.objects.create_user(username=username, email=username, password=PASSWORD)
    get_application_model().objects.create(
        name="Herald",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        client_type="confidential",
        authorization_grant_type="authorization-code",
        redirect_uris=os.environ.get("PROVIDER_REDIRECT_URIS", "http://testserver/security/council-sign-in/callback/"),
        skip_authorization=True,
        algorithm="RS256",
    )


if __name__ == "__main__":
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application

    seed()

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadedWSGIServer(("127.0.0.1", PORT), QuietHandler)
    server.set_app(get_wsgi_application())
    print("ready", flush=True)
    sys.stdout.flush()
    server.serve_forever()
