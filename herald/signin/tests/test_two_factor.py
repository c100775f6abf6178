"""Two-factor sign-in: privileged roles wait for a second factor; codes, recovery codes, replays."""

import datetime as dt

import pyotp
import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.people.roles import Role
from herald.signin import services
from herald.signin.models import SignInEvent, TotpDevice
from testing.factories import PASSWORD, PersonFactory

pytestmark = pytest.mark.django_db


def _password_sign_in(person) -> tuple[Client, object]:
    client = Client()
    response = client.post(reverse("login"), {"username": person.email, "password": PASSWORD})
    return client, response


def _set_up_app(person) -> tuple[pyotp.TOTP, list[str]]:
    secret = services.new_totp_secret()
    app = pyotp.TOTP(secret)
    codes = services.set_up_totp(person, secret=secret, code=app.now())
    TotpDevice.objects.filter(person=person).update(used_steps=[])
    return app, codes


def test_a_privileged_person_without_a_second_factor_is_taken_to_set_one_up_and_works_without_their_roles():
    # given
    hr = PersonFactory(roles=[Role.HR])
    # when
    client, response = _password_sign_in(hr)
    # then
    assert response["Location"].startswith(reverse("signin:second_factor"))
    page = client.get(response["Location"]).content.decode()
    assert "Set up two-factor sign-in" in page and "HR" in page
    assert client.get(reverse("people:imports")).status_code == 403
    assert client.get(reverse("policies:index")).status_code == 200  # still an employee
    assert "Two-factor sign-in needed" in client.get("/").content.decode()


def test_setting_up_an_authenticator_app_gives_recovery_codes_and_the_roles():
    # given
    hr = PersonFactory(roles=[Role.HR])
    client, _ = _password_sign_in(hr)
    page = client.get(reverse("signin:totp_setup"))
    secret = page.content.decode().split('data-totp-secret="')[1].split('"')[0]
    # when
    response = client.post(reverse("signin:totp_setup"), {"code": pyotp.TOTP(secret).now()})
    # then
    assert response.status_code == 200
    shown = response.content.decode()
    assert "Your recovery codes" in shown and shown.count("<li><code>") == services.RECOVERY_CODE_COUNT
    assert client.get(reverse("people:imports")).status_code == 200
    assert AuditEvent.objects.filter(action="person.authenticator_set_up", object_id=str(hr.pk)).exists()


def test_a_wrong_first_code_sets_nothing_up():
    hr = PersonFactory(roles=[Role.HR])
    client, _ = _password_sign_in(hr)
    client.get(reverse("signin:totp_setup"))
    response = client.post(reverse("signin:totp_setup"), {"code": "000000"})
    assert "The code is not right" in response.content.decode()
    assert "govuk-error-summary" in response.content.decode()
    assert not TotpDevice.objects.filter(person=hr).exists()


def test_with_an_app_set_up_no_page_opens_until_the_code_is_given():
    # given
    ict = PersonFactory(roles=[Role.ICT])
    app, _ = _set_up_app(ict)
    client, response = _password_sign_in(ict)
    # then
    assert response["Location"].startswith(reverse("signin:second_factor"))
    assert client.get(reverse("policies:index"))["Location"].startswith(reverse("signin:second_factor"))
    # when
    wrong = client.post(reverse("signin:second_factor"), {"code": "123456"})
    right = client.post(reverse("signin:second_factor"), {"code": app.now(), "next": "/people/"})
    # then
    assert "The code is not right" in wrong.content.decode()
    assert right["Location"] == "/people/"
    assert client.get(reverse("signin:security_log")).status_code == 200
    results = list(SignInEvent.objects.filter(person=ict, method="totp").values_list("result", flat=True))
    assert sorted(results) == ["failed", "succeeded"]


def test_a_code_works_once():
    ict = PersonFactory(roles=[Role.ICT])
    app, _ = _set_up_app(ict)
    code = app.now()
    assert services.verify_totp(ict, code)
    assert not services.verify_totp(ict, code)


def test_a_recovery_code_signs_in_once():
    # given
    ict = PersonFactory(roles=[Role.ICT])
    _, codes = _set_up_app(ict)
    client, _ = _password_sign_in(ict)
    # when
    first = client.post(reverse("signin:recovery_code"), {"code": codes[0].upper()})
    other, _ = _password_sign_in(ict)
    again = other.post(reverse("signin:recovery_code"), {"code": codes[0]})
    # then
    assert first["Location"] == "/"
    assert "has been used" in again.content.decode()
    assert AuditEvent.objects.filter(action="person.recovery_code_used").count() == 1


def test_someone_without_a_privileged_role_signs_in_with_a_password_alone(employee):
    client, response = _password_sign_in(employee)
    assert response["Location"] == "/"
    assert client.get(reverse("policies:index")).status_code == 200


def test_the_authenticator_secret_is_not_kept_in_the_clear():
    ict = PersonFactory(roles=[Role.ICT])
    secret = services.new_totp_secret()
    services.set_up_totp(ict, secret=secret, code=pyotp.TOTP(secret).now())
    stored = TotpDevice.objects.get(person=ict).secret
    assert secret not in stored
    assert services.device_secret(TotpDevice.objects.get(person=ict)) == secret


def test_an_administrator_removes_the_second_factors_of_someone_who_lost_them(client, system_admin):
    # given an ICT officer who lost their phone and recovery codes, signed in somewhere
    ict = PersonFactory(roles=[Role.ICT])
    _set_up_app(ict)
    theirs, _ = _password_sign_in(ict)
    client.force_login(system_admin)
    url = reverse("signin:reset_second_factors", args=[ict.pk])
    # when the administrator gives no reason, then one
    refused = client.post(url, {"reason": ""})
    done = client.post(url, {"reason": "Seen in person with their badge"})
    # then
    assert refused.status_code == 400 and "Say how you checked who they are" in refused.content.decode()
    # the refused form is shown on the person's page as it stands, with the way back to everyone's sessions
    assert refused.context["breadcrumbs"][1] == ("Everyone's sessions", reverse("signin:all_sessions"))
    assert refused.context["device"] is not None and "Everyone&#x27;s sessions" in refused.content.decode()
    assert done["Location"] == reverse("signin:person_security", args=[ict.pk])
    assert not TotpDevice.objects.filter(person=ict).exists()
    assert theirs.get("/")["Location"].startswith(reverse("login"))
    event = AuditEvent.objects.get(action="person.second_factors_reset")
    assert event.reason == "Seen in person with their badge"
    _, response = _password_sign_in(ict)
    assert response["Location"].startswith(reverse("signin:second_factor"))


def test_roles_held_back_for_a_second_factor_open_nothing_a_role_check_guards():
    # given someone else's consent record, and a comms officer signed in with their password only
    from herald.consents.tests.factories import ConsentRecordFactory

    record = ConsentRecordFactory()
    comms = PersonFactory(roles=[Role.COMMS, Role.HR])
    client, _ = _password_sign_in(comms)
    # then the record (guarded by the person's own role check, not a page rule) stays closed
    assert client.get(reverse("consents:record", args=[record.pk])).status_code in (403, 404)
    assert client.get(reverse("people:directory")).status_code == 403
    # and once they show their second factor, the same pages open
    app, _ = _set_up_app(comms)
    client.post(reverse("signin:second_factor"), {"code": app.now()})
    assert client.get(reverse("consents:record", args=[record.pk])).status_code == 200
    assert client.get(reverse("people:directory")).status_code == 200


def test_after_five_wrong_codes_even_the_right_code_waits_a_quarter_of_an_hour():
    # given an HR officer with an authenticator app, past their password
    hr = PersonFactory(roles=[Role.HR])
    app, recovery = _set_up_app(hr)
    client, _ = _password_sign_in(hr)
    wrong = f"{(int(app.now()) + 1) % 1_000_000:06d}"
    # when someone guesses five times
    for _ in range(services.SECOND_FACTOR_TRIES):
        page = client.post(reverse("signin:second_factor"), {"code": wrong}).content.decode()
        assert "The code is not right" in page
    # then the right code and a recovery code are refused too, and HR stays held back
    page = client.post(reverse("signin:second_factor"), {"code": app.now()}).content.decode()
    assert "Too many wrong codes" in page
    page = client.post(reverse("signin:recovery_code"), {"code": recovery[0]}).content.decode()
    assert "Too many wrong codes" in page
    assert client.get(reverse("people:imports")).status_code == 302
    assert SignInEvent.objects.filter(person=hr, result=SignInEvent.Result.REFUSED).count() == 2
    # and a quarter of an hour later the right code works
    with time_machine.travel(dt.timedelta(minutes=services.SECOND_FACTOR_WINDOW_MINUTES + 1)):
        fresh = pyotp.TOTP(app.secret).now()
        client.post(reverse("signin:second_factor"), {"code": fresh})
        assert client.get(reverse("people:imports")).status_code == 200


def test_an_administrator_cannot_reset_their_own_second_factors_from_the_admin_page(system_admin):
    # given an administrator signed in with their password and authenticator app
    app, _ = _set_up_app(system_admin)
    client, _ = _password_sign_in(system_admin)
    client.post(reverse("signin:second_factor"), {"code": app.now()})
    own_page = reverse("signin:person_security", args=[system_admin.pk])
    # their own page says where their own second factors are changed, and offers no reset
    page = client.get(own_page).content.decode()
    assert "Remove their second factors" not in page
    assert f'href="{reverse("signin:security")}"' in page
    # when they post the reset anyway (an old tab, a crafted form)
    response = client.post(
        reverse("signin:reset_second_factors", args=[system_admin.pk]), {"reason": "It is me, honestly"}
    )
    # then it is refused on the page, with the way to do it themselves; nothing is removed, they stay signed in
    assert response.status_code == 400
    shown = response.content.decode()
    assert "govuk-error-summary" in shown
    assert "You cannot reset your own second factors here" in shown
    assert TotpDevice.objects.filter(person=system_admin).exists()
    assert client.get(own_page).status_code == 200
    assert not AuditEvent.objects.filter(action="person.second_factors_reset").exists()
    refused = AuditEvent.objects.get(action="person.second_factors_reset_refused")
    assert refused.actor == system_admin and refused.reason == "It is me, honestly"
