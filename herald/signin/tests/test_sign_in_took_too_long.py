"""A single sign-on that comes back long after it started is refused, audited and explained."""

import datetime as dt
from urllib.parse import parse_qs, urljoin, urlparse

import pytest
import requests
import time_machine
from django.urls import reverse
from django.utils import timezone

from herald.audit.models import AuditEvent
from herald.signin import oidc
from herald.signin.models import SignInEvent
from testing.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _answer_from_provider(client, provider, username: str) -> str:
    """Start a sign-in at Herald, sign in at the provider, and return the address the provider sends the
    browser back to, without going there yet."""
    url = client.get(reverse("signin:oidc_start"))["Location"]
    browser = requests.Session()
    while url.startswith(f"http://127.0.0.1:{provider.port}"):
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
        url = urljoin(url, answer.headers["Location"])
    return url.removeprefix("http://testserver")


def test_an_answer_eleven_minutes_after_the_sign_in_started_is_refused_and_audited(client, single_sign_on):
    # given someone who started signing in with their council account at a pinned moment
    person = PersonFactory(email="employee@council.example")
    started = timezone.now()
    with time_machine.travel(started, tick=False):
        callback = _answer_from_provider(client, single_sign_on, "employee@council.example")
    # when the provider's answer comes back eleven minutes later
    with time_machine.travel(started + dt.timedelta(minutes=11), tick=False):
        response = client.get(callback)
        page = client.get(response["Location"]).content.decode()
        # then nobody is signed in, and the page says why and what to do
        assert response["Location"] == reverse("login")
        assert not client.get("/").wsgi_request.user.is_authenticated
    assert "took too long" in page and "Start again" in page
    refusal = SignInEvent.objects.filter(method=SignInEvent.Method.SSO).latest("at")
    assert refusal.result == SignInEvent.Result.REFUSED and "took too long" in refusal.reason
    audited = AuditEvent.objects.get(action="person.sign_in_failed")
    assert "took too long" in audited.reason
    assert not AuditEvent.objects.filter(action="person.signed_in", object_id=str(person.pk)).exists()
    # and the expired state is forgotten, so the same answer cannot be tried again
    assert callback.split("state=")[1].split("&")[0] not in client.session.get("oidc_states", {})


def test_an_answer_nine_minutes_after_the_sign_in_started_signs_in(client, single_sign_on):
    person = PersonFactory(email="employee@council.example")
    started = timezone.now()
    with time_machine.travel(started, tick=False):
        callback = _answer_from_provider(client, single_sign_on, "employee@council.example")
    with time_machine.travel(started + dt.timedelta(minutes=9), tick=False):
        response = client.get(callback)
        assert response["Location"] == "/"
        assert client.get("/").wsgi_request.user == person


def test_an_old_sign_in_waiting_in_the_browser_is_forgotten_when_another_comes_back(client, single_sign_on):
    # given a sign-in started and abandoned, then another started twenty minutes later
    PersonFactory(email="employee@council.example")
    started = timezone.now()
    with time_machine.travel(started, tick=False):
        client.get(reverse("signin:oidc_start"))
    with time_machine.travel(started + dt.timedelta(minutes=20), tick=False):
        callback = _answer_from_provider(client, single_sign_on, "employee@council.example")
        # when the second comes back in time
        client.get(callback)
    # then the abandoned one is no longer kept
    assert client.session.get("oidc_states") == {}
    assert oidc.forget_old_states(client.session) == set()
