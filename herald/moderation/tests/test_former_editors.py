"""Someone who stops editing an account, or leaves the council, keeps none of its comments: those
assigned to them go back to the team's queue, so they can no longer open, answer, hide or delete them."""

import pytest
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.moderation import services
from herald.moderation.models import Comment, ModerationTeam
from herald.people import services as people_services
from herald.people.roles import Role
from testing.factories import AccountFactory, PersonFactory, comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleagues(team, service_manager):
    return [
        PersonFactory(team=team, service_manager=service_manager, roles=[Role.EDITOR], is_trained_editor=True)
        for _ in range(2)
    ]


@pytest.fixture
def account(editor, colleagues, team):
    return AccountFactory(
        platform="facebook", display_name="Hinckley Leisure Centre", team=team, editors=[editor, *colleagues]
    )


@pytest.fixture
def assigned(account, editor):
    found = comment(account, "Is the pool open on Boxing Day?")
    return services.assign_comment(found, by=editor, to=editor)


def test_an_editor_removed_from_an_account_can_no_longer_open_the_comments_assigned_to_them(
    client, comms_officer, account, editor, assigned
):
    # given: a comment on the account assigned to its editor
    assert assigned.status == Comment.Status.ASSIGNED
    # when: the communications team removes them as an editor
    client.force_login(comms_officer)
    client.post(reverse("social_accounts:editor_remove", args=[account.pk, editor.pk]), {"reason": "Moved to Planning"})
    # then: the comment is back in the queue, unassigned, with the reason in its history
    assigned.refresh_from_db()
    assert assigned.assignee is None
    assert assigned.status == Comment.Status.NEW
    event = AuditEvent.objects.for_object(assigned).get(action="moderation.unassigned_lost_access")
    assert editor.full_name in event.reason
    # and the former editor can no longer open it
    client.force_login(editor)
    assert client.get(reverse("moderation:detail", args=[assigned.pk])).status_code == 404


def test_an_editor_who_still_works_the_account_s_team_queue_keeps_their_comments(
    comms_officer, account, editor, assigned
):
    queue = ModerationTeam.objects.create(name="Leisure inbox")
    queue.members.add(editor)
    queue.accounts.add(account)

    from herald.social_accounts import services as register

    register.remove_editor(account, editor, by=comms_officer, reason="Moved to Planning")

    assigned.refresh_from_db()
    assert assigned.assignee == editor


def test_a_leaver_s_assigned_comments_go_back_to_the_queue(
    hr_officer, editor, assigned, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        people_services.record_leaver(editor, by=hr_officer)

    assigned.refresh_from_db()
    assert assigned.assignee is None
    assert AuditEvent.objects.for_object(assigned).filter(action="moderation.unassigned_lost_access").exists()


@pytest.fixture
def closed(account, editor):
    """A comment the editor was given and dealt with: closed, still assigned to them."""
    found = services.assign_comment(comment(account, "Thanks for fixing the pool heating"), by=editor, to=editor)
    return services.set_status(found, by=editor, status=Comment.Status.REPLIED)


def test_an_editor_removed_from_an_account_can_no_longer_open_or_list_a_closed_comment_once_theirs(
    client, comms_officer, account, editor, closed
):
    # given: a replied comment still assigned to the editor, who is then removed from the account
    assert closed.assignee == editor and not closed.is_open
    from herald.social_accounts import services as register

    register.remove_editor(account, editor, by=comms_officer, reason="Moved to Planning")
    # when: they look for it
    client.force_login(editor)
    page = client.get(reverse("moderation:detail", args=[closed.pk]))
    listed = client.get(reverse("moderation:inbox"), {"status": "", "assignee": "me"}).content.decode()
    # then: it does not exist for them, on its page or in their inbox
    assert page.status_code == 404
    assert closed.text not in listed


def test_a_current_editor_still_opens_and_lists_a_closed_comment_assigned_to_them(client, editor, closed):
    client.force_login(editor)

    page = client.get(reverse("moderation:detail", args=[closed.pk]))
    listed = client.get(reverse("moderation:inbox"), {"status": "", "assignee": "me"}).content.decode()

    assert page.status_code == 200
    assert closed.text in listed
