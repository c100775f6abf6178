"""Search boxes read straight from the query string, not through a form field: a NUL byte pasted
into one is ignored, so the search still finds what it should (PostgreSQL refused it with a 500)."""

import pytest

from herald.audit import services as audit
from herald.audit.models import AuditEvent
from herald.people.models import Person
from herald.social_accounts.models import Account
from herald.social_accounts.tests.factories import AccountFactory
from testing.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_a_nul_byte_in_a_people_search_is_ignored(team):
    ruth = PersonFactory(team=team, first_name="Ruth", last_name="Ashby")

    assert list(Person.objects.search("Ru\x00th")) == [ruth]


def test_a_nul_byte_in_a_register_search_is_ignored(team):
    museum = AccountFactory(team=team, display_name="Hinckley Museum", handle="hinckleymuseum")

    assert list(Account.objects.search("@hinckley\x00museum")) == [museum]


def test_a_nul_byte_in_an_audit_trail_search_is_ignored(team):
    person = PersonFactory(team=team, first_name="Ruth", last_name="Ashby")
    audit.record(actor=None, action="person.updated", obj=person)

    found = AuditEvent.objects.search(action="person.\x00updated", text="Ruth\x00 Ashby")

    assert [event.action for event in found] == ["person.updated"]
