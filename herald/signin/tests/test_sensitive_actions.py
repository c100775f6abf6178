"""Sensitive actions ask again for a password or second factor shown more than 15 minutes ago."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse, reverse_lazy
from django.utils import timezone

from herald.audit.models import AuditEvent
from herald.consents.tests.factories import ConsentRecordFactory
from herald.people.roles import Role
from herald.policies.tests.factories import CampaignFactory
from herald.posts import services as post_services
from herald.social_accounts.tests.factories import AccountFactory
from testing.factories import PASSWORD, PersonFactory

pytestmark = pytest.mark.django_db


def test_granting_a_role_asks_again_after_fifteen_minutes(client, system_admin):
    # given an administrator who showed their second factor 16 minutes ago
    person = PersonFactory()
    url = reverse("people:person_roles", args=[person.pk])
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.force_login(system_admin)
        assert client.get(url).status_code == 200
    with time_machine.travel(start + dt.timedelta(minutes=16), tick=False):
        # when
        asked = client.post(
            url, {"roles": [Role.COMMS], "reason": "Joined comms"}, HTTP_REFERER=f"http://testserver{url}"
        )
        # then nothing was granted, and the password brings them back to the page
        assert asked.status_code == 302 and asked["Location"].startswith(reverse("signin:confirm"))
        assert not AuditEvent.objects.filter(action="role.granted", object_id=str(person.pk)).exists()
        wrong = client.post(asked["Location"], {"password": "not-it"})
        assert "That is not right" in wrong.content.decode()
        confirmed = client.post(asked["Location"], {"password": PASSWORD})
        assert confirmed["Location"] == url
        client.post(url, {"roles": [Role.COMMS], "reason": "Joined comms"})
    assert AuditEvent.objects.filter(action="role.granted", object_id=str(person.pk)).exists()


def test_stopping_publishing_asks_again_but_the_page_still_shows(client, comms_officer):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.force_login(comms_officer)
    with time_machine.travel(start + dt.timedelta(minutes=20), tick=False):
        assert client.get(reverse("posts:stop")).status_code == 200
        response = client.post(
            reverse("posts:stop"), {"scope": "all", "reason": "Crisis"}, HTTP_REFERER="http://testserver/posts/stop/"
        )
        assert response["Location"].startswith(reverse("signin:confirm"))
        assert "again=1" in response["Location"]
        assert "Nothing has been done yet" in client.get(response["Location"]).content.decode()


def test_within_fifteen_minutes_nothing_is_asked(client, system_admin):
    person = PersonFactory()
    client.force_login(system_admin)
    response = client.post(
        reverse("people:person_roles", args=[person.pk]), {"roles": [Role.EDITOR], "reason": "Trained"}
    )
    assert response["Location"] == reverse("people:roles")


@pytest.mark.parametrize("page", ["signin:totp_setup", "signin:passkey_add"])
def test_adding_or_replacing_a_second_factor_asks_again_after_fifteen_minutes(client, system_admin, page):
    # given an administrator (with an authenticator app) who showed it 16 minutes ago, and left the desk
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.force_login(system_admin)
    with time_machine.travel(start + dt.timedelta(minutes=16), tick=False):
        # when someone at that desk opens the page to plant their own second factor
        asked = client.get(reverse(page))
        # then they are asked for the password or a code first
        assert asked.status_code == 302 and asked["Location"].startswith(reverse("signin:confirm"))


def test_a_first_second_factor_is_set_up_without_being_asked_again(client):
    # given an employee with no second factor, signed in 16 minutes ago
    employee = PersonFactory()
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.force_login(employee)
    with time_machine.travel(start + dt.timedelta(minutes=16), tick=False):
        # then setting up their first one is not held up
        assert client.get(reverse("signin:totp_setup")).status_code == 200
        assert client.get(reverse("signin:passkey_add")).status_code == 200


def _blocked_post(comms):
    editor = PersonFactory(roles=[Role.EDITOR])
    account = AccountFactory(editors=[editor])
    draft = post_services.write_post(
        accounts=[account],
        texts={account.platform: "Ring our officer on 07700 900123"},
        scheduled_for=timezone.now() + dt.timedelta(days=2),
        by=editor,
    )[0]
    return post_services.submit_for_approval(draft, by=editor)


def _asked_to_confirm(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("signin:confirm"))


def test_overriding_a_block_asks_again_after_fifteen_minutes(client, comms_officer):
    # given a post the checks blocked, and a comms officer who confirmed who they were 16 minutes ago
    post = _blocked_post(comms_officer)
    url = reverse("posts:override", args=[post.pk])
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.force_login(comms_officer)
        assert client.get(url).status_code == 200
    with time_machine.travel(start + dt.timedelta(minutes=16), tick=False):
        # when they override it
        asked = client.post(
            url,
            {"justification": "This is the published out-of-hours duty phone number"},
            HTTP_REFERER=f"http://testserver{url}",
        )
    # then they are asked to confirm first, and the block stands
    assert _asked_to_confirm(asked)
    post.refresh_from_db()
    assert post.override_rules == []
    assert not AuditEvent.objects.filter(action="post.block_overridden").exists()


def test_exporting_what_is_held_about_a_person_asks_again_after_fifteen_minutes(client, dpo):
    # given an information governance officer who confirmed who they were 16 minutes ago
    record = ConsentRecordFactory(subject_name="Asha Patel", email="asha@example.org")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.force_login(dpo)
    with time_machine.travel(start + dt.timedelta(minutes=16), tick=False):
        # when they export a subject access pack
        asked = client.post(
            reverse("consents:subject_export"),
            {"record": [record.pk], "q": "asha@example.org", "format": "json"},
            HTTP_REFERER="http://testserver/consents/subject-access/?q=asha%40example.org",
        )
    # then nothing leaves Herald until they confirm, and no export is recorded
    assert _asked_to_confirm(asked)
    assert "Asha Patel" not in asked.content.decode()
    assert not AuditEvent.objects.filter(action="consent.subject_access_export").exists()


@pytest.mark.parametrize(
    "who, url",
    [
        ("dpo", reverse_lazy("incidents:breach_log_csv")),
        ("system_admin", f"{reverse_lazy('audit:export')}?download=1"),
        # who holds which account, who is on call and which accounts lack two-factor
        ("comms_officer", reverse_lazy("social_accounts:register_csv")),
        # staff names, emails and employee numbers with their acknowledgements
        ("comms_officer", "campaign"),
    ],
)
def test_downloading_a_spreadsheet_of_personal_data_asks_again_after_fifteen_minutes(client, request, who, url):
    # given someone allowed the spreadsheet, who confirmed who they were 16 minutes ago
    person = request.getfixturevalue(who)
    if url == "campaign":
        url = reverse("policies:campaign_export", args=[CampaignFactory().pk])
    url = str(url)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.force_login(person)
        assert client.get(url)["Content-Type"].startswith("text/csv")
    with time_machine.travel(start + dt.timedelta(minutes=16), tick=False):
        # when they download it again
        asked = client.get(url)
        # then they confirm first, and are brought back to the download
        assert _asked_to_confirm(asked)
        confirmed = client.post(asked["Location"], {"password": PASSWORD})
        assert confirmed["Location"] == url
        assert client.get(url)["Content-Type"].startswith("text/csv")


def test_the_audit_trails_download_page_opens_without_asking(client, system_admin):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.force_login(system_admin)
    with time_machine.travel(start + dt.timedelta(minutes=16), tick=False):
        assert client.get(reverse("audit:export")).status_code == 200
