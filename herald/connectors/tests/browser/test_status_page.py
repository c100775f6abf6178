"""ICT checks which accounts' connectors are set up, in real Chromium."""

import pytest
from playwright.sync_api import expect

from herald.connectors import services
from testing.factories import AccountFactory

pytestmark = pytest.mark.browser


def test_ict_sees_which_connectors_are_set_up_and_the_last_problem(
    page, sign_in, assert_accessible, ict_officer, secrets
):
    # given a Facebook page with its secrets and a refused delivery
    account = AccountFactory(platform="facebook", handle="HBBC", display_name="Hinckley and Bosworth Borough Council")
    secrets(
        {
            "platforms": {"facebook": {"app_secret": "fb-SECRET", "verify_token": "verify-SECRET"}},
            "accounts": {"facebook:HBBC": {"account_id": "104958372615", "access_token": "token-SECRET"}},
        }
    )
    services.save_cursor("facebook", account, "")
    services.note_problem("facebook", "A delivery was refused: X-Hub-Signature-256 is missing")
    # when ICT opens the Connectors page from the header
    sign_in(page, ict_officer)
    page.locator('[data-nav="connectors:status"]').click()
    # then the account is configured, the webhook address is given, and no secret is on the page
    expect(page.locator("h1")).to_have_text("Connectors")
    expect(page.locator("table").first).to_contain_text("Hinckley and Bosworth Borough Council")
    expect(page.locator("table").first).to_contain_text("Configured")
    expect(page.locator("body")).to_contain_text("/connectors/webhooks/facebook/")
    expect(page.locator("body")).to_contain_text("X-Hub-Signature-256 is missing")
    assert "SECRET" not in page.content()
    assert_accessible(page)
