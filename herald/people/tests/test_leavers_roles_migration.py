"""Migration people 0002: leavers recorded before leavers lost their roles lose them now, audited."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group

from herald.audit import services as audit
from herald.audit.models import AuditEvent
from herald.people.roles import Role
from testing.factories import CouncillorFactory, PersonFactory

migration = importlib.import_module("herald.people.migrations.0002_leavers_lose_their_roles")
pytestmark = pytest.mark.django_db


def test_leavers_who_kept_their_roles_lose_them_with_one_audit_event_each(team):
    # given: an editor and comms officer who left before leavers lost their roles, a councillor who
    # stood down still holding a role, someone still here, and a leaver with no roles
    old_editor = PersonFactory(roles=[Role.EDITOR, Role.COMMS], is_active=False, first_name="Ola", last_name="Left")
    old_member = CouncillorFactory(roles=[Role.MONITORING_OFFICER], is_active=False)
    still_here = PersonFactory(roles=[Role.EDITOR])
    plain_leaver = PersonFactory(is_active=False)
    # when
    changed = migration.remove_leavers_roles(apps)
    # then
    assert changed == 2
    assert not old_editor.groups.exists() and not old_member.groups.exists()
    assert list(still_here.groups.values_list("name", flat=True)) == [Role.EDITOR]
    event = AuditEvent.objects.get(object_type="people.person", object_id=str(old_editor.pk))
    assert event.action == "role.revoked" and event.before == {"roles": ["comms", "editor"]}
    assert event.object_repr == "Ola Left" and event.actor is None and "Left the council" in event.reason
    assert AuditEvent.objects.filter(object_id=str(old_member.pk), action="role.revoked").count() == 1
    assert not AuditEvent.objects.filter(object_id=str(plain_leaver.pk)).exists()
    # the events join the chain: the trail still verifies
    assert audit.verify_chain(checkpoints=False).ok
    # and running it again changes nothing
    assert migration.remove_leavers_roles(apps) == 0
    assert Group.objects.filter(name=Role.EDITOR).exists()


def test_the_migration_works_with_the_models_as_they_stood_then(team):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    leaver = PersonFactory(roles=[Role.HR], is_active=False)
    then = MigrationExecutor(connection).loader.project_state(("people", "0002_leavers_lose_their_roles")).apps
    assert migration.remove_leavers_roles(then) == 1
    assert not leaver.groups.exists()
    assert audit.verify_chain(checkpoints=False).ok
