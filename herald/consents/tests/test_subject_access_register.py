"""The register of subject access requests: Information Governance records each request, Herald works out
when it is due as the ICO counts the month, and tells the DPO of requests overdue or due within a week.
Every test runs on a fixed day (never today)."""

import datetime as dt
import io
import zipfile
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.consents import services
from herald.consents.models import SubjectAccessRequest
from herald.consents.tests.factories import ConsentRecordFactory
from herald.errors import Refused

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
# Monday 16 February 2026, 10:00 in the UK
MONDAY_16_FEB = dt.datetime(2026, 2, 16, 10, 0, tzinfo=LONDON)
D = dt.date


def received(on, *, by, name="Asha Patel"):
    return services.record_subject_access_request(
        services.RequestDetails(requester_name=name, received_by="email", received_on=on), by=by
    )


def date_fields(prefix, day):
    return {f"{prefix}_day": str(day.day), f"{prefix}_month": str(day.month), f"{prefix}_year": str(day.year)}


@time_machine.travel(MONDAY_16_FEB, tick=False)
def test_a_request_received_on_31_january_is_due_on_28_february_shown_the_uk_way(client, dpo):
    # given the DPO records a request received by letter on Saturday 31 January 2026
    client.force_login(dpo)
    response = client.post(
        reverse("consents:sar_new"),
        {"requester_name": "Asha Patel", "received_by": "letter", **date_fields("received_on", D(2026, 1, 31))},
    )
    sar = SubjectAccessRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("consents:sar", args=[sar.pk])
    # then its page says when it is due, the UK way, and that 28 February 2026 is a Saturday
    page = client.get(response["Location"]).content.decode()
    assert 'Due</dt><dd class="govuk-summary-list__value">28 February 2026' in page
    assert "the ICO allows until Monday 2 March 2026" in page
    assert "31 January 2026, by letter" in page
    # and the request is on the audit trail
    assert AuditEvent.objects.filter(action="subject_access.received", object_id=str(sar.pk)).exists()


@time_machine.travel(MONDAY_16_FEB, tick=False)
def test_the_request_form_comes_back_with_govuk_errors_and_keeps_what_was_typed(client, dpo):
    client.force_login(dpo)
    page = client.post(reverse("consents:sar_new"), {}).content.decode()
    assert "govuk-error-summary" in page
    for message in (
        "Enter the name of the person asking",
        "Select how the request was received",
        "Enter the date the request was received",
    ):
        assert message in page
    # a date in the future is refused beside its field, and the name typed is kept
    page = client.post(
        reverse("consents:sar_new"),
        {"requester_name": "Ben Okafor", "received_by": "email", **date_fields("received_on", D(2026, 2, 17))},
    ).content.decode()
    assert "The date it was received must be today or in the past" in page and 'value="Ben Okafor"' in page
    assert not SubjectAccessRequest.objects.exists()


@time_machine.travel(MONDAY_16_FEB, tick=False)
def test_a_pause_for_identity_stops_the_clock_and_the_month_runs_from_when_it_arrived(dpo):
    sar = received(D(2026, 1, 31), by=dpo)
    services.pause_subject_access_request(sar, by=dpo, paused_for="identity", paused_on=D(2026, 2, 2))
    # while paused it is never reminded of: its clock is not running
    assert services.requests_due(on=D(2026, 2, 27)) == []
    sar = services.restart_subject_access_request(sar, by=dpo, arrived_on=D(2026, 2, 10))
    assert sar.identity_checked_on == D(2026, 2, 10) and sar.status == "open"
    assert services.deadline_of(sar).due_on == D(2026, 3, 10)
    assert [a.action for a in AuditEvent.objects.filter(object_id=str(sar.pk)).order_by("pk")][-2:] == [
        "subject_access.paused",
        "subject_access.restarted",
    ]


def test_a_complex_request_is_extended_only_within_its_first_month_and_with_a_reason(dpo):
    with time_machine.travel(dt.datetime(2026, 2, 20, 10, 0, tzinfo=LONDON), tick=False):
        late = received(D(2026, 1, 15), by=dpo)
        on_time = received(D(2026, 1, 31), by=dpo)
        with pytest.raises(Refused, match="Enter why"):
            services.extend_subject_access_request(on_time, by=dpo, months=2, reason=" ", on=D(2026, 2, 20))
        # the first month of a request received on 15 January ended on 15 February
        with pytest.raises(Refused, match="within its first month, which ended on 15 February 2026"):
            services.extend_subject_access_request(late, by=dpo, months=2, reason="Many systems", on=D(2026, 2, 20))
        sar = services.extend_subject_access_request(
            on_time, by=dpo, months=2, reason="Records in five systems", on=D(2026, 2, 20)
        )
    assert sar.status == "extended"
    assert services.deadline_of(sar).due_on == D(2026, 4, 30)


@time_machine.travel(MONDAY_16_FEB, tick=False)
def test_the_extension_form_shows_the_refusal_beside_its_date(client, dpo):
    sar = received(D(2026, 1, 10), by=dpo)
    client.force_login(dpo)
    page = client.post(
        reverse("consents:sar_extend", args=[sar.pk]),
        {"months": "1", "reason": "Many systems", **date_fields("on", D(2026, 2, 16))},
    ).content.decode()
    assert "govuk-error-summary" in page and "which ended on 10 February 2026" in page
    sar.refresh_from_db()
    assert sar.status == "open"


@time_machine.travel(MONDAY_16_FEB, tick=False)
def test_answered_and_refused_requests_leave_the_reminders_and_a_refusal_needs_its_reason(dpo):
    answered, refused = received(D(2026, 1, 20), by=dpo), received(D(2026, 1, 21), by=dpo, name="Ben Okafor")
    assert [d.sar for d in services.requests_due(on=D(2026, 2, 16))] == [answered, refused]
    services.answer_subject_access_request(answered, by=dpo, on=D(2026, 2, 16))
    with pytest.raises(Refused, match="Enter why the request is refused"):
        services.refuse_subject_access_request(refused, by=dpo, on=D(2026, 2, 16), reason="")
    services.refuse_subject_access_request(refused, by=dpo, on=D(2026, 2, 16), reason="Manifestly excessive")
    assert services.requests_due(on=D(2026, 2, 16)) == []
    with pytest.raises(Refused, match="already been answered"):
        services.answer_subject_access_request(refused, by=dpo, on=D(2026, 2, 16))


@time_machine.travel(MONDAY_16_FEB, tick=False)
def test_the_dpo_sees_overdue_and_soon_due_requests_at_home_and_is_emailed_each_morning(
    client, dpo, comms_officer, django_capture_on_commit_callbacks
):
    # given one request overdue (due 13 January), one due within a week (due 20 February), one not yet
    overdue = received(D(2025, 12, 13), by=dpo, name="Asha Patel")
    soon = received(D(2026, 1, 20), by=dpo, name="Ben Okafor")
    later = received(D(2026, 2, 10), by=dpo, name="Chloe Ng")
    # then the DPO's home page lists the first two, with their dates the UK way
    client.force_login(dpo)
    home = client.get("/").content.decode()
    assert f"{overdue.reference}: Asha Patel" in home and "Overdue: was due 13 January 2026" in home
    assert f"{soon.reference}: Ben Okafor" in home and "Due 20 February 2026" in home
    assert later.reference not in home
    # and the comms officer's home page does not show them
    client.force_login(comms_officer)
    assert overdue.reference not in client.get("/").content.decode()
    # and the morning's email goes to Information Governance only
    with django_capture_on_commit_callbacks(execute=True):
        services.remind_dpo_of_due_requests()
    [email] = mail.outbox
    assert email.to == [dpo.email]
    assert email.subject == "Subject access: 1 overdue, 1 due within a week"
    assert overdue.reference in email.body and soon.reference in email.body and later.reference not in email.body
    assert "was due 13 January 2026" in email.body


@time_machine.travel(MONDAY_16_FEB, tick=False)
def test_the_export_made_for_a_request_is_attached_to_it_and_its_download_audited(client, dpo, monkeypatch):
    from herald.signin import reauth

    monkeypatch.setattr(reauth.services, "recently_confirmed", lambda session: True)
    ConsentRecordFactory(subject_name="Asha Patel")
    sar = received(D(2026, 2, 2), by=dpo)
    client.force_login(dpo)
    page = client.get(reverse("consents:subject_access"), {"q": "Asha Patel", "sar": sar.pk}).content.decode()
    assert f"Attach the subject access pack to {sar.reference}" in page
    ids = [r.pk for r in services.find_subject_records("Asha Patel")]
    response = client.post(
        reverse("consents:subject_export"), {"q": "Asha Patel", "record": ids, "format": "pack", "sar": sar.pk}
    )
    assert response["Location"] == reverse("consents:sar", args=[sar.pk])
    download = client.get(reverse("consents:sar_export", args=[sar.pk]))
    assert zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content))).namelist()
    assert [e.action for e in AuditEvent.objects.filter(object_id=str(sar.pk)).order_by("pk")][-2:] == [
        "subject_access.export_attached",
        "subject_access.export_downloaded",
    ]


@time_machine.travel(MONDAY_16_FEB, tick=False)
def test_pressing_record_the_request_twice_records_it_once(client, dpo):
    from testing.forms import submission_key

    client.force_login(dpo)
    key = submission_key(client.get(reverse("consents:sar_new")).content.decode())
    data = {
        "requester_name": "Asha Patel",
        "received_by": "letter",
        **date_fields("received_on", D(2026, 2, 2)),
        "submission_key": key,
    }
    first, second = client.post(reverse("consents:sar_new"), data), client.post(reverse("consents:sar_new"), data)
    sar = SubjectAccessRequest.objects.get()
    assert first["Location"] == second["Location"] == reverse("consents:sar", args=[sar.pk])


@time_machine.travel(MONDAY_16_FEB, tick=False)
def test_an_overdue_request_cannot_be_paused_to_make_it_look_on_time(client, dpo):
    # given a request received on 1 December 2025, due on 1 January 2026 and six weeks late on 16 February
    sar = received(D(2025, 12, 1), by=dpo)
    [due] = services.requests_due(on=D(2026, 2, 16))
    assert due.overdue
    # when the DPO asks for clarification today and tries to pause it
    client.force_login(dpo)
    page = client.post(
        reverse("consents:sar_pause", args=[sar.pk]),
        {"paused_for": "clarification", **date_fields("paused_on", D(2026, 2, 16))},
    ).content.decode()
    # (its page no longer offers a pause) then the form says why not, and the request stays open and overdue
    assert (
        reverse("consents:sar_pause", args=[sar.pk])
        not in client.get(reverse("consents:sar", args=[sar.pk])).content.decode()
    )
    assert "govuk-error-summary" in page and "cannot be paused once it is overdue" in page
    sar.refresh_from_db()
    assert sar.status == "open"
    assert [d.overdue for d in services.requests_due(on=D(2026, 2, 16))] == [True]


@time_machine.travel(MONDAY_16_FEB, tick=False)
def test_an_extension_cannot_be_backdated_once_the_first_month_has_passed(client, dpo):
    # given a request received on 1 December 2025, whose first month ended on 1 January 2026
    sar = received(D(2025, 12, 1), by=dpo)
    # when on 16 February the DPO records an extension dated 20 December, by posting the form directly
    client.force_login(dpo)
    page = client.post(
        reverse("consents:sar_extend", args=[sar.pk]),
        {"months": "2", "reason": "Records in five systems", **date_fields("on", D(2025, 12, 20))},
    ).content.decode()
    # then it is refused, and the request is still overdue
    assert "govuk-error-summary" in page and "which ended on 1 January 2026" in page
    sar.refresh_from_db()
    assert (sar.status, sar.extension_months) == ("open", 0)
    assert [d.overdue for d in services.requests_due(on=D(2026, 2, 16))] == [True]


@time_machine.travel(MONDAY_16_FEB, tick=False)
def test_waiting_for_clarification_stops_the_clock_without_giving_a_fresh_month(client, dpo):
    # given a request received on 2 February 2026, due 2 March
    sar = received(D(2026, 2, 2), by=dpo)
    # when the DPO asks for clarification on 9 February and it arrives on 16 February
    sar = services.pause_subject_access_request(sar, by=dpo, paused_for="clarification", paused_on=D(2026, 2, 9))
    sar = services.restart_subject_access_request(sar, by=dpo, arrived_on=D(2026, 2, 16))
    # then the 7 days it waited are added: due 9 March, not 16 March (a month from the answer)
    assert services.deadline_of(sar).due_on == D(2026, 3, 9)
    client.force_login(dpo)
    page = client.get(reverse("consents:sar", args=[sar.pk])).content.decode()
    assert 'Due</dt><dd class="govuk-summary-list__value">9 March 2026' in page
    assert "7 days waiting for clarification" in page


@time_machine.travel(MONDAY_16_FEB, tick=False)
def test_a_request_waiting_for_the_requester_over_two_weeks_is_shown_to_the_dpo_at_home(client, dpo, comms_officer):
    # given one request paused on 30 January (17 days ago) and one paused on 10 February
    long_ago = received(D(2026, 1, 28), by=dpo, name="Asha Patel")
    services.pause_subject_access_request(long_ago, by=dpo, paused_for="identity", paused_on=D(2026, 1, 30))
    lately = received(D(2026, 2, 9), by=dpo, name="Ben Okafor")
    services.pause_subject_access_request(lately, by=dpo, paused_for="clarification", paused_on=D(2026, 2, 10))
    # then the DPO's home page names the first, with the day the council started waiting, and not the second
    client.force_login(dpo)
    home = client.get("/").content.decode()
    assert f"{long_ago.reference}: Asha Patel" in home
    assert "Waiting for the requester since 30 January 2026 (proof of identity)" in home
    assert lately.reference not in home
    # and nobody else sees it
    client.force_login(comms_officer)
    assert long_ago.reference not in client.get("/").content.decode()


@time_machine.travel(MONDAY_16_FEB, tick=False)
def test_the_export_sent_with_an_answered_request_is_never_replaced(client, dpo, monkeypatch, settings, tmp_path):
    from herald.signin import reauth

    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(reauth.services, "recently_confirmed", lambda session: True)
    ConsentRecordFactory(subject_name="Asha Patel")
    sar = received(D(2026, 2, 2), by=dpo)
    sar = services.attach_subject_access_export(sar, b"what was sent", by=dpo)
    sar = services.answer_subject_access_request(sar, by=dpo, on=D(2026, 2, 16))
    # a later export for the same request is refused, by the service and by the page
    with pytest.raises(Refused, match="is what was sent"):
        services.attach_subject_access_export(sar, b"made later", by=dpo)
    client.force_login(dpo)
    ids = [r.pk for r in services.find_subject_records("Asha Patel")]
    response = client.post(
        reverse("consents:subject_export"),
        {"q": "Asha Patel", "record": ids, "format": "pack", "sar": sar.pk},
        follow=True,
    )
    assert "the export kept with it is what was sent" in response.content.decode()
    sar.refresh_from_db()
    with sar.export.open("rb") as kept:
        assert kept.read() == b"what was sent"


@time_machine.travel(MONDAY_16_FEB, tick=False)
def test_migration_0005_gives_requests_restarted_after_clarification_back_the_days_already_used(dpo):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("herald.consents.migrations.0005_subject_access_clock_stopped_days")
    # a request restarted after clarification before the clock stopped, counted a fresh month from 16 February
    sar = received(D(2026, 2, 2), by=dpo)
    SubjectAccessRequest.objects.filter(pk=sar.pk).update(
        paused_for="clarification", paused_on=D(2026, 2, 9), restarted_on=D(2026, 2, 16)
    )
    sar.refresh_from_db()
    assert services.deadline_of(sar).due_on == D(2026, 3, 16)
    migration.clarification_stops_the_clock(apps, None)
    sar.refresh_from_db()
    assert (sar.clock_stopped_days, sar.restarted_on) == (7, None)
    assert services.deadline_of(sar).due_on == D(2026, 3, 9)


@time_machine.travel(MONDAY_16_FEB, tick=False)
def test_a_pause_cannot_be_backdated_over_what_is_already_recorded(client, dpo):
    # given a request received 2 February, paused for clarification on 3 February, which arrived on 10 February
    sar = received(D(2026, 2, 2), by=dpo)
    sar = services.pause_subject_access_request(sar, by=dpo, paused_for="clarification", paused_on=D(2026, 2, 3))
    sar = services.restart_subject_access_request(sar, by=dpo, arrived_on=D(2026, 2, 10))
    due_before = services.deadline_of(sar).due_on
    client.force_login(dpo)
    url = reverse("consents:sar_pause", args=[sar.pk])
    for paused_for in ("identity", "clarification"):
        # when the DPO records a second pause dated 5 February, before the clarification arrived
        page = client.post(url, {"paused_for": paused_for, **date_fields("paused_on", D(2026, 2, 5))}).content.decode()
        # then the form says why not, and the clock is as it was
        assert "govuk-error-summary" in page and "must be on or after 10 February 2026" in page
        sar.refresh_from_db()
        assert (sar.status, services.deadline_of(sar).due_on) == ("open", due_before)
    # and a pause dated the day it arrived, or later, is taken
    response = client.post(url, {"paused_for": "identity", **date_fields("paused_on", D(2026, 2, 10))})
    assert response.status_code == 302
    sar.refresh_from_db()
    assert (sar.status, sar.paused_on) == ("paused", D(2026, 2, 10))


@time_machine.travel(MONDAY_16_FEB, tick=False)
def test_a_pause_for_identity_cannot_start_before_identity_was_recorded_as_checked(dpo):
    sar = services.record_subject_access_request(
        services.RequestDetails(
            requester_name="Asha Patel",
            received_by="email",
            received_on=D(2026, 2, 2),
            identity_checked_on=D(2026, 2, 9),
        ),
        by=dpo,
    )
    with pytest.raises(Refused, match="on or after 9 February 2026"):
        services.pause_subject_access_request(sar, by=dpo, paused_for="identity", paused_on=D(2026, 2, 4))
    # nor after today
    with pytest.raises(Refused, match="today or in the past"):
        services.pause_subject_access_request(sar, by=dpo, paused_for="identity", paused_on=D(2026, 2, 17))
