"""The media library lists up to 200 photos and videos, each with whether it may be used on the
website today: that is worked out for them all at once, not one database question per photo."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from herald.consents.tests.factories import ConsentRecordFactory, photo_showing

pytestmark = pytest.mark.django_db


def _add_photos(count: int, by) -> None:
    for _ in range(count):
        photo_showing(ConsentRecordFactory(), ConsentRecordFactory(), by=by)


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("consents:media"))
    assert response.status_code == 200
    return len(queries)


def test_the_media_library_asks_as_many_questions_for_twelve_photos_as_for_two(client, comms_officer):
    client.force_login(comms_officer)
    _add_photos(2, comms_officer)
    client.get(reverse("consents:media"))  # the first page after signing in fills the caches: not counted
    with_two = _queries(client)

    _add_photos(10, comms_officer)
    response = client.get(reverse("consents:media"))
    assert response.content.decode().count("Festival photo") == 12  # every photo is listed

    assert _queries(client) == with_two
