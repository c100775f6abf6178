"""A member of the public who presses "give consent" twice gives it once."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from herald.consents.models import ConsentRecord
from herald.consents.tests.factories import ConsentRequestFactory
from testing.forms import submission_key


def _filled_form(client, consent_request) -> dict:
    page = client.get(reverse("consents:give", args=[consent_request.token])).content.decode()
    key = submission_key(page)
    return {
        "given_by": "self",
        "subject_name": "Sam Patel",
        "age_band": "adult",
        "email": "sam@example.org",
        "channels": ["website"],
        "purposes": ["promotion"],
        "name_may_be_published": "no",
        "agree": "on",
        "submission_key": key,
    }


@pytest.mark.django_db
def test_giving_consent_twice_with_the_same_form_keeps_one_record(client):
    consent_request = ConsentRequestFactory()
    form = _filled_form(client, consent_request)
    responses = [client.post(reverse("consents:give", args=[consent_request.token]), form) for _ in range(2)]
    record = ConsentRecord.objects.get()
    given = reverse("consents:given", args=[consent_request.token])
    assert [r["Location"] for r in responses] == [given, given]
    assert record.urn in client.get(given).content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite runs one writer at a time")
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_consents_from_the_same_form_keep_one_record():
    consent_request = ConsentRequestFactory()
    first = Client()
    form = _filled_form(first, consent_request)
    start = threading.Barrier(2)
    statuses = []

    def press():
        client = Client()
        client.cookies = first.cookies
        start.wait()
        statuses.append(client.post(reverse("consents:give", args=[consent_request.token]), form).status_code)
        connection.close()

    threads = [threading.Thread(target=press) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [302, 302] and ConsentRecord.objects.count() == 1
