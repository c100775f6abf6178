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
