"""During a pre-election period: other apps can ask whether it is in force and where, every page
shows a banner, staff are told once, and restricted post holders see their rules all year."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.elections import services
from herald.elections.selectors import active_periods, pre_election_context
from herald.elections.tasks import send_pre_election_notices
from herald.elections.tests.factories import ElectionFactory
from herald.factories import CouncillorFactory, PersonFactory
from herald.people.models import Person

pytestmark = pytest.mark.django_db

D = dt.date
TODAY = D(2026, 11, 24)


@pytest.fixture
def today(monkeypatch):
    """Herald's 'today' for these tests: 24 November 2026."""
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: TODAY)
    return TODAY


def _by_election_in_progress(*wards, **fields):
    # Notice published on 2 November, poll on Thursday 10 December 2026.
    return ElectionFactory(
        kind="by_election", poll_date=D(2026, 12, 10), wards=list(wards), notice_published_on=D(2026, 11, 2), **fields
    )


# What other apps ask.


def test_there_is_no_period_before_the_notice_or_after_the_poll():
    ElectionFactory(poll_date=D(2027, 5, 6), notice_published_on=D(2027, 3, 29))

    assert pre_election_context(D(2027, 3, 28)) == {"pre_election": False, "wards": None}
    assert pre_election_context(D(2027, 3, 29)) == {"pre_election": True, "wards": None}
    assert pre_election_context(D(2027, 5, 6)) == {"pre_election": True, "wards": None}
    assert pre_election_context(D(2027, 5, 7)) == {"pre_election": False, "wards": None}


def test_without_a_notice_date_the_period_starts_on_the_latest_legal_date():
    ElectionFactory(poll_date=D(2027, 5, 6))

    assert not pre_election_context(D(2027, 3, 30))["pre_election"]
    assert pre_election_context(D(2027, 3, 31))["pre_election"]


def test_a_period_ending_at_the_declaration_covers_the_count_day():
    ElectionFactory(poll_date=D(2027, 5, 6), declaration_on=D(2027, 5, 7))

    assert pre_election_context(D(2027, 5, 7))["pre_election"]
    assert not pre_election_context(D(2027, 5, 8))["pre_election"]


def test_a_by_election_restricts_only_its_wards_and_overlapping_ones_add_up():
    _by_election_in_progress("Groby")
    _by_election_in_progress("Barwell", name="Barwell by-election")

    assert pre_election_context(D(2026, 11, 24)) == {"pre_election": True, "wards": ["Barwell", "Groby"]}
    assert [e.title for e in active_periods(D(2026, 11, 24))] == [
        "Borough council by-election 2026: Groby ward",
        "Barwell by-election",
    ]


def test_a_whole_council_poll_overlapping_a_by_election_restricts_the_whole_council():
    _by_election_in_progress("Groby")
    ElectionFactory(kind="pcc", poll_date=D(2026, 12, 17), notice_published_on=D(2026, 11, 10))

    assert pre_election_context(D(2026, 11, 24)) == {"pre_election": True, "wards": None}
    assert len(active_periods(D(2026, 11, 24))) == 2


def test_a_cancelled_election_is_no_longer_in_force(comms_officer):
    election = _by_election_in_progress("Groby")

    services.cancel_election(election, by=comms_officer, reason="Only one candidate: elected unopposed")

    assert pre_election_context(D(2026, 11, 24))["pre_election"] is False


# What people see.


def test_the_banner_is_on_every_page_during_a_period(client, today, comms_officer, employee):
    _by_election_in_progress("Groby")

    for person, url in (
        (employee, "/"),
        (employee, reverse("elections:restrictions")),
        (comms_officer, reverse("people:directory")),
        (comms_officer, reverse("elections:list")),
    ):
        client.force_login(person)
        page = client.get(url).content.decode()
        assert "herald-site-banner--warning" in page, url
        assert "Pre-election period." in page and "Groby ward" in page
        assert reverse("elections:rules") in page


def test_there_is_no_banner_outside_a_period(client, today, employee):
    ElectionFactory(poll_date=D(2027, 5, 6))  # ahead: starts 31 March 2027
    ElectionFactory(poll_date=D(2026, 3, 5), wards=["Barwell"])  # over

    client.force_login(employee)

    assert "herald-site-banner" not in client.get("/").content.decode()


def test_members_of_the_public_never_see_the_banner(client, today):
    _by_election_in_progress("Groby")

    assert "herald-site-banner" not in client.get("/sign-in/").content.decode()


def test_the_rules_page_explains_the_period_in_force(client, today, councillor):
    _by_election_in_progress("Groby")
    client.force_login(councillor)

    page = client.get(reverse("elections:rules")).content.decode()

    assert "In force now" in page and "Thursday 10 December 2026" in page
    assert (
        "start a new or significant campaign unless it was planned before the election was called".capitalize() in page
    )
    assert "councillors&#x27; names, quotes or photographs in official posts" in page


def test_everyone_sees_the_period_on_their_home_page(client, today, employee):
    _by_election_in_progress("Groby")
    client.force_login(employee)

    page = client.get("/").content.decode()

    assert "Borough council by-election 2026: Groby ward: the pre-election rules apply" in page


def test_comms_are_reminded_to_enter_a_missing_notice_date(client, today, comms_officer, employee):
    election = ElectionFactory(poll_date=D(2027, 5, 6))

    client.force_login(comms_officer)
    page = client.get("/").content.decode()
    assert "Enter the notice of election date for the Borough council elections 2027" in page
    assert reverse("elections:edit", args=[election.pk]) in page

    client.force_login(employee)
    assert "Enter the notice of election date" not in client.get("/").content.decode()


# Restricted post holders, all year.


def test_restricted_post_holders_see_their_rules_and_exemption_status_all_year(client, today, restricted_post_holder):
    client.force_login(restricted_post_holder)

    page = client.get("/").content.decode()

    assert "Your post is politically restricted" in page
    assert "You must not canvass for a political party or a candidate" in page
    assert "even from a personal account" in page
    assert "You may apply to the independent adjudicator for exemption" in page


def test_specified_post_holders_are_told_they_cannot_be_exempted(client, today):
    chief = PersonFactory(political_restriction=Person.Restriction.SPECIFIED)
    client.force_login(chief)

    page = client.get("/").content.decode()

    assert "Specified posts are restricted by law and cannot be exempted" in page


def test_other_staff_and_exempted_holders_do_not_get_the_restricted_panel(client, today, employee):
    exempted = PersonFactory(political_restriction=Person.Restriction.EXEMPTED)
    for person in (employee, exempted):
        client.force_login(person)
        assert "Your post is politically restricted" not in client.get("/").content.decode()


# The notice to all staff.


def test_the_notice_goes_once_to_every_active_employee_and_councillor(
    today, employee, councillor, django_capture_on_commit_callbacks
):
    leaver = PersonFactory(is_active=False)
    CouncillorFactory(ward="Groby")
    election = _by_election_in_progress("Groby")

    with django_capture_on_commit_callbacks(execute=True):
        sent = send_pre_election_notices.call()

    assert sent == 1
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted(Person.objects.active().values_list("email", flat=True))
    assert leaver.email not in recipients and councillor.email in recipients
    message = mail.outbox[0]
    assert message.subject == "Pre-election period: Borough council by-election 2026: Groby ward"
    assert "Thursday 10 December 2026" in message.body and "/elections/pre-election-period/" in message.body
    election.refresh_from_db()
    assert election.notice_sent_at is not None and election.notice_recipients == len(recipients)
    assert AuditEvent.objects.for_object(election).filter(action="election.notice_sent", actor=None).exists()

    # Run again (the scheduler runs every hour): nothing more is sent.
    outbox_size = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_pre_election_notices.call() == 0
    assert len(mail.outbox) == outbox_size


def test_no_notice_before_the_period_begins(today, employee, django_capture_on_commit_callbacks):
    ElectionFactory(poll_date=D(2027, 5, 6))

    with django_capture_on_commit_callbacks(execute=True):
        assert send_pre_election_notices.call() == 0
    assert mail.outbox == []


def test_recording_an_election_already_under_way_queues_the_notice(
    today, comms_officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.record_election(
            services.ElectionDetails(
                kind="by_election",
                poll_date=D(2026, 12, 10),
                scope="wards",
                wards=("Groby",),
                notice_published_on=D(2026, 11, 2),
            ),
            by=comms_officer,
        )

    assert len(callbacks) == 1


def test_the_notice_task_is_on_the_schedule():
    from herald.schedule import periodic_tasks

    assert "herald.elections.tasks.send_pre_election_notices" in [name for name, _, _ in periodic_tasks()]
