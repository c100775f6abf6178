"""Impossible or unusual input on the inbox's pages and its ways in: a clear answer, never a 500."""

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from herald.moderation.models import Comment
from testing.factories import AccountFactory, comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def account(team):
    return AccountFactory(platform="facebook", display_name="Hinckley Leisure Centre", team=team)


# Python's str.isdigit() is true of superscript and circled digits ("²", "①"), which int() refuses.
NOT_PLAIN_NUMBERS = ["²", "①", "12³"]


@pytest.mark.parametrize("page", NOT_PLAIN_NUMBERS)
def test_a_page_number_that_is_not_a_plain_number_shows_the_first_page(client, comms_officer, account, page):
    kept = comment(account, "Is the pool open on Boxing Day?")
    client.force_login(comms_officer)

    answer = client.get(reverse("moderation:inbox"), {"page": page})

    assert answer.status_code == 200
    assert kept.text in answer.content.decode()


@pytest.mark.parametrize("value", NOT_PLAIN_NUMBERS)
def test_a_bulk_action_with_a_comment_id_that_is_not_a_number_changes_nothing_and_says_why(
    client, comms_officer, account, value
):
    kept = comment(account, "Is the pool open on Boxing Day?")
    client.force_login(comms_officer)

    answer = client.post(reverse("moderation:bulk"), {"comments": [value], "action": "assign_to_me"})

    assert answer.status_code == 302
    said = [(m.level_tag, str(m)) for m in get_messages(answer.wsgi_request)]
    assert said == [("error", f"Select a valid choice. {value} is not one of the available choices.")]
    kept.refresh_from_db()
    assert kept.assignee is None


@pytest.mark.parametrize("value", NOT_PLAIN_NUMBERS)
def test_a_saved_reply_asked_for_by_something_other_than_a_number_leaves_the_reply_box_empty(
    client, comms_officer, account, value
):
    kept = comment(account, "Is the pool open on Boxing Day?")
    client.force_login(comms_officer)

    answer = client.get(reverse("moderation:detail", args=[kept.pk]), {"saved": value})

    assert answer.status_code == 200
    assert kept.text in answer.content.decode()


@pytest.mark.parametrize("day", ["9999-12-31"])
def test_the_last_day_of_the_calendar_as_the_end_of_a_date_range_is_answered_not_a_500(
    client, comms_officer, account, day
):
    kept = comment(account, "Is the pool open on Boxing Day?")
    client.force_login(comms_officer)

    answer = client.get(reverse("moderation:inbox"), {"status": "", "received_from": "2000-01-01", "received_to": day})

    assert answer.status_code == 200
    assert kept.text in answer.content.decode()


def test_a_csv_cell_too_long_for_the_reader_is_refused_with_the_row_and_nothing_is_imported(
    client, comms_officer, account
):
    content = 'id,text,posted_at\nfb-1,Fine,2026-12-05 14:30\nfb-2,"' + "x" * 140_000 + '",2026-12-05 14:31\n'
    client.force_login(comms_officer)

    page = client.post(
        reverse("moderation:import_csv"),
        {"account": account.pk, "file": SimpleUploadedFile("comments.csv", content.encode(), content_type="text/csv")},
    )

    assert page.status_code == 400
    assert "Row 3" in page.content.decode() and "govuk-error-summary" in page.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.parametrize("value", NOT_PLAIN_NUMBERS)
def test_an_inbox_filter_for_an_assignee_that_is_not_a_plain_number_is_ignored_not_a_failure(
    comms_officer, account, value
):
    from herald.moderation import selectors

    kept = comment(account, "Is the pool open on Boxing Day?")

    found = selectors.inbox(comms_officer, selectors.InboxFilter(status="open", assignee=value))

    assert list(found) == [kept]
