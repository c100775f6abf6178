"""Signing in with the council's OpenID Connect provider — a real one, running on 127.0.0.1."""

import datetime as dt
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
import requests
import time_machine
from django.urls import reverse
from django.utils import timezone

from herald.audit.models import AuditEvent
from herald.people import services as people_services
from herald.people.roles import Role
from herald.signin.models import SignInEvent
from herald.signin.tests.conftest import sign_in_at_provider
from testing.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _signed_in_as(client):
    return client.get("/").wsgi_request.user


def _refusal():
    return SignInEvent.objects.filter(method=SignInEvent.Method.SSO).latest("at")


def test_someone_in_hrs_directory_signs_in_with_their_council_account(client, single_sign_on):
    # given
    person = PersonFactory(email="employee@council.example")
    # when
    response = sign_in_at_provider(client, single_sign_on, "employee@council.example")
    # then
    assert response.status_code == 302 and response["Location"] == "/"
    assert _signed_in_as(client) == person
    event = SignInEvent.objects.get(method=SignInEvent.Method.SSO)
    assert (event.person, event.result) == (person, SignInEvent.Result.SUCCEEDED)
    assert AuditEvent.objects.filter(action="person.signed_in", object_id=str(person.pk)).exists()


def test_the_sign_in_asks_for_the_code_flow_with_pkce_and_a_nonce(client, single_sign_on):
    started = client.get(reverse("signin:oidc_start"))
    asked = parse_qs(urlparse(started["Location"]).query)
    assert asked["response_type"] == ["code"]
    assert asked["code_challenge_method"] == ["S256"] and len(asked["code_challenge"][0]) >= 43
    assert len(asked["nonce"][0]) >= 32 and len(asked["state"][0]) >= 32


@pytest.mark.parametrize(
    "username, reason",
    [
        ("wrong-audience@council.example", "wrong audience"),
        ("expired@council.example", "expired"),
        ("bad-nonce@council.example", "nonce"),
        ("bad-signature@council.example", "signature"),
    ],
)
def test_a_token_herald_cannot_trust_is_refused(client, single_sign_on, username, reason):
    # given someone Herald knows, whose provider sends a token that must not be believed
    PersonFactory(email=username)
    # when
    response = sign_in_at_provider(client, single_sign_on, username)
    # then
    assert response["Location"] == reverse("login")
    assert not _signed_in_as(client).is_authenticated
    refusal = _refusal()
    assert refusal.result == SignInEvent.Result.REFUSED and reason in refusal.reason


def test_someone_not_in_hrs_directory_cannot_sign_in(client, single_sign_on):
    response = sign_in_at_provider(client, single_sign_on, "stranger@council.example")
    assert response["Location"] == reverse("login")
    assert "does not list you" in client.get(reverse("login")).content.decode()
    assert "not in HR's directory" in _refusal().reason
    assert not _signed_in_as(client).is_authenticated


def test_a_leaver_cannot_sign_in_even_though_the_provider_still_knows_them(client, single_sign_on, system_admin):
    # given
    leaver = PersonFactory(email="leaver@council.example")
    people_services.record_leaver(leaver, by=system_admin)
    # when
    response = sign_in_at_provider(client, single_sign_on, "leaver@council.example")
    # then
    assert response["Location"] == reverse("login")
    assert "leaver" in _refusal().reason
    assert not _signed_in_as(client).is_authenticated


def test_only_the_councils_email_domains_may_sign_in(client, single_sign_on, settings):
    settings.HERALD_OIDC_EMAIL_DOMAINS = ["council.example"]
    PersonFactory(email="outsider@elsewhere.example")
    response = sign_in_at_provider(client, single_sign_on, "outsider@elsewhere.example")
    assert response["Location"] == reverse("login")
    assert "domains" in _refusal().reason


def test_the_answer_cannot_be_used_twice(client, single_sign_on):
    PersonFactory(email="employee@council.example")
    response = sign_in_at_provider(client, single_sign_on, "employee@council.example")
    callback = response.wsgi_request.get_full_path()
    client.logout()
    again = client.get(callback)
    assert again["Location"] == reverse("login")
    assert not _signed_in_as(client).is_authenticated


def test_a_privileged_person_without_the_providers_mfa_still_needs_a_second_factor(client, single_sign_on):
    # given
    PersonFactory(email="comms@council.example", roles=[Role.COMMS])
    # when
    response = sign_in_at_provider(client, single_sign_on, "comms@council.example")
    # then
    assert response["Location"].startswith(reverse("signin:second_factor"))
    assert client.get(reverse("posts:stop")).status_code == 403


def test_the_providers_mfa_counts_as_the_second_factor(client, single_sign_on):
    # given the provider says (amr) it checked a second factor
    PersonFactory(email="mfa@council.example", roles=[Role.COMMS])
    # when
    response = sign_in_at_provider(client, single_sign_on, "mfa@council.example")
    # then
    assert response["Location"] == "/"
    assert client.get(reverse("posts:stop")).status_code == 200


def test_roles_follow_the_providers_groups_when_mapped(client, single_sign_on, settings):
    # given comms is mapped to a provider group, and HR is not mapped
    settings.HERALD_OIDC_GROUP_ROLES = {"sg-herald-comms": Role.COMMS, "sg-herald-editors": Role.EDITOR}
    member = PersonFactory(email="mfa@council.example", roles=[Role.EDITOR, Role.HR])
    # when
    sign_in_at_provider(client, single_sign_on, "mfa@council.example")
    # then the mapped roles follow the groups; the unmapped one is Herald's business
    member.refresh_from_db()
    member.__dict__.pop("roles", None)
    assert Role.COMMS in member.roles and Role.EDITOR not in member.roles and Role.HR in member.roles
    assert AuditEvent.objects.filter(action="role.granted", reason="From the identity provider's groups").exists()


def test_without_a_provider_herald_signs_in_with_passwords_only(client):
    page = client.get(reverse("login")).content.decode()
    assert "council account" not in page
    assert client.get(reverse("signin:oidc_start")).status_code == 404


def test_the_sign_in_page_offers_the_council_account_when_configured(client, single_sign_on):
    assert "Sign in with your council account" in client.get(reverse("login")).content.decode()


def test_someone_signed_in_with_the_council_account_confirms_with_it_before_a_sensitive_action(
    client, single_sign_on, settings
):
    # given someone signed in through the provider long enough ago that a sensitive action asks again
    PersonFactory(email="employee@council.example")
    sign_in_at_provider(client, single_sign_on, "employee@council.example")
    session = client.session
    session["_herald_confirmed_at"] = 0
    session.save()
    assert "Confirm with your council account" in client.get(reverse("signin:confirm")).content.decode()
    # when they confirm with the provider
    response = sign_in_at_provider(
        client, single_sign_on, "employee@council.example", start="/security/council-sign-in/?confirm=1&next=/people/"
    )
    # then they are back where they were going, freshly confirmed, in the same sign-in
    assert response["Location"] == "/people/"
    assert client.session["_herald_confirmed_at"] > 0
    assert SignInEvent.objects.filter(reason="confirmed before a sensitive action").exists()


def test_a_provider_whose_discovery_document_names_another_issuer_is_refused(client, single_sign_on, settings):
    # given Herald is told the issuer is at one address, but the provider there says it is another
    settings.HERALD_OIDC_ISSUER = f"http://localhost:{single_sign_on.port}/o"
    PersonFactory(email="employee@council.example")
    # when
    response = sign_in_at_provider(client, single_sign_on, "employee@council.example")
    # then
    assert response["Location"] == reverse("login")
    assert "another issuer" in _refusal().reason


def _a_sensitive_page_asks_to_confirm(client) -> bool:
    asked = client.post(reverse("signin:totp_remove"))
    return asked.status_code == 302 and asked["Location"].startswith(reverse("signin:confirm"))


def test_coming_back_from_a_provider_session_that_was_still_open_confirms_nothing(client, single_sign_on):
    # given someone signed in through the provider (whose session there stays open in this browser),
    # long enough ago that sensitive actions ask again
    PersonFactory(email="employee@council.example")
    browser = requests.Session()
    sign_in_at_provider(client, single_sign_on, "employee@council.example", browser=browser)
    session = client.session
    session["_herald_confirmed_at"] = 0
    session.save()
    # when whoever has the browser goes round the provider without being asked to confirm
    response = sign_in_at_provider(client, single_sign_on, "employee@council.example", browser=browser)
    # then they are still the same person, but nothing is confirmed: the sensitive action still asks
    assert response.status_code == 302
    assert _signed_in_as(client).email == "employee@council.example"
    assert _a_sensitive_page_asks_to_confirm(client)
    assert not SignInEvent.objects.filter(reason="confirmed before a sensitive action").exists()
    assert "did not ask the person to sign in again" in _refusal().reason


def test_a_confirmation_answered_by_an_old_provider_sign_in_confirms_nothing(client, single_sign_on):
    # given someone signed in through the provider a few minutes ago, whose provider session is still open
    PersonFactory(email="employee@council.example")
    browser = requests.Session()
    sign_in_at_provider(client, single_sign_on, "employee@council.example", browser=browser)
    session = client.session
    session["_herald_confirmed_at"] = 0
    session.save()
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=5), tick=True):
        # when a confirmation is started, but the provider is then visited without asking it to sign in again
        client.get("/security/council-sign-in/?confirm=1&next=/people/")
        response = sign_in_at_provider(client, single_sign_on, "employee@council.example", browser=browser)
        # then the provider's sign-in from before the confirmation started does not count
        assert response.status_code == 302
        assert _a_sensitive_page_asks_to_confirm(client)
    assert not SignInEvent.objects.filter(reason="confirmed before a sensitive action").exists()


def test_confirming_asks_the_provider_to_sign_in_again_even_with_its_session_open(client, single_sign_on):
    # given someone whose provider session is still open in this browser
    PersonFactory(email="employee@council.example")
    browser = requests.Session()
    sign_in_at_provider(client, single_sign_on, "employee@council.example", browser=browser)
    session = client.session
    session["_herald_confirmed_at"] = 0
    session.save()
    # when they confirm (the provider asks for the password again)
    response = sign_in_at_provider(
        client,
        single_sign_on,
        "employee@council.example",
        start="/security/council-sign-in/?confirm=1&next=/people/",
        browser=browser,
    )
    # then it counts
    assert response["Location"] == "/people/"
    assert not _a_sensitive_page_asks_to_confirm(client)


def test_an_email_address_the_provider_has_not_verified_is_refused(client, single_sign_on):
    # given someone in HR's directory whose address the provider says it has not verified
    PersonFactory(email="unverified@council.example")
    # when
    response = sign_in_at_provider(client, single_sign_on, "unverified@council.example")
    # then
    assert response["Location"] == reverse("login")
    assert not _signed_in_as(client).is_authenticated
    refusal = _refusal()
    assert refusal.result == SignInEvent.Result.REFUSED and "not verified" in refusal.reason


def test_another_provider_account_claiming_the_same_email_cannot_sign_in_as_them(client, single_sign_on):
    # given an employee who has signed in with their own provider account
    employee = PersonFactory(email="employee@council.example")
    sign_in_at_provider(client, single_sign_on, "employee@council.example")
    assert _signed_in_as(client) == employee
    client.logout()
    # when another account at the provider, which says it has the employee's email address, signs in
    response = sign_in_at_provider(client, single_sign_on, "impostor@council.example")
    # then it is refused, and the security log says why
    assert response["Location"] == reverse("login")
    assert not _signed_in_as(client).is_authenticated
    refusal = _refusal()
    assert refusal.result == SignInEvent.Result.REFUSED and "subject" in refusal.reason
    # and the employee's own account still works
    client.logout()
    sign_in_at_provider(client, single_sign_on, "employee@council.example")
    assert _signed_in_as(client) == employee


def test_groups_from_the_userinfo_endpoint_are_read_under_the_configured_claim(client, single_sign_on, settings):
    # given a provider that puts no email or groups in the ID token, and groups under a claim named by the council
    settings.HERALD_OIDC_GROUPS_CLAIM = "council_groups"
    settings.HERALD_OIDC_GROUP_ROLES = {"sg-herald-comms": Role.COMMS}
    person = PersonFactory(email="userinfo-only@council.example")
    # when
    sign_in_at_provider(client, single_sign_on, "userinfo-only@council.example")
    # then the group from the userinfo endpoint gave the role
    person.refresh_from_db()
    person.__dict__.pop("roles", None)
    assert Role.COMMS in person.roles


def test_a_link_to_the_callback_with_an_error_signs_nobody_out_and_writes_nothing_into_the_audit_trail(
    client, single_sign_on
):
    # given: someone signed in to Herald
    person = PersonFactory(email="employee@council.example")
    client.force_login(person)
    # when: they follow a link, from anywhere, to the callback carrying a made-up "error" from the provider
    forged = "Payment of 5000 pounds approved by the Section 151 officer"
    response = client.get(
        reverse("signin:oidc_callback"), {"error": "access_denied", "error_description": forged, "state": "x" * 32}
    )
    # then: they are still signed in, and the forged words are not in the permanent audit trail
    assert response.status_code == 302
    assert _signed_in_as(client) == person
    assert not AuditEvent.objects.filter(reason__contains="Section 151").exists()
    assert not AuditEvent.objects.filter(action="person.sign_in_failed").exists()
    # the security log (which has its own retention) still shows the provider's answer to ICT
    assert _refusal().result == SignInEvent.Result.REFUSED


def test_the_page_asked_for_survives_the_second_factor_with_its_whole_query(client, single_sign_on):
    # given someone who needs a second factor, sent to sign in from a filtered list
    PersonFactory(email="comms@council.example", roles=[Role.COMMS])
    asked_for = "/posts/?account=3&status=approved"
    # when they sign in with the council account
    response = sign_in_at_provider(
        client,
        single_sign_on,
        "comms@council.example",
        start="/security/council-sign-in/?" + urlencode({"next": asked_for}),
    )
    # then the second-factor page is asked to go back to the whole address, filters and all
    location = urlparse(response["Location"])
    assert location.path == reverse("signin:second_factor")
    assert parse_qs(location.query)["next"] == [asked_for]
