"""The moderation part of the committee report: figures counted from the inbox's records for a period."""

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
import time_machine

from herald.figures import Period
from herald.moderation import services
from herald.moderation.models import Comment
from herald.moderation.report import sections
from herald.reports import document
from herald.reports import services as reports
from testing.factories import AccountFactory, CouncillorFactory, comment

LONDON = ZoneInfo("Europe/London")
MARCH = Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))


def _at(day, hour, minute=0):
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=LONDON)


@pytest.fixture
def activity(db, editor, monitoring_officer):
    """In March 2026 (Monday 2nd onwards): four comments on two accounts, one answered within the hour,
    one the next morning (past the eight-hour target), one hidden as spam, one abusing a councillor."""
    parks = AccountFactory(display_name="Parks and Open Spaces", platform="facebook")
    news = AccountFactory(display_name="Council News", platform="x")
    CouncillorFactory(first_name="Stuart", last_name="Bray")
    with time_machine.travel(_at(2, 9), tick=False) as clock:
        quick = comment(parks, "What time does the tip open on Sunday?")
        slow = comment(parks, "When are the bins collected on Elm Street?")
        spam = comment(news, "Cheap watches at my shop, visit now", platform="x")
        comment(
            news,
            "Cllr Stuart Bray is a disgrace, I know where he lives",
            platform="x",
            author_handle="angryresident",
            author_name="Angry Resident",
        )
        clock.move_to(_at(2, 9, 30))
        services.hide_comment(spam, by=editor, reason="spam")
        clock.move_to(_at(2, 10))
        services.record_status(quick, by=editor, status=Comment.Status.NO_ACTION)
        clock.move_to(_at(3, 9))
        services.record_status(slow, by=editor, status=Comment.Status.NO_ACTION)
    with time_machine.travel(dt.datetime(2026, 2, 27, 10, 0, tzinfo=LONDON), tick=False):
        comment(parks, "A February comment, before the period")


def _words(part):
    return json.dumps(part.as_dict())


def test_the_figures_are_counted_from_the_inbox_for_the_period(activity):
    [part] = sections(MARCH)

    assert part.key == "moderation"
    assert not part.is_empty
    chart = part.charts[0]
    assert dict(zip(chart.labels, chart.values, strict=True)) == {
        "Parks and Open Spaces (Facebook)": 2,
        "Council News (X (formerly Twitter))": 2,
    }
    assert sum(chart.values) == 4  # February's comment is left out
    first = part.paragraphs[0]
    assert "4 comments and messages were received" in first
    # Handled after 0 (escalated on arrival), 30, 60 and 495 business minutes: median 45; the target is 8 hours.
    assert "4 of them were handled, the median in 45 minutes of business hours" in first
    assert "75.0% within the response target" in first
    tables = {table.caption: table for table in part.tables}
    assert tables["Comments hidden and deleted, by reason"].rows == [
        ["Spam, scams or advertising", 1, 0, 1],
        ["Total", 1, 0, 1],
    ]
    flags = {row[0]: row[1] for row in tables["Flags raised on comments"].rows}
    assert flags["Threat to a person"] == 1
    assert flags["Possible freedom of information request"] == 0
    cases = tables["Councillor-abuse cases"].rows
    assert [row[0] for row in cases] == ["Cllr Stuart Bray"]
    assert cases[0][2] == "Still open"
    assert "1 councillor-abuse case was opened and 0 were closed" in " ".join(part.paragraphs)


def test_the_people_who_abused_a_councillor_are_never_named(activity):
    [part] = sections(MARCH)

    text = _words(part)
    assert "Stuart Bray" in text
    assert "angryresident" not in text
    assert "Angry Resident" not in text
    assert "I know where he lives" not in text


def test_a_period_with_no_activity_says_so_in_plain_words(activity):
    [part] = sections(Period(dt.date(2025, 4, 1), dt.date(2025, 4, 30)))

    assert part.is_empty
    assert part.empty_text.startswith(
        "No comments or messages were received on the council's accounts from 1 April 2025 to 30 April 2025"
    )


def test_the_committee_report_draft_shows_the_moderation_figures(activity, comms_officer, monitoring_officer):
    report = reports.start_report(
        title="Social Media Policy and Guidelines: annual review",
        committee="Ethical Governance and Personnel Committee",
        meeting_date=dt.date(2026, 6, 1),
        report_of="Director Corporate Services",
        period_start=MARCH.start,
        period_end=MARCH.end,
        officer=monitoring_officer,
        by=comms_officer,
    )

    background = next(section for section in document.build(report).sections if section.key == "background")
    moderation = next(block.part for block in background.blocks if block.part and block.part.key == "moderation")
    assert not moderation.is_empty
    assert moderation.title == "Moderation of comments"
    assert "4 comments and messages were received" in moderation.paragraphs[0]


def test_a_councillor_abuse_case_opened_and_closed_just_after_midnight_in_summer_is_dated_the_uk_day(db):
    from herald.moderation.models import CouncillorAbuseCase

    # given a case opened at 00:20 BST on 1 July 2026 and closed at 00:40 BST on 3 July (23:xx UTC the day before)
    councillor = CouncillorFactory(first_name="Stuart", last_name="Bray")
    CouncillorAbuseCase.objects.create(
        councillor=councillor,
        why="Threats",
        opened_at=dt.datetime(2026, 6, 30, 23, 20, tzinfo=dt.UTC),
        closed_at=dt.datetime(2026, 7, 2, 23, 40, tzinfo=dt.UTC),
    )
    # when the report covers July
    [part] = sections(Period(dt.date(2026, 7, 1), dt.date(2026, 7, 31)))
    # then the case is dated the UK days it was opened and closed
    cases = {table.caption: table for table in part.tables}["Councillor-abuse cases"].rows
    assert [row[:3] for row in cases] == [["Cllr Stuart Bray", "1 Jul 2026", "3 Jul 2026"]]
