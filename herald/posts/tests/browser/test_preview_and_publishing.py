"""Approvers see the photos they approve and the post as it will look; the picker shows thumbnails and
marks withdrawn consent; the person publishing copies the text with one click. In Chromium."""

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from playwright.sync_api import expect

from herald.consents.models import ConsentRecord
from herald.consents.tests.factories import ConsentRecordFactory, jpeg_bytes, photo_showing
from herald.posts import services
from herald.posts.tests.factories import in_hours

# Dates typed and records made run on a pinned clock (testing.browser's PINNED_MORNING), not today's.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("pinned_clock")]


def _photo(editor, record, **fields):
    return photo_showing(record, by=editor, thumbnail=ContentFile(jpeg_bytes((48, 36)), name="t.jpg"), **fields)


def test_an_approver_sees_the_photo_its_alt_text_and_the_post_as_it_will_look(
    page, sign_in, assert_accessible, editor, comms_officer, facebook
):
    photo = _photo(editor, ConsentRecordFactory(), title="Ribbon cutting", alt_text="The mayor cuts a ribbon")
    post = services.write_post(
        accounts=[facebook],
        texts={
            "facebook": "Our new library wing opens on Saturday! #Hinckley https://www.hinckley-bosworth.gov.uk/library"
        },
        scheduled_for=in_hours(48),
        by=editor,
        media=[photo],
    )[0]
    services.submit_for_approval(post, by=editor)
    sign_in(page, comms_officer)
    page.goto(f"/posts/{post.pk}/")
    image = page.get_by_role("img", name="The mayor cuts a ribbon").first
    expect(image).to_be_visible()
    assert image.evaluate("img => img.naturalWidth") == 48  # the thumbnail really loaded
    expect(page.locator("#what-is-approved")).to_contain_text("Alt text: The mayor cuts a ribbon")
    look = page.locator("[data-look=facebook]")
    expect(look).to_contain_text("As it will look on Facebook")
    expect(look.locator(".herald-look__tag")).to_have_text("#Hinckley")
    assert_accessible(page)


def test_the_picker_shows_thumbnails_and_marks_withdrawn_consent_and_the_preview_follows_the_text(
    page, sign_in, assert_accessible, editor, facebook
):
    _photo(editor, ConsentRecordFactory(), title="Park run", alt_text="Runners in the park")
    gone = ConsentRecordFactory(state=ConsentRecord.State.WITHDRAWN, withdrawn_at=timezone.now())
    _photo(editor, gone, title="Fun run finish", alt_text="A runner at the line")
    sign_in(page, editor)
    page.goto("/posts/write/")
    picker = page.locator("#media-picker")
    expect(picker.locator("img")).to_have_count(2)
    withdrawn = picker.locator(".herald-picker__item--stopped")
    expect(withdrawn).to_contain_text("Fun run finish")
    expect(withdrawn).to_contain_text("Consent withdrawn")
    page.get_by_label(facebook.display_name, exact=False).first.check()
    box = page.get_by_label("Text for Facebook")
    box.fill("Well done to every runner at the #ParkRun")
    expect(page.locator("#findings-facebook .herald-look__tag")).to_have_text("#ParkRun")
    assert_accessible(page)
    page.get_by_label("Fun run finish").check()
    page.get_by_role("button", name="Save as draft").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Remove “Fun run finish”: consent withdrawn")


def test_the_person_publishing_copies_the_text_with_one_click(
    page, sign_in, assert_accessible, editor, comms_officer, facebook
):
    post = services.write_post(
        accounts=[facebook],
        texts={"facebook": "Bins are collected a day late this week."},
        scheduled_for=in_hours(1),
        by=editor,
    )[0]
    services.approve_post(services.submit_for_approval(post, by=editor), by=comms_officer)
    services.mark_ready_posts(now=in_hours(2))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    sign_in(page, editor)
    page.goto(f"/posts/{post.pk}/publish/")
    page.get_by_role("button", name="Copy the text for Facebook").click()
    expect(page.get_by_role("status").first).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == "Bins are collected a day late this week."
    assert_accessible(page)
    page.get_by_label("Address").fill("https://www.facebook.com/hinckleybosworth")
    page.get_by_role("button", name="Save the address").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("address of the post itself")
