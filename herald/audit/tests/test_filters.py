"""The audit trail's filters: "What happened" is a choice of the real actions, in words, matched
exactly; a value that is not one of them is an error in the summary, never silently ignored."""

import pytest

from herald.audit import services as audit
from herald.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def approvals(system_admin, employee):
    audit.record(actor=system_admin, action="account_request.approved", obj=employee)
    audit.record(actor=system_admin, action="account_request.approved_with_conditions", obj=employee)
    audit.record(actor=system_admin, action="person.deactivated", obj=employee)


def _rows(page: str) -> str:
    return page.split("<tbody", 1)[1].split("</tbody>", 1)[0]


def test_what_happened_offers_the_actions_in_words_and_matches_only_the_one_chosen(client, comms_officer, approvals):
    client.force_login(comms_officer)

    page = client.get("/audit/").content.decode()
    assert '<option value="account_request.approved">Request approved</option>' in page
    assert '<option value="account_request.approved_with_conditions">Request approved with conditions</option>' in page

    page = client.get("/audit/", {"action": "account_request.approved"}).content.decode()
    assert "1 event." in page
    rows = _rows(page)
    assert "Request approved" in rows and "with conditions" not in rows
    assert '<option value="account_request.approved" selected>' in page


def test_an_action_that_is_not_a_choice_is_an_error_in_the_summary_and_nothing_is_listed(
    client, comms_officer, approvals
):
    client.force_login(comms_officer)

    response = client.get("/audit/", {"action": "approved", "actor": "Sam"})

    assert response.status_code == 400
    page = response.content.decode()
    assert "<title>Error: Audit trail" in page
    assert 'class="govuk-error-summary"' in page and '<a href="#action">Choose what happened from the list</a>' in page
    assert 'id="action-error"' in page and "govuk-select--error" in page
    assert 'value="Sam"' in page  # what was typed is kept
    assert "Correct the filters to see the events." in page and "<tbody" not in page


def test_a_real_action_with_no_events_yet_is_a_choice_with_no_results(client, comms_officer, approvals):
    client.force_login(comms_officer)

    response = client.get("/audit/", {"action": "election.notice_sent"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "0 events." in page
    assert '<option value="election.notice_sent" selected>Pre-election notice sent to staff</option>' in page


def test_a_kind_of_record_that_is_not_a_choice_is_an_error_too(client, comms_officer, approvals):
    client.force_login(comms_officer)

    response = client.get("/audit/", {"object_type": "nothing.here"})

    assert response.status_code == 400
    assert '<a href="#object_type">Choose the kind of record from the list</a>' in response.content.decode()


def test_the_download_refuses_a_filter_that_is_not_a_choice_and_records_no_copy(client, comms_officer, approvals):
    client.force_login(comms_officer)

    response = client.get("/audit/export/", {"action": "approved", "download": "1"})

    assert response.status_code == 400
    page = response.content.decode()
    assert "Choose what happened from the list" in page and 'href="/audit/?action=approved' in page
    assert not AuditEvent.objects.filter(action="audit.exported").exists()


def test_the_download_page_names_the_chosen_filters_in_words(client, comms_officer, approvals):
    client.force_login(comms_officer)

    page = client.get("/audit/export/", {"action": "account_request.approved", "actor": "Sam"}).content.decode()

    assert "that match your filters (Sam; Request approved)" in page
    assert "account_request.approved)" not in page


@pytest.mark.parametrize("field, too_long", [("actor", "S" * 201), ("text", "x" * 301)], ids=["who", "record contains"])
def test_an_over_long_filter_shows_its_error_at_the_field_the_summary_links_to(
    client, comms_officer, approvals, field, too_long
):
    client.force_login(comms_officer)

    response = client.get("/audit/", {field: too_long})

    assert response.status_code == 400
    page = response.content.decode()
    assert f'<a href="#{field}">' in page, "the summary links to the field"
    assert f'<p id="{field}-error" class="govuk-error-message">' in page, "the field shows the error"
    assert f'aria-describedby="{field}-error"' in page and "govuk-input--error" in page
    assert f'value="{too_long}"' in page  # what was typed is kept


def test_the_trail_page_does_not_read_every_event_for_its_choices(client, comms_officer, approvals):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(comms_officer)
    audit.record(actor=comms_officer, action="person.reactivated", obj=comms_officer)

    for address in ("/audit/", "/audit/export/"):
        with CaptureQueriesContext(connection) as queries:
            page = client.get(address, {"action": "person.deactivated"}).content.decode()
        assert not [query["sql"] for query in queries if "DISTINCT" in query["sql"].upper()], address
    # and the choices are still every action Herald records, in words
    assert (
        '<option value="person.deactivated" selected>'
        in client.get("/audit/", {"action": "person.deactivated"}).content.decode()
    )
    page = client.get("/audit/").content.decode()
    assert '<option value="election.notice_sent">Pre-election notice sent to staff</option>' in page
    assert '<option value="people.person">Person</option>' in page
