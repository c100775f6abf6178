import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from herald.audit.tasks import verify_audit_chain
from herald.people.demo import DEMO_PASSWORD, DEMO_SIGN_INS
from herald.people.models import Person
from herald.schedule import enqueue_due


@pytest.mark.django_db
def test_the_demo_council_loads_and_loading_it_again_adds_nothing():
    from herald.people.demo import seed

    seed()
    counts = (Person.objects.employees().count(), Person.objects.councillors().count())
    seed()
    assert (Person.objects.employees().count(), Person.objects.councillors().count()) == counts
    assert 180 <= counts[0] <= 230, "about 200 employees"
    assert counts[1] == 34
    assert Person.objects.councillors().values("party").distinct().count() >= 4
    assert Person.objects.councillors().values("ward").distinct().count() == 16
    managed = Person.objects.employees().exclude(service_manager=None).count()
    assert managed > counts[0] * 0.9


@pytest.mark.django_db
def test_every_demo_sign_in_works_and_holds_its_role(client):
    from herald.people.demo import seed

    seed()
    for spec in DEMO_SIGN_INS:
        person = Person.objects.get(email=spec["email"])
        assert person.check_password(DEMO_PASSWORD)
        if spec["role"] != "restricted":
            assert spec["role"] in person.roles, spec["email"]
        else:
            assert person.is_politically_restricted


# A real worker closes its database connection when it finishes, so this test cannot run inside
# the usual rolled-back transaction.
@pytest.mark.django_db(transaction=True)
def test_the_database_task_worker_runs_queued_tasks(comms_officer, system_admin):
    # given a tampered audit trail and the nightly check queued on the database backend
    from herald.audit import services as audit
    from herald.audit.tests.tampering import tamper

    event = audit.record(actor=comms_officer, action="test.changed", obj=comms_officer)
    tamper("UPDATE audit_auditevent SET reason = 'x' WHERE id = %s", [event.id])
    result = verify_audit_chain.enqueue()
    assert DBTaskResult.objects.filter(id=result.id, status="READY").exists()
    # when a worker runs the queue
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    # then the task ran and the administrators were told
    assert DBTaskResult.objects.get(id=result.id).status == "SUCCESSFUL"
    assert any("tampered" in m.subject and system_admin.email in m.to for m in mail.outbox)


@pytest.mark.django_db
def test_the_scheduler_enqueues_each_periodic_task_once_per_interval():
    now = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
    first = enqueue_due(now)
    assert "herald.audit.tasks.verify_audit_chain" in first
    # Within the shortest interval (the posts app's one-minute tasks) nothing is enqueued again.
    assert enqueue_due(now + dt.timedelta(seconds=30)) == []
    later = enqueue_due(now + dt.timedelta(days=1, seconds=1))
    assert "herald.audit.tasks.verify_audit_chain" in later
    assert DBTaskResult.objects.filter(task_path="herald.audit.tasks.verify_audit_chain").count() == 2
