"""History tables (an account's, a person's, the audit list) link an event to its own page only for
people who may open that page; everyone else sees the date as plain text."""

import re

import pytest
from django.urls import reverse

from herald.audit import services as audit
from herald.audit.views import may_open_event
from herald.people.roles import ALL_ROLES, Role
from herald.social_accounts.tests.factories import AccountFactory

pytestmark = pytest.mark.django_db

EVENT_LINK = re.compile(r'href="(/audit/\d+/)"')


@pytest.fixture
def account_with_history(comms_officer):
    account = AccountFactory(display_name="HBBC Leisure")
    event = audit.record(actor=comms_officer, action="account.reviewed", obj=account, reason="Annual review")
    return account, event


def _history_table(html: str) -> str:
    return html[html.index('<h2 class="govuk-heading-m">History</h2>') :]


def test_ict_sees_an_accounts_history_with_no_link_to_the_audit_event_page(client, ict_officer, account_with_history):
    account, event = account_with_history
    # given ICT, who may read the register but not open audit events
    client.force_login(ict_officer)
    # when they open the account's page
    response = client.get(reverse("social_accounts:detail", args=[account.pk]))
    # then the history is there, its date as plain text, and nothing links to an event they cannot open
    assert response.status_code == 200
    history = _history_table(response.content.decode())
    assert "Account reviewed" in history
    assert EVENT_LINK.findall(response.content.decode()) == []
    assert reverse("audit:event", args=[event.pk]) not in response.content.decode()
    assert client.get(reverse("audit:event", args=[event.pk])).status_code == 403


@pytest.mark.parametrize("who", ["comms_officer", "system_admin"])
def test_someone_who_may_open_audit_events_follows_the_link_from_an_accounts_history(
    client, request, who, account_with_history
):
    account, event = account_with_history
    client.force_login(request.getfixturevalue(who))
    page = client.get(reverse("social_accounts:detail", args=[account.pk])).content.decode()
    links = EVENT_LINK.findall(_history_table(page))
    assert reverse("audit:event", args=[event.pk]) in links
    for link in links:
        opened = client.get(link)
        assert opened.status_code == 200
    assert "Account reviewed" in client.get(reverse("audit:event", args=[event.pk])).content.decode()


def test_hr_sees_a_persons_history_without_links_and_an_administrator_with_them(
    client, hr_officer, system_admin, employee
):
    event = audit.record(actor=hr_officer, action="person.updated", obj=employee, reason="New job title")
    url = reverse("people:detail", args=[employee.pk])
    client.force_login(hr_officer)
    page = client.get(url).content.decode()
    assert "Person&#x27;s details changed" in page and EVENT_LINK.findall(page) == []
    client.force_login(system_admin)
    page = client.get(url).content.decode()
    assert reverse("audit:event", args=[event.pk]) in EVENT_LINK.findall(page)


def test_the_audit_list_links_each_event_to_its_page(client, dpo, employee):
    event = audit.record(actor=None, action="person.deactivated", obj=employee, reason="Leaver")
    client.force_login(dpo)
    page = client.get(reverse("audit:events")).content.decode()
    assert reverse("audit:event", args=[event.pk]) in EVENT_LINK.findall(page)


def test_whether_a_link_is_shown_follows_the_rule_declared_on_the_event_page(cast, client, employee):
    """The same rule the view enforces, for every role: a link is offered exactly when it would open."""
    event = audit.record(actor=None, action="person.deactivated", obj=employee)
    for role in ALL_ROLES:
        person = cast[role]
        client.force_login(person)
        opens = client.get(reverse("audit:event", args=[event.pk])).status_code == 200
        assert may_open_event(person) is opens, role
    assert may_open_event(cast[Role.ICT]) is False
