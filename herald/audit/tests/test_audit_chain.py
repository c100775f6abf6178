import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from herald.audit import services as audit
from herald.audit.models import AuditEvent
from herald.audit.services import verify_chain


@pytest.fixture
def three_events(employee, hr_officer):
    return [
        audit.record(actor=hr_officer, action="person.updated", obj=employee,
                     before={"job_title": "Officer"}, after={"job_title": "Senior Officer"}, reason="Promotion"),
        audit.record(actor=hr_officer, action="role.granted", obj=employee, after={"role": "editor"}),
        audit.record(actor=None, action="person.deactivated", obj=employee, reason="Leaver"),
    ]


def test_an_untouched_chain_verifies(three_events, capsys):
    report = verify_chain()
    assert report.ok and report.checked >= 3
    call_command("verify_audit")
    assert "intact" in capsys.readouterr().out


def test_each_event_links_to_the_one_before(three_events):
    first, second, third = three_events
    assert second.prev_hash == first.hash and third.prev_hash == second.hash


def test_altering_a_row_in_the_database_breaks_the_chain_at_that_row(three_events):
    _, second, _ = three_events
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET reason = %s WHERE id = %s", ["nothing to see", second.id])
    report = verify_chain()
    assert not report.ok and report.broken_at == second.id
    with pytest.raises(CommandError, match=f"event {second.id} was altered"):
        call_command("verify_audit")


def test_removing_a_row_breaks_the_chain_at_the_next_one(three_events):
    _, second, third = three_events
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [second.id])
    report = verify_chain()
    assert not report.ok and report.broken_at == third.id


def test_removing_the_newest_row_is_noticed(three_events):
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [three_events[-1].id])
    assert not verify_chain().ok


def test_the_model_refuses_to_change_or_delete_events(three_events):
    event = AuditEvent.objects.get(pk=three_events[0].pk)
    event.reason = "rewritten"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()


def test_the_record_keeps_who_did_it_even_by_name(three_events, hr_officer):
    assert three_events[0].actor_label == f"{hr_officer.full_name} <{hr_officer.email}>"
    assert three_events[2].actor_label == "System"


def test_passwords_never_reach_the_audit_trail(employee):
    snap = audit.snapshot(employee)
    assert "password" not in snap and snap["email"] == employee.email


def test_audit_pages_filter_by_action(client, comms_officer, three_events):
    client.force_login(comms_officer)
    page = client.get("/audit/", {"action": "role.granted"}).content.decode()
    assert "role.granted" in page and "person.deactivated" not in page


def test_an_empty_file_field_is_recorded_as_an_empty_name(db):
    from django.db.models import FileField
    from django.db.models.fields.files import FieldFile

    from herald.audit.services import _jsonable
    from herald.people.models import DirectoryImport

    field = FileField(name="scan")
    empty = FieldFile(instance=DirectoryImport(), field=field, name=None)
    assert _jsonable({"scan": empty}) == {"scan": ""}
