"""Someone who leaves the council (SCIM deactivation, or HR's leaver import) is taken out of every inbox
team: the change is audited on the team and shown in its history, the comments assigned to them go back
to the queue they were in, and the team's remaining members and the communications team are told. And a
team's queue is the same set of comments wherever Herald reads it."""

import datetime as dt
import json

import pytest
from django.core import mail
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.moderation import selectors, services
from herald.moderation.models import Comment, ModerationTeam
from herald.moderation.selectors import InboxFilter
from herald.moderation.services import teams
from herald.people import services as people
from herald.people.roles import Role
from testing.factories import AccountFactory, PersonFactory, comment

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(dt.datetime(2026, 12, 7, 10, tzinfo=dt.UTC))]
TOKEN = "scim-test-token-which-is-long-enough"


@pytest.fixture
def account(db):
    return AccountFactory(platform="facebook", display_name="Hinckley Leisure Centre")


@pytest.fixture
def leaver(db):
    return PersonFactory(roles=[Role.EDITOR], first_name="Lee", last_name="Vere", email="lee.vere@council.example")


@pytest.fixture
def colleague(db):
    return PersonFactory(roles=[Role.EDITOR], first_name="Cole", last_name="League", email="cole@council.example")


@pytest.fixture
def leisure_team(comms_officer, leaver, colleague, account):
    return teams.save_moderation_team(
        ModerationTeam(), by=comms_officer, name="Leisure inbox", members=[leaver, colleague], accounts=[account]
    ).team


def _deactivate_by_scim(client, settings, person):
    settings.HERALD_SCIM_TOKEN = TOKEN
    patch = {
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": [{"op": "replace", "path": "active", "value": False}],
    }
    return client.patch(
        reverse("scim:user", args=[person.pk]),
        data=json.dumps(patch),
        content_type="application/scim+json",
        headers={"Authorization": f"Bearer {TOKEN}"},
    )


def test_a_leaver_by_scim_leaves_every_team_and_their_comments_go_back_to_its_queue(
    client, settings, comms_officer, leaver, colleague, leisure_team, account, django_capture_on_commit_callbacks
):
    # given a comment in the team's queue assigned to the member who is leaving
    question = comment(account, "Is the leisure centre pool open on Boxing Day?")
    services.assign_comment(question, by=comms_officer, to=leaver)
    mail.outbox.clear()
    # when the identity provider deactivates them
    with django_capture_on_commit_callbacks(execute=True):
        assert _deactivate_by_scim(client, settings, leaver).status_code == 200
    # then they are no longer in the team
    assert list(leisure_team.members.all()) == [colleague]
    # and the comment is back in the team's queue, unassigned
    question.refresh_from_db()
    assert question.assignee is None and question.team == leisure_team and question.status == Comment.Status.NEW
    # and the change is audited on the team
    event = AuditEvent.objects.for_object(leisure_team).get(action="moderation.team_member_left")
    assert event.before["members"] == sorted([leaver.pk, colleague.pk]) and event.after["members"] == [colleague.pk]
    assert "1 open comment assigned to them went back to its queue" in event.reason
    # and the remaining member and the communications team are told, with the day the UK's way
    [message] = [m for m in mail.outbox if "has left" in m.subject]
    assert message.subject == "Lee Vere has left: Leisure inbox inbox team"
    assert set(message.to) == {colleague.email, comms_officer.email}
    assert "on 7 December 2026" in message.body and "back in the team's queue" in message.body
    # and the team's page shows it in its history
    client.force_login(comms_officer)
    page = client.get(reverse("moderation:team_edit", args=[leisure_team.pk])).content.decode()
    assert "Member left the council: taken out of the team" in page and "Lee Vere has left the council" in page


def test_a_leaver_from_the_hr_import_leaves_every_team(comms_officer, leaver, leisure_team, account):
    other = teams.save_moderation_team(
        ModerationTeam(), by=comms_officer, name="Waste inbox", members=[leaver], accounts=[]
    ).team
    people.record_leaver(leaver, by=comms_officer, reason="Resigned")
    assert not other.members.exists() and leaver not in leisure_team.members.all()
    assert AuditEvent.objects.filter(action="moderation.team_member_left").count() == 2


def test_a_teams_queue_is_the_same_in_the_inbox_filter_and_in_queue_of(comms_officer, account, leisure_team):
    # given a comment that was closed before the team took on the account, so it has no team
    elsewhere = AccountFactory(platform="facebook", display_name="Hinckley Parks")
    earlier = comment(elsewhere, "Thanks for fixing the swings!")
    Comment.objects.filter(pk=earlier.pk).update(account=account, team=None, status=Comment.Status.NO_ACTION)
    queued = comment(account, "Is the leisure centre pool open on Boxing Day?")
    # then it is in the general queue, not the team's, wherever the queue is read
    assert list(Comment.objects.in_queue_of(leisure_team)) == [queued]
    in_inbox = selectors.inbox(comms_officer, InboxFilter(team=leisure_team.pk))
    assert list(in_inbox) == [queued]
