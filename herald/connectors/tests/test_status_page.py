import pytest

from herald.connectors import services
from testing.factories import AccountFactory

pytestmark = pytest.mark.django_db


def test_the_status_page_shows_each_account_without_ever_showing_a_secret(client, comms_officer, secrets):
    ready = AccountFactory(platform="facebook", handle="HBBC", display_name="Hinckley and Bosworth Borough Council")
    AccountFactory(platform="bluesky", handle="half.bsky.social", display_name="Leisure centres")
    AccountFactory(platform="youtube", handle="Meetings", display_name="Council meetings")
    secrets(
        {
            "platforms": {"facebook": {"app_secret": "fb-SECRET-value", "verify_token": "verify-SECRET"}},
            "accounts": {
                "facebook:HBBC": {"account_id": "104958372615", "access_token": "page-SECRET-token"},
                "bluesky:half.bsky.social": {"account_id": "did:plc:x"},
            },
        }
    )
    services.save_cursor("facebook", ready, "")
    services.note_problem("facebook", "A delivery was refused: X-Hub-Signature-256 does not match")
    client.force_login(comms_officer)
    page = client.get("/connectors/").content.decode()
    assert "SECRET" not in page
    assert "Configured" in page and "Incomplete" in page and "Not configured" in page
    assert "Missing: handle, app_password" in page
    assert "/connectors/webhooks/facebook/" in page
    assert "X-Hub-Signature-256 does not match" in page


def test_a_broken_secrets_file_is_shown_not_crashed_on(client, ict_officer, settings, tmp_path):
    from herald.connectors import credentials

    broken = tmp_path / "secrets.toml"
    broken.write_text("[platforms.facebook\napp_secret = ")
    settings.HERALD_SECRETS_FILE = str(broken)
    credentials._cache["key"] = None
    client.force_login(ict_officer)
    answer = client.get("/connectors/")
    assert answer.status_code == 200
    assert "The secrets cannot be read" in answer.content.decode()
    credentials._cache["key"] = None


def test_a_secrets_file_named_but_missing_is_shown_as_the_problem(client, ict_officer, settings, tmp_path):
    from herald.connectors import credentials

    settings.HERALD_SECRETS_FILE = str(tmp_path / "gone.toml")
    credentials._cache["key"] = None
    client.force_login(ict_officer)
    answer = client.get("/connectors/")
    assert answer.status_code == 200
    page = answer.content.decode()
    assert "govuk-error-summary" in page
    assert f"The secrets file {tmp_path / 'gone.toml'} cannot be read: it does not exist" in page
    credentials._cache["key"] = None
