"""A form that chooses accounts or approvers by number answers a number no database row could
have (a tampered or mistyped form) with its error summary, never a server error: SQLite cannot even
be asked about a number over 2^63."""

import pytest

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"


def test_writing_a_post_for_an_account_numbered_beyond_any_row_is_a_form_error(client, editor, facebook):
    client.force_login(editor)
    form = {"accounts": [facebook.pk, HUGE], "text": "The pool reopens on Monday."}
    response = client.post("/posts/write/", form)
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()


def test_stopping_publishing_on_an_account_numbered_beyond_any_row_is_a_form_error(client, comms_officer):
    client.force_login(comms_officer)
    response = client.post("/posts/stop/", {"accounts": HUGE, "reason": "Major incident"})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()


def test_an_approval_rule_naming_an_approver_numbered_beyond_any_person_is_a_form_error(
    client, comms_officer, facebook
):
    client.force_login(comms_officer)
    response = client.post(f"/posts/rules/{facebook.pk}/", {"tier_1_mode": "any", "tier_1_approvers": HUGE})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()


def test_writing_a_post_with_media_numbered_beyond_any_row_is_a_form_error(client, comms_officer, facebook):
    from herald.consents.tests.factories import MediaAssetFactory

    # given a media library holding a photo, so the picker offers it to the communications team
    MediaAssetFactory(uploaded_by=comms_officer)
    client.force_login(comms_officer)
    form = {"accounts": [facebook.pk], "text": "The pool reopens on Monday.", "media": HUGE}
    response = client.post("/posts/write/", form)
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
