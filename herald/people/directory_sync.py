"""Keeping people in step with the identity provider's directory, besides the CSV import.

One interface, two ways in: the provider pushes changes (SCIM 2.0, `herald/signin/scim.py`), or
Herald pulls them on a schedule (a `DirectorySource` such as Microsoft Graph, through `sync_from`).
Either way a person is matched by email, then by employee number, and someone who is no longer
active is recorded as a leaver exactly as the CSV import does (`record_leaver`: sign-in switched
off, sessions ended, removed as an editor everywhere).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from django.db import IntegrityError, transaction
from django.db.models import Q

from herald.audit import services as audit
from herald.people import services
from herald.people.models import Person
from herald.plain_text import strip_invisible

SNAPSHOT_EXCLUDE = ("last_login", "password")


@dataclass
class DirectoryRecord:
    email: str
    first_name: str
    last_name: str
    employee_number: str | None = None
    job_title: str = ""
    active: bool = True


class DirectorySource(Protocol):
    """A directory Herald pulls from. `records()` gives every staff member the source knows."""

    name: str

    def records(self) -> Iterable[DirectoryRecord]: ...


class DirectoryConflict(ValueError):
    """The record clashes with someone else in Herald (an email or employee number already theirs)."""


def _clean(value: str | None, limit: int) -> str:
    value = strip_invisible(value or "").strip()
    if len(value) > limit:
        raise ValueError(f"'{value[:20]}…' is longer than {limit} characters")
    return value


def find(record: DirectoryRecord) -> Person | None:
    """The member of staff a record is about. Councillors come from the members' register, never from
    the staff directory: a record sharing a councillor's email finds nobody, and `apply_record` then
    refuses it as a clash, so a pull or a SCIM push can neither change a councillor nor make them a leaver."""
    # Read as apply_record stores them: without NUL bytes (which PostgreSQL cannot compare) or invisibles.
    email, number = strip_invisible(record.email or "").strip(), strip_invisible(record.employee_number or "").strip()
    matches = Q(email__iexact=email)
    if number:
        matches |= Q(employee_number=number)
    return Person.objects.employees().filter(matches).order_by("pk").first()


def apply_record(record: DirectoryRecord, *, source: str, person: Person | None = None) -> tuple[Person, bool]:
    """Create or update one person from the directory; a record that is not active makes a leaver."""
    email = _clean(record.email, 254).lower()
    if not email or "@" not in email:
        raise ValueError("An email address is needed")
    first_name, last_name = _clean(record.first_name, 80), _clean(record.last_name, 80)
    job_title = _clean(record.job_title, 120)
    number = _clean(record.employee_number, 20) or None
    with transaction.atomic():
        person = person or find(DirectoryRecord(email=email, first_name="", last_name="", employee_number=number))
        created = person is None
        if created:
            if not record.active:
                raise ValueError("A new person cannot arrive as a leaver")
            person = Person(kind=Person.Kind.EMPLOYEE, employee_number=number or None)
            person.set_unusable_password()
            before = None
        else:
            before = audit.snapshot(person, exclude=SNAPSHOT_EXCLUDE)
        clash = Person.objects.filter(email__iexact=email).exclude(pk=person.pk).exists()
        if number:
            clash = clash or Person.objects.filter(employee_number=number).exclude(pk=person.pk).exists()
        if clash:
            raise DirectoryConflict("Someone else in Herald already has this email address or employee number")
        if person.kind == Person.Kind.EMPLOYEE and not (number or person.employee_number):
            raise ValueError("An employee number is needed for a member of staff")
        person.email = email
        person.first_name = first_name or person.first_name
        person.last_name = last_name or person.last_name
        person.job_title = job_title or person.job_title
        if number:
            person.employee_number = number
        returning = not created and record.active and not person.is_active
        if returning:
            person.is_active = True
            person.left_on = None
        try:
            person.save()
        except IntegrityError as error:
            raise DirectoryConflict("The database refused the record: a duplicate email or employee number") from error
        after = audit.snapshot(person, exclude=SNAPSHOT_EXCLUDE)
        if created:
            audit.record(
                actor=None, action="person.created", obj=person, after=after, reason=f"Directory sync ({source})"
            )
        elif before != after:
            audit.record(
                actor=None,
                action="person.reactivated" if returning else "person.updated",
                obj=person,
                before=before,
                after=after,
                reason=f"Directory sync ({source})",
            )
        if not record.active and person.is_active:
            services.record_leaver(person, by=None, reason=f"Directory sync ({source})")
    return person, created


def record_leaver(person: Person, *, source: str) -> Person:
    if person.is_active:
        services.record_leaver(person, by=None, reason=f"Directory sync ({source})")
    return person


def sync_from(source: DirectorySource) -> dict[str, int]:
    """A pull: apply every record the source gives. People the source no longer lists are not
    touched here: a pull that missed a page must never make leavers of everyone on it."""
    counts = {"created": 0, "updated": 0, "leavers": 0, "refused": 0}
    for record in source.records():
        try:
            before_active = (found := find(record)) is not None and found.is_active
            person, created = apply_record(record, source=source.name, person=found)
        except ValueError:
            counts["refused"] += 1
            continue
        counts["created" if created else "updated"] += 1
        if before_active and not person.is_active:
            counts["leavers"] += 1
    return counts
