"""An incident about someone's conduct (an employee's post, a councillor's conduct) is not worked by
the person it concerns: even when their role handles that type, they do not see it, are not told of it
and cannot be brought in to work it."""

import pytest
from django.core import mail
from django.urls import reverse

from herald.errors import Refused
from herald.incidents import selectors, services
from testing.factories import incident

pytestmark = pytest.mark.django_db


def test_a_comms_officer_whose_post_is_reported_does_not_see_or_hear_of_the_case(
    client, django_capture_on_commit_callbacks, comms_officer, hr_officer
):
    with django_capture_on_commit_callbacks(execute=True):
        case = incident("employee_post", by=hr_officer, person_concerned=comms_officer)
    told = {address for message in mail.outbox for address in message.to}
    assert hr_officer.email in told and comms_officer.email not in told
    client.force_login(comms_officer)
    assert client.get(reverse("incidents:detail", args=[case.pk])).status_code == 404
    assert client.get(reverse("incidents:note", args=[case.pk])).status_code == 404
    assert case not in selectors.to_work(comms_officer)
    with pytest.raises(Refused):
        services.add_note(case, by=comms_officer, text="It was a joke")


def test_the_person_an_incident_concerns_cannot_be_made_to_lead_or_work_it(comms_officer, hr_officer, employee):
    case = incident("employee_post", by=hr_officer, person_concerned=employee)
    with pytest.raises(Refused):
        services.triage_incident(case, by=hr_officer, severity="high", lead=employee)
    with pytest.raises(Refused):
        services.triage_incident(case, by=hr_officer, severity="high", lead=hr_officer, add_workers=[employee])
    assert not case.can_work(employee)


def test_colleagues_in_the_same_team_still_work_it(client, comms_officer, hr_officer, employee):
    case = incident("employee_post", by=hr_officer, person_concerned=employee)
    client.force_login(comms_officer)
    assert client.get(reverse("incidents:detail", args=[case.pk])).status_code == 200


def test_a_comms_officer_whose_post_is_reported_finds_no_trace_of_it_in_the_audit_trail(
    client, comms_officer, hr_officer
):
    from herald.audit.models import AuditEvent
    from herald.people.roles import Role
    from testing.factories import PASSWORD, PersonFactory

    # given a case about a comms officer's own post, opened and worked by HR
    case = incident("employee_post", by=hr_officer, person_concerned=comms_officer)
    services.add_note(case, by=hr_officer, text="Screenshot kept")
    events = list(AuditEvent.objects.for_object(case))
    assert len(events) >= 2

    def what_they_find(reader) -> tuple[str, str, str, set[int]]:
        client.force_login(reader)
        client.post(reverse("signin:confirm"), {"password": PASSWORD})
        trail = client.get(reverse("audit:events")).content.decode()
        searched = client.get(reverse("audit:events"), {"object_type": "incidents.incident"}).content.decode()
        exported = client.get(reverse("audit:export"), {"download": "1"}).content.decode()
        opened = {client.get(reverse("audit:event", args=[event.pk])).status_code for event in events}
        return trail, searched, exported, opened

    # when the comms officer reads the audit trail, searches it for incidents, downloads it, or opens its events
    trail, searched, exported, opened = what_they_find(comms_officer)
    # then none of it shows: the case's reference is nowhere and its events are not found
    assert all(case.reference not in page for page in (trail, searched, exported))
    assert opened == {404}
    # while another comms officer sees the case's events as before
    trail, searched, exported, opened = what_they_find(PersonFactory(roles=[Role.COMMS]))
    assert all(case.reference in page for page in (trail, searched, exported))
    assert opened == {200}
