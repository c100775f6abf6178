"""A risk manager changes the scoring matrix's bands in real Chromium: a bad colour is shown in the
error summary, a good one is saved and the matrix shows it, with axe on every page."""

import re

import pytest
from playwright.sync_api import expect

from herald.risks.models import Band

pytestmark = pytest.mark.browser


def band_field(page, part: str):
    # Band fields are optional (a band left without a name is no band): their labels say "(optional)".
    return page.get_by_label(re.compile(rf"^Band 1: {part}"))


def test_a_risk_manager_renames_and_recolours_a_band_after_fixing_a_bad_colour(
    page, sign_in, assert_accessible, comms_officer
):
    # given the matrix loaded from the committee report, and a risk manager
    first = Band.objects.order_by("min_score").first()
    sign_in(page, comms_officer)
    page.goto("/risks/matrix/")
    assert_accessible(page)
    # when they change the lowest band's name and give it a colour that is not a colour
    page.get_by_role("link", name="Change the matrix").click()
    expect(page.get_by_role("heading", name="Change the scoring matrix")).to_be_visible()
    assert_accessible(page)
    band_field(page, "name").fill("Tolerable")
    band_field(page, "fill colour").fill("green")
    page.get_by_role("button", name="Save the matrix").click()
    # then the error summary says what is wrong, and links to the field
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter the colour of Tolerable as # and six hex digits, like #d4351c")
    assert_accessible(page)
    summary.get_by_role("link", name="Enter the colour of Tolerable").click()
    expect(band_field(page, "fill colour")).to_be_focused()
    # and nothing typed is lost
    expect(band_field(page, "name")).to_have_value("Tolerable")
    # when they give it a real colour, readable under dark text, and save
    band_field(page, "fill colour").fill("#85994b")
    band_field(page, "text colour").fill("#0b0c0c")
    page.get_by_role("button", name="Save the matrix").click()
    # then the matrix shows the band under its new name and colour
    expect(page.get_by_text("Scoring matrix saved.")).to_be_visible()
    expect(page.get_by_role("heading", name="Scoring matrix", exact=True)).to_be_visible()
    expect(page.get_by_text("Tolerable").first).to_be_visible()
    assert_accessible(page)
    band = Band.objects.order_by("min_score").first()
    assert (band.name, band.colour, band.min_score, band.max_score) == (
        "Tolerable",
        "#85994b",
        first.min_score,
        first.max_score,
    )
