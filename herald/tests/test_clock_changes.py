"""Times typed in the hours the UK's clocks change: the hour skipped in March is refused, the hour
repeated in October must say which (BST, the first; GMT, the second), on a real form (recording when a
post went out)."""

import datetime as dt

import pytest

from herald.posts.forms import PublishForm

URL = "https://www.facebook.com/council/posts/1"


def _form(day, month, year, time):
    return PublishForm(
        {
            "url": URL,
            "published_at_day": day,
            "published_at_month": month,
            "published_at_year": year,
            "published_at_time": time,
        }
    )


@pytest.mark.parametrize(("time", "shown"), [("1:30", "1:30am"), ("1.00", "1am"), ("1:59am", "1:59am")])
def test_a_time_in_the_hour_the_clocks_go_forward_is_refused(time, shown):
    form = _form("29", "3", "2026", time)
    assert not form.is_valid()
    (message,) = form.errors["published_at"]
    assert message.startswith(f"{shown} on 29 March 2026 does not exist in the UK: clocks went forward an hour at 1am")


@pytest.mark.parametrize("time", ["1:30", "01:05", "1:59am"])
def test_a_time_in_the_hour_the_clocks_go_back_must_say_which(time):
    form = _form("25", "10", "2026", time)
    assert not form.is_valid()
    (message,) = form.errors["published_at"]
    assert "on 25 October 2026 happens twice in the UK: clocks went back" in message
    assert "BST" in message and "GMT" in message


def test_bst_or_gmt_after_a_repeated_time_picks_the_first_or_the_second():
    first, second = _form("25", "10", "2026", "1:30 BST"), _form("25", "10", "2026", "1:30am gmt")
    assert first.is_valid(), first.errors
    assert second.is_valid(), second.errors
    assert first.cleaned_data["published_at"] == dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC)
    assert second.cleaned_data["published_at"] == dt.datetime(2026, 10, 25, 1, 30, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("day", "month", "time", "utc"),
    [
        ("29", "3", "0:59", dt.datetime(2026, 3, 29, 0, 59)),  # GMT, just before the clocks go forward
        ("29", "3", "2:00", dt.datetime(2026, 3, 29, 1, 0)),  # BST, as they have
        ("25", "10", "0:59", dt.datetime(2026, 10, 24, 23, 59)),  # BST still
        ("25", "10", "2:00", dt.datetime(2026, 10, 25, 2, 0)),  # GMT
        ("12", "7", "14:30 BST", dt.datetime(2026, 7, 12, 13, 30)),  # naming the zone on any other day is harmless
    ],
)
def test_times_either_side_of_the_change_are_read_as_before(day, month, time, utc):
    form = _form(day, month, "2026", time)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["published_at"] == utc.replace(tzinfo=dt.UTC)


@pytest.mark.parametrize("value", ["2026-10-25T01:30", "25/10/2026 1:30am"])
def test_a_single_value_in_the_repeated_hour_is_told_to_say_bst_or_gmt(value):
    form = PublishForm({"url": URL, "published_at": value})
    assert not form.is_valid()
    (message,) = form.errors["published_at"]
    assert "1:30am on 25 October 2026 happens twice in the UK" in message
    assert "(like 1:30am BST)" in message and "GMT for the second" in message


@pytest.mark.parametrize(
    ("value", "utc"),
    [
        ("2026-10-25T01:30 BST", dt.datetime(2026, 10, 25, 0, 30)),
        ("25/10/2026 1:30am BST", dt.datetime(2026, 10, 25, 0, 30)),
        ("25/10/2026 1:30am GMT", dt.datetime(2026, 10, 25, 1, 30)),
        ("2027-10-31 01:15 gmt", dt.datetime(2027, 10, 31, 1, 15)),
    ],
)
def test_a_single_value_in_the_repeated_hour_may_say_bst_or_gmt(value, utc):
    form = PublishForm({"url": URL, "published_at": value})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["published_at"] == utc.replace(tzinfo=dt.UTC)


def test_a_single_value_in_the_missing_hour_is_refused_too():
    form = PublishForm({"url": URL, "published_at": "2026-03-29T01:30"})
    assert not form.is_valid()
    assert "does not exist in the UK" in form.errors["published_at"][0]


@pytest.mark.parametrize(
    ("day", "month", "time", "shown"),
    [
        ("1", "7", "14:30 GMT", "2:30pm on 1 July 2026 is BST in the UK, not GMT"),
        ("15", "1", "9am BST", "9am on 15 January 2026 is GMT in the UK, not BST"),
    ],
)
def test_a_zone_that_is_not_the_uk_one_that_day_is_refused_not_read_as_the_other(day, month, time, shown):
    form = _form(day, month, "2026", time)
    assert not form.is_valid()
    (message,) = form.errors["published_at"]
    assert message.startswith(shown)


def test_the_zone_the_uk_is_on_that_day_may_be_typed():
    summer, winter = _form("1", "7", "2026", "14:30 BST"), _form("15", "1", "2026", "9am gmt")
    assert summer.is_valid() and winter.is_valid()
    assert summer.cleaned_data["published_at"] == dt.datetime(2026, 7, 1, 13, 30, tzinfo=dt.UTC)
    assert winter.cleaned_data["published_at"] == dt.datetime(2026, 1, 15, 9, 0, tzinfo=dt.UTC)
