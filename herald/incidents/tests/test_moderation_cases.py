"""The moderation inbox and incidents: a councillor-abuse case opens an "abuse or threat" incident
whose playbook runs the response, and a comment can be reported as an incident from its page."""

import re

import pytest
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.incidents import services
from herald.incidents.models import Incident
from herald.moderation.models import CouncillorAbuseCase
from herald.moderation.services import cases
from testing.factories import AccountFactory, CouncillorFactory, comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def bray(db):
    return CouncillorFactory(first_name="Stuart", last_name="Bray", email="stuart.bray@council.example")


def test_a_councillor_abuse_case_opens_one_abuse_incident_with_its_playbook(
    bray, comms_officer, monitoring_officer, mailoutbox, django_capture_on_commit_callbacks
):
    account = AccountFactory()
    # given an abusive comment naming a councillor arrives in the moderation inbox
    with django_capture_on_commit_callbacks(execute=True):
        first = comment(account, "Cllr Stuart Bray you are a useless idiot, I will hurt you")
    case = CouncillorAbuseCase.objects.get()
    # then the case is an abuse-or-threat incident about the councillor and the comment
    opened = Incident.objects.get()
    assert opened.kind == Incident.Kind.ABUSE_OR_THREAT
    assert opened.abuse_case == case and opened.person_concerned == bray
    assert opened.comment_id == first.pk and opened.reported_by is None
    assert opened.aware_at == first.received_at
    assert {"safeguarding", "police", "platform"} <= set(opened.steps.values_list("key", flat=True))
    assert "Reported by Herald, from the moderation inbox" in opened.timeline.get(kind="reported").text
    # and the people who handle abuse are told
    subject = f"[Herald] New incident {opened.reference}: Abuse or threat"
    told = {address for m in mailoutbox if m.subject == subject for address in m.to}
    assert {comms_officer.email, monitoring_officer.email} <= told
    # when a second abusive comment joins the open case, no second incident is opened
    comment(account, "Cllr Stuart Bray, you are scum")
    assert CouncillorAbuseCase.objects.get().comments.count() == 2
    assert Incident.objects.count() == 1


def test_the_incident_opened_by_the_inbox_is_worked_to_closure_with_a_crime_reference(bray, monitoring_officer):
    comment(AccountFactory(), "Cllr Stuart Bray you are a useless idiot, I will hurt you")
    opened = Incident.objects.get()
    services.record_crime_reference(opened, by=monitoring_officer, reference="LP-2026-0042")
    assert opened.steps.get(key="police").done_by == monitoring_officer
    for step in opened.steps.open():
        services.tick_step(step, by=monitoring_officer)
    closed = services.close_incident(
        opened, by=monitoring_officer, cause="A resident angry at a decision", worked="Quick", changes="None"
    )
    assert closed.is_closed and closed.police_reference == "LP-2026-0042"


def test_a_crime_reference_recorded_on_the_incident_is_the_one_on_the_case(client, bray, monitoring_officer):
    # given an abuse case and its incident
    comment(AccountFactory(), "Cllr Stuart Bray you are a useless idiot, I will hurt you")
    opened = Incident.objects.get()
    case = CouncillorAbuseCase.objects.get()
    # when the police referral is recorded on the incident
    services.record_crime_reference(opened, by=monitoring_officer, reference="LP-2026-0042")
    # then the case has it, both pages show it, and the change to the case is in its audit trail
    case.refresh_from_db()
    assert case.police_reference == "LP-2026-0042"
    client.force_login(monitoring_officer)
    assert "LP-2026-0042" in client.get(reverse("moderation:case", args=[case.pk])).content.decode()
    assert "LP-2026-0042" in client.get(reverse("incidents:detail", args=[opened.pk])).content.decode()
    changed = AuditEvent.objects.for_object(case).get(action="moderation.abuse_case_police_reference")
    assert (changed.actor, changed.after) == (monitoring_officer, {"police_reference": "LP-2026-0042"})
    assert AuditEvent.objects.for_object(opened).filter(action="incident.police_referral").count() == 1
    # when the case closes with a corrected reference, the incident shows the corrected one
    cases.close_case(case, by=monitoring_officer, outcome="Police warned the author", police_reference="LP-2026-0043")
    opened.refresh_from_db()
    assert opened.police_reference == "LP-2026-0043"


def test_a_police_reference_recorded_as_the_case_closes_reaches_the_incident_and_its_playbook(
    client, bray, monitoring_officer
):
    # given an abuse case and its incident, with no police referral yet
    comment(AccountFactory(), "Cllr Stuart Bray you are a useless idiot, I will hurt you")
    opened = Incident.objects.get()
    case = CouncillorAbuseCase.objects.get()
    # when the monitoring officer's team closes the case with the police's reference
    cases.close_case(case, by=monitoring_officer, outcome="Reported to the police", police_reference="LP-2026-0050")
    # then the incident shows it, its police step is ticked and its timeline and audit trail say so
    opened.refresh_from_db()
    assert opened.police_reference == "LP-2026-0050"
    assert opened.steps.get(key="police").done_by == monitoring_officer
    assert opened.timeline.filter(text__contains="LP-2026-0050").exists()
    assert AuditEvent.objects.for_object(opened).filter(action="incident.police_referral").exists()
    client.force_login(monitoring_officer)
    page = client.get(reverse("incidents:detail", args=[opened.pk])).content.decode()
    assert "LP-2026-0050 (kept on the councillor-abuse case)" in page


def test_the_incident_and_the_case_link_to_each_other_and_to_the_comment(client, bray, monitoring_officer):
    found = comment(AccountFactory(), "Cllr Stuart Bray you are a useless idiot, I will hurt you")
    opened = Incident.objects.get()
    case = CouncillorAbuseCase.objects.get()
    client.force_login(monitoring_officer)
    page = client.get(reverse("incidents:detail", args=[opened.pk])).content.decode()
    assert reverse("moderation:detail", args=[found.pk]) in page
    assert reverse("moderation:case", args=[case.pk]) in page
    assert "Herald, from the moderation inbox" in page
    page = client.get(reverse("moderation:case", args=[case.pk])).content.decode()
    assert reverse("incidents:detail", args=[opened.pk]) in page


def test_a_comment_is_reported_as_an_incident_from_its_page(client, editor, comms_officer):
    found = comment(AccountFactory(), "Here is my neighbour's phone number 07700 900123")
    client.force_login(comms_officer)
    page = client.get(reverse("moderation:detail", args=[found.pk])).content.decode()
    start = f"{reverse('incidents:report')}?comment={found.pk}&amp;kind=abuse_or_threat"
    assert start in page
    form = client.get(f"{reverse('incidents:report')}?comment={found.pk}&kind=abuse_or_threat").content.decode()
    assert f"Comment {found.pk} in the moderation inbox" in form
    assert f'name="comment" value="{found.pk}"' in form
    response = client.post(
        reverse("incidents:report"),
        {
            "comment": found.pk,
            "kind": "personal_data_breach",
            "summary": "Phone number posted",
            "description": "In a comment.",
        },
    )
    assert response.status_code == 302
    assert Incident.objects.get().comment_reference == f"comment:{found.pk}"


def test_a_report_naming_a_comment_that_does_not_exist_links_no_comment(client, employee):
    client.force_login(employee)
    client.post(
        reverse("incidents:report"),
        {"comment": "999999", "kind": "other", "summary": "Something", "description": "Something else."},
    )
    assert Incident.objects.get().comment_reference == ""


def test_a_crime_reference_kept_on_an_older_incident_is_copied_to_its_case(client, bray, monitoring_officer):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("herald.incidents.migrations.0003_crime_references_kept_on_the_case")
    # given an incident that kept its own crime reference before the case held it, and one whose case has its own
    comment(AccountFactory(), "Cllr Stuart Bray you are a useless idiot, I will hurt you")
    older = Incident.objects.get()
    Incident.objects.filter(pk=older.pk).update(crime_reference="LP-2026-0007")
    # when the migration runs
    assert migration.copy_to_cases(apps, None) == 1
    # then the case page shows it, and running it again changes nothing (the case has one now)
    case = CouncillorAbuseCase.objects.get()
    assert case.police_reference == "LP-2026-0007"
    client.force_login(monitoring_officer)
    assert "LP-2026-0007" in client.get(reverse("moderation:case", args=[case.pk])).content.decode()
    Incident.objects.filter(pk=older.pk).update(crime_reference="LP-2026-0999")
    assert migration.copy_to_cases(apps, None) == 0
    assert CouncillorAbuseCase.objects.get().police_reference == "LP-2026-0007"


def test_the_police_reference_is_recorded_on_the_case_page_open_or_closed(client, bray, monitoring_officer):
    comment(AccountFactory(), "Cllr Stuart Bray you are a useless idiot, I will hurt you")
    case = CouncillorAbuseCase.objects.get()
    opened = Incident.objects.get()
    client.force_login(monitoring_officer)
    page = reverse("moderation:case", args=[case.pk])

    # an empty reference is shown again with the error summary, and nothing is recorded
    empty = client.post(page, {"record_reference": "1", "police_reference": " "})
    assert empty.status_code == 400
    assert "There is a problem" in empty.content.decode()
    assert "Enter the police crime reference" in empty.content.decode()
    assert not CouncillorAbuseCase.objects.get().police_reference

    # while the case is open: kept on the case, the incident's police step done
    assert client.post(page, {"record_reference": "1", "police_reference": "LP-2026-0101"}).status_code == 302
    assert CouncillorAbuseCase.objects.get().police_reference == "LP-2026-0101"
    assert opened.steps.get(key="police").done_by == monitoring_officer
    shown = client.get(page).content.decode()
    assert "LP-2026-0101" in shown and "Change the police reference" in shown
    assert "LP-2026-0101" in client.get(reverse("incidents:detail", args=[opened.pk])).content.decode()

    # the same reference again is refused on the form
    again = client.post(page, {"record_reference": "1", "police_reference": "LP-2026-0101"})
    assert "already recorded" in again.content.decode()

    # after the case is closed, a new reference can still be recorded
    cases.close_case(case, by=monitoring_officer, outcome="Reported to the police")
    assert client.post(page, {"record_reference": "1", "police_reference": "LP-2026-0102"}).status_code == 302
    assert CouncillorAbuseCase.objects.get().police_reference == "LP-2026-0102"
    changes = AuditEvent.objects.for_object(case).filter(action="moderation.abuse_case_police_reference")
    assert [e.after["police_reference"] for e in changes.order_by("pk")] == ["LP-2026-0101", "LP-2026-0102"]


def _without_csrf(page: str) -> str:
    """The page without its one-time values: the CSRF token and the form's submission key."""
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page)
    page = re.sub(r'name="submission_key" value="[^"]*"', "", page)
    return re.sub(r'name="csrf-token" content="[^"]*"', "", page)


def test_the_report_page_does_not_tell_someone_whether_a_comment_they_may_not_see_exists(client, employee):
    # given a comment in an inbox the employee has no part in
    hidden = comment(AccountFactory(), "Here is my neighbour's phone number 07700 900123")
    missing = hidden.pk + 1000
    client.force_login(employee)
    # when they start a report naming it, and one naming a comment that does not exist
    about_hidden = client.get(f"{reverse('incidents:report')}?comment={hidden.pk}")
    about_missing = client.get(f"{reverse('incidents:report')}?comment={missing}")
    # then the two pages are the same
    assert about_hidden.status_code == about_missing.status_code == 200
    assert _without_csrf(about_hidden.content.decode()) == _without_csrf(about_missing.content.decode())
    assert "in the moderation inbox" not in about_hidden.content.decode()
    # and a report they send names no comment
    client.post(
        reverse("incidents:report"),
        {"comment": hidden.pk, "kind": "other", "summary": "Something", "description": "Something else."},
    )
    assert Incident.objects.get().comment_reference == ""
