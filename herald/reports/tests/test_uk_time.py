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
