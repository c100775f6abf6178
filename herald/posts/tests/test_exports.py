"""The archive as a spreadsheet and as PDFs for FOI requests: what a search finds, read back as a person
would read the file (PDFs through pdftotext)."""

import csv
import io
import subprocess

import pytest

from herald.audit.models import AuditEvent
from herald.consents.tests.factories import ConsentRecordFactory, photo_showing
from herald.posts import services
from herald.posts.tests.factories import in_hours

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "export.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout


def _post(editor, account, text, **kwargs):
    return services.write_post(
        accounts=[account], texts={account.platform: text}, scheduled_for=in_hours(48), by=editor, **kwargs
    )[0]


def test_the_archive_spreadsheet_holds_what_the_search_finds_safe_to_open(client, editor, comms_officer, facebook):
    pool = services.approve_post(
        services.submit_for_approval(_post(editor, facebook, "The pool reopens on Monday."), by=editor),
        by=comms_officer,
    )
    _post(editor, facebook, '=HYPERLINK("http://evil.example") Library hours change')
    client.force_login(comms_officer)
    response = client.get("/posts/archive.csv", {"q": "pool"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["Text"] for row in rows] == ["The pool reopens on Monday."]
    assert rows[0]["Account"] == facebook.display_name and rows[0]["Status"] == pool.get_status_display()
    assert comms_officer.full_name in rows[0]["Approvals"]
    everything = list(csv.DictReader(io.StringIO(client.get("/posts/archive.csv").content.decode("utf-8-sig"))))
    assert {row["Text"] for row in everything} >= {'\'=HYPERLINK("http://evil.example") Library hours change'}
    assert AuditEvent.objects.filter(action="posts.archive_exported", actor=comms_officer).count() == 2


def test_an_editor_exports_only_the_posts_they_may_see(client, editor, comms_officer, facebook):
    from herald.social_accounts.tests.factories import AccountFactory

    other = AccountFactory(editors=[comms_officer])
    _post(comms_officer, other, "Not for this editor's eyes")
    _post(editor, facebook, "The pool reopens on Monday.")
    client.force_login(editor)
    rows = list(csv.DictReader(io.StringIO(client.get("/posts/archive.csv").content.decode("utf-8-sig"))))
    assert [row["Text"] for row in rows] == ["The pool reopens on Monday."]


def test_a_post_exports_as_a_readable_pdf_with_its_photos_approvals_and_check(
    client, editor, comms_officer, facebook, tmp_path
):
    record = ConsentRecordFactory(subject_name="Aisha Khan")
    photo = photo_showing(record, by=editor, title="Aisha at the fun run", alt_text="A runner crossing the line")
    post = _post(editor, facebook, "Well done to everyone at the fun run! Call 07700 900123 for photos.", media=[photo])
    post = services.submit_for_approval(post, by=editor)
    client.force_login(comms_officer)
    response = client.get(f"/posts/{post.pk}/record.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    assert f"Post {post.pk}: {facebook.display_name}" in text
    assert "Well done to everyone at the fun run!" in text
    assert "Aisha at the fun run" in text and "A runner crossing the line" in text
    assert "Policy check" in text and "phone" in text.lower()
    assert "Page 1 of" in text


def test_a_search_exports_as_one_pdf_with_every_post_it_finds(client, editor, comms_officer, facebook, tmp_path):
    _post(editor, facebook, "The pool reopens on Monday.")
    _post(editor, facebook, "The pool is closed on Friday for cleaning.")
    _post(editor, facebook, "Bin collections move for the bank holiday.")
    client.force_login(comms_officer)
    text = pdf_text(client.get("/posts/archive.pdf", {"q": "pool"}).content, tmp_path)
    assert "2 posts" in text
    assert "The pool reopens on Monday." in text and "closed on Friday" in text
    assert "Bin collections" not in text


def test_a_posts_pdf_record_leaves_out_a_photo_whose_subject_withdrew_consent(
    client, editor, comms_officer, facebook, tmp_path
):
    from django.core.files.base import ContentFile

    from herald.consents import services as consents
    from herald.consents.tests.factories import jpeg_bytes

    def pictures_in(content: bytes) -> int:
        path = tmp_path / "record.pdf"
        path.write_bytes(content)
        listing = subprocess.run(["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True)
        return len(listing.stdout.splitlines()) - 2  # after its two header lines, one line a picture

    record = ConsentRecordFactory(subject_name="Aisha Khan")
    photo = photo_showing(record, by=editor, title="Fun run finish", alt_text="A runner crossing the line")
    photo.thumbnail.save("thumb.jpg", ContentFile(jpeg_bytes()))
    post = _post(editor, facebook, "Well done to everyone at the fun run!", media=[photo])
    client.force_login(comms_officer)
    assert pictures_in(client.get(f"/posts/{post.pk}/record.pdf").content) == 1
    # when the runner withdraws consent, the record keeps the photo's words but no longer its picture
    consents.withdraw_consent(record, by=comms_officer)
    response = client.get(f"/posts/{post.pk}/record.pdf")
    assert pictures_in(response.content) == 0
    text = pdf_text(response.content, tmp_path)
    assert "Fun run finish" in text and "Picture withheld" in text
