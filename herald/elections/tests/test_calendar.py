"""The latest date for the notice of election: 25 working days before the poll.

Each expected date below was counted by hand, backwards from the day before the poll, leaving out
weekends, Christmas Eve, Christmas Day, Good Friday, bank holidays in England and Wales and any
council-added day. These tests need no database."""

import datetime as dt

from herald.elections.calendar import FixedHolidays, easter_sunday, latest_notice_date, long_date

D = dt.date


def _weekday_skips(deadline):
    return {day.date: day.reason for day in deadline.skipped if day.date.weekday() < 5}


def test_a_poll_on_2_may_2024_gives_26_march_2024():
    # Thu 2 May 2024. Counting back: 1 May, 30, 29 Apr (3); 26-22 Apr (8); 19-15 (13); 12-8 (18);
    # 5-2 Apr (22), skipping Easter Monday 1 April; 28, 27, 26 March (25), skipping Good Friday 29 March.
    # The LGA gave the same date for the 2024 elections.
    deadline = latest_notice_date(D(2024, 5, 2))

    assert deadline.latest_notice_date == D(2024, 3, 26)
    assert _weekday_skips(deadline) == {D(2024, 3, 29): "Good Friday", D(2024, 4, 1): "Bank holiday: Easter Monday"}
    assert deadline.is_certain and deadline.warnings == []


def test_a_poll_on_1_may_2025_gives_25_march_2025():
    # Thu 1 May 2025: 30-28 Apr (3); 25-22 Apr (7), skipping Easter Monday 21 Apr; 17-14 Apr (11),
    # skipping Good Friday 18 Apr; 11-7 Apr (16); 4 Apr-31 Mar (21); 28-25 Mar (25).
    deadline = latest_notice_date(D(2025, 5, 1))

    assert deadline.latest_notice_date == D(2025, 3, 25)
    assert set(_weekday_skips(deadline)) == {D(2025, 4, 18), D(2025, 4, 21)}


def test_a_poll_on_7_may_2026_also_skips_the_early_may_bank_holiday():
    # Thu 7 May 2026: 6, 5 May (2), skipping the early May bank holiday on 4 May; 1 May-27 Apr (7);
    # 24-20 Apr (12); 17-13 Apr (17); 10-7 Apr (21), skipping Easter Monday 6 Apr;
    # 2 Apr-30 Mar (25), skipping Good Friday 3 Apr.
    deadline = latest_notice_date(D(2026, 5, 7))

    assert deadline.latest_notice_date == D(2026, 3, 30)
    assert _weekday_skips(deadline) == {
        D(2026, 4, 3): "Good Friday",
        D(2026, 4, 6): "Bank holiday: Easter Monday",
        D(2026, 5, 4): "Bank holiday: Early May bank holiday",
    }


def test_the_may_2027_borough_elections_give_31_march_2027():
    # Thu 6 May 2027: 5, 4 May (2), skipping 3 May; 30-26 Apr (7); 23-19 (12); 16-12 (17); 9-5 (22);
    # 2 Apr-31 Mar (25). Easter 2027 (Good Friday 26 March) falls before the window.
    assert latest_notice_date(D(2027, 5, 6)).latest_notice_date == D(2027, 3, 31)


def test_a_late_january_by_election_skips_christmas_and_new_year():
    # Thu 28 Jan 2027: 27-25 Jan (3); 22-18 (8); 15-11 (13); 8-4 (18); New Year's Day Fri 1 Jan skipped;
    # 31-29 Dec (21); Boxing Day's substitute Mon 28 Dec, Christmas Day Fri 25 and Christmas Eve Thu 24
    # skipped; 23-21 Dec (24); Fri 18 Dec (25).
    deadline = latest_notice_date(D(2027, 1, 28))

    assert deadline.latest_notice_date == D(2026, 12, 18)
    assert _weekday_skips(deadline) == {
        D(2026, 12, 24): "Christmas Eve",
        D(2026, 12, 25): "Christmas Day",
        D(2026, 12, 28): "Bank holiday: Boxing Day (substitute day)",
        D(2027, 1, 1): "Bank holiday: New Year's Day",
    }


def test_christmas_eve_on_a_weekend_gives_both_reasons():
    # Christmas Eve 2022 was a Saturday: it is skipped once, with both reasons.
    deadline = latest_notice_date(D(2023, 1, 19))

    reasons = {day.date: day.reasons for day in deadline.skipped}
    assert reasons[D(2022, 12, 24)] == ("Saturday", "Christmas Eve")
    assert reasons[D(2022, 12, 25)] == ("Sunday", "Christmas Day")


def test_maundy_thursday_counts_as_a_working_day():
    # Removed from the list by the Electoral Administration Act 2006.
    deadline = latest_notice_date(D(2024, 5, 2))

    assert D(2024, 3, 28) not in {day.date for day in deadline.skipped}


def test_a_day_of_mourning_the_council_adds_moves_the_date_one_working_day_earlier():
    # Wednesday 10 April 2024 made a day of mourning: one more day to skip, so Monday 25 March.
    deadline = latest_notice_date(D(2024, 5, 2), extra_days={D(2024, 4, 10): "Day of public mourning"})

    assert deadline.latest_notice_date == D(2024, 3, 25)
    assert _weekday_skips(deadline)[D(2024, 4, 10)] == "Council-added day: Day of public mourning"


def test_a_council_added_day_on_a_weekend_changes_nothing():
    deadline = latest_notice_date(D(2024, 5, 2), extra_days={D(2024, 4, 13): "Day of thanksgiving"})

    assert deadline.latest_notice_date == D(2024, 3, 26)


def test_polls_beyond_the_bank_holiday_list_are_flagged_not_silently_counted():
    # The bundled list ends in 2028. Good Friday is still known (it is worked out from Easter);
    # Easter Monday 2029 is not, so the date is flagged as uncertain.
    deadline = latest_notice_date(D(2029, 5, 3))

    assert not deadline.is_certain
    assert deadline.unknown_years == (2029,)
    assert "does not cover 2029" in deadline.warnings[0]
    assert D(2029, 3, 30) in {day.date for day in deadline.skipped}  # Good Friday 2029


def test_the_holiday_source_can_be_replaced():
    # Only two made-up bank holidays known, for 2030; the window is inside it.
    source = FixedHolidays({D(2030, 6, 3): "Test holiday", D(2030, 6, 4): "Another"})

    deadline = latest_notice_date(D(2030, 6, 27), holidays=source)

    # Thu 27 June 2030: 26-24 (3); 21-17 (8); 14-10 (13); 7-5 (16), skipping 4 and 3 June;
    # 31-27 May (21); 24-21 May (25), so Tuesday 21 May.
    assert deadline.latest_notice_date == D(2030, 5, 21)
    assert deadline.is_certain


def test_easter_is_worked_out_for_any_year():
    assert [easter_sunday(year) for year in (2024, 2025, 2026, 2029, 2038)] == [
        D(2024, 3, 31),
        D(2025, 4, 20),
        D(2026, 4, 5),
        D(2029, 4, 1),
        D(2038, 4, 25),
    ]


def test_dates_are_written_the_gov_uk_way():
    assert long_date(D(2024, 3, 26)) == "Tuesday 26 March 2024"
