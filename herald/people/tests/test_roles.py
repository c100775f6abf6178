"""A system administrator changes a person's roles; a change that is refused changes nothing."""

from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.people.roles import Role


def test_a_refused_roles_change_grants_nothing_either(client, system_admin):
    # given: the administrator, on their own roles page, adds HR but also unticks their own administrator role
    client.force_login(system_admin)
    url = reverse("people:person_roles", args=[system_admin.pk])
    # when
    response = client.post(url, {"roles": [Role.HR], "reason": "Covering for HR"})
    # then: the refusal is shown, and the HR role was not granted behind it
    assert response.status_code == 200
    assert "You cannot remove your own system administrator role" in response.content.decode()
    system_admin.refresh_from_db()
    assert not system_admin.groups.filter(name=Role.HR).exists()
    assert system_admin.groups.filter(name=Role.ADMIN).exists()
    assert not AuditEvent.objects.filter(action="role.granted", object_id=str(system_admin.pk)).exists()
