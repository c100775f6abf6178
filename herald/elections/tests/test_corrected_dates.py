"""A poll date entered wrongly and corrected after the staff notice went: the notice told staff the
wrong dates (perhaps before any period had begun), so a corrected one goes when the real period starts."""

import datetime as dt

import pytest
import time_machine
from django.core import mail

from herald.audit.models import AuditEvent
from herald.elections import services
from herald.elections.models import Election
from herald.elections.tasks import send_pre_election_notices
from herald.elections.tests.factories import election_details, form_data

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(dt.datetime(2026, 11, 24, 9, tzinfo=dt.UTC))]

D = dt.date


@pytest.fixture
def announced(comms_officer, employee, django_capture_on_commit_callbacks):
    """Recorded with a poll on 10 December 2026 (period under way), and the staff notice sent."""
    with django_capture_on_commit_callbacks(execute=True):
        election = services.record_election(election_details(), by=comms_officer)
        send_pre_election_notices.call()
    election.refresh_from_db()
    assert election.notice_sent_at is not None
    mail.outbox.clear()
    return election


def _send_due(django_capture_on_commit_callbacks) -> int:
    with django_capture_on_commit_callbacks(execute=True):
        return send_pre_election_notices.call()


def test_a_poll_date_corrected_to_a_later_year_sends_the_notice_again_when_the_real_period_starts(
    client, comms_officer, announced, django_capture_on_commit_callbacks
):
    # The poll is really on 6 May 2027 and the notice is not published yet: the period starts on
    # the latest legal date, Wednesday 31 March 2027.
    with django_capture_on_commit_callbacks(execute=True):
        services.update_election(
            announced,
            election_details(poll_date=D(2027, 5, 6), notice_published_on=None),
            by=comms_officer,
            reason="Poll date entered wrongly",
        )
    announced.refresh_from_db()
    assert announced.period_starts_on == D(2027, 3, 31)
    assert announced.notice_sent_at is None and announced.superseded_notice_sent_at is not None
    assert mail.outbox == []
    event = AuditEvent.objects.for_object(announced).get(action="election.notice_due_again")
    assert event.actor == comms_officer
    assert event.after == {"notice_due_on": "2027-03-31"}

    client.force_login(comms_officer)
    page = client.get(f"/elections/{announced.pk}/").content.decode()
    assert (
        "its dates or area have been corrected since: a corrected notice goes to every employee and councillor" in page
    )
    assert "on Wednesday 31 March 2027, the first day of the period" in page
    assert "Pre-election notice due again (its dates or area changed)" in page

    # Nothing goes the day before the real period; on its first day, the corrected notice goes.
    with time_machine.travel(dt.datetime(2027, 3, 30, 9, tzinfo=dt.UTC)):
        assert _send_due(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []
    with time_machine.travel(dt.datetime(2027, 3, 31, 0, 30, tzinfo=dt.UTC)):
        assert _send_due(django_capture_on_commit_callbacks) == 1
    assert mail.outbox
    body = mail.outbox[0].body
    assert "Thursday 6 May 2027" in body and "This notice replaces the one sent on 24 November 2026" in body

    page = client.get(f"/elections/{announced.pk}/").content.decode()
    assert "replacing the notice sent on 24 November 2026" in page


def test_a_correction_into_a_period_already_under_way_sends_the_corrected_notice_now(
    comms_officer, announced, django_capture_on_commit_callbacks
):
    # The poll is on 17 December, not 10 December: the period is still under way today.
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.update_election(
            announced, election_details(poll_date=D(2026, 12, 17)), by=comms_officer, reason="Typo"
        )
    # the notice task is queued straight away (with the release of posts the old dates held for comms)
    assert len(callbacks) == 2

    assert _send_due(django_capture_on_commit_callbacks) == 1
    announced.refresh_from_db()
    assert announced.notice_sent_at is not None
    assert "Thursday 17 December 2026" in mail.outbox[0].body
    assert "This notice replaces the one sent on 24 November 2026" in mail.outbox[0].body


def test_a_change_that_keeps_the_dates_does_not_send_the_notice_again(
    comms_officer, announced, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.update_election(announced, election_details(name="Groby by-election"), by=comms_officer, reason="Name")

    announced.refresh_from_db()
    assert announced.notice_sent_at is not None and announced.superseded_notice_sent_at is None
    assert mail.outbox == []
    assert not AuditEvent.objects.filter(action="election.notice_due_again").exists()


def test_a_non_working_day_that_moves_the_period_start_sends_the_notice_again(
    comms_officer, employee, django_capture_on_commit_callbacks
):
    # No notice date entered: the period starts on the latest legal date, Wednesday 31 March 2027,
    # and the notice went that day.
    with time_machine.travel(dt.datetime(2027, 3, 31, 9, tzinfo=dt.UTC)):
        election = services.record_election(
            election_details(poll_date=D(2027, 5, 6), notice_published_on=None), by=comms_officer
        )
        assert _send_due(django_capture_on_commit_callbacks) == 1
        mail.outbox.clear()
        # A day of mourning is appointed after it: the latest legal date, and the period, start a day earlier.
        services.add_non_working_day(date=D(2027, 4, 14), kind="mourning", description="Mourning", by=comms_officer)
        election.refresh_from_db()
        assert election.period_starts_on == D(2027, 3, 30) and election.notice_sent_at is None
        assert AuditEvent.objects.for_object(election).filter(action="election.notice_due_again").exists()
        # The period is under way, so the next run sends the corrected notice.
        assert _send_due(django_capture_on_commit_callbacks) == 1
    assert "Tuesday 30 March 2027" in mail.outbox[0].body


def test_the_change_form_says_a_corrected_notice_will_go(client, comms_officer, announced):
    client.force_login(comms_officer)
    data = form_data(reason="Poll date entered wrongly")

    page = client.post(f"/elections/{announced.pk}/change/", data, follow=True).content.decode()

    assert "The staff notice had gone with the old dates or area: a corrected notice will go to everyone" in page


def test_a_correction_into_the_past_says_no_corrected_notice_goes(client, comms_officer, announced):
    # The by-election was really held on 19 November, already over.
    services.update_election(
        announced,
        election_details(poll_date=D(2026, 11, 19), notice_published_on=D(2026, 10, 12)),
        by=comms_officer,
        reason="Wrong poll date",
    )
    client.force_login(comms_officer)

    page = client.get(f"/elections/{announced.pk}/").content.decode()

    assert "the corrected period has already ended, so no corrected notice goes" in page
    assert "a corrected notice goes to every employee" not in page


def test_a_correction_into_the_past_says_so_when_saved_and_in_the_audit_trail(client, comms_officer, announced):
    # The by-election was really held on 19 November (notice published 12 October), already over.
    client.force_login(comms_officer)
    data = form_data(
        poll_date_day="19",
        poll_date_month="11",
        poll_date_year="2026",
        notice_published_on_day="12",
        notice_published_on_month="10",
        notice_published_on_year="2026",
        reason="Wrong poll date",
    )

    page = client.post(f"/elections/{announced.pk}/change/", data, follow=True).content.decode()

    assert "the corrected period has already ended, so no corrected notice goes" in page
    assert "a corrected notice will go to everyone" not in page
    assert not AuditEvent.objects.filter(action="election.notice_due_again").exists()
    event = AuditEvent.objects.for_object(announced).get(action="election.notice_outdated")
    assert event.after == {"notice_due_on": None, "corrected_period_ended_on": "2026-11-19"}
    assert "no corrected notice goes" in event.reason
    assert "Pre-election notice outdated (corrected after the period ended, none goes again)" in page


@pytest.mark.parametrize(
    "correction, in_the_new_notice",
    [
        ({"scope": Election.Scope.WARDS, "wards": ("Groby",)}, "Area: Groby ward"),
        (
            {"period_end": Election.PeriodEnd.DECLARATION, "declaration_on": D(2026, 12, 11)},
            "ends when the result is declared (Friday 11 December 2026)",
        ),
    ],
    ids=["wards", "declaration date"],
)
def test_correcting_the_area_or_the_end_of_the_period_sends_the_corrected_notice(
    comms_officer, announced, django_capture_on_commit_callbacks, correction, in_the_new_notice
):
    # The notice went saying the whole council area, ending at the close of poll.
    with django_capture_on_commit_callbacks(execute=True):
        services.update_election(announced, election_details(**correction), by=comms_officer, reason="Entered wrongly")

    announced.refresh_from_db()
    assert announced.notice_sent_at is None and announced.superseded_notice_sent_at is not None
    assert AuditEvent.objects.for_object(announced).filter(action="election.notice_due_again").exists()
    assert _send_due(django_capture_on_commit_callbacks) == 1
    body = mail.outbox[0].body
    assert in_the_new_notice in body
    assert "This notice replaces the one sent on 24 November 2026" in body
