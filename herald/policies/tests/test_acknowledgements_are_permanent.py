"""An acknowledgement records person, version, time and method, and can never be changed or deleted."""

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction

from herald.audit.models import AuditEvent
from herald.errors import Refused
from herald.policies import services
from herald.policies.models import Acknowledgement, ImmutableRecord
from herald.policies.tests.factories import CampaignFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def acknowledgement(policy_documents, employee, comms_officer):
    campaign = CampaignFactory(audience="team", team=employee.team)
    services.launch_campaign(campaign, by=comms_officer)
    assignment = campaign.assignments.get(person=employee)
    services.record_document_opened(assignment, by=employee)
    return services.acknowledge_policy(assignment, by=employee, sections_confirmed=[])


def test_an_acknowledgement_records_who_which_version_when_and_how(acknowledgement, employee):
    assert acknowledgement.person == employee
    assert acknowledgement.version.number == 1 and acknowledgement.version.document.slug == "employee-policy"
    assert acknowledgement.at is not None
    assert acknowledgement.get_method_display() == "Opened the document and confirmed online"
    assert "I have read version 1 of the Employee Social Media Policy" in acknowledgement.statement


def test_saving_a_changed_acknowledgement_is_refused_and_the_attempt_is_audited(acknowledgement):
    acknowledgement.method = "read_quiz_confirmed"
    with pytest.raises(ImmutableRecord):
        acknowledgement.save()
    assert Acknowledgement.objects.get(pk=acknowledgement.pk).method == "read_confirmed"
    assert AuditEvent.objects.filter(
        action="acknowledgement.change_refused", object_id=str(acknowledgement.pk)
    ).exists()


def test_deleting_an_acknowledgement_is_refused_even_in_bulk_and_audited(acknowledgement, system_admin):
    with pytest.raises(ImmutableRecord):
        acknowledgement.delete()
    with pytest.raises(ImmutableRecord):
        Acknowledgement.objects.all().delete()
    with pytest.raises(ImmutableRecord):
        Acknowledgement.objects.filter(pk=acknowledgement.pk).update(method="x")
    assert Acknowledgement.objects.filter(pk=acknowledgement.pk).exists()
    assert AuditEvent.objects.filter(action="acknowledgement.change_refused").count() == 3


def test_the_database_itself_refuses_to_update_or_delete_an_acknowledgement(acknowledgement):
    # given someone going round Herald with raw SQL
    for statement in (
        "UPDATE policies_acknowledgement SET method = 'forged' WHERE id = %s",
        "DELETE FROM policies_acknowledgement WHERE id = %s",
    ):
        with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(statement, [acknowledgement.pk])
    # then the row is exactly as it was
    assert Acknowledgement.objects.get(pk=acknowledgement.pk).method == "read_confirmed"


def test_acknowledging_again_is_refused_and_the_attempt_is_audited(acknowledgement, employee):
    assignment = acknowledgement.assignments.get()
    with pytest.raises(Refused, match="cannot be changed"):
        services.acknowledge_policy(assignment, by=employee, sections_confirmed=[])
    refused = AuditEvent.objects.get(action="acknowledgement.change_refused")
    assert refused.actor == employee and refused.object_id == str(acknowledgement.pk)
    assert Acknowledgement.objects.filter(person=employee).count() == 1


def test_the_person_and_the_version_cannot_be_deleted_from_under_an_acknowledgement(acknowledgement, employee):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError), transaction.atomic():
        acknowledgement.version.delete()
    with pytest.raises(ProtectedError), transaction.atomic():
        employee.delete()


def test_a_new_version_leaves_old_acknowledgements_tied_to_the_old_version(
    acknowledgement, comms_officer, policy_documents
):
    document = policy_documents["employee-policy"]
    draft = services.save_draft(
        document, body=document.published_version.body + "\nNew.", change_summary="", by=comms_officer
    )
    services.publish_version(draft, by=comms_officer)
    acknowledgement.refresh_from_db()
    assert acknowledgement.version.number == 1 and acknowledgement.version.status == "superseded"
