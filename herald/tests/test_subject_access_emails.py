"""A subject access export includes the emails Herald holds that were sent to the person (a consent
receipt, a withdrawal confirmation), and nobody else's."""

import json

import pytest
from django.core.mail import send_mail
from django.urls import reverse

from herald import settings as herald_settings
from herald.mail import deliver
from herald.models import OutgoingEmail

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued_mail(settings):
    settings.EMAIL_BACKEND = herald_settings.EMAIL_BACKEND
    settings.HERALD_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def _export(client, query: str) -> dict:
    response = client.post(reverse("consents:subject_export"), {"q": query, "format": "json"})
    assert response.status_code == 200, response.content[:500]
    return json.loads(response.content)


def test_the_export_holds_the_emails_sent_to_the_person_and_not_other_peoples(client, dpo, queued_mail):
    send_mail("Your consent reference HB-0001", "Thank you, Asha.", None, ["Asha@Example.org"])
    deliver(OutgoingEmail.objects.get().pk)
    send_mail("Withdrawal confirmed", "We have stopped using your photo, Asha.", None, ["asha@example.org"])
    send_mail("Your consent reference HB-0002", "Thank you, Ben.", None, ["ben@example.org"])
    client.force_login(dpo)

    found = _export(client, "asha@example.org")["other_records"]["emails"]

    assert sorted(e["subject"] for e in found) == ["Withdrawal confirmed", "Your consent reference HB-0001"]
    waiting = next(e for e in found if e["subject"] == "Withdrawal confirmed")
    assert waiting["body"] == "We have stopped using your photo, Asha." and waiting["status"] == "Queued"
    assert "Ben" not in json.dumps(found) and "ben@example.org" not in json.dumps(found)


def test_an_email_to_several_people_names_only_the_person_asking(client, dpo, queued_mail):
    send_mail("Photo shoot on Friday", "Hello both", None, ["asha@example.org", "ben@example.org"])
    client.force_login(dpo)

    [found] = _export(client, "asha@example.org")["other_records"]["emails"]

    assert found["subject"] == "Photo shoot on Friday" and found["to"] == "asha@example.org"
    assert "ben@example.org" not in json.dumps(found) and "body" not in found
