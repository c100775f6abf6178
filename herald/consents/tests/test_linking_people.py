"""Linking people to photos: editors choose only from what they may see, and linking someone whose
consent is gone sends the published uses for takedown as a withdrawal does."""

import pytest
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.consents import services
from herald.consents.models import Appearance, ConsentRecord, MediaUse, TakedownTask
from herald.consents.tests.factories import (
    ConsentRecordFactory,
    ConsentRequestFactory,
    MediaAssetFactory,
    account_edited_by,
)
from herald.social_accounts.models import Platform

pytestmark = pytest.mark.django_db


# Editors see only the events and records they may see ---------------------------------------------


def test_an_editor_is_offered_only_their_own_events_and_consent_records(client, editor):
    # given an event the editor organised and one run by someone else in another service
    own = ConsentRequestFactory(organiser=editor, event_name="Editor's own fun run")
    theirs = ConsentRequestFactory(event_name="Leisure centre open day")
    ConsentRecordFactory(request=own, subject_name="Olu Own-Event")
    ConsentRecordFactory(request=theirs, subject_name="Priya Elsewhere")
    asset = MediaAssetFactory(uploaded_by=editor)
    client.force_login(editor)
    # when
    upload = client.get(reverse("consents:media_upload")).content.decode()
    edit = client.get(reverse("consents:media_edit", args=[asset.pk])).content.decode()
    link = client.get(reverse("consents:media_person", args=[asset.pk])).content.decode()
    # then
    for page in (upload, edit):
        assert "Editor&#x27;s own fun run" in page or "Editor's own fun run" in page
        assert "Leisure centre open day" not in page
    assert "Olu Own-Event" in link
    assert "Priya Elsewhere" not in link


def test_a_posted_event_or_record_the_editor_may_not_see_is_a_form_error(client, editor):
    theirs = ConsentRequestFactory(event_name="Leisure centre open day")
    hidden = ConsentRecordFactory(request=theirs, subject_name="Priya Elsewhere")
    asset = MediaAssetFactory(uploaded_by=editor, title="Fun run start")
    client.force_login(editor)
    # when the editor posts the other event's id on the details form
    details = {"title": "Fun run start", "alt_text": "Runners", "source": "own", "request": theirs.pk}
    response = client.post(reverse("consents:media_edit", args=[asset.pk]), details)
    # then it is refused, with the GOV.UK error summary, and nothing changes
    assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()
    asset.refresh_from_db()
    assert asset.request is None
    # when the editor posts a consent record from that event
    response = client.post(reverse("consents:media_person", args=[asset.pk]), {"record": hidden.pk})
    assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()
    assert not Appearance.objects.filter(asset=asset).exists()


def test_an_assets_current_event_stays_choosable_when_its_uploader_edits_it(client, editor, comms_officer):
    # given the communications team tied the editor's photo to someone else's event
    theirs = ConsentRequestFactory(event_name="Leisure centre open day")
    asset = MediaAssetFactory(uploaded_by=editor, request=theirs, title="Open day")
    client.force_login(editor)
    # when the editor changes only the title
    details = {"title": "Open day, pool", "alt_text": "Pool", "source": "own", "request": theirs.pk}
    response = client.post(reverse("consents:media_edit", args=[asset.pk]), details)
    # then it saves, keeping the event
    assert response.status_code == 302
    asset.refresh_from_db()
    assert (asset.title, asset.request) == ("Open day, pool", theirs)


def test_the_communications_team_is_offered_every_event_and_record(client, comms_officer):
    ConsentRecordFactory(subject_name="Priya Elsewhere")
    asset = MediaAssetFactory(uploaded_by=comms_officer)
    client.force_login(comms_officer)
    assert "Priya Elsewhere" in client.get(reverse("consents:media_person", args=[asset.pk])).content.decode()


# Linking someone whose consent has gone --------------------------------------------------------------


@pytest.fixture
def published_photo(editor):
    asset = MediaAssetFactory(uploaded_by=editor, shows_people=False)
    facebook = account_edited_by(editor, platform=Platform.FACEBOOK)
    published = services.record_use(
        asset, by=editor, state="published", account=facebook, published_url="https://facebook.com/hbbc/posts/7"
    )
    draft = services.record_use(asset, by=editor, state="draft", channel="website")
    return asset, published, draft


def test_linking_someone_who_has_withdrawn_sends_the_published_photo_for_takedown(
    published_photo, editor, comms_officer, django_capture_on_commit_callbacks
):
    # given someone who withdrew consent, and a published photo nobody had linked them to yet
    asset, published, draft = published_photo
    record = ConsentRecordFactory(request=ConsentRequestFactory(organiser=editor))
    services.withdraw_consent(record, by=comms_officer, reason="Emailed in")
    assert not TakedownTask.objects.exists()
    # when the editor spots them in the photo and links them
    with django_capture_on_commit_callbacks(execute=True):
        services.add_appearance(asset, by=editor, record=record)
    # then the published use gets a takedown task and the draft stops, as a withdrawal does
    task = TakedownTask.objects.get()
    assert task.use == published and task.record == record and task.is_open
    draft.refresh_from_db()
    assert draft.state == MediaUse.State.STOPPED
    assert AuditEvent.objects.filter(action="takedown.opened", actor=editor).exists()


def test_linking_someone_marked_do_not_publish_sends_the_published_photo_for_takedown(
    published_photo, editor, comms_officer
):
    asset, published, _ = published_photo
    record = ConsentRecordFactory(request=ConsentRequestFactory(organiser=editor))
    services.mark_do_not_publish(record, by=comms_officer, reason="Looked-after child")
    services.add_appearance(asset, by=editor, record=record)
    assert TakedownTask.objects.get().use == published


def test_linking_someone_with_consent_in_force_opens_no_takedown(published_photo, editor):
    asset, published, draft = published_photo
    record = ConsentRecordFactory(request=ConsentRequestFactory(organiser=editor))
    assert record.state == ConsentRecord.State.GIVEN
    services.add_appearance(asset, by=editor, record=record)
    assert not TakedownTask.objects.exists()
    draft.refresh_from_db()
    assert draft.state == MediaUse.State.DRAFT


def test_linking_a_withdrawn_person_does_not_reopen_reviews_of_their_other_photos(
    published_photo, editor, comms_officer
):
    # given a withdrawal whose takedown of another photo was reviewed and the post kept
    asset, published, _ = published_photo
    record = ConsentRecordFactory(request=ConsentRequestFactory(organiser=editor))
    other = MediaAssetFactory(uploaded_by=editor)
    services.add_appearance(other, by=editor, record=record)
    account = account_edited_by(editor, platform=Platform.INSTAGRAM, name="Atkins Building")
    services.record_use(other, by=editor, state="published", account=account, published_url="https://i.example/1")
    services.withdraw_consent(record, by=comms_officer, reason="Phoned")
    kept = TakedownTask.objects.get()
    services.complete_takedown(kept, by=editor, outcome="kept", notes="Blurred beyond recognition by the platform")
    # when they are linked to a second photo
    services.add_appearance(asset, by=editor, record=record)
    # then only the second photo's published use gets a task
    assert [t.use for t in TakedownTask.objects.open()] == [published]
