"""Herald never stores a password and refuses anything that looks like one, in any field."""

import pytest
from django.core.exceptions import ValidationError

from herald.social_accounts import forms
from herald.social_accounts.validators import find_secret, refuse_secrets

LOOKS_LIKE_A_PASSWORD = [
    "password: x",
    "Password: hunter2",
    "pwd=Summer2024",
    "PIN = 4821",
    "passcode:123456",
    "The password is Tr0ub4dor&3",
    "login for Facebook is admin / Sunshine99!",
    "credentials: hbbc_culture / Bosworth1485",
    "Facebook password Hinckley2026! until ICT changes it",
    "api_key=sk_live_9f8a7b6c5d4e3f2a1b0c",
    "token: ghp_16C7e42F292c6912E7710c838347Ae178B4a",
    "Password: correct",
]

SAFE_TEXT = [
    "Credentials held in the password manager",
    "credentials held in the council's password manager",
    "Credentials: held in the council's password manager, shared with the communications team",
    "Passwords are rotated every 90 days under the ICT password policy ICT-POL-07",
    "Password manager: 1Password",
    "Login: single sign-on through the council's Microsoft account",
    "Two-factor sign-in is on, codes go to the team's shared mobile",
    "Monitoring 9am to 5pm Monday to Friday; out of hours by the duty officer on 01455 238141",
    "See https://www.hinckley-bosworth.gov.uk/emergency-plan#social-media for the plan",
    "Pin the opening hours post to the top of the page",
    "Reset the password when an editor leaves",
    "",
]


@pytest.mark.parametrize("text", LOOKS_LIKE_A_PASSWORD)
def test_text_that_holds_a_password_is_refused(text):
    assert find_secret(text)
    with pytest.raises(ValidationError) as raised:
        refuse_secrets(text)
    assert "Herald must never hold passwords" in raised.value.messages[0]


@pytest.mark.parametrize("text", SAFE_TEXT)
def test_text_about_passwords_without_one_is_accepted(text):
    assert find_secret(text) is None
    refuse_secrets(text)


def test_every_text_field_on_every_form_of_the_register_refuses_passwords():
    from django import forms as django_forms

    checked = 0
    for form_class in forms.ALL_FORMS:
        for name, field in form_class.base_fields.items():
            if isinstance(field, django_forms.CharField):
                assert refuse_secrets in field.validators, f"{form_class.__name__}.{name} accepts passwords"
                checked += 1
    assert checked > 20
