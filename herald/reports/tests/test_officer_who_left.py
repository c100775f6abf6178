"""A committee report cannot be given, on editing, a named officer who has left the council: they
could never sign it off (sending it for sign-off already refused them)."""

import pytest

from herald.errors import Refused
from herald.reports import services
from testing.factories import PersonFactory


@pytest.fixture
def leaver(team):
    return PersonFactory(team=team, first_name="Lena", last_name="Gone", is_active=False)


def test_editing_a_report_to_name_an_officer_who_has_left_is_refused(report, comms_officer, monitoring_officer, leaver):
    with pytest.raises(Refused, match="has left the council") as refused:
        services.edit_report(
            report,
            narrative=report.narrative,
            checklist=report.checklist,
            period_start=report.period_start,
            period_end=report.period_end,
            officer=leaver,
            by=comms_officer,
        )
    assert list(refused.value.message_dict) == ["officer"]
    report.refresh_from_db()
    assert report.officer == monitoring_officer


def test_the_edit_form_says_why_an_officer_who_has_left_cannot_be_named(client, report, comms_officer, leaver):
    client.force_login(comms_officer)
    form = {
        "title": report.title,
        "committee": report.committee,
        "meeting_date": report.meeting_date.isoformat(),
        "report_of": report.report_of,
        "period_start": report.period_start.isoformat(),
        "period_end": report.period_end.isoformat(),
        "officer": leaver.pk,
    }
    response = client.post(f"/reports/{report.pk}/edit/", form)
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "Choose a named officer who still works for the council" in page
    report.refresh_from_db()
    assert report.officer != leaver
