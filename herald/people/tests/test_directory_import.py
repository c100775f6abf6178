import datetime as dt

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError

from herald.audit.models import AuditEvent
from herald.people import leavers, services
from herald.people.models import DirectoryImport, Person
from testing.factories import PersonFactory

HEADER = (
    "employee_number,first_name,last_name,email,job_title,service_area,team,line_manager_number,"
    "service_manager_number,political_restriction,editor_trained_on,status,leaving_date\n"
)


def feed(*rows: str) -> str:
    return HEADER + "\n".join(rows) + "\n"


GOOD = feed(
    "A1,Ruth,Ashby,ruth@council.example,Head of Service,Community Services,Cultural Services,,,specified,,active,",
    "A2,Owen,Barker,owen@council.example,Team Leader,Community Services,Cultural Services,A1,A1,,2025-02-14,active,",
    "A3,Nadia,Qureshi,nadia@council.example,Officer,Community Services,Cultural Services,A2,A1,sensitive,,active,",
)


def problems(result):
    return {(e.row, e.column) for e in result.errors}


def test_a_good_feed_adds_everyone_with_their_managers(team):
    result = services.import_employees(GOOD, by=None)
    assert result.ok and result.created == 3
    owen = Person.objects.get(employee_number="A2")
    assert owen.line_manager.employee_number == "A1"
    assert owen.service_manager.employee_number == "A1"
    assert owen.is_trained_editor and str(owen.editor_trained_on) == "2025-02-14"
    assert Person.objects.get(employee_number="A3").is_politically_restricted
    assert "service_manager" in Person.objects.get(employee_number="A1").roles


def test_importing_the_same_feed_again_changes_nothing(team):
    services.import_employees(GOOD, by=None)
    again = services.import_employees(GOOD, by=None)
    assert again.ok and again.created == 0 and again.updated == 0 and again.unchanged == 3
    assert Person.objects.employees().count() == 3


def test_a_changed_row_updates_the_person_and_is_audited(team):
    services.import_employees(GOOD, by=None)
    changed = GOOD.replace("Officer,Community", "Senior Officer,Community")
    result = services.import_employees(changed, by=None)
    assert result.updated == 1
    event = AuditEvent.objects.filter(action="person.updated").get()
    assert event.before["job_title"] == "Officer" and event.after["job_title"] == "Senior Officer"


@pytest.mark.parametrize(
    "bad_row, where",
    [
        ("A4,Lee,Hart,lee@council.example,Officer,Community Services,No Such Team,,,,,active,", (5, "team")),
        (
            "A1,Lee,Hart,lee@council.example,Officer,Community Services,Cultural Services,,,,,active,",
            (5, "employee_number"),
        ),
        ("A4,Lee,Hart,not-an-email,Officer,Community Services,Cultural Services,,,,,active,", (5, "email")),
        ("A4,Lee,Hart,ruth@council.example,Officer,Community Services,Cultural Services,,,,,active,", (5, "email")),
        ("A4,,Hart,lee@council.example,Officer,Community Services,Cultural Services,,,,,active,", (5, "first_name")),
        (
            "A4,Lee,Hart,lee@council.example,Officer,Community Services,Cultural Services,Z9,,,,active,",
            (5, "line_manager_number"),
        ),
        (
            "A4,Lee,Hart,lee@council.example,Officer,Community Services,Cultural Services,,,maybe,,active,",
            (5, "political_restriction"),
        ),
        (
            "A4,Lee,Hart,lee@council.example,Officer,Community Services,Cultural Services,,,,31/31/2024,active,",
            (5, "editor_trained_on"),
        ),
        ("A4,Lee,Hart,lee@council.example,Officer,Community Services,Cultural Services,,,,,retired,", (5, "status")),
        (
            "A4,Lee,Hart,lee@council.example,Officer,Community Services,Cultural Services,A4,,,,active,",
            (5, "line_manager_number"),
        ),
    ],
    ids=[
        "unknown team",
        "duplicate number",
        "bad email",
        "email of someone else",
        "missing name",
        "unknown manager",
        "bad restriction",
        "bad date",
        "bad status",
        "own manager",
    ],
)
def test_one_bad_row_rejects_the_whole_file(team, bad_row, where):
    result = services.import_employees(GOOD + bad_row + "\n", by=None)
    assert not result.ok
    assert where in problems(result)
    assert Person.objects.count() == 0, "nothing may be half-imported"
    assert DirectoryImport.objects.get().accepted is False


def test_a_missing_column_is_named(team):
    text = GOOD.replace("job_title,", "", 1)
    result = services.import_employees(text, by=None)
    assert (1, "job_title") in problems(result)
    assert Person.objects.count() == 0


def test_a_manager_loop_is_found_and_named(team):
    looped = feed(
        "A1,Ruth,Ashby,ruth@council.example,Head,Community Services,Cultural Services,A3,,,,active,",
        "A2,Owen,Barker,owen@council.example,Lead,Community Services,Cultural Services,A1,,,,active,",
        "A3,Nadia,Qureshi,nadia@council.example,Officer,Community Services,Cultural Services,A2,,,,active,",
    )
    result = services.import_employees(looped, by=None)
    loop_errors = [e for e in result.errors if "loop" in e.message]
    assert len(loop_errors) == 1
    assert all(number in loop_errors[0].message for number in ("A1", "A2", "A3"))
    assert Person.objects.count() == 0


def test_a_loop_through_people_already_in_herald_is_found(team):
    services.import_employees(GOOD, by=None)
    # A1 now reports to A3, who reports (via A2) to A1.
    result = services.import_employees(
        feed("A1,Ruth,Ashby,ruth@council.example,Head,Community Services,Cultural Services,A3,,,,active,"), by=None
    )
    assert any("loop" in e.message for e in result.errors)
    assert Person.objects.get(employee_number="A1").line_manager is None


def test_every_problem_is_listed_not_just_the_first(team):
    result = services.import_employees(
        feed(
            "A1,Ruth,Ashby,bad-email,Head,Community Services,Nowhere,,,,,active,",
            "A1,,Barker,owen@council.example,Lead,Community Services,Cultural Services,,,,,gone,",
        ),
        by=None,
    )
    assert {(2, "email"), (2, "team"), (3, "employee_number"), (3, "first_name"), (3, "status")} <= problems(result)


def test_a_leaver_is_kept_but_cannot_sign_in(team, client):
    services.import_employees(GOOD, by=None)
    nadia = Person.objects.get(employee_number="A3")
    nadia.set_password("Correct-horse-battery-9")
    nadia.save()
    client.force_login(nadia)
    leaver = GOOD.replace("sensitive,,active,", "sensitive,,leaver,2026-10-31")
    result = services.import_employees(leaver, by=None)
    assert result.deactivated == 1
    nadia.refresh_from_db()
    assert not nadia.is_active and str(nadia.left_on) == "2026-10-31"
    assert client.get("/").status_code == 302, "the leaver's open session no longer works"
    client.logout()
    response = client.post("/sign-in/", {"username": "nadia@council.example", "password": "Correct-horse-battery-9"})
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    assert "Enter a correct email address and password" in response.content.decode()
    assert AuditEvent.objects.filter(action="person.deactivated", object_id=str(nadia.pk)).exists()


def test_apps_registered_for_leavers_are_told(team, monkeypatch):
    monkeypatch.setattr(leavers, "_handlers", [*leavers.handlers()])
    leavers.on_person_left(remember_leaver)
    LEAVERS.clear()
    services.import_employees(GOOD.replace("sensitive,,active,", "sensitive,,leaver,"), by=None)
    assert [p.employee_number for p in LEAVERS] == ["A3"]


LEAVERS: list = []


def remember_leaver(person, *, by):
    LEAVERS.append(person)


def test_a_file_that_is_not_utf8_is_refused(team):
    result = services.import_employees(GOOD.encode("utf-16"), by=None)
    assert not result.ok and "UTF-8" in result.errors[0].message


def test_councillors_register_is_imported_by_email(db):
    text = (
        "first_name,last_name,email,ward,party,cabinet_portfolio,status,leaving_date\n"
        "Alan,Whitmore,alan@council.example,Groby,Conservative,,active,\n"
        "Beth,Carr,beth@council.example,Barwell,Liberal Democrat,Environment,active,\n"
    )
    assert services.import_councillors(text, by=None).created == 2
    again = services.import_councillors(text.replace("Environment", "Planning"), by=None)
    assert again.updated == 1 and Person.objects.councillors().count() == 2
    assert Person.objects.get(email="beth@council.example").cabinet_portfolio == "Planning"


def test_councillors_register_rejects_bad_rows(db):
    PersonFactory(email="officer@council.example")
    text = (
        "first_name,last_name,email,ward,party,cabinet_portfolio,status,leaving_date\n"
        "Alan,Whitmore,officer@council.example,Groby,Conservative,,active,\n"
        "Beth,Carr,beth@council.example,,Liberal Democrat,,active,\n"
    )
    result = services.import_councillors(text, by=None)
    assert {(2, "email"), (3, "ward")} <= problems(result)
    assert Person.objects.councillors().count() == 0


def test_the_command_imports_the_example_files(db):
    from herald.people.models import ServiceArea, Team

    for area, team in [("Corporate Services", "Communications"), ("Economic Regeneration", "Tourism and Events")]:
        Team.objects.create(name=team, service_area=ServiceArea.objects.get_or_create(name=area)[0])
    call_command("import_people", "examples/employees.csv")
    call_command("import_people", "examples/councillors.csv", "--councillors")
    assert Person.objects.employees().count() == 5
    assert not Person.objects.get(employee_number="H20005").is_active
    assert Person.objects.councillors().filter(is_active=True).count() == 2


def test_the_command_fails_and_lists_problems_for_a_bad_file(team, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text(GOOD + "A9,X,Y,bad,Officer,Community Services,Cultural Services,,,,,active,\n")
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_people", str(bad))
    assert "row 5, column email" in capsys.readouterr().err


def test_hr_sees_a_rejected_import_on_their_home_page(client, hr_officer, team):
    services.import_employees(
        GOOD + "A9,X,Y,bad,Officer,Community Services,Cultural Services,,,,,active,\n",
        by=hr_officer,
        filename="october-feed.csv",
    )
    client.force_login(hr_officer)
    page = client.get("/").content.decode()
    assert "october-feed.csv (1 problem)" in page


def test_a_service_manager_sees_how_many_people_they_manage(client, service_manager, employee, editor):
    client.force_login(service_manager)
    assert "2 people have you as their service manager" in client.get("/").content.decode()


def test_importing_the_same_feed_a_day_later_keeps_a_leavers_leaving_date(team):
    # given: Nadia left, and HR's feed says so without a leaving date
    leaver = GOOD.replace("sensitive,,active,", "sensitive,,leaver,")
    with time_machine.travel(dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC), tick=False):
        services.import_employees(leaver, by=None)
    # when: the same feed is imported again a week later
    with time_machine.travel(dt.datetime(2026, 11, 9, 9, 0, tzinfo=dt.UTC), tick=False):
        again = services.import_employees(leaver, by=None)
    # then: she left when the first import said so, and nothing changed
    nadia = Person.objects.get(employee_number="A3")
    assert str(nadia.left_on) == "2026-11-02"
    assert again.unchanged == 3 and again.updated == 0


def test_a_stray_quote_that_merges_two_rows_of_a_small_file_is_a_row_error_and_nothing_is_imported(team):
    # given: Ruth's job title opens a double quote that only Owen's row closes, so a csv reader makes
    # one row of the two (Ruth with a job title holding Owen's details) and Owen disappears
    merged = feed(
        'A1,Ruth,Ashby,ruth@council.example,"Head of Service,Community Services,Cultural Services,,,,,active,',
        'A2,Owen,Barker,owen@council.example,Team Leader",Community Services,Cultural Services,,,,,active,',
        "A3,Nadia,Qureshi,not-an-email,Officer,Community Services,Cultural Services,,,,,active,",
    )
    # when
    result = services.import_employees(merged, by=None)
    # then: the row is named by the line it starts on and the line it runs to, and nothing is saved
    assert not result.ok
    assert (2, "job_title") in problems(result)
    message = next(e.message for e in result.errors if e.row == 2)
    assert "line 3" in message and "line break" in message
    # the rows after it keep their own line numbers
    assert (4, "email") in problems(result)
    assert not Person.objects.filter(employee_number__in=["A1", "A2", "A3"]).exists()
    assert DirectoryImport.objects.get().accepted is False


def test_a_quote_left_open_at_the_end_of_a_small_file_is_a_row_error(team):
    unclosed = feed(
        "A1,Ruth,Ashby,ruth@council.example,Head of Service,Community Services,Cultural Services,,,,,active,",
        'A2,Owen,Barker,owen@council.example,"Team Leader,Community Services,Cultural Services,,,,,active,',
    )
    result = services.import_employees(unclosed, by=None)
    # the problem is named as what it is, not as the columns the merged row seems to lack
    assert not result.ok and [(e.row, e.column) for e in result.errors] == [(3, "job_title")]
    assert "line break" in result.errors[0].message
    assert not Person.objects.filter(employee_number__in=["A1", "A2"]).exists()
