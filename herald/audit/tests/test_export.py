"""The audit trail as a spreadsheet, with the page's filters and a date range."""

import csv
import datetime as dt
import io

import pytest
import time_machine

from herald.audit import services as audit
from herald.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
LONDON = dt.timezone(dt.timedelta(hours=1))


def rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_trail_downloads_filtered_by_action_and_dates_and_the_copy_is_recorded(client, system_admin, employee):
    for day, action in (
        (1, "consent.withdrawn"),
        (2, "consent.withdrawn"),
        (3, "post.approved"),
        (5, "consent.withdrawn"),
    ):
        with time_machine.travel(dt.datetime(2026, 4, day, 12, 0, tzinfo=LONDON), tick=False):
            audit.record(actor=system_admin, action=action, obj=employee, reason="=1+1 looks like a formula")
    client.force_login(system_admin)
    response = client.get(
        "/audit/export/",
        {
            "action": "consent.withdrawn",
            "from-day": "2",
            "from-month": "4",
            "from-year": "2026",
            "to-day": "4",
            "to-month": "4",
            "to-year": "2026",
            "download": "1",
        },
    )
    assert response["Content-Type"].startswith("text/csv")
    [row] = rows(response)
    assert row["Action"] == "consent.withdrawn" and row["When"].startswith("02/04/2026")
    assert row["Reason"] == "'=1+1 looks like a formula"
    assert row["Who"].startswith(system_admin.full_name)
    copy = AuditEvent.objects.get(action="audit.exported")
    assert copy.after["filters"] == {"action": "consent.withdrawn", "from": "2026-04-02", "to": "2026-04-04"}


def test_a_date_that_does_not_exist_is_explained_and_nothing_is_downloaded(client, comms_officer):
    client.force_login(comms_officer)
    response = client.get("/audit/export/", {"from-day": "31", "from-month": "2", "from-year": "2026", "download": "1"})
    assert response.status_code == 400
    assert "The first day must be a real date" in response.content.decode()
    assert not AuditEvent.objects.filter(action="audit.exported").exists()


def test_a_day_too_long_to_be_a_number_of_days_is_explained_not_a_server_error(client, comms_officer):
    client.force_login(comms_officer)
    response = client.get("/audit/export/", {"to-day": "9" * 20, "to-month": "4", "to-year": "2026", "download": "1"})
    assert response.status_code == 400
    assert "The last day must be a real date" in response.content.decode()
    assert not AuditEvent.objects.filter(action="audit.exported").exists()


def test_the_last_day_of_the_calendar_as_the_last_day_downloads_everything(client, system_admin, employee):
    # given an event, and someone who means "up to the end of time" by the last date there is
    audit.record(actor=system_admin, action="consent.withdrawn", obj=employee)
    client.force_login(system_admin)

    # when they download up to 31 12 9999
    response = client.get(
        "/audit/export/",
        {"to-day": "31", "to-month": "12", "to-year": "9999", "action": "consent.withdrawn", "download": "1"},
    )

    # then they get the spreadsheet, not a server error
    assert response.status_code == 200
    assert [row["Action"] for row in rows(response)] == ["consent.withdrawn"]


def test_the_hour_the_clocks_go_back_is_told_apart_in_the_spreadsheet(client, system_admin, employee):
    # given two events an hour apart that both happened at 01:30 on UK clocks, the night the clocks go back
    for moment, action in (
        (dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC), "consent.withdrawn"),  # 01:30 BST
        (dt.datetime(2026, 10, 25, 1, 30, tzinfo=dt.UTC), "post.approved"),  # 01:30 GMT
    ):
        with time_machine.travel(moment, tick=False):
            audit.record(actor=system_admin, action=action, obj=employee)
    client.force_login(system_admin)
    params = {"from-day": "25", "from-month": "10", "from-year": "2026", "to-day": "25", "to-month": "10"}
    response = client.get("/audit/export/", {**params, "to-year": "2026", "download": "1"})
    first, second = rows(response)
    # then each says which 01:30 it was, and the moment it happened in UTC
    assert (first["Action"], second["Action"]) == ("consent.withdrawn", "post.approved")
    assert first["When"] != second["When"]
    assert (first["When (UTC)"], second["When (UTC)"]) == ("2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z")
