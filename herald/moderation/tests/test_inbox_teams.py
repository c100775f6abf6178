"""The inbox's teams are set up from Herald's own pages (/inbox/teams/): added, changed and deleted by the
communications team and administrators, with members who can open the inbox and accounts from the
register, every change audited, and no comment lost from the inbox when a team goes."""

import re
import threading

import pytest
from django.db import connection, transaction
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.moderation import services
from herald.moderation.models import Comment, ModerationRule, ModerationTeam, RuleAction
from herald.moderation.services import teams
from herald.people.roles import Role
from testing.factories import AccountFactory, PersonFactory, comment

pytestmark = pytest.mark.django_db

ROLES_THAT_OPEN_THE_INBOX = "social media editor, service manager, communications team or system administrator"


@pytest.fixture
def account(db):
    return AccountFactory(platform="facebook", display_name="Hinckley Leisure Centre")


@pytest.fixture
def moderator(team):
    """Someone who works the inbox but edits and manages no account: a team is their only way in."""
    return PersonFactory(team=team, roles=[Role.EDITOR], first_name="Mo", last_name="Derator")


def _add(client, **data):
    return client.post(reverse("moderation:team_new"), {"submission_key": "", **data})


def _options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select[^>]*name="{name}".*?</select>', html, re.S)
    assert select, f"no list called {name}"
    return re.findall(r"<option[^>]*>\s*([^<]*?)\s*</option>", select.group(0))


def test_a_team_added_from_the_page_shows_its_queue_to_its_member(client, comms_officer, moderator, account):
    question = comment(account, "Is the leisure centre pool open on Boxing Day?")
    client.force_login(moderator)
    assert "Boxing Day" not in client.get(reverse("moderation:inbox")).content.decode()

    client.force_login(comms_officer)
    answer = _add(client, name="Leisure inbox", members=[moderator.pk], accounts=[account.pk])

    assert answer.status_code == 302 and answer["Location"] == reverse("moderation:teams")
    team = ModerationTeam.objects.get(name="Leisure inbox")
    assert list(team.members.all()) == [moderator] and list(team.accounts.all()) == [account]
    listed = client.get(reverse("moderation:teams")).content.decode()
    assert "Leisure inbox" in listed and moderator.full_name in listed and "Hinckley Leisure Centre" in listed
    assert f'?team={team.pk}&amp;status=open">1<' in listed  # one open comment in its queue
    event = AuditEvent.objects.get(action="moderation.team_added")
    assert event.after == {"name": "Leisure inbox", "members": [moderator.pk], "accounts": [account.pk]}
    assert event.reason == "1 open comment on its new accounts joined its queue"
    question.refresh_from_db()
    assert question.team == team
    client.force_login(moderator)
    page = client.get(reverse("moderation:inbox"), {"team": team.pk}).content.decode()
    assert "Boxing Day" in page and client.get(reverse("moderation:detail", args=[question.pk])).status_code == 200


def test_a_team_name_already_used_in_other_letters_is_refused_and_nothing_typed_is_lost(
    client, comms_officer, moderator, account
):
    ModerationTeam.objects.create(name="Waste team")
    client.force_login(comms_officer)

    answer = _add(client, name="  WASTE   Team ", members=[moderator.pk], accounts=[account.pk])

    page = answer.content.decode()
    assert answer.status_code == 400
    assert "govuk-error-summary" in page and "There is already a team called “Waste team”" in page
    assert re.search(rf'<option value="{moderator.pk}"[^>]*selected', page)
    assert ModerationTeam.objects.count() == 1 and not AuditEvent.objects.filter(action="moderation.team_added")


def test_a_member_who_cannot_open_the_inbox_is_a_form_error_naming_the_roles_that_can(
    client, comms_officer, employee, account
):
    client.force_login(comms_officer)

    answer = _add(client, name="Leisure inbox", members=[employee.pk], accounts=[account.pk])

    page = answer.content.decode()
    assert answer.status_code == 400
    assert f"{employee.full_name} cannot open the inbox" in page
    assert ROLES_THAT_OPEN_THE_INBOX in page
    assert 'href="#id_members"' in page  # the error summary leads to the members list
    assert not ModerationTeam.objects.exists()


def test_leavers_and_councillors_are_never_offered_as_members_nor_taken(client, comms_officer, moderator, councillor):
    leaver = PersonFactory(roles=[Role.EDITOR], is_active=False, first_name="Lena", last_name="Gone")
    client.force_login(comms_officer)

    offered = _options(client.get(reverse("moderation:team_new")).content.decode(), "members")
    answers = [_add(client, name=f"Team {n}", members=[person.pk]) for n, person in enumerate([leaver, councillor])]

    assert moderator.full_name in offered
    assert leaver.full_name not in offered and councillor.full_name not in offered
    for answer in answers:
        assert answer.status_code == 400
        assert "Choose members from the council&#x27;s current staff" in answer.content.decode()
    assert not ModerationTeam.objects.exists()


def test_only_accounts_still_in_the_register_are_offered(client, comms_officer):
    AccountFactory(display_name="Old Tourism Page", status="closed")
    AccountFactory(display_name="Hinckley Markets")
    client.force_login(comms_officer)

    page = client.get(reverse("moderation:team_new")).content.decode()

    assert "Hinckley Markets" in page and "Old Tourism Page" not in page


def test_a_double_click_adds_the_team_once(client, comms_officer, account):
    client.force_login(comms_officer)
    sent = {"submission_key": "one-press", "name": "Leisure inbox", "accounts": [account.pk]}

    first = client.post(reverse("moderation:team_new"), sent)
    second = client.post(reverse("moderation:team_new"), sent)

    assert first.status_code == second.status_code == 302 and second["Location"] == first["Location"]
    assert ModerationTeam.objects.count() == 1


def test_changing_a_team_is_audited_and_a_member_taken_out_gives_back_what_they_can_no_longer_see(
    client, comms_officer, moderator, editor, account
):
    team, _ = teams.save_moderation_team(
        ModerationTeam(), by=comms_officer, name="Leisure", members=[moderator, editor], accounts=[account]
    )
    question = comment(account, "Is the leisure centre pool open on Boxing Day?")
    services.assign_comment(question, by=comms_officer, to=moderator)
    client.force_login(comms_officer)
    form = client.get(reverse("moderation:team_edit", args=[team.pk])).content.decode()
    assert re.search(rf'<option value="{moderator.pk}"[^>]*selected', form)

    answer = client.post(
        reverse("moderation:team_edit", args=[team.pk]),
        {"submission_key": "k", "name": "Leisure and culture", "members": [editor.pk], "accounts": [account.pk]},
    )

    assert answer.status_code == 302
    team.refresh_from_db()
    assert team.name == "Leisure and culture" and list(team.members.all()) == [editor]
    event = AuditEvent.objects.get(action="moderation.team_changed")
    assert event.before["members"] == sorted([moderator.pk, editor.pk]) and event.after["members"] == [editor.pk]
    question.refresh_from_db()
    assert question.assignee is None and question.status == Comment.Status.NEW
    client.force_login(moderator)
    assert client.get(reverse("moderation:detail", args=[question.pk])).status_code == 404


def test_deleting_a_team_returns_its_comments_to_the_general_queue_and_says_so_first(
    client, comms_officer, moderator, account
):
    other = AccountFactory(display_name="HBBC Planning")
    team, _ = teams.save_moderation_team(
        ModerationTeam(), by=comms_officer, name="Evening cover", members=[moderator], accounts=[]
    )
    moved = [comment(other, "Planning portal is down"), comment(other, "When is the planning committee?")]
    for each in moved:
        services.assign_comment(each, by=comms_officer, to=None, team=team)
    client.force_login(comms_officer)

    confirm = client.get(reverse("moderation:team_delete", args=[team.pk])).content.decode()
    answer = client.post(reverse("moderation:team_delete", args=[team.pk]), follow=True)

    assert "2 open comments go back to the general queue" in confirm
    assert answer.redirect_chain == [(reverse("moderation:teams"), 302)]
    assert "2 open comments from its queue went back to the general queue" in answer.content.decode()
    assert not ModerationTeam.objects.filter(pk=team.pk).exists()
    assert set(Comment.objects.filter(pk__in=[c.pk for c in moved]).values_list("team", flat=True)) == {None}
    inbox = client.get(reverse("moderation:inbox")).content.decode()
    assert "Planning portal is down" in inbox and "planning committee" in inbox
    event = AuditEvent.objects.get(action="moderation.team_deleted")
    assert event.before["name"] == "Evening cover" and "2 open comments" in event.reason


def test_a_team_a_rule_fills_cannot_be_deleted_until_the_rule_changes(client, comms_officer, account):
    team = ModerationTeam.objects.create(name="Waste team")
    services.save_rule(ModerationRule(name="Bins", keywords=["bin"], assign_team=team), by=comms_officer)
    client.force_login(comms_officer)

    confirm = client.get(reverse("moderation:team_delete", args=[team.pk])).content.decode()
    answer = client.post(reverse("moderation:team_delete", args=[team.pk]))

    assert "You cannot delete this team" in confirm and "Bins" in confirm
    assert answer.status_code == 409 and "The moderation rule “Bins” puts comments in this team" in (
        answer.content.decode()
    )
    assert ModerationTeam.objects.filter(pk=team.pk).exists()


def test_undoing_a_rule_that_moved_a_comment_out_of_a_deleted_team_returns_it_to_the_general_queue(
    client, comms_officer, account
):
    gone = ModerationTeam.objects.create(name="Evening cover")
    waste = ModerationTeam.objects.create(name="Waste team")
    moved = comment(account, "My bin was not collected", classify=False)
    services.assign_comment(moved, by=comms_officer, to=None, team=gone)
    services.save_rule(ModerationRule(name="Bins", keywords=["bin"], assign_team=waste), by=comms_officer)
    services.classify_comments([moved.pk])  # checked, then the rule moves it to the waste team
    action = RuleAction.objects.get(comment=moved, kind=RuleAction.Kind.ASSIGN_TEAM)
    assert action.before == str(gone.pk)
    teams.delete_moderation_team(gone, by=comms_officer)
    client.force_login(comms_officer)

    client.post(reverse("moderation:undo_rule_action", args=[action.pk]))

    moved.refresh_from_db()
    assert moved.team is None
    assert client.get(reverse("moderation:detail", args=[moved.pk])).status_code == 200


def test_the_teams_page_is_in_the_inbox_settings_for_the_communications_team_only(
    client, comms_officer, service_manager
):
    client.force_login(comms_officer)
    assert 'href="/inbox/teams/"' in client.get(reverse("moderation:inbox")).content.decode()

    client.force_login(service_manager)
    assert 'href="/inbox/teams/"' not in client.get(reverse("moderation:inbox")).content.decode()
    assert client.get(reverse("moderation:teams")).status_code == 403


def test_an_account_moved_to_another_team_takes_its_open_comments_to_that_teams_queue(
    client, comms_officer, moderator, editor, account
):
    """Left behind, the backlog would stay in the old team's queue, seen by people who no longer work the
    account, and missing from the queue of those who now do."""
    waste, _ = teams.save_moderation_team(
        ModerationTeam(), by=comms_officer, name="Waste", members=[moderator], accounts=[account]
    )
    backlog = [comment(account, "Is the leisure centre pool open on Boxing Day?"), comment(account, "Sauna hours?")]
    assert {c.team for c in Comment.objects.filter(pk__in=[c.pk for c in backlog])} == {waste}
    leisure, _ = teams.save_moderation_team(
        ModerationTeam(), by=comms_officer, name="Leisure", members=[editor], accounts=[account]
    )
    client.force_login(comms_officer)

    answer = client.post(
        reverse("moderation:team_edit", args=[waste.pk]),
        {"submission_key": "k", "name": "Waste", "members": [moderator.pk], "accounts": []},
        follow=True,
    )

    assert "2 open comments on accounts it no longer has left its queue" in answer.content.decode()
    assert set(Comment.objects.filter(pk__in=[c.pk for c in backlog]).values_list("team", flat=True)) == {leisure.pk}
    assert (
        "2 open comments on accounts it no longer has"
        in AuditEvent.objects.get(action="moderation.team_changed").reason
    )
    client.force_login(moderator)
    assert "Boxing Day" not in client.get(reverse("moderation:inbox"), {"team": waste.pk}).content.decode()
    client.force_login(editor)
    assert "Boxing Day" in client.get(reverse("moderation:inbox"), {"team": leisure.pk}).content.decode()


def test_an_account_no_team_holds_any_more_sends_its_open_comments_to_the_general_queue(
    comms_officer, moderator, account
):
    waste, _ = teams.save_moderation_team(
        ModerationTeam(), by=comms_officer, name="Waste", members=[moderator], accounts=[account]
    )
    question = comment(account, "Is the leisure centre pool open on Boxing Day?")

    _, moved = teams.save_moderation_team(waste, by=comms_officer, name="Waste", members=[moderator], accounts=[])

    question.refresh_from_db()
    assert moved == 1 and question.team is None


def test_the_list_of_teams_takes_a_handful_of_queries_however_many_members(
    client, comms_officer, account, django_assert_max_num_queries
):
    """One query per member (whether they can open the inbox) made a large team's list slow."""
    members = [PersonFactory(roles=[Role.EDITOR]) for _ in range(25)]
    lost_role = PersonFactory(roles=[Role.EDITOR], first_name="Lost", last_name="Role")
    ModerationTeam.objects.create(name="Big team").members.set([*members, lost_role])
    lost_role.groups.clear()
    client.force_login(comms_officer)

    with django_assert_max_num_queries(20):
        page = client.get(reverse("moderation:teams")).content.decode()

    assert page.count("Cannot open the inbox") == 1


def test_a_name_two_older_teams_share_in_other_letters_is_refused_not_an_error(client, comms_officer, account):
    ModerationTeam.objects.create(name="Waste")
    ModerationTeam.objects.create(name="waste")
    client.force_login(comms_officer)

    answer = _add(client, name="WASTE", accounts=[account.pk])

    assert answer.status_code == 400 and "There is already a team called “Waste”" in answer.content.decode()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite runs one writer at a time")
def test_a_name_someone_else_saves_at_the_same_moment_is_refused_not_an_error(comms_officer, account):
    """Both check the name before either has saved: the second save breaks the database's unique rule."""
    inserted, release = threading.Event(), threading.Event()

    def the_other_person():
        try:
            with transaction.atomic():
                ModerationTeam.objects.create(name="Waste")
                inserted.set()
                release.wait(10)
        finally:
            connection.close()

    other = threading.Thread(target=the_other_person)
    other.start()
    inserted.wait(10)
    threading.Timer(1.0, release.set).start()  # they commit while this save waits on the unique index
    try:
        with pytest.raises(teams.Refused, match="already a team called “Waste”"):
            teams.save_moderation_team(ModerationTeam(), by=comms_officer, name="Waste", members=[], accounts=[account])
    finally:
        release.set()
        other.join()
    assert ModerationTeam.objects.filter(name="Waste").count() == 1
