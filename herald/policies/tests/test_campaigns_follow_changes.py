"""Campaigns keep up with the council: a newer version closes the campaigns for the old one, and a team's
campaign follows people who move team. Nobody is chased for words that no longer apply to them."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.errors import Refused
from herald.policies import services
from herald.policies.models import Campaign
from herald.policies.tasks import run_policy_cascade
from herald.policies.tests.factories import CampaignFactory, move_team
from testing.factories import PersonFactory, TeamFactory

TODAY = dt.date(2026, 11, 24)
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(dt.datetime(2026, 11, 24, 9, tzinfo=dt.UTC))]


def _publish_new_version(document, by):
    draft = services.save_draft(
        document, body=document.published_version.body + "\nA new paragraph.", change_summary="Tidied", by=by
    )
    return services.publish_version(draft, by=by)


# A newer version ------------------------------------------------------------------------------------


def test_publishing_a_new_version_closes_the_open_campaigns_for_the_old_one(
    policy_documents, employee, comms_officer, django_capture_on_commit_callbacks
):
    # given a campaign asking the team to acknowledge version 1, which one person has done
    document = policy_documents["employee-policy"]
    colleague = PersonFactory(team=employee.team)
    campaign = CampaignFactory(audience="team", team=employee.team, due_on=TODAY + dt.timedelta(days=10))
    services.launch_campaign(campaign, by=comms_officer)
    done = campaign.assignments.get(person=colleague)
    services.record_document_opened(done, by=colleague)
    ack = services.acknowledge_policy(done, by=colleague, sections_confirmed=[])
    # when version 2 is published
    new = _publish_new_version(document, comms_officer)
    # then the campaign is closed, saying why, and the acknowledgement given is kept
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.CLOSED and campaign.closed_at is not None
    event = AuditEvent.objects.get(action="campaign.closed", object_id=str(campaign.pk))
    assert event.actor == comms_officer
    assert f"version {new.number}" in event.reason
    assert event.after["still_outstanding"] == 2  # the employee and their service manager, in the same team
    assert campaign.assignments.get(person=colleague).acknowledgement == ack
    # and nobody is chased for the old words any more
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        run_policy_cascade.call()
        services.send_due_messages(campaign, today=TODAY + dt.timedelta(days=12))
    assert not any(employee.email in m.to for m in mail.outbox)
    with pytest.raises(Refused, match="closed"):
        services.chase_person(campaign.assignments.get(person=employee), by=comms_officer)


def test_publishing_from_the_page_says_which_campaigns_it_closed(client, policy_documents, employee, comms_officer):
    # given an open campaign for version 1 and a draft version 2
    document = policy_documents["employee-policy"]
    campaign = CampaignFactory(audience="team", team=employee.team, due_on=TODAY + dt.timedelta(days=10))
    services.launch_campaign(campaign, by=comms_officer)
    services.save_draft(
        document, body=document.published_version.body + "\nMore.", change_summary="More", by=comms_officer
    )
    # when the communications team publishes it from its page
    client.force_login(comms_officer)
    page = client.post(reverse("policies:publish", args=[document.slug]), follow=True).content.decode()
    # then the page tells them the old campaign was closed, and to start one for the new version
    assert "1 open campaign for the earlier version was closed" in page
    assert "Start a campaign" in page


def test_publishing_leaves_other_documents_campaigns_open(policy_documents, councillor, comms_officer):
    members = CampaignFactory(audience="councillors", version=policy_documents["member-guidance"].published_version)
    services.launch_campaign(members, by=comms_officer)
    _publish_new_version(policy_documents["employee-policy"], comms_officer)
    members.refresh_from_db()
    assert members.status == Campaign.Status.OPEN


# People moving team ---------------------------------------------------------------------------------


@pytest.fixture
def team_campaign(policy_documents, employee, comms_officer):
    campaign = CampaignFactory(audience="team", team=employee.team, due_on=TODAY + dt.timedelta(days=10))
    services.launch_campaign(campaign, by=comms_officer)
    services.send_due_messages(campaign, today=TODAY)
    mail.outbox.clear()
    return campaign


def test_someone_who_moves_team_is_no_longer_chased_and_the_newcomer_is_asked(
    team_campaign, employee, hr_officer, django_capture_on_commit_callbacks
):
    # given the employee moves to another team and someone else moves into theirs
    elsewhere = TeamFactory(name="Finance")
    newcomer = PersonFactory(team=elsewhere, email="newcomer@council.example")
    move_team(employee, elsewhere, hr_officer)
    move_team(newcomer, team_campaign.team, hr_officer)
    # when the hourly cascade runs, and reminders fall due
    with django_capture_on_commit_callbacks(execute=True):
        run_policy_cascade.call()
        services.send_due_messages(team_campaign, today=TODAY + dt.timedelta(days=3))
        services.send_due_messages(team_campaign, today=TODAY + dt.timedelta(days=12))
    # then the newcomer is asked, and the mover hears nothing more and is not escalated
    assert any(newcomer.email in m.to for m in mail.outbox)
    assert not any(employee.email in m.to for m in mail.outbox)
    mover = team_campaign.assignments.get(person=employee)
    assert mover.escalated_at is None and mover.status_label == "Moved out of the audience"
    outstanding = set(team_campaign.assignments.outstanding().values_list("person", flat=True))
    assert newcomer.pk in outstanding and employee.pk not in outstanding
    assert employee not in [a.person for a in team_campaign.assignments.counted()]
    assert AuditEvent.objects.filter(action="campaign.people_left_audience", object_id=str(team_campaign.pk)).exists()


def test_someone_who_moved_out_cannot_be_chased_by_hand(team_campaign, employee, hr_officer, comms_officer):
    move_team(employee, TeamFactory(name="Finance"), hr_officer)
    services.add_new_joiners(team_campaign)
    with pytest.raises(Refused, match="no longer in"):
        services.chase_person(team_campaign.assignments.get(person=employee), by=comms_officer)


def test_an_acknowledgement_given_before_moving_still_counts(team_campaign, employee, hr_officer):
    assignment = team_campaign.assignments.get(person=employee)
    services.record_document_opened(assignment, by=employee)
    ack = services.acknowledge_policy(assignment, by=employee, sections_confirmed=[])
    move_team(employee, TeamFactory(name="Finance"), hr_officer)
    services.add_new_joiners(team_campaign)
    kept = team_campaign.assignments.counted().get(person=employee)
    assert kept.acknowledgement == ack and kept.status_label == "Acknowledged"


def test_someone_who_moves_back_is_asked_again(team_campaign, employee, hr_officer, django_capture_on_commit_callbacks):
    home = employee.team
    move_team(employee, TeamFactory(name="Finance"), hr_officer)
    services.add_new_joiners(team_campaign)
    move_team(employee, home, hr_officer)
    services.add_new_joiners(team_campaign)
    with django_capture_on_commit_callbacks(execute=True):
        services.send_due_messages(team_campaign, today=TODAY + dt.timedelta(days=3))
    assert [m for m in mail.outbox if employee.email in m.to]
    assert team_campaign.assignments.outstanding().filter(person=employee).exists()


def test_the_mover_no_longer_sees_the_campaign_on_their_home_page(client, team_campaign, employee, hr_officer):
    move_team(employee, TeamFactory(name="Finance"), hr_officer)
    services.add_new_joiners(team_campaign)
    client.force_login(employee)
    assert team_campaign.title not in client.get(reverse("home")).content.decode()
