"""A review or an acceptance sent twice (a double click, a resubmitted page) is recorded once."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.risks import services
from herald.risks.models import Acceptance, Action, Assessment, Control, Review, Risk
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


def _followed(client, response):
    return client.get(response["Location"]).content.decode()


@time_machine.travel(NOW, tick=False)
def test_an_action_sent_twice_is_added_once_and_the_second_press_shows_it(client, comms_officer):
    risk = RiskFactory(owner=comms_officer)
    client.force_login(comms_officer)
    url = reverse("risks:action_add", kwargs={"pk": risk.pk})
    data = {
        "description": "Run the phishing training again",
        "owner": comms_officer.pk,
        "due_on_day": "1",
        "due_on_month": "2",
        "due_on_year": "2027",
    }
    first, second = _twice(client, url, data)
    detail = reverse("risks:detail", kwargs={"pk": risk.pk})
    assert first["Location"] == detail and second["Location"] == detail
    assert Action.objects.filter(risk=risk).count() == 1
    assert AuditEvent.objects.filter(action="risk.action_added", object_id=str(risk.pk)).count() == 1
    page = _followed(client, second)
    assert page.count("Run the phishing training again: ") == 1 and "Action added" in page


@time_machine.travel(NOW, tick=False)
def test_a_control_sent_twice_is_added_once_and_the_second_press_shows_it(client, comms_officer):
    risk = RiskFactory(owner=comms_officer)
    client.force_login(comms_officer)
    url = reverse("risks:control_add", kwargs={"pk": risk.pk})
    first, second = _twice(client, url, {"measure": "accounts_secured", "threshold": "90"})
    detail = reverse("risks:detail", kwargs={"pk": risk.pk})
    # the second press is not told "This risk already has that control": it lands on the risk
    assert first["Location"] == detail and second["Location"] == detail
    assert Control.objects.filter(risk=risk).count() == 1
    assert AuditEvent.objects.filter(action="risk.control_added", object_id=str(risk.pk)).count() == 1
    assert "Control added" in _followed(client, second)


@time_machine.travel(NOW, tick=False)
def test_a_new_risk_sent_twice_is_recorded_once_and_both_presses_go_on_to_scoring_it(client, comms_officer):
    client.force_login(comms_officer)
    url = reverse("risks:add")
    data = {
        "reference": "S.77",
        "title": "A councillor's personal account is mistaken for an official one",
        "owner": comms_officer.pk,
        "treatment": "mitigate",
        "review_every_days": "90",
    }
    first, second = _twice(client, url, data)
    risk = Risk.objects.get(reference="S.77")
    assess = reverse("risks:assess", kwargs={"pk": risk.pk})
    # the second press is not told "There is already a risk S.77": it goes where the first went
    assert first["Location"] == assess and second["Location"] == assess
    assert AuditEvent.objects.filter(action="risk.recorded", object_id=str(risk.pk)).count() == 1


@time_machine.travel(NOW, tick=False)
def test_scores_sent_twice_are_recorded_once(client, comms_officer):
    risk = RiskFactory(owner=comms_officer)
    client.force_login(comms_officer)
    url = reverse("risks:assess", kwargs={"pk": risk.pk})
    data = {
        "inherent_likelihood": "4",
        "inherent_impact": "4",
        "current_likelihood": "3",
        "current_impact": "3",
        "residual_likelihood": "2",
        "residual_impact": "2",
        "rationale": "Training reaches most staff",
    }
    first, second = _twice(client, url, data)
    detail = reverse("risks:detail", kwargs={"pk": risk.pk})
    assert first["Location"] == detail and second["Location"] == detail
    assert Assessment.objects.filter(risk=risk).count() == 1


@time_machine.travel(NOW, tick=False)
def test_a_refused_score_keeps_the_key_so_the_corrected_form_is_recorded(client, comms_officer):
    risk = RiskFactory(owner=comms_officer)
    client.force_login(comms_officer)
    url = reverse("risks:assess", kwargs={"pk": risk.pk})
    key = submission_key(client.get(url).content.decode())
    scores = {"inherent_likelihood": "2", "inherent_impact": "2", "residual_likelihood": "1", "residual_impact": "1"}
    worse = {**scores, "current_likelihood": "5", "current_impact": "5", "rationale": "Scored", "submission_key": key}

    refused = client.post(url, worse)

    text = refused.content.decode()
    assert "The current score cannot be higher than the inherent score" in text
    assert submission_key(text) == key
    corrected = client.post(url, {**worse, "current_likelihood": "2", "current_impact": "2"})
    assert corrected["Location"] == reverse("risks:detail", kwargs={"pk": risk.pk})
    assert Assessment.objects.filter(risk=risk).count() == 1


@time_machine.travel(NOW, tick=False)
def test_a_matrix_change_sent_twice_is_recorded_once(client, comms_officer):
    client.force_login(comms_officer)
    url = reverse("risks:matrix_change")
    page = client.get(url)
    form = page.context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data["likelihood_1_name"] = "Hardly ever"
    first, second = _twice(client, url, data)
    assert first["Location"] == second["Location"] == reverse("risks:matrix")
    assert AuditEvent.objects.filter(action="risk.matrix_changed").count() == 1
