"""The inbox's team lists (the filter and the assign form) offer only the teams whose queues hold comments
the person may see; a team from outside the list is refused on the form, never acted on."""

import re

import pytest
from django.urls import reverse

from herald.moderation.models import ModerationTeam
from herald.social_accounts.models import AccountEditor
from testing.factories import AccountFactory, comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def account(team, editor):
    account = AccountFactory(platform="facebook", display_name="Hinckley Leisure Centre", team=team)
    AccountEditor.objects.create(account=account, person=editor)
    return account


@pytest.fixture
def other_account(team):
    return AccountFactory(platform="x", display_name="HBBC Planning", team=team)


@pytest.fixture
def teams(editor, account, other_account):
    leisure = ModerationTeam.objects.create(name="Leisure inbox")
    leisure.accounts.add(account)
    planning = ModerationTeam.objects.create(name="Planning inbox")
    planning.accounts.add(other_account)
    evenings = ModerationTeam.objects.create(name="Evening cover")
    evenings.members.add(editor)
    return {"leisure": leisure, "planning": planning, "evenings": evenings}


def _team_options(html: str, form_action: str) -> list[str]:
    """The names offered in the team list of the form posting to (or getting) `form_action`."""
    form = re.search(rf'<form[^>]*action="{re.escape(form_action)}".*?</form>', html, re.S)
    assert form, f"no form for {form_action}"
    select = re.search(r'<select[^>]*name="team".*?</select>', form.group(0), re.S)
    assert select, "no team list"
    return re.findall(r"<option[^>]*>\s*([^<]*?)\s*</option>", select.group(0))


def test_the_inbox_filter_offers_an_editor_only_the_teams_of_their_accounts_and_their_own(client, editor, teams):
    client.force_login(editor)

    page = client.get(reverse("moderation:inbox")).content.decode()

    assert _team_options(page, reverse("moderation:inbox")) == ["Any team", "Evening cover", "Leisure inbox"]


def test_the_communications_team_is_offered_every_team(client, comms_officer, teams):
    client.force_login(comms_officer)

    page = client.get(reverse("moderation:inbox")).content.decode()

    assert _team_options(page, reverse("moderation:inbox")) == [
        "Any team",
        "Evening cover",
        "Leisure inbox",
        "Planning inbox",
    ]


def test_filtering_the_inbox_by_a_team_not_offered_is_a_form_error(client, editor, account, teams):
    kept = comment(account, "Is the pool open on Boxing Day?")
    client.force_login(editor)

    answer = client.get(reverse("moderation:inbox"), {"team": teams["planning"].pk, "status": ""})

    page = answer.content.decode()
    assert answer.status_code == 200
    assert "govuk-error-summary" in page
    assert "Select a valid choice" in page
    # the filter is not applied, and nothing is listed as if it had been: the inbox says to fix it
    assert "Fix the filter to see comments." in page
    assert kept.text not in page


def test_the_assign_form_offers_an_editor_only_the_teams_of_their_accounts_and_their_own(
    client, editor, account, teams
):
    found = comment(account, "Is the pool open on Boxing Day?")
    client.force_login(editor)

    page = client.get(reverse("moderation:detail", args=[found.pk])).content.decode()

    assert _team_options(page, reverse("moderation:assign", args=[found.pk])) == [
        "Leave as it is",
        "Evening cover",
        "Leisure inbox",
    ]


def test_assigning_to_a_team_not_offered_is_refused_on_the_form_and_changes_nothing(client, editor, account, teams):
    found = comment(account, "Is the pool open on Boxing Day?")
    queue = found.team
    client.force_login(editor)

    answer = client.post(
        reverse("moderation:assign", args=[found.pk]), {"assignee": editor.pk, "team": teams["planning"].pk}
    )

    assert answer.status_code == 400
    assert "govuk-error-summary" in answer.content.decode()
    found.refresh_from_db()
    assert found.team == queue != teams["planning"]
    assert found.assignee is None


def test_an_editor_may_still_move_a_comment_to_a_team_offered(client, editor, account, teams):
    found = comment(account, "Is the pool open on Boxing Day?")
    client.force_login(editor)

    answer = client.post(
        reverse("moderation:assign", args=[found.pk]), {"assignee": editor.pk, "team": teams["evenings"].pk}
    )

    assert answer.status_code == 302
    found.refresh_from_db()
    assert found.team == teams["evenings"] and found.assignee == editor


def test_the_assign_service_refuses_a_team_the_person_has_no_part_in(editor, account, teams):
    from herald.errors import Refused
    from herald.moderation import services

    found = comment(account, "Is the pool open on Boxing Day?")
    queue = found.team

    with pytest.raises(Refused, match="You do not work the Planning inbox queue"):
        services.assign_comment(found, by=editor, to=editor, team=teams["planning"])
    found.refresh_from_db()
    assert found.team == queue != teams["planning"]
    assert found.assignee is None
