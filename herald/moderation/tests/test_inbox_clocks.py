"""The inbox's response clocks on a page of comments overdue for days or years: each shows the business
time counted the clock's own way (weekends, bank holidays and the council's closures left out)."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from herald.elections.models import NonWorkingDay
from herald.moderation.models import Comment
from herald.moderation.services import hours
from testing.factories import AccountFactory, comment

pytestmark = pytest.mark.django_db
UTC = dt.UTC
NOW = dt.datetime(2026, 12, 9, 11, 20, tzinfo=UTC)  # a Wednesday, in business hours

DUE = {
    "Due this morning": dt.datetime(2026, 12, 9, 9, 5, tzinfo=UTC),
    "Due last night": dt.datetime(2026, 12, 8, 19, 0, tzinfo=UTC),
    "Due on a Saturday": dt.datetime(2026, 12, 5, 10, 0, tzinfo=UTC),
    "Due before the council closed for a day": dt.datetime(2026, 11, 30, 16, 0, tzinfo=UTC),
    "Due before Christmas last year": dt.datetime(2025, 12, 23, 15, 30, tzinfo=UTC),
    "Due in the summer three years ago": dt.datetime(2023, 7, 14, 12, 0, tzinfo=UTC),
    "Due the same day three years ago": dt.datetime(2023, 7, 14, 16, 30, tzinfo=UTC),
}


@pytest.fixture
def account(team):
    return AccountFactory(platform="facebook", display_name="Hinckley Leisure Centre", team=team)


@time_machine.travel(NOW, tick=False)
def test_overdue_clocks_on_the_inbox_count_business_time_as_the_clock_does(client, comms_officer, account):
    # given comments overdue since moments spread over three years, and a day the council closed
    NonWorkingDay.objects.create(date=dt.date(2026, 12, 1), kind="mourning", description="A day of mourning")
    hours.forget_closed_days()
    for n, (text, due) in enumerate(DUE.items()):
        found = comment(account, text)
        Comment.objects.filter(pk=found.pk).update(
            respond_by=due, received_at=due - dt.timedelta(hours=4, minutes=n), first_handled_at=None
        )
    business, closed = hours.business_hours(), hours.closed_days()
    client.force_login(comms_officer)

    # when the inbox lists them all on one page
    page = client.get(reverse("moderation:inbox"), {"status": ""}).content.decode()

    # then each row's clock is the business time since it was due, counted day by day
    for text, due in DUE.items():
        minutes = business.business_minutes_between(due, NOW, closed)
        shown = f"{minutes // 60}h {minutes % 60}m" if minutes % 60 else f"{minutes // 60}h"
        row = page[page.index(text) :].split("</tr>", 1)[0]
        assert f"Overdue {shown}" in row, (text, shown)
    hours.forget_closed_days()


SPRING_MONDAY = dt.datetime(2027, 3, 29, 12, 0, tzinfo=UTC)  # the day after the clocks went forward


@time_machine.travel(SPRING_MONDAY, tick=False)
def test_an_overdue_clock_over_the_night_the_clocks_go_forward_counts_the_hour_that_never_was_out(
    client, comms_officer, account, settings
):
    # given: an inbox watched from midnight to 04:00 at weekends, and a comment due at 03:00 on the
    # Saturday before the clocks went forward (01:00 GMT on Sunday 28 March 2027 became 02:00 BST)
    settings.MODERATION_BUSINESS_HOURS = "00:00-04:00 Sat-Sun"
    hours.forget_closed_days()
    found = comment(account, "Is the park gate locked tonight?")
    due = dt.datetime(2027, 3, 27, 3, 0, tzinfo=UTC)
    Comment.objects.filter(pk=found.pk).update(
        respond_by=due, received_at=due - dt.timedelta(hours=1), first_handled_at=None
    )
    client.force_login(comms_officer)

    # when: the inbox lists it on the Monday
    page = client.get(reverse("moderation:inbox"), {"status": ""}).content.decode()

    # then: it is overdue by Saturday's last hour and Sunday's three (00:00 GMT to 04:00 BST), not four
    row = page[page.index(found.text) :].split("</tr>", 1)[0]
    assert "Overdue 4h" in row
    assert hours.business_hours().business_minutes_between(due, SPRING_MONDAY, hours.closed_days()) == 4 * 60
    hours.forget_closed_days()
