"""Setting up an inbox team in real Chromium: the communications team adds a team, a member and an
account from Herald's pages, and the member then works the team's queue in the inbox."""

import pytest
from playwright.sync_api import expect

from herald.moderation.models import ModerationTeam
from herald.people.roles import Role
from testing.factories import AccountFactory, PersonFactory, comment

pytestmark = pytest.mark.browser


def test_the_communications_team_sets_up_a_team_whose_member_then_sees_its_queue(
    page, page_factory, sign_in, assert_accessible, comms_officer, employee, team
):
    # given a question on the leisure centre's page, and a moderator who edits no account yet
    account = AccountFactory(platform="facebook", display_name="Hinckley Leisure Centre")
    comment(account, "Is the leisure centre pool open on Boxing Day?")
    moderator = PersonFactory(team=team, roles=[Role.EDITOR], first_name="Morgan", last_name="Reed")
    sign_in(page, comms_officer)

    # when the communications officer opens the inbox's teams from the inbox and adds a team
    page.goto("/inbox/")
    page.get_by_role("link", name="Inbox teams").click()
    expect(page.get_by_role("heading", name="Inbox teams")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Add a team").click()
    assert_accessible(page)
    page.get_by_label("Team name").fill("Leisure inbox")
    # first with someone who cannot open the inbox
    page.get_by_label("Members").select_option([str(employee.pk)])
    page.get_by_label("Hinckley Leisure Centre").check()
    page.get_by_role("button", name="Save the team").click()

    # then the form says who can be a member, and keeps what was typed
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text(f"{employee.full_name} cannot open the inbox")
    expect(summary).to_contain_text("social media editor, service manager, communications team or system administrator")
    expect(page.get_by_label("Team name")).to_have_value("Leisure inbox")
    expect(page.get_by_label("Hinckley Leisure Centre")).to_be_checked()
    assert_accessible(page)

    # when they choose the moderator instead and save
    page.get_by_label("Members").select_option([str(moderator.pk)])
    page.get_by_role("button", name="Save the team").click()

    # then the team is listed with its member, its account and the open comment now in its queue
    expect(page.get_by_text("Team “Leisure inbox” saved.")).to_be_visible()
    row = page.get_by_role("row", name="Leisure inbox")
    expect(row).to_contain_text("Morgan Reed")
    expect(row).to_contain_text("Hinckley Leisure Centre")
    expect(row.get_by_role("link", name="1 open comment in the Leisure inbox queue")).to_be_visible()
    assert_accessible(page)
    team_pk = ModerationTeam.objects.get(name="Leisure inbox").pk

    # when the moderator signs in and picks the team's queue in the inbox
    theirs = sign_in(page_factory(), moderator)
    theirs.goto("/inbox/")
    theirs.get_by_label("Team queue").select_option(str(team_pk))
    theirs.get_by_role("button", name="Apply filters").click()

    # then they see the question on an account they do not edit, and can open it
    results = theirs.locator("#inbox-results")
    expect(results).to_contain_text("Boxing Day")
    assert_accessible(theirs)
    theirs.get_by_role("link", name="Is the leisure centre pool open on Boxing Day?").click()
    expect(theirs.get_by_text("Hinckley Leisure Centre").first).to_be_visible()
