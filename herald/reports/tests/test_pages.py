"""The report's pages, followed as the communications team and the named officer use them."""

import datetime as dt
import io

from django.utils import timezone
from docx import Document as WordDocument

from herald.reports import services
from herald.reports.models import CommitteeReport


def test_comms_start_a_report_edit_it_send_it_and_the_officer_signs_it_off(
    client, comms_officer, monitoring_officer, activity
):
    today = timezone.localdate()
    # given the communications team starts a report
    client.force_login(comms_officer)
    response = client.post(
        "/reports/new/",
        {
            "title": "Social Media Policy and Guidelines",
            "committee": "Ethical Governance and Personnel Committee",
            "meeting_date": (today + dt.timedelta(days=30)).isoformat(),
            "report_of": "Director Corporate Services",
            "period_start": (today - dt.timedelta(days=60)).isoformat(),
            "period_end": today.isoformat(),
            "officer": monitoring_officer.pk,
        },
    )
    report = CommitteeReport.objects.get()
    assert response["Location"] == f"/reports/{report.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "3. Background to the report" in page
    assert "HBBC Leisure" in page
    # when they edit the recommendation
    form = client.get(f"/reports/{report.pk}/edit/").context["form"]
    data = {name: value for name, value in form.initial.items() if not name.startswith("section_")}
    data.update(
        {
            "meeting_date": report.meeting_date.isoformat(),
            "period_start": report.period_start.isoformat(),
            "period_end": report.period_end.isoformat(),
            "officer": monitoring_officer.pk,
            "checklist": ["ict"],
            **{f"section_{key}": value for key, value in report.narrative.items()},
            "section_recommendation": "Agree and note the updated policy.",
        }
    )
    assert client.post(f"/reports/{report.pk}/edit/", data).status_code == 302
    assert "2.1" in client.get(f"/reports/{report.pk}/").content.decode()
    client.post(f"/reports/{report.pk}/send/")
    # then the named officer signs it off
    client.force_login(monitoring_officer)
    assert "Committee reports to sign off" in client.get("/").content.decode()
    seen = _seen(client.get(f"/reports/{report.pk}/sign-off/").content.decode())
    client.post(f"/reports/{report.pk}/sign-off/", {"seen": seen})
    report.refresh_from_db()
    assert report.is_signed
    download = client.get(f"/reports/{report.pk}/report.docx")
    assert download["Content-Disposition"].endswith('.docx"')
    word = WordDocument(io.BytesIO(download.content))
    assert "2.1\tAgree and note the updated policy." in [p.text for p in word.paragraphs]
    # and nobody can edit it any more
    client.force_login(comms_officer)
    assert client.get(f"/reports/{report.pk}/edit/").status_code == 302


def test_a_missing_officer_and_a_backwards_period_are_shown_as_errors(client, comms_officer):
    client.force_login(comms_officer)

    page = client.post(
        "/reports/new/",
        {
            "title": "T",
            "committee": "C",
            "report_of": "R",
            "meeting_date": "2026-12-01",
            "period_start": "2026-06-01",
            "period_end": "2026-01-01",
        },
    ).content.decode()

    assert "Choose the officer who signs the report off" in page
    assert "The end of the period must be on or after its start" in page


def test_someone_else_cannot_read_or_sign_a_report(client, report, employee, service_manager):
    client.force_login(employee)
    assert client.get(f"/reports/{report.pk}/").status_code == 404
    assert client.post(f"/reports/{report.pk}/sign-off/").status_code == 404
    report.refresh_from_db()
    assert not report.is_signed


def _seen(page: str) -> str:
    marker = 'name="seen" value="'
    assert marker in page, "the sign-off form carries the version of the report the officer is signing"
    start = page.index(marker) + len(marker)
    return page[start : page.index('"', start)]


def test_the_officer_cannot_sign_words_changed_after_they_opened_the_sign_off_page(
    client, report, comms_officer, monitoring_officer
):
    # given the officer opens the sign-off page
    client.force_login(monitoring_officer)
    seen = _seen(client.get(f"/reports/{report.pk}/sign-off/").content.decode())
    # when the communications team changes the recommendation meanwhile
    services.edit_report(
        report,
        narrative={**report.narrative, "recommendation": "That the committee approves a new policy."},
        checklist=[],
        period_start=report.period_start,
        period_end=report.period_end,
        officer=monitoring_officer,
        by=comms_officer,
    )
    # then signing from the page they opened is refused, and says why
    response = client.post(f"/reports/{report.pk}/sign-off/", {"seen": seen}, follow=True)
    report.refresh_from_db()
    assert not report.is_signed
    assert "changed since you opened" in response.content.decode()
    # and once they open it again, they can sign what they now see
    seen = _seen(client.get(f"/reports/{report.pk}/sign-off/").content.decode())
    client.post(f"/reports/{report.pk}/sign-off/", {"seen": seen})
    report.refresh_from_db()
    assert report.is_signed


def test_a_welsh_title_gives_downloads_named_after_it(client, report, comms_officer, monitoring_officer):
    services.edit_report(
        report,
        narrative=report.narrative,
        checklist=[],
        period_start=report.period_start,
        period_end=report.period_end,
        officer=monitoring_officer,
        by=comms_officer,
        title="Polisi'r Cyfryngau Cymdeithasol: adolygiad blynyddol ŵ ŷ",
    )
    client.force_login(comms_officer)

    header = client.get(f"/reports/{report.pk}/report.docx")["Content-Disposition"]

    # RFC 6266: the UTF-8 name in filename*, never the whole header MIME-encoded
    assert header.startswith("attachment; filename")
    assert "cymdeithasol-adolygiad-blynyddol-%C5%B5-%C5%B7.docx" in header


def test_a_period_at_the_end_of_the_calendar_is_refused_on_the_form_not_a_server_error(
    client, comms_officer, monitoring_officer
):
    client.force_login(comms_officer)

    response = client.post(
        "/reports/new/",
        {
            "title": "Social Media Policy and Guidelines",
            "committee": "Ethical Governance and Personnel Committee",
            "meeting_date": "2026-12-01",
            "report_of": "Director Corporate Services",
            "period_start": "9999-12-01",
            "period_end": "9999-12-31",
            "officer": monitoring_officer.pk,
        },
    )

    assert response.status_code == 200
    assert "The figures cannot start on a day that has not happened yet" in response.content.decode()
    assert not CommitteeReport.objects.exists()
