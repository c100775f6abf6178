"""Every request does a bounded amount of work: a text longer than any platform takes, a form too large
to read, or live checks faster than anyone types are refused at once with a reason the person sees,
and the policy-check engine never runs on them. The live check tells no more about a photo than the
media library would tell the same person."""

import pytest
from django.urls import reverse
from django.utils import timezone

from herald import checking
from herald.consents.models import ConsentRecord
from herald.consents.tests.factories import ConsentRecordFactory, photo_showing
from herald.posts import views as post_views

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
LONGEST = 70_000  # settings.HERALD_MAX_POST_CHARS: Facebook's 63,206 and a margin


@pytest.fixture
def engine_must_not_run(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the policy-check engine ran on a text it should have refused")

    monkeypatch.setattr(checking, "run_check", refuse)


def live(client, text: str, **extra):
    return client.post(reverse("posts:check"), {"field": "text_facebook", "text_facebook": text, **extra}, headers=HTMX)


def test_the_live_check_refuses_a_text_longer_than_any_platform_takes_without_checking_it(
    client, editor, facebook, engine_must_not_run
):
    client.force_login(editor)
    response = live(client, "Lorem ipsum " * 25_000)  # 300,000 characters: readable, but no platform takes it
    assert response.status_code == 413
    body = response.content.decode()
    assert "too long for Herald to check" in body and "70,000 characters" in body
    assert len(body) < 2000, "the answer is a short message, not the text marked up"


def test_the_live_check_still_checks_a_text_of_the_longest_length_a_platform_takes(client, editor, facebook):
    client.force_login(editor)
    response = live(client, ("Call 07700 900123. " + "x" * LONGEST)[:LONGEST])
    body = response.content.decode()
    assert response.status_code == 200 and "personal phone number" in body
    assert "<strong>70000</strong> of 63206 characters: 6794 too many" in body


def test_a_live_check_too_large_to_read_is_refused_with_a_413_the_panel_shows(
    client, editor, facebook, engine_must_not_run
):
    client.force_login(editor)
    response = live(client, "Lorem ipsum " * 90_000)  # about 1 MB, over DATA_UPLOAD_MAX_MEMORY_SIZE
    assert response.status_code == 413
    body = response.content.decode()
    assert "too large for Herald to read" in body and "<html" not in body


def test_a_form_too_large_to_read_gets_a_page_saying_so_not_an_error(client, db):
    response = client.post(reverse("login"), {"username": "jo@council.example", "password": "x" * (2 * 1024 * 1024)})
    assert response.status_code == 413
    body = response.content.decode()
    assert "What you sent is too large" in body and "govuk-heading-l" in body


def test_writing_a_post_longer_than_any_platform_takes_is_refused_without_checking_it(
    client, editor, facebook, engine_must_not_run
):
    client.force_login(editor)
    response = client.post(reverse("posts:write"), {"accounts": [facebook.pk], "text_facebook": "x" * (LONGEST + 1)})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Text for Facebook must be 70,000 characters or fewer" in body
    assert "govuk-error-summary" in body


def test_a_fix_asked_for_on_an_overlong_text_is_refused_without_checking_it(
    client, editor, facebook, engine_must_not_run
):
    client.force_login(editor)
    response = client.post(
        reverse("posts:fix"),
        {"fix": "text_facebook|personal-phone|5", "text_facebook": "Call 07700 900123 " + "x" * LONGEST},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert "too long for Herald to check" in response.content.decode()


def test_the_live_check_refuses_more_photos_than_a_post_can_carry(client, editor, facebook, engine_must_not_run):
    client.force_login(editor)
    response = live(client, "Photos from the fair", media=[str(n) for n in range(1, 22)])
    assert response.status_code == 400
    assert "at most 20 photos and videos" in response.content.decode()


def test_checking_faster_than_anyone_types_pauses_the_live_check_with_a_message(
    client, editor, comms_officer, facebook, settings, monkeypatch
):
    settings.HERALD_LIVE_CHECKS_PER_WINDOW = 3
    monkeypatch.setattr(post_views.time, "time", lambda: 1_000_000.0)  # every request in one window
    client.force_login(editor)
    assert [live(client, "Hello").status_code for _ in range(3)] == [200, 200, 200]
    paused = live(client, "Hello")
    assert paused.status_code == 429
    assert "paused the live check for a few seconds" in paused.content.decode()
    client.force_login(comms_officer)
    assert live(client, "Hello").status_code == 200, "each person has their own allowance"


def test_the_live_check_starts_again_in_the_next_window(client, editor, facebook, settings, monkeypatch):
    settings.HERALD_LIVE_CHECKS_PER_WINDOW = 1
    now = [1_000_000.0]
    monkeypatch.setattr(post_views.time, "time", lambda: now[0])
    client.force_login(editor)
    assert [live(client, "Hello").status_code for _ in range(2)] == [200, 429]
    now[0] += settings.HERALD_LIVE_CHECK_WINDOW_SECONDS
    assert live(client, "Hello").status_code == 200


@pytest.fixture
def photo_of_someone_who_withdrew(editor):
    record = ConsentRecordFactory(
        subject_name="Priya Marchetti", state=ConsentRecord.State.WITHDRAWN, withdrawn_at=timezone.now()
    )
    return photo_showing(record, by=editor)


@pytest.mark.parametrize("role", ["service_manager", "system_admin", "monitoring_officer"])
def test_the_live_check_says_nothing_about_photos_the_person_cannot_open(
    client, request, facebook, photo_of_someone_who_withdrew, role
):
    client.force_login(request.getfixturevalue(role))
    body = live(client, "Fun at the fair", media=[photo_of_someone_who_withdrew.pk]).content.decode()
    assert "Priya Marchetti" not in body and "withdrawn" not in body


def test_the_live_check_describes_the_photo_to_an_editor_who_can_open_the_library(
    client, editor, facebook, photo_of_someone_who_withdrew
):
    client.force_login(editor)
    body = live(client, "Fun at the fair", media=[photo_of_someone_who_withdrew.pk]).content.decode()
    assert "Priya Marchetti" in body and "consent withdrawn" in body


# Python's str.isdigit() is true of "²" and "①", which int() refuses: the live check answers, not a 500.
@pytest.mark.parametrize("value", ["²", "①", "12³", "9" * 40])
def test_the_live_check_answers_when_a_photo_or_account_is_named_by_something_other_than_a_number(
    client, editor, facebook, value
):
    client.force_login(editor)

    answer = live(client, "Call 07700 900123", media=[value], accounts=[value], choosing_accounts="1")

    assert answer.status_code == 200
    assert "07700 900123" in answer.content.decode()
