"""Who may own a risk or an action on it: only someone who can open the register, because the owner is
sent links to the risk (reminders, control alerts, the action) and must be able to review it or mark
the action done there."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from herald.errors import Refused
from herald.risks import services
from herald.risks.models import Action
from testing.factories import PersonFactory, RiskFactory

pytestmark = pytest.mark.django_db


def test_an_action_cannot_be_given_to_someone_who_cannot_open_the_register(comms_officer, employee):
    risk = RiskFactory(owner=comms_officer)
    with pytest.raises(Refused) as refused:
        services.add_action(
            risk, by=comms_officer, description="Run the training", owner=employee, due_on=timezone.localdate()
        )
    assert "cannot open the risk register" in str(refused.value)
    assert not Action.objects.filter(risk=risk).exists()


def test_a_risk_cannot_be_given_to_an_owner_who_cannot_open_the_register(comms_officer, employee):
    with pytest.raises(Refused):
        services.record_risk(by=comms_officer, reference="S.20", title="Lost phone", owner=employee)
    risk = RiskFactory(owner=comms_officer)
    with pytest.raises(Refused):
        services.update_risk(risk, by=comms_officer, owner=employee)
    risk.refresh_from_db()
    assert risk.owner == comms_officer


def test_the_action_form_offers_only_people_who_can_open_the_register(client, comms_officer, employee, hr_officer):
    risk = RiskFactory(owner=comms_officer)
    client.force_login(comms_officer)
    page = client.get(reverse("risks:action_add", kwargs={"pk": risk.pk}))
    offered = set(page.context["form"].fields["owner"].queryset)
    assert {comms_officer, hr_officer} <= offered
    assert employee not in offered


def test_naming_a_plain_employee_on_the_action_page_gives_an_error_and_keeps_what_was_typed(
    client, comms_officer, employee
):
    risk = RiskFactory(owner=comms_officer)
    client.force_login(comms_officer)
    page = client.post(
        reverse("risks:action_add", kwargs={"pk": risk.pk}),
        {
            "description": "Run the social media training again",
            "owner": employee.pk,
            "due_on_day": "1",
            "due_on_month": "3",
            "due_on_year": str(timezone.localdate().year + 1),
        },
    )
    assert page.status_code == 200
    assert "govuk-error-summary" in page.content.decode()
    assert "Run the social media training again" in page.content.decode()
    assert not Action.objects.filter(risk=risk).exists()


def test_someone_given_a_reading_role_can_then_own_an_action(comms_officer):
    person = PersonFactory(roles=["service_manager"])
    action = services.add_action(
        RiskFactory(owner=comms_officer),
        by=comms_officer,
        description="Check the page",
        owner=person,
        due_on=timezone.localdate() + dt.timedelta(days=7),
    )
    assert action.owner == person


def test_a_risk_whose_owner_lost_their_role_can_still_be_edited_without_changing_the_owner(client, comms_officer):
    owner = PersonFactory(roles=["service_manager"])
    risk = RiskFactory(owner=owner, title="Lost phone")
    owner.groups.clear()  # the owner no longer holds a role that reads the register
    client.force_login(comms_officer)
    page = client.get(reverse("risks:edit", kwargs={"pk": risk.pk}))
    data = {
        name: value for name, value in page.context["form"].initial.items() if value is not None and name != "owner"
    }
    data.update(title="Lost or stolen phone", owner=owner.pk, review_every_days=90)
    response = client.post(reverse("risks:edit", kwargs={"pk": risk.pk}), data)
    assert response.status_code == 302, response.context["form"].errors
    risk.refresh_from_db()
    assert risk.title == "Lost or stolen phone" and risk.owner == owner
