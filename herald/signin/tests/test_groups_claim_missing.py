"""A provider that sends no groups claim at all keeps the person's roles; an empty claim still removes them."""

import pytest
from django.core import mail

from herald.audit.models import AuditEvent
from herald.people.roles import Role
from herald.signin.tests.conftest import sign_in_at_provider
from testing.factories import PersonFactory

pytestmark = pytest.mark.django_db

MAPPING = {"sg-herald-comms": Role.COMMS, "sg-herald-editors": Role.EDITOR}


def _roles(person):
    person.refresh_from_db()
    person.__dict__.pop("roles", None)
    return person.roles


@pytest.mark.parametrize("username", ["many-groups@council.example", "no-groups-claim@council.example"])
def test_no_groups_claim_keeps_the_roles_audits_it_and_tells_the_administrators(
    client, single_sign_on, settings, system_admin, username, django_capture_on_commit_callbacks
):
    # given an editor and comms officer whose provider sends no groups claim (Entra ID, too many groups)
    settings.HERALD_OIDC_GROUP_ROLES = MAPPING
    person = PersonFactory(email=username, roles=[Role.EDITOR, Role.COMMS])
    # when they sign in
    with django_capture_on_commit_callbacks(execute=True):
        sign_in_at_provider(client, single_sign_on, username)
    # then they keep their roles, the audit trail says why, and the system administrators are told
    assert {Role.EDITOR, Role.COMMS} <= _roles(person)
    assert not AuditEvent.objects.filter(action="role.revoked", object_id=str(person.pk)).exists()
    kept = AuditEvent.objects.get(action="person.provider_groups_missing", object_id=str(person.pk))
    assert "no 'groups' claim" in kept.reason
    told = [m for m in mail.outbox if system_admin.email in m.to]
    assert len(told) == 1 and person.full_name in told[0].subject
    assert "Communications" in told[0].body or "Comms" in told[0].body


def test_the_overage_hint_is_named_in_the_audit_trail(client, single_sign_on, settings):
    settings.HERALD_OIDC_GROUP_ROLES = MAPPING
    person = PersonFactory(email="many-groups@council.example", roles=[Role.EDITOR])
    sign_in_at_provider(client, single_sign_on, "many-groups@council.example")
    kept = AuditEvent.objects.get(action="person.provider_groups_missing", object_id=str(person.pk))
    assert "too many groups" in kept.reason


def test_a_groups_claim_present_but_empty_still_removes_every_mapped_role(client, single_sign_on, settings):
    # given an editor whose provider sends "groups": [] (in no group at all)
    settings.HERALD_OIDC_GROUP_ROLES = MAPPING
    person = PersonFactory(email="employee@council.example", roles=[Role.EDITOR, Role.HR])
    # when
    sign_in_at_provider(client, single_sign_on, "employee@council.example")
    # then the mapped role goes, the unmapped one stays, and nothing says the claim was missing
    roles = _roles(person)
    assert Role.EDITOR not in roles and Role.HR in roles
    assert not AuditEvent.objects.filter(action="person.provider_groups_missing").exists()
