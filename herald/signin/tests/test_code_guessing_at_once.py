"""Wrong second-factor codes sent at the same moment still meet the limit of five in fifteen minutes."""

import threading
import time

import pyotp
import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from herald.people.roles import Role
from herald.signin import services
from herald.signin.models import SignInEvent, TotpDevice
from testing.factories import PASSWORD, PersonFactory

AT_ONCE = 24


def _wrong_code(secret: str) -> str:
    """A six-digit code that is none of the ones the app would accept now."""
    app = pyotp.TOTP(secret)
    step = int(time.time()) // services.TOTP_STEP
    right = {app.at((step + shift) * services.TOTP_STEP) for shift in (-2, -1, 0, 1, 2)}
    return next(code for code in (f"{n:06d}" for n in range(1000, 10**6, 7919)) if code not in right)


def _send_at_once(posts: list[tuple[str, dict]], cookies) -> list[int]:
    start = threading.Barrier(len(posts))
    statuses: list[int] = []

    def send(url: str, data: dict):
        client = Client()
        client.cookies = cookies
        start.wait()
        try:
            statuses.append(client.post(url, data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=post) for post in posts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def _signed_in_with_app() -> tuple[object, Client, str]:
    ict = PersonFactory(roles=[Role.ICT])
    secret = services.new_totp_secret()
    services.set_up_totp(ict, secret=secret, code=pyotp.TOTP(secret).now())
    TotpDevice.objects.filter(person=ict).update(used_steps=[])
    client = Client()
    client.post(reverse("login"), {"username": ict.email, "password": PASSWORD})
    return ict, client, secret


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite runs one writer at a time")
@pytest.mark.django_db(transaction=True)
def test_twenty_four_wrong_app_codes_sent_at_once_have_at_most_five_checked():
    # given an ICT officer's password, and their authenticator app's codes to guess
    ict, client, secret = _signed_in_with_app()
    url, wrong = reverse("signin:second_factor"), {"code": _wrong_code(secret)}
    # when four wrong codes are sent one by one, then twenty-four at the same moment
    for _ in range(services.SECOND_FACTOR_TRIES - 1):
        client.post(url, wrong)
    statuses = _send_at_once([(url, wrong)] * AT_ONCE, client.cookies)
    # then only one of the twenty-four was checked: the others were refused for too many tries (security log)
    events = SignInEvent.objects.filter(person=ict, method=SignInEvent.Method.TOTP)
    assert statuses == [200] * AT_ONCE
    assert events.filter(result=SignInEvent.Result.FAILED).count() == services.SECOND_FACTOR_TRIES
    assert events.filter(result=SignInEvent.Result.REFUSED).count() == AT_ONCE - 1
    # and the right code is refused too, until the window has passed
    right = client.post(reverse("signin:second_factor"), {"code": pyotp.TOTP(secret).now()})
    assert services.TOO_MANY_TRIES in right.content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite runs one writer at a time")
@pytest.mark.django_db(transaction=True)
def test_wrong_recovery_codes_and_app_codes_sent_at_once_share_the_five():
    # given an ICT officer's password, with four wrong recovery codes already tried
    ict, client, secret = _signed_in_with_app()
    recovery, app = reverse("signin:recovery_code"), reverse("signin:second_factor")
    for _ in range(services.SECOND_FACTOR_TRIES - 1):
        client.post(recovery, {"code": "abcde-fghjk"})
    # when twelve wrong recovery codes and twelve wrong app codes are sent at the same moment
    half = AT_ONCE // 2
    posts = [(recovery, {"code": "abcde-fghjk"})] * half + [(app, {"code": _wrong_code(secret)})] * half
    statuses = _send_at_once(posts, client.cookies)
    # then only one of them was checked, whichever it was
    events = SignInEvent.objects.filter(
        person=ict, method__in=[SignInEvent.Method.RECOVERY_CODE, SignInEvent.Method.TOTP]
    )
    assert statuses == [200] * AT_ONCE
    assert events.filter(result=SignInEvent.Result.FAILED).count() == services.SECOND_FACTOR_TRIES
    assert events.filter(result=SignInEvent.Result.REFUSED).count() == AT_ONCE - 1
