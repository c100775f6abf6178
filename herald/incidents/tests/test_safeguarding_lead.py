"""Abuse or a threat against a person: its safeguarding step is the safeguarding lead's (the
communications team's while nobody holds the role), and the lead sees and works those incidents and no
other type."""

import pytest
from django.urls import reverse

from herald.incidents.models import Incident
from herald.people.roles import Role
from testing.factories import incident

pytestmark = pytest.mark.django_db


def _safeguarding_step(abuse):
    return abuse.steps.get(key="safeguarding")


def test_the_safeguarding_step_is_the_safeguarding_leads(client, employee, safeguarding_lead):
    abuse = incident("abuse_or_threat", by=employee)
    assert _safeguarding_step(abuse).owner_role == Role.SAFEGUARDING
    client.force_login(safeguarding_lead)
    page = client.get(reverse("incidents:detail", args=[abuse.pk]))
    assert page.status_code == 200 and "agree the support they need" in page.content.decode()


def test_while_nobody_is_safeguarding_lead_the_step_goes_to_the_communications_team(employee, comms_officer):
    abuse = incident("abuse_or_threat", by=employee)
    assert _safeguarding_step(abuse).owner_role == Role.COMMS


def test_a_safeguarding_lead_who_has_left_does_not_hold_the_step(employee, safeguarding_lead):
    safeguarding_lead.is_active = False
    safeguarding_lead.save()
    assert _safeguarding_step(incident("abuse_or_threat", by=employee)).owner_role == Role.COMMS


def test_the_lead_works_abuse_and_threats_but_no_other_type(client, employee, safeguarding_lead):
    abuse = incident("abuse_or_threat", by=employee)
    others = [incident(kind, by=employee) for kind in ("account_compromised", "copyright_or_defamation", "other")]
    client.force_login(safeguarding_lead)

    step = _safeguarding_step(abuse)
    client.post(reverse("incidents:step", args=[abuse.pk, step.pk]), {"outcome": "done", "note": "Support agreed"})
    step.refresh_from_db()
    assert step.done_by == safeguarding_lead

    listed = client.get(reverse("incidents:index")).content.decode()
    assert abuse.reference in listed
    for other in others:
        assert other.reference not in listed
        assert client.get(reverse("incidents:detail", args=[other.pk])).status_code == 404
    assert set(Incident.objects.workable_by(safeguarding_lead)) == {abuse}
