"""Test support: privileged test people sign in with a real second factor, the way a person does.

Their authenticator app is set up through the service (as the set-up page does), and the code
their "phone" shows is entered on the real second-factor page. Nothing is switched off for tests.
"""

from __future__ import annotations

import time

import pyotp
from django.urls import reverse

from herald.signin import services
from herald.signin.models import TotpDevice

# The recovery codes each test authenticator was given, by secret: a test that signs the same
# person in more often than the clock gives fresh codes (a frozen clock) uses one, as a person would.
_recovery_codes: dict[str, list[str]] = {}


def authenticator_for(person) -> pyotp.TOTP:
    """The person's authenticator app, set up first if they have none."""
    device = TotpDevice.objects.filter(person=person).first()
    if device is None:
        secret = services.new_totp_secret()
        _recovery_codes[secret] = services.set_up_totp(person, secret=secret, code=pyotp.TOTP(secret).now())
        device = TotpDevice.objects.get(person=person)
    return pyotp.TOTP(services.device_secret(device))


# The code is checked a moment after it is picked, seconds later on a loaded machine. The server takes
# the step before, this one and the next: this step's code and the next's stay good for 30 seconds or more
# whenever they are picked, but the step before's only until this step ends. So it is picked only early
# in a step, with this long left; otherwise a recovery code, which no clock can make stale.
STEP_BEFORE_NEEDS = 25


def fresh_code(person) -> tuple[str, str]:
    """("code", a TOTP code not used yet) or ("recovery", an unused recovery code)."""
    app = authenticator_for(person)
    used = TotpDevice.objects.get(person=person).used_steps
    now = time.time()
    now_step = int(now) // services.TOTP_STEP
    left_in_step = services.TOTP_STEP - now % services.TOTP_STEP
    steps = [now_step, now_step + 1] + ([now_step - 1] if left_in_step >= STEP_BEFORE_NEEDS else [])
    for step in steps:
        if step not in used:
            return "code", app.at(step * services.TOTP_STEP)
    codes = _recovery_codes.get(app.secret) or []
    if not codes:
        # The saved codes are used up: get new ones, as the person would from Sign-in and security.
        codes = _recovery_codes[app.secret] = services.new_recovery_codes(person)
    return "recovery", codes.pop()


def show_second_factor(client, person) -> None:
    """After client.force_login: what the person does next if a role of theirs needs a second factor."""
    person.__dict__.pop("roles", None)
    if not services.roles_needing_second_factor(person):
        return
    kind, code = fresh_code(person)
    url = reverse("signin:second_factor" if kind == "code" else "signin:recovery_code")
    data = {"code": code}
    if client.handler.enforce_csrf_checks:
        client.get(url)
        data["csrfmiddlewaretoken"] = client.cookies["csrftoken"].value
    response = client.post(url, data)
    assert response.status_code == 302, f"the second factor was refused for {person}: {response.status_code}"
