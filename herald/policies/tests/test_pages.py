"""The pages, through Django's test client: forms re-display with their errors, objects rules hold."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from herald.audit.models import AuditEvent
from herald.people.roles import Role
from herald.policies import services
from herald.policies.models import AdviceRequest, Campaign, PolicyVersion
from herald.policies.tests.factories import CampaignFactory, QuizQuestionFactory
from testing.factories import PASSWORD, PersonFactory, TeamFactory

pytestmark = pytest.mark.django_db


def test_a_clause_page_shows_the_plain_english_summary_and_the_words(client, employee, policy_documents):
    client.force_login(employee)
    page = client.get("/policies/employee-policy/clauses/politically-restricted/").content.decode()
    assert "Politically restricted posts" in page and "even in a private capacity" in page
    assert 'href="/policies/employee-policy/#clause-politically-restricted"' in page
    assert client.get("/policies/employee-policy/clauses/nonsense/").status_code == 404


def test_a_draft_with_a_missing_clause_is_shown_again_with_the_error_and_nothing_saved(
    client, comms_officer, policy_documents
):
    client.force_login(comms_officer)
    body = policy_documents["employee-policy"].published_version.body.replace("{#clause-breaches}", "")
    response = client.post("/policies/employee-policy/draft/", {"body": body, "change_summary": "Tidy"})
    assert response.status_code == 200
    assert (
        "There is a problem" in response.content.decode()
        and "Keep the clause &#x27;breaches&#x27;" in response.content.decode()
    )
    assert not PolicyVersion.objects.filter(status="draft").exists()


def test_comms_edit_compare_and_publish_a_new_version(client, comms_officer, policy_documents):
    client.force_login(comms_officer)
    body = policy_documents["member-guidance"].published_version.body.replace(
        "Keep a record.", "Keep a record, always."
    )
    response = client.post("/policies/member-guidance/draft/", {"body": body, "change_summary": "Stronger advice"})
    assert response["Location"] == "/policies/member-guidance/draft/changes/"
    changes = client.get(response["Location"]).content.decode()
    assert (
        '<del><span class="govuk-visually-hidden">Removed: </span>' in changes and "Keep a record, always." in changes
    )
    client.post("/policies/member-guidance/draft/publish/")
    document = client.get("/policies/member-guidance/").content.decode()
    assert "Version 2" in document and "Keep a record, always." in document
    old = client.get("/policies/member-guidance/versions/1/").content.decode()
    assert "This version has been replaced" in old


def test_drafts_are_hidden_from_everyone_but_the_communications_team(client, comms_officer, employee, policy_documents):
    document = policy_documents["employee-policy"]
    services.save_draft(
        document, body=document.published_version.body + "\nSecret.", change_summary="x", by=comms_officer
    )
    client.force_login(employee)
    assert client.get("/policies/employee-policy/versions/2/").status_code == 404
    client.force_login(comms_officer)
    assert client.get("/policies/employee-policy/versions/2/").status_code == 200


def test_the_campaign_form_explains_every_problem(client, comms_officer, policy_documents):
    client.force_login(comms_officer)
    response = client.post(
        "/policies/campaigns/new/",
        {
            "title": "",
            "document": policy_documents["employee-policy"].pk,
            "audience": "service_area",
            "due_on": "2020-01-01",
            "reminder_every_days": "0",
            "final_reminder_days_before": "2",
        },
    )
    page = response.content.decode()
    for message in (
        "Enter a title for the campaign",
        "Select the service area",
        "The due date must be in the future",
        "Remind people at least every 30 days and at most every day",
    ):
        assert message in page
    assert not Campaign.objects.exists()


def test_councillors_are_asked_to_acknowledge_their_own_guidance(client, comms_officer, policy_documents):
    client.force_login(comms_officer)
    response = client.post(
        "/policies/campaigns/new/",
        {
            "title": "Members",
            "document": policy_documents["employee-policy"].pk,
            "audience": "councillors",
            "due_on": (timezone.localdate() + dt.timedelta(days=10)).isoformat(),
            "reminder_every_days": "3",
            "final_reminder_days_before": "2",
        },
    )
    assert "Councillors acknowledge the Guidance for Elected Members" in response.content.decode()


def test_an_employee_reads_passes_the_quiz_and_acknowledges(client, employee, comms_officer, policy_documents):
    campaign = CampaignFactory(audience="team", team=employee.team)
    question = QuizQuestionFactory(campaign=campaign)
    services.launch_campaign(campaign, by=comms_officer)
    client.force_login(employee)
    url = f"/policies/campaigns/{campaign.pk}/"
    assert "Confirm my acknowledgement" not in client.get(url + "acknowledge/").content.decode()
    client.get(url + "read/")
    wrong = client.post(url + "take-quiz/", {f"q{question.pk}": "0"}).content.decode()
    assert "You got 0 of 1 right" in wrong
    client.post(url + "take-quiz/", {f"q{question.pk}": "1"})
    unticked = client.post(url + "acknowledge/", {}).content.decode()
    assert "Tick the box to confirm you have read the policy" in unticked
    client.post(url + "acknowledge/", {"confirm": "on"})
    done = client.get(url + "acknowledge/").content.decode()
    assert "Acknowledged" in done and "Opened the document, passed the quiz and confirmed online" in done
    assert campaign.acknowledgements.get().quiz_attempts == 2


def test_people_not_asked_cannot_open_someone_elses_campaign(client, employee, comms_officer, policy_documents):
    campaign = CampaignFactory(audience="team", team=employee.team)
    services.launch_campaign(campaign, by=comms_officer)
    outsider = PersonFactory(team=TeamFactory(name="Finance"))
    client.force_login(outsider)
    assert client.get(f"/policies/campaigns/{campaign.pk}/acknowledge/").status_code == 404


@pytest.fixture
def two_teams(policy_documents, employee, service_manager, comms_officer):
    other_manager = PersonFactory(roles=[Role.SERVICE_MANAGER], team=TeamFactory(name="Finance"))
    other = PersonFactory(team=other_manager.team, service_manager=other_manager, first_name="Olive", last_name="Other")
    campaign = CampaignFactory(audience="all_employees")
    services.launch_campaign(campaign, by=comms_officer)
    return campaign, other_manager, other


def test_a_service_manager_sees_only_their_own_teams(client, two_teams, employee, service_manager):
    campaign, _, other = two_teams
    client.force_login(service_manager)
    page = client.get(f"/policies/campaigns/{campaign.pk}/").content.decode()
    assert employee.full_name in page and other.full_name not in page
    # the spreadsheet holds staff emails: they confirm who they are first
    assert client.get(f"/policies/campaigns/{campaign.pk}/export.csv").status_code == 302
    client.post(reverse("signin:confirm"), {"password": PASSWORD})
    csv = client.get(f"/policies/campaigns/{campaign.pk}/export.csv").content.decode()
    assert employee.email in csv and other.email not in csv


def test_a_service_manager_cannot_chase_someone_elses_team(
    client, two_teams, service_manager, django_capture_on_commit_callbacks
):
    campaign, _, other = two_teams
    client.force_login(service_manager)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/policies/campaigns/{campaign.pk}/people/{other.pk}/chase/").status_code == 403
    assert not mail.outbox


def test_comms_see_the_whole_council_with_a_chart_and_a_table_and_can_export(
    client, two_teams, comms_officer, employee
):
    campaign, _, other = two_teams
    client.force_login(comms_officer)
    page = client.get(f"/policies/campaigns/{campaign.pk}/").content.decode()
    assert 'role="img"' in page and "Acknowledgements by service area" in page
    assert "Finance" in page and employee.team.service_area.name in page
    csv = client.get(f"/policies/campaigns/{campaign.pk}/export.csv")
    assert csv["Content-Type"].startswith("text/csv")
    assert other.email in csv.content.decode() and employee.email in csv.content.decode()


def test_self_check_advises_a_politically_restricted_employee_and_stores_nothing(
    client, restricted_post_holder, policy_documents
):
    client.force_login(restricted_post_holder)
    audit_before = AuditEvent.objects.count()
    page = client.post(
        "/policies/can-i-post-this/", {"text": "Vote Labour on Thursday!", "platform": "facebook"}
    ).content.decode()
    assert "Do not post this" in page and "politically restricted post" in page
    assert "/policies/employee-policy/clauses/politically-restricted/" in page
    assert "/clauses/political-neutrality/" not in page
    assert "<mark>Vote Labour" in page
    assert AdviceRequest.objects.count() == 0 and AuditEvent.objects.count() == audit_before


def test_self_check_advises_on_running_the_council_down_citing_the_personal_use_clause(
    client, employee, policy_documents
):
    client.force_login(employee)
    page = client.post(
        "/policies/can-i-post-this/",
        {"text": "The council is an absolute disgrace and the cabinet don't care about residents.", "platform": "x"},
    ).content.decode()
    assert "Worth knowing" in page and "Do not post this" not in page
    assert "free to criticise the council" in page
    assert "/policies/employee-policy/clauses/personal-use/" in page


def test_self_check_explains_a_personal_call_to_vote_with_the_personal_account_rule(client, employee, policy_documents):
    client.force_login(employee)
    page = client.post("/policies/can-i-post-this/", {"text": "Vote Conservative!", "platform": "x"}).content.decode()
    assert (
        "Most staff may support a party" in page and "not be allowed if your post were politically restricted" in page
    )
    assert "/policies/employee-policy/clauses/personal-use/" in page
    assert "Council publicity must not" not in page and "/clauses/political-neutrality/" not in page


def test_self_check_uses_the_pre_election_state_from_the_elections_app(client, employee, policy_documents, monkeypatch):
    from herald.elections import selectors as elections

    monkeypatch.setattr(elections, "pre_election_context", lambda on=None: {"pre_election": True, "wards": None})
    client.force_login(employee)
    page = client.post(
        "/policies/can-i-post-this/", {"text": "Lovely day at the fair", "platform": "x"}
    ).content.decode()
    assert "during a pre-election period" in page


def test_an_empty_self_check_shows_the_error_summary(client, councillor, policy_documents):
    client.force_login(councillor)
    page = client.post("/policies/can-i-post-this/", {"text": "", "platform": "facebook"}).content.decode()
    assert "There is a problem" in page and "Enter the post you want to check" in page


def test_asking_for_advice_creates_a_request_the_team_answers(
    client, employee, comms_officer, policy_documents, django_capture_on_commit_callbacks
):
    client.force_login(employee)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/policies/can-i-post-this/ask/",
            {
                "text": "Great night out with the team, call Bob on 07700 900123",
                "platform": "facebook",
                "image_description": "",
                "question": "Is it OK to post this?",
            },
        )
    advice = AdviceRequest.objects.get()
    assert response["Location"] == f"/policies/advice-requests/{advice.pk}/"
    assert advice.findings and any(comms_officer.email in m.to for m in mail.outbox)
    client.force_login(comms_officer)
    home = client.get("/").content.decode()
    assert f"{employee.full_name} asks: can I post this?" in home
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/policies/advice-requests/{advice.pk}/", {"answer": "Remove Bob's number first."})
    advice.refresh_from_db()
    assert advice.status == "answered" and mail.outbox[-1].to == [employee.email]
    client.force_login(employee)
    assert "Remove Bob&#x27;s number first." in client.get(f"/policies/advice-requests/{advice.pk}/").content.decode()


def test_asking_without_a_question_redisplays_the_check_with_the_error(client, employee, policy_documents):
    client.force_login(employee)
    page = client.post(
        "/policies/can-i-post-this/ask/", {"text": "Hello", "platform": "facebook", "question": ""}
    ).content.decode()
    assert "Enter your question for the communications team" in page and not AdviceRequest.objects.exists()


def test_the_home_page_lists_what_each_person_has_to_do(
    client, employee, service_manager, comms_officer, policy_documents
):
    campaign = CampaignFactory(audience="team", team=employee.team, title="Read the 2026 policy")
    services.launch_campaign(campaign, by=comms_officer)
    client.force_login(employee)
    assert "Read the 2026 policy" in client.get("/").content.decode()
    client.force_login(service_manager)
    assert "in your teams still to acknowledge" in client.get("/").content.decode()


def test_a_second_answer_to_an_answered_request_is_shown_again_with_the_reason_and_the_first_kept(
    client, employee, comms_officer, policy_documents
):
    """Two officers answering at once, a double press or a stale page: the second answer is refused
    on the page (not a server error or a bare 403), kept on screen, and the first answer stands."""
    advice = AdviceRequest.objects.create(person=employee, text="Off to the market", platform="facebook")
    colleague = PersonFactory(roles=[Role.COMMS])
    client.force_login(colleague)
    stale = client.get(f"/policies/advice-requests/{advice.pk}/").content.decode()
    assert "Send answer" in stale
    services.answer_advice_request(advice, answer="Yes, that is fine.", by=comms_officer)
    response = client.post(f"/policies/advice-requests/{advice.pk}/", {"answer": "Please do not post it."})
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert f"{comms_officer.full_name} has already answered this request, so your answer was not sent" in page
    assert "Yes, that is fine." in page and "Please do not post it." in page
    advice.refresh_from_db()
    assert advice.answer == "Yes, that is fine." and advice.answered_by == comms_officer
    assert AuditEvent.objects.filter(action="advice.answered").count() == 1
