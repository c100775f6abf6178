import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from herald.moderation.models import Comment, CommentImport
from testing.factories import AccountFactory

pytestmark = pytest.mark.django_db

GOOD = (
    "id,text,posted_at,kind,author_id,author_name,permalink\n"
    "nd-1,When does the Burbage Common car park reopen?,2026-12-05 14:30,comment,u1,Sarah W,https://nextdoor.example/p/1\n"
    'nd-2,"Thanks, the lights look great",05/12/2026 15:02,comment,u2,Tom P,https://nextdoor.example/p/2\n'
)


@pytest.fixture
def account():
    return AccountFactory(platform="nextdoor", display_name="HBBC on Nextdoor")


def upload(client, account, content, name="export.csv"):
    return client.post(
        reverse("moderation:import_csv"),
        {"account": account.pk, "file": SimpleUploadedFile(name, content.encode(), content_type="text/csv")},
    )


def test_a_good_file_is_imported_and_shown_in_the_inbox(client, comms_officer, account):
    client.force_login(comms_officer)

    response = upload(client, account, GOOD)

    assert response.status_code == 302
    assert Comment.objects.filter(account=account, source="csv").count() == 2
    stored = Comment.objects.get(platform_id="nd-1")
    assert stored.posted_at.isoformat().startswith("2026-12-05T14:30:00")  # UK time: GMT in December
    assert CommentImport.objects.get().created == 2
    page = client.get(response["Location"]).content.decode()
    assert "Burbage Common car park" in page


def test_importing_the_same_file_again_adds_nothing(client, comms_officer, account):
    client.force_login(comms_officer)
    upload(client, account, GOOD)

    upload(client, account, GOOD)

    assert Comment.objects.count() == 2
    assert CommentImport.objects.order_by("-at").first().duplicates == 2


def test_a_file_with_a_bad_row_imports_nothing_and_lists_every_problem(client, comms_officer, account):
    client.force_login(comms_officer)
    content = GOOD + "nd-3,,yesterday,tweet,u3,,ftp://x\nnd-1,Same id again,2026-12-05 16:00,,,,\n"

    response = upload(client, account, content)

    page = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in page
    assert "Row 4: the text is empty; posted_at is not a date and time" in page
    assert "kind must be one of" in page and "permalink must start with https://" in page
    assert "Row 5: the id is the same as row 2" in page
    assert not Comment.objects.exists()
    refused = CommentImport.objects.get()
    assert refused.accepted is False and len(refused.errors) == 2


def test_a_file_without_the_needed_columns_says_which_are_missing(client, comms_officer, account):
    client.force_login(comms_officer)

    response = upload(client, account, "message,date\nhello,today\n")

    assert "The file has no id, text, posted_at columns" in response.content.decode()


def test_a_file_that_is_not_csv_is_refused(client, comms_officer, account):
    client.force_login(comms_officer)

    response = upload(client, account, GOOD, name="export.xlsx")

    assert "The file must be a CSV file" in response.content.decode()


def test_an_editor_cannot_import_into_an_account_they_do_not_work(client, editor, account):
    client.force_login(editor)

    response = upload(client, account, GOOD)

    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_the_row_imported_is_the_raw_payload_in_the_evidence_kept_before_a_hide(client, comms_officer, account):
    from herald.moderation.services import evidence

    client.force_login(comms_officer)
    upload(client, account, GOOD, name="nextdoor-december.csv")
    found = Comment.objects.get(platform_id="nd-2")

    kept = evidence.hide_comment(found, by=comms_officer, reason="spam")

    assert kept.raw_payload["source"] == "csv"
    row = kept.raw_payload["payload"]["csv"]
    assert (row["file"], row["row"], row["author_name"]) == ("nextdoor-december.csv", 3, "Tom P")
