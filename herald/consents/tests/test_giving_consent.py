"""Giving consent: what the person is told is kept, choices are separate, children need a guardian."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from herald.audit.models import AuditEvent
from herald.consents import services
from herald.consents.models import ConsentRecord
from herald.consents.services import ConsentDetails
from herald.consents.tests.factories import ConsentRequestFactory
from herald.errors import Refused

pytestmark = pytest.mark.django_db


def adult(**overrides) -> ConsentDetails:
    values = dict(
        subject_name="Asha Patel",
        age_band="adult",
        given_by="self",
        channels=["website", "facebook"],
        purposes=["promotion"],
        name_may_be_published=False,
        email="asha@example.org",
    )
    values.update(overrides)
    return ConsentDetails(**values)


def test_a_consent_request_offers_channels_and_named_partners(employee):
    request = services.create_consent_request(
        by=employee,
        event_name="Hinckley Christmas lights switch-on",
        event_date=dt.date(2026, 11, 28),
        location="Hinckley town centre",
        purposes=["promotion"],
        channels=["website", "facebook"],
        partners=["NHS Leicestershire", " NHS  Leicestershire "],
    )
    assert request.offered_channels == ["website", "facebook", "partners:NHS Leicestershire"]
    assert AuditEvent.objects.filter(action="consent_request.created", object_id=str(request.pk)).exists()


def test_a_request_needs_a_purpose_and_somewhere_to_use_the_images(employee):
    with pytest.raises(Refused, match="purpose"):
        services.create_consent_request(
            by=employee, event_name="x", event_date=dt.date(2026, 1, 1), location="y", purposes=[], channels=["website"]
        )
    with pytest.raises(Refused, match="place"):
        services.create_consent_request(
            by=employee, event_name="x", event_date=dt.date(2026, 1, 1), location="y", purposes=["news"], channels=[]
        )


def test_giving_consent_keeps_the_wording_shown_and_emails_the_urn(django_capture_on_commit_callbacks):
    request = ConsentRequestFactory()
    with django_capture_on_commit_callbacks(execute=True):
        record = services.give_consent(request, adult())
    assert record.method == ConsentRecord.Method.ONLINE
    assert record.wording_version == services.WORDING_VERSION
    assert record.wording_text == services.wording_for(request)
    assert "withdraw your consent at any time" in record.wording_text
    assert "Leicestershire County Council" in record.wording_text, "named partners are told, not a category"
    assert record.channels == ["website", "facebook"] and record.purposes == ["promotion"]
    # five years from the day it was given in the UK (after 23:00 UTC in summer that is the next UTC day)
    assert record.expires_on == timezone.localtime(record.given_at).date() + dt.timedelta(days=1826)
    assert len(mail.outbox) == 1 and record.urn in mail.outbox[0].body and mail.outbox[0].to == ["asha@example.org"]


def test_every_urn_is_unique_and_easy_to_read_out():
    request = ConsentRequestFactory()
    urns = {services.give_consent(request, adult(email=f"p{i}@example.org")).urn for i in range(20)}
    assert len(urns) == 20
    assert all(len(u) == 9 and u[4] == "-" and not set(u) & set("01OIl") for u in urns)


def test_a_child_cannot_consent_for_themselves():
    problems = services.check_consent_details(ConsentRequestFactory(), adult(age_band="cosign"))
    assert problems["given_by"] == "A parent or guardian must give consent for someone under 18"


def test_a_guardian_gives_consent_for_a_child_who_may_co_sign_from_13():
    request = ConsentRequestFactory()
    record = services.give_consent(
        request,
        adult(
            subject_name="Leo Patel",
            age_band="cosign",
            given_by="guardian",
            representative_name="Asha Patel",
            representative_relationship="Mother",
            child_cosigned=True,
            child_signature="Leo Patel",
        ),
    )
    assert record.is_child and record.child_cosigned and record.representative_relationship == "Mother"
    problems = services.check_consent_details(
        request,
        adult(
            age_band="child",
            given_by="guardian",
            representative_name="A",
            representative_relationship="Father",
            child_cosigned=True,
            child_signature="Kid",
        ),
    )
    assert "child_cosigned" in problems, "a child under 13 does not co-sign"


def test_the_guardian_age_is_configurable(settings):
    settings.HERALD_CONSENT_GUARDIAN_UNDER = 16
    assert dict(services.age_band_choices())["adult"] == "16 or over"
    assert dict(services.age_band_choices())["cosign"] == "13 to 15"


def test_an_advocate_consents_for_an_adult_who_lacks_capacity():
    record = services.give_consent(
        ConsentRequestFactory(),
        adult(given_by="advocate", representative_name="Tom Reid", representative_relationship="Independent advocate"),
    )
    assert record.given_by == "advocate" and not record.is_child


def test_nothing_is_saved_when_details_are_missing():
    request = ConsentRequestFactory()
    with pytest.raises(Refused):
        services.give_consent(request, adult(channels=[], email="", subject_name=""))
    assert ConsentRecord.objects.count() == 0
    problems = services.check_consent_details(request, adult(channels=[], email="", subject_name=""))
    assert set(problems) == {"channels", "email", "subject_name"}


def test_a_closed_request_takes_no_more_consent(employee):
    request = ConsentRequestFactory(organiser=employee)
    services.set_consent_request_open(request, is_open=False, by=employee)
    with pytest.raises(Refused, match="closed"):
        services.give_consent(request, adult())


def test_staff_record_paper_consent_with_a_scan_and_verbal_consent_with_a_witness(editor):
    from herald.consents.tests.factories import jpeg_bytes

    request = ConsentRequestFactory(organiser=editor)
    paper = services.record_consent(
        request, adult(), by=editor, method="paper", given_on=dt.date(2026, 11, 20), scan=jpeg_bytes()
    )
    assert paper.scan and paper.recorded_by == editor and paper.given_at.date() == dt.date(2026, 11, 20)
    with pytest.raises(Refused, match="witness"):
        services.record_consent(request, adult(), by=editor, method="verbal", given_on=dt.date(2026, 11, 20))
    verbal = services.record_consent(
        request, adult(), by=editor, method="verbal", given_on=dt.date(2026, 11, 20), witnessed_by="Sam Photographer"
    )
    assert verbal.witnessed_by == "Sam Photographer"
    with pytest.raises(Refused, match="PDF, JPG or PNG"):
        services.record_consent(
            request,
            adult(),
            by=editor,
            method="paper",
            given_on=dt.date(2026, 11, 20),
            scan=b"MZ\x90\x00 this is a program",
        )


def test_a_do_not_publish_instruction_needs_no_channels(editor):
    record = services.record_consent(
        ConsentRequestFactory(organiser=editor),
        adult(channels=[], purposes=[], do_not_publish=True, do_not_publish_reason="Adopted child"),
        by=editor,
        method="verbal",
        given_on=dt.date(2026, 11, 20),
        witnessed_by="Head teacher",
    )
    assert record.do_not_publish and record.channels == []
