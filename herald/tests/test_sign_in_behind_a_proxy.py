"""Sign-in lockouts and rate limits count the real client behind the reverse proxy, and one address
trying a few passwords against many accounts is stopped."""

import pytest
from django.test import Client, RequestFactory

from testing.factories import PASSWORD, PersonFactory

PROXY = "10.0.0.2"


@pytest.fixture
def behind_the_proxy(settings):
    settings.HERALD_TRUSTED_PROXIES = ["10.0.0.0/24", "::1"]
    return settings


def _from(client_ip: str, *, via_proxy: bool = True) -> Client:
    if via_proxy:
        return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=client_ip)
    return Client(REMOTE_ADDR=client_ip)


def _request(remote_addr: str, forwarded_for: str = ""):
    return RequestFactory().get("/", REMOTE_ADDR=remote_addr, HTTP_X_FORWARDED_FOR=forwarded_for)


def test_the_client_is_the_right_most_hop_the_trusted_proxy_did_not_write(behind_the_proxy):
    from herald.proxies import client_address

    assert client_address(_request(PROXY, "203.0.113.5")) == "203.0.113.5"
    # a client cannot choose its address by writing its own X-Forwarded-For hops
    assert client_address(_request(PROXY, "198.51.100.1, 203.0.113.5")) == "203.0.113.5"
    assert client_address(_request(PROXY, "203.0.113.5, 10.0.0.7")) == "203.0.113.5"
    # a request that did not come through the proxy is believed only about REMOTE_ADDR
    assert client_address(_request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"
    assert client_address(_request(PROXY, "not-an-address")) == PROXY


@pytest.mark.django_db
def test_a_lockout_behind_the_proxy_locks_one_client_not_everyone(behind_the_proxy, employee):
    attacker = _from("203.0.113.5")
    for _ in range(5):
        attacker.post("/sign-in/", {"username": employee.email, "password": "wrong password"})
    assert (
        "Your sign-in is locked"
        in attacker.post("/sign-in/", {"username": employee.email, "password": PASSWORD}).content.decode()
    )
    colleague = _from("198.51.100.7")
    colleague.post("/sign-in/", {"username": employee.email, "password": PASSWORD})
    assert "_auth_user_id" in colleague.session


@pytest.mark.django_db
def test_writing_a_new_forwarded_address_each_time_does_not_escape_the_lockout(employee):
    for n in range(5):
        Client(REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").post(
            "/sign-in/", {"username": employee.email, "password": "wrong password"}
        )
    client = Client(REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="198.51.100.99")
    client.post("/sign-in/", {"username": employee.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_one_address_trying_a_password_against_many_accounts_is_stopped(behind_the_proxy, employee):
    behind_the_proxy.HERALD_SIGN_IN_FAILURES_PER_ADDRESS = 6
    sprayer = _from("203.0.113.5")
    for person in PersonFactory.create_batch(6):
        sprayer.post("/sign-in/", {"username": person.email, "password": "Winter2026!"})
    response = sprayer.post("/sign-in/", {"username": employee.email, "password": PASSWORD})
    assert response.status_code == 429 and "Your sign-in is locked" in response.content.decode()
    assert "_auth_user_id" not in sprayer.session
    # everyone else in the council still signs in
    colleague = _from("198.51.100.7")
    colleague.post("/sign-in/", {"username": employee.email, "password": PASSWORD})
    assert "_auth_user_id" in colleague.session


def test_failures_that_only_name_the_proxy_never_lock_out_the_whole_council(behind_the_proxy, employee, settings):
    # given a proxy that forwards no client address, so every attempt seems to come from the proxy itself
    settings.HERALD_SIGN_IN_FAILURES_PER_ADDRESS = 3
    for person in PersonFactory.create_batch(4):
        _from("", via_proxy=False).post(
            "/sign-in/", {"username": person.email, "password": "Winter2026!"}, REMOTE_ADDR=PROXY
        )
    # when a colleague signs in through the same proxy
    colleague = Client(REMOTE_ADDR=PROXY)
    response = colleague.post("/sign-in/", {"username": employee.email, "password": PASSWORD})
    # then the per-address cap does not lock everyone out (each account's own lockout still applies)
    assert response.status_code == 302 and "_auth_user_id" in colleague.session
