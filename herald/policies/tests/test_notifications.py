"""Who is told what while a campaign runs and when someone asks for advice: one test per message."""

import datetime as dt

import pytest
from django.core import mail

from herald.people.roles import Role
from herald.policies import services
from herald.policies.models import AdviceRequest
from herald.policies.tests.factories import CampaignFactory
from testing.factories import PersonFactory

TODAY = dt.date(2026, 11, 24)
DUE = TODAY + dt.timedelta(days=10)
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(dt.datetime(2026, 11, 24, 9, tzinfo=dt.UTC))]


@pytest.fixture
def told(django_capture_on_commit_callbacks):
    """Run an action and return the emails it sent, once its transaction has committed."""

    def run(action, *args, **kwargs):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            action(*args, **kwargs)
        return list(mail.outbox)

    return run


@pytest.fixture
def campaign(policy_documents, employee, comms_officer):
    campaign = CampaignFactory(audience="team", team=employee.team, title="Read the new policy", due_on=DUE)
    services.launch_campaign(campaign, by=comms_officer)
    return campaign


@pytest.fixture
def invited(campaign):
    services.send_due_messages(campaign, today=TODAY)
    return campaign


def _to(messages, person):
    [message] = [m for m in messages if m.to == [person.email]]
    return message


def _letter_to(person, campaign) -> tuple[str, str]:
    return f"Dear {person.first_name},\n\n", f"/policies/campaigns/{campaign.pk}/"


def test_each_person_is_invited_in_their_own_email(told, campaign, employee, service_manager):
    sent = told(services.send_due_messages, campaign, today=TODAY)
    assert all(len(m.to) == 1 for m in sent) and {employee.email, service_manager.email} <= {m.to[0] for m in sent}
    message = _to(sent, employee)
    assert message.subject == "Please read and acknowledge: Read the new policy"
    document = campaign.version.document.title
    assert f"read version {campaign.version.number} of the {document} and confirm" in message.body
    assert f"by {DUE:%-d %B %Y}." in message.body
    dear, link = _letter_to(employee, campaign)
    assert (
        message.body.startswith(dear) and "Read and acknowledge it here: http" in message.body and link in message.body
    )


def test_a_person_who_has_not_acknowledged_is_reminded(told, invited, employee):
    message = _to(told(services.send_due_messages, invited, today=TODAY + dt.timedelta(days=3)), employee)
    assert message.subject == f"Reminder: please acknowledge the {invited.version.document.title} by {DUE:%-d %B %Y}"
    assert "This is a reminder that you have not yet acknowledged version" in message.body


def test_a_final_reminder_says_the_service_manager_will_be_told(told, invited, employee):
    message = _to(told(services.send_due_messages, invited, today=DUE - dt.timedelta(days=2)), employee)
    assert message.subject == f"Final reminder: acknowledge the {invited.version.document.title} by {DUE:%-d %B %Y}"
    assert "by then, your service manager will be told." in message.body


def test_an_overdue_person_is_told_and_their_service_manager_gets_the_list(told, invited, employee, service_manager):
    services.record_document_opened(invited.assignments.get(person=service_manager), by=service_manager)
    services.acknowledge_policy(
        invited.assignments.get(person=service_manager), by=service_manager, sections_confirmed=[]
    )
    sent = told(services.send_due_messages, invited, today=DUE + dt.timedelta(days=1))
    overdue = _to(sent, employee)
    assert overdue.subject == f"Overdue: please acknowledge the {invited.version.document.title} now"
    assert "This is now overdue and your service manager has been told." in overdue.body
    escalation = _to(sent, service_manager)
    assert escalation.subject == "Overdue policy acknowledgements in your teams: Read the new policy"
    assert (
        f"by their due date:\n\n- {employee.full_name} ({employee.email}), due by {DUE:%-d %B %Y}\n\nPlease remind them."
        in escalation.body
    )
    assert f"/policies/campaigns/{invited.pk}/" in escalation.body


def test_a_person_chased_by_hand_is_told_who_asked(told, invited, employee, service_manager):
    [message] = told(services.chase_person, invited.assignments.get(person=employee), by=service_manager)
    assert message.to == [employee.email]
    assert message.subject == f"Please acknowledge the {invited.version.document.title}"
    assert f"{service_manager.full_name} has asked you to read and acknowledge version" in message.body


def test_the_communications_team_is_asked_for_advice_and_the_asker_gets_the_answer(told, employee, comms_officer):
    another_comms_officer = PersonFactory(roles=[Role.COMMS])
    [asked] = told(
        services.ask_for_advice,
        by=employee,
        text="Lovely day at the fair",
        image_description="",
        platform="x",
        question="OK?",
        findings=[],
    )
    request = AdviceRequest.objects.get()
    assert asked.to == sorted([comms_officer.email, another_comms_officer.email])
    assert asked.subject == f"Advice requested: can {employee.full_name} post this?"
    assert "personal social media.\n\nAnswer here: http" in asked.body
    assert f"/policies/advice-requests/{request.pk}/" in asked.body
    [answered] = told(services.answer_advice_request, request, answer="Yes, fine", by=comms_officer)
    assert answered.to == [employee.email]
    assert answered.subject == "The communications team has answered your question"
    assert answered.body.startswith(f"Dear {employee.first_name},\n\n{comms_officer.full_name} has answered")
