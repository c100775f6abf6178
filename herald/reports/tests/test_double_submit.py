"""Pressing "Draft the report" twice drafts one committee report: the form carries a one-time key."""

import pytest

from herald.reports.models import CommitteeReport
from testing.forms import submission_key

pytestmark = pytest.mark.django_db


def test_starting_a_report_twice_with_one_form_drafts_one_report(client, comms_officer, monitoring_officer):
    client.force_login(comms_officer)
    page = client.get("/reports/new/").content.decode()
    key = submission_key(page)
    form = {
        "title": "Social Media Policy and Guidelines: annual review",
        "committee": "Ethical Governance and Personnel Committee",
        "report_of": "Director Corporate Services",
        "meeting_date": "2026-12-01",
        "period_start": "2026-01-01",
        "period_end": "2026-06-30",
        "officer": monitoring_officer.pk,
        "submission_key": key,
    }

    first, second = (client.post("/reports/new/", form) for _ in range(2))

    report = CommitteeReport.objects.get()
    assert first["Location"] == second["Location"] == f"/reports/{report.pk}/"
