"""A threatening comment aimed at a councillor, from arrival to the police evidence pack and the
councillor being told, in real Chromium with axe on every page."""

import hashlib
import io
import zipfile

import pytest
from playwright.sync_api import expect

from herald.moderation.models import Comment, CouncillorAbuseCase
from herald.social_accounts.models import AccountEditor
from testing.factories import AccountFactory, CouncillorFactory, comment

pytestmark = pytest.mark.browser

THREAT = "Cllr Stuart Bray you are a useless idiot, I know where you live and I will hurt you"


def switch_to(page, sign_in, person):
    page.context.clear_cookies()
    sign_in(page, person)


def test_abuse_of_a_councillor_opens_a_case_the_team_exports_for_the_police_and_the_councillor_is_told(
    page, sign_in, assert_accessible, editor, monitoring_officer
):
    # given a councillor on the register and an account the editor works
    bray = CouncillorFactory(first_name="Stuart", last_name="Bray", email="stuart.bray@council.example")
    account = AccountFactory(display_name="Hinckley Leisure Centre")
    AccountEditor.objects.create(account=account, person=editor)

    # when a threatening comment naming him arrives and is classified
    found = comment(account, THREAT)

    # then the editor sees it escalated, and hides it with a reason, evidence first
    sign_in(page, editor)
    page.goto(f"/inbox/comments/{found.pk}/")
    assert_accessible(page)
    expect(page.get_by_text("Abuse of Cllr Stuart Bray")).to_be_visible()
    page.get_by_label("Threatening or inciting violence").check()
    page.get_by_role("button", name="Keep evidence and hide").click()
    expect(page.get_by_text("The comment is hidden. Its evidence is kept.")).to_be_visible()
    expect(page.get_by_role("link", name="Download the PDF")).to_be_visible()
    assert_accessible(page)
    found.refresh_from_db()
    assert found.status == Comment.Status.HIDDEN

    # and the monitoring officer finds the case from their home page and exports the pack
    switch_to(page, sign_in, monitoring_officer)
    page.goto("/")
    page.get_by_role("link", name="1 open case").click()
    expect(page.get_by_role("heading", name="Councillor-abuse cases")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=bray.full_name).click()
    expect(page.get_by_text("I know where you live")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the evidence pack").click()
    archive = zipfile.ZipFile(io.BytesIO(open(download.value.path(), "rb").read()))
    lines = archive.read("SHA256SUMS").decode().splitlines()
    assert any(line.endswith(".pdf") for line in lines)
    for line in lines:
        digest, name = line.split("  ")
        assert hashlib.sha256(archive.read(name)).hexdigest() == digest

    page.get_by_label("What was done").fill("Reported to Leicestershire Police; the author is blocked.")
    page.get_by_label("Police reference (if reported)").fill("LP-2026-0412")
    page.get_by_role("button", name="Close the case").click()
    expect(page.get_by_text("The case is closed.")).to_be_visible()
    assert_accessible(page)

    # and the councillor is told through Herald
    switch_to(page, sign_in, bray)
    page.goto("/")
    expect(page.get_by_role("heading", name="Abuse aimed at you")).to_be_visible()
    page.goto("/inbox/abuse-aimed-at-me/")
    expect(page.get_by_text("LP-2026-0412")).to_be_visible()
    assert_accessible(page)
    assert CouncillorAbuseCase.objects.get().police_reference == "LP-2026-0412"


def test_the_reply_form_checks_as_you_type_and_shows_who_else_is_there(
    page, sign_in, assert_accessible, editor, comms_officer
):
    account = AccountFactory()
    AccountEditor.objects.create(account=account, person=editor)
    found = comment(account, "When does the pool open?")
    from herald.moderation.services import replies

    replies.note_presence(found, person=comms_officer, activity="replying")

    sign_in(page, editor)
    page.goto(f"/inbox/comments/{found.pk}/")
    expect(page.get_by_text(f"{comms_officer.full_name} is writing a reply")).to_be_visible()
    page.get_by_label("Your reply", exact=True).fill("Ring Jane on 07700 900123")
    expect(page.locator("#reply-findings .govuk-tag--red").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Your reply", exact=True).fill("It opens at 7am every day.")
    expect(page.get_by_text("No problems found")).to_be_visible()
    page.get_by_role("button", name="Record the reply").click()
    expect(page.get_by_text("Your reply is recorded.")).to_be_visible()
    assert_accessible(page)
