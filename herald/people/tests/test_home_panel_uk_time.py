"""HR's home panel of rejected directory imports: each import's time on the council's clocks, its problems counted."""

import datetime as dt

import pytest
import time_machine

from herald.people.models import DirectoryImport

pytestmark = pytest.mark.django_db


def test_an_import_rejected_in_summer_is_shown_at_its_uk_time(client, hr_officer):
    # given an import rejected at 23:30 UTC on 30 June 2026, which is 00:30 BST on 1 July
    with time_machine.travel(dt.datetime(2026, 6, 30, 23, 30, tzinfo=dt.UTC), tick=False):
        DirectoryImport.objects.create(
            kind=DirectoryImport.Kind.EMPLOYEES,
            filename="staff.csv",
            accepted=False,
            errors=["row 2: no email", "row 3: no name"],
        )
    # when HR opens the home page that morning
    client.force_login(hr_officer)
    with time_machine.travel(dt.datetime(2026, 7, 1, 8, 0, tzinfo=dt.UTC), tick=False):
        page = client.get("/").content.decode()
    # then the rejected import is shown at the UK time it was made
    assert "staff.csv (2 problems)" in page
    assert "1 July 2026 at 12:30am" in page
    assert "30 June 2026" not in page


def test_an_import_rejected_for_one_problem_says_one_problem(client, hr_officer):
    DirectoryImport.objects.create(
        kind=DirectoryImport.Kind.EMPLOYEES, filename="staff.csv", accepted=False, errors=["row 2: no email"]
    )
    client.force_login(hr_officer)
    page = client.get("/").content.decode()
    assert "staff.csv (1 problem)" in page
