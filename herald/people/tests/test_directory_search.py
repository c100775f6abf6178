"""The directory's search: what it finds, and a search it cannot run said plainly, with htmx as without."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_search_the_directory_cannot_run_says_what_to_fix_and_lists_nobody(client, hr_officer, employee):
    client.force_login(hr_officer)
    directory, htmx = reverse("people:directory"), {"HX-Request": "true"}
    # an old or edited address: a status the page does not offer once listed everyone, leavers too
    bad = {"q": employee.last_name, "status": "gone", "kind": "contractor"}

    answer = client.get(directory, bad, headers=htmx).content.decode()
    page = client.get(directory, bad).content.decode()

    # htmx: the results say to fix the search, and out of band come the summary and the fields with errors
    form = answer[answer.index('id="directory-errors"') :]
    results = answer[: answer.index('id="directory-errors"')]
    assert "Fix the search to see people." in results and employee.full_name not in results
    assert 'id="directory-errors" hx-swap-oob="true"' in answer and "<form" not in answer
    assert "There is a problem" in form and "Select current, leavers or all" in form
    assert "Select employees, councillors or everyone" in form and 'id="directory-status-error"' in form
    # without JavaScript the page says the same
    assert "There is a problem" in page and "Fix the search to see people." in page and "hx-swap-oob" not in page
    assert employee.full_name not in page.split('id="results"')[1]
    # put right, the form comes back without errors to clear them, and the person is found
    right = client.get(directory, {"q": employee.last_name, "errors_shown": "status"}, headers=htmx).content.decode()
    assert employee.full_name in right and 'hx-swap-oob="true"' in right and "There is a problem" not in right


def test_the_directory_finds_current_people_by_default_and_leavers_when_asked(client, hr_officer, employee):
    employee.is_active = False
    employee.save(update_fields=["is_active"])
    client.force_login(hr_officer)
    directory = reverse("people:directory")

    # (the plain htmx answer while typing leaves the form alone, so nothing being typed is overwritten)
    typing = client.get(directory, {"q": employee.last_name}, headers={"HX-Request": "true"}).content.decode()
    leavers = client.get(directory, {"q": employee.last_name, "status": "leavers"}).content.decode()

    assert employee.full_name not in typing and "<form" not in typing
    assert employee.full_name in leavers.split('id="results"')[1]
