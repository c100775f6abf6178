"""Records expire after their retention period, owners are told, personal details are later erased;
information governance can export everything held about a person."""

import datetime as dt
import json

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from herald.audit.models import AuditEvent
from herald.consents import services, tasks
from herald.consents.models import ConsentRecord
from herald.consents.tests.factories import (
    ConsentRecordFactory,
    ConsentRequestFactory,
    account_edited_by,
    photo_showing,
)

pytestmark = pytest.mark.django_db


def test_retention_is_five_years_by_default_and_configurable_per_purpose(settings):
    assert services.retention_days(["news"]) == 1826
    settings.HERALD_CONSENT_RETENTION_DAYS_BY_PURPOSE = {"news": 90, "tourism": 3650}
    assert services.retention_days(["news"]) == 90
    assert services.retention_days(["news", "tourism"]) == 3650, "kept as long as the longest purpose agreed"
    record = services.give_consent(
        ConsentRequestFactory(purposes=["news"]),
        services.ConsentDetails(
            subject_name="Ann",
            age_band="adult",
            given_by="self",
            channels=["website"],
            purposes=["news"],
            name_may_be_published=False,
            email="ann@example.org",
        ),
    )
    assert record.expires_on == timezone.localdate() + dt.timedelta(days=90)
    assert "3 months" in record.wording_text


def test_consent_given_just_after_midnight_in_summer_counts_from_that_uk_day():
    # given it is 00:30 on 1 June in the UK (23:30 on 31 May in UTC)
    with time_machine.travel(dt.datetime(2027, 5, 31, 23, 30, tzinfo=dt.UTC), tick=False):
        record = services.give_consent(
            ConsentRequestFactory(purposes=["news"]),
            services.ConsentDetails(
                subject_name="Ann",
                age_band="adult",
                given_by="self",
                channels=["website"],
                purposes=["news"],
                name_may_be_published=False,
                email="ann@example.org",
            ),
        )
    # then the five years run from 1 June, the day the person gave it
    assert record.expires_on == dt.date(2027, 6, 1) + dt.timedelta(days=services.retention_days(["news"]))


def test_the_nightly_task_marks_records_expired_and_tells_the_asset_owner(editor, django_capture_on_commit_callbacks):
    record = ConsentRecordFactory(expires_on=timezone.localdate() - dt.timedelta(days=1))
    current = ConsentRecordFactory()
    asset = photo_showing(record, by=editor)
    with django_capture_on_commit_callbacks(execute=True):
        tasks.process_consent_retention.call()
    record.refresh_from_db(), current.refresh_from_db()
    assert record.state == ConsentRecord.State.EXPIRED and current.state == ConsentRecord.State.GIVEN
    assert mail.outbox[0].to == [editor.email] and asset.title in mail.outbox[0].body
    assert not services.asset_usability(asset, channel="website", on=timezone.localdate()).usable
    assert AuditEvent.objects.filter(action="consent.expired", actor=None).exists()


def test_personal_details_are_erased_after_the_grace_period_keeping_what_the_audit_needs(settings):
    settings.HERALD_CONSENT_ERASE_AFTER_DAYS = 30
    record = ConsentRecordFactory(
        subject_name="Asha Patel",
        email="asha@example.org",
        phone="07700900982",
        state=ConsentRecord.State.EXPIRED,
        expired_at=timezone.now() - dt.timedelta(days=31),
    )
    recent = ConsentRecordFactory(state=ConsentRecord.State.EXPIRED, expired_at=timezone.now() - dt.timedelta(days=2))
    tasks.process_consent_retention.call()
    record.refresh_from_db(), recent.refresh_from_db()
    assert record.erased_at and record.email == "" and record.phone == "" and "Asha" not in record.subject_name
    assert record.urn and record.channels and record.wording_text, "what was agreed and when is kept"
    assert recent.erased_at is None


def test_information_governance_exports_everything_held_about_a_person(client, dpo, editor):
    record = ConsentRecordFactory(subject_name="Asha Patel", email="asha@example.org")
    asset = photo_showing(record, by=editor)
    services.record_use(
        asset,
        by=editor,
        state="published",
        account=account_edited_by(editor),
        published_url="https://facebook.com/hbbc/posts/1",
    )
    client.force_login(dpo)
    found = client.get(reverse("consents:subject_access"), {"q": "asha@example.org"})
    assert record.urn in found.content.decode()
    response = client.post(
        reverse("consents:subject_export"), {"record": [record.pk], "q": "asha@example.org", "format": "json"}
    )
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["records"][0]["consent"]["subject_name"] == "Asha Patel"
    assert data["records"][0]["assets"][0]["uses"][0]["published_url"] == "https://facebook.com/hbbc/posts/1"
    assert AuditEvent.objects.filter(action="consent.subject_access_export", actor=dpo).exists()


def test_the_retention_task_is_scheduled_daily():
    assert (tasks.process_consent_retention, 24 * 60 * 60) in tasks.SCHEDULE


def test_a_nul_byte_in_the_subject_access_search_is_not_kept_in_the_export_or_the_audit_trail(client, dpo):
    record = ConsentRecordFactory(subject_name="Asha Patel", email="asha@example.org")
    client.force_login(dpo)

    response = client.post(
        reverse("consents:subject_export"), {"record": [record.pk], "q": "asha\x00@example.org", "format": "json"}
    )

    assert json.loads(response.content)["search"] == "asha@example.org"
    event = AuditEvent.objects.get(action="consent.subject_access_export")
    assert event.reason == "Search: asha@example.org"


def test_the_subject_access_pack_is_readable_with_the_photos_beside_the_json(client, dpo, editor, tmp_path):
    import io
    import subprocess
    import zipfile

    record = ConsentRecordFactory(subject_name="Asha Patel", email="asha@example.org")
    asset = photo_showing(record, by=editor, title="Asha at the library opening", alt_text="A woman cutting a ribbon")
    services.record_use(
        asset,
        by=editor,
        state="published",
        account=account_edited_by(editor),
        published_url="https://facebook.com/hbbc/posts/1",
    )
    client.force_login(dpo)
    response = client.post(
        reverse("consents:subject_export"), {"record": [record.pk], "q": "asha@example.org", "format": "pack"}
    )
    assert response["Content-Type"] == "application/zip"
    pack = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(pack.namelist())
    assert {"subject-access.pdf", "subject-access.html", "subject-access.json"} <= names
    [photo] = [n for n in names if n.startswith("media/")]
    assert pack.read(photo)[:2] == b"\xff\xd8"  # the photo itself, a JPEG
    assert json.loads(pack.read("subject-access.json"))["records"][0]["consent"]["urn"] == record.urn
    html = pack.read("subject-access.html").decode()
    assert 'src="data:image/' in html and 'alt="A woman cutting a ribbon"' in html
    (tmp_path / "pack.pdf").write_bytes(pack.read("subject-access.pdf"))
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "pack.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "Subject access pack" in text and "Asha Patel" in text and record.urn in text
    assert "Asha at the library opening" in text and "https://facebook.com/hbbc/posts/1" in text
    event = AuditEvent.objects.get(action="consent.subject_access_export", actor=dpo)
    assert "readable pack" in event.after["format"]


def test_exporting_with_nothing_ticked_goes_back_to_the_same_search_for_an_email_with_a_plus(client, dpo):
    # given: a subject access search for an email address with a "+" in it
    record = ConsentRecordFactory(subject_name="Asha Patel", email="asha+photos@example.org")
    client.force_login(dpo)
    # when: the officer presses export without ticking a record
    response = client.post(reverse("consents:subject_export"), {"q": "asha+photos@example.org", "format": "json"})
    # then: they are told to select one, back on the search they made, which still finds the record
    assert response.status_code == 302
    again = client.get(response["Location"])
    assert again.context["form"]["q"].value() == "asha+photos@example.org"
    assert record.urn in again.content.decode()
    assert "Select at least one record to export" in again.content.decode()


@pytest.mark.parametrize("value", ["²", "①", "9" * 40])
def test_exporting_a_record_named_by_something_other_than_a_number_asks_for_a_record_instead_of_failing(
    client, dpo, value
):
    # given: a subject access search, and a form whose ticked record is not a plain number
    ConsentRecordFactory(subject_name="Asha Patel", email="asha@example.org")
    client.force_login(dpo)
    # when: it is sent
    response = client.post(reverse("consents:subject_export"), {"record": [value], "q": "zz", "format": "json"})
    # then: the officer is asked to select a record, and nothing is exported
    assert response.status_code == 302
    assert "Select at least one record to export" in client.get(response["Location"]).content.decode()
