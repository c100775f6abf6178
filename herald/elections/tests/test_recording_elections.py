"""The communications team or democratic services record each election; Herald works out the
latest legal notice date and warns when the notice was published later than that."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from herald.audit.models import AuditEvent
from herald.elections import services
from herald.elections.models import Election, NonWorkingDay
from herald.elections.tests.factories import ElectionFactory, form_data
from testing.factories import CouncillorFactory

# The elections here are upcoming ones (May 2027) and only upcoming elections move with a new
# non-working day, so the clock is set to late 2026 for every test here.
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(dt.datetime(2026, 11, 24, 9, tzinfo=dt.UTC))]

D = dt.date


def _details(**overrides):
    values = {"kind": Election.Kind.BOROUGH, "poll_date": D(2027, 5, 6)}
    values.update(overrides)
    return services.ElectionDetails(**values)


def test_recording_an_election_works_out_the_latest_notice_date_and_the_period(comms_officer):
    election = services.record_election(
        _details(period_end=Election.PeriodEnd.DECLARATION, declaration_on=D(2027, 5, 7)), by=comms_officer
    )

    assert election.latest_notice_on == D(2027, 3, 31)
    # No notice date entered yet: the period is assumed to start on the latest legal date.
    assert election.period_starts_on == D(2027, 3, 31)
    assert election.period_ends_on == D(2027, 5, 7)
    assert election.title == "Borough council elections 2027"
    event = AuditEvent.objects.for_object(election).get()
    assert event.action == "election.recorded" and event.actor == comms_officer


def test_the_period_starts_on_the_actual_notice_date_when_it_was_published_early(monitoring_officer):
    # Uttlesford published on Friday 22 March 2024 for the 2 May poll, before the latest date.
    election = services.record_election(
        _details(poll_date=D(2024, 5, 2), notice_published_on=D(2024, 3, 22)), by=monitoring_officer
    )

    assert election.period_starts_on == D(2024, 3, 22)
    assert not election.notice_is_late


def test_a_notice_later_than_the_legal_date_is_refused_until_someone_confirms_it(comms_officer):
    with pytest.raises(services.LateNoticeNotConfirmed, match="Tuesday 26 March 2024"):
        services.record_election(
            _details(poll_date=D(2024, 5, 2), notice_published_on=D(2024, 3, 27)), by=comms_officer
        )
    assert not Election.objects.exists()

    election = services.record_election(
        _details(poll_date=D(2024, 5, 2), notice_published_on=D(2024, 3, 27), late_notice_confirmed=True),
        by=comms_officer,
    )
    assert election.notice_is_late and election.late_notice_confirmed


def test_a_by_election_needs_its_wards(comms_officer):
    with pytest.raises(ValidationError):
        services.record_election(_details(kind="by_election", scope=Election.Scope.WARDS), by=comms_officer)

    election = services.record_election(
        _details(kind="by_election", scope=Election.Scope.WARDS, wards=(" Barwell ", "barwell", "Groby")),
        by=comms_officer,
    )
    assert election.wards == ["Barwell", "Groby"]
    assert election.area_text == "Barwell and Groby wards"


def test_the_notice_must_come_before_the_poll_and_the_declaration_not_before_it(comms_officer):
    with pytest.raises(ValidationError):
        services.record_election(_details(notice_published_on=D(2027, 5, 6)), by=comms_officer)
    with pytest.raises(ValidationError):
        services.record_election(
            _details(period_end=Election.PeriodEnd.DECLARATION, declaration_on=D(2027, 5, 5)), by=comms_officer
        )
    assert not Election.objects.exists()


def test_changing_an_election_is_recorded_with_the_reason(comms_officer):
    election = services.record_election(_details(), by=comms_officer)

    services.update_election(
        election,
        _details(notice_published_on=D(2027, 3, 26)),
        by=comms_officer,
        reason="Notice published by the returning officer",
    )

    election.refresh_from_db()
    assert election.period_starts_on == D(2027, 3, 26)
    change = AuditEvent.objects.for_object(election).get(action="election.updated")
    assert change.reason == "Notice published by the returning officer"
    assert change.before["notice_published_on"] is None and change.after["notice_published_on"] == "2027-03-26"


def test_a_cancelled_election_no_longer_counts_and_cannot_be_changed(comms_officer):
    election = services.record_election(_details(), by=comms_officer)

    services.cancel_election(election, by=comms_officer, reason="Recorded twice by mistake")

    assert not Election.objects.in_period_on(D(2027, 4, 15)).exists()
    with pytest.raises(ValidationError):
        services.update_election(election, _details(), by=comms_officer)


def test_adding_a_day_of_mourning_moves_the_latest_date_of_upcoming_elections(comms_officer):
    election = services.record_election(_details(), by=comms_officer)
    past = ElectionFactory(poll_date=D(2026, 3, 5))

    day = services.add_non_working_day(
        date=D(2027, 4, 14), kind=NonWorkingDay.Kind.MOURNING, description="State funeral", by=comms_officer
    )

    election.refresh_from_db()
    assert election.latest_notice_on == D(2027, 3, 30)
    assert election.period_starts_on == D(2027, 3, 30)
    assert AuditEvent.objects.for_object(election).filter(action="election.latest_notice_date_moved").exists()
    past.refresh_from_db()
    assert past.latest_notice_on == D(2026, 1, 29)

    services.remove_non_working_day(day, by=comms_officer)
    election.refresh_from_db()
    assert election.latest_notice_on == D(2027, 3, 31)


# The form, through the pages.


def test_comms_records_an_election_through_the_form(client, comms_officer):
    client.force_login(comms_officer)

    response = client.post("/elections/add/", form_data(name="Borough council elections 2027"))

    election = Election.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/elections/{election.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "Wednesday 31 March 2027" in page


def test_a_late_notice_date_shows_a_warning_and_saves_only_once_confirmed(client, comms_officer):
    client.force_login(comms_officer)
    late = {"notice_published_on_day": "1", "notice_published_on_month": "4", "notice_published_on_year": "2027"}

    response = client.post("/elections/add/", form_data(**late))

    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-warning-text" in page and "Wednesday 31 March 2027" in page
    assert "There is a problem" in page and "confirm that it is correct" in page
    assert not Election.objects.exists()

    response = client.post("/elections/add/", form_data(**late, confirm_late_notice="on"))

    assert response.status_code == 302
    assert Election.objects.get().notice_is_late


def test_an_empty_form_is_redisplayed_with_every_problem(client, monitoring_officer):
    client.force_login(monitoring_officer)

    response = client.post("/elections/add/", {})

    page = response.content.decode()
    assert page.count("govuk-error-summary__list") == 1
    for message in (
        "Select the type of election",
        "Enter the poll date",
        "Select whether the election covers the whole council or named wards",
        "Select when the pre-election period ends",
    ):
        assert message in page
    assert 'href="#id_poll_date_day"' in page


def test_an_impossible_date_is_explained(client, comms_officer):
    client.force_login(comms_officer)

    page = client.post("/elections/add/", form_data(poll_date_day="31", poll_date_month="2")).content.decode()

    assert "The poll date must be a real date" in page
    assert not Election.objects.exists()


@pytest.mark.parametrize("year", ["0001", "1899"])
def test_a_poll_date_before_1900_is_explained_not_a_server_error(client, comms_officer, year):
    client.force_login(comms_officer)

    answer = client.post("/elections/add/", form_data(poll_date_day="6", poll_date_month="1", poll_date_year=year))

    assert answer.status_code == 200
    assert "The poll date must be after 1 January 1900" in answer.content.decode()
    assert not Election.objects.exists()


def test_wards_come_from_the_members_register_and_free_text(client, comms_officer):
    CouncillorFactory(ward="Barwell")
    CouncillorFactory(ward="Groby")
    client.force_login(comms_officer)

    form_page = client.get("/elections/add/").content.decode()
    assert 'value="Barwell"' in form_page and 'value="Groby"' in form_page
    client.post(
        "/elections/add/",
        form_data(kind="by_election", scope="wards", wards=["Barwell"], other_wards="Sheepy Magna parish\n"),
    )

    assert Election.objects.get().wards == ["Barwell", "Sheepy Magna parish"]


def test_the_election_dates_command_prints_the_date_and_the_days_it_skipped(capsys):
    call_command("election_dates", "2024-05-02")

    out = capsys.readouterr().out
    assert "Latest notice of election: Tuesday 26 March 2024" in out
    assert "2024-03-29  Fri  Good Friday" in out
    assert "2024-04-01  Mon  Bank holiday: Easter Monday" in out
    assert "2024-03-30  Sat  Saturday" in out
    assert "Warning" not in out


def test_the_command_counts_council_added_days_and_warns_beyond_the_bank_holiday_list(capsys, comms_officer):
    services.add_non_working_day(date=D(2029, 4, 11), kind="mourning", description="State funeral", by=comms_officer)

    call_command("election_dates", "2029-05-03")

    out = capsys.readouterr().out
    assert "2029-04-11  Wed  Council-added day: Day of public mourning (State funeral)" in out
    assert "Warning: Herald's list of bank holidays does not cover 2029" in out


def test_changing_an_election_through_the_form_needs_a_reason(client, comms_officer):
    election = ElectionFactory(poll_date=D(2027, 5, 6))
    client.force_login(comms_officer)
    notice = {"notice_published_on_day": "29", "notice_published_on_month": "3", "notice_published_on_year": "2027"}

    page = client.post(f"/elections/{election.pk}/change/", form_data(**notice)).content.decode()
    assert "Enter the reason for the change" in page

    response = client.post(f"/elections/{election.pk}/change/", form_data(**notice, reason="Notice published"))
    assert response.status_code == 302
    election.refresh_from_db()
    assert election.notice_published_on == D(2027, 3, 29)


def test_cancelling_through_the_page_needs_a_reason(client, monitoring_officer):
    election = ElectionFactory(poll_date=D(2027, 5, 6))
    client.force_login(monitoring_officer)

    assert (
        "Enter why the election is being cancelled"
        in client.post(f"/elections/{election.pk}/cancel/", {}).content.decode()
    )
    client.post(f"/elections/{election.pk}/cancel/", {"reason": "Entered twice"})

    election.refresh_from_db()
    assert election.is_cancelled and election.cancelled_reason == "Entered twice"


def test_comms_add_and_remove_a_day_of_thanksgiving(client, comms_officer):
    client.force_login(comms_officer)
    day = {"date_day": "14", "date_month": "4", "date_year": "2027", "kind": "thanksgiving", "description": "Jubilee"}

    assert client.post("/elections/non-working-days/", day).status_code == 302
    page = client.post("/elections/non-working-days/", day).content.decode()
    assert "Wednesday 14 April 2027 is already a council-added non-working day" in page

    added = NonWorkingDay.objects.get()
    client.post(f"/elections/non-working-days/{added.pk}/remove/")
    assert not NonWorkingDay.objects.exists()


def test_an_election_beyond_the_bank_holiday_list_is_flagged_on_its_page_and_in_the_list(client, comms_officer):
    # given a poll in a year the bundled bank-holiday list does not reach, and one it does
    beyond = services.record_election(_details(poll_date=D(2031, 5, 1)), by=comms_officer)
    known = services.record_election(_details(poll_date=D(2027, 5, 6)), by=comms_officer)
    client.force_login(comms_officer)

    # when comms open the election and the list
    detail = client.get(f"/elections/{beyond.pk}/").content.decode()
    listing = client.get("/elections/").content.decode()

    # then both say the holidays are not known for that year, and the known year carries no such warning
    assert "bank holidays does not cover 2031" in detail
    assert "Bank holidays not known for 2031: check the notice date" in listing
    assert "Bank holidays not known for 2027" not in listing
    assert "does not cover" not in client.get(f"/elections/{known.pk}/").content.decode()


def test_a_notice_a_new_non_working_day_makes_late_is_late_and_not_confirmed(client, comms_officer):
    # given a notice published on the latest legal date, Wednesday 31 March 2027, for the 6 May poll
    election = services.record_election(_details(notice_published_on=D(2027, 3, 31)), by=comms_officer)
    assert not election.notice_is_late and not election.late_notice_confirmed

    # when a day of mourning moves the latest legal date a day earlier
    services.add_non_working_day(
        date=D(2027, 4, 14), kind=NonWorkingDay.Kind.MOURNING, description="State funeral", by=comms_officer
    )

    # then the notice is late, and nobody has confirmed it: its page says so and asks for a check
    election.refresh_from_db()
    assert election.notice_is_late and not election.late_notice_confirmed
    client.force_login(comms_officer)
    page = client.get(f"/elections/{election.pk}/").content.decode()
    assert "Nobody has confirmed this date yet" in page
    assert "Someone confirmed this date was correct" not in page
    # and saving the election again asks for the confirmation
    assert (
        "confirm that it is correct"
        in client.post(
            f"/elections/{election.pk}/change/",
            form_data(
                notice_published_on_day="31",
                notice_published_on_month="3",
                notice_published_on_year="2027",
                reason="Checked",
            ),
        ).content.decode()
    )


def test_a_confirmed_late_notice_stays_confirmed_while_the_latest_date_moves(comms_officer):
    election = services.record_election(
        _details(notice_published_on=D(2027, 4, 1), late_notice_confirmed=True), by=comms_officer
    )

    services.add_non_working_day(
        date=D(2027, 4, 14), kind=NonWorkingDay.Kind.MOURNING, description="State funeral", by=comms_officer
    )

    election.refresh_from_db()
    assert election.notice_is_late and election.late_notice_confirmed


def test_cancelling_an_election_already_cancelled_says_so_and_changes_nothing(client, monitoring_officer):
    # given an election someone has already cancelled
    election = ElectionFactory(poll_date=D(2027, 5, 6))
    services.cancel_election(election, by=monitoring_officer, reason="Entered twice")
    events = AuditEvent.objects.for_object(election).count()
    client.force_login(monitoring_officer)

    # when the cancel form (opened before that, in another tab) is sent
    response = client.post(f"/elections/{election.pk}/cancel/", {"reason": "Poll countermanded"})

    # then the page says it is already cancelled, in the error summary, and nothing changes
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page and "This election was already cancelled on" in page
    election.refresh_from_db()
    assert election.cancelled_reason == "Entered twice"
    assert AuditEvent.objects.for_object(election).count() == events
    with pytest.raises(ValidationError, match="already cancelled"):
        services.cancel_election(election, by=monitoring_officer, reason="Poll countermanded")
