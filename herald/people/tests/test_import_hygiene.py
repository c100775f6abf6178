"""What a directory import stores is clean text that fits its columns, on SQLite exactly as on
PostgreSQL; a file the database cannot take is rejected row by row, kept and audited."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DataError
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.people import services
from herald.people.models import DirectoryImport, Person
from herald.people.tests.test_directory_import import feed

COUNCILLOR_HEADER = "first_name,last_name,email,ward,party,cabinet_portfolio,status,leaving_date\n"


def employee_row(first="Ruth", last="Ashby", email="ruth@council.example", job="Head of Service") -> str:
    return f"A1,{first},{last},{email},{job},Community Services,Cultural Services,,,,,active,"


def councillor_row(first="Mary", last="Sutton", ward="Castle", party="Independent", portfolio="") -> str:
    return f"{first},{last},mary.sutton@council.example,{ward},{party},{portfolio},active,"


def test_invisible_and_direction_changing_characters_are_removed_from_imported_names(team):
    hidden = employee_row(
        first="Ru\u200bth\ufeff\u200e",
        last="\u202eybhsA\u202c\u200f",
        job="Head\x00 of\u2060 Service\u2066\u2069\u061c",
    )

    result = services.import_employees(feed(hidden), by=None)

    assert result.ok
    ruth = Person.objects.get(employee_number="A1")
    assert ruth.first_name == "Ruth"
    # The override that made "ybhsA" display as "Ashby" is gone, so the name shows as what it is.
    assert ruth.last_name == "ybhsA"
    assert ruth.job_title == "Head of Service"
    assert Person.objects.search("Ruth").get() == ruth


def test_a_nul_byte_in_a_councillors_name_never_reaches_the_database(db):
    result = services.import_councillors(COUNCILLOR_HEADER + councillor_row(first="Ma\x00ry") + "\n", by=None)

    assert result.ok
    assert Person.objects.councillors().get().first_name == "Mary"


@pytest.mark.parametrize(
    "row, column",
    [
        (employee_row(first="R" * 100_000), "first_name"),
        (employee_row(last="A" * 81), "last_name"),
        (employee_row(job="H" * 121), "job_title"),
        (employee_row(email="r" * 250 + "@council.example"), "email"),
    ],
    ids=["a 100,000-character first name", "last name", "job title", "email"],
)
def test_an_employee_value_too_long_for_its_column_rejects_the_file_at_that_row(team, row, column):
    result = services.import_employees(feed(row), by=None)

    assert not result.ok
    assert (2, column) in {(e.row, e.column) for e in result.errors}
    assert Person.objects.count() == 0, "nothing may be half-imported"
    assert all(len(e.message) < 200 for e in result.errors), "the problem list never repeats a huge value"


@pytest.mark.parametrize(
    "row, column",
    [
        (councillor_row(first="M" * 81), "first_name"),
        (councillor_row(ward="W" * 121), "ward"),
        (councillor_row(party="P" * 121), "party"),
        (councillor_row(portfolio="C" * 161), "cabinet_portfolio"),
    ],
    ids=["first name", "ward", "party", "cabinet portfolio"],
)
def test_a_councillor_value_too_long_for_its_column_rejects_the_file_at_that_row(db, row, column):
    result = services.import_councillors(COUNCILLOR_HEADER + row + "\n", by=None)

    assert not result.ok
    assert (2, column) in {(e.row, e.column) for e in result.errors}
    assert not Person.objects.councillors().exists()


def test_values_exactly_as_long_as_their_columns_are_imported(team):
    result = services.import_employees(feed(employee_row(first="R" * 80, job="H" * 120)), by=None)

    assert result.ok
    assert Person.objects.get(employee_number="A1").job_title == "H" * 120


def test_hr_uploading_a_feed_with_an_overlong_name_sees_the_problem_and_the_rejected_import_is_kept(
    client, hr_officer, team
):
    client.force_login(hr_officer)
    upload = SimpleUploadedFile("employees.csv", feed(employee_row(first="R" * 100_000)).encode())

    response = client.post(reverse("people:imports"), {"kind": "employees", "file": upload})

    assert response.status_code == 200
    assert "The first name must be 80 characters or fewer" in response.content.decode()
    run = DirectoryImport.objects.get()
    assert run.accepted is False and run.imported_by == hr_officer
    assert AuditEvent.objects.filter(action="directory.import_rejected", actor=hr_officer).exists()
    assert not Person.objects.filter(employee_number="A1").exists()


def test_the_import_command_rejects_an_overlong_name_by_row_and_column(team, tmp_path, capsys):
    path = tmp_path / "employees.csv"
    path.write_text(feed(employee_row(job="H" * 500)), encoding="utf-8")

    with pytest.raises(CommandError):
        call_command("import_people", str(path))

    assert "row 2, column job_title" in capsys.readouterr().err
    assert not Person.objects.filter(employee_number="A1").exists()


def test_a_file_the_database_refuses_is_rejected_kept_and_audited_instead_of_failing(team, hr_officer, monkeypatch):
    def refuse(*args, **kwargs):
        raise DataError("value too long for type character varying(80)")

    monkeypatch.setattr(Person, "save", refuse)

    result = services.import_employees(feed(employee_row()), by=hr_officer)

    assert not result.ok and "nothing was imported" in result.errors[0].message
    run = DirectoryImport.objects.get()
    assert run.accepted is False and run.errors
    assert AuditEvent.objects.filter(action="directory.import_rejected", object_id=str(run.pk)).exists()
    assert not Person.objects.filter(employee_number="A1").exists()


def test_a_stray_quote_that_swallows_the_rest_of_a_big_file_is_a_row_error_not_a_server_error(client, hr_officer, team):
    # given: a large HR feed in which one name starts with an unmatched double quote, so the rest of
    # the file reads as one enormous cell
    rows = [employee_row().replace("A1,", f"A{n},", 1).replace("ruth@", f"ruth{n}@") for n in range(1, 2001)]
    rows[1] = rows[1].replace(",Ruth,", ',"Ruth,', 1)
    upload = SimpleUploadedFile("feed.csv", feed(*rows).encode(), content_type="text/csv")
    client.force_login(hr_officer)
    # when
    response = client.post(reverse("people:imports"), {"kind": "employees", "file": upload})
    # then
    assert response.status_code == 200
    page = response.content.decode()
    assert "The file was not imported" in page and "Row 3: This row cannot be read, nor anything after it" in page
    assert Person.objects.filter(employee_number__startswith="A").count() == 0
    assert DirectoryImport.objects.get().accepted is False
