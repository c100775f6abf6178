"""Recording a reply posted by hand with an address on another site, in real Chromium with axe: the
comment's page comes back with the GOV.UK error summary, whose link takes the editor to the box; a
comment reopened after it was handled shows so in the inbox and on its page."""

import pytest
from playwright.sync_api import expect

from herald.moderation.models import Comment, Reply
from herald.moderation.services import inbox, replies
from testing.factories import AccountFactory, comment

pytestmark = pytest.mark.browser


def test_a_reply_address_on_another_site_is_shown_in_the_error_summary(page, sign_in, assert_accessible, comms_officer):
    found = comment(AccountFactory(platform="x"), "When is the green bin collection in Burbage?")
    reply = Reply.objects.create(
        comment=found,
        text="Tuesdays, every fortnight.",
        text_sha256=replies.text_sha256("Tuesdays, every fortnight."),
        written_by=comms_officer,
        status=Reply.Status.READY,
    )
    sign_in(page, comms_officer)
    page.goto(f"/inbox/comments/{found.pk}/")
    page.get_by_label("Posted it on the platform? Address of your reply").fill(
        "https://example.com/HinckBosBC/status/1866123456789012345"
    )
    page.get_by_role("button", name="Record as posted reply 1").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("it starts https://x.com/ or https://twitter.com/")
    summary.get_by_role("link").click()
    expect(page.locator(f"#record-{reply.pk}-address")).to_be_focused()
    assert_accessible(page)


def test_a_reopened_comment_shows_so_in_the_inbox(page, sign_in, assert_accessible, comms_officer):
    found = comment(AccountFactory(), "What time does the tip open on Sunday?")
    inbox.set_status(found, by=comms_officer, status=Comment.Status.REPLIED)
    inbox.set_status(found, by=comms_officer, status=Comment.Status.NEW, reason="The answer was wrong")
    sign_in(page, comms_officer)
    page.goto("/inbox/?status=open")
    expect(page.locator(".govuk-tag--orange", has_text="Reopened")).to_be_visible()
    assert_accessible(page)
    page.goto(f"/inbox/comments/{found.pk}/")
    expect(page.get_by_text("its first response is the one the response target and the reports count")).to_be_visible()
    assert_accessible(page)
