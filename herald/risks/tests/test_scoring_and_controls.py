"""Scoring on the matrix, S.04 from the committee report, acceptance, reviews and live controls."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from herald.errors import Refused
from herald.moderation.models import Comment
from herald.moderation.services.inbox import record_status
from herald.risks import controls, services
from herald.risks.models import Band, Control, Risk
from herald.social_accounts.tests.factories import AccountFactory
from testing.factories import PersonFactory, RiskFactory, comment, incident

pytestmark = pytest.mark.django_db


def scored(risk, by, current=(3, 5)):
    return services.assess_risk(risk, by=by, inherent=(5, 5), current=current, residual=(1, 1), rationale="Because")


def test_s04_is_loaded_from_the_committee_report_scored_net_red():
    risk = Risk.objects.get(reference="S.04")
    assert risk.title == "Damage to reputation/adverse publicity"
    assert risk.owner_role == "Director Corporate Services"
    assert "code of conduct for officers and councillors and the ICT acceptable use policy" in risk.mitigation
    assert risk.latest.current_band["name"] == "Red"
    assert risk.controls.count() == 7


def test_a_score_keeps_the_criteria_it_was_given_under(comms_officer):
    risk = RiskFactory(owner=comms_officer)
    before = scored(risk, comms_officer, current=(3, 4))
    assert before.current_band["name"] == "Amber"
    Band.objects.filter(name="Red").update(min_score=10)
    Band.objects.filter(name="Amber").update(max_score=9)
    after = scored(risk, comms_officer, current=(3, 4))
    assert (before.current_band["name"], after.current_band["name"]) == ("Amber", "Red")


def test_controls_cannot_make_a_risk_worse_than_with_none(comms_officer):
    risk = RiskFactory()
    with pytest.raises(Refused) as refused:
        services.assess_risk(risk, by=comms_officer, inherent=(2, 2), current=(3, 3), residual=(1, 1), rationale="x")
    assert "current" in refused.value.error_dict


def test_only_a_risk_manager_or_the_owner_may_score_a_risk(hr_officer, service_manager):
    risk = RiskFactory(owner=service_manager)
    scored(risk, service_manager)
    with pytest.raises(Refused):
        scored(risk, hr_officer)


def test_an_acceptance_is_formal_named_and_expires(comms_officer, time_machine):
    risk = RiskFactory()
    with pytest.raises(Refused, match="Score"):
        services.accept_risk(risk, by=comms_officer, statement="ok", expires_on=timezone.localdate())
    scored(risk, comms_officer)
    with pytest.raises(Refused):
        services.accept_risk(
            risk, by=comms_officer, statement="ok", expires_on=timezone.localdate() + dt.timedelta(days=400)
        )
    acceptance = services.accept_risk(
        risk, by=comms_officer, statement="Accepted at Net Red", expires_on=timezone.localdate() + dt.timedelta(days=30)
    )
    assert risk.current_acceptance == acceptance and acceptance.band == "Red" and acceptance.approver == comms_officer
    time_machine.move_to(timezone.now() + dt.timedelta(days=31))
    assert risk.current_acceptance is None


def test_the_share_of_secured_accounts_is_computed_from_the_register():
    AccountFactory(two_factor_enabled=True, comms_co_admin=True)
    AccountFactory(two_factor_enabled=False, comms_co_admin=True)
    AccountFactory(two_factor_enabled=True, comms_co_admin=False)
    AccountFactory(two_factor_enabled=True, comms_co_admin=True)
    reading = controls.read("accounts_secured")
    assert reading.value == 50.0
    assert dict(reading.detail) == {"Without two-factor sign-in": 1, "Without comms as co-admin": 1}


def test_incidents_are_counted_by_type_over_twelve_months(employee, time_machine):
    time_machine.move_to(timezone.now() - dt.timedelta(days=400))
    incident("other", by=employee)
    time_machine.move_to(timezone.now() + dt.timedelta(days=400))
    incident("account_compromised", by=employee)
    incident("account_compromised", by=employee)
    reading = controls.read("incidents_by_type")
    assert reading.value == 2
    assert dict(reading.detail)["Account compromised"] == 2 and dict(reading.detail)["Other"] == 0


def test_moderation_response_time_is_read_from_the_inbox_in_business_hours():
    # given no comments yet, the control says so rather than guess
    reading = controls.read("moderation_response")
    assert not reading.available and "No comments handled" in reading.text
    # given two comments arrive on a Tuesday at 09:00 and one is answered at 11:00
    account = AccountFactory()
    with time_machine.travel(dt.datetime(2027, 3, 9, 9, 0, tzinfo=dt.UTC), tick=False):
        answered = comment(account, "When is the brown bin collected?")
        comment(account, "Is the leisure centre open on Sunday?")
    with time_machine.travel(dt.datetime(2027, 3, 9, 11, 0, tzinfo=dt.UTC), tick=False):
        record_status(answered, by=None, status=Comment.Status.NO_ACTION)
    # then the control reads a median of 2 business hours, with one still waiting
    reading = controls.read("moderation_response", now=dt.datetime(2027, 3, 9, 12, 0, tzinfo=dt.UTC))
    assert reading.value == 2.0
    assert dict(reading.detail) == {"Handled": 1, "Waiting": 1}


def test_the_owner_is_told_once_when_a_control_falls_below_its_threshold(django_capture_on_commit_callbacks):
    owner = PersonFactory()
    risk = RiskFactory(owner=owner)
    services.add_control(risk, by=None, measure="accounts_secured", threshold=100)
    AccountFactory(two_factor_enabled=True, comms_co_admin=True)
    services.check_controls()
    assert Control.objects.get(risk=risk).state == Control.State.MET
    insecure = AccountFactory(two_factor_enabled=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert risk in [control.risk for control in services.check_controls()]
        assert services.check_controls() == []
    assert [m.to for m in mail.outbox] == [[owner.email]]
    assert "below its threshold" in mail.outbox[0].subject
    insecure.delete()
    services.check_controls()
    assert Control.objects.get(risk=risk).state == Control.State.MET


def test_the_owner_is_reminded_once_before_a_review_falls_due(django_capture_on_commit_callbacks):
    owner = PersonFactory()
    risk = RiskFactory(owner=owner, next_review_on=timezone.localdate() + dt.timedelta(days=3))
    RiskFactory(owner=owner, next_review_on=timezone.localdate() + dt.timedelta(days=30))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.remind_reviews() == [risk]
        assert services.remind_reviews() == []
    assert len(mail.outbox) == 1


def test_the_heat_map_and_its_table_place_each_risk_in_its_cell(client, comms_officer):
    client.force_login(comms_officer)
    page = client.get(reverse("risks:register")).content.decode()
    assert "<svg" in page and 'fill="#d4351c"' in page
    table = page[page.index('id="heat-table"') :]
    row = table[table.index("Impact 5") : table.index("Impact 4")]
    cells = row.split("<td")
    assert "S.04" in cells[3] and "S.04" not in cells[2]  # likelihood 3 × impact 5
