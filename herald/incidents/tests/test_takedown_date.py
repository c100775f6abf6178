"""A takedown decision on a copyright or defamation complaint: when it was decided is a time that could be
true, after the council became aware of the complaint (a mistyped year such as 1026 is caught)."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from herald.incidents.models import Incident
from testing.factories import incident

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.UTC)


def _decide(client, complaint: Incident, year: str):
    form = {
        "takedown_decision": "Post removed: the photo was used without a licence",
        "takedown_decided_at_day": "26",
        "takedown_decided_at_month": "11",
        "takedown_decided_at_year": year,
        "takedown_decided_at_time": "09:30",
    }
    with time_machine.travel(NOW, tick=False):
        return client.post(reverse("incidents:takedown", args=[complaint.pk]), form)


def test_a_decision_dated_before_the_council_knew_of_the_complaint_is_a_form_error(client, employee, comms_officer):
    # given a complaint the council became aware of on 25 November 2026
    with time_machine.travel(NOW, tick=False):
        complaint = incident(
            "copyright_or_defamation", by=employee, aware_at=dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)
        )
    client.force_login(comms_officer)
    # when the decision is typed with the year mistyped as 1026
    response = _decide(client, complaint, "1026")
    # then the form says why, and nothing is recorded
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "The decision cannot be before the council became aware of the complaint" in page
    complaint.refresh_from_db()
    assert complaint.takedown_decided_at is None and complaint.takedown_decision == ""
