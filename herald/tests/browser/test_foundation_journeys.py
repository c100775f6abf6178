"""Signing in as each role, the navigation each sees, and a rejected import, in real Chromium."""

import re

import pytest
from playwright.sync_api import expect

from herald.people.roles import Role

pytestmark = pytest.mark.browser

EXPECTED_NAV = {
    Role.EMPLOYEE: {"home"},
    Role.COUNCILLOR: {"home"},
    Role.HR: {"home", "people:directory"},
    Role.ADMIN: {"home", "people:directory", "audit:events"},
    Role.COMMS: {"home", "people:directory", "audit:events"},
    Role.INFO_GOV: {"home", "audit:events"},
}


@pytest.mark.parametrize("role", list(Role), ids=str)
def test_each_role_signs_in_and_sees_its_navigation(page, sign_in, assert_accessible, cast, role):
    # given a person holding the role
    person = cast[role]
    # when they sign in
    sign_in(page, person)
    # then they land on their home page with the navigation for their role
    assert page.get_by_role("heading", level=1).inner_text().startswith("Hello")
    shown = set(page.locator("[data-nav]").evaluate_all("links => links.map(a => a.dataset.nav)"))
    if role in EXPECTED_NAV:
        assert EXPECTED_NAV[role] <= shown
    for forbidden in ("people:roles",) if role != Role.ADMIN else ():
        assert forbidden not in shown
    assert_accessible(page)


def test_sign_in_with_a_wrong_password_shows_the_error_summary(page, assert_accessible, employee):
    page.goto("/sign-in/")
    page.get_by_label("Email address").fill(employee.email)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    summary = page.locator(".govuk-error-summary")
    assert "There is a problem" in summary.inner_text()
    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the page the form sent us to
    assert_accessible(page)


def test_a_bad_import_is_rejected_with_every_problem_listed(
    page, sign_in, assert_accessible, hr_officer, team, tmp_path
):
    # given an HR officer with a feed that has a bad email and an unknown team
    feed = tmp_path / "feed.csv"
    feed.write_text(
        "employee_number,first_name,last_name,email,job_title,service_area,team,status\n"
        "B1,Ann,Lee,ann@council.example,Officer,Community Services,Cultural Services,active\n"
        "B2,Bob,Ray,not-an-email,Officer,Community Services,Nowhere,active\n"
    )
    sign_in(page, hr_officer)
    page.get_by_role("link", name="People").click()
    page.get_by_role("link", name="Imports").click()
    assert_accessible(page)
    # when they upload it
    page.get_by_label("Employees (HR feed)").check()
    page.get_by_label("Upload a CSV file").set_input_files(str(feed))
    page.get_by_role("button", name="Check and import").click()
    # then the error summary lists each problem by row and column, and nothing was imported
    summary = page.locator("#import-errors").inner_text()
    assert "2 problems found" in summary
    assert "Row 3, email" in summary and "Row 3, team" in summary
    from herald.people.models import Person

    assert not Person.objects.filter(employee_number="B1").exists()
    assert_accessible(page)


def test_submitting_the_import_form_empty_shows_field_errors(page, sign_in, assert_accessible, hr_officer):
    sign_in(page, hr_officer)
    page.goto("/people/imports/")
    page.get_by_role("button", name="Check and import").click()
    summary = page.locator(".govuk-error-summary").first.inner_text()
    assert "Select whether this is the HR feed" in summary and "Select a CSV file to upload" in summary
    # the summary links move focus to the field with the problem
    page.get_by_role("link", name="Select a CSV file to upload").click()
    assert page.evaluate("document.activeElement.id") == "id_file"
    assert_accessible(page)


def test_pages_that_do_not_exist_and_forbidden_pages_are_friendly(page, sign_in, assert_accessible, employee):
    sign_in(page, employee)
    response = page.goto("/no-such-page/")
    assert response.status == 404 and "Page not found" in page.content()
    assert_accessible(page)
    response = page.goto("/audit/")
    assert response.status == 403 and "You do not have access" in page.content()
    assert_accessible(page)


def test_the_directory_filters_as_you_type_without_reloading(page, sign_in, assert_accessible, hr_officer, employee):
    sign_in(page, hr_officer)
    page.goto("/people/")
    page.evaluate("window.notReloaded = true")
    # when HR types part of a surname
    page.get_by_label("Search by name").fill(employee.last_name)
    # then the results narrow to match, on the same page (HTMX), and the address can be shared
    page.wait_for_url(f"**q={employee.last_name}**")
    rows = page.locator("#results tbody tr")
    # every row matches (the factory's random names may give someone else that surname as a first name)
    assert employee.full_name in page.locator("#results").inner_text()
    assert all(employee.last_name.lower() in row.lower() for row in rows.all_inner_texts())
    assert (
        hr_officer.full_name not in page.locator("#results").inner_text() or hr_officer.last_name == employee.last_name
    )
    assert page.evaluate("window.notReloaded") is True
    assert_accessible(page)


def test_every_printed_demo_sign_in_works_in_the_browser(page, assert_accessible, db):
    from herald.people.demo import DEMO_PASSWORD, DEMO_SIGN_INS, seed
    from herald.signin.services import TWO_FACTOR_ROLES

    # given the demo council that `make run` loads
    seed()
    for spec in DEMO_SIGN_INS:
        # when each printed sign-in is used with the printed password
        page.goto("/sign-in/")
        page.get_by_label("Email address").fill(spec["email"])
        page.get_by_label("Password").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        # then a role that needs two-factor sign-in first asks for it to be set up (or skipped for now)
        if spec["role"] in TWO_FACTOR_ROLES:
            assert page.get_by_role("heading", level=1).inner_text() == "Set up two-factor sign-in", spec["email"]
            page.get_by_role("link", name="Not now: go to your home page").click()
        # and it reaches its home page
        assert page.get_by_role("heading", level=1).inner_text() == f"Hello, {spec['first']}", spec["email"]
        page.get_by_role("button", name="Sign out").click()
    assert_accessible(page)


def test_an_administrator_checks_the_audit_trail_from_its_page(
    page, sign_in, assert_accessible, system_admin, employee, settings, tmp_path
):
    from herald.audit import services as audit
    from herald.audit.tests.tampering import tamper

    # given a trail with events and a checkpoint kept outside the database
    settings.HERALD_AUDIT_CHECKPOINT_DIR = tmp_path / "checkpoints"
    event = audit.record(actor=system_admin, action="person.updated", obj=employee, reason="New job title")
    audit.write_checkpoint()
    # when an administrator opens the audit trail and asks for the check
    sign_in(page, system_admin)
    page.locator('[data-nav="audit:events"]').click()
    page.get_by_role("link", name="check the audit trail now").click()
    assert_accessible(page)
    page.get_by_role("button", name="Check the audit trail now").click()
    # then they are told it is intact, with how much was checked
    result = page.locator("#verify-result")
    expect(result).to_contain_text("The audit trail is intact")
    expect(result).to_contain_text("matching 1 checkpoint")
    expect(result).to_be_focused()
    assert_accessible(page)
    # when someone with the database owner's rights changes an event behind Herald's back
    tamper("UPDATE audit_auditevent SET reason = %s WHERE id = %s", ["Nothing to see", event.pk])
    page.get_by_role("button", name="Check again").click()
    # then the page says the trail is broken and which event
    expect(page.locator("#verify-result")).to_contain_text("The audit trail is broken")
    expect(page.locator("#verify-result")).to_contain_text(f"event {event.pk} was altered after it was written")
    assert_accessible(page)


def test_the_audit_trail_reads_in_words_with_no_codes_or_raw_data(
    page, sign_in, assert_accessible, comms_officer, employee
):
    from herald.audit import services as audit

    # given an overridden block and a change of job title in the trail
    audit.record(actor=comms_officer, action="post.block_overridden", obj=employee, reason="Published duty phone")
    audit.record(
        actor=comms_officer,
        action="person.updated",
        obj=employee,
        before={"job_title": "Officer", "is_trained_editor": False},
        after={"job_title": "Senior officer", "is_trained_editor": True},
    )
    # when comms open the audit trail and filter it by what happened
    sign_in(page, comms_officer)
    page.locator('[data-nav="audit:events"]').click()
    page.get_by_label("What happened").select_option(label="Person's details changed")
    page.get_by_role("button", name="Filter").click()
    # then the events read as sentences, with dates written the house way
    table = page.locator("table.govuk-table")
    expect(table).to_contain_text("Person's details changed")
    expect(table).not_to_contain_text("Block overridden")
    expect(table).not_to_contain_text("person.updated")
    assert re.search(r"\d{1,2} [A-Z][a-z]+ \d{4} at (\d{1,2}(:\d{2})?[ap]m|midday|midnight)", table.inner_text())
    assert_accessible(page)
    # and an event's page shows what changed as a table, not a data dump
    table.get_by_role("link").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Person's details changed")
    changes = page.get_by_role("table", name="What was recorded")
    expect(changes.get_by_role("row", name="Job title Officer Senior officer")).to_be_visible()
    expect(changes.get_by_role("row", name="Is trained editor No Yes")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("{'")
    assert_accessible(page)
