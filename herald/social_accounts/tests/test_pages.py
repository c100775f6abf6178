"""The pages: the public list and feed, the register, and the request form's error handling."""

import csv
import io

import pytest
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.social_accounts.models import Account, AccountRequest
from herald.social_accounts.tests.factories import AccountFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def accounts(team, editor):
    return {
        "active": AccountFactory(team=team, display_name="Hinckley Museum", handle="hinckleymuseum", editors=[editor]),
        "dormant": AccountFactory(team=team, display_name="Summer Festival", handle="hbfestival", status="dormant"),
        "requested": AccountFactory(team=team, display_name="Not Yet Live", handle="", status="requested"),
        "closed": AccountFactory(team=team, display_name="Old Leisure Page", handle="oldleisure", status="closed"),
    }


def test_the_public_list_shows_only_live_official_accounts_without_signing_in(client, accounts):
    page = client.get(reverse("social_accounts:official")).content.decode()
    assert "Hinckley Museum" in page and "Summer Festival" in page
    assert "Not Yet Live" not in page and "Old Leisure Page" not in page


def test_the_public_feed_comes_as_json_and_csv_without_personal_data(client, accounts, editor):
    data = client.get(reverse("social_accounts:official_json")).json()
    names = {a["name"] for a in data["accounts"]}
    assert names == {"Hinckley Museum", "Summer Festival"}
    museum = next(a for a in data["accounts"] if a["name"] == "Hinckley Museum")
    assert museum["handle"] == "@hinckleymuseum" and museum["url"].startswith("https://")
    rows = list(csv.DictReader(io.StringIO(client.get(reverse("social_accounts:official_csv")).content.decode())))
    assert {r["name"] for r in rows} == names
    assert editor.last_name not in str(data)


def test_comms_filter_search_and_export_the_register(client, comms_officer, accounts, editor):
    client.force_login(comms_officer)
    url = reverse("social_accounts:register")
    assert "Old Leisure Page" not in client.get(url).content.decode()
    assert "Old Leisure Page" in client.get(url, {"status": "closed"}).content.decode()
    found = client.get(url, {"q": "@hinckleymuseum"}).content.decode()
    assert "Hinckley Museum" in found and "Summer Festival" not in found
    by_editor = client.get(url, {"q": editor.last_name}).content.decode()
    assert "Hinckley Museum" in by_editor
    short = client.get(url, {"flag": "short"}).content.decode()
    assert "Hinckley Museum" in short
    export = client.get(reverse("social_accounts:register_csv"), {"platform": "facebook"}).content.decode()
    rows = list(csv.reader(io.StringIO(export)))
    assert rows[0][:3] == ["Platform", "Display name", "Handle"]
    assert editor.full_name in next(r for r in rows if r[1] == "Hinckley Museum")[8]


def test_the_account_page_shows_its_history_from_the_audit_trail(client, comms_officer, accounts):
    from herald.social_accounts import services

    services.mark_dormant(accounts["active"], by=comms_officer, reason="Quiet over winter")
    client.force_login(comms_officer)
    page = client.get(reverse("social_accounts:detail", args=[accounts["active"].pk])).content.decode()
    assert "Account marked dormant" in page and "Quiet over winter" in page


def _valid_request(editor, second_editor, team, service_manager, **changes):
    data = {
        "team": team.pk,
        "service_manager": service_manager.pk,
        "platform": "instagram",
        "proposed_name": "Hinckley Heritage",
        "proposed_handle": "@hinckleyheritage",
        "purpose": "Heritage",
        "audience": "Families",
        "why_not_corporate": "Too general",
        "content_plan": "Photos",
        "posting_frequency": "Weekly",
        "monitoring_hours": "9 to 5",
        "out_of_hours_cover": "None needed",
        "resources": "Two hours a week",
        "closure_plan": "Archive it",
        "editor_1_email": editor.email,
        "editor_2_email": second_editor.email,
    }
    data.update(changes)
    return data


def test_a_bad_request_is_shown_again_with_every_problem_and_nothing_saved(
    client, employee, editor, team, service_manager
):
    client.force_login(employee)
    data = _valid_request(
        editor,
        editor,
        team,
        service_manager,
        purpose="",
        editor_2_email="",
        resources="Shared login password: Museum2026",
    )
    response = client.post(reverse("social_accounts:request_new"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and "<title>Error:" in page
    assert "Enter the purpose and objectives of the account" in page
    assert "Name at least two editors" in page
    assert "Herald must never hold passwords" in page
    assert not AccountRequest.objects.exists()
    assert not AuditEvent.objects.filter(action="account_request.submitted").exists()


def test_an_editor_who_has_left_blocks_the_request(client, employee, editor, second_editor, team, service_manager):
    second_editor.is_active = False
    second_editor.save()
    client.force_login(employee)
    response = client.post(
        reverse("social_accounts:request_new"), _valid_request(editor, second_editor, team, service_manager)
    )
    assert "has left the council: name another editor" in response.content.decode()
    assert not AccountRequest.objects.exists()


def test_a_good_request_is_sent_to_the_service_manager(client, employee, editor, second_editor, team, service_manager):
    client.force_login(employee)
    response = client.post(
        reverse("social_accounts:request_new"), _valid_request(editor, second_editor, team, service_manager)
    )
    request = AccountRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "social_accounts:request_detail", args=[request.pk]
    )
    assert request.proposed_handle == "hinckleyheritage"
    client.force_login(service_manager)
    home = client.get("/").content.decode()
    assert "Account requests to endorse" in home and "Hinckley Heritage" in home


def test_the_review_form_needs_reasons_to_refuse(client, comms_officer, employee, editor, service_manager):
    from herald.social_accounts.tests.factories import AccountRequestFactory

    request = AccountRequestFactory(requested_by=employee, service_manager=service_manager, status="endorsed")
    client.force_login(comms_officer)
    response = client.post(reverse("social_accounts:review", args=[request.pk]), {"decision": "refuse"})
    assert "Give the reasons for refusing the request" in response.content.decode()
    request.refresh_from_db()
    assert request.status == AccountRequest.Status.ENDORSED


def test_an_editor_sends_a_monthly_report(client, editor, accounts):
    client.force_login(editor)
    account = accounts["active"]
    url = reverse("social_accounts:report_new", args=[account.pk])
    month = client.get(url).context["form"].fields["month"].choices[0][0]
    response = client.post(url, {"month": month, "posts": "14", "reach": "5200", "notable_issues": "None"})
    assert response.status_code == 302
    assert account.monthly_reports.get().posts == 14
    assert Account.objects.get(pk=account.pk).last_activity_on is not None


@pytest.mark.parametrize("team_id", ["²", "①"])
def test_a_team_filter_that_is_not_a_plain_number_shows_the_whole_register(client, comms_officer, accounts, team_id):
    client.force_login(comms_officer)

    page = client.get(reverse("social_accounts:register"), {"team": team_id})

    assert page.status_code == 200
    assert "Hinckley Museum" in page.content.decode()
