"""A comment handled and then reopened (the page removed its reply, or a moderator set it back to new)
keeps its first response: the response target, the inbox's clock, the committee report and the risk
register's measure all count the first response once. The inbox shows it reopened, and when, instead of
"Handled in", and the committee report says how many were reopened."""

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
import time_machine

from herald.figures import Period
from herald.moderation.models import Comment
from herald.moderation.report import sections
from herald.moderation.services import inbox
from herald.risks.controls import moderation_response
from testing.factories import AccountFactory, comment

LONDON = ZoneInfo("Europe/London")
MARCH = Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))


def _at(day, hour, minute=0):
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=LONDON)


@pytest.fixture
def reopened(db, comms_officer):
    """A comment that arrived at 9am on Monday 2 March 2026, was answered at 10am, reopened at 2pm and
    answered again the next morning."""
    account = AccountFactory(display_name="Parks and Open Spaces")
    with time_machine.travel(_at(2, 9), tick=False) as clock:
        found = comment(account, "What time does the tip open on Sunday?")
        clock.move_to(_at(2, 10))
        inbox.set_status(found, by=comms_officer, status=Comment.Status.REPLIED)
        clock.move_to(_at(2, 14))
        inbox.set_status(found, by=comms_officer, status=Comment.Status.NEW, reason="The answer was wrong")
    found.refresh_from_db()
    return found


def test_a_reopened_comment_keeps_its_first_response_and_says_it_was_reopened(client, comms_officer, reopened):
    assert reopened.first_handled_at == _at(2, 10) and reopened.reopened_at == _at(2, 14)
    # when the moderator looks at the inbox and at the comment
    client.force_login(comms_officer)
    with time_machine.travel(_at(2, 15), tick=False):
        listed = client.get("/inbox/?status=open").content.decode()
        page = client.get(f"/inbox/comments/{reopened.pk}/").content.decode()
    # then its clock says it was reopened, and when, not that it is handled
    for shown in (listed, page):
        assert '<strong class="govuk-tag govuk-tag--orange">Reopened</strong>' in shown
        assert "2 Mar 2026, 2pm; first handled in 1h" in shown
    assert "Handled in 1h" not in listed
    assert "its first response is the one the response target and the reports count" in page


def test_the_reports_count_a_reopened_comments_first_response_once(comms_officer, reopened):
    # given it is answered again the next morning
    with time_machine.travel(_at(3, 9), tick=False):
        inbox.set_status(reopened, by=comms_officer, status=Comment.Status.REPLIED)
    reopened.refresh_from_db()
    assert reopened.first_handled_at == _at(2, 10) and reopened.reopened_at == _at(2, 14)
    # then the committee report counts its first response, once, and says it was reopened
    [part] = sections(MARCH)
    words = json.dumps(part.as_dict())
    assert "1 of them was handled, the median in 1 hour of business hours" in words
    assert "1 comment was reopened after its first response" in words
    # and so does the risk register's measure
    with time_machine.travel(_at(4, 9), tick=False):
        reading = moderation_response(dt.datetime(2026, 3, 4, 9, tzinfo=LONDON))
    assert reading.value == 1.0
