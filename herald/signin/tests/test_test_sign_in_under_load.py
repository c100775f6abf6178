"""The tests sign privileged people in with a real authenticator code (testing/signin.py), and on a loaded
machine the code is checked seconds after it was picked, perhaps in the next 30-second step. The code the
helper picks is still taken then; the server's check is not loosened for it: a code from the step before
is still refused once the clock has moved on, as it is for a person."""

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from herald.people.roles import Role
from herald.signin import services
from herald.signin.models import TotpDevice
from testing.factories import PASSWORD, PersonFactory
from testing.signin import authenticator_for, fresh_code

pytestmark = pytest.mark.django_db

# 10:00:28 GMT on 7 December 2026: two seconds before the next 30-second step.
LATE_IN_A_STEP = dt.datetime(2026, 12, 7, 10, 0, 28, tzinfo=dt.UTC)
STEP = int(LATE_IN_A_STEP.timestamp()) // services.TOTP_STEP


def _waiting_for_second_factor(person) -> Client:
    client = Client()
    client.post(reverse("login"), {"username": person.email, "password": PASSWORD})
    return client


def _signed_in_twice_this_step(person) -> None:
    # this step's code and the next one's are used: the person signed in twice in the last few seconds
    authenticator_for(person)
    TotpDevice.objects.filter(person=person).update(used_steps=[STEP, STEP + 1])


def test_the_code_the_tests_pick_late_in_a_step_is_taken_after_the_clock_moves_on():
    with time_machine.travel(LATE_IN_A_STEP, tick=False) as clock:
        admin = PersonFactory(roles=[Role.ADMIN])
        _signed_in_twice_this_step(admin)
        client = _waiting_for_second_factor(admin)
        # given the helper picks a code two seconds before the step ends
        kind, code = fresh_code(admin)
        # when the loaded machine gets round to checking it five seconds later, in the next step
        clock.shift(5)
        url = reverse("signin:second_factor" if kind == "code" else "signin:recovery_code")
        response = client.post(url, {"code": code})
        # then the second factor is taken (asked inside the pinned moment: the session is as old as it)
        assert response.status_code == 302
        assert client.get(reverse("people:imports")).status_code == 200


def test_a_code_from_the_step_before_is_still_refused_once_the_clock_moves_on():
    with time_machine.travel(LATE_IN_A_STEP, tick=False) as clock:
        admin = PersonFactory(roles=[Role.ADMIN])
        _signed_in_twice_this_step(admin)
        client = _waiting_for_second_factor(admin)
        stale = authenticator_for(admin).at((STEP - 1) * services.TOTP_STEP)
        clock.shift(5)
        response = client.post(reverse("signin:second_factor"), {"code": stale})
        assert response.status_code == 200
        assert "govuk-error-summary" in response.content.decode()
        assert client.get(reverse("people:imports"))["Location"].startswith(reverse("signin:second_factor"))
