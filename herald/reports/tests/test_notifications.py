"""Who is told what about a committee report: one test per message."""

import pytest
from django.core import mail

from herald.errors import Refused
from herald.reports import services


def test_the_named_officer_is_asked_to_sign_off_the_report(
    report, comms_officer, monitoring_officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.send_for_sign_off(report, by=comms_officer)

    assert [message.to for message in mail.outbox] == [[monitoring_officer.email]]
    message = mail.outbox[0]
    assert message.subject == (
        f"Committee report for sign-off: {report.title} (Ethical Governance and Personnel Committee, "
        f"{report.meeting_date:%-d %B %Y})"
    )
    assert f"{comms_officer.full_name} has asked you to sign off" in message.body
    assert f"/reports/{report.pk}/" in message.body
    assert "nobody can change it after that" in message.body


def test_sending_twice_is_refused_and_tells_nobody_again(report, comms_officer, django_capture_on_commit_callbacks):
    services.send_for_sign_off(report, by=comms_officer)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Refused, match="already waiting"):
        services.send_for_sign_off(report, by=comms_officer)

    assert mail.outbox == []


def test_a_report_is_not_sent_to_a_named_officer_who_has_left(
    report, comms_officer, monitoring_officer, django_capture_on_commit_callbacks
):
    # the named officer leaves the council after the report was started
    monitoring_officer.is_active = False
    monitoring_officer.save(update_fields=["is_active"])

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Refused, match="has left the council"):
        services.send_for_sign_off(report, by=comms_officer)

    report.refresh_from_db()
    assert report.status == report.Status.DRAFT  # not left waiting for someone who can no longer sign
    assert mail.outbox == []
