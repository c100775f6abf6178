"""One way of writing dates for people (`herald.dates`), in GOV.UK style: "7 December 2026", "2:30pm",
"9am", "midday", "midnight", "7 December 2026 at 2:30pm", at the UK time of a moment stored in UTC; the
same words on pages and in sentences written in Python."""

import datetime as dt

import pytest
from django.template import Context, Template

from herald.dates import uk_date, uk_datetime, uk_deadline, uk_short_datetime, uk_time

# 23:30 UTC on 30 June 2026 is 00:30 BST on 1 July; 09:05 UTC on 7 December 2026 is 09:05 GMT.
SUMMER_NIGHT = dt.datetime(2026, 6, 30, 23, 30, tzinfo=dt.UTC)
WINTER_MORNING = dt.datetime(2026, 12, 7, 9, 5, tzinfo=dt.UTC)
WINTER_AFTERNOON = dt.datetime(2026, 12, 7, 14, 30, tzinfo=dt.UTC)


def test_a_date_has_no_leading_zero_and_its_month_in_full():
    assert uk_date(dt.date(2026, 12, 7)) == "7 December 2026"


def test_a_moment_is_written_at_its_uk_date_and_time_on_the_12_hour_clock():
    assert uk_date(SUMMER_NIGHT) == "1 July 2026"
    assert uk_datetime(SUMMER_NIGHT) == "1 July 2026 at 12:30am"
    assert uk_datetime(WINTER_MORNING) == "7 December 2026 at 9:05am"
    assert uk_datetime(WINTER_AFTERNOON) == "7 December 2026 at 2:30pm"


@pytest.mark.parametrize(
    ("hour", "minute", "words"),
    [(0, 0, "midnight"), (12, 0, "midday"), (9, 0, "9am"), (17, 0, "5pm"), (0, 15, "12:15am"), (12, 45, "12:45pm")],
)
def test_on_the_hour_there_are_no_minutes_and_midday_and_midnight_are_words(hour, minute, words):
    assert uk_time(dt.time(hour, minute)) == words


def test_a_deadline_names_its_weekday_after_the_time():
    # 17:00 BST on Friday 3 July 2026 is 16:00 UTC.
    assert uk_deadline(dt.datetime(2026, 7, 3, 16, 0, tzinfo=dt.UTC)) == "5pm on Friday 3 July 2026"


def test_tables_use_short_months_as_gov_uk_spells_them():
    assert uk_short_datetime(dt.datetime(2026, 9, 14, 13, 5, tzinfo=dt.UTC)) == "14 Sept 2026, 2:05pm"
    assert uk_short_datetime(dt.date(2026, 6, 1)) == "1 June 2026"
    assert uk_short_datetime(WINTER_AFTERNOON) == "7 Dec 2026, 2:30pm"


def test_nothing_is_written_for_no_date():
    assert uk_date(None) == uk_datetime(None) == uk_time(None) == uk_deadline(None) == uk_short_datetime(None) == ""


def test_templates_write_the_same_words():
    rendered = Template(
        "{{ when|house_date }} | {{ when|house_datetime }} | {{ when|house_time }} | {{ when|house_deadline }}"
        " | {{ when|house_short_datetime }}"
    ).render(Context({"when": SUMMER_NIGHT}))
    assert rendered == (
        f"{uk_date(SUMMER_NIGHT)} | {uk_datetime(SUMMER_NIGHT)} | {uk_time(SUMMER_NIGHT)} | "
        f"{uk_deadline(SUMMER_NIGHT)} | {uk_short_datetime(SUMMER_NIGHT)}"
    )
    assert rendered.startswith("1 July 2026 | 1 July 2026 at 12:30am | 12:30am | 12:30am on Wednesday 1 July 2026")


def test_a_template_given_text_that_is_not_a_moment_shows_it_unchanged():
    rendered = Template("{{ when|house_datetime }}/{{ when|house_time }}").render(Context({"when": "not yet"}))
    assert rendered == "not yet/not yet"


def test_a_date_kept_as_text_is_written_as_a_date_not_its_midnight():
    rendered = Template("{{ day|house_datetime }}/{{ moment|house_datetime }}").render(
        Context({"day": "2026-06-30", "moment": "2026-06-30T14:30:00+00:00"})
    )
    assert rendered == "30 June 2026/30 June 2026 at 3:30pm"


def test_a_day_has_no_time_and_its_deadline_is_the_day():
    assert uk_time(dt.date(2026, 7, 3)) == ""
    assert uk_deadline(dt.date(2026, 7, 3)) == "Friday 3 July 2026"
