"""The 72-hour ICO clock and the incident figures in the committee report, as the DPO and councillors read them: UK time, real dates and honest warnings."""

import datetime as dt

import pytest
from django.core import mail

from herald.audit.models import AuditEvent
from herald.errors import Refused
from herald.figures import Period
from herald.incidents import report, services
from testing.factories import incident

pytestmark = pytest.mark.django_db


@pytest.mark.time_machine(dt.datetime(2026, 6, 2, 12, 0, tzinfo=dt.UTC))
def test_a_breach_reported_to_the_ico_just_after_midnight_in_summer_shows_the_uk_date(editor, dpo):
    # Aware at 23:00 BST on 31 May; reported to the ICO at 00:30 BST on 1 June (23:30 UTC on 31 May).
    breach = incident(
        "personal_data_breach",
        by=editor,
        summary="Names in a post",
        aware_at=dt.datetime(2026, 5, 31, 22, 0, tzinfo=dt.UTC),
    )
    breach = services.assess_breach(breach, by=dpo, data_involved="Names", people_affected=3, risk="risk")
    services.decide_ico_report(
        breach,
        by=dpo,
        decision="report",
        reasoning="A risk to three people",
        reported_at=dt.datetime(2026, 5, 31, 23, 30, tzinfo=dt.UTC),
        reference="IC-1",
    )

    june = report.incidents(Period(dt.date(2026, 6, 1), dt.date(2026, 6, 30)))

    ico_table = next(table for table in june.tables if table.caption == "Breaches reported to the ICO")
    assert ico_table.rows == [["1 June 2026", "Names in a post", "IC-1", "Yes"]]


@pytest.mark.time_machine(dt.datetime(2026, 11, 27, 15, 0, tzinfo=dt.UTC))
def test_a_report_to_the_ico_dated_before_the_council_knew_of_the_breach_is_refused(editor, dpo):
    breach = incident("personal_data_breach", by=editor, aware_at=dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC))
    breach = services.assess_breach(breach, by=dpo, data_involved="Names", people_affected=3, risk="risk")

    # a slip of the year: 2025 for 2026, which would read as reported "within 72 hours"
    with pytest.raises(Refused) as refused:
        services.decide_ico_report(
            breach,
            by=dpo,
            decision="report",
            reasoning="A risk to three people",
            reported_at=dt.datetime(2025, 11, 27, 10, 0, tzinfo=dt.UTC),
        )

    assert "reported_at" in refused.value.error_dict
    breach.refresh_from_db()
    assert breach.ico_decision == "" and breach.ico_reported_at is None


@pytest.mark.time_machine(dt.datetime(2026, 11, 27, 15, 0, tzinfo=dt.UTC))
def test_a_breach_reported_after_its_72_hours_warns_that_they_have_ended_not_that_none_are_left(
    editor, dpo, django_capture_on_commit_callbacks
):
    # found in an old inbox: the council knew four days ago
    breach = incident("personal_data_breach", by=editor, aware_at=dt.datetime(2026, 11, 23, 15, 0, tzinfo=dt.UTC))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert services.warn_breach_clocks() == [breach]

    message = mail.outbox[0]
    assert message.subject.endswith(f"{breach.reference}: the 72 hours to report to the ICO ended 24 hours ago")
    assert "ended at 3pm on Thursday 26 November 2026" in message.body
    assert "reasons for the delay" in message.body


@pytest.mark.time_machine(dt.datetime(2026, 11, 27, 15, 0, tzinfo=dt.UTC))
def test_the_audit_trail_proves_which_reasons_for_a_late_report_were_given(editor, dpo):
    breach = incident("personal_data_breach", by=editor, aware_at=dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC))
    breach = services.assess_breach(breach, by=dpo, data_involved="Names", people_affected=3, risk="risk")
    late = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)
    decision = {"decision": "report", "reasoning": "A risk to three people", "reported_at": late}

    services.decide_ico_report(breach, by=dpo, late_reason="Found in an old inbox", **decision)
    # the reasons for the delay are rewritten, nothing else
    services.decide_ico_report(breach, by=dpo, late_reason="The DPO was on leave", **decision)

    first, second = AuditEvent.objects.filter(action="incident.ico_decided").order_by("id")
    assert first.after["decision"] != second.after["decision"]
    assert "The DPO was on leave" not in str(second.after)  # a fingerprint, not the words
    assert second.after["decision"] == services.fingerprint(
        ("report", "A risk to three people", late, "", "The DPO was on leave")
    )
