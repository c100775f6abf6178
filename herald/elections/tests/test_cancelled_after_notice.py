"""An election cancelled after the staff notice went: everyone who was told a pre-election period had
begun is told it is off, and the stricter rules stop at once."""

import datetime as dt

import pytest
from django.core import mail

from herald.audit.models import AuditEvent
from herald.elections import services
from herald.elections.tasks import send_pre_election_notices
from herald.elections.tests.factories import election_details

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(dt.datetime(2026, 11, 24, 9, tzinfo=dt.UTC))]

D = dt.date


@pytest.fixture
def announced(comms_officer, employee, councillor, django_capture_on_commit_callbacks):
    """A poll on 10 December 2026, its period under way, and the staff notice sent."""
    with django_capture_on_commit_callbacks(execute=True):
        election = services.record_election(election_details(), by=comms_officer)
        send_pre_election_notices.call()
    election.refresh_from_db()
    assert election.notice_sent_at is not None
    mail.outbox.clear()
    return election


def _cancel_on_the_page(client, election, reason, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(f"/elections/{election.pk}/cancel/", {"reason": reason}, follow=True)


def test_staff_who_had_the_notice_are_told_the_period_is_off(
    client, comms_officer, employee, councillor, announced, django_capture_on_commit_callbacks
):
    client.force_login(comms_officer)
    # given the cancel page warns that staff will be told
    assert "every employee and councillor will be emailed that the period is off" in (
        client.get(f"/elections/{announced.pk}/cancel/").content.decode()
    )
    # when the election is cancelled
    page = _cancel_on_the_page(client, announced, "Poll countermanded", django_capture_on_commit_callbacks)
    # then the people who had the notice each get an email saying the period is off
    told = {message.to[0] for message in mail.outbox}
    assert {employee.email, councillor.email} <= told
    assert len(mail.outbox) == announced.notice_recipients
    message = mail.outbox[0]
    assert message.subject == f"Pre-election period cancelled: {announced.title}"
    assert "its pre-election period is off" in message.body
    assert "On 24 November 2026 staff were told" in message.body and "Poll countermanded" in message.body
    # and the success message, the election page and the audit trail say so
    assert f"so {announced.notice_recipients} people are being told the period is off" in page.content.decode()
    detail = client.get(f"/elections/{announced.pk}/").content.decode()
    assert f"{announced.notice_recipients} people were told on 24 November 2026 at " in detail
    assert "Staff told the pre-election period is off (election cancelled)" in detail
    event = AuditEvent.objects.for_object(announced).get(action="election.cancellation_notice_sent")
    assert event.actor == comms_officer and event.after["recipients"] == announced.notice_recipients


def test_staff_told_of_a_period_since_corrected_are_told_it_is_off(
    comms_officer, announced, django_capture_on_commit_callbacks
):
    # given the poll date was corrected to next year, so the notice is due again but has not gone
    with django_capture_on_commit_callbacks(execute=True):
        services.update_election(
            announced,
            election_details(poll_date=D(2027, 5, 6), notice_published_on=None),
            by=comms_officer,
            reason="Typo",
        )
    announced.refresh_from_db()
    assert announced.notice_sent_at is None
    # when it is cancelled, the staff still believing in the first notice are told it is off
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_election(announced, by=comms_officer, reason="Recorded in error")
    assert mail.outbox and "its pre-election period is off" in mail.outbox[0].body
    # quoting the poll date the notice gave, not the corrected one; and true for someone who joined since
    assert "poll on Thursday 10 December 2026" in mail.outbox[0].body
    assert "you were told" not in mail.outbox[0].body and "staff were told" in mail.outbox[0].body


def test_an_election_cancelled_before_its_notice_went_tells_nobody(
    client, comms_officer, employee, django_capture_on_commit_callbacks
):
    # given an election whose period starts next year, so no notice has gone
    election = services.record_election(
        election_details(poll_date=D(2027, 5, 6), notice_published_on=None), by=comms_officer
    )
    client.force_login(comms_officer)
    assert "will be emailed that the period is off" not in (
        client.get(f"/elections/{election.pk}/cancel/").content.decode()
    )
    # when it is cancelled
    page = _cancel_on_the_page(client, election, "Recorded in error", django_capture_on_commit_callbacks)
    # then nobody is emailed and nothing says they were
    assert mail.outbox == []
    assert "being told the period is off" not in page.content.decode()
    assert not AuditEvent.objects.filter(action="election.cancellation_notice_sent").exists()


def test_cancelling_an_election_whose_period_has_ended_tells_nobody(
    comms_officer, announced, django_capture_on_commit_callbacks, time_machine
):
    time_machine.move_to(dt.datetime(2026, 12, 14, 9, tzinfo=dt.UTC))
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_election(announced, by=comms_officer, reason="Recorded twice")
    assert mail.outbox == []
