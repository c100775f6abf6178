"""Drafting, editing, signing off and downloading a committee report; consultation on a draft
policy; each role's dashboard. Real Chromium, with axe on each page."""

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from herald.policies import services as policies
from herald.policies.models import Consultation, PolicyDocument
from herald.posts.models import Post
from herald.posts.tests.factories import PostFactory
from herald.social_accounts.tests.factories import AccountFactory
from testing.browser import PINNED_DAY
from testing.factories import PersonFactory, incident

# Dates typed and records made run on a pinned clock (testing.browser's PINNED_MORNING), not today's.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("pinned_clock")]


@pytest.fixture
def published_posts(db, team, editor):
    account = AccountFactory(display_name="HBBC Leisure", team=team)
    now = timezone.now()
    for number in range(3):
        PostFactory(
            account=account,
            author=editor,
            status=Post.Status.PUBLISHED,
            submitted_at=now - dt.timedelta(days=3),
            published_at=now - dt.timedelta(days=2),
            published_by=editor,
            published_url=f"https://www.facebook.com/hbbcleisure/posts/{number}",
        )
    return account


def _sign_out(page):
    page.get_by_role("button", name="Sign out").click()


def test_comms_draft_and_edit_a_report_the_officer_signs_it_off_and_downloads_it(
    page, sign_in, assert_accessible, comms_officer, monitoring_officer, published_posts
):
    today = PINNED_DAY
    # given the communications team starts a report for the committee
    sign_in(page, comms_officer)
    page.goto("/reports/")
    assert_accessible(page)
    page.get_by_role("link", name="Start a report").click()
    page.get_by_label("Meeting date").fill((today + dt.timedelta(days=21)).isoformat())
    page.get_by_label("Figures from").fill((today - dt.timedelta(days=30)).isoformat())
    page.get_by_label("Figures to").fill(today.isoformat())
    page.get_by_label("Named officer").select_option(
        label=f"{monitoring_officer.full_name} ({monitoring_officer.email})"
    )
    assert_accessible(page)
    page.get_by_role("button", name="Draft the report").click()
    # then Herald drafts it in the committee's numbering, with the posts published in the period
    expect(page.get_by_role("heading", name="3. Background to the report")).to_be_visible()
    expect(page.locator("#part-posts")).to_contain_text("3 posts published on 1 account")
    expect(page.locator("#part-moderation")).to_contain_text("No comments or messages were received")
    assert_accessible(page)
    # when they edit the recommendation and send it for sign-off
    page.get_by_role("link", name="Edit the report").click()
    page.get_by_label("2. Recommendation").fill("Agree and note the updated social media policy.")
    assert_accessible(page)
    page.get_by_role("button", name="Save the report").click()
    expect(page.locator("#section-2")).to_contain_text("2.1")
    expect(page.locator("#section-2")).to_contain_text("Agree and note the updated social media policy.")
    page.get_by_role("button", name=f"Send to {monitoring_officer.full_name} to sign off").click()
    expect(page.locator("#report-status")).to_contain_text("Waiting for sign-off")
    _sign_out(page)
    # then the named officer finds it on their home page and signs it off
    sign_in(page, monitoring_officer)
    page.get_by_role("link", name="Social Media Policy and Guidelines: annual review").click()
    page.get_by_role("link", name="Sign off").click()
    assert_accessible(page)
    page.get_by_role("button", name="Sign off the report").click()
    expect(page.locator("#report-status")).to_contain_text(f"Signed off: signed off by {monitoring_officer.full_name}")
    assert_accessible(page)
    # and downloads the PDF and the Word file as signed
    with page.expect_download() as pdf:
        page.get_by_role("link", name="Download PDF").click()
    assert pdf.value.suggested_filename.endswith(".pdf")
    assert Path(pdf.value.path()).read_bytes().startswith(b"%PDF")
    with page.expect_download() as word:
        page.get_by_role("link", name="Download Word file").click()
    assert word.value.suggested_filename.endswith(".docx")
    expect(page.get_by_role("link", name="Edit the report")).to_have_count(0)


def test_the_union_comments_on_a_draft_and_comms_answer_each_comment(
    page, sign_in, assert_accessible, comms_officer, team
):
    rep = PersonFactory(team=team, first_name="Una", email="una@council.example")
    policies.install_default_documents()
    document = PolicyDocument.objects.get(slug="employee-policy")
    policies.save_draft(
        document, body=document.published_version.body, change_summary="Nextdoor added", by=comms_officer
    )
    # given comms put the draft to Unison
    sign_in(page, comms_officer)
    page.goto("/policies/employee-policy/draft/changes/")
    page.get_by_role("link", name="Put version 2 to consultation").click()
    page.get_by_label("The recognised union's representatives").check()
    page.get_by_label(f"{rep.full_name} ({rep.email})").check()
    page.get_by_label("Closing date").fill((PINNED_DAY + dt.timedelta(days=14)).isoformat())
    assert_accessible(page)
    page.get_by_role("button", name="Start the consultation").click()
    expect(page.get_by_role("heading", name="Employee Social Media Policy, draft version 2")).to_be_visible()
    _sign_out(page)
    # when the representative comments on a clause
    sign_in(page, rep)
    page.get_by_role("link", name="Employee Social Media Policy, draft version 2").click()
    page.get_by_label("Which clause is your comment about?").select_option(label="Your personal use of social media")
    page.get_by_label("Your comment", exact=True).fill("Say what bringing the council into disrepute covers.")
    assert_accessible(page)
    page.get_by_role("button", name="Send comment").click()
    expect(page.locator(".govuk-summary-card")).to_contain_text("Not answered yet")
    _sign_out(page)
    # then comms answer it, and the draft can be published once the consultation has closed
    sign_in(page, comms_officer)
    consultation = Consultation.objects.get()
    page.goto(f"/policies/consultations/{consultation.pk}/")
    page.get_by_role("link", name="Answer the comment on Your personal use of social media").click()
    page.get_by_label("Adopted", exact=True).check()
    page.get_by_label("Reason").fill("Examples added to the clause.")
    assert_accessible(page)
    page.get_by_role("button", name="Save the answer").click()
    expect(page.locator(".govuk-summary-card")).to_contain_text("Adopted Examples added to the clause.")
    assert_accessible(page)


@pytest.mark.parametrize(
    ("who", "heading"),
    [
        ("comms_officer", "How publishing is doing"),
        ("service_manager", "Your service at a glance"),
        ("dpo", "Incidents you handle"),
        ("hr_officer", "Incidents you handle"),
        ("monitoring_officer", "Incidents you handle"),
        ("system_admin", "Herald's health"),
    ],
)
def test_each_role_sees_its_dashboard(page, sign_in, assert_accessible, request, who, heading, published_posts, dpo):
    incident("personal_data_breach", by=dpo, summary="A spreadsheet was attached to a reply")
    person = request.getfixturevalue(who)

    sign_in(page, person)

    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    assert_accessible(page)
