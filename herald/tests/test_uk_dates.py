"""One way of writing dates for people (`herald.dates`): "7 December 2026" and "7 December 2026 at 14:30",
at the UK time of a moment stored in UTC; the same words on pages and in sentences written in Python."""

import datetime as dt

from django.template import Context, Template

from herald.dates import uk_date, uk_datetime

# 23:30 UTC on 30 June 2026 is 00:30 BST on 1 July; 09:05 UTC on 7 December 2026 is 09:05 GMT.
SUMMER_NIGHT = dt.datetime(2026, 6, 30, 23, 30, tzinfo=dt.UTC)
WINTER_MORNING = dt.datetime(2026, 12, 7, 9, 5, tzinfo=dt.UTC)


def test_a_date_has_no_leading_zero_and_its_month_in_full():
    assert uk_date(dt.date(2026, 12, 7)) == "7 December 2026"


def test_a_moment_is_written_at_its_uk_date_and_time():
    assert uk_date(SUMMER_NIGHT) == "1 July 2026"
    assert uk_datetime(SUMMER_NIGHT) == "1 July 2026 at 00:30"
    assert uk_datetime(WINTER_MORNING) == "7 December 2026 at 09:05"


def test_nothing_is_written_for_no_date():
    assert uk_date(None) == uk_datetime(None) == ""


def test_templates_write_the_same_words():
    rendered = Template("{{ when|house_date }} | {{ when|house_datetime }}").render(Context({"when": SUMMER_NIGHT}))
    assert rendered == f"{uk_date(SUMMER_NIGHT)} | {uk_datetime(SUMMER_NIGHT)}"
