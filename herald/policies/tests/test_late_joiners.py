"""Someone who joins a campaign's audience late, or comes back to it, is given time of their own to
acknowledge: they are not told they are overdue, nor reported to their manager, on the day they are
first asked."""

import datetime as dt

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from herald.people import services as people_services
from herald.policies import services
from herald.policies.selectors import progress_by_area
from herald.policies.tests.factories import CampaignFactory, move_team
from testing.factories import PersonFactory, TeamFactory

TODAY = dt.date(2026, 11, 24)
DUE = TODAY + dt.timedelta(days=10)
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(dt.datetime(2026, 11, 24, 9, tzinfo=dt.UTC))]


@pytest.fixture
def campaign(policy_documents, employee, comms_officer, django_capture_on_commit_callbacks):
    found = CampaignFactory(audience="team", team=employee.team, due_on=DUE, title="Read the new policy")
    services.launch_campaign(found, by=comms_officer)
    with django_capture_on_commit_callbacks(execute=True):
        services.send_due_messages(found, today=TODAY)
    mail.outbox.clear()
    return found


def _to(person):
    return [m for m in mail.outbox if person.email in m.to]


def test_a_new_starter_after_the_due_date_is_invited_with_their_own_date_and_not_escalated(
    campaign, employee, service_manager, django_capture_on_commit_callbacks
):
    # given a new starter in the team two days after the campaign's due date
    late = DUE + dt.timedelta(days=2)
    starter = PersonFactory(team=employee.team, service_manager=service_manager, email="starter@council.example")
    # when the daily run sends what is due
    with django_capture_on_commit_callbacks(execute=True):
        services.send_due_messages(campaign, today=late)
    # then they are invited, with a due date fourteen days away
    own = late + dt.timedelta(days=14)
    invitation = _to(starter)
    assert len(invitation) == 1 and f"{own:%-d %B %Y}" in invitation[0].body
    assignment = campaign.assignments.get(person=starter)
    assert assignment.due_date == own and assignment.escalated_at is None
    # and their manager hears about the person who was overdue, not about the new starter
    to_manager = [m for m in _to(service_manager) if "Overdue policy" in m.subject]
    assert len(to_manager) == 1
    assert employee.full_name in to_manager[0].body and starter.full_name not in to_manager[0].body
    assert f"{DUE:%-d %B %Y}" in to_manager[0].body


def test_the_new_starter_is_chased_and_escalated_once_their_own_date_has_passed(
    campaign, employee, service_manager, django_capture_on_commit_callbacks
):
    late = DUE + dt.timedelta(days=2)
    starter = PersonFactory(team=employee.team, service_manager=service_manager)
    own = late + dt.timedelta(days=14)
    with django_capture_on_commit_callbacks(execute=True):
        services.send_due_messages(campaign, today=late)
        services.send_due_messages(campaign, today=own)
        assert campaign.assignments.get(person=starter).escalated_at is None
        services.send_due_messages(campaign, today=own + dt.timedelta(days=1))
    assignment = campaign.assignments.get(person=starter)
    assert assignment.escalated_at is not None
    kinds = list(assignment.reminders.order_by("id").values_list("kind", flat=True))
    assert kinds[0] == "invitation" and "final" in kinds and kinds[-1] == "escalation"
    escalation = [m for m in _to(service_manager) if starter.full_name in m.body]
    assert len(escalation) == 1 and f"due by {own:%-d %B %Y}" in escalation[0].body


def test_a_joiner_with_fourteen_days_or_more_before_the_campaigns_date_keeps_it(
    policy_documents, employee, comms_officer
):
    due = TODAY + dt.timedelta(days=20)
    campaign = CampaignFactory(audience="team", team=employee.team, due_on=due)
    services.launch_campaign(campaign, by=comms_officer)
    first, second = PersonFactory(team=employee.team), PersonFactory(team=employee.team)
    services.add_new_joiners(campaign, today=due - dt.timedelta(days=14))
    assignment = campaign.assignments.get(person=first)
    assert assignment.due_date == due and not assignment.has_own_due_date
    # one day later, thirteen days would be too few
    second_joined = due - dt.timedelta(days=13)
    second.team = TeamFactory(name="Finance")
    second.save()
    later = PersonFactory(team=employee.team)
    services.add_new_joiners(campaign, today=second_joined)
    assert campaign.assignments.get(person=later).due_date == second_joined + dt.timedelta(days=14)


@override_settings(HERALD_POLICY_JOINER_DAYS=5)
def test_the_number_of_days_a_joiner_is_given_is_a_setting(campaign, employee):
    starter = PersonFactory(team=employee.team)
    services.add_new_joiners(campaign, today=DUE - dt.timedelta(days=1))
    assert campaign.assignments.get(person=starter).due_date == DUE + dt.timedelta(days=4)


def test_someone_who_comes_back_after_the_due_date_gets_time_of_their_own(
    campaign, employee, hr_officer, service_manager, django_capture_on_commit_callbacks
):
    home = employee.team
    move_team(employee, TeamFactory(name="Finance"), hr_officer)
    services.add_new_joiners(campaign, today=TODAY + dt.timedelta(days=1))
    # back in the team three days after the campaign's due date
    back = DUE + dt.timedelta(days=3)
    move_team(employee, home, hr_officer)
    with django_capture_on_commit_callbacks(execute=True):
        services.send_due_messages(campaign, today=back)
    assignment = campaign.assignments.get(person=employee)
    assert assignment.due_date == back + dt.timedelta(days=14)
    assert assignment.escalated_at is None
    assert [k for k in assignment.reminders.values_list("kind", flat=True) if k == "invitation"] == [
        "invitation",
        "invitation",
    ]


def test_someone_who_leaves_the_council_and_is_rehired_after_the_due_date_gets_time_of_their_own(
    campaign, employee, hr_officer, service_manager, django_capture_on_commit_callbacks
):
    # given someone invited at launch who leaves the council the next day
    people_services.record_leaver(employee, by=hr_officer)
    services.add_new_joiners(campaign, today=TODAY + dt.timedelta(days=1))
    # and is rehired into the same team three days after the campaign's due date
    back = DUE + dt.timedelta(days=3)
    move_team(employee, employee.team, hr_officer)
    assert employee.is_active
    with django_capture_on_commit_callbacks(execute=True):
        services.send_due_messages(campaign, today=back)
    # then they are invited afresh with time of their own, not told they are overdue nor reported
    assignment = campaign.assignments.get(person=employee)
    assert assignment.due_date == back + dt.timedelta(days=14)
    assert assignment.escalated_at is None
    told = [m.subject for m in _to(employee)]
    assert len(told) == 1 and "overdue" not in told[0].lower()
    assert not [m for m in _to(service_manager) if employee.full_name in m.body]


def test_pages_and_figures_show_the_joiners_own_date(
    client, campaign, employee, comms_officer, service_manager, time_machine
):
    late = DUE + dt.timedelta(days=2)
    time_machine.move_to(dt.datetime.combine(late, dt.time(9), tzinfo=dt.UTC))
    starter = PersonFactory(team=employee.team, service_manager=service_manager)
    services.add_new_joiners(campaign)
    own = f"{late + dt.timedelta(days=14):%-d %B %Y}"
    # the campaign page says the starter joined late and is not overdue; those asked at launch are
    client.force_login(comms_officer)
    page = client.get(reverse("policies:campaign", kwargs={"pk": campaign.pk})).content.decode()
    assert f"Joined late: due by {own}" in page
    asked_at_launch = campaign.assignments.filter(added_because="launch").count()
    assert page.count("Overdue</strong>") == asked_at_launch
    # the service area's figures count those asked at launch as overdue, and the starter as not yet due
    (area,) = progress_by_area(campaign.assignments.all())
    assert area.overdue == asked_at_launch and area.total == asked_at_launch + 1
    # the starter's own pages give their date
    client.force_login(starter)
    assert f"Due by {own}" in client.get(reverse("policies:acknowledge", kwargs={"pk": campaign.pk})).content.decode()
    assert own in client.get(reverse("home")).content.decode()
    # and the export has the date for each person
    client.force_login(comms_officer)
    export = client.get(reverse("policies:campaign_export", kwargs={"pk": campaign.pk})).content.decode("utf-8-sig")
    assert "Due by" in export.splitlines()[0]
    assert (late + dt.timedelta(days=14)).isoformat() in export and DUE.isoformat() in export


def test_a_managers_home_panel_gives_the_next_date_when_only_late_joiners_are_left(
    client, campaign, employee, service_manager, time_machine
):
    # given the campaign's date has passed, everyone asked at launch has acknowledged, and a new starter
    # in the manager's team has a date of their own
    for assignment in campaign.assignments.select_related("person"):
        services.record_document_opened(assignment, by=assignment.person)
        services.acknowledge_policy(assignment, by=assignment.person, sections_confirmed=[])
    late = DUE + dt.timedelta(days=2)
    time_machine.move_to(dt.datetime.combine(late, dt.time(9), tzinfo=dt.UTC))
    PersonFactory(team=employee.team, service_manager=service_manager)
    services.add_new_joiners(campaign)
    # when the manager opens their home page
    client.force_login(service_manager)
    page = client.get(reverse("home")).content.decode()
    # then their teams' panel says when the starter is due, not the campaign's past date
    assert f"Due by {late + dt.timedelta(days=14):%-d %B %Y}" in page
    assert f"Due by {DUE:%-d %B %Y}" not in page
