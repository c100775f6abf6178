"""Drafting, editing and signing off a committee report, and the figures it is drafted with."""

import datetime as dt

import pytest
from django.utils import timezone

from herald.audit.models import AuditEvent
from herald.errors import Refused
from herald.figures import Period
from herald.posts.models import Post
from herald.reports import document, services
from herald.reports.models import CommitteeReport


def _section(laid_out, number):
    return next(section for section in laid_out.sections if section.number == number)


def _part(laid_out, key):
    return next(part for part in laid_out.parts() if part.key == key)


def test_a_new_report_follows_the_seed_reports_sections_and_numbering(report):
    laid_out = document.build(report)

    assert [f"{s.number}. {s.title}" for s in laid_out.sections] == [
        "1. Purpose of report",
        "2. Recommendation",
        "3. Background to the report",
        "4. Exemptions in accordance with the Access to Information procedure rules",
        "5. Financial implications",
        "6. Legal implications",
        "7. Corporate Plan implications",
        "8. Consultation",
        "9. Risk implications",
        "10. Knowing your community – equality and rural implications",
        "11. Climate implications",
        "12. Corporate implications",
    ]
    risk = _section(laid_out, 9)
    assert [block.number for block in risk.blocks] == ["9.1", "9.2", "9.3", "9.4"]
    assert risk.blocks[3].part.key == "significant_risks"
    assert [label for label, _ in laid_out.closing] == ["Background papers", "Contact officer", "Executive member"]


def test_the_background_carries_every_part_of_the_figures_numbered_after_the_narrative(report):
    background = _section(document.build(report), 3)

    assert [block.number for block in background.blocks][:2] == ["3.1", "3.2"]
    keys = [block.part.key for block in background.blocks if block.part]
    assert keys == [key for key, _, _ in document.EXPECTED_PARTS]


def test_moderation_says_in_plain_words_when_there_was_no_activity(report):
    moderation = _part(document.build(report), "moderation")

    assert moderation.is_empty
    assert moderation.empty_text.startswith(
        f"No comments or messages were received on the council's accounts from {report.period.words}"
    )


def test_a_part_with_no_activity_says_so(report):
    posts = _part(document.build(report), "posts")

    assert posts.empty_text == f"No posts were submitted or published from {report.period.words}."


def test_the_figures_are_counted_from_the_records_in_the_period(report, activity, comms_officer):
    laid_out = document.build(report)

    posts = _part(laid_out, "posts")
    by_account = dict(zip(posts.charts[0].labels, posts.charts[0].values, strict=True))
    assert by_account == {"HBBC Leisure": 3, "HBBC Culture": 1}
    assert "4 posts were submitted for approval and 4 posts published on 2 accounts" in posts.paragraphs[0]
    findings = posts.charts[1].as_table()
    assert findings.rows == [["Personal data", 2, 1]]
    overridden = posts.tables[-1]
    assert overridden.caption == "Blocks overridden, with their justifications"
    assert overridden.rows[0][1:] == [
        "HBBC Leisure",
        "phone-number",
        comms_officer.full_name,
        "The number is the leisure centre's public booking line.",
    ]
    incidents = _part(laid_out, "incidents")
    assert sorted(incidents.tables[0].rows) == [["Other", 1], ["Personal data breach", 1]]


def test_records_outside_the_period_are_left_out(report, activity):
    Post.objects.update(
        published_at=timezone.now() - dt.timedelta(days=400), submitted_at=timezone.now() - dt.timedelta(days=401)
    )
    Post.objects.update(override_at=None)

    posts = _part(document.build(report), "posts")

    assert posts.is_empty


def test_acknowledgement_coverage_is_by_service_area(report, activity, team):
    part = _part(document.build(report), "acknowledgements")

    table = part.charts[0].as_table()
    row = next(row for row in table.rows if row[0] == team.service_area.name)
    staff = team.members.filter(is_active=True).exclude(kind="councillor").count()
    assert row[1] == staff
    assert row[2] == 1
    assert part.charts[0].unit == "%"


def test_significant_risks_show_s04_with_its_owner_and_live_controls(report):
    part = _part(document.build(report), "significant_risks")

    assert part.tables[0].headers == ["Risk description", "Mitigating actions", "Owner"]
    assert part.tables[0].rows[0][0] == "S.04 Damage to reputation/adverse publicity"


def test_the_author_edits_the_narrative_and_paragraphs_are_numbered(report, comms_officer, monitoring_officer):
    services.edit_report(
        report,
        narrative={
            **report.narrative,
            "background": "First paragraph.\n\nThe main updates are:\n\n- TikTok added\n- Consent process\n\nLast one.",
        },
        checklist=["ict", "data_protection"],
        period_start=report.period_start,
        period_end=report.period_end,
        officer=monitoring_officer,
        by=comms_officer,
        executive_member="Councillor S Bray",
    )
    report.refresh_from_db()
    background = _section(document.build(report), 3)

    numbered = [(b.number, b.text) for b in background.blocks if b.kind == "paragraph"]
    assert numbered == [("3.1", "First paragraph."), ("3.2", "The main updates are:"), ("3.3", "Last one.")]
    bullets = next(b for b in background.blocks if b.kind == "list")
    assert bullets.items == ["TikTok added", "Consent process"]
    assert background.blocks[4].number == "3.4"  # the first part of the figures follows the narrative
    corporate = _section(document.build(report), 12)
    assert corporate.blocks[-1].items == ["ICT implications", "Data protection implications"]
    assert AuditEvent.objects.filter(action="report.edited").count() == 1


def test_narrative_markdown_is_sanitised(report, comms_officer, monitoring_officer):
    services.edit_report(
        report,
        narrative={"purpose": 'Read <script>alert(1)</script> **this** <a href="javascript:x()">link</a>'},
        checklist=[],
        period_start=report.period_start,
        period_end=report.period_end,
        officer=monitoring_officer,
        by=comms_officer,
    )
    report.refresh_from_db()
    html = str(_section(document.build(report), 1).blocks[0].html)

    assert "<script>" not in html
    assert "javascript:" not in html
    assert "<strong>this</strong>" in html


def test_only_the_communications_team_starts_reports(employee, monitoring_officer, period):
    with pytest.raises(Refused):
        services.start_report(
            title="T",
            committee="C",
            meeting_date=timezone.localdate(),
            report_of="R",
            period_start=period[0],
            period_end=period[1],
            officer=monitoring_officer,
            by=employee,
        )


def test_a_period_that_ends_before_it_starts_is_refused(report, comms_officer, monitoring_officer):
    with pytest.raises(Refused, match="end of the period"):
        services.edit_report(
            report,
            narrative={},
            checklist=[],
            period_start=report.period_end,
            period_end=report.period_start,
            officer=monitoring_officer,
            by=comms_officer,
        )


def test_only_the_named_officer_signs_off(report, comms_officer, system_admin):
    for person in (comms_officer, system_admin):
        with pytest.raises(Refused, match="named officer"):
            services.sign_off_report(report, by=person)
    report.refresh_from_db()
    assert report.status == CommitteeReport.Status.DRAFT


def test_editing_a_report_waiting_for_sign_off_sends_it_back_to_draft(report, comms_officer, monitoring_officer):
    services.send_for_sign_off(report, by=comms_officer)
    services.edit_report(
        report,
        narrative=report.narrative,
        checklist=[],
        period_start=report.period_start,
        period_end=report.period_end,
        officer=monitoring_officer,
        by=comms_officer,
    )
    report.refresh_from_db()

    assert report.status == CommitteeReport.Status.DRAFT


def test_signing_off_freezes_the_figures_and_files_and_refuses_later_edits(
    report, activity, comms_officer, monitoring_officer
):
    signed = services.sign_off_report(report, by=monitoring_officer)

    assert signed.is_signed
    assert bytes(signed.pdf).startswith(b"%PDF")
    assert bytes(signed.docx).startswith(b"PK")
    event = AuditEvent.objects.get(action="report.signed_off")
    assert event.after["pdf_sha256"] == signed.pdf_sha256
    # given new posts after sign-off
    Post.objects.filter(account=activity["culture"]).update(account=activity["leisure"])
    # then the signed report still shows the figures as signed
    posts = _part(document.build(CommitteeReport.objects.get(pk=report.pk)), "posts")
    assert dict(zip(posts.charts[0].labels, posts.charts[0].values, strict=True)) == {
        "HBBC Leisure": 3,
        "HBBC Culture": 1,
    }
    with pytest.raises(Refused, match="signed off"):
        services.edit_report(
            report,
            narrative={},
            checklist=[],
            period_start=report.period_start,
            period_end=report.period_end,
            officer=monitoring_officer,
            by=comms_officer,
        )
    with pytest.raises(Refused, match="signed off"):
        services.sign_off_report(report, by=monitoring_officer)


def test_the_default_period_is_the_twelve_months_to_the_end_of_last_month():
    assert CommitteeReport.default_period(dt.date(2026, 3, 15)) == Period(dt.date(2025, 3, 1), dt.date(2026, 2, 28))


def test_changing_the_period_changes_the_dates_in_the_standard_words_too(db, comms_officer, monitoring_officer):
    # given a report drafted for the financial year, whose standard purpose names that period
    report = services.start_report(
        title="Social media: annual review",
        committee="Ethical Governance and Personnel Committee",
        meeting_date=dt.date(2026, 6, 1),
        report_of="Director Corporate Services",
        period_start=dt.date(2025, 4, 1),
        period_end=dt.date(2026, 3, 31),
        officer=monitoring_officer,
        by=comms_officer,
    )
    # when the author changes the period on the edit page, leaving the words as the page shows them
    services.edit_report(
        report,
        narrative=dict(report.narrative),
        checklist=[],
        period_start=dt.date(2025, 1, 1),
        period_end=dt.date(2025, 12, 31),
        officer=monitoring_officer,
        by=comms_officer,
    )
    # then the purpose gives the figures' period, not the one the report was started with
    purpose = _section(document.build(CommitteeReport.objects.get(pk=report.pk)), 1).blocks[0].text
    assert "from 1 January 2025 to 31 December 2025, with the figures" in purpose
    assert "1 April 2025" not in purpose
