"""The incident forms that record something (triage, the police referral, the HR outcome, the takedown
decision) act once however often their button is pressed: one timeline entry, one audit event, one email."""

import pytest
from django.core import mail
from django.urls import reverse

from herald.audit.models import AuditEvent
from testing.factories import PersonFactory, incident
from testing.forms import submission_key

pytestmark = pytest.mark.django_db


def _twice(client, url, form):
    key = submission_key(client.get(url).content.decode())
    return [client.post(url, {**form, "submission_key": key}) for _ in range(2)]


def test_pressing_save_twice_on_a_police_referral_records_it_once(client, comms_officer, employee):
    abuse = incident("abuse_or_threat", by=employee)
    client.force_login(comms_officer)
    responses = _twice(client, reverse("incidents:crime_reference", args=[abuse.pk]), {"crime_reference": "CR/1/26"})
    assert [r.status_code for r in responses] == [302, 302]
    assert abuse.timeline.filter(text__startswith="Referred to the police").count() == 1
    assert AuditEvent.objects.filter(action="incident.police_referral").count() == 1


def test_pressing_save_twice_on_triage_emails_the_lead_once(
    client, django_capture_on_commit_callbacks, comms_officer, employee
):
    reported = incident("other", by=employee)
    lead = PersonFactory(roles=["comms"], email="lead@council.example")
    client.force_login(comms_officer)
    with django_capture_on_commit_callbacks(execute=True):
        mail.outbox.clear()
        _twice(client, reverse("incidents:triage", args=[reported.pk]), {"severity": "high", "lead": lead.pk})
    assert sum("lead@council.example" in message.to for message in mail.outbox) == 1
    assert AuditEvent.objects.filter(action="incident.triaged").count() == 1


def test_pressing_record_twice_on_the_hr_outcome_records_it_once(client, hr_officer, employee):
    case = incident("employee_post", by=hr_officer, person_concerned=employee)
    client.force_login(hr_officer)
    _twice(client, reverse("incidents:hr_outcome", args=[case.pk]), {"referred": "no", "outcome": "Words of advice"})
    assert case.timeline.filter(kind="hr_outcome").count() == 1
