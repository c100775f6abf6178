import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.utils import timezone

from herald.audit import services as audit
from herald.audit.models import AuditEvent, AuditHead
from herald.audit.services import verify_chain
from herald.audit.tests.tampering import remove_newest, rewrite_from, tamper


@pytest.fixture
def three_events(employee, hr_officer):
    return [
        audit.record(
            actor=hr_officer,
            action="person.updated",
            obj=employee,
            before={"job_title": "Officer"},
            after={"job_title": "Senior Officer"},
            reason="Promotion",
        ),
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
    tamper("UPDATE audit_auditevent SET reason = %s WHERE id = %s", ["nothing to see", second.id])
    report = verify_chain()
    assert not report.ok and report.broken_at == second.id
    with pytest.raises(CommandError, match=f"event {second.id} was altered"):
        call_command("verify_audit")


def test_removing_a_row_breaks_the_chain_at_the_next_one(three_events):
    _, second, third = three_events
    tamper("DELETE FROM audit_auditevent WHERE id = %s", [second.id])
    report = verify_chain()
    assert not report.ok and report.broken_at == third.id


def test_removing_the_newest_row_is_noticed(three_events):
    tamper("DELETE FROM audit_auditevent WHERE id = %s", [three_events[-1].id])
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
    rows = page.split("<tbody", 1)[1]
    assert "Role granted" in rows and "Person deactivated" not in rows


def test_an_empty_file_field_is_recorded_as_an_empty_name(db):
    from django.db.models import FileField
    from django.db.models.fields.files import FieldFile

    from herald.audit.services import _jsonable
    from herald.people.models import DirectoryImport

    field = FileField(name="scan")
    empty = FieldFile(instance=DirectoryImport(), field=field, name=None)
    assert _jsonable({"scan": empty}) == {"scan": ""}


def test_the_database_itself_refuses_to_change_or_delete_an_event(three_events):
    # given someone going round Herald with raw SQL
    first = three_events[0]
    for statement in (
        "UPDATE audit_auditevent SET reason = 'nothing to see' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
    ):
        with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(statement, [first.id])
    # then the event is exactly as it was and the chain still proves
    assert AuditEvent.objects.get(pk=first.pk).reason == "Promotion"
    assert verify_chain().ok


def test_new_events_are_signed_with_the_audit_key_not_a_plain_hash(three_events, settings):
    assert all(event.key_id for event in three_events)
    # the same events cannot be proved with a different key
    settings.HERALD_AUDIT_KEY = "some other key"
    report = verify_chain()
    assert not report.ok and "not the configured key" in report.problem


@pytest.mark.parametrize("blank_key_id", [False, True], ids=["keeping-the-key-id", "claiming-an-unkeyed-event"])
def test_rewriting_an_event_and_recomputing_later_hashes_is_detected(three_events, blank_key_id):
    # given an intruder who rewrites an event and re-hashes it and every later one with the unkeyed function
    _, second, _ = three_events
    rewrite_from(second.id, reason="nothing to see", blank_key_id=blank_key_id)
    # when the trail is verified
    report = verify_chain()
    # then the rewritten event is named
    assert not report.ok and report.broken_at == second.id
    with pytest.raises(CommandError, match=f"event {second.id}"):
        call_command("verify_audit")


def test_deleting_the_last_events_and_moving_the_head_is_detected_by_the_checkpoint(three_events, capsys):
    # given a checkpoint written after the three events
    audit.write_checkpoint()
    call_command("verify_audit")
    assert "matching 1 checkpoints" in capsys.readouterr().out
    # when an intruder deletes the newest two events and moves the head back so the chain is whole
    remove_newest(2)
    # then verify_audit reports the truncation and exits non-zero
    report = verify_chain()
    assert not report.ok and "the newest events were removed" in report.problem
    with pytest.raises(CommandError, match=f"saw event {three_events[-1].id}"):
        call_command("verify_audit")


def test_rewriting_the_whole_chain_is_detected_by_the_checkpoint(three_events):
    # given a checkpoint, then every event re-hashed as if written before keyed hashes began
    audit.write_checkpoint()
    rewrite_from(three_events[0].id, reason="nothing to see", blank_key_id=True)
    assert verify_chain(checkpoints=False).ok  # the chain alone would pass
    # then the checkpoint gives it away
    report = verify_chain()
    assert not report.ok and "differs from the checkpoint" in report.problem


def test_a_forged_checkpoint_is_refused(three_events, audit_checkpoints):
    audit.write_checkpoint()
    path = audit_checkpoints / audit.CHECKPOINT_FILE
    path.write_text(path.read_text().replace(f'"count": {audit.AuditEvent.objects.count()}', '"count": 1'))
    report = verify_chain()
    assert not report.ok and "valid signature" in report.problem


def test_a_checkpoint_is_one_signed_line_in_the_file_and_one_log_line(three_events, audit_checkpoints, caplog):
    import json

    caplog.set_level("INFO", logger="herald.audit")
    call_command("checkpoint_audit")
    call_command("checkpoint_audit")
    lines = (audit_checkpoints / audit.CHECKPOINT_FILE).read_text().splitlines()
    assert len(lines) == 2
    checkpoint = json.loads(lines[-1])
    assert checkpoint["event_id"] == three_events[-1].id and checkpoint["hash"] == three_events[-1].hash
    assert len([r for r in caplog.records if r.name == "herald.audit"]) == 2
    assert verify_chain().checkpoints == 2


def test_events_written_before_keyed_hashes_still_verify_with_the_old_function(employee):
    # given a chain from before the upgrade: plain SHA-256, no key id
    from herald.audit.tests.tampering import unkeyed_hash

    with transaction.atomic():
        prev = "0" * 64
        for reason in ("first", "second"):
            event = AuditEvent(
                at=timezone.now(), actor_label="System", action="legacy.event", reason=reason, prev_hash=prev
            )
            event.hash = unkeyed_hash(
                {
                    **{
                        f: getattr(event, f)
                        for f in (
                            "actor_label",
                            "action",
                            "object_type",
                            "object_id",
                            "object_repr",
                            "before",
                            "after",
                            "reason",
                            "prev_hash",
                        )
                    },
                    "at": event.at.isoformat(),
                    "actor": None,
                }
            )
            event.save(force_insert=True)
            prev = event.hash
        AuditHead.objects.create(pk=1, count=2, last_hash=prev)
    # when Herald writes on after the upgrade
    newer = audit.record(actor=None, action="keyed.event", obj=employee)
    # then the old events prove with the old function and the new one with the key
    assert newer.prev_hash == prev and newer.key_id
    report = verify_chain()
    assert report.ok and report.checked == 3


@pytest.mark.django_db
def test_someone_with_a_long_name_and_address_can_still_sign_in_and_be_audited():
    from herald.people import services as people_services
    from testing.factories import PersonFactory

    # given a person whose name and work address together run past the trail's "who" column (200)
    person = PersonFactory(
        first_name="Alexandra-Victoria Josephine",
        last_name="Montgomery-Fitzwilliam-Ashby de la Zouch",
        email="alexandra-victoria.josephine.montgomery-fitzwilliam-ashby-de-la-zouch"
        "@environmental-health-and-licensing.hinckley-bosworth.gov.uk",
    )

    # when they sign in (every sign-in is audited)
    people_services.record_sign_in(person, address="203.0.113.9")

    # then the event is written, names them, fits its column, and the chain still proves itself
    event = AuditEvent.objects.get(action="person.signed_in", actor=person)
    assert event.actor_label.startswith(person.full_name)
    assert len(event.actor_label) <= AuditEvent._meta.get_field("actor_label").max_length
    assert verify_chain(checkpoints=False).ok
