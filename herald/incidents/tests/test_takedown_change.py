"""A second takedown decision on a copyright or defamation complaint is a change of decision: it says why,
and the earlier decision stays in the record. Sending the form again without a reason changes nothing."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.incidents.models import TimelineEntry
from testing.factories import incident
from testing.forms import submission_key

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.UTC)
FIRST = "Post left up: the photo is our own"
SECOND = "Post removed: the photographer showed us the licence terms"


def _decide(client, complaint, decision, time, **more):
    url = reverse("incidents:takedown", args=[complaint.pk])
    with time_machine.travel(NOW, tick=False):
        page = client.get(url).content.decode()
        form = {
            "takedown_decision": decision,
            "takedown_decided_at_day": "26",
            "takedown_decided_at_month": "11",
            "takedown_decided_at_year": "2026",
            "takedown_decided_at_time": time,
            "submission_key": submission_key(page),
            **more,
        }
        return page, client.post(url, form)


@pytest.fixture
def complaint(employee, comms_officer, client):
    with time_machine.travel(NOW, tick=False):
        made = incident("copyright_or_defamation", by=employee, aware_at=dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC))
    client.force_login(comms_officer)
    _decide(client, made, FIRST, "09:30")
    made.refresh_from_db()
    assert made.takedown_decision == FIRST
    return made


def _decisions(complaint):
    return list(complaint.timeline.filter(kind=TimelineEntry.Kind.DECISION).values_list("text", flat=True))


def test_recording_a_decision_again_without_a_reason_is_refused_and_keeps_the_first(client, complaint):
    page, response = _decide(client, complaint, SECOND, "15:00")
    assert "Change the takedown decision" in page and FIRST in page
    assert response.status_code == 200
    shown = response.content.decode()
    assert "govuk-error-summary" in shown and "Enter why the decision is changing" in shown
    complaint.refresh_from_db()
    assert complaint.takedown_decision == FIRST
    assert _decisions(complaint) == [f"Takedown decision: {FIRST}"]


def test_changing_the_decision_with_a_reason_keeps_both_in_the_record(client, complaint):
    _, response = _decide(
        client, complaint, SECOND, "15:00", change_reason="The photographer sent the licence: it excludes social media"
    )
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.takedown_decision == SECOND
    assert complaint.takedown_decided_at == dt.datetime(2026, 11, 26, 15, 0, tzinfo=dt.UTC)
    first, second = sorted(_decisions(complaint), key=len)
    assert first == f"Takedown decision: {FIRST}"
    assert FIRST in second and SECOND in second and "licence: it excludes social media" in second
    changed = AuditEvent.objects.get(action="incident.takedown_decision_changed")
    assert changed.actor == complaint.timeline.last().by
    assert AuditEvent.objects.filter(action="incident.takedown_decided").count() == 1
    detail = client.get(reverse("incidents:detail", args=[complaint.pk])).content.decode()
    assert SECOND in detail and FIRST in detail  # the current decision, and the earlier one in the timeline
