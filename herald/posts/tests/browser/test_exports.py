"""Downloading the archive for an FOI request and the audit trail as a spreadsheet, in Chromium."""

import subprocess

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from herald.audit.models import AuditEvent
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
    # when they search from a date that does not exist, the search says so where they are working
    page.evaluate("window.notReloaded = true")
    results = page.locator("#results")
    from_date = page.get_by_role("group", name="From")
    from_date.get_by_label("Day").fill("31")
    from_date.get_by_label("Month").fill("2")
    from_date.get_by_label("Year").fill("2026")
    expect(page.locator(".govuk-error-summary")).to_have_count(0)  # not while the date is being typed
    page.get_by_role("button", name="Search").click()
    summary = page.locator("#archive-filters .govuk-error-summary")
    expect(summary).to_contain_text("The from date must be a real date")
    expect(page.locator("#archive-date_from-error")).to_contain_text("The from date must be a real date")
    # and lists no posts as if the search had found them
    expect(results).to_contain_text("Fix the search to see posts.")
    expect(results).not_to_contain_text("The pool reopens on Monday.")
    assert_accessible(page)
    # once the date is put right, the errors go and the post is found, all without reloading the page
    from_date.get_by_label("Day").fill("1")
    page.get_by_role("button", name="Search").click()
    expect(summary).to_have_count(0)
    expect(results).to_contain_text("The pool reopens on Monday.")
    expect(results).not_to_contain_text("Bin collections")
    # and the words still search as they are typed
    page.get_by_label("Words in the post").fill("bin")
    expect(results).to_contain_text("Bin collections")
    expect(results).not_to_contain_text("The pool reopens on Monday.")
    assert page.evaluate("window.notReloaded") is True
    # the PDF is of the search as it now stands ("bin", typed), not the one the page was first drawn for
    pdf_link = page.get_by_role("link", name="as a PDF for an FOI request")
    query = "?q=bin&date_from_day=1&date_from_month=2&date_from_year=2026"
    expect(pdf_link).to_have_attribute("href", reverse("posts:archive_pdf") + query)
    with page.expect_download() as download:
        pdf_link.click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    text = subprocess.run(["pdftotext", str(saved), "-"], capture_output=True, text=True, check=True).stdout
    assert "Bin collections" in text and "The pool reopens on Monday." not in text
    exported = AuditEvent.objects.filter(action="posts.archive_exported").latest("id")
    assert "bin" in str(exported.after) and "pool" not in str(exported.after)
    assert "errors_shown" not in str(exported.after)

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
