"""Herald's settings, read from the environment only.

With nothing set, Herald runs locally on SQLite under ./var with a generated secret key.
`HERALD_ENV=production` turns on every deployment safeguard and refuses to start without
`SECRET_KEY`; `DATABASE_URL` switches to PostgreSQL. There is no per-environment settings file.
"""

import hashlib
import hmac
import ipaddress
import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("HERALD_VAR_DIR", BASE_DIR / "var"))


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def env_hour(name: str, default: int) -> int:
    """An hour of the day on the council's clock, 0 to 23 (a later one would stop every scheduled task)."""
    hour = env_int(name, default)
    if not 0 <= hour <= 23:
        raise ImproperlyConfigured(f"{name} must be an hour of the day from 0 to 23, not {hour}")
    return hour


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def _local_secret_key() -> str:
    # A laptop install keeps a random key on disk so sessions survive restarts.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


HERALD_ENV = env("HERALD_ENV", "local")
if HERALD_ENV not in {"local", "production"}:
    raise ImproperlyConfigured("HERALD_ENV must be 'local' or 'production'.")
PRODUCTION = HERALD_ENV == "production"

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when HERALD_ENV=production.")
    SECRET_KEY = _local_secret_key()

# The audit trail's hashes are keyed (HMAC-SHA256) so that someone who can write to the database
# cannot recompute them; the key therefore never goes into the database. Locally it is derived from
# SECRET_KEY; production must set it, and keep it (a restored backup verifies only with the same key).
HERALD_AUDIT_KEY = env("HERALD_AUDIT_KEY")
if not HERALD_AUDIT_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("HERALD_AUDIT_KEY must be set when HERALD_ENV=production.")
    HERALD_AUDIT_KEY = hmac.new(SECRET_KEY.encode(), b"herald audit key", hashlib.sha256).hexdigest()
# Signed checkpoints of the audit trail's newest event are appended here, outside the database.
HERALD_AUDIT_CHECKPOINT_DIR = Path(env("HERALD_AUDIT_CHECKPOINT_DIR", str(VAR_DIR / "audit-checkpoints")))

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The address people reach Herald at, for the links in emails. `manage.py serve` sets it from its own
# host and port when it is not configured; SITE_URL is the older name.
SITE_URL = env("HERALD_SITE_URL", env("SITE_URL", "http://127.0.0.1:8000")).rstrip("/")

COUNCIL_NAME = env("HERALD_COUNCIL_NAME", "Hinckley & Bosworth Borough Council")
COUNCIL_SHORT_NAME = env("HERALD_COUNCIL_SHORT_NAME", "HBBC")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "herald",
    "herald.audit",
    "herald.people",
    # before the process apps: its "two-factor sign-in needed" banner comes first
    "herald.signin",
    "herald.policies",
    "herald.social_accounts",
    "herald.consents",
    "herald.elections",
    "herald.posts",
    "herald.incidents",
    "herald.risks",
    # reads every app above for its figures; nothing imports it
    "herald.reports",
    "herald.moderation",
    "herald.connectors",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "herald.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "herald.signin.middleware.SecondFactorMiddleware",
    "herald.middleware.IdleSessionMiddleware",
    "herald.personal_data_caching.NoStoreForPersonalDataMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "herald.urls"
WSGI_APPLICATION = "herald.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "herald" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # Herald's one way of writing dates for people, on every template: |house_date, |house_datetime.
            "builtins": ["herald.templatetags.house"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "herald.navigation.context",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'herald.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # WAL lets the web server and the task worker read while the other writes;
    # IMMEDIATE transactions take the write lock up front instead of failing mid-way.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "people.Person"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "herald.signin.oidc.CouncilOIDCBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Lock a sign-in out after repeated failures (per account and address), for an hour.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# Behind a reverse proxy, the client's address is the right-most X-Forwarded-For hop that is not one
# of these proxies (addresses or CIDR ranges); without them REMOTE_ADDR is the client (herald/proxies.py).
HERALD_TRUSTED_PROXIES = env_list("HERALD_TRUSTED_PROXIES")
for _proxy in HERALD_TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError as _error:
        raise ImproperlyConfigured(f"HERALD_TRUSTED_PROXIES: {_proxy!r} is not an address or range ({_error})")
AXES_CLIENT_IP_CALLABLE = "herald.proxies.client_address"
# Password spraying tries a few passwords against many accounts: cap failures per address as well.
HERALD_SIGN_IN_FAILURES_PER_ADDRESS = env_int("HERALD_SIGN_IN_FAILURES_PER_ADDRESS", 20)

# Single sign-on with the council's OpenID Connect provider (docs/signin.md). Off unless an issuer
# and client id are set; password sign-in stays for everyone with a password.
HERALD_OIDC_ISSUER = env("HERALD_OIDC_ISSUER").rstrip("/")
HERALD_OIDC_CLIENT_ID = env("HERALD_OIDC_CLIENT_ID")
HERALD_OIDC_CLIENT_SECRET = env("HERALD_OIDC_CLIENT_SECRET")
HERALD_OIDC_SCOPES = env("HERALD_OIDC_SCOPES", "openid email profile")
HERALD_OIDC_BUTTON = env("HERALD_OIDC_BUTTON", "Sign in with your council account")
HERALD_OIDC_EMAIL_DOMAINS = [d.lower() for d in env_list("HERALD_OIDC_EMAIL_DOMAINS")]
HERALD_OIDC_GROUPS_CLAIM = env("HERALD_OIDC_GROUPS_CLAIM", "groups")
# "provider-group-id=role,…": those roles then follow the provider's groups at every sign-in.
HERALD_OIDC_GROUP_ROLES: dict[str, str] = {}
for _pair in env_list("HERALD_OIDC_GROUP_ROLES"):
    _group, _, _role = _pair.partition("=")
    if _role.strip() not in {
        "editor",
        "service_manager",
        "comms",
        "hr",
        "ict",
        "info_gov",
        "monitoring_officer",
        "safeguarding",
        "admin",
    }:
        raise ImproperlyConfigured(f"HERALD_OIDC_GROUP_ROLES: {_pair!r} does not map a group to a grantable role")
    HERALD_OIDC_GROUP_ROLES[_group.strip()] = _role.strip()
# The provider's `amr` values that count as a second factor (Entra ID says "mfa").
HERALD_OIDC_MFA_AMR = env_list("HERALD_OIDC_MFA_AMR", "mfa")
HERALD_OIDC_TIMEOUT = env_int("HERALD_OIDC_TIMEOUT", 10)
HERALD_OIDC_CLOCK_SKEW_SECONDS = env_int("HERALD_OIDC_CLOCK_SKEW_SECONDS", 60)
# A sign-in started with the provider must come back within this many minutes: an older state is refused.
HERALD_OIDC_STATE_MINUTES = env_int("HERALD_OIDC_STATE_MINUTES", 10)
# Directory sync pushed by the provider (SCIM 2.0 at /scim/v2/); off unless a bearer token is set.
HERALD_SCIM_TOKEN = env("HERALD_SCIM_TOKEN")
# Passkeys: the relying party is the address the browser used, unless set here (e.g. behind a proxy).
HERALD_WEBAUTHN_RP_ID = env("HERALD_WEBAUTHN_RP_ID")
HERALD_WEBAUTHN_ORIGIN = env("HERALD_WEBAUTHN_ORIGIN")
# Sensitive actions ask again for a password or second factor shown longer ago than this.
HERALD_REAUTH_MINUTES = env_int("HERALD_REAUTH_MINUTES", 15)
# Days the security log of sign-ins is kept (a daily task deletes older entries).
HERALD_SECURITY_LOG_KEEP_DAYS = env_int("HERALD_SECURITY_LOG_KEEP_DAYS", 365)

# Sessions end after an hour without activity and when the browser closes (IdleSessionMiddleware
# pushes the expiry back at most once a minute, rather than writing the session on every request).
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "herald.views.csrf_failure"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
else:
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", False)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", False)

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "static")))
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "herald" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
# Every request is bounded before any work is done. A form's fields (not its files) may take at most
# DATA_UPLOAD_MAX_MEMORY_SIZE: the longest text Herald accepts (a policy version, 200,000 characters)
# fits with room to spare, and anything larger is refused with a 413 page before it is parsed.
# Files are not counted: uploads over FILE_UPLOAD_MAX_MEMORY_SIZE stream to a temporary file, and the
# media library's own limits (HERALD_CONSENT_MAX_*_MB) judge them.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 1024 * 1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_TEMP_DIR = env("FILE_UPLOAD_TEMP_DIR") or None
# The longest text a post may have: the longest platform limit (Facebook, 63,206) with a margin. The
# policy-check engine never sees a longer text; the forms and the live check refuse it first.
HERALD_MAX_POST_CHARS = 70_000
# Library photos and videos one post or live check may carry.
HERALD_MAX_POST_MEDIA = 20
# The live check runs on a pause in typing (250 ms): a person cannot honestly ask more often than this.
# Counted per person in Django's cache (per worker process with the default local-memory cache).
HERALD_LIVE_CHECKS_PER_WINDOW = env_int("HERALD_LIVE_CHECKS_PER_WINDOW", 30)
# Django's cache holds short-lived counts (the live-check and inbox rate limits) and the sign-in
# provider's discovery document. By default each web process keeps its own (so a limit counts per
# process); HERALD_CACHE_URL=redis://host:6379/1 shares one cache between every process and host.
if env("HERALD_CACHE_URL"):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env("HERALD_CACHE_URL")}
    }
# The council's own Word template for the committee report (herald/reports/output.py; empty: Herald's).
HERALD_REPORT_TEMPLATE = env("HERALD_REPORT_TEMPLATE")
# The consent and media library limits (defaults in herald/consents/conf.py, listed in docs/consents.md):
# each whole-number one may be set from the environment; unset, the default stands.
for _name in (
    "HERALD_CONSENT_GUARDIAN_UNDER",
    "HERALD_CONSENT_COSIGN_FROM",
    "HERALD_CONSENT_RETENTION_DAYS",
    "HERALD_CONSENT_ERASE_AFTER_DAYS",
    "HERALD_CONSENT_TAKEDOWN_HOURS",
    "HERALD_CONSENT_MAX_IMAGE_MB",
    "HERALD_CONSENT_MAX_IMAGE_MEGAPIXELS",
    "HERALD_CONSENT_MAX_VIDEO_MB",
    "HERALD_CONSENT_MAX_SCAN_MB",
    "HERALD_CONSENT_WITHDRAW_ATTEMPTS_PER_HOUR",
    "HERALD_CONSENT_ATTEMPTS_PER_URN_PER_HOUR",
    "HERALD_CONSENT_GIVE_PER_HOUR",
):
    if os.environ.get(_name):
        globals()[_name] = env_int(_name, 0)
HERALD_LIVE_CHECK_WINDOW_SECONDS = 10
# Someone who joins an open acknowledgement campaign's audience late (a new starter, a mover, a new
# editor), or comes back to it, has at least this many days to acknowledge: a due date of their own
# when the campaign's is sooner, so nobody is chased as overdue on the day they are first asked.
HERALD_POLICY_JOINER_DAYS = env_int("HERALD_POLICY_JOINER_DAYS", 14)

# Every email goes through the task queue (herald/mail.py): a mail server that is down delays an
# email, retried with backoff, but never fails a page or loses the email. EMAIL_BACKEND in the
# environment names the backend that really sends.
EMAIL_BACKEND = "herald.mail.QueuedEmailBackend"
HERALD_EMAIL_DELIVERY_BACKEND = env(
    "EMAIL_BACKEND",
    # Locally (the demo) mail is kept in an outbox page for the administrators and never sent.
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "herald.mail.OutboxBackend",
)
HERALD_EMAIL_MAX_ATTEMPTS = env_int("HERALD_EMAIL_MAX_ATTEMPTS", 6)
HERALD_EMAIL_KEEP_DAYS = env_int("HERALD_EMAIL_KEEP_DAYS", 14)
HERALD_EMAIL_RETRY_SECONDS = env_int("HERALD_EMAIL_RETRY_SECONDS", 60)
# The hour (UK time) from which each day's digest is sent to people who chose one email a day.
HERALD_DIGEST_HOUR = env_hour("HERALD_DIGEST_HOUR", 7)
# The hour (UK time) each morning Information Governance is emailed the subject access requests overdue
# or due within a week: once a day, whenever the scheduler was started.
HERALD_SUBJECT_ACCESS_REMINDER_HOUR = env_hour("HERALD_SUBJECT_ACCESS_REMINDER_HOUR", 8)
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# A mail server that accepts the connection and then hangs must not hold a task worker for ever.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Herald <herald@hinckley-bosworth.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where staff replies to Herald's notification emails go: the communications team's mailbox (the
# sending address above is not read).
HERALD_COMMS_REPLY_TO = env("HERALD_COMMS_REPLY_TO", "Communications Team <communications@hinckley-bosworth.example>")

TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
# Scaling out (docs/moderation.md): TASKS_BACKEND=django_tasks_rq.RQBackend queues tasks in Redis, and
# workers on any machine run them with `manage.py rqworker default --job-class django_tasks_rq.backend.Job`.
# A Redis host that does not answer is given up on after 5 seconds (an email is kept and queued again
# later), so it never holds a page for minutes. django-rq passes only the URL to Redis, so the timeout
# goes in the URL's query, unless REDIS_URL sets its own.
_REDIS_URL = env("REDIS_URL", "redis://127.0.0.1:6379/0")
if "socket_connect_timeout=" not in _REDIS_URL:
    _REDIS_URL += ("&" if "?" in _REDIS_URL else "?") + "socket_connect_timeout=5"
RQ_QUEUES = {"default": {"URL": _REDIS_URL, "DEFAULT_TIMEOUT": 600}}
if TASKS["default"]["BACKEND"] == "django_tasks_rq.RQBackend":
    INSTALLED_APPS.append("django_rq")
# A task worker (`manage.py run_worker`) says it is alive every HERALD_WORKER_HEARTBEAT_SECONDS. A
# RUNNING task whose worker has not been seen for HERALD_WORKER_LOST_AFTER seconds is put back on the
# queue by the scheduler, at most HERALD_TASK_MAX_ATTEMPTS runs in all, then marked failed.
HERALD_WORKER_HEARTBEAT_SECONDS = env_int("HERALD_WORKER_HEARTBEAT_SECONDS", 10)
HERALD_WORKER_LOST_AFTER = env_int("HERALD_WORKER_LOST_AFTER", 60)

# Platform connectors (docs/connectors.md): their secrets live in this TOML/JSON file and/or the
# HERALD_SECRETS environment variable, never in the database.
HERALD_SECRETS_FILE = env("HERALD_SECRETS_FILE", "")
HERALD_YOUTUBE_POLL_SECONDS = env_int("HERALD_YOUTUBE_POLL_SECONDS", 300)
# Deliveries that brought no comment (likes, edits) are kept this long, for tracing, then deleted.
HERALD_EMPTY_DELIVERY_DAYS = env_int("HERALD_EMPTY_DELIVERY_DAYS", 30)
HERALD_TASK_MAX_ATTEMPTS = env_int("HERALD_TASK_MAX_ATTEMPTS", 3)

# The moderation inbox: the council's business hours ("08:45-17:00 Mon-Fri"; bank holidays and the
# elections calendar's non-working days never count), the response target per kind of comment in
# business minutes, and who is told at once of a safeguarding concern (comma-separated addresses).
MODERATION_BUSINESS_HOURS = env("MODERATION_BUSINESS_HOURS", "08:45-17:00 Mon-Fri")
MODERATION_RESPONSE_MINUTES = {
    "comment": env_int("MODERATION_RESPONSE_MINUTES", 8 * 60),
    "reply": env_int("MODERATION_RESPONSE_MINUTES", 8 * 60),
    "mention": env_int("MODERATION_RESPONSE_MINUTES", 8 * 60),
    "message": env_int("MODERATION_MESSAGE_RESPONSE_MINUTES", 4 * 60),
}
MODERATION_SAFEGUARDING_LEAD = env_list("MODERATION_SAFEGUARDING_LEAD", "safeguarding@hinckley-bosworth.example")
# Evidence kept before a comment is hidden or deleted: six years by default (the limitation period
# for most civil claims), then the nightly retention task removes it.
MODERATION_EVIDENCE_KEEP_DAYS = env_int("MODERATION_EVIDENCE_KEEP_DAYS", 6 * 365 + 2)
# Someone on a comment's page is shown to others for this long after the page last said so.
MODERATION_PRESENCE_SECONDS = env_int("MODERATION_PRESENCE_SECONDS", 30)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.server": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        # WeasyPrint logs every step of every PDF it prints
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# What each app adds to the site (navigation, periodic tasks, demo data, home panels, banners) is
# declared on its AppConfig, and how apps react to each other (a consent withdrawn, a person leaving)
# is registered in code in its ready(): see herald/apps.py and docs/extending.md.
