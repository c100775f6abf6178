"""The policy section of the committee report and the communications team's home panel date things by
the UK day, summer and winter (not the UTC day, which is a day out just after midnight in summer)."""

import datetime as dt

import pytest
import time_machine

from herald.figures import Period
from herald.policies import report
from herald.policies.models import AdviceRequest, Consultation, PolicyVersion

pytestmark = pytest.mark.django_db

# 00:30 BST on Wednesday 1 July 2026 is 23:30 UTC on Tuesday 30 June.
JUST_AFTER_MIDNIGHT = dt.datetime(2026, 6, 30, 23, 30, tzinfo=dt.UTC)


def test_a_version_published_just_after_midnight_in_summer_is_dated_the_uk_day(policy_documents):
    # given a version of the employees' policy published at 00:30 BST on 1 July
    version = policy_documents["employee-policy"].published_version
    PolicyVersion.objects.filter(pk=version.pk).update(published_at=JUST_AFTER_MIDNIGHT)
    # when the report covers July
    part = report.policy_changes(Period(dt.date(2026, 7, 1), dt.date(2026, 7, 31)))
    # then the table and the paragraph both say 1 July
    (table,) = part.tables
    assert table.rows[0][2] == "1 July 2026"
    assert f"Version {version.number} of the" in part.paragraphs[0]
    assert "was published on 1 July 2026" in part.paragraphs[0]


def test_a_consultation_opened_just_after_midnight_in_summer_is_dated_the_uk_day(policy_documents, comms_officer):
    version = policy_documents["employee-policy"].published_version
    Consultation.objects.create(
        version=version,
        consultees=Consultation.Consultees.UNION,
        group_name="Unison",
        opened_at=JUST_AFTER_MIDNIGHT,
        closes_on=dt.date(2026, 7, 14),
        opened_by=comms_officer,
    )
    part = report.consultation(Period(dt.date(2026, 7, 1), dt.date(2026, 7, 31)))
    assert "from 1 July 2026 to 14 July 2026" in part.paragraphs[0]


def test_an_advice_request_made_just_after_midnight_in_summer_shows_the_uk_day_on_the_home_page(
    client, comms_officer, employee
):
    AdviceRequest.objects.create(
        person=employee, text="Off to the market", platform="facebook", created_at=JUST_AFTER_MIDNIGHT
    )
    client.force_login(comms_officer)
    with time_machine.travel(dt.datetime(2026, 7, 1, 9, 0, tzinfo=dt.UTC), tick=False):
        page = client.get("/").content.decode()
    assert f"{employee.full_name} asks: can I post this?" in page
    assert "1 July 2026" in page
    assert "30 June 2026" not in page
