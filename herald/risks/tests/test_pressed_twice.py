"""A review or an acceptance sent twice (a double click, a resubmitted page) is recorded once."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.risks import services
from herald.risks.models import Acceptance, Review
from testing.factories import RiskFactory
from testing.forms import submission_key

pytestmark = pytest.mark.django_db

# 10:00 on Monday 7 December 2026, UK time.
NOW = dt.datetime(2026, 12, 7, 10, tzinfo=dt.UTC)


def _twice(client, url, data):
    key = submission_key(client.get(url).content.decode())
    return [client.post(url, {**data, "submission_key": key}) for _ in range(2)]


@time_machine.travel(NOW, tick=False)
def test_a_review_sent_twice_is_recorded_once(client, comms_officer):
    risk = RiskFactory(owner=comms_officer)
    client.force_login(comms_officer)
    url = reverse("risks:review", kwargs={"pk": risk.pk})
    data = {
        "notes": "Still likely: two phishing attempts this quarter",
        "next_review_on_day": "8",
        "next_review_on_month": "3",
        "next_review_on_year": "2027",
    }
    first, second = _twice(client, url, data)
    detail = reverse("risks:detail", kwargs={"pk": risk.pk})
    assert first["Location"] == detail and second["Location"] == detail
    assert Review.objects.filter(risk=risk).count() == 1
    assert AuditEvent.objects.filter(action="risk.reviewed", object_id=str(risk.pk)).count() == 1


@time_machine.travel(NOW, tick=False)
def test_an_acceptance_sent_twice_is_recorded_once(client, comms_officer, monitoring_officer):
    risk = RiskFactory(owner=comms_officer)
    services.assess_risk(risk, by=comms_officer, inherent=(5, 5), current=(3, 4), residual=(1, 1), rationale="Scored")
    client.force_login(monitoring_officer)
    url = reverse("risks:accept", kwargs={"pk": risk.pk})
    data = {
        "statement": "Amber is tolerable until the new training is done",
        "expires_on_day": "7",
        "expires_on_month": "6",
        "expires_on_year": "2027",
    }
    first, second = _twice(client, url, data)
    detail = reverse("risks:detail", kwargs={"pk": risk.pk})
    assert first["Location"] == detail and second["Location"] == detail
    assert Acceptance.objects.filter(risk=risk).count() == 1
    assert AuditEvent.objects.filter(action="risk.accepted", object_id=str(risk.pk)).count() == 1
