"""Wrong passwords sent at the same moment still meet the lockout (five per account) and the cap per
address: no more are checked against the password hasher than the limits allow."""

import threading

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.hashers import MD5PasswordHasher
from django.db import connection
from django.test import Client

from testing.factories import PASSWORD, PersonFactory

AT_ONCE = 24
SIGN_IN = "/sign-in/"


class CountingHasher(MD5PasswordHasher):
    """The tests' hasher, counting every password it is asked to check."""

    checked = 0
    _lock = threading.Lock()

    def verify(self, password: str, encoded: str) -> bool:
        with CountingHasher._lock:
            CountingHasher.checked += 1
        return super().verify(password, encoded)


@pytest.fixture
def counted(settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    CountingHasher.checked = 0
    return CountingHasher


def _send_at_once(posts: list[dict]) -> list[int]:
    start = threading.Barrier(len(posts))
    statuses: list[int] = []

    def send(data: dict):
        client = Client(REMOTE_ADDR="203.0.113.5")
        start.wait()
        try:
            statuses.append(client.post(SIGN_IN, data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(post,)) for post in posts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite runs one writer at a time")
@pytest.mark.django_db(transaction=True)
def test_twenty_four_wrong_passwords_sent_at_once_have_at_most_the_lockout_checked(counted):
    # given an officer's account
    officer = PersonFactory()
    counted.checked = 0
    # when twenty-four wrong passwords for it are sent at the same moment from one address
    statuses = _send_at_once([{"username": officer.email, "password": "Winter2026!"}] * AT_ONCE)
    # then only five reached the password check; the rest met the lockout
    assert counted.checked == django_settings.AXES_FAILURE_LIMIT
    assert set(statuses) == {200, 429}
    # and the right password is refused too from that address
    response = Client(REMOTE_ADDR="203.0.113.5").post(SIGN_IN, {"username": officer.email, "password": PASSWORD})
    assert "Your sign-in is locked" in response.content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite runs one writer at a time")
@pytest.mark.django_db(transaction=True)
def test_one_password_sprayed_at_many_accounts_at_once_meets_the_cap_per_address(counted):
    # given one address that has already tried a password against one account fewer than the cap
    limit = django_settings.HERALD_SIGN_IN_FAILURES_PER_ADDRESS
    sprayer = Client(REMOTE_ADDR="203.0.113.5")
    for person in PersonFactory.create_batch(limit - 1):
        sprayer.post(SIGN_IN, {"username": person.email, "password": "Winter2026!"})
    targets = PersonFactory.create_batch(AT_ONCE)
    counted.checked = 0
    # when it tries the password against twenty-four more accounts at the same moment
    statuses = _send_at_once([{"username": person.email, "password": "Winter2026!"} for person in targets])
    # then only one more password was checked: the others were refused for the address
    assert counted.checked == 1
    assert statuses.count(429) == AT_ONCE - 1
