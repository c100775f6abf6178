"""Changes to people, teams and roles. Every function here writes the audit trail."""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import cast

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import DatabaseError, transaction
from django.utils import timezone

from herald.audit import services as audit
from herald.errors import Refused
from herald.people import leavers
from herald.people.models import DirectoryImport, Person, ServiceArea, Team
from herald.people.roles import GRANTABLE_ROLES, Role
from herald.plain_text import shortened, strip_invisible

EMPLOYEE_COLUMNS = (
    "employee_number",
    "first_name",
    "last_name",
    "email",
    "job_title",
    "service_area",
    "team",
    "line_manager_number",
    "service_manager_number",
    "political_restriction",
    "editor_trained_on",
    "status",
    "leaving_date",
)
EMPLOYEE_REQUIRED = (
    "employee_number",
    "first_name",
    "last_name",
    "email",
    "job_title",
    "service_area",
    "team",
    "status",
)
COUNCILLOR_COLUMNS = (
    "first_name",
    "last_name",
    "email",
    "ward",
    "party",
    "cabinet_portfolio",
    "status",
    "leaving_date",
)
COUNCILLOR_REQUIRED = ("first_name", "last_name", "email", "ward", "party", "status")
STATUSES = {"active", "leaver"}
RESTRICTIONS = {"": "", "none": "", "specified": "specified", "sensitive": "sensitive", "exempted": "exempted"}
EMPLOYEE_NUMBER = re.compile(r"^[A-Za-z0-9-]{1,20}$")
MAX_ROWS = 20000
# The columns written to a Person, checked against the database's own limits before anything is written:
# PostgreSQL refuses a longer value (a 500) where SQLite would store it.
# (employee_number has its own pattern of at most 20 characters.)
STORED_COLUMNS = ("first_name", "last_name", "email", "job_title", "ward", "party", "cabinet_portfolio")

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def to_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deactivated: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if not self.ok:
            return f"Rejected: {len(self.errors)} problem(s) found. Nothing was imported."
        return (
            f"Imported: {self.created} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.deactivated} leaver(s) deactivated."
        )


def _parse_date(value: str) -> dt.date:
    value = value.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"'{shortened(value)}' is not a date: use YYYY-MM-DD or DD/MM/YYYY")


_UNREADABLE = (
    'This row cannot be read, nor anything after it: look for a cell that starts with a double quote (") '
    "and never closes it"
)


LINE_BREAK = re.compile(r"[\r\n]")


def _read_csv(
    data: bytes | str, columns: tuple[str, ...], required: tuple[str, ...]
) -> tuple[list[tuple[int, dict[str, str]]], list[RowError]]:
    errors: list[RowError] = []
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return [], [RowError(0, "", "The file is not UTF-8 text: save it from the spreadsheet as 'CSV UTF-8'")]
    else:
        text = data.lstrip("\ufeff")
    if not text.strip():
        return [], [RowError(0, "", "The file is empty")]
    # NUL, bidirectional overrides and zero-width characters never reach the directory (see plain_text).
    reader = csv.reader(io.StringIO(strip_invisible(text), newline=""))
    try:
        first: list[str] = []
        while not first:  # blank lines before the header row are skipped
            first = next(reader)
        header = [name.strip().lower() for name in first]
    except StopIteration:
        return [], [RowError(0, "", "The file is empty")]
    except csv.Error:
        return [], [RowError(1, "", _UNREADABLE)]
    for name in required:
        if name not in header:
            errors.append(RowError(1, name, f"The column '{name}' is missing from the header row"))
    unknown = [name for name in header if name and name not in columns]
    for name in unknown:
        errors.append(RowError(1, shortened(name), f"'{shortened(name)}' is not a column Herald knows"))
    if errors:
        return [], errors
    rows = []
    while True:
        # Rows are named by the line they start on, as a spreadsheet numbers them, so a row after one
        # that ran over several lines is still named by its own line.
        number = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error:
            # Most often a cell that opens a double quote and never closes it: the rest of the file
            # then reads as one cell, too long for the reader.
            errors.append(RowError(number, "", _UNREADABLE))
            break
        broken = next((i for i, cell in enumerate(cells) if LINE_BREAK.search(cell)), None)
        if broken is not None:
            # A quote that opens a cell and closes only on a later line makes the reader join the lines
            # between into one cell, silently merging rows: no cell Herald keeps may hold a line break.
            errors.append(
                RowError(
                    number,
                    shortened(header[broken]) if broken < len(header) else "",
                    f"This row runs on to line {reader.line_num}: a cell holds a line break. Most often a "
                    'double quote (") opens the cell and is closed only on a later line; remove it and try again',
                )
            )
            continue
        if len(cells) > len(header):
            errors.append(RowError(number, "", "This row has more cells than the header row"))
            continue
        cleaned = {key: (cells[i] if i < len(cells) else "").strip() for i, key in enumerate(header)}
        if not any(cleaned.values()):
            continue
        _check_lengths(cleaned, number, errors)
        rows.append((number, cleaned))
        if len(rows) > MAX_ROWS:
            errors.append(RowError(number, "", f"The file has more than {MAX_ROWS} rows"))
            break
    if not rows and not errors:
        errors.append(RowError(0, "", "The file has a header row but no people"))
    return rows, errors


def _left_on(person: Person, *, leaving: bool, given: dt.date | None) -> dt.date | None:
    """The leaving date after an import: the file's, else the one already recorded for someone who had
    left before this import, else today (the day Herald learns of it). Call it before changing is_active."""
    if not leaving:
        return None
    if given:
        return given
    if person.pk is not None and not person.is_active and person.left_on:
        return person.left_on
    return timezone.localdate()


def _check_lengths(row: dict[str, str], number: int, errors: list[RowError]) -> None:
    for column in STORED_COLUMNS:
        limit = getattr(Person._meta.get_field(column), "max_length", None)
        if limit and len(row.get(column, "")) > limit:
            errors.append(
                RowError(number, column, f"The {column.replace('_', ' ')} must be {limit} characters or fewer")
            )


def _check_email(value: str, number: int, errors: list[RowError]) -> str:
    email = value.strip().lower()
    if not email:
        errors.append(RowError(number, "email", "Enter an email address"))
        return email
    try:
        validate_email(email)
    except ValidationError:
        errors.append(RowError(number, "email", f"'{shortened(value)}' is not a valid email address"))
    return email


def _find_manager_loops(managers: dict[str, str | None]) -> list[list[str]]:
    """Every cycle in a number -> line-manager-number graph, each listed once."""
    loops: list[list[str]] = []
    state: dict[str, int] = {}
    for start in managers:
        if start in state:
            continue
        path: list[str] = []
        node: str | None = start
        while node is not None and node in managers and node not in state:
            state[node] = 1
            path.append(node)
            node = managers[node]
        if node is not None and state.get(node) == 1 and node in path:
            loops.append(path[path.index(node) :])
        for visited in path:
            state[visited] = 2
    return loops


def validate_employee_feed(data: bytes | str) -> tuple[list[dict], list[RowError]]:
    rows, errors = _read_csv(data, EMPLOYEE_COLUMNS, EMPLOYEE_REQUIRED)
    if errors and not rows:
        return [], errors
    teams = {
        (team.service_area.name.lower(), team.name.lower()): team
        for team in Team.objects.select_related("service_area")
    }
    existing = {p.employee_number: p for p in Person.objects.employees()}
    email_owner = {email.lower(): number for email, number in Person.objects.values_list("email", "employee_number")}
    seen_numbers: dict[str, int] = {}
    seen_emails: dict[str, int] = {}
    parsed: list[dict] = []
    for number, row in rows:
        item: dict = {"row": number}
        emp = row.get("employee_number", "")
        if not emp:
            errors.append(RowError(number, "employee_number", "Enter the employee number"))
        elif not EMPLOYEE_NUMBER.match(emp):
            errors.append(
                RowError(
                    number,
                    "employee_number",
                    f"'{shortened(emp)}' is not an employee number (letters, digits, hyphens)",
                )
            )
        elif emp in seen_numbers:
            errors.append(
                RowError(number, "employee_number", f"Employee number {emp} is also on row {seen_numbers[emp]}")
            )
        else:
            seen_numbers[emp] = number
        item["employee_number"] = emp
        for column in ("first_name", "last_name", "job_title"):
            if not row.get(column):
                errors.append(RowError(number, column, f"Enter the {column.replace('_', ' ')}"))
            item[column] = row.get(column, "")
        email = _check_email(row.get("email", ""), number, errors)
        if email:
            if email in seen_emails:
                errors.append(RowError(number, "email", f"{shortened(email)} is also on row {seen_emails[email]}"))
            else:
                seen_emails[email] = number
            owner = email_owner.get(email, emp)
            if email in email_owner and owner != emp:
                errors.append(
                    RowError(number, "email", f"{shortened(email)} already belongs to someone else in Herald")
                )
        item["email"] = email
        key = (row.get("service_area", "").lower(), row.get("team", "").lower())
        team = teams.get(key)
        if team is None:
            errors.append(
                RowError(
                    number,
                    "team",
                    f"There is no team '{shortened(row.get('team', ''))}' "
                    f"in service area '{shortened(row.get('service_area', ''))}'",
                )
            )
        item["team"] = team
        restriction = row.get("political_restriction", "").lower()
        if restriction not in RESTRICTIONS:
            errors.append(
                RowError(number, "political_restriction", "Use specified, sensitive, exempted or leave it blank")
            )
        item["political_restriction"] = RESTRICTIONS.get(restriction, "")
        for column in ("editor_trained_on", "leaving_date"):
            value = row.get(column, "")
            item[column] = None
            if value:
                try:
                    item[column] = _parse_date(value)
                except ValueError as exc:
                    errors.append(RowError(number, column, str(exc)))
        status = row.get("status", "").lower()
        if status not in STATUSES:
            errors.append(RowError(number, "status", "Status must be 'active' or 'leaver'"))
        item["status"] = status
        for column in ("line_manager_number", "service_manager_number"):
            item[column] = row.get(column, "") or None
            if item[column] and item[column] == emp:
                errors.append(RowError(number, column, "A person cannot be their own manager"))
        parsed.append(item)

    known_numbers = set(existing) | set(seen_numbers)
    for item in parsed:
        for column in ("line_manager_number", "service_manager_number"):
            manager = item[column]
            if manager and manager not in known_numbers:
                errors.append(RowError(item["row"], column, f"No employee has the number {shortened(manager)}"))
    # Managers after this import: the file wins for the people in it, the directory for the rest.
    graph: dict[str, str | None] = {
        p.employee_number: (p.line_manager.employee_number if p.line_manager_id else None)
        for p in existing.values()
        if p.employee_number
    }
    for item in parsed:
        if item["employee_number"]:
            graph[item["employee_number"]] = item["line_manager_number"]
    for loop in _find_manager_loops(graph):
        if len(loop) < 2:
            continue
        in_file = [n for n in loop if n in seen_numbers]
        row_number = seen_numbers[in_file[0]] if in_file else 0
        errors.append(
            RowError(row_number, "line_manager_number", "Line managers form a loop: " + " → ".join([*loop, loop[0]]))
        )
    return parsed, errors


def _record_changes(
    person: Person, before: dict | None, *, by: Person | None, action_prefix: str, result: ImportResult
) -> None:
    after = audit.snapshot(person, exclude=("last_login",))
    if before is None:
        result.created += 1
        audit.record(actor=by, action=f"{action_prefix}.created", obj=person, after=after)
    elif before != after:
        result.updated += 1
        audit.record(actor=by, action=f"{action_prefix}.updated", obj=person, before=before, after=after)
    else:
        result.unchanged += 1


def import_employees(data: bytes | str, *, by: Person | None, filename: str = "employees.csv") -> ImportResult:
    """Apply an HR feed. All or nothing: any bad row rejects the whole file and changes nothing."""
    parsed, errors = validate_employee_feed(data)
    result = ImportResult(errors=errors)
    if errors:
        _log_import(DirectoryImport.Kind.EMPLOYEES, filename, by, result)
        return result
    leavers: list[Person] = []
    try:
        with transaction.atomic():
            people = {p.employee_number: p for p in Person.objects.employees().select_for_update()}
            befores = {n: audit.snapshot(p, exclude=("last_login",)) for n, p in people.items()}
            for item in parsed:
                person = people.get(item["employee_number"]) or Person(
                    kind=Person.Kind.EMPLOYEE, employee_number=item["employee_number"]
                )
                was_active = person.pk is None or person.is_active
                person.first_name = item["first_name"]
                person.last_name = item["last_name"]
                person.email = item["email"]
                person.job_title = item["job_title"]
                person.team = item["team"]
                person.political_restriction = item["political_restriction"]
                person.is_trained_editor = item["editor_trained_on"] is not None
                person.editor_trained_on = item["editor_trained_on"]
                leaving = item["status"] == "leaver"
                person.left_on = _left_on(person, leaving=leaving, given=item["leaving_date"])
                person.is_active = not leaving
                if person.pk is None:
                    person.set_unusable_password()
                person.save()
                people[person.employee_number] = person
                if leaving and was_active:
                    leavers.append(person)
            service_manager_group = Group.objects.get_or_create(name=Role.SERVICE_MANAGER)[0]
            for item in parsed:
                person = people[item["employee_number"]]
                person.line_manager = people.get(item["line_manager_number"]) if item["line_manager_number"] else None
                person.service_manager = (
                    people.get(item["service_manager_number"]) if item["service_manager_number"] else None
                )
                person.save(update_fields=["line_manager", "service_manager"])
                manager = person.service_manager
                if manager and manager.is_active and not manager.groups.filter(pk=service_manager_group.pk).exists():
                    manager.groups.add(service_manager_group)
                    manager.__dict__.pop("roles", None)
                    audit.record(
                        actor=by,
                        action="role.granted",
                        obj=manager,
                        after={"role": Role.SERVICE_MANAGER},
                        reason="Named as a service manager in the directory feed",
                    )
            for item in parsed:
                person = people[item["employee_number"]]
                _record_changes(
                    person, befores.get(person.employee_number), by=by, action_prefix="person", result=result
                )
            for person in leavers:
                _deactivate(person, by=by)
                result.deactivated += 1
            _log_import(DirectoryImport.Kind.EMPLOYEES, filename, by, result)
    except DatabaseError:
        # Everything was checked first, so this is a fault, not the file: still keep and audit it.
        logger.exception("The database refused the directory import %s", filename)
        result = _refused_by_database(DirectoryImport.Kind.EMPLOYEES, filename, by)
    return result


def import_councillors(data: bytes | str, *, by: Person | None, filename: str = "councillors.csv") -> ImportResult:
    """Apply the members' register, keyed by email address. All or nothing, like the HR feed."""
    rows, errors = _read_csv(data, COUNCILLOR_COLUMNS, COUNCILLOR_REQUIRED)
    employees_by_email = set(Person.objects.employees().values_list("email", flat=True))
    seen: dict[str, int] = {}
    parsed = []
    for number, row in rows:
        for column in ("first_name", "last_name", "ward", "party"):
            if not row.get(column):
                errors.append(RowError(number, column, f"Enter the {column.replace('_', ' ')}"))
        email = _check_email(row.get("email", ""), number, errors)
        if email in seen:
            errors.append(RowError(number, "email", f"{shortened(email)} is also on row {seen[email]}"))
        elif email:
            seen[email] = number
        if email in employees_by_email:
            errors.append(RowError(number, "email", f"{shortened(email)} belongs to an employee, not a councillor"))
        status = row.get("status", "").lower()
        if status not in STATUSES:
            errors.append(RowError(number, "status", "Status must be 'active' or 'leaver'"))
        leaving_date = None
        if row.get("leaving_date"):
            try:
                leaving_date = _parse_date(row["leaving_date"])
            except ValueError as exc:
                errors.append(RowError(number, "leaving_date", str(exc)))
        parsed.append({**row, "email": email, "status": status, "leaving_date": leaving_date})
    result = ImportResult(errors=errors)
    if errors:
        _log_import(DirectoryImport.Kind.COUNCILLORS, filename, by, result)
        return result
    try:
        with transaction.atomic():
            existing = {p.email: p for p in Person.objects.councillors().select_for_update()}
            for item in parsed:
                person = existing.get(item["email"])
                before = audit.snapshot(person, exclude=("last_login",)) if person else None
                if person is None:
                    person = Person(kind=Person.Kind.COUNCILLOR, email=cast(str, item["email"]))
                    person.set_unusable_password()
                was_active = person.pk is None or person.is_active
                person.first_name = item["first_name"]
                person.last_name = item["last_name"]
                person.ward = item["ward"]
                person.party = item["party"]
                person.cabinet_portfolio = item.get("cabinet_portfolio", "")
                leaving = item["status"] == "leaver"
                person.left_on = _left_on(person, leaving=leaving, given=cast(dt.date | None, item["leaving_date"]))
                person.is_active = not leaving
                person.save()
                _record_changes(person, before, by=by, action_prefix="councillor", result=result)
                if leaving and was_active:
                    _deactivate(person, by=by)
                    result.deactivated += 1
            _log_import(DirectoryImport.Kind.COUNCILLORS, filename, by, result)
    except DatabaseError:
        # Everything was checked first, so this is a fault, not the file: still keep and audit it.
        logger.exception("The database refused the directory import %s", filename)
        result = _refused_by_database(DirectoryImport.Kind.COUNCILLORS, filename, by)
    return result


def _refused_by_database(kind: str, filename: str, by: Person | None) -> ImportResult:
    result = ImportResult(
        errors=[
            RowError(
                0,
                "",
                "The database refused the file, so nothing was imported. Tell the system administrators.",
            )
        ]
    )
    _log_import(kind, filename, by, result)
    return result


def _log_import(kind: str, filename: str, by: Person | None, result: ImportResult) -> DirectoryImport:
    run = DirectoryImport.objects.create(
        kind=kind,
        filename=strip_invisible(filename)[:200],
        imported_by=by,
        accepted=result.ok,
        created=result.created,
        updated=result.updated,
        unchanged=result.unchanged,
        deactivated=result.deactivated,
        errors=[e.to_dict() for e in result.errors[:500]],
    )
    audit.record(
        actor=by,
        action="directory.import_accepted" if result.ok else "directory.import_rejected",
        obj=run,
        after={"summary": result.summary(), "problems": len(result.errors)},
    )
    return run


def _deactivate(person: Person, *, by: Person | None) -> None:
    """A leaver keeps their record but loses their sign-in and their roles' reach; other apps are told."""
    if person.is_active:
        person.is_active = False
        person.save(update_fields=["is_active"])
    # An inactive person's open sessions end on their next request: the auth backend refuses them.
    audit.record(actor=by, action="person.deactivated", obj=person, reason="Leaver in the directory feed")
    # Their granted roles go too, so someone who returns (rehired, or a feed that wrongly made them a
    # leaver) comes back as an employee or councillor only, until a role is granted again on purpose.
    for group in person.groups.filter(name__in=GRANTABLE_ROLES).order_by("name"):
        person.groups.remove(group)
        audit.record(
            actor=by, action="role.revoked", obj=person, before={"role": group.name}, reason="Left the council"
        )
    person.__dict__.pop("roles", None)
    leavers.tell_apps(person, by=by)


def record_leaver(person: Person, *, by: Person | None, left_on: dt.date | None = None, reason: str = "") -> Person:
    with transaction.atomic():
        before = audit.snapshot(person, exclude=("last_login",))
        person.left_on = left_on or timezone.localdate()
        person.save(update_fields=["left_on"])
        audit.record(
            actor=by,
            action="person.leaver_recorded",
            obj=person,
            before=before,
            after=audit.snapshot(person, exclude=("last_login",)),
            reason=reason,
        )
        _deactivate(person, by=by)
    return person


def grant_role(person: Person, role: str, *, by: Person | None, reason: str = "") -> None:
    if role not in GRANTABLE_ROLES:
        raise Refused(f"'{role}' cannot be granted; it follows from the kind of person.")
    with transaction.atomic():
        group = Group.objects.get_or_create(name=role)[0]
        if person.groups.filter(pk=group.pk).exists():
            return
        person.groups.add(group)
        person.__dict__.pop("roles", None)
        audit.record(actor=by, action="role.granted", obj=person, after={"role": role}, reason=reason)


def revoke_role(person: Person, role: str, *, by: Person | None, reason: str = "") -> None:
    with transaction.atomic():
        group = Group.objects.filter(name=role).first()
        if group is None or not person.groups.filter(pk=group.pk).exists():
            return
        if role == Role.ADMIN and by is not None and person.pk == by.pk:
            raise Refused("You cannot remove your own system administrator role.")
        person.groups.remove(group)
        person.__dict__.pop("roles", None)
        audit.record(actor=by, action="role.revoked", obj=person, before={"role": role}, reason=reason)


def set_roles(person: Person, roles: Iterable[str], *, by: Person | None, reason: str = "") -> None:
    """All or nothing: a refused revocation leaves the roles granted with it ungranted too."""
    wanted = set(roles)
    current = {r for r in person.roles if r in GRANTABLE_ROLES}
    with transaction.atomic():
        for role in sorted(wanted - current):
            grant_role(person, role, by=by, reason=reason)
        for role in sorted(current - wanted):
            revoke_role(person, role, by=by, reason=reason)


def record_sign_in(person: Person, *, address: str) -> None:
    audit.record(actor=person, action="person.signed_in", obj=person, after={"address": address})


def record_sign_out(person: Person, *, address: str) -> None:
    audit.record(actor=person, action="person.signed_out", obj=person, after={"address": address})


def record_failed_sign_in(email: str, *, address: str, reason: str) -> None:
    """The email tried and where from, never the password. Filed against the person if the email is theirs."""
    email = email[:254]
    person = Person.objects.filter(email__iexact=email).first()
    audit.record(
        actor=f"Sign-in attempt from {address}",
        action="person.sign_in_failed",
        obj=person,
        object_type="" if person else "people.person",
        object_repr="" if person else email,
        after={"email": email, "address": address},
        reason=reason,
    )


def create_service_area(name: str, *, by: Person | None) -> ServiceArea:
    with transaction.atomic():
        area = ServiceArea.objects.create(name=name.strip())
        audit.record(actor=by, action="service_area.created", obj=area, after=audit.snapshot(area))
    return area


def create_team(name: str, *, service_area: ServiceArea, by: Person | None) -> Team:
    with transaction.atomic():
        team = Team.objects.create(name=name.strip(), service_area=service_area)
        audit.record(actor=by, action="team.created", obj=team, after=audit.snapshot(team))
    return team
