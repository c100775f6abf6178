"""The staff and public pages: forms re-display with their errors, nothing half-saved, object rules hold."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from herald.consents.models import ConsentRecord, ConsentRequest, TakedownTask
from herald.consents.tests.factories import (
    ConsentRecordFactory,
    ConsentRequestFactory,
    account_edited_by,
    photo_showing,
)

pytestmark = pytest.mark.django_db


def test_an_employee_arranging_a_shoot_creates_a_consent_request_with_a_poster(client, employee):
    client.force_login(employee)
    response = client.post(
        reverse("consents:request_new"),
        {
            "event_name": "Big Bosworth clean-up",
            "event_date": "05/12/2026",
            "location": "Market Bosworth",
            "purposes": ["promotion"],
            "channels": ["website", "facebook"],
            "partners": "Keep Britain Tidy\n",
        },
    )
    consent_request = ConsentRequest.objects.get()
    assert response["Location"] == reverse("consents:request", args=[consent_request.pk])
    assert consent_request.organiser == employee and consent_request.partners == ["Keep Britain Tidy"]
    poster = client.get(reverse("consents:poster", args=[consent_request.pk]))
    assert reverse("consents:qr", args=[consent_request.pk, "svg"]) in poster.content.decode()
    qr = client.get(reverse("consents:qr", args=[consent_request.pk, "png"]))
    assert qr["Content-Type"] == "image/png" and qr.content.startswith(b"\x89PNG")


def test_the_poster_gives_a_short_address_that_leads_to_the_form_however_it_is_typed(client, employee):
    consent_request = ConsentRequestFactory(organiser=employee)
    code = consent_request.short_code
    assert len(code) == 8 and not set(code) & set("015OISLZ2B8")
    client.force_login(employee)
    poster = client.get(reverse("consents:poster", args=[consent_request.pk])).content.decode()
    typed = f"testserver/consent/c/{code[:4]}-{code[4:]}"
    assert typed in poster and consent_request.token not in poster.split("<img", 1)[0]
    client.logout()
    for as_typed in (f"{code[:4]}-{code[4:]}", code.lower(), code):
        response = client.get(f"/consent/c/{as_typed}/")
        assert response.status_code == 302
        assert response["Location"] == reverse("consents:give", args=[consent_request.token])
    assert client.get("/consent/c/AAAA-AAAA/").status_code == 404


def test_the_poster_is_for_the_public_with_no_staff_menu_or_banner(client, employee, monitoring_officer):
    from herald.elections import services as elections

    elections.record_election(
        elections.ElectionDetails(kind="borough", poll_date=timezone.localdate() + dt.timedelta(days=14)),
        by=monitoring_officer,
    )
    consent_request = ConsentRequestFactory(organiser=employee)
    client.force_login(employee)
    assert "Pre-election period" in client.get("/").content.decode()
    poster = client.get(reverse("consents:poster", args=[consent_request.pk])).content.decode()
    assert "We are taking photos and filming" in poster
    assert "Pre-election period" not in poster and "govuk-service-navigation" not in poster
    assert "Sign out" not in poster and "Report an incident" not in poster


def test_an_empty_request_form_lists_what_to_fix(client, employee):
    client.force_login(employee)
    page = client.post(reverse("consents:request_new"), {}).content.decode()
    for message in (
        "Enter the event name",
        "Enter the date of the event",
        "Select at least one purpose",
        "Select at least one place the images may be used",
    ):
        assert message in page
    assert ConsentRequest.objects.count() == 0


def test_only_the_organiser_or_comms_can_close_a_request(client, employee, editor, comms_officer):
    consent_request = ConsentRequestFactory(organiser=employee)
    client.force_login(editor)
    assert client.post(reverse("consents:request_toggle", args=[consent_request.pk])).status_code == 403
    client.force_login(comms_officer)
    client.post(reverse("consents:request_toggle", args=[consent_request.pk]))
    consent_request.refresh_from_db()
    assert not consent_request.is_open
    assert client.get(reverse("consents:give", args=[consent_request.token])).status_code == 410


def test_the_public_form_shows_every_problem_and_saves_nothing(client):
    consent_request = ConsentRequestFactory()
    page = client.post(reverse("consents:give", args=[consent_request.token]), {}).content.decode()
    for message in (
        "Select who is giving consent",
        "Enter the full name of the person in the photos",
        "Select how old the person in the photos is",
        "Select at least one place where we may use",
        "Select at least one purpose",
        "Confirm that you give consent by ticking the box",
    ):
        assert message in page
    assert "govuk-error-summary" in page and ConsentRecord.objects.count() == 0


def test_a_parent_gives_consent_for_their_child_and_sees_the_urn(client, django_capture_on_commit_callbacks):
    consent_request = ConsentRequestFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("consents:give", args=[consent_request.token]),
            {
                "given_by": "guardian",
                "subject_name": "Mia Clarke",
                "age_band": "child",
                "representative_name": "Jo Clarke",
                "representative_relationship": "Mother",
                "email": "jo@example.org",
                "channels": ["website"],
                "purposes": ["promotion"],
                "name_may_be_published": "no",
                "agree": "on",
            },
            follow=True,
        )
    record = ConsentRecord.objects.get()
    assert record.urn in response.content.decode() and record.given_by == "guardian" and record.is_child
    assert mail.outbox[0].to == ["jo@example.org"]


def test_staff_record_a_withdrawal_received_by_phone(client, employee, editor, django_capture_on_commit_callbacks):
    record = ConsentRecordFactory(request=ConsentRequestFactory(organiser=employee))
    account = account_edited_by(editor)
    from herald.consents import services

    services.record_use(
        photo_showing(record), by=editor, state="published", account=account, published_url="https://facebook.com/p/1"
    )
    client.force_login(employee)
    empty = client.post(reverse("consents:record_withdraw", args=[record.pk]), {})
    assert "Select how the person asked to withdraw" in empty.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("consents:record_withdraw", args=[record.pk]),
            {"method": "Phone", "reason": "Called the switchboard; confirmed the email on file"},
        )
    record.refresh_from_db()
    assert record.state == "withdrawn" and record.withdrawal_method == "Phone, recorded by staff"
    task = TakedownTask.objects.get()
    client.force_login(editor)
    home = client.get("/").content.decode()
    assert reverse("consents:takedown", args=[task.pk]) in home
    done = client.post(reverse("consents:takedown", args=[task.pk]), {"outcome": "kept"})
    assert "Enter why the post is kept" in done.content.decode()


def test_editors_change_only_media_they_uploaded(client, editor, comms_officer):
    from herald.people.roles import Role
    from testing.factories import PersonFactory

    other_editor = PersonFactory(roles=[Role.EDITOR])
    asset = photo_showing(by=other_editor)
    client.force_login(editor)
    assert client.get(reverse("consents:media_detail", args=[asset.pk])).status_code == 200
    assert client.get(reverse("consents:media_edit", args=[asset.pk])).status_code == 403
    client.force_login(comms_officer)
    assert client.get(reverse("consents:media_edit", args=[asset.pk])).status_code == 200


def test_a_planned_use_of_an_unusable_asset_is_refused(client, editor):
    record = ConsentRecordFactory(channels=["website"])
    asset = photo_showing(record, by=editor)
    client.force_login(editor)
    response = client.post(reverse("consents:media_use", args=[asset.pk]), {"channel": "print", "state": "draft"})
    assert "may not be used on Printed" in response.content.decode()
    assert not asset.uses.exists()


def test_a_nul_byte_in_the_media_library_search_is_ignored(client, editor):
    photo_showing(ConsentRecordFactory(), by=editor, title="Summer festival parade")
    client.force_login(editor)

    page = client.get(reverse("consents:media"), {"q": "festival\x00 parade"}).content.decode()

    assert "Summer festival parade" in page
