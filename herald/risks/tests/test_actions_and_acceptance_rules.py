"""An action is due today or later, and a risk is accepted by someone other than its owner."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from herald.errors import Refused
from herald.risks import services
from herald.risks.models import Action
from testing.factories import RiskFactory

pytestmark = pytest.mark.django_db

# 00:30 BST on Wednesday 1 April 2026: already 1 April in the UK, still 31 March in UTC.
JUST_AFTER_MIDNIGHT = dt.datetime(2026, 3, 31, 23, 30, tzinfo=dt.UTC)


@time_machine.travel(JUST_AFTER_MIDNIGHT, tick=False)
def test_an_action_due_before_today_in_the_uk_is_refused_on_the_form(client, comms_officer):
    risk = RiskFactory(owner=comms_officer)
    client.force_login(comms_officer)

    # when the action is given a due date of 31 March, yesterday in the UK
    page = client.post(
        reverse("risks:action_add", kwargs={"pk": risk.pk}),
        {
            "description": "Run the social media training again",
            "owner": comms_officer.pk,
            "due_on_day": "31",
            "due_on_month": "3",
            "due_on_year": "2026",
        },
    )

    # then the page says why, keeps what was typed and adds nothing
    assert page.status_code == 200
    text = page.content.decode()
    assert "govuk-error-summary" in text and "Due date must be today or in the future" in text
    assert "Run the social media training again" in text
    assert not Action.objects.filter(risk=risk).exists()


@time_machine.travel(JUST_AFTER_MIDNIGHT, tick=False)
def test_an_action_due_today_in_the_uk_is_added(comms_officer):
    risk = RiskFactory(owner=comms_officer)

    action = services.add_action(
        risk, by=comms_officer, description="Check the page", owner=comms_officer, due_on=dt.date(2026, 4, 1)
    )

    assert action.due_on == dt.date(2026, 4, 1) and not action.is_overdue
    with pytest.raises(Refused, match="Due date must be today or in the future"):
        services.add_action(
            risk, by=comms_officer, description="Too late", owner=comms_officer, due_on=dt.date(2026, 3, 31)
        )
