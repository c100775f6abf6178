"""Events recorded inside `audit.deferred()` join the chain when the block ends, so a transaction that
records an event and then waits for a row another writer holds no longer deadlocks with it (two ingest
or classification workers at once)."""

import threading

import pytest
from django.db import connection, transaction

from herald.audit import services as audit
from herald.audit.models import AuditEvent, AuditHead
from herald.audit.services import verify_chain
from herald.people.models import Person


def test_deferred_events_are_written_in_order_when_the_block_ends(db, employee):
    with transaction.atomic(), audit.deferred():
        first = audit.record(actor=None, action="person.updated", obj=employee, after={"n": 1})
        second = audit.record(actor=None, action="person.updated", obj=employee, after={"n": 2})
        assert first.pk is None and not AuditEvent.objects.filter(after={"n": 1}).exists()
    assert first.pk < second.pk and second.prev_hash == first.hash
    assert AuditHead.objects.get(pk=1).last_hash == second.hash
    assert verify_chain().ok


def test_deferred_events_are_dropped_with_a_failed_block(db, employee):
    before = AuditEvent.objects.count()
    with pytest.raises(ValueError), transaction.atomic(), audit.deferred():
        audit.record(actor=None, action="person.updated", obj=employee)
        raise ValueError("the batch failed")
    assert AuditEvent.objects.count() == before
    audit.record(actor=None, action="person.updated", obj=employee)
    assert verify_chain().ok


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite runs one writer at a time")
@pytest.mark.django_db(transaction=True)
def test_two_writers_that_lock_the_same_row_in_between_do_not_deadlock(employee):
    """A records an event and then wants the row B holds; B holds it and records an event. With the head
    locked at record time, PostgreSQL would abort one of them as a deadlock."""
    a_recorded = threading.Event()
    b_locked = threading.Event()
    errors: list[BaseException] = []

    def writer_a():
        try:
            with transaction.atomic(), audit.deferred():
                audit.record(actor=None, action="person.updated", obj=employee, after={"by": "a"})
                a_recorded.set()
                b_locked.wait(10)
                list(Person.objects.select_for_update().filter(pk=employee.pk))
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    def writer_b():
        try:
            with transaction.atomic(), audit.deferred():
                list(Person.objects.select_for_update().filter(pk=employee.pk))
                b_locked.set()
                a_recorded.wait(10)
                audit.record(actor=None, action="person.updated", obj=employee, after={"by": "b"})
        except BaseException as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=writer_a), threading.Thread(target=writer_b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert sorted(e.after["by"] for e in AuditEvent.objects.filter(action="person.updated")) == ["a", "b"]
    assert verify_chain().ok
