"""The subject access reminder goes each morning at the set hour (UK time), once a day, however often
the scheduler is restarted: not every 24 hours from whenever it happened to start."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from herald.schedule import enqueue_due

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
REMINDER = "herald.consents.tasks.remind_of_subject_access_deadlines"


def _reminded_at(*moments: dt.datetime) -> list[dt.datetime]:
    """Run the scheduler at each moment (each run could be a fresh start) and say when the reminder went."""
    return [moment for moment in moments if REMINDER in enqueue_due(moment)]


def test_the_reminder_goes_at_eight_in_the_morning_once_a_day_even_across_restarts(settings):
    settings.HERALD_SUBJECT_ACCESS_REMINDER_HOUR = 8
    day = dt.date(2026, 1, 12)

    def at(days: int, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime.combine(day + dt.timedelta(days=days), dt.time(hour, minute), tzinfo=LONDON)

    # given a scheduler first started at three in the morning, restarted at 09:00, and running on
    sent = _reminded_at(at(0, 3), at(0, 7, 59), at(0, 8), at(0, 9), at(0, 23, 59), at(1, 3), at(1, 7, 59), at(1, 8, 1))
    # then the reminder went at eight each day, and only then
    assert sent == [at(0, 8), at(1, 8, 1)]


def test_the_reminder_keeps_to_eight_uk_time_in_summer(settings):
    settings.HERALD_SUBJECT_ACCESS_REMINDER_HOUR = 8
    # 07:30 UTC in July is 08:30 in the UK; 06:30 UTC is 07:30
    early = dt.datetime(2026, 7, 6, 6, 30, tzinfo=dt.UTC)
    on_time = dt.datetime(2026, 7, 6, 7, 30, tzinfo=dt.UTC)
    assert _reminded_at(early, on_time) == [on_time]


def test_the_hour_is_a_setting(settings):
    settings.HERALD_SUBJECT_ACCESS_REMINDER_HOUR = 6
    morning = dt.datetime(2026, 1, 12, 6, 5, tzinfo=LONDON)
    assert _reminded_at(dt.datetime(2026, 1, 12, 5, 59, tzinfo=LONDON), morning) == [morning]
