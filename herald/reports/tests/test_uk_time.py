"""Dates and times the committee report and the dashboards show are UK times, summer and winter."""

import datetime as dt

import pytest
import time_machine

from herald.reports import document, services

pytestmark = pytest.mark.django_db


def test_a_report_signed_off_just_after_midnight_in_summer_says_the_uk_date(comms_officer, monitoring_officer):
    with time_machine.travel(dt.datetime(2026, 6, 20, 12, 0, tzinfo=dt.UTC), tick=False):
        report = services.start_report(
            title="Social Media Policy and Guidelines: annual review",
            committee="Ethical Governance and Personnel Committee",
            meeting_date=dt.date(2026, 7, 14),
            report_of="Director Corporate Services",
            period_start=dt.date(2025, 6, 1),
            period_end=dt.date(2026, 5, 31),
            officer=monitoring_officer,
            by=comms_officer,
        )
    # 00:30 BST on Wednesday 1 July is 23:30 UTC on 30 June.
    with time_machine.travel(dt.datetime(2026, 6, 30, 23, 30, tzinfo=dt.UTC), tick=False):
        signed = services.sign_off_report(report, by=monitoring_officer)

    assert document.build(signed).signed == f"Signed off by {monitoring_officer.full_name} on 1 July 2026"


def test_the_findings_trend_counts_and_names_weeks_in_uk_time_across_the_clocks_going_forward(editor):
    from herald.posts.models import PostFinding
    from herald.posts.tests.factories import PostFactory
    from herald.reports import home

    # given a finding on a post submitted at 00:15 on Monday 23 March 2026 (GMT, the week before BST began)
    post = PostFactory(author=editor, submitted_at=dt.datetime(2026, 3, 23, 0, 15, tzinfo=dt.UTC))
    PostFinding.objects.create(post=post, rule="phone-number", severity="block")
    # when the dashboard is drawn at 00:30 BST on Monday 30 March 2026 (23:30 UTC on Sunday 29 March)
    now = dt.datetime(2026, 3, 29, 23, 30, tzinfo=dt.UTC)
    with time_machine.travel(now, tick=False):
        chart = home.publishing(now)["chart"]
    # then each week runs from Monday 00:30 to Monday 00:30 in the UK and is named for its Monday
    assert chart.labels == [
        "Week to 9 Feb",
        "Week to 16 Feb",
        "Week to 23 Feb",
        "Week to 2 Mar",
        "Week to 9 Mar",
        "Week to 16 Mar",
        "Week to 23 Mar",
        "Week to 30 Mar",
    ]
    # and the finding falls in the week to Monday 23 March 00:30
    assert chart.values == [0, 0, 0, 0, 0, 0, 1, 0]


def test_a_block_overridden_just_after_midnight_in_summer_is_dated_the_uk_day_in_the_report(editor, comms_officer):
    from herald.figures import Period
    from herald.posts.models import Post
    from herald.posts.report import posts
    from herald.posts.tests.factories import PostFactory

    # given a block overridden at 00:30 BST on Wednesday 1 July 2026 (23:30 UTC on 30 June)
    post = PostFactory(author=editor, submitted_at=dt.datetime(2026, 6, 30, 20, 0, tzinfo=dt.UTC))
    Post.objects.filter(pk=post.pk).update(
        override_at=dt.datetime(2026, 6, 30, 23, 30, tzinfo=dt.UTC),
        override_by=comms_officer,
        override_justification="The number is the leisure centre's public booking line.",
        override_rules=["phone-number"],
    )
    # when the report covers July
    part = posts(Period(dt.date(2026, 7, 1), dt.date(2026, 7, 31)))
    # then the override is in July's table, dated the day it was made in the UK
    (table,) = [table for table in part.tables if table.caption.startswith("Blocks overridden")]
    assert [row[0] for row in table.rows] == ["1 Jul 2026"]
