"""An abusive comment aimed at a councillor opens a councillor-abuse case and its incident; the
monitoring officer follows the case to the incident, records the police referral there, and the case
shows the same reference. Real Chromium, axe on every page."""

import pytest
from playwright.sync_api import expect

from herald.incidents.models import Incident
from herald.moderation.models import CouncillorAbuseCase
from testing.factories import AccountFactory, CouncillorFactory, comment

pytestmark = pytest.mark.browser


def test_the_abuse_case_leads_to_its_incident_which_keeps_the_cases_police_reference(
    page, sign_in, assert_accessible, monitoring_officer
):
    # given an abusive comment naming a councillor arrives and is classified
    bray = CouncillorFactory(first_name="Stuart", last_name="Bray", email="stuart.bray@council.example")
    comment(AccountFactory(display_name="Hinckley Leisure Centre"), "Cllr Stuart Bray you are scum, I will hurt you")
    case = CouncillorAbuseCase.objects.get()
    incident = Incident.objects.get(abuse_case=case)

    # when the monitoring officer opens the case from the list
    sign_in(page, monitoring_officer)
    page.goto("/inbox/cases/")
    assert_accessible(page)
    page.get_by_role("link", name=bray.full_name).click()
    expect(page.get_by_text("you are scum")).to_be_visible()
    assert_accessible(page)

    # then the case links to its abuse incident, which links back to the case and the comment
    page.locator("#case-incident").click()
    expect(page.get_by_role("heading", name=incident.reference, exact=False).first).to_be_visible()
    expect(page.locator("#incident-abuse-case")).to_be_visible()
    expect(page.locator("#incident-comment")).to_be_visible()
    assert_accessible(page)

    # when they record the police referral on the incident
    page.get_by_role("link", name="Record a police referral").click()
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the police crime reference")
    assert_accessible(page)
    page.get_by_label("Police crime reference").fill("LP-2026-0412")
    page.get_by_role("button", name="Save").click()

    # then the incident shows it as the case's, and the case shows the same reference
    expect(page.get_by_text("Police referral recorded")).to_be_visible()
    expect(page.locator("#police-reference")).to_contain_text("LP-2026-0412 (kept on the councillor-abuse case)")
    assert_accessible(page)
    page.locator("#incident-abuse-case").click()
    expect(page.get_by_text("LP-2026-0412")).to_be_visible()
    assert_accessible(page)
    case.refresh_from_db()
    assert case.police_reference == "LP-2026-0412"

    # when a corrected reference arrives, it is changed on the case page itself
    expect(page.get_by_role("heading", name="Change the police reference")).to_be_visible()
    page.get_by_label("Police crime reference").fill("LP-2026-0413")
    page.get_by_role("button", name="Save the police reference").click()
    expect(page.get_by_text("The police reference is recorded.")).to_be_visible()
    expect(page.get_by_text("LP-2026-0413").first).to_be_visible()
    assert_accessible(page)
    case.refresh_from_db()
    assert case.police_reference == "LP-2026-0413"
