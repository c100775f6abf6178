"""A scheduled pull from the provider's directory (such as Microsoft Graph) goes through the same door as
SCIM: `directory_sync.sync_from(source)`, with the CSV import's leaver handling."""

from dataclasses import dataclass, field

import pytest
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.people.directory_sync import DirectoryRecord, sync_from
from herald.people.models import Person
from testing.factories import CouncillorFactory, PersonFactory

pytestmark = pytest.mark.django_db


@dataclass
class Directory:
    """A directory as a pull would read it, page by page, with only the people listed."""

    listed: list[DirectoryRecord] = field(default_factory=list)
    name: str = "test directory"

    def records(self):
        return iter(self.listed)


def test_a_pull_adds_new_starters_updates_people_and_records_leavers_as_the_csv_import_does(client):
    # given two staff Herald holds, one of them signed in
    staying = PersonFactory(email="owen@council.example", employee_number="A2", job_title="Officer")
    leaving = PersonFactory(email="ruth@council.example", employee_number="A1")
    client.force_login(leaving)
    # when the directory lists a new starter, a promotion and someone no longer active
    counts = sync_from(
        Directory(
            [
                DirectoryRecord("nadia@council.example", "Nadia", "Qureshi", employee_number="A3"),
                DirectoryRecord(
                    "owen@council.example", "Owen", "Barker", employee_number="A2", job_title="Team Leader"
                ),
                DirectoryRecord("ruth@council.example", "Ruth", "Ashby", employee_number="A1", active=False),
            ]
        )
    )
    # then
    assert counts == {"created": 1, "updated": 2, "leavers": 1, "refused": 0}
    new_starter = Person.objects.get(email="nadia@council.example")
    assert new_starter.is_active and not new_starter.has_usable_password()
    staying.refresh_from_db()
    assert staying.job_title == "Team Leader"
    leaving.refresh_from_db()
    assert not leaving.is_active and leaving.left_on is not None
    assert client.get("/")["Location"].startswith(reverse("login"))
    # and the audit trail says which directory made the leaver, as it does for starters
    leaver_event = AuditEvent.objects.get(action="person.leaver_recorded", object_id=str(leaving.pk))
    assert leaver_event.reason == "Directory sync (test directory)"
    assert AuditEvent.objects.filter(action="person.created", reason="Directory sync (test directory)").exists()


def test_people_a_pull_does_not_list_are_left_alone():
    # given someone the directory's page happened to leave out
    missed = PersonFactory(email="ruth@council.example", employee_number="A1")
    # when
    counts = sync_from(Directory([DirectoryRecord("owen@council.example", "Owen", "Barker", employee_number="A2")]))
    # then they are not made a leaver
    missed.refresh_from_db()
    assert missed.is_active and counts["leavers"] == 0


def test_a_record_herald_cannot_take_is_counted_and_the_rest_still_applied():
    # given a record with no employee number for a new member of staff, and one whose email is one
    # person's and employee number another's
    PersonFactory(email="owen@council.example", employee_number="A2")
    PersonFactory(email="ruth@council.example", employee_number="A1")
    counts = sync_from(
        Directory(
            [
                DirectoryRecord("nobody-number@council.example", "No", "Number"),
                DirectoryRecord("owen@council.example", "Owen", "Barker", employee_number="A1"),
                DirectoryRecord("nadia@council.example", "Nadia", "Qureshi", employee_number="A3"),
            ]
        )
    )
    assert counts == {"created": 1, "updated": 0, "leavers": 0, "refused": 2}
    assert not Person.objects.filter(email="nobody-number@council.example").exists()
    assert Person.objects.get(employee_number="A1").email == "ruth@council.example"
    assert Person.objects.get(employee_number="A2").email == "owen@council.example"


def test_someone_who_leaves_and_later_returns_does_not_get_their_old_privileged_roles_back():
    # given: the council's HR officer and system administrator
    from herald.people.roles import Role

    returner = PersonFactory(email="ruth@council.example", employee_number="A1", roles=[Role.HR, Role.ADMIN])
    # when: the directory says she has left, and months later that she is back, in another job
    sync_from(Directory([DirectoryRecord("ruth@council.example", "Ruth", "Ashby", employee_number="A1", active=False)]))
    sync_from(
        Directory(
            [DirectoryRecord("ruth@council.example", "Ruth", "Ashby", employee_number="A1", job_title="Receptionist")]
        )
    )
    # then: she is an employee again, and nothing more until someone grants her a role
    returner = Person.objects.get(pk=returner.pk)
    assert returner.is_active
    assert returner.roles == {Role.EMPLOYEE}
    revoked = AuditEvent.objects.filter(action="role.revoked", object_id=str(returner.pk))
    assert {event.before["role"] for event in revoked} == {Role.HR, Role.ADMIN}


def test_a_pull_never_changes_or_makes_a_leaver_of_a_councillor_who_shares_an_email():
    # given a councillor from the members' register, whose council email the staff directory also lists
    # (as inactive, say, after their staff account was closed)
    councillor = CouncillorFactory(email="cllr.bray@council.example", first_name="Stuart", last_name="Bray")
    counts = sync_from(
        Directory(
            [
                DirectoryRecord(
                    "cllr.bray@council.example",
                    "Stuart",
                    "Bray",
                    employee_number="A9",
                    job_title="Officer",
                    active=False,
                )
            ]
        )
    )
    # then the staff directory is refused for them: councillors come from the members' register only
    assert counts == {"created": 0, "updated": 0, "leavers": 0, "refused": 1}
    councillor.refresh_from_db()
    assert councillor.is_active and councillor.is_councillor
    assert councillor.employee_number is None and councillor.job_title != "Officer"
    assert not AuditEvent.objects.filter(object_id=str(councillor.pk), reason__startswith="Directory sync").exists()
