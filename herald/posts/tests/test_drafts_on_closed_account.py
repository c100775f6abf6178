"""Closing an account keeps its drafts (an author's work is never lost): they are marked as on a closed
account, cannot be sent for approval there, and their author is told and can move each to an open
account they post to."""

import datetime as dt

import pytest
from django.core import mail

from herald.audit.models import AuditEvent
from herald.posts import services
from herald.posts.models import Post
from herald.posts.tests.factories import in_hours
from herald.social_accounts import services as register
from herald.social_accounts.models import Platform
from herald.social_accounts.tests.factories import AccountFactory

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(dt.datetime(2026, 12, 7, 9, tzinfo=dt.UTC))]

TEXT = "Our parks team are planting 500 trees this winter. Find out how to volunteer."


def _close(account, by):
    register.start_closing(
        account, by=by, reason="Merged into the main page", final_post_on=dt.date(2026, 12, 7), handover_notes=""
    )
    register.close_account(account, by=by, final_post_url="https://www.facebook.com/hinckleybosworth/posts/1")


@pytest.fixture
def draft(editor, facebook):
    return services.write_post(
        accounts=[facebook], texts={facebook.platform: TEXT}, scheduled_for=in_hours(48), by=editor
    )[0]


@pytest.fixture
def leisure(editor):
    return AccountFactory(
        platform=Platform.X, display_name="Hinckley Leisure Centre", handle="hinckleyleisure", editors=[editor]
    )


def test_closing_an_account_keeps_its_drafts_and_tells_their_authors(
    client, editor, facebook, draft, comms_officer, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _close(facebook, comms_officer)
    # the draft is kept, its history says why
    draft.refresh_from_db()
    assert draft.status == Post.Status.DRAFT and draft.text == TEXT
    assert AuditEvent.objects.for_object(draft).get(action="post.draft_account_closed").actor == comms_officer
    # its author is emailed, with the date the UK's way and a link to the draft
    [message] = [m for m in mail.outbox if m.to == [editor.email] and "Account closed" in m.subject]
    assert message.subject == f"Account closed: move your draft for {facebook.display_name}"
    assert "was closed on 7 December 2026" in message.body and f"/posts/{draft.pk}/" in message.body
    # the author's list and the draft's page mark it, and the draft page offers no "Send for approval"
    client.force_login(editor)
    listing = client.get("/posts/").content.decode()
    assert "Account closed" in listing
    page = client.get(f"/posts/{draft.pk}/").content.decode()
    assert "so this post cannot be sent for approval on it" in page
    assert "Send for approval" not in page and "Move to another account" in page


def test_sending_a_draft_on_a_closed_account_shows_a_govuk_error(
    client, editor, facebook, draft, leisure, comms_officer
):
    _close(facebook, comms_officer)
    client.force_login(editor)
    page = client.post(f"/posts/{draft.pk}/submit/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "govuk-error-summary" in body and "There is a problem" in body
    assert (
        f"You cannot send this post for approval because {facebook.display_name} was closed on 7 December 2026. "
        "Move it to an account that is still open"
    ) in body.replace("&amp;", "&")
    assert 'href="#id_account_0"' in body and "Hinckley Leisure Centre" in body
    draft.refresh_from_db()
    assert draft.status == Post.Status.DRAFT


def test_the_author_moves_a_draft_to_an_open_account_and_sends_it(
    client, editor, facebook, draft, leisure, comms_officer
):
    _close(facebook, comms_officer)
    client.force_login(editor)
    # the closed account and accounts the author does not post to are not offered
    other = AccountFactory(platform=Platform.X, display_name="Someone Else's Page", handle="elsewhere")
    page = client.get(f"/posts/{draft.pk}/move/").content.decode()
    assert "Hinckley Leisure Centre" in page and "Someone Else" not in page
    # choosing nothing, or an account they do not post to, is refused with an error summary
    assert "Select the account to move the post to" in client.post(f"/posts/{draft.pk}/move/", {}).content.decode()
    refused = client.post(f"/posts/{draft.pk}/move/", {"account": other.pk}).content.decode()
    assert "Select an open account that you post to" in refused
    # when they choose an open account
    response = client.post(f"/posts/{draft.pk}/move/", {"account": leisure.pk})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.account == leisure and draft.text == TEXT and draft.status == Post.Status.DRAFT
    event = AuditEvent.objects.for_object(draft).get(action="post.moved_to_account")
    assert event.actor == editor and "closed" in event.reason
    # then it can be sent for approval there
    services.submit_for_approval(draft, by=editor)
    draft.refresh_from_db()
    assert draft.status == Post.Status.AWAITING_APPROVAL


def test_only_the_author_may_move_a_draft(client, draft, facebook, comms_officer):
    _close(facebook, comms_officer)
    client.force_login(comms_officer)
    assert client.get(f"/posts/{draft.pk}/move/").status_code == 403
