"""Reporting incidents, their playbooks, the 72-hour clock, strict visibility and closing."""

import csv
import datetime as dt
import hashlib
import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from herald.audit.models import AuditEvent
from herald.errors import Refused
from herald.incidents import services
from herald.incidents.models import Incident
from herald.posts import selectors as posts_selectors
from herald.social_accounts.models import SecurityTask
from herald.social_accounts.tests.factories import AccountFactory
from testing.factories import PersonFactory, incident
from testing.forms import submission_key

pytestmark = pytest.mark.django_db


def test_reporting_copies_the_playbook_with_deadlines_and_tells_the_people_who_handle_it(
    django_capture_on_commit_callbacks, employee, comms_officer, ict_officer, dpo
):
    with django_capture_on_commit_callbacks(execute=True):
        hacked = incident("account_compromised", by=employee, account=AccountFactory())
    steps = list(hacked.steps.all())
    assert [s.key for s in steps][:3] == ["stop", "recover", "recovery-details"]
    assert steps[0].due_at == hacked.reported_at + dt.timedelta(hours=1)
    assert {s.owner_role for s in steps} == {"comms", "ict"}
    told = {address for message in mail.outbox for address in message.to}
    assert {comms_officer.email, ict_officer.email} <= told
    assert dpo.email not in told


def test_a_hacked_account_report_opens_a_credential_rotation_task_and_comms_stop_publishing_in_one_click(
    employee, comms_officer
):
    account = AccountFactory()
    hacked = incident("account_compromised", by=employee, account=account)
    assert SecurityTask.objects.get(account=account).kind == SecurityTask.Kind.COMPROMISE
    hacked = services.stop_publishing_for(hacked, by=comms_officer)
    assert posts_selectors.pause_covering(account) == hacked.pause
    assert hacked.steps.get(key="stop").done_by == comms_officer
    with pytest.raises(Refused):
        services.stop_publishing_for(hacked, by=comms_officer)
    assert SecurityTask.objects.filter(account=account).count() == 1


def test_only_the_communications_team_can_stop_publishing_from_an_incident(employee, ict_officer):
    hacked = incident("account_compromised", by=employee, account=AccountFactory())
    with pytest.raises(Refused):
        services.stop_publishing_for(hacked, by=ict_officer)


@pytest.mark.time_machine(dt.datetime(2026, 11, 27, 15, 0, tzinfo=dt.UTC))  # a Friday afternoon
def test_the_72_hour_clock_counts_clock_hours_through_the_weekend(editor):
    breach = incident("personal_data_breach", by=editor, aware_at=dt.datetime(2026, 11, 27, 13, 0, tzinfo=dt.UTC))
    assert breach.ico_deadline == dt.datetime(2026, 11, 30, 13, 0, tzinfo=dt.UTC)  # Monday, not Wednesday
    assert breach.steps.get(key="ico").due_at == breach.ico_deadline


@pytest.mark.time_machine(dt.datetime(2026, 11, 27, 15, 0, tzinfo=dt.UTC))
def test_a_report_to_the_ico_after_72_hours_must_say_why_it_was_late(editor, dpo, time_machine):
    breach = incident("personal_data_breach", by=editor)
    breach = services.assess_breach(breach, by=dpo, data_involved="Names", people_affected=3, risk="risk")
    time_machine.shift(dt.timedelta(hours=80))
    late = timezone.now() - dt.timedelta(hours=1)
    with pytest.raises(Refused) as refused:
        services.decide_ico_report(
            breach, by=dpo, decision="report", reasoning="A risk to three people", reported_at=late
        )
    assert "late_reason" in refused.value.error_dict
    breach = services.decide_ico_report(
        breach, by=dpo, decision="report", reasoning="A risk to three people", reported_at=late, late_reason="Weekend"
    )
    assert breach.ico_clock_stopped and breach.late_reason == "Weekend"


def test_the_dpo_is_warned_once_when_a_day_of_the_72_hours_is_left(django_capture_on_commit_callbacks, editor, dpo):
    breach = incident("personal_data_breach", by=editor, aware_at=timezone.now() - dt.timedelta(hours=50))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.warn_breach_clocks() == [breach]
        assert services.warn_breach_clocks() == []
    assert [m.to for m in mail.outbox] == [[dpo.email]]
    assert "hours left to decide" in mail.outbox[0].subject


def test_an_incident_closes_only_once_every_step_is_ticked_and_the_review_is_written(employee, comms_officer):
    other = incident("other", by=employee)
    with pytest.raises(Refused) as refused:
        services.close_incident(other, by=comms_officer, cause="", worked="", changes="")
    assert set(refused.value.error_dict) == {"cause", "changes"}
    with pytest.raises(Refused, match="open step"):
        services.close_incident(other, by=comms_officer, cause="A typo", worked="", changes="Nothing")
    services.tick_step(other.steps.get(), by=comms_officer)
    closed = services.close_incident(other, by=comms_officer, cause="A typo", worked="Quick", changes="Nothing")
    assert closed.is_closed and closed.closed_by == comms_officer
    with pytest.raises(Refused, match="closed"):
        services.add_note(closed, by=comms_officer, text="Too late")


def test_a_step_marked_not_needed_says_why(employee, comms_officer):
    hacked = incident("account_compromised", by=employee)
    with pytest.raises(Refused):
        services.tick_step(hacked.steps.get(key="followers"), by=comms_officer, outcome="not_needed", note="")


def test_the_hr_outcome_is_read_by_hr_alone(client, employee, comms_officer, hr_officer, service_manager):
    case = incident("employee_post", by=comms_officer, person_concerned=employee)
    assert service_manager in case.workers.all()  # the employee's manager works it with HR
    services.record_hr_outcome(case, by=hr_officer, referred=True, outcome="Final written warning")
    for person, sees in ((hr_officer, True), (comms_officer, False), (service_manager, False)):
        client.force_login(person)
        page = client.get(reverse("incidents:detail", args=[case.pk])).content.decode()
        assert ("Final written warning" in page) is sees
    assert not AuditEvent.objects.filter(after__icontains="Final written warning").exists()


def test_a_reader_of_the_audit_trail_cannot_confirm_a_guess_at_the_hr_outcome(employee, comms_officer, hr_officer):
    # given HR records a short outcome anyone could guess
    case = incident("employee_post", by=comms_officer, person_concerned=employee)
    services.record_hr_outcome(case, by=hr_officer, referred=True, outcome="Dismissed")
    threat = incident("abuse_or_threat", by=comms_officer)
    services.record_crime_reference(threat, by=comms_officer, reference="CR/2026/0001")
    recorded = AuditEvent.objects.get(action="incident.hr_outcome_recorded").after["outcome"]
    crime = AuditEvent.objects.get(action="incident.police_referral").after["crime_reference"]
    # when a reader of the trail hashes their guesses the way the trail might have
    guesses = {
        prefix + hashlib.sha256(str(text).encode()).hexdigest()
        for text in ((True, "Dismissed"), "Dismissed", "CR/2026/0001")
        for prefix in ("", "sha256:")
    }
    # then no guess matches, yet Herald (holding the key) can still show the trail recorded that text
    assert recorded not in guesses and crime not in guesses
    assert recorded.startswith("hmac-sha256:")
    assert recorded == services.fingerprint((True, "Dismissed"))
    assert crime == services.fingerprint("CR/2026/0001")


def test_breach_details_are_for_the_dpo_and_the_reporter_sees_only_the_status(client, editor, comms_officer, dpo):
    breach = incident("personal_data_breach", by=editor, description="Names of 14 children on a sign-in sheet")
    client.force_login(comms_officer)
    assert client.get(reverse("incidents:detail", args=[breach.pk])).status_code == 404
    client.force_login(editor)
    page = client.get(reverse("incidents:detail", args=[breach.pk])).content.decode()
    assert "Reported" in page and "14 children" not in page
    client.force_login(dpo)
    assert "14 children" in client.get(reverse("incidents:detail", args=[breach.pk])).content.decode()
    assert "14 children" not in str(list(AuditEvent.objects.values_list("after", flat=True)))


def test_someone_brought_in_to_work_a_breach_sees_it(client, editor, dpo):
    colleague = PersonFactory()
    breach = incident("personal_data_breach", by=editor)
    services.triage_incident(breach, by=dpo, severity="high", lead=dpo, add_workers=[colleague])
    client.force_login(colleague)
    assert client.get(reverse("incidents:breach", args=[breach.pk])).status_code == 200


def test_evidence_is_hashed_into_the_audit_trail(comms_officer, employee):
    from django.core.files.uploadedfile import SimpleUploadedFile

    hacked = incident("account_compromised", by=employee)
    entry = services.add_note(
        hacked, by=comms_officer, text="Screenshot", evidence=SimpleUploadedFile("shot.png", b"the bytes")
    )
    expected = hashlib.sha256(b"the bytes").hexdigest()
    assert entry.evidence_sha256 == expected
    event = AuditEvent.objects.filter(action="incident.evidence_added").get()
    assert event.after["evidence_sha256"] == expected


def test_downloading_evidence_records_who_took_which_file(client, comms_officer, employee):
    from django.core.files.uploadedfile import SimpleUploadedFile

    hacked = incident("account_compromised", by=employee)
    entry = services.add_note(
        hacked, by=comms_officer, text="Screenshot", evidence=SimpleUploadedFile("jane-doe-dm.png", b"the bytes")
    )
    client.force_login(comms_officer)
    response = client.get(reverse("incidents:evidence", args=[hacked.pk, entry.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"the bytes"
    event = AuditEvent.objects.get(action="incident.evidence_downloaded")
    assert event.actor == comms_officer and event.object_id == str(hacked.pk)
    assert event.after["entry"] == entry.pk
    assert event.after["evidence_sha256"] == hashlib.sha256(b"the bytes").hexdigest()
    # the file's name may be personal data: the trail holds its fingerprint, as when it was added
    assert "jane-doe" not in str(event.after) and event.after["evidence_name"] == services.fingerprint(
        "jane-doe-dm.png"
    )


def test_every_breach_is_in_the_exported_log_whether_reported_or_not(client, editor, dpo):
    reported = incident("personal_data_breach", by=editor, summary="Reported one")
    kept = incident("personal_data_breach", by=editor, summary="=HYPERLINK(1)")
    for breach, decision in ((reported, "report"), (kept, "do_not_report")):
        # Not reported only when unlikely to result in a risk to people (article 33(1)).
        risk = "risk" if decision == "report" else "unlikely"
        breach = services.assess_breach(breach, by=dpo, data_involved="Names", people_affected=2, risk=risk)
        services.decide_ico_report(
            breach,
            by=dpo,
            decision=decision,
            reasoning="Because",
            reported_at=timezone.now() if decision == "report" else None,
        )
    incident("other", by=editor)
    client.force_login(dpo)
    response = client.get(reverse("incidents:breach_log_csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 3
    assert {row[7] for row in rows[1:]} == {"Report to the ICO", "Do not report to the ICO"}
    assert "'=HYPERLINK(1)" in {row[3] for row in rows[1:]}


def test_taking_a_copy_of_the_breach_log_is_written_to_the_audit_trail(client, editor, dpo):
    # given two breaches in the log, which describe the personal data each involved
    for summary in ("Spreadsheet emailed to the wrong school", "Letter sent to an old address"):
        incident("personal_data_breach", by=editor, summary=summary)
    client.force_login(dpo)
    # when the data protection officer downloads it
    response = client.get(reverse("incidents:breach_log_csv"))
    # then the trail says who took a copy, and of how many breaches
    assert response.status_code == 200
    event = AuditEvent.objects.get(action="incident.breach_log_exported")
    assert event.actor == dpo
    assert event.after == {"format": "csv", "breaches": 2}


def test_recently_closed_lists_the_incidents_closed_last_not_those_reported_last(client, employee, comms_officer):
    # given 21 closed incidents: the first reported was closed last, today; the others long ago
    start = timezone.now() - dt.timedelta(days=300)
    reported = [incident("other", by=employee) for _ in range(21)]
    for number, each in enumerate(reported):
        Incident.objects.filter(pk=each.pk).update(
            reported_at=start + dt.timedelta(days=number),
            status=Incident.Status.CLOSED,
            closed_at=timezone.now() if number == 0 else start + dt.timedelta(days=number, hours=1),
            review_cause="Cause",
            review_changes="Nothing",
        )
    client.force_login(comms_officer)
    # when the communications team opens the incidents page
    page = client.get(reverse("incidents:index")).content.decode()
    # then the one closed today is among the recently closed (the page shows the last 20)
    recently_closed = page.split("Recently closed", 1)[1]
    assert reported[0].reference in recently_closed


def test_the_report_form_redisplays_with_an_error_summary(client, employee):
    client.force_login(employee)
    response = client.post(reverse("incidents:report"), {"kind": "other", "summary": "", "description": ""})
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page and "Enter a short summary" in page
    assert Incident.objects.count() == 0


def test_the_incident_forms_show_a_refusal_beside_its_field_and_the_stop_button_says_why_it_cannot(
    client, employee, comms_officer
):
    hacked = incident("account_compromised", by=employee, account=AccountFactory())
    client.force_login(comms_officer)
    # a note with neither words nor a file: the service's refusal sits beside the note, the page stays
    response = client.post(reverse("incidents:note", args=[hacked.pk]), {"text": ""})
    assert response.status_code == 200
    assert 'href="#id_text">Enter a note or choose a file' in response.content.decode()
    # publishing already stopped: pressing the button again says so
    client.post(reverse("incidents:stop", args=[hacked.pk]))
    response = client.post(reverse("incidents:stop", args=[hacked.pk]), follow=True)
    assert "Publishing is already stopped on this account" in response.content.decode()


@pytest.mark.parametrize("name", ["account", "post", "record", "person", "comment"])
def test_a_report_about_something_named_by_a_number_that_is_not_one_is_about_nothing(client, comms_officer, name):
    # "²" and "¹²" pass str.isdigit() but are not numbers int() can read
    client.force_login(comms_officer)

    page = client.get(f"{reverse('incidents:report')}?{name}=%C2%B9%C2%B2")
    client.post(
        reverse("incidents:report"),
        {name: "²", "kind": "other", "summary": "Something", "description": "Something else."},
    )

    assert page.status_code == 200 and 'id="report-about"' not in page.content.decode()
    reported = Incident.objects.get()
    assert (reported.account, reported.post, reported.consent_record, reported.person_concerned) == (None,) * 4
    assert reported.comment_reference == ""


@pytest.mark.parametrize("reference", ["comment:²", "comment:①", "comment:"])
def test_an_incident_whose_comment_reference_is_not_a_plain_number_shows_without_a_comment_link(
    client, comms_officer, reference
):
    # given an incident whose stored comment reference is not one Herald wrote (an import, an old row)
    reported = incident("other", by=comms_officer)
    Incident.objects.filter(pk=reported.pk).update(comment_reference=reference)
    client.force_login(comms_officer)

    # when its page is opened
    page = client.get(reverse("incidents:detail", args=[reported.pk]))

    # then it shows, with no link to a comment that cannot exist
    assert page.status_code == 200
    assert 'id="incident-comment"' not in page.content.decode()


def test_pressing_report_twice_reports_the_incident_once_and_tells_its_handlers_once(
    client, employee, comms_officer, django_capture_on_commit_callbacks
):
    client.force_login(employee)
    page = client.get(reverse("incidents:report")).content.decode()
    form = {
        "kind": "other",
        "summary": "Fake page using the council's logo",
        "description": "Found on Facebook this morning.",
        "submission_key": submission_key(page),
    }
    with django_capture_on_commit_callbacks(execute=True):
        first, second = (client.post(reverse("incidents:report"), form) for _ in range(2))

    reported = Incident.objects.get()
    assert first["Location"] == second["Location"] == reverse("incidents:detail", args=[reported.pk])
    assert [message.to for message in mail.outbox].count([comms_officer.email]) == 1


def test_a_report_whose_one_time_key_arrives_mangled_is_still_reported(client, employee):
    # given a report form whose hidden key reached Herald with a NUL byte in it (PostgreSQL cannot store one)
    client.force_login(employee)
    form = {
        "kind": "other",
        "summary": "Fake page using the council's logo",
        "description": "Found on Facebook this morning.",
        "submission_key": "abc\x00def",
    }
    # when it is sent
    response = client.post(reverse("incidents:report"), form)
    # then the incident is reported, as with no key, instead of a server error losing what was typed
    reported = Incident.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("incidents:detail", args=[reported.pk])


def test_pressing_add_to_the_timeline_twice_adds_the_note_once(client, employee, comms_officer):
    reported = incident("other", by=employee)
    client.force_login(comms_officer)
    url = reverse("incidents:note", args=[reported.pk])
    key = submission_key(client.get(url).content.decode())
    form = {"text": "Rang the page's owner: they are taking it down.", "submission_key": key}

    first, second = (client.post(url, form) for _ in range(2))

    assert first["Location"] == second["Location"] == reverse("incidents:detail", args=[reported.pk])
    notes = reported.timeline.filter(text="Rang the page's owner: they are taking it down.")
    assert notes.count() == 1
