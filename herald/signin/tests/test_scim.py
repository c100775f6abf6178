"""The identity provider pushes staff changes to Herald over SCIM 2.0; leavers as the CSV import."""

import json
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.people.models import Person
from herald.signin.models import SessionRecord
from testing.factories import PersonFactory

pytestmark = pytest.mark.django_db
TOKEN = "scim-test-token-which-is-long-enough"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"


@pytest.fixture
def scim(settings, client):
    settings.HERALD_SCIM_TOKEN = TOKEN

    def call(method, url, body=None, token=TOKEN):
        return getattr(client, method)(
            url,
            data=json.dumps(body) if body is not None else None,
            content_type="application/scim+json",
            headers={"Authorization": f"Bearer {token}"},
        )

    return call


def _new_starter():
    return {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "userName": "New.Starter@council.example",
        "name": {"givenName": "Nia", "familyName": "Starter"},
        "title": "Digital Officer",
        "active": True,
        ENTERPRISE: {"employeeNumber": "E90001"},
    }


def test_the_provider_creates_a_new_starter(scim):
    response = scim("post", reverse("scim:users"), _new_starter())
    assert response.status_code == 201
    person = Person.objects.get(email="new.starter@council.example")
    assert (person.first_name, person.employee_number, person.job_title) == ("Nia", "E90001", "Digital Officer")
    assert response.json()["id"] == str(person.pk)
    assert AuditEvent.objects.filter(action="person.created", object_id=str(person.pk)).exists()


def test_the_provider_finds_people_by_username(scim):
    person = PersonFactory(email="found@council.example")
    response = scim("get", reverse("scim:users") + '?filter=userName eq "found@council.example"')
    assert response.json()["totalResults"] == 1
    assert response.json()["Resources"][0]["id"] == str(person.pk)


def test_a_deactivation_makes_a_leaver_as_the_csv_import_does(scim, editor):
    # given an editor who is signed in somewhere
    from django.test import Client

    from testing.factories import PASSWORD

    Client().post(reverse("login"), {"username": editor.email, "password": PASSWORD})
    assert SessionRecord.objects.active().filter(person=editor).exists()
    # when
    patch = {
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": [{"op": "replace", "path": "active", "value": False}],
    }
    response = scim("patch", reverse("scim:user", args=[editor.pk]), patch)
    # then
    assert response.status_code == 200 and response.json()["active"] is False
    editor.refresh_from_db()
    assert not editor.is_active and editor.left_on is not None
    assert AuditEvent.objects.filter(action="person.deactivated", object_id=str(editor.pk)).exists()
    assert not SessionRecord.objects.active().filter(person=editor).exists()


def test_a_delete_is_a_leaver_and_the_record_is_kept(scim, employee):
    assert scim("delete", reverse("scim:user", args=[employee.pk])).status_code == 204
    employee.refresh_from_db()
    assert not employee.is_active
    # and the audit trail says the identity provider made the leaver
    event = AuditEvent.objects.get(action="person.leaver_recorded", object_id=str(employee.pk))
    assert event.reason == "Directory sync (SCIM)"


def test_a_replace_updates_the_person(scim, employee):
    body = {**_new_starter(), "userName": employee.email, ENTERPRISE: {"employeeNumber": employee.employee_number}}
    body["name"] = {"givenName": "Renamed", "familyName": "Person"}
    assert scim("put", reverse("scim:user", args=[employee.pk]), body).status_code == 200
    employee.refresh_from_db()
    assert employee.first_name == "Renamed"


def test_refusals_are_4xx_with_a_reason(scim, employee, settings):
    assert scim("get", reverse("scim:users"), token="wrong").status_code == 401
    clash = {**_new_starter(), "userName": employee.email}
    conflict = scim("post", reverse("scim:users"), clash)
    assert conflict.status_code == 409 and conflict.json()["detail"]
    bad = scim("post", reverse("scim:users"), {"name": "no email"})
    assert bad.status_code == 400 and "userName" in bad.json()["detail"]
    odd = scim("patch", reverse("scim:user", args=[employee.pk]), {"Operations": [{"op": "move", "path": "x"}]})
    assert odd.status_code == 400
    assert scim("get", reverse("scim:users") + "?filter=title sw 1").status_code == 400
    assert scim("get", reverse("scim:user", args=[999999])).status_code == 404
    settings.HERALD_SCIM_TOKEN = ""
    assert scim("get", reverse("scim:users")).status_code == 404


def test_a_replace_without_active_leaves_a_leaver_a_leaver(scim, employee):
    # given someone who has left
    scim("delete", reverse("scim:user", args=[employee.pk]))
    # when the provider replaces their record without saying whether they are active
    body = {**_new_starter(), "userName": employee.email, ENTERPRISE: {"employeeNumber": employee.employee_number}}
    del body["active"]
    response = scim("put", reverse("scim:user", args=[employee.pk]), body)
    # then the other details change but they stay a leaver
    assert response.status_code == 200 and response.json()["active"] is False
    employee.refresh_from_db()
    assert not employee.is_active and employee.left_on is not None
    assert employee.job_title == "Digital Officer"
    assert not AuditEvent.objects.filter(action="person.reactivated", object_id=str(employee.pk)).exists()


def test_a_replace_saying_active_brings_a_leaver_back(scim, employee):
    scim("delete", reverse("scim:user", args=[employee.pk]))
    body = {**_new_starter(), "userName": employee.email, ENTERPRISE: {"employeeNumber": employee.employee_number}}
    response = scim("put", reverse("scim:user", args=[employee.pk]), body)
    assert response.status_code == 200 and response.json()["active"] is True


def test_a_replace_without_active_leaves_an_active_person_active(scim, employee):
    body = {**_new_starter(), "userName": employee.email, ENTERPRISE: {"employeeNumber": employee.employee_number}}
    del body["active"]
    assert scim("put", reverse("scim:user", args=[employee.pk]), body).json()["active"] is True
    employee.refresh_from_db()
    assert employee.is_active


def test_removing_active_is_refused_and_makes_nobody_a_leaver(scim, employee):
    patch = {
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": [{"op": "remove", "path": "active"}],
    }
    response = scim("patch", reverse("scim:user", args=[employee.pk]), patch)
    assert response.status_code == 400
    error = response.json()
    assert error["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:Error"]
    assert error["scimType"] == "mutability" and "active" in error["detail"]
    employee.refresh_from_db()
    assert employee.is_active and employee.left_on is None
    assert not AuditEvent.objects.filter(action="person.deactivated", object_id=str(employee.pk)).exists()


def test_an_active_value_that_is_not_true_or_false_is_refused(scim, employee):
    body = {**_new_starter(), "userName": employee.email, ENTERPRISE: {"employeeNumber": employee.employee_number}}
    body["active"] = "yes"
    response = scim("put", reverse("scim:user", args=[employee.pk]), body)
    assert response.status_code == 400 and "active" in response.json()["detail"]
    employee.refresh_from_db()
    assert employee.is_active and employee.job_title != "Digital Officer"


def test_a_page_beyond_every_number_is_an_empty_page_not_a_server_error(scim, employee):
    # given a provider paging through the directory with a start index no database can count to
    url = reverse("scim:users") + "?startIndex=99999999999999999999&count=5"

    # when it asks for that page
    response = scim("get", url)

    # then it is told the page is empty, with the true total
    assert response.status_code == 200
    assert (response.json()["totalResults"], response.json()["Resources"]) == (Person.objects.employees().count(), [])


def test_councillors_are_not_staff_to_the_provider_neither_listed_nor_read_nor_changed(scim, councillor):
    # The SCIM endpoint keeps staff in step; councillors come from the members' register.
    found = scim("get", reverse("scim:users") + f'?filter=userName eq "{councillor.email}"').json()
    assert found["totalResults"] == 0
    assert str(councillor.pk) not in [user["id"] for user in scim("get", reverse("scim:users")).json()["Resources"]]

    url = reverse("scim:user", args=[councillor.pk])
    read = scim("get", url)
    assert read.status_code == 404 and read.json()["detail"] == "No such member of staff in Herald"
    assert scim("put", url, {**_new_starter(), "userName": councillor.email, "active": False}).status_code == 404
    patch = {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}
    patch["Operations"] = [{"op": "replace", "path": "active", "value": False}]
    assert scim("patch", url, patch).status_code == 404
    assert scim("delete", url).status_code == 404

    councillor.refresh_from_db()
    assert councillor.is_active and councillor.kind == Person.Kind.COUNCILLOR
    assert not AuditEvent.objects.filter(object_id=str(councillor.pk), action="person.leaver_recorded").exists()


def test_a_member_of_staff_is_both_found_by_search_and_read_by_id(scim, employee):
    found = scim("get", reverse("scim:users") + f'?filter=userName eq "{employee.email}"').json()
    [listed] = found["Resources"]
    read = scim("get", reverse("scim:user", args=[employee.pk]))
    assert read.status_code == 200 and read.json() == listed


def test_a_nul_byte_in_a_search_is_ignored_as_the_import_ignores_it(scim):
    # given someone the provider looks for with a NUL byte in the address (PostgreSQL cannot compare one)
    person = PersonFactory(email="found@council.example")
    # when
    response = scim("get", reverse("scim:users") + '?filter=userName eq "fou%00nd@council.example"')
    # then the search answers, and finds them as the address reads without it
    assert response.status_code == 200
    assert [found["id"] for found in response.json()["Resources"]] == [str(person.pk)]


def test_a_nul_byte_in_a_searched_employee_number_is_ignored(scim):
    person = PersonFactory(email="numbered@council.example", employee_number="E4242")
    response = scim("get", reverse("scim:users") + '?filter=externalId eq "E42%0042"')
    assert response.status_code == 200
    assert [found["id"] for found in response.json()["Resources"]] == [str(person.pk)]


def test_a_new_starter_whose_address_has_a_nul_byte_is_matched_as_stored(scim):
    # given someone already in Herald
    PersonFactory(email="new.starter@council.example")
    # when the provider pushes them again as new, with a NUL byte in the address
    body = _new_starter()
    body["userName"] = "new.star\x00ter@council.example"
    response = scim("post", reverse("scim:users"), body)
    # then they are found as already there (the stored address is the same without the NUL), not a 500
    assert response.status_code == 409
    assert Person.objects.filter(email="new.starter@council.example").count() == 1


def test_a_new_starter_whose_employee_number_has_a_nul_byte_is_created_without_it(scim):
    body = _new_starter()
    body[ENTERPRISE]["employeeNumber"] = "E90\x00001"
    response = scim("post", reverse("scim:users"), body)
    assert response.status_code == 201
    assert Person.objects.get(email="new.starter@council.example").employee_number == "E90001"


def _patch(*operations):
    return {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": list(operations)}


def test_a_replace_naming_active_in_another_case_still_makes_a_leaver(scim, employee):
    # RFC 7643 2.1: attribute names are case-insensitive, so "Active": false is a leaver as "active" is
    body = {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "UserName": employee.email,
        "Name": {"GivenName": "Renamed", "FamilyName": employee.last_name},
        "Active": False,
    }
    response = scim("put", reverse("scim:user", args=[employee.pk]), body)
    assert response.status_code == 200 and response.json()["active"] is False
    employee.refresh_from_db()
    assert not employee.is_active and employee.first_name == "Renamed"


def test_a_patch_in_another_case_changes_what_it_names(scim, employee):
    operations = [
        {"op": "Replace", "value": {"NAME": {"givenname": "Zed"}, "ACTIVE": "False"}},
        {"op": "replace", "path": ENTERPRISE.lower() + ":employeenumber", "value": "E77001"},
    ]
    response = scim("patch", reverse("scim:user", args=[employee.pk]), _patch(*operations))
    assert response.status_code == 200
    employee.refresh_from_db()
    assert (employee.first_name, employee.employee_number, employee.is_active) == ("Zed", "E77001", False)


def test_a_patch_giving_the_enterprise_extension_as_an_object_changes_the_employee_number(scim, employee):
    # RFC 7644 3.5.2: a value without a path may hold the extension's own object
    patch = _patch({"op": "replace", "value": {ENTERPRISE: {"employeeNumber": "E77002"}}})
    response = scim("patch", reverse("scim:user", args=[employee.pk]), patch)
    assert response.status_code == 200
    assert response.json()[ENTERPRISE]["employeeNumber"] == "E77002"
    employee.refresh_from_db()
    assert employee.employee_number == "E77002"


@pytest.mark.parametrize("with_path", [True, False])
def test_a_patch_replacing_the_emails_changes_the_work_address(scim, employee, with_path):
    emails = [{"value": "moved.on@council.example", "type": "work", "primary": True}]
    operation = (
        {"op": "replace", "path": "emails", "value": emails}
        if with_path
        else {"op": "replace", "value": {"emails": emails}}
    )
    response = scim("patch", reverse("scim:user", args=[employee.pk]), _patch(operation))
    assert response.status_code == 200 and response.json()["userName"] == "moved.on@council.example"
    employee.refresh_from_db()
    assert employee.email == "moved.on@council.example"


def test_the_bearer_scheme_is_read_in_any_case(scim, employee, client):
    # RFC 7235 2.1: the authentication scheme is case-insensitive
    response = client.get(reverse("scim:users"), headers={"Authorization": f"bearer {TOKEN}"})
    assert response.status_code == 200 and response.json()["totalResults"] >= 1


def _search(scim, filter_text: str):
    return scim("get", reverse("scim:users") + "?" + urlencode({"filter": filter_text}))


def test_a_search_for_an_address_with_an_escaped_quote_finds_its_owner(scim):
    # given someone whose address has a quote in it, and someone with a backslash
    quoted = PersonFactory(email='o"brien@council.example')
    PersonFactory(email="o\\brien@council.example")
    # when the provider looks them up, escaping the quote as RFC 7644 filters do (JSON strings)
    response = _search(scim, 'userName eq "o\\"brien@council.example"')
    # then it finds them, and only them
    assert response.status_code == 200
    assert [found["id"] for found in response.json()["Resources"]] == [str(quoted.pk)]
    # and a \u escape for the quote reads the same
    escaped = _search(scim, 'userName eq "o\\u0022brien@council.example"').json()
    assert [found["id"] for found in escaped["Resources"]] == [str(quoted.pk)]


@pytest.mark.parametrize(
    "filter_text",
    [
        'userName eq "o\\"brien@council.example',  # the closing quote is escaped: never closed
        'userName eq "o\\qbrien@council.example"',  # no such escape
        'userName eq "o\\u00"',  # a \u escape cut short
        'userName eq "\\ud800@council.example"',  # half a character
        'userName eq ""',
        'userName eq "a" and title eq "b"',
        "userName eq o'brien@council.example",
    ],
)
def test_a_malformed_filter_is_refused_as_an_invalid_filter(scim, filter_text):
    response = _search(scim, filter_text)
    assert response.status_code == 400
    assert response.json()["scimType"] == "invalidFilter" and response.json()["detail"]
