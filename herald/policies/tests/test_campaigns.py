"""The cascade: campaigns for an audience, opening, the quiz, acknowledging, reminders and escalation."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from herald.audit.models import AuditEvent
from herald.errors import Refused
from herald.people.models import Person
from herald.people.roles import Role
from herald.policies import services
from herald.policies.models import Campaign, Reminder
from herald.policies.tasks import run_policy_cascade, send_campaign_messages
from herald.policies.tests.factories import CampaignFactory, QuizQuestionFactory, published
from testing.factories import CouncillorFactory, PersonFactory, TeamFactory

TODAY = dt.date(2026, 11, 24)
# The service compares due dates with the clock, so the clock is set to TODAY for every test here.
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(dt.datetime(2026, 11, 24, 9, tzinfo=dt.UTC))]


def _launch(campaign, by, django_capture_on_commit_callbacks=None):
    return services.launch_campaign(campaign, by=by)


def test_a_service_area_campaign_asks_everyone_in_that_area_and_nobody_else(
    policy_documents, employee, editor, service_manager, restricted_post_holder, comms_officer, councillor
):
    outsider = PersonFactory(team=TeamFactory(name="Finance"))
    campaign = CampaignFactory(audience="service_area", service_area=employee.team.service_area)
    added = services.launch_campaign(campaign, by=comms_officer)
    asked = set(campaign.assignments.values_list("person__email", flat=True))
    assert {employee.email, editor.email, service_manager.email, restricted_post_holder.email} <= asked
    assert outsider.email not in asked and councillor.email not in asked and added == len(asked)
    assert campaign.status == Campaign.Status.OPEN
    assert AuditEvent.objects.filter(action="campaign.launched", object_id=str(campaign.pk)).exists()


@pytest.mark.parametrize(
    ("audience", "who_is_in", "who_is_out"),
    [
        ("councillors", "councillor", "employee"),
        ("politically_restricted", "restricted_post_holder", "employee"),
        ("editors", "editor", "employee"),
        ("all_employees", "employee", "councillor"),
    ],
)
def test_each_audience_asks_the_right_people(request, policy_documents, comms_officer, audience, who_is_in, who_is_out):
    inside, outside = request.getfixturevalue(who_is_in), request.getfixturevalue(who_is_out)
    version = published("member-guidance" if audience == "councillors" else "employee-policy")
    campaign = CampaignFactory(audience=audience, version=version)
    services.launch_campaign(campaign, by=comms_officer)
    asked = set(campaign.assignments.values_list("person_id", flat=True))
    assert inside.pk in asked and outside.pk not in asked


def test_leavers_are_not_asked(policy_documents, employee, comms_officer):
    leaver = PersonFactory(team=employee.team, is_active=False)
    campaign = CampaignFactory(audience="team", team=employee.team)
    services.launch_campaign(campaign, by=comms_officer)
    assert not campaign.assignments.filter(person=leaver).exists()


def test_launching_sends_each_person_an_invitation_through_the_task_queue(
    policy_documents, employee, comms_officer, django_capture_on_commit_callbacks
):
    campaign = CampaignFactory(audience="team", team=employee.team, title="Please read the new policy")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.launch_campaign(campaign, by=comms_officer)
    assert len(callbacks) == 1
    with django_capture_on_commit_callbacks(execute=True):
        send_campaign_messages.call(campaign.pk)
    invitation = next(m for m in mail.outbox if employee.email in m.to)
    assert invitation.subject == "Please read and acknowledge: Please read the new policy"
    assert f"/policies/campaigns/{campaign.pk}/" in invitation.body
    assert campaign.assignments.get(person=employee).reminders.get().kind == Reminder.Kind.INVITATION


def test_a_campaign_due_in_the_past_cannot_be_launched(policy_documents, employee, comms_officer):
    campaign = CampaignFactory(audience="team", team=employee.team, due_on=timezone.localdate())
    with pytest.raises(Refused, match="due date has passed"):
        services.launch_campaign(campaign, by=comms_officer)
    assert campaign.assignments.count() == 0


def test_new_joiners_are_added_to_open_campaigns_by_the_scheduled_task(
    policy_documents, employee, comms_officer, django_capture_on_commit_callbacks
):
    campaign = CampaignFactory(audience="team", team=employee.team)
    services.launch_campaign(campaign, by=comms_officer)
    # given someone who joins the team after launch
    joiner = PersonFactory(team=employee.team, email="new.starter@council.example")
    # when the hourly cascade runs
    with django_capture_on_commit_callbacks(execute=True):
        run_policy_cascade.call()
    # then they are asked too, and invited
    assignment = campaign.assignments.get(person=joiner)
    assert assignment.added_because == "joiner"
    assert any(joiner.email in m.to for m in mail.outbox)


def _started(campaign, person, comms_officer):
    if campaign.status == "draft":
        services.launch_campaign(campaign, by=comms_officer)
    return campaign.assignments.get(person=person)


def test_the_document_must_be_opened_before_the_acknowledgement(policy_documents, employee, comms_officer):
    assignment = _started(CampaignFactory(audience="team", team=employee.team), employee, comms_officer)
    with pytest.raises(Refused, match="Open and read the policy"):
        services.acknowledge_policy(assignment, by=employee, sections_confirmed=[])
    services.record_document_opened(assignment, by=employee)
    ack = services.acknowledge_policy(assignment, by=employee, sections_confirmed=[])
    assert assignment.is_done and ack.method == "read_confirmed"


def test_a_quiz_must_be_passed_first_and_every_attempt_is_counted(policy_documents, employee, comms_officer):
    campaign = CampaignFactory(audience="team", team=employee.team)
    question = QuizQuestionFactory(campaign=campaign)
    assignment = _started(campaign, employee, comms_officer)
    services.record_document_opened(assignment, by=employee)
    with pytest.raises(Refused, match="Pass the quiz"):
        services.acknowledge_policy(assignment, by=employee, sections_confirmed=[])
    failed = services.take_quiz(assignment, answers={question.pk: 0}, by=employee)
    assert not failed.passed
    passed = services.take_quiz(assignment, answers={question.pk: 1}, by=employee)
    assert passed.passed
    ack = services.acknowledge_policy(assignment, by=employee, sections_confirmed=[])
    assert ack.quiz_attempts == 2 and ack.method == "read_quiz_confirmed"


def test_the_quiz_cannot_change_after_launch(policy_documents, employee, comms_officer):
    campaign = CampaignFactory(audience="team", team=employee.team)
    services.launch_campaign(campaign, by=comms_officer)
    with pytest.raises(Refused, match="cannot change"):
        services.add_quiz_question(campaign, text="Q?", options=["a", "b"], correct_option=0, by=comms_officer)


def test_politically_restricted_post_holders_also_acknowledge_the_neutrality_section(
    policy_documents, restricted_post_holder, comms_officer
):
    assignment = _started(CampaignFactory(audience="politically_restricted"), restricted_post_holder, comms_officer)
    services.record_document_opened(assignment, by=restricted_post_holder)
    with pytest.raises(Refused, match="politically restricted posts"):
        services.acknowledge_policy(assignment, by=restricted_post_holder, sections_confirmed=[])
    ack = services.acknowledge_policy(
        assignment, by=restricted_post_holder, sections_confirmed=["politically-restricted"]
    )
    assert ack.sections == ["politically-restricted"]
    assert "even in a private capacity" in ack.statement


def test_an_acknowledgement_of_the_same_version_counts_in_a_later_campaign(policy_documents, employee, comms_officer):
    first = _started(CampaignFactory(audience="team", team=employee.team), employee, comms_officer)
    services.record_document_opened(first, by=employee)
    ack = services.acknowledge_policy(first, by=employee, sections_confirmed=[])
    second = _started(CampaignFactory(audience="all_employees"), employee, comms_officer)
    assert second.acknowledgement == ack


def test_a_new_version_needs_a_new_campaign(policy_documents, employee, comms_officer):
    campaign = CampaignFactory(audience="team", team=employee.team)
    document = policy_documents["employee-policy"]
    draft = services.save_draft(
        document, body=document.published_version.body + "\nx", change_summary="", by=comms_officer
    )
    services.publish_version(draft, by=comms_officer)
    with pytest.raises(Refused, match="start a new campaign"):
        services.launch_campaign(campaign, by=comms_officer)


# Reminders --------------------------------------------------------------------------------------


@pytest.fixture
def running(policy_documents, employee, comms_officer):
    campaign = CampaignFactory(audience="team", team=employee.team, due_on=TODAY + dt.timedelta(days=10))
    services.launch_campaign(campaign, by=comms_officer)
    services.send_due_messages(campaign, today=TODAY)
    mail.outbox.clear()
    return campaign


def _kinds(campaign, person):
    return list(campaign.assignments.get(person=person).reminders.order_by("id").values_list("kind", flat=True))


def test_reminders_go_every_three_days_until_the_person_acknowledges(
    running, employee, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for offset in range(1, 7):
            services.send_due_messages(running, today=TODAY + dt.timedelta(days=offset))
    assert [m.subject.split(":")[0] for m in mail.outbox if employee.email in m.to] == ["Reminder"] * 2
    assert _kinds(running, employee) == ["invitation", "reminder", "reminder"]
    assert all(m.subject.startswith("Reminder:") for m in mail.outbox if employee.email in m.to)
    # once acknowledged, nothing more is sent
    assignment = running.assignments.get(person=employee)
    services.record_document_opened(assignment, by=employee)
    services.acknowledge_policy(assignment, by=employee, sections_confirmed=[])
    services.send_due_messages(running, today=TODAY + dt.timedelta(days=9))
    assert _kinds(running, employee) == ["invitation", "reminder", "reminder"]


def test_running_the_reminders_twice_on_one_day_sends_nothing_twice(running, employee):
    day = TODAY + dt.timedelta(days=3)
    services.send_due_messages(running, today=day)
    services.send_due_messages(running, today=day)
    assert _kinds(running, employee) == ["invitation", "reminder"]


def test_a_final_reminder_goes_before_the_due_date(running, employee, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.send_due_messages(running, today=TODAY + dt.timedelta(days=8))
    assert _kinds(running, employee)[-1] == "final"
    assert any(m.subject.startswith("Final reminder") for m in mail.outbox)


def test_overdue_people_are_escalated_once_to_their_service_manager(
    running, employee, service_manager, django_capture_on_commit_callbacks
):
    overdue_day = TODAY + dt.timedelta(days=11)
    with django_capture_on_commit_callbacks(execute=True):
        services.send_due_messages(running, today=overdue_day)
        services.send_due_messages(running, today=overdue_day + dt.timedelta(days=1))
    to_manager = [m for m in mail.outbox if m.to == [service_manager.email] and "Overdue policy" in m.subject]
    assert len(to_manager) == 1 and employee.full_name in to_manager[0].body
    assignment = running.assignments.get(person=employee)
    assert assignment.escalated_at is not None
    assert assignment.reminders.filter(kind="escalation", recipient=service_manager.email).count() == 1
    assert assignment.reminders.filter(kind="overdue").exists()


def test_a_service_manager_can_chase_one_person_and_it_is_logged(
    running, employee, service_manager, django_capture_on_commit_callbacks
):
    assignment = running.assignments.get(person=employee)
    with django_capture_on_commit_callbacks(execute=True):
        services.chase_person(assignment, by=service_manager)
    assert mail.outbox[-1].to == [employee.email]
    assert service_manager.full_name in mail.outbox[-1].body
    chase = assignment.reminders.get(kind="chase")
    assert chase.sent_by == service_manager
    assert AuditEvent.objects.filter(action="campaign.person_chased").exists()


def test_councillors_without_a_manager_are_escalated_to_the_communications_team(
    policy_documents, comms_officer, django_capture_on_commit_callbacks
):
    councillor = CouncillorFactory()
    campaign = CampaignFactory(
        audience="councillors", version=published("member-guidance"), due_on=TODAY + dt.timedelta(days=5)
    )
    services.launch_campaign(campaign, by=comms_officer)
    with django_capture_on_commit_callbacks(execute=True):
        services.send_due_messages(campaign, today=TODAY + dt.timedelta(days=6))
    assert any(m.to == [comms_officer.email] and councillor.full_name in m.body for m in mail.outbox)


def test_progress_counts_people_by_service_area(running, employee, comms_officer):
    from herald.policies.selectors import progress_by_area

    areas = progress_by_area(running.assignments.all())
    assert [a.name for a in areas] == [employee.team.service_area.name]
    assert areas[0].done == 0 and areas[0].total == running.assignments.count()
    assert Person.objects.get(pk=comms_officer.pk).has_role(Role.COMMS)


def test_acknowledging_in_one_campaign_completes_another_open_campaign_for_the_same_version(
    policy_documents, employee, comms_officer
):
    # two campaigns for the same version are running (the whole council, and the person's team)
    council = _started(CampaignFactory(audience="all_employees"), employee, comms_officer)
    team = _started(CampaignFactory(audience="team", team=employee.team), employee, comms_officer)
    # the person acknowledges through one of them
    services.record_document_opened(team, by=employee)
    ack = services.acknowledge_policy(team, by=employee, sections_confirmed=[])
    # the other counts them as done: they are not reminded or escalated to agree to the same words again
    council.refresh_from_db()
    assert council.acknowledgement == ack
    services.send_due_messages(council.campaign, today=council.campaign.due_on + dt.timedelta(days=5))
    assert not council.reminders.exists()
    council.refresh_from_db()
    assert council.escalated_at is None and council.status_label == "Acknowledged"


def test_an_acknowledgement_elsewhere_does_not_excuse_a_campaigns_quiz(policy_documents, employee, comms_officer):
    # the team's campaign has a quiz; the whole council's has none
    council = _started(CampaignFactory(audience="all_employees"), employee, comms_officer)
    team_campaign = CampaignFactory(audience="team", team=employee.team)
    QuizQuestionFactory(campaign=team_campaign)
    team = _started(team_campaign, employee, comms_officer)
    # the person acknowledges in the campaign without a quiz
    services.record_document_opened(council, by=employee)
    services.acknowledge_policy(council, by=employee, sections_confirmed=[])
    # the campaign with the quiz still waits for them
    team.refresh_from_db()
    assert team.acknowledgement is None


def test_people_without_a_manager_are_escalated_to_every_active_communications_officer_by_name(
    client, policy_documents, comms_officer, django_capture_on_commit_callbacks
):
    colleague = PersonFactory(roles=[Role.COMMS], first_name="Aisha", last_name="Begum")
    PersonFactory(roles=[Role.COMMS], is_active=False)
    councillor = CouncillorFactory()
    campaign = CampaignFactory(
        audience="councillors", version=published("member-guidance"), due_on=TODAY + dt.timedelta(days=5)
    )
    services.launch_campaign(campaign, by=comms_officer)
    with django_capture_on_commit_callbacks(execute=True):
        services.send_due_messages(campaign, today=TODAY + dt.timedelta(days=6))
        services.send_due_messages(campaign, today=TODAY + dt.timedelta(days=7))
    escalations = [m for m in mail.outbox if m.subject.startswith("Overdue policy")]
    # each active officer is told once, and the email says who else was told
    assert sorted(m.to[0] for m in escalations) == sorted([comms_officer.email, colleague.email])
    for message in escalations:
        assert councillor.full_name in message.body and "with no service manager" in message.subject
        assert colleague.full_name in message.body and comms_officer.full_name in message.body
    assignment = campaign.assignments.get(person=councillor)
    told = set(assignment.reminders.filter(kind="escalation").values_list("recipient", flat=True))
    assert told == {comms_officer.email, colleague.email}
    client.force_login(comms_officer)
    page = client.get(f"/policies/campaigns/{campaign.pk}/?show=all").content.decode()
    assert f"Escalated to the communications team ({colleague.email})" in page
    assert f"Escalated to the communications team ({comms_officer.email})" in page
