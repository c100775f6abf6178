"""Pages that show personal data are never kept in a browser's or a proxy's cache."""

import pytest
from django.urls import reverse

from herald.consents.tests.factories import ConsentRecordFactory, ConsentRequestFactory, photo_showing
from herald.policies.tests.factories import CampaignFactory
from herald.posts.tests.factories import PostFactory
from herald.social_accounts.tests.factories import AccountFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _no_store(response) -> bool:
    return "no-store" in response.headers.get("Cache-Control", "")


def test_every_page_showing_personal_data_to_a_signed_in_officer_is_sent_no_store(client, comms_officer, employee):
    # given records that name people
    record = ConsentRecordFactory(request=ConsentRequestFactory(organiser=comms_officer))
    asset = photo_showing(record, by=comms_officer)
    post = PostFactory(account=AccountFactory(), author=comms_officer)
    campaign = CampaignFactory()
    client.force_login(comms_officer)
    pages = [
        reverse("people:directory"),
        reverse("people:detail", args=[employee.pk]),
        reverse("consents:record", args=[record.pk]),
        reverse("consents:media"),
        reverse("consents:media_detail", args=[asset.pk]),
        reverse("consents:media_file", args=[asset.pk]),
        reverse("posts:detail", args=[post.pk]),
        reverse("policies:campaign_export", args=[campaign.pk]),
        reverse("home"),
    ]
    for url in pages:
        # when the officer opens the page
        response = client.get(url)
        # then it is shown, and no cache may keep it
        assert response.status_code == 200, url
        assert _no_store(response), f"{url} sent Cache-Control: {response.headers.get('Cache-Control')!r}"


def test_a_page_refused_to_a_signed_in_person_is_not_cached_either(client, employee, comms_officer):
    client.force_login(employee)
    response = client.get(reverse("people:detail", args=[comms_officer.pk]))
    assert response.status_code == 403
    assert _no_store(response)


def test_the_public_consent_and_withdrawal_pages_are_sent_no_store(client):
    consent_request = ConsentRequestFactory()
    for url in (
        reverse("consents:give", args=[consent_request.token]),
        reverse("consents:given", args=[consent_request.token]),
        reverse("consents:withdraw"),
        reverse("consents:withdraw_sent"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert _no_store(response), url


def test_the_public_register_of_official_accounts_and_static_files_stay_cacheable(client):
    AccountFactory()
    for url in (
        reverse("social_accounts:official"),
        reverse("social_accounts:official_csv"),
        reverse("social_accounts:official_json"),
        "/static/herald/favicon.svg",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not _no_store(response), url
