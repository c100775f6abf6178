"""Sign-in journeys in real Chromium: the council's provider, an authenticator app, a recovery code,
a passkey on Chromium's virtual authenticator, and confirming before a sensitive action."""

import datetime as dt
import re
import time

import pyotp
import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from herald.people.roles import Role
from herald.signin.models import Passkey, TotpDevice
from testing.factories import PASSWORD, PersonFactory

pytestmark = pytest.mark.browser


def _password(page, person):
    page.goto("/sign-in/")
    page.get_by_label("Email address").fill(person.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def _sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()


def test_signing_in_through_the_councils_provider(page, assert_accessible, live_server, single_sign_on):
    # given Herald set up for the council's provider, and someone in HR's directory
    single_sign_on.allow_redirect_to(f"{live_server.url}/security/council-sign-in/callback/")
    person = PersonFactory(email="employee@council.example", first_name="Erin")
    # when they choose the council account and sign in at the provider
    page.goto("/sign-in/")
    assert_accessible(page)
    page.get_by_role("link", name="Sign in with your council account").click()
    page.get_by_label("Username").fill(person.email)
    page.get_by_label("Password").fill(single_sign_on.password)
    page.get_by_role("button", name="Sign in to the provider").click()
    page.wait_for_load_state()
    # then they are back in Herald, signed in
    assert page.url == f"{live_server.url}/"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Hello, Erin")
    assert_accessible(page)


def test_setting_up_an_authenticator_app_then_signing_in_with_it_and_with_a_recovery_code(page, assert_accessible):
    # given an HR officer with no second factor yet
    hr = PersonFactory(roles=[Role.HR], first_name="Hana")
    _password(page, hr)
    assert "Set up two-factor sign-in" in page.get_by_role("heading", level=1).inner_text()
    assert_accessible(page)
    # when they set up their app
    page.get_by_role("link", name="Use an authenticator app on your phone").click()
    assert_accessible(page)
    app = pyotp.TOTP(page.locator("[data-totp-secret]").get_attribute("data-totp-secret"))
    page.get_by_label("Code from your authenticator app").fill(app.now())
    page.get_by_role("button", name="Set up").click()
    # then they see their recovery codes once, and have their HR role
    assert page.get_by_role("heading", level=1).inner_text() == "Your recovery codes"
    assert_accessible(page)
    codes = page.locator("[data-recovery-codes] code").all_inner_texts()
    assert len(codes) == 10
    page.get_by_role("link", name="I have saved my recovery codes").click()
    expect(page.get_by_role("link", name="People")).to_have_count(1)
    # when they sign in again, with the app's next code
    _sign_out(page)
    _password(page, hr)
    assert_accessible(page)
    page.get_by_label("Code from your authenticator app").fill(app.at(time.time() + 30))
    page.get_by_role("button", name="Continue").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Hello, Hana")
    # and once more, having lost the phone: a recovery code
    _sign_out(page)
    _password(page, hr)
    page.get_by_role("link", name="use a recovery code").click()
    assert_accessible(page)
    page.get_by_label("Recovery code").fill(codes[0])
    page.get_by_role("button", name="Continue").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Hello, Hana")
    assert "9 left" in page.locator(".govuk-notification-banner").first.inner_text()


def test_a_passkey_on_chromiums_virtual_authenticator(page, assert_accessible):
    # given a browser with a platform authenticator, and an ICT officer with no second factor
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    ict = PersonFactory(roles=[Role.ICT], first_name="Ira")
    _password(page, ict)
    # when they add a passkey
    page.get_by_role("link", name="Use a passkey or security key").click()
    assert_accessible(page)
    page.get_by_label("Name for this passkey").fill("Work laptop")
    page.get_by_role("button", name="Add the passkey").click()
    # then it is theirs, and they have their ICT role
    expect(page.locator(".govuk-notification-banner").first).to_contain_text("Passkey added")
    assert Passkey.objects.filter(person=ict, name="Work laptop").exists()
    # when they sign in again with it
    _sign_out(page)
    _password(page, ict)
    page.get_by_role("link", name="Use a passkey or security key").click()
    assert_accessible(page)
    page.get_by_role("button", name="Use my passkey").click()
    # (the page's script asks the authenticator, then sends the form: wait for the page it lands on)
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Hello, Ira"))
    assert Passkey.objects.get(person=ict).last_used_at is not None


def test_granting_a_role_asks_the_administrator_to_confirm_after_fifteen_minutes(
    page, sign_in, assert_accessible, system_admin
):
    # given an administrator who signed in 16 minutes ago
    person = PersonFactory(first_name="Gwen", last_name="Granted")
    start = timezone.now()
    with time_machine.travel(start - dt.timedelta(minutes=16)):
        sign_in(page, system_admin)
    assert TotpDevice.objects.filter(person=system_admin).exists()
    # when they open someone's roles
    page.goto(f"/people/{person.pk}/roles/")
    # then Herald asks who they are first
    assert page.get_by_role("heading", level=1).inner_text() == "Confirm it's you"
    assert_accessible(page)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Roles for Gwen Granted"
    page.get_by_label("Communications team").check()
    page.get_by_label("Reason").fill("Joined the comms team")
    page.get_by_role("button", name="Save roles").click()
    assert "Roles for Gwen Granted updated" in page.locator(".govuk-notification-banner").first.inner_text()
