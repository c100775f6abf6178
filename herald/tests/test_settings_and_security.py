import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args, **env):
    full_env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in ("DATABASE_URL", "SECRET_KEY", "HERALD_ENV", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE", "HERALD_AUDIT_KEY")
    }
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=120
    )


def test_production_mode_passes_the_deployment_check(tmp_path):
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        HERALD_ENV="production",
        SECRET_KEY="k" * 20 + "x9!Qz-" * 8,
        ALLOWED_HOSTS="herald.council.example",
        HERALD_AUDIT_KEY="a" * 64,
        HERALD_VAR_DIR=str(tmp_path),
        STATIC_ROOT=str(tmp_path / "static"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = _manage("check", HERALD_ENV="production", HERALD_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_an_audit_key(tmp_path):
    result = _manage("check", HERALD_ENV="production", SECRET_KEY="k" * 50, HERALD_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "HERALD_AUDIT_KEY must be set" in result.stderr


def test_every_page_carries_a_strict_content_security_policy(client, db):
    response = client.get("/sign-in/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_forms_refuse_a_post_without_the_csrf_token(db, employee):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/sign-in/", {"username": employee.email, "password": "x"})
    assert response.status_code == 403
    assert "The form has expired" in response.content.decode()


def test_repeated_wrong_passwords_lock_the_sign_in(client, employee):
    from testing.factories import PASSWORD

    for _ in range(5):
        client.post("/sign-in/", {"username": employee.email, "password": "wrong password"})
    response = client.post("/sign-in/", {"username": employee.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert "Your sign-in is locked" in response.content.decode()


def test_a_correct_password_signs_in_and_lands_on_the_home_page(client, employee):
    from testing.factories import PASSWORD

    response = client.post("/sign-in/", {"username": employee.email.upper(), "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/"
    assert f"Hello, {employee.first_name}" in response.content.decode()


def test_an_expired_session_sends_the_person_back_to_sign_in(client, employee):
    client.force_login(employee)
    assert client.get("/").status_code == 200
    Session.objects.update(expire_date=timezone.now() - timezone.timedelta(seconds=1))
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")


def test_sign_out_ends_the_session(client, employee):
    client.force_login(employee)
    client.post("/sign-out/")
    assert client.get("/").status_code == 302


@pytest.mark.parametrize("path", ["/", "/people/", "/audit/"])
def test_pages_need_a_sign_in(client, db, path):
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/?next=")


def test_the_health_check_answers_without_sign_in(client, db):
    assert client.get("/health/").json() == {"status": "ok"}


def test_the_health_check_answers_an_oversized_query_or_body_with_its_usual_answer_or_a_refusal(db, settings):
    from django.test import Client

    # as in production: a POST must carry the form's token (the test client leaves that check out)
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    too_big = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE * 3)

    long_query = client.get("/health/", {"q": "y" * 200_000, **{f"f{n}": "1" for n in range(5000)}})
    get_with_a_body = client.generic("GET", "/health/", too_big, content_type="application/x-www-form-urlencoded")
    posted_form = client.post("/health/", "a=" + too_big, content_type="application/x-www-form-urlencoded")
    posted_json = client.post("/health/", too_big, content_type="application/json")

    for answer in (long_query, get_with_a_body, posted_form, posted_json):
        # its usual answer, or a refusal with a 4xx: never a server error
        assert answer.status_code == 200 and answer.json() == {"status": "ok"} or 400 <= answer.status_code < 500
    assert long_query.status_code == get_with_a_body.status_code == 200  # nothing there is read
    assert posted_form.status_code == posted_json.status_code == 403  # no token: refused before the body is read


def test_a_server_error_shows_the_council_error_page(client, db, settings):
    from django.test import RequestFactory

    from herald.views import error_500

    response = error_500(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Sorry, there is a problem with Herald" in response.content.decode()


def test_an_imported_person_sets_their_first_password_by_email_link(client, employee):
    import re

    from django.core import mail

    from herald.audit.models import AuditEvent

    employee.set_unusable_password()
    employee.save()
    client.post("/password/forgotten/", {"email": employee.email.upper()})
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [employee.email]
    link = re.search(r"http://[^/]+(/password/set/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    set_url = form_page.redirect_chain[-1][0]
    short = client.post(set_url, {"new_password1": "short", "new_password2": "short"})
    assert "There is a problem" in short.content.decode()
    done = client.post(set_url, {"new_password1": "Bosworth-field-1485", "new_password2": "Bosworth-field-1485"})
    assert done.status_code == 302
    employee.refresh_from_db()
    assert employee.check_password("Bosworth-field-1485")
    assert AuditEvent.objects.filter(action="person.password_set", object_id=str(employee.pk)).exists()


def test_asking_for_a_link_for_an_unknown_address_says_the_same_and_sends_nothing(client, db):
    from django.core import mail

    response = client.post("/password/forgotten/", {"email": "nobody@council.example"}, follow=True)
    assert "Check your email" in response.content.decode()
    assert mail.outbox == []


def test_a_leaver_cannot_get_a_password_link(client, employee):
    from django.core import mail

    employee.is_active = False
    employee.save()
    client.post("/password/forgotten/", {"email": employee.email})
    assert mail.outbox == []


def test_the_home_page_names_the_persons_roles(client, comms_officer):
    client.force_login(comms_officer)
    assert "as Communications team, Employee." in client.get("/").content.decode()


def test_an_active_session_is_kept_alive_without_a_write_on_every_request(client, employee):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(employee)
    client.get("/")  # the first request records the activity
    first_expiry = Session.objects.get().expire_date
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert not any(q["sql"].startswith("UPDATE") and "django_session" in q["sql"] for q in queries.captured_queries)
    assert Session.objects.get().expire_date == first_expiry
    # a minute later the next request pushes the expiry back
    session = client.session
    session["_herald_touched"] = 0
    session.save()
    client.get("/")
    assert Session.objects.get().expire_date > first_expiry


def test_a_trusted_proxy_setting_that_is_not_an_address_stops_herald_at_start(tmp_path):
    result = _manage("check", HERALD_TRUSTED_PROXIES="10.0.0.0/24,proxy.internal", HERALD_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "HERALD_TRUSTED_PROXIES: 'proxy.internal' is not an address or range" in result.stderr


def _setting_seen(code: str, tmp_path, **env) -> str:
    result = _manage("shell", "-c", code, HERALD_VAR_DIR=str(tmp_path), **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_a_council_sets_the_media_library_limits_and_its_word_template_from_the_environment(tmp_path):
    read = (
        "from herald.consents import conf; from herald.reports import output; "
        "print(conf.get('HERALD_CONSENT_MAX_IMAGE_MEGAPIXELS'), conf.get('HERALD_CONSENT_TAKEDOWN_HOURS'), "
        "output.template_path().name)"
    )
    assert _setting_seen(read, tmp_path) == "40 48 council-template.docx"
    changed = _setting_seen(
        read,
        tmp_path,
        HERALD_CONSENT_MAX_IMAGE_MEGAPIXELS="12",
        HERALD_CONSENT_TAKEDOWN_HOURS="24",
        HERALD_REPORT_TEMPLATE=str(tmp_path / "our-template.docx"),
    )
    assert changed == "12 24 our-template.docx"


def test_a_number_setting_that_is_not_a_number_names_itself(tmp_path):
    result = _manage("check", HERALD_VAR_DIR=str(tmp_path), HERALD_CONSENT_MAX_VIDEO_MB="lots")
    assert result.returncode != 0
    assert "HERALD_CONSENT_MAX_VIDEO_MB must be a whole number, not 'lots'" in result.stderr


def test_with_a_shared_cache_a_count_made_by_one_web_process_is_seen_by_another(tmp_path):
    """HERALD_CACHE_URL (the real Redis here) makes the live-check limit count across processes."""
    key = f"herald-test-shared-{os.getpid()}-{tmp_path.name}"
    shared = {"HERALD_CACHE_URL": "redis://127.0.0.1:6379/14"}
    counting = f"from django.core.cache import cache; cache.add('{key}', 0, 60); print(cache.incr('{key}'))"
    assert _setting_seen(counting, tmp_path, **shared) == "1"
    assert _setting_seen(counting, tmp_path, **shared) == "2"
    # without it, each process starts again from nothing
    alone = counting.replace(key, key + "-alone")
    assert _setting_seen(alone, tmp_path) == "1"
    assert _setting_seen(alone, tmp_path) == "1"


@pytest.mark.parametrize("name", ["HERALD_DIGEST_HOUR", "HERALD_SUBJECT_ACCESS_REMINDER_HOUR"])
def test_an_hour_of_the_day_past_23_is_refused_before_it_can_stop_the_scheduler(tmp_path, name):
    result = _manage("check", HERALD_VAR_DIR=str(tmp_path), **{name: "24"})
    assert result.returncode != 0
    assert f"{name} must be an hour of the day from 0 to 23, not 24" in result.stderr
