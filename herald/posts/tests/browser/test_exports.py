"""Downloading the archive for an FOI request and the audit trail as a spreadsheet, in Chromium."""

import subprocess

import pytest
from playwright.sync_api import expect

from herald.posts import services
from herald.posts.tests.factories import in_hours

pytestmark = pytest.mark.browser


def test_comms_download_an_archive_search_as_a_pdf_and_the_audit_trail_as_csv(
    page, sign_in, assert_accessible, editor, comms_officer, facebook, tmp_path
):
    for text in ("The pool reopens on Monday.", "Bin collections move for the bank holiday."):
        services.write_post(accounts=[facebook], texts={facebook.platform: text}, scheduled_for=in_hours(48), by=editor)
    sign_in(page, comms_officer)
    page.goto("/posts/archive/?q=pool")
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="as a PDF for an FOI request").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    text = subprocess.run(["pdftotext", str(saved), "-"], capture_output=True, text=True, check=True).stdout
    assert "The pool reopens on Monday." in text and "Bin collections" not in text

    page.goto("/audit/?action=posts.archive_exported")
    page.get_by_role("link", name="Download these events as a spreadsheet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Download the audit trail as a spreadsheet")
    page.get_by_role("group", name="First day").get_by_label("Day").fill("31")
    page.get_by_role("group", name="First day").get_by_label("Month").fill("2")
    page.get_by_role("group", name="First day").get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Download CSV").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The first day must be a real date")
    assert_accessible(page)
    page.get_by_role("group", name="First day").get_by_label("Day").fill("1")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert "posts.archive_exported" in saved.read_text(encoding="utf-8-sig")
