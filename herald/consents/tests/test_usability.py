"""May this asset be used on this channel on this day? The answer the checks and the posts workflow rely on."""

import datetime as dt

import pytest

from herald.consents import services
from herald.consents.models import Appearance, ConsentRecord
from herald.consents.tests.factories import ConsentRecordFactory, MediaAssetFactory, photo_showing

TODAY = dt.date(2026, 11, 24)
# Consents are recorded at the real time of the test, so the clock is set to TODAY for every test here.
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(dt.datetime(2026, 11, 24, 9, tzinfo=dt.UTC))]


def test_an_asset_showing_people_who_all_consented_to_the_channel_is_valid():
    asset = photo_showing(ConsentRecordFactory(subject_name="Asha Patel"), ConsentRecordFactory())
    answer = services.asset_usability(asset, channel="facebook", on=TODAY)
    assert answer.status == "valid" and answer.usable
    assert answer.people[0].name == "Asha Patel" and answer.people[0].consent == "valid"
    assert answer.people[0].name_may_be_published


def test_a_channel_the_person_did_not_choose_is_outside_their_consent():
    asset = photo_showing(ConsentRecordFactory(channels=["website"]))
    answer = services.asset_usability(asset, channel="tiktok", on=TODAY)
    assert answer.status == "outside_channels" and not answer.usable
    assert "did not consent to use on TikTok" in answer.reasons[0]


def test_partners_are_channels_named_individually():
    asset = photo_showing(ConsentRecordFactory(channels=["partners:NHS Leicestershire"]))
    assert services.asset_usability(asset, channel="partners:nhs leicestershire", on=TODAY).usable
    assert not services.asset_usability(asset, channel="partners:Leicester City FC", on=TODAY).usable


def test_consent_past_its_expiry_date_is_expired_even_before_the_nightly_task_runs():
    record = ConsentRecordFactory(expires_on=TODAY)
    answer = services.asset_usability(photo_showing(record), channel="website", on=TODAY)
    assert answer.status == "expired"


def test_one_withdrawn_person_makes_the_whole_asset_unusable():
    asset = photo_showing(
        ConsentRecordFactory(),
        ConsentRecordFactory(state="withdrawn", withdrawn_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC)),
    )
    answer = services.asset_usability(asset, channel="website", on=TODAY)
    assert answer.status == "withdrawn" and not answer.usable
    assert [p.consent for p in answer.people] == ["valid", "withdrawn"]


def test_do_not_publish_outranks_everything_and_the_name_is_never_publishable():
    child = ConsentRecordFactory(age_band="child", given_by="guardian", do_not_publish=True)
    answer = services.asset_usability(photo_showing(child), channel="website", on=TODAY)
    assert answer.status == "do_not_publish" and answer.children_shown
    assert not answer.people[0].name_may_be_published


def test_someone_shown_without_a_consent_record_is_missing_consent():
    asset = MediaAssetFactory()
    Appearance.objects.create(asset=asset, description="boy in red coat", is_child=True, added_by=asset.uploaded_by)
    answer = services.asset_usability(asset, channel="website", on=TODAY)
    assert answer.status == "missing_consent" and answer.people[0].is_child
    assert (
        services.asset_usability(MediaAssetFactory(shows_people=True), channel="x", on=TODAY).status
        == "missing_consent"
    )


def test_assets_without_identifiable_people_and_noticed_crowd_shots_may_be_used():
    assert services.asset_usability(MediaAssetFactory(shows_people=False), channel="x", on=TODAY).status == "no_people"
    crowd = services.asset_usability(MediaAssetFactory(crowd_shot_with_notices=True), channel="x", on=TODAY)
    assert crowd.usable and "notices" in crowd.reasons[0]


def test_names_stay_private_unless_the_person_agreed():
    answer = services.asset_usability(
        photo_showing(ConsentRecordFactory(name_may_be_published=False)), channel="website", on=TODAY
    )
    assert answer.usable and not answer.people[0].name_may_be_published
    assert "do not publish their name" in answer.reasons[0]


def test_an_unknown_channel_is_a_programming_error():
    with pytest.raises(ValueError):
        services.asset_usability(MediaAssetFactory(), channel="myspace", on=TODAY)


def test_erased_records_show_as_a_person_only():
    record = ConsentRecordFactory(state=ConsentRecord.State.EXPIRED)
    services.erase_personal_details(record, by=None, reason="Retention ended")
    answer = services.asset_usability(photo_showing(record), channel="website", on=TODAY)
    assert answer.people[0].name == "a person" and not answer.usable
