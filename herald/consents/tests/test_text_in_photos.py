"""Text in photos (issue 12): a screen, whiteboard, letter or name badge in an uploaded photo is read
with OCR in a background task and checked like the words of a post; the findings point at the part of
the photo they came from, and the media page and the post show them. The photos are drawn here: text on
a photo-like background (a gradient with blurred blobs), as a whiteboard or a letter in a room."""

import io
import random

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from herald.audit.models import AuditEvent
from herald.consents import services, tasks
from herald.consents.models import MediaAsset
from herald.consents.services import AssetDetails

pytestmark = pytest.mark.django_db

DETAILS = AssetDetails(title="Team meeting", alt_text="Officers around a whiteboard", source="own")


def photo_with_text(lines, *, size=(1200, 800), board=(300, 200, 1000, 560), seed=7) -> bytes:
    """A JPEG of a dim, textured scene with a pale board holding `lines` of dark text."""
    rng = random.Random(seed)
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=(90 + y * 80 // height, 110 + y * 60 // height, 70))
    for _ in range(400):
        x, y, r = rng.randrange(width), rng.randrange(height), rng.randrange(5, 40)
        draw.ellipse([x, y, x + r, y + r], fill=(rng.randrange(40, 120), rng.randrange(60, 140), rng.randrange(30, 90)))
    image = image.filter(ImageFilter.GaussianBlur(2))
    draw = ImageDraw.Draw(image)
    draw.rectangle(board, fill=(235, 235, 228))
    font = ImageFont.load_default(size=40)
    for index, line in enumerate(lines):
        draw.text((board[0] + 30, board[1] + 30 + index * 90), line, fill=(20, 20, 20), font=font)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90)
    return out.getvalue()


def _upload(data, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        asset = services.upload_media(data, filename="meeting.jpg", details=DETAILS, by=editor)
    return asset


def test_uploading_a_photo_queues_reading_its_text(editor, django_capture_on_commit_callbacks):
    asset = _upload(photo_with_text(["Agenda"]), editor, django_capture_on_commit_callbacks)
    queued = DBTaskResult.objects.get(task_path="herald.consents.tasks.read_text_in_photo")
    assert queued.args_kwargs["args"] == [asset.pk]
    assert asset.text_read_at is None


def test_a_whiteboard_with_a_phone_number_and_a_confidential_marking_blocks_and_points_at_them(
    editor, django_capture_on_commit_callbacks
):
    # given a photo of a whiteboard with a marking, a resident's number and address on it
    lines = ["STRICTLY CONFIDENTIAL", "Call Mrs Patel on 07911 123456", "14 Brookside, Burbage LE10 2TG"]
    asset = _upload(photo_with_text(lines), editor, django_capture_on_commit_callbacks)
    # when the background task reads it
    tasks.read_text_in_photo.call(asset.pk)
    asset.refresh_from_db()
    # then the text is kept and each finding points at its own line on the board
    assert "07911 123456" in asset.text_in_image
    by_rule = {f["rule"]: f for f in asset.text_findings}
    assert {"confidential-marking", "phone-number", "postal-address"} <= set(by_rule)
    assert asset.text_blocks
    tops = []
    for rule in ("confidential-marking", "phone-number", "postal-address"):
        [region] = by_rule[rule]["regions"]
        assert 300 <= region["left"] < 1000 and 200 <= region["top"] < 560, "inside the board"
        tops.append(region["top"])
    assert tops == sorted(tops) and tops[1] - tops[0] > 50, "one line below the other, as drawn"
    assert by_rule["phone-number"]["regions"][0]["left"] > 500, "the number, not the start of its line"
    assert AuditEvent.objects.filter(action="media.text_read", object_id=str(asset.pk)).exists()


def test_a_photo_with_harmless_text_has_no_findings(editor, django_capture_on_commit_callbacks):
    asset = _upload(
        photo_with_text(["Welcome to Hinckley", "Library open today"]), editor, django_capture_on_commit_callbacks
    )
    tasks.read_text_in_photo.call(asset.pk)
    asset.refresh_from_db()
    assert "Library" in asset.text_in_image
    assert asset.text_findings == [] and not asset.text_blocks and asset.text_read_error == ""


def test_a_photo_without_text_reads_as_empty(editor, django_capture_on_commit_callbacks):
    asset = _upload(photo_with_text([]), editor, django_capture_on_commit_callbacks)
    tasks.read_text_in_photo.call(asset.pk)
    asset.refresh_from_db()
    assert asset.text_read_at is not None and asset.text_findings == []


def test_the_media_page_shows_the_findings_and_where_they_are(client, editor, django_capture_on_commit_callbacks):
    asset = _upload(photo_with_text(["Call Mrs Patel on 07911 123456"]), editor, django_capture_on_commit_callbacks)
    client.force_login(editor)
    before = client.get(reverse("consents:media_detail", args=[asset.pk])).content.decode()
    assert "reading the text in this photo" in before
    tasks.read_text_in_photo.call(asset.pk)
    page = client.get(reverse("consents:media_detail", args=[asset.pk])).content.decode()
    assert "personal phone number" in page
    assert "of the photo)" in page and "<rect" in page
    assert "must not be published" in page


def test_a_post_using_the_photo_shows_its_text_findings(client, editor, django_capture_on_commit_callbacks):
    from herald.posts.tests.factories import PostFactory

    asset = _upload(photo_with_text(["STRICTLY CONFIDENTIAL"]), editor, django_capture_on_commit_callbacks)
    tasks.read_text_in_photo.call(asset.pk)
    post = PostFactory(author=editor)
    post.media.add(asset)
    client.force_login(editor)
    page = client.get(reverse("posts:detail", args=[post.pk])).content.decode()
    assert "Text in “Team meeting”" in page
    assert "confidential" in page.lower() and "must not be published" in page


def test_an_unreadable_file_keeps_a_reason_instead_of_failing(editor, django_capture_on_commit_callbacks):
    asset = _upload(photo_with_text(["Agenda"]), editor, django_capture_on_commit_callbacks)
    asset.file.storage.delete(asset.file.name)
    tasks.read_text_in_photo.call(asset.pk)
    asset.refresh_from_db()
    assert "could not read the text" in asset.text_read_error
    assert MediaAsset.objects.get(pk=asset.pk).text_read_at is not None


def test_a_post_using_a_photo_whose_text_must_not_be_published_is_blocked(editor, django_capture_on_commit_callbacks):
    from herald import checking

    asset = _upload(photo_with_text(["STRICTLY CONFIDENTIAL"]), editor, django_capture_on_commit_callbacks)
    media = checking.engine_media([asset], platform="facebook")
    before = checking.run_check("Our team planning the summer events", platform="facebook", media=media)
    assert not [f for f in before["findings"] if f["rule"] == "media-text"]
    tasks.read_text_in_photo.call(asset.pk)
    asset.refresh_from_db()
    media = checking.engine_media([asset], platform="facebook")
    result = checking.run_check("Our team planning the summer events", platform="facebook", media=media)
    [finding] = [f for f in result["findings"] if f["rule"] == "media-text"]
    assert finding["severity"] == "block" and "confidential" in finding["message"] and result["blocking"]
