"""A member of staff who presses "Save consent record" twice records the person's consent once: one
record, one reference number (URN) for the person to withdraw with."""

import pytest
from django.urls import reverse

from herald.consents.models import ConsentRecord
from herald.consents.tests.factories import ConsentRequestFactory
from testing.forms import submission_key

pytestmark = pytest.mark.django_db


def _verbal_consent(key: str) -> dict:
    """The staff form for consent given out loud, carrying the form key `key`."""
    return {
        "method": "verbal",
        "given_on_day": "1",
        "given_on_month": "8",
        "given_on_year": "2026",
        "witnessed_by": "Pat Photographer",
        "given_by": "self",
        "subject_name": "Sam Patel",
        "age_band": "adult",
        "email": "sam@example.org",
        "channels": ["website"],
        "purposes": ["promotion"],
        "name_may_be_published": "no",
        "submission_key": key,
    }


def test_saving_verbal_consent_twice_with_the_same_form_keeps_one_record(client, employee):
    consent_request = ConsentRequestFactory(organiser=employee)
    client.force_login(employee)
    url = reverse("consents:record_new", args=[consent_request.pk])
    page = client.get(url).content.decode()
    form = _verbal_consent(submission_key(page))
    responses = [client.post(url, form) for _ in range(2)]

    record = ConsentRecord.objects.get()
    assert [r.status_code for r in responses] == [302, 302]
    assert {r["Location"] for r in responses} == {reverse("consents:record", args=[record.pk])}


def test_a_form_key_with_a_nul_byte_in_it_still_records_the_consent(client, employee):
    # A key mangled on the way (or typed in by someone probing the form) is no key: the record is
    # saved, not lost to a server error.
    consent_request = ConsentRequestFactory(organiser=employee)
    client.force_login(employee)
    url = reverse("consents:record_new", args=[consent_request.pk])
    form = _verbal_consent("abc\x00def")
    response = client.post(url, form)

    record = ConsentRecord.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("consents:record", args=[record.pk])
