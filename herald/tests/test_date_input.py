"""The GOV.UK date input (and time box) every form uses: UK order, GOV.UK's messages for what is wrong."""

import datetime as dt

import pytest
from django import forms
from django.template import Context, Template
from django.utils import timezone

from herald.forms import DateField, DateTimeField


class Example(forms.Form):
    event_date = DateField(label="Date of the event")
    when = DateTimeField(label="When should it go out?", name="the time it should go out", required=False)


def _errors(data):
    form = Example(data)
    form.is_valid()
    return {name: list(errors) for name, errors in form.errors.items()}


def test_day_month_and_year_make_a_date():
    form = Example({"event_date_day": "9", "event_date_month": "8", "event_date_year": "2027"})
    assert form.is_valid() and form.cleaned_data["event_date"] == dt.date(2027, 8, 9)


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("", "", ""), "Enter the date of the event"),
        (("9", "", "2027"), "The date of the event must include a month"),
        (("", "", "2027"), "The date of the event must include a day and a month"),
        (("31", "2", "2027"), "The date of the event must be a real date"),
        (("9", "8", "27"), "The date of the event must be a real date"),
        (("ninth", "8", "2027"), "The date of the event must be a real date"),
        # a day or month too big for the computer's calendar, typed or pasted into the box
        (("9999999999", "8", "2027"), "The date of the event must be a real date"),
        (("9", "9999999999", "2027"), "The date of the event must be a real date"),
    ],
)
def test_an_impossible_or_incomplete_date_gets_the_gov_uk_message(parts, message):
    day, month, year = parts
    assert _errors({"event_date_day": day, "event_date_month": month, "event_date_year": year})["event_date"] == [
        message
    ]


def test_a_date_and_time_is_read_in_the_councils_time_zone():
    form = Example(
        {
            "event_date": "09/08/2027",
            "when_day": "5",
            "when_month": "12",
            "when_year": "2027",
            "when_time": "2:30pm",
        }
    )
    assert form.is_valid(), form.errors
    assert timezone.localtime(form.cleaned_data["when"]).replace(tzinfo=None) == dt.datetime(2027, 12, 5, 14, 30)
    assert form.cleaned_data["event_date"] == dt.date(2027, 8, 9)  # one value, as older pages send it


@pytest.mark.parametrize(
    ("time", "message"),
    [
        ("", "The time it should go out must include a time, like 2:30pm or 14:30"),
        ("25:00", "The time it should go out must be a real time, like 2:30pm or 14:30"),
        ("13pm", "must be a real time, like 2:30pm or 14:30"),
        ("teatime", "must be a real time, like 2:30pm or 14:30"),
        # over-long input is refused whole, never cut short to what fits (this was read as 9am)
        ("9" + " " * 12 + "x", "must be a real time, like 2:30pm or 14:30"),
        ("9am" + " " * 20 + "tomorrow", "must be a real time, like 2:30pm or 14:30"),
        ("10:00am" + "0" * 10, "must be a real time, like 2:30pm or 14:30"),
    ],
)
def test_a_missing_or_impossible_time_is_explained(time, message):
    errors = _errors(
        {"event_date": "09/08/2027", "when_day": "5", "when_month": "12", "when_year": "2027", "when_time": time}
    )
    assert message in errors["when"][0]


def test_it_renders_as_the_gov_uk_date_input_with_labels_for_each_box():
    html = Template("{% load govuk %}{% govuk_field form.when %}").render(Context({"form": Example()}))
    assert '<fieldset class="govuk-fieldset" role="group"' in html
    assert "When should it go out? (optional)</legend>" in html
    for box in ("Day", "Month", "Year", "Time"):
        assert f">{box}</label>" in html
    assert 'name="when_day"' in html and 'name="when_time"' in html


@pytest.mark.parametrize(
    ("time", "clock"),
    [
        ("2:30pm", dt.time(14, 30)),
        ("2.30pm", dt.time(14, 30)),
        ("2:30 PM", dt.time(14, 30)),
        ("14:30", dt.time(14, 30)),
        ("9am", dt.time(9, 0)),
        ("9.05", dt.time(9, 5)),
        ("12pm", dt.time(12, 0)),
        ("12am", dt.time(0, 0)),
        ("midday", dt.time(12, 0)),
        ("Noon", dt.time(12, 0)),
        ("midnight", dt.time(0, 0)),
    ],
)
def test_the_time_box_takes_the_ways_people_write_a_time(time, clock):
    form = Example(
        {"event_date": "09/08/2027", "when_day": "5", "when_month": "12", "when_year": "2027", "when_time": time}
    )
    assert form.is_valid(), form.errors
    assert timezone.localtime(form.cleaned_data["when"]).time() == clock


def test_the_hint_gives_a_time_in_house_style_and_on_the_24_hour_clock():
    assert Example().fields["when"].help_text == "For example, 27 3 2027 and 2:30pm or 14:30"


@pytest.mark.parametrize(
    ("value", "local"),
    [
        ("2027-12-05T14:30", dt.datetime(2027, 12, 5, 14, 30)),
        ("05/12/2027 14:30", dt.datetime(2027, 12, 5, 14, 30)),
        ("05/12/2027 2:30pm", dt.datetime(2027, 12, 5, 14, 30)),
        ("2027-07-05 midday", dt.datetime(2027, 7, 5, 12, 0)),
    ],
)
def test_one_value_takes_a_date_and_a_time_written_either_way(value, local):
    form = Example({"event_date": "09/08/2027", "when": value})
    assert form.is_valid(), form.errors
    assert timezone.localtime(form.cleaned_data["when"]).replace(tzinfo=None) == local


def test_a_posts_time_hint_gives_both_clocks_too():
    from herald.posts.forms import ScheduleField

    assert (
        ScheduleField().help_text
        == "For example, 28 11 2026 and 9:30am or 09:30. You need it before sending for approval."
    )


def test_one_value_padded_with_spaces_gets_the_usual_message():
    # One value, as older forms and scripts send it, with a long run of spaces in its time: the usual
    # message, not a server error. How long it takes (it once took minutes: the optional spaces between
    # "9", "am" and "BST" could each take any share of the run) is measured in bench/time_input_padding.py.
    errors = _errors({"event_date": "09/08/2027", "when": "05/12/2027 9" + " " * 1500 + "x"})
    assert errors["when"] == ["The time it should go out must be a real date and time"]


def test_a_time_with_spaces_between_its_parts_is_still_read():
    form = Example(
        {
            "event_date": "09/08/2027",
            "when_day": "5",
            "when_month": "12",
            "when_year": "2027",
            "when_time": " 2:30  pm ",
        }
    )
    assert form.is_valid(), form.errors
    assert timezone.localtime(form.cleaned_data["when"]).time() == dt.time(14, 30)


def test_an_over_long_time_is_shown_back_in_the_gov_uk_error_summary_as_typed():
    typed = "9" + " " * 12 + "x"
    form = Example(
        {"event_date": "09/08/2027", "when_day": "5", "when_month": "12", "when_year": "2027", "when_time": typed}
    )
    assert not form.is_valid()
    summary = Template("{% load govuk %}{% govuk_error_summary form %}").render(Context({"form": form}))
    assert '<a href="#id_when_day">The time it should go out must be a real time' in summary
