"""Opening, refusing, losing an editor and reviewing a quiet account, in real Chromium."""

import datetime as dt

import pytest
from django.core import mail
from playwright.sync_api import expect

from herald.social_accounts import services, tasks
from herald.social_accounts.models import Account, AccountRequest, SecurityTask
from herald.social_accounts.services import Nomination
from herald.social_accounts.tests.factories import AccountFactory
from testing.browser import PINNED_DAY, fill_date
from testing.factories import PersonFactory

# Dates typed and records made run on a pinned clock (testing.browser's PINNED_MORNING), not today's.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("pinned_clock")]


def _sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()


def test_an_employee_request_becomes_an_active_public_account(
    page, sign_in, assert_accessible, employee, editor, service_manager, comms_officer, ict_officer
):
    # given a trained editor and a colleague booked on training
    colleague = PersonFactory(team=employee.team, email="colleague@council.example")
    booked = PINNED_DAY + dt.timedelta(days=14)
    # when the employee starts a request and sends it with a password in it and one editor
    sign_in(page, employee)
    page.get_by_role("link", name="Account requests").click()
    page.get_by_role("link", name="Request a new account").click()
    page.get_by_label("Platform", exact=True).select_option("instagram")
    page.get_by_label("Proposed account name").fill("Hinckley Museum and Heritage")
    page.get_by_label("Proposed handle").fill("@hinckleyheritage")
    page.get_by_label("Purpose and objectives").fill("Share the heritage collection")
    page.get_by_label("Audience", exact=True).fill("Families and local history groups")
    page.get_by_label("Why the corporate accounts cannot reach this audience").fill("Heritage posts get lost")
    page.get_by_label("Content plan").fill("Object of the week")
    page.get_by_label("Posting frequency").fill("Three a week")
    page.get_by_label("Monitoring hours").fill("Monday to Friday, 9am to 5pm")
    page.get_by_label("Out-of-hours and weekend cover").fill("Duty officer on Saturdays")
    page.get_by_label("Resources").fill("Shared login, password: Heritage2026")
    page.get_by_label("How the account will be closed if it stops being used").fill("Final post, then archive")
    expect(page.locator("label[for=id_editor_1_email]")).to_have_text("Editor 1 email address")
    page.get_by_label("Editor 1 email address").fill(editor.email)
    page.get_by_role("button", name="Send the request").click()
    # then the form comes back with every problem listed and nothing saved
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Herald must never hold passwords" in summary and "Name at least two editors" in summary
    assert page.get_by_label("Proposed account name").input_value() == "Hinckley Museum and Heritage"
    assert not AccountRequest.objects.exists()
    assert_accessible(page)
    # when they correct it: credentials in the password manager, and a second editor booked on training
    page.get_by_label("Resources").fill("Three hours a week; credentials held in the password manager")
    page.get_by_label("Editor 2 email address").fill(colleague.email)
    fill_date(page, "Editor 2 training date", booked)
    page.get_by_role("button", name="Send the request").click()
    assert "Request sent to" in page.locator(".govuk-notification-banner").inner_text()
    assert mail.outbox[-1].to == [service_manager.email]
    assert_accessible(page)
    _sign_out(page)
    # and the service manager endorses it from their home page
    sign_in(page, service_manager)
    page.get_by_role("link", name="Hinckley Museum and Heritage (Instagram)").click()
    page.get_by_role("link", name="Endorse, send back or refuse").click()
    assert_accessible(page)
    page.get_by_label("Endorse the request").check()
    page.get_by_role("button", name="Save decision").click()
    _sign_out(page)
    # and the communications team approves it with conditions
    sign_in(page, comms_officer)
    page.get_by_role("link", name="Hinckley Museum and Heritage (Instagram)").click()
    page.get_by_role("link", name="Review the request").click()
    # (the conditions are needed when approving with conditions, so they are not labelled optional)
    expect(page.locator("label[for=id_conditions]")).to_have_text("Conditions of approval")
    page.get_by_label("Approve with conditions").check()
    page.get_by_label("Conditions of approval").fill("Review after six months")
    page.get_by_role("button", name="Save decision").click()
    _sign_out(page)
    # and ICT confirms the security set-up
    sign_in(page, ict_officer)
    page.get_by_role("link", name="Hinckley Museum and Heritage (Instagram)").click()
    page.get_by_role("link", name="Confirm the security set-up").click()
    page.get_by_label("Profile address").fill("https://www.instagram.com/hinckleyheritage")
    page.get_by_label("Two-factor sign-in is on").check()
    page.get_by_label("The communications team is co-admin").check()
    page.get_by_role("button", name="Confirm and activate").click()
    assert (
        "Confirm the credentials are in the council's password manager"
        in page.locator(".govuk-error-summary").inner_text()
    )
    page.get_by_label("The credentials are held in the council's password manager").check()
    page.get_by_role("button", name="Confirm and activate").click()
    # then the account is active with its two editors, and on the public list for residents
    assert "is now active" in page.locator(".govuk-notification-banner").inner_text()
    assert editor.full_name in page.content() and colleague.full_name in page.content()
    assert_accessible(page)
    _sign_out(page)
    page.goto("/accounts/")
    assert (
        page.get_by_role("link", name="Hinckley Museum and Heritage").get_attribute("href").endswith("hinckleyheritage")
    )
    assert_accessible(page)


@pytest.mark.parametrize(
    ("step", "decision", "outcome"),
    [
        ("service manager", "Send it back for changes", "Sent back for changes"),
        ("service manager", "Refuse it", "Refused"),
        ("communications team", "Send back for changes", "Sent back for changes"),
        ("communications team", "Refuse", "Refused"),
    ],
)
def test_a_request_can_be_sent_back_or_refused_with_reasons_the_requester_reads(
    page,
    sign_in,
    assert_accessible,
    step,
    decision,
    outcome,
    employee,
    editor,
    service_manager,
    comms_officer,
    django_capture_on_commit_callbacks,
):
    # given a request waiting at this step
    second = PersonFactory(team=employee.team, is_trained_editor=True)
    case = services.BusinessCase(
        team=employee.team,
        service_manager=service_manager,
        platform="facebook",
        proposed_name="Bosworth Walks",
        proposed_handle="bosworthwalks",
        purpose="Health walks",
        audience="Older residents",
        why_not_corporate="Niche",
        content_plan="Walk dates",
        posting_frequency="Weekly",
        monitoring_hours="9 to 5",
        out_of_hours_cover="None",
        resources="One hour a week",
        closure_plan="Archive",
    )
    request = services.request_account(case, editors=[Nomination(editor), Nomination(second)], by=employee)
    decider = service_manager
    if step == "communications team":
        services.endorse_account_request(request, by=service_manager)
        decider = comms_officer
    # when the decider chooses without giving reasons, then with them
    sign_in(page, decider)
    page.goto(f"/accounts/requests/{request.pk}/")
    page.get_by_role(
        "link", name="Endorse, send back or refuse" if decider == service_manager else "Review the request"
    ).click()
    page.get_by_label(decision, exact=True).check()
    page.get_by_role("button", name="Save decision").click()
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)
    page.get_by_label("Comments or reasons").fill("The corporate Facebook page already covers walks")
    page.get_by_role("button", name="Save decision").click()
    _sign_out(page)
    # then the requester reads the outcome and the reasons on their request
    sign_in(page, employee)
    page.goto(f"/accounts/requests/{request.pk}/")
    assert outcome in page.locator("h1").inner_text()
    assert "The corporate Facebook page already covers walks" in page.content()
    can_resubmit = page.get_by_role("link", name="Change and resubmit").count() == 1
    assert can_resubmit == (outcome == "Sent back for changes")
    assert_accessible(page)


def test_a_leaver_is_taken_off_their_accounts_and_comms_rotates_the_credentials(
    page, sign_in, assert_accessible, hr_officer, comms_officer, editor, team, tmp_path
):
    # given an account with two editors, one of whom leaves in the HR feed
    colleague = PersonFactory(team=team, is_trained_editor=True)
    account = AccountFactory(team=team, display_name="Hinckley Culture", editors=[editor, colleague])
    feed = tmp_path / "feed.csv"
    feed.write_text(
        "employee_number,first_name,last_name,email,job_title,service_area,team,status,leaving_date\n"
        f"{editor.employee_number},{editor.first_name},{editor.last_name},{editor.email},Officer,"
        f"{team.service_area.name},{team.name},leaver,2026-11-20\n"
    )
    # when HR imports it
    sign_in(page, hr_officer)
    page.goto("/people/imports/")
    page.get_by_label("Employees (HR feed)").check()
    page.get_by_label("Upload a CSV file").set_input_files(str(feed))
    page.get_by_role("button", name="Check and import").click()
    _sign_out(page)
    # then comms sees a task to rotate credentials, and the account flagged as short of editors
    sign_in(page, comms_officer)
    attention = page.get_by_role("region", name="Official accounts needing attention")
    assert "fewer than two editors" in attention.inner_text()
    assert_accessible(page)
    attention.get_by_role(
        "link", name=f"Rotate credentials and remove a leaver's platform access ({editor.full_name})"
    ).click()
    page.get_by_label("What was done").fill("Password changed in the password manager; page role removed")
    page.get_by_role("button", name="Mark as done").click()
    assert "Task done" in page.locator(".govuk-notification-banner").inner_text()
    assert editor.full_name not in page.locator("table").first.inner_text()
    assert not SecurityTask.objects.open().exists()
    assert not account.active_editors().filter(pk=editor.pk).exists()
    assert_accessible(page)


def test_the_dormancy_task_puts_a_quiet_account_to_comms_who_close_it(
    page, sign_in, assert_accessible, comms_officer, editor, team
):
    # given an account nobody has posted on for four months
    account = AccountFactory(
        team=team,
        display_name="Atkins Building Events",
        editors=[editor],
        last_activity_on=PINNED_DAY - dt.timedelta(days=120),
    )
    # when the daily dormancy task runs
    tasks.find_dormancy_candidates.call()
    # then comms sees it on their home page and decides to close it
    sign_in(page, comms_officer)
    page.get_by_role("link", name="Atkins Building Events (Facebook)").first.click()
    assert "No activity for 120 days" in page.content()
    page.get_by_role("link", name="Decide now").click()
    page.get_by_label("Close it").check()
    page.get_by_label("Reason for the decision").fill("Events now go on the corporate page")
    page.get_by_role("button", name="Save decision").click()
    fill_date(page, "Date of the final post", PINNED_DAY + dt.timedelta(days=7))
    page.get_by_label("Handover").fill("Followers pointed to the council's Facebook page")
    page.get_by_role("button", name="Start closing").click()
    assert_accessible(page)
    page.get_by_role("link", name="Confirm it is closed").click()
    page.get_by_label("Link to the final post").fill("https://www.facebook.com/atkinsevents/posts/1")
    page.get_by_label("The final post is published and the handover is done").check()
    page.get_by_role("button", name="Close the account").click()
    # and it leaves the public list
    assert Account.objects.get(pk=account.pk).status == Account.Status.CLOSED
    page.goto("/accounts/")
    assert "Atkins Building Events" not in page.content()
