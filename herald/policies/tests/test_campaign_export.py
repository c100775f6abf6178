"""The campaign spreadsheet costs the same few queries however many people the campaign asks."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from herald.policies import services
from herald.policies.models import Assignment, Reminder
from herald.policies.tests.factories import CampaignFactory
from testing.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _export_queries(client, campaign) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/policies/campaigns/{campaign.pk}/export.csv")
    assert response.status_code == 200
    return len(queries), response.content.decode("utf-8-sig")


def _ask(campaign, people, by):
    for person in people:
        assignment = Assignment.objects.create(campaign=campaign, person=person)
        Reminder.objects.create(assignment=assignment, kind=Reminder.Kind.INVITATION, recipient=person.email)
        Reminder.objects.create(assignment=assignment, kind=Reminder.Kind.REMINDER, recipient=person.email)
        services.record_document_opened(assignment, by=person)
        services.acknowledge_policy(assignment, by=person, sections_confirmed=[services.RESTRICTED_SECTION])


def test_the_campaign_spreadsheet_does_not_query_once_per_person(client, comms_officer, policy_documents):
    campaign = CampaignFactory(audience="all_employees")
    campaign.status = campaign.Status.OPEN
    campaign.save(update_fields=["status"])
    client.force_login(comms_officer)
    _ask(campaign, PersonFactory.create_batch(2), comms_officer)
    few, _ = _export_queries(client, campaign)
    _ask(campaign, PersonFactory.create_batch(8), comms_officer)
    many, csv = _export_queries(client, campaign)
    # each row still says which version was acknowledged and how many reminders went
    rows = [line for line in csv.splitlines()[1:] if line]
    assert len(rows) == 10
    version = str(campaign.version.number)
    assert all(row.split(",")[-2:] == [version, "2"] for row in rows)
    assert many == few
