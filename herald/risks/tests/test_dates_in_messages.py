"""The register's emails and home panel write dates as the rest of Herald does: "7 December 2026"."""

import datetime as dt

import pytest
import time_machine
from django.core import mail

from herald.risks import services
from testing.factories import PersonFactory, RiskFactory

pytestmark = pytest.mark.django_db


def test_a_review_reminder_gives_the_due_date_without_a_leading_zero(django_capture_on_commit_callbacks):
    # given a risk due for review on 7 December 2026
    with time_machine.travel(dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC), tick=False):
        RiskFactory(owner=PersonFactory(), next_review_on=dt.date(2026, 12, 7))
        # when its owner is reminded
        with django_capture_on_commit_callbacks(execute=True):
            services.remind_reviews()
    # then the email says the date as a person writes it
    [message] = mail.outbox
    assert "due for review on 7 December 2026" in message.body


def test_an_action_given_to_someone_gives_its_due_date_without_a_leading_zero(
    django_capture_on_commit_callbacks, comms_officer, dpo
):
    with time_machine.travel(dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC), tick=False):
        risk = RiskFactory(owner=comms_officer)
        with django_capture_on_commit_callbacks(execute=True):
            services.add_action(
                risk, by=comms_officer, description="Check the passwords", owner=dpo, due_on=dt.date(2026, 12, 7)
            )
    [message] = mail.outbox
    assert "due 7 December 2026" in message.body
