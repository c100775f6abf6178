"""Incident emails write dates as the rest of Herald does: "7 December 2026", not "07 December 2026"."""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail

from herald.incidents import services
from testing.factories import incident

pytestmark = pytest.mark.django_db


def test_the_breach_clock_warning_gives_the_deadline_without_a_leading_zero(
    django_capture_on_commit_callbacks, editor, dpo
):
    # given a breach the council became aware of at 10:00 on 4 December 2026: its 72 hours end on the 7th
    with time_machine.travel(dt.datetime(2026, 12, 4, 11, 0, tzinfo=dt.UTC), tick=False):
        incident("personal_data_breach", by=editor, aware_at=dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC))
    mail.outbox.clear()
    # when the clock is checked with less than a day left
    with time_machine.travel(dt.datetime(2026, 12, 6, 12, 0, tzinfo=dt.UTC), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            services.warn_breach_clocks()
    # then the warning says when, as a person writes it
    assert mail.outbox
    assert "end at 10am on Monday 7 December 2026" in mail.outbox[0].body


def test_the_reporter_is_told_the_day_they_reported_without_a_leading_zero(
    django_capture_on_commit_callbacks, employee, comms_officer
):
    with time_machine.travel(dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC), tick=False):
        reported = incident("other", by=employee)
        for step in reported.steps.all():
            services.tick_step(step, by=comms_officer)
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            services.close_incident(reported, by=comms_officer, cause="A fake page", worked="", changes="Nothing")
    [told] = [message for message in mail.outbox if message.to == [employee.email]]
    assert "The incident you reported on 7 December 2026 has been dealt with" in told.body


def test_the_home_page_gives_an_overdue_steps_deadline_in_uk_style(client, editor, dpo):
    # given a breach the council became aware of at 10:00 on 4 December 2026, whose steps are now overdue
    with time_machine.travel(dt.datetime(2026, 12, 4, 11, 0, tzinfo=dt.UTC), tick=False):
        incident("personal_data_breach", by=editor, aware_at=dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC))
    # when the data protection officer opens the home page a fortnight later
    with time_machine.travel(dt.datetime(2026, 12, 18, 9, 0, tzinfo=dt.UTC), tick=False):
        client.force_login(dpo)
        page = client.get("/").content.decode()
    # then each overdue step's deadline is written "7 December 2026 at 10:00", not "10:00 on 07 Dec 2026"
    assert "Incident steps past their deadline" in page
    assert re.search(r"Due [1-9]\d? December 2026 at ([1-9]|1[0-2])(:\d\d)?[ap]m<", page)
    assert " Dec 2026" not in page
