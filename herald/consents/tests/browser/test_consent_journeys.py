"""Consent journeys in real Chromium: the public forms on a phone, the withdrawal cascade, upload
checks and expiry."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from herald.consents import services, tasks
from herald.consents.models import ConsentRecord, MediaAsset, MediaUse, TakedownTask
from herald.consents.tests.factories import (
    ConsentRecordFactory,
    ConsentRequestFactory,
    account_edited_by,
    photo_showing,
)
from herald.consents.tests.test_media_upload import jpeg_with_gps_and_serial
from testing.browser import PINNED_DAY

# Dates typed and records made run on a pinned clock (testing.browser's PINNED_MORNING), not today's.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("pinned_clock")]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_a_parent_gives_consent_for_their_child_on_a_phone(phone_page, assert_accessible, employee):
    # given a consent request and its public link
    consent_request = ConsentRequestFactory(organiser=employee, event_name="Hinckley Christmas lights")
    page = phone_page
    page.goto(f"/consent/give/{consent_request.token}/")
    assert_accessible(page)
    assert not page.locator("input[type=checkbox]:checked").count(), "nothing is ticked for them"
    # when they send it empty, then the error summary lists what to fix
    page.get_by_role("button", name="Give consent").click()
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Select who is giving consent" in summary and "Select at least one purpose" in summary
    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the page the form sent us to
    assert_accessible(page)
    # when a mother fills it in for her 14-year-old son, who co-signs
    page.get_by_label("I am a parent or guardian of a child in the photos").check()
    page.get_by_label("Full name of the person in the photos").fill("Leo Clarke")
    page.get_by_label("13 to 17").check()
    # (a guardian must give their name and relationship: neither is labelled optional)
    expect(page.locator("label[for=id_representative_name]")).to_have_text("Your full name")
    expect(page.locator("label[for=id_representative_relationship]")).to_have_text("Your relationship to them")
    page.get_by_label("Your full name").fill("Jo Clarke")
    page.get_by_label("Your relationship to them").fill("Mother")
    page.get_by_label("Email address").fill("jo@example.org")
    page.get_by_label("The council's website").check()
    page.get_by_label("Facebook").check()
    page.get_by_label("Promoting council services, events and campaigns").check()
    page.locator("#id_name_may_be_published_1").check()
    page.get_by_label("The child has read this and agrees too").check()
    page.get_by_label("Child's name, typed by the child to co-sign").fill("Leo Clarke")
    page.get_by_label("I have read what we will do").check()
    page.get_by_role("button", name="Give consent").click()
    # then they see the reference number to keep, and the record says exactly what they chose
    record = ConsentRecord.objects.get()
    assert page.locator("[data-urn]").inner_text() == record.urn
    assert record.given_by == "guardian" and record.child_cosigned and record.channels == ["website", "facebook"]
    assert not record.name_may_be_published
    assert_accessible(page)


def test_withdrawing_on_a_phone_stops_a_scheduled_post_and_sends_the_published_one_for_takedown(
    phone_page, page, sign_in, assert_accessible, editor
):
    # given a person shown in a published post and a scheduled post
    record = ConsentRecordFactory(email="asha@example.org")
    asset = photo_showing(record, by=editor)
    account = account_edited_by(editor)
    published = services.record_use(
        asset, by=editor, state="published", account=account, published_url="https://facebook.com/hbbc/posts/7"
    )
    scheduled = services.record_use(
        asset, by=editor, state="scheduled", account=account, scheduled_for=timezone.now() + dt.timedelta(days=2)
    )
    # when they withdraw on their phone, getting it wrong first
    phone_page.goto("/consent/withdraw/")
    phone_page.get_by_role("button", name="Withdraw consent").click()
    assert "Enter your reference number" in phone_page.locator(".govuk-error-summary").inner_text()
    assert_accessible(phone_page)
    phone_page.get_by_label("Your reference number (URN)").fill(record.urn.lower())
    phone_page.get_by_label("The email address or phone number you gave us").fill("asha@example.org")
    phone_page.get_by_role("button", name="Withdraw consent").click()
    assert phone_page.get_by_role("heading", level=1).inner_text() == "Withdrawal received"
    # then the scheduled post stopped and the account's editor has a takedown task on their home page
    scheduled.refresh_from_db()
    assert scheduled.state == MediaUse.State.STOPPED
    task = TakedownTask.objects.get(use=published)
    sign_in(page, editor)
    page.get_by_role("link", name=f"{asset.title} on {account.display_name}").click()
    assert_accessible(page)
    page.get_by_label("Post deleted or the image removed").check()
    page.get_by_role("button", name="Complete task").click()
    task.refresh_from_db(), published.refresh_from_db()
    assert not task.is_open and published.state == MediaUse.State.TAKEN_DOWN


def test_uploads_are_checked_by_content_and_lose_their_location(page, sign_in, assert_accessible, editor, tmp_path):
    # given an editor with a renamed program and a phone photo that records where it was taken
    program = tmp_path / "festival.jpg"
    program.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 500)
    photo = tmp_path / "IMG_0042.jpg"
    photo.write_bytes(jpeg_with_gps_and_serial())
    sign_in(page, editor)
    page.goto("/consent/media/upload/")
    # when they upload the program, then it is refused and nothing is stored
    page.get_by_label("Photo or video").set_input_files(str(program))
    page.get_by_label("Title").fill("Festival")
    page.get_by_label("Alt text").fill("Stalls on the market square")
    page.get_by_label("Taken by council staff").check()
    page.get_by_role("button", name="Upload").click()
    assert "not a photo or video Herald accepts" in page.locator(".govuk-error-summary").inner_text()
    assert MediaAsset.objects.count() == 0
    assert_accessible(page)
    # when they upload the real photo
    page.get_by_label("Photo or video").set_input_files(str(photo))
    page.get_by_label("Title").fill("Festival")
    page.get_by_label("Alt text").fill("Stalls on the market square")
    page.get_by_label("Taken by council staff").check()
    page.get_by_role("button", name="Upload").click()
    # then the stored copy has no location and the page says so
    asset = MediaAsset.objects.get()
    assert b"SN-12345" not in asset.file.read()
    from PIL import Image

    with Image.open(asset.file.path) as stored:
        assert not stored.getexif().get_ifd(0x8825)
    assert "GPS location and camera serial) removed" in page.content()
    assert_accessible(page)


def test_expired_consent_makes_the_photo_unusable(page, sign_in, assert_accessible, comms_officer):
    # given a photo of someone whose consent reached its retention date yesterday
    record = ConsentRecordFactory(expires_on=PINNED_DAY - dt.timedelta(days=1))
    asset = photo_showing(record, by=comms_officer)
    # when the nightly task runs
    tasks.process_consent_retention.call()
    # then the media library shows the consent as expired on every channel
    sign_in(page, comms_officer)
    page.goto(f"/consent/media/{asset.pk}/")
    assert "Consent expired" in page.locator("#usability").inner_text()
    assert "May be used" not in page.locator("#usability").inner_text()
    assert_accessible(page)


def test_text_found_in_a_photo_is_outlined_and_listed_on_the_media_page(page, sign_in, assert_accessible, editor):
    # given a photo whose text Herald has read: a phone number on a whiteboard, top left
    from django.core.files.base import ContentFile

    from herald.consents.tests.factories import jpeg_bytes

    asset = photo_showing(by=editor, width=1200, height=800)
    asset.thumbnail.save("thumb.jpg", ContentFile(jpeg_bytes(size=(120, 80))), save=False)
    asset.text_in_image = "Call Mrs Patel on 07911 123456"
    asset.text_read_at = timezone.now()
    asset.text_findings = [
        {
            "rule": "phone-number",
            "severity": "block",
            "message": "This looks like a personal phone number (07911 123456).",
            "suggestion": "Remove the number, or use the council's switchboard number.",
            "regions": [{"left": 100, "top": 80, "width": 300, "height": 40}],
        }
    ]
    asset.save()
    # when the editor opens the media page
    sign_in(page, editor)
    page.goto(f"/consent/media/{asset.pk}/")
    # then the finding is listed with where it is, the photo outlined, and the text Herald read offered
    section = page.locator(".herald-text-in-image")
    expect(section).to_contain_text("personal phone number")
    expect(section).to_contain_text("in the top left of the photo")
    expect(section).to_contain_text("must not be published")
    assert section.locator("svg rect").count() == 1
    section.get_by_text("The text Herald read").click()
    expect(section.locator("pre")).to_contain_text("07911 123456")
    assert_accessible(page)


def test_information_governance_reach_subject_access_from_their_home_page(page, sign_in, assert_accessible, dpo):
    # given the data protection officer signs in
    sign_in(page, dpo)
    # then their home page offers the register of subject access requests, and it leads there
    panel = page.get_by_role("region", name="Subject access requests overdue or due within a week")
    assert_accessible(page)
    panel.get_by_role("link", name="The register of subject access requests").click()
    expect(page).to_have_url(re.compile(r"/consent/subject-access/requests/$"))
    assert_accessible(page)
    # and the register leads on to the search of what Herald holds about a person
    page.get_by_role("link", name="Search what Herald holds about a person").click()
    expect(page).to_have_url(re.compile(r"/consent/subject-access/$"))
    assert_accessible(page)


def test_the_printed_poster_shows_only_the_notice_and_a_short_address_that_works(
    page, sign_in, assert_accessible, employee, monitoring_officer
):
    from herald.elections import services as elections

    # given a shoot during a pre-election period, whose staff pages carry the banner
    elections.record_election(
        elections.ElectionDetails(kind="borough", poll_date=PINNED_DAY + dt.timedelta(days=14)),
        by=monitoring_officer,
    )
    consent_request = ConsentRequestFactory(organiser=employee, event_name="Hinckley Christmas lights")
    sign_in(page, employee)
    page.goto(f"/consent/requests/{consent_request.pk}/")
    expect(page.get_by_text("Pre-election period.")).to_be_visible()
    # when they open the poster and print it
    page.get_by_role("link", name="Printable poster with QR code").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hinckley Christmas lights")
    assert_accessible(page)
    page.emulate_media(media="print")
    # then only the notice is printed: no staff menu, no banner, no instructions
    expect(page.get_by_text("Print this page from your browser")).to_be_hidden()
    assert page.locator(".govuk-service-navigation, .herald-header, .govuk-notification-banner").count() == 0
    assert "Pre-election" not in page.locator("body").inner_text()
    # and the address to type is short, and leads a member of the public to the form
    typed = page.locator("[data-typed-address]").inner_text()
    assert len(typed.split("/consent/c/", 1)[1]) == 9  # four, a dash, four
    public = page.context.browser.new_context(base_url=page.url.split("/consent/")[0])
    stranger = public.new_page()
    stranger.goto("/consent/c/" + typed.split("/consent/c/", 1)[1].lower().replace("-", ""))
    expect(stranger.get_by_role("button", name="Give consent")).to_be_visible()
    public.close()


def test_the_event_date_is_entered_as_a_gov_uk_date_and_an_impossible_one_is_explained(
    page, sign_in, assert_accessible, employee
):
    from testing.browser import fill_date

    # given an employee arranging a shoot
    sign_in(page, employee)
    page.goto("/consent/requests/new/")
    page.get_by_label("Event or shoot name").fill("Burbage carnival")
    page.get_by_label("Where it takes place").fill("Burbage Common")
    page.get_by_label("Promoting council services, events and campaigns").check()
    page.get_by_label("The council's website").check()
    # when they type a date that does not exist
    fill_date(page, "Date of the event", dt.date(2027, 2, 28))
    page.get_by_role("group", name=re.compile("^Date of the event")).get_by_label("Day", exact=True).fill("31")
    page.get_by_role("button", name=re.compile("Create|Save|Continue")).first.click()
    # then GOV.UK's message says so, in the summary and beside the boxes
    expect(page.locator(".govuk-error-summary")).to_contain_text("The date of the event must be a real date")
    assert_accessible(page)
    # when they correct the day, then the request is made for that date, written the house way
    page.get_by_role("group", name=re.compile("^Date of the event")).get_by_label("Day", exact=True).fill("27")
    page.get_by_role("button", name=re.compile("Create|Save|Continue")).first.click()
    expect(page.locator("main")).to_contain_text("27 February 2027")
