"""Telling people: every kind of message has its words, goes only once the action has happened, to the
people still here, through the email queue. The pre-election notice and the audit alert are tested here;
each app tests its own messages in its tests/test_notifications.py."""

import datetime as dt
from pathlib import Path

import pytest
from django.core import mail
from django.db import transaction
from django.template.loader import get_template

from herald import notifications
from herald import settings as herald_settings
from herald.audit import services as audit
from herald.audit.tasks import verify_audit_chain
from herald.audit.tests.tampering import tamper
from herald.elections.tasks import send_pre_election_notices
from herald.elections.tests.factories import ElectionFactory
from herald.factories import PersonFactory
from herald.models import OutgoingEmail
from herald.notifications import notify
from herald.people.models import Person

EMAIL_TEMPLATES = Path(__file__).resolve().parents[1] / "templates" / "email"


def test_every_kind_of_message_has_a_subject_and_a_body_and_every_template_a_kind():
    for kind in notifications.KINDS:
        get_template(f"email/{kind}_subject.txt")
        get_template(f"email/{kind}.txt")
    named = {path.name.removesuffix("_subject.txt").removesuffix(".txt") for path in EMAIL_TEMPLATES.glob("*.txt")}
    assert named == set(notifications.KINDS)


def test_a_message_goes_only_once_the_action_has_committed(employee, comms_officer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            notify("advice_requested", to=[comms_officer], context={"by": employee, "link": "https://herald/x"})
            assert mail.outbox == []
    assert [m.to for m in mail.outbox] == [[comms_officer.email]]


def test_an_action_that_is_rolled_back_tells_nobody(employee, comms_officer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            notify("advice_requested", to=[comms_officer], context={"by": employee, "link": "https://herald/x"})
            raise RuntimeError("the action failed after asking for the message")
    assert mail.outbox == []


def test_leavers_and_people_without_an_address_are_not_told_and_nobody_is_told_twice(
    employee, comms_officer, django_capture_on_commit_callbacks
):
    leaver = PersonFactory(is_active=False)
    no_address = PersonFactory(email="")
    with django_capture_on_commit_callbacks(execute=True):
        told = notify(
            "advice_requested",
            to=[comms_officer, leaver, no_address, None, comms_officer.email, "", "dpo@council.example"],
            context={"by": employee, "link": "https://herald/x"},
        )
    assert told == 2
    assert [m.to for m in mail.outbox] == [sorted([comms_officer.email, "dpo@council.example"])]


def test_nobody_to_tell_sends_nothing(employee, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert notify("advice_requested", to=[], context={"by": employee, "link": ""}) == 0
    assert mail.outbox == []


def test_email_goes_through_the_queue_that_retries(
    settings, employee, comms_officer, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = herald_settings.EMAIL_BACKEND
    with django_capture_on_commit_callbacks(execute=True):
        notify("advice_requested", to=[comms_officer], context={"by": employee, "link": "https://herald/x"})
    email = OutgoingEmail.objects.get()
    assert email.status == OutgoingEmail.Status.QUEUED and email.recipients == comms_officer.email
    assert email.subject == f"Advice requested: can {employee.full_name} post this?"


@pytest.mark.time_machine(dt.datetime(2026, 11, 24, 9, tzinfo=dt.UTC))
def test_the_pre_election_notice_goes_to_each_person_in_an_email_of_their_own(
    employee, councillor, comms_officer, django_capture_on_commit_callbacks
):
    election = ElectionFactory(
        kind="by_election", poll_date=dt.date(2026, 12, 10), wards=["Groby"], notice_published_on=dt.date(2026, 11, 2)
    )
    with django_capture_on_commit_callbacks(execute=True):
        send_pre_election_notices.call()
    everyone = Person.objects.active().values_list("email", flat=True)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(everyone)
    assert {employee.email, councillor.email, comms_officer.email} <= set(everyone)
    assert all(len(m.to) == 1 for m in mail.outbox)
    message = mail.outbox[0]
    assert message.subject == f"Pre-election period: {election.title}"
    assert message.body.startswith(f"The pre-election period for the {election.title} has begun.\n\nPoll: ")
    assert "/elections/pre-election-period/" in message.body


def test_the_system_administrators_are_told_at_once_when_the_audit_trail_is_tampered_with(
    system_admin, comms_officer, django_capture_on_commit_callbacks
):
    event = audit.record(actor=comms_officer, action="test.changed", obj=comms_officer)
    tamper("UPDATE audit_auditevent SET reason = 'x' WHERE id = %s", [event.id])
    with django_capture_on_commit_callbacks(execute=True):
        verify_audit_chain.call()
    [message] = mail.outbox
    assert message.to == [system_admin.email]
    assert message.subject == "Herald: the audit trail has been tampered with"
    assert message.body.startswith("verify_audit found a broken link after ")
