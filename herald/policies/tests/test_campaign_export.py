"""The campaign spreadsheet costs the same few queries however many people the campaign asks."""

import csv
import datetime as dt
import io

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
    many, text = _export_queries(client, campaign)
    # each row still says which version was acknowledged and how many reminders went
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 10
    version = str(campaign.version.number)
    assert all((row["Version"], row["Reminders sent"]) == (version, "2") for row in rows)
    assert many == few


@pytest.mark.time_machine(dt.datetime(2026, 11, 24, 9, tzinfo=dt.UTC))
def test_the_spreadsheet_counts_reminders_to_the_person_apart_from_the_escalation_to_their_manager(
    client, comms_officer, employee, policy_documents
):
    today = dt.date(2026, 11, 24)
    campaign = CampaignFactory(audience="team", team=employee.team, due_on=today + dt.timedelta(days=10))
    services.launch_campaign(campaign, by=comms_officer)
    services.send_due_messages(campaign, today=today)  # the invitation
    services.send_due_messages(campaign, today=today + dt.timedelta(days=11))  # overdue: reminded and escalated
    assignment = campaign.assignments.get(person=employee)
    assert sorted(assignment.reminders.values_list("kind", flat=True)) == ["escalation", "invitation", "overdue"]
    client.force_login(comms_officer)
    _, text = _export_queries(client, campaign)
    rows = {row["Email"]: row for row in csv.DictReader(io.StringIO(text))}
    # two messages went to the person; the third went to their manager and shows as the escalation
    assert rows[employee.email]["Reminders sent"] == "2"
    assert rows[employee.email]["Escalated"] == assignment.escalated_at.isoformat()
