"""The safeguarding lead is a role a system administrator grants (or the directory gives), audited as
every grant is."""

from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.people.roles import GRANTABLE_ROLES, Role


def test_an_administrator_grants_the_safeguarding_lead_role_and_the_grant_is_audited(client, system_admin, employee):
    assert Role.SAFEGUARDING in GRANTABLE_ROLES
    client.force_login(system_admin)
    url = reverse("people:person_roles", args=[employee.pk])
    assert "Safeguarding lead" in client.get(url).content.decode()

    response = client.post(url, {"roles": [Role.SAFEGUARDING], "reason": "Designated safeguarding lead from 1 May"})

    assert response.status_code == 302
    employee.refresh_from_db()
    assert employee.has_role(Role.SAFEGUARDING)
    granted = AuditEvent.objects.get(action="role.granted", object_id=str(employee.pk))
    assert granted.after == {"role": Role.SAFEGUARDING} and granted.actor == system_admin
