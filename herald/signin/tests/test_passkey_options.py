"""The passkey pages put the server's options into the page as JSON inside a <script> element; a
name from the HR feed must not be able to end that element."""

import json

import pytest
from django.contrib.sessions.middleware import SessionMiddleware
from django.test import RequestFactory

from herald.signin import passkeys
from testing.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_a_name_holding_a_closing_script_tag_stays_inside_the_passkey_options():
    person = PersonFactory(first_name="</script><script>alert(1)</script>", last_name="O'Neil & Sons")
    request = RequestFactory().get("/passkeys/add/")
    SessionMiddleware(lambda r: None).process_request(request)
    request.user = person
    options = passkeys.registration_options(request, person)
    assert "</" not in options and "<" not in options
    assert json.loads(options)["user"]["displayName"] == person.full_name
