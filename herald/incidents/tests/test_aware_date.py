"""When the council became aware of an incident: a time that could be true, not one from before
Herald's records could hold it (a mistyped year, such as 1026) nor one still to come."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from herald.errors import Refused
from herald.incidents import services
from herald.incidents.models import Incident

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.UTC)


def _report(client, day: str, month: str, year: str, time: str = "09:30"):
    form = {
        "kind": "personal_data_breach",
        "summary": "List emailed to the wrong person",
        "description": "A spreadsheet of attendees went to a resident.",
        "aware_at_day": day,
        "aware_at_month": month,
        "aware_at_year": year,
        "aware_at_time": time,
    }
    with time_machine.travel(NOW, tick=False):
        return client.post(reverse("incidents:report"), form)


@pytest.mark.parametrize(
    ("day", "month", "year"), [("26", "11", "1026"), ("31", "12", "1989")], ids=["year 1026", "before 1990"]
)
def test_a_time_of_awareness_before_1990_is_a_form_error(client, employee, day, month, year):
    client.force_login(employee)
    response = _report(client, day, month, year)
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "The time you became aware must be in 1990 or later" in page
    assert Incident.objects.count() == 0


def test_a_time_of_awareness_in_the_future_is_a_form_error(client, employee):
    client.force_login(employee)
    response = _report(client, "28", "11", "2026")
    assert response.status_code == 200
    assert "The time you became aware must be in the past" in response.content.decode()
    assert Incident.objects.count() == 0


def test_a_time_of_awareness_on_the_first_day_of_1990_is_accepted(client, employee):
    client.force_login(employee)
    response = _report(client, "1", "1", "1990", "00:00")
    assert response.status_code == 302
    assert Incident.objects.get().aware_at == dt.datetime(1990, 1, 1, 0, 0, tzinfo=dt.UTC)


def test_the_service_refuses_a_time_of_awareness_before_1990(employee):
    with time_machine.travel(NOW, tick=False), pytest.raises(Refused, match="1990 or later"):
        services.report_incident(
            kind="personal_data_breach",
            summary="List emailed to the wrong person",
            description="A spreadsheet of attendees went to a resident.",
            aware_at=dt.datetime(1026, 11, 26, 9, 30, tzinfo=dt.UTC),
            by=employee,
        )
    assert Incident.objects.count() == 0
