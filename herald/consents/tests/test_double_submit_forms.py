"""Pressing "Upload" or "Create consent request" twice makes one photo in the library and one
consent request (one poster, one link): both forms carry a one-time submission key."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from herald.consents.models import ConsentRequest, MediaAsset
from herald.consents.tests.factories import jpeg_bytes
from testing.forms import submission_key

pytestmark = pytest.mark.django_db


def test_uploading_the_same_photo_twice_with_one_form_puts_it_in_the_library_once(client, editor):
    client.force_login(editor)
    url = reverse("consents:media_upload")
    key = submission_key(client.get(url).content.decode())
    photo = jpeg_bytes()

    def press():
        form = {
            "file": SimpleUploadedFile("fair.jpg", photo, content_type="image/jpeg"),
            "title": "Village fair",
            "alt_text": "Stalls on the green at the village fair",
            "source": "own",
            "submission_key": key,
        }
        return client.post(url, form)

    first, second = press(), press()

    asset = MediaAsset.objects.get()
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == reverse("consents:media_detail", args=[asset.pk])


def test_creating_a_consent_request_twice_with_one_form_makes_one_request(client, employee):
    client.force_login(employee)
    url = reverse("consents:request_new")
    form = {
        "event_name": "Big Bosworth clean-up",
        "event_date": "05/12/2026",
        "location": "Market Bosworth",
        "purposes": ["promotion"],
        "channels": ["website", "facebook"],
        "submission_key": submission_key(client.get(url).content.decode()),
    }

    first, second = (client.post(url, form) for _ in range(2))

    consent_request = ConsentRequest.objects.get()
    assert first["Location"] == second["Location"] == reverse("consents:request", args=[consent_request.pk])
