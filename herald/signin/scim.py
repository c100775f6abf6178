"""A SCIM 2.0 endpoint (RFC 7643/7644) for the identity provider to push staff changes to Herald.

Users only: create, read, find by userName, replace, patch and deactivate. A deactivation or a
DELETE records a leaver the same way the CSV import does (herald/people/directory_sync.py).
Staff only: councillors come from the members' register, not the staff directory, so every /Users
request sees employees alone. A councillor's id is "no such person" here, whether it is read,
replaced, patched or deleted (a provider must never make a leaver of a councillor), just as a
search never lists one.
Only an explicit `active` changes that: a replace without it keeps the person as they are, and a
PATCH that removes it is refused (docs/signin.md).
Authenticated by a bearer token (HERALD_SCIM_TOKEN); switched off (404) when none is set.
Every refusal is a 4xx with SCIM's error body and a reason.
"""

from __future__ import annotations

import json
import re

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.views.decorators.csrf import csrf_exempt

from herald.access import public
from herald.people import directory_sync
from herald.people.models import Person
from herald.plain_text import strip_invisible

USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error"
LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
MAX_BODY = 64 * 1024
SOURCE = "SCIM"


class ScimRefusal(ValueError):
    """A 400 with a scimType other than invalidValue."""

    def __init__(self, detail: str, scim_type: str):
        super().__init__(detail)
        self.scim_type = scim_type


def _error(status: int, detail: str, scim_type: str = "") -> JsonResponse:
    body = {"schemas": [ERROR_SCHEMA], "status": str(status), "detail": detail}
    if scim_type:
        body["scimType"] = scim_type
    return JsonResponse(body, status=status, content_type="application/scim+json")


def _user(request, person: Person) -> dict:
    return {
        "schemas": [USER_SCHEMA, ENTERPRISE],
        "id": str(person.pk),
        "userName": person.email,
        "name": {"givenName": person.first_name, "familyName": person.last_name},
        "displayName": person.full_name,
        "title": person.job_title,
        "emails": [{"value": person.email, "type": "work", "primary": True}],
        "active": person.is_active,
        ENTERPRISE: {"employeeNumber": person.employee_number or ""},
        "meta": {
            "resourceType": "User",
            "created": person.created_at.isoformat(),
            "location": request.build_absolute_uri(reverse("scim:user", args=[person.pk])),
        },
    }


def _guarded(view):
    """Bearer token, size limit and JSON parsing for every SCIM request."""

    def wrapped(request, *args, **kwargs):
        token = settings.HERALD_SCIM_TOKEN
        if not token:
            return _error(404, "SCIM directory sync is not switched on in Herald (HERALD_SCIM_TOKEN)")
        # RFC 7235: the scheme ("Bearer", "bearer") is case-insensitive; the token is not.
        scheme, _, given = request.headers.get("Authorization", "").strip().partition(" ")
        if scheme.lower() != "bearer" or not constant_time_compare(given.strip(), token):
            response = _error(401, "A valid bearer token is needed")
            response["WWW-Authenticate"] = 'Bearer realm="Herald SCIM"'
            return response
        body = None
        if request.method in ("POST", "PUT", "PATCH"):
            if len(request.body) > MAX_BODY:
                return _error(413, "The request is too large")
            try:
                body = json.loads(request.body or b"{}")
            except (ValueError, UnicodeDecodeError):
                return _error(400, "The body is not JSON", "invalidSyntax")
            if not isinstance(body, dict):
                return _error(400, "The body must be a JSON object", "invalidSyntax")
        try:
            return view(request, body, *args, **kwargs)
        except directory_sync.DirectoryConflict as conflict:
            return _error(409, str(conflict), "uniqueness")
        except ScimRefusal as refusal:
            return _error(400, str(refusal), refusal.scim_type)
        except ValueError as problem:
            return _error(400, str(problem), "invalidValue")

    return public(csrf_exempt(wrapped))


# RFC 7643 2.1: attribute names are case-insensitive ("Active" is "active"). Every name Herald reads is
# put in its schema's spelling before it is read, so none is skipped for its case.
_NAMES = {
    name.lower(): name
    for name in (
        "userName",
        "name",
        "emails",
        "active",
        "title",
        "externalId",
        "givenName",
        "familyName",
        "employeeNumber",
        "value",
        "primary",
        "type",
        ENTERPRISE,
    )
}


def _spelled(key) -> str:
    return _NAMES.get(str(key).strip().lower(), str(key))


def _canonical(body: dict) -> dict:
    """The body with the attribute names Herald reads (and those inside name, emails and the enterprise
    extension) in the schema's spelling."""
    found: dict = {}
    for key, value in body.items():
        key = _spelled(key)
        if isinstance(value, dict):
            value = {_spelled(k): v for k, v in value.items()}
        elif key == "emails" and isinstance(value, list):
            value = [{_spelled(k): v for k, v in e.items()} if isinstance(e, dict) else e for e in value]
        found[key] = value
    return found


def _work_email(emails) -> str | None:
    """The primary (or else the first) address of a SCIM emails list, or None if it gives none."""
    if not isinstance(emails, list):
        return None
    listed = [_canonical(e) for e in emails if isinstance(e, dict)]
    chosen = next((e for e in listed if e.get("primary")), listed[0] if listed else {})
    value = chosen.get("value")
    return value if isinstance(value, str) and value else None


def _record(body: dict, *, current: Person | None = None) -> directory_sync.DirectoryRecord:
    body = _canonical(body)
    name = body.get("name") if isinstance(body.get("name"), dict) else {}
    emails = body.get("emails") if isinstance(body.get("emails"), list) else []
    primary = next((e.get("value") for e in emails if isinstance(e, dict) and e.get("primary")), None)
    email = (
        body.get("userName") or primary or (emails[0].get("value") if emails and isinstance(emails[0], dict) else "")
    )
    enterprise = body.get(ENTERPRISE) if isinstance(body.get(ENTERPRISE), dict) else {}
    active = _active(body.get("active"), current=current)
    if not isinstance(email, str) or not email:
        raise ValueError("userName (the person's work email) is needed")
    return directory_sync.DirectoryRecord(
        email=email,
        first_name=str(name.get("givenName") or (current.first_name if current else "")),
        last_name=str(name.get("familyName") or (current.last_name if current else "")),
        employee_number=str(enterprise.get("employeeNumber") or body.get("externalId") or "") or None,
        job_title=str(body.get("title") or (current.job_title if current else "")),
        active=bool(active),
    )


def _active(value, *, current: Person | None) -> bool:
    """`active` as sent. Left out (or null), a new person arrives active and someone already in Herald
    keeps the state they have: a replace that does not mention it never brings a leaver back, nor makes
    one. Only true or false (or their strings) are accepted: any other value is refused, not guessed."""
    if value is None:
        return current.is_active if current is not None else True
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    if isinstance(value, bool):
        return value
    raise ValueError("active must be true or false")


def _staff():
    """Who SCIM sees, for every request: employees (the staff directory), never councillors."""
    return Person.objects.employees()


# attribute eq "value": the value is a JSON string (RFC 7644 §3.4.2.2, RFC 7159 §7), so it may hold
# escaped quotes and backslashes (userName eq "o\"brien@council.gov.uk") and \uXXXX escapes.
_FILTER = re.compile(
    r'^\s*(userName|externalId|emails\.value)\s+eq\s+("(?:[^"\\]|\\.)*")\s*$', re.IGNORECASE | re.DOTALL
)
BAD_FILTER = 'Only filters like userName eq "name@council.gov.uk" are supported'


def _filter(wanted: str) -> tuple[str, str]:
    """The attribute and the value a filter asks for; ScimRefusal (invalidFilter) for anything else."""
    match = _FILTER.match(wanted)
    if not match:
        raise ScimRefusal(BAD_FILTER, "invalidFilter")
    attribute, quoted = match.groups()
    try:
        # Not strict: a raw control character is let through here and stripped below, as the import does.
        value = json.loads(quoted, strict=False)
        value.encode()  # a lone surrogate (\ud800) is no character at all, and no database can store it
    except (ValueError, UnicodeEncodeError):
        raise ScimRefusal(f"{BAD_FILTER}; the value is not a valid string", "invalidFilter") from None
    if not 1 <= len(value) <= 254:
        raise ScimRefusal(f"{BAD_FILTER}; the value must be 1 to 254 characters", "invalidFilter")
    return attribute, value


@_guarded
def users(request, body):
    if request.method == "GET":
        people = _staff().order_by("pk")
        wanted = request.GET.get("filter", "")
        if wanted:
            try:
                attribute, value = _filter(wanted)
            except ScimRefusal as refusal:
                return _error(400, str(refusal), refusal.scim_type)
            # As the import stores them: no NUL byte (PostgreSQL cannot compare one) nor invisible characters.
            value = strip_invisible(value).strip()
            if attribute.lower() == "externalid":
                people = people.filter(employee_number=value)
            else:
                people = people.filter(email__iexact=value)
        try:
            start = max(int(request.GET.get("startIndex", 1)), 1)
            count = min(max(int(request.GET.get("count", 100)), 0), 200)
        except ValueError:
            return _error(400, "startIndex and count must be numbers", "invalidValue")
        total = people.count()
        # A start past the end is an empty page; asked of the database, a huge one overflows its integers.
        found = list(people[start - 1 : start - 1 + count]) if start <= total else []
        return JsonResponse(
            {
                "schemas": [LIST_SCHEMA],
                "totalResults": total,
                "startIndex": start,
                "itemsPerPage": len(found),
                "Resources": [_user(request, p) for p in found],
            },
            content_type="application/scim+json",
        )
    if request.method == "POST":
        record = _record(body)
        if directory_sync.find(record) is not None:
            return _error(409, "This person is already in Herald", "uniqueness")
        person, _ = directory_sync.apply_record(record, source=SOURCE)
        return JsonResponse(_user(request, person), status=201, content_type="application/scim+json")
    return _error(405, "Use GET or POST here")


def _apply_patch(person: Person, body: dict) -> directory_sync.DirectoryRecord:
    current = _user_as_body(person)
    operations = body.get("Operations")
    if not isinstance(operations, list) or not operations:
        raise ValueError("Operations are needed")
    for operation in operations:
        if not isinstance(operation, dict):
            raise ValueError("Each operation must be an object")
        op = str(operation.get("op", "")).lower()
        if op not in ("add", "replace", "remove"):
            raise ValueError(f"Unknown operation '{op}'")
        path = operation.get("path")
        value = operation.get("value")
        if path is None:
            if not isinstance(value, dict):
                raise ValueError("An operation without a path needs an object value")
            for key, item in _canonical(value).items():
                _set(current, key, item)
        else:
            if op == "remove" and str(path).strip().lower() == "active":
                # RFC 7644 3.5.2.2: an attribute whose removal the provider cannot honour is a mutability
                # error. Removing it would otherwise read as "not active" and make a leaver by accident.
                raise ScimRefusal(
                    "Herald cannot remove 'active': send active false to record a leaver, or true to keep them",
                    "mutability",
                )
            _set(current, str(path), None if op == "remove" else value)
    return _record(current, current=person)


def _user_as_body(person: Person) -> dict:
    return {
        "userName": person.email,
        "name": {"givenName": person.first_name, "familyName": person.last_name},
        "title": person.job_title,
        "active": person.is_active,
        ENTERPRISE: {"employeeNumber": person.employee_number or ""},
    }


def _set(current: dict, path: str, value) -> None:
    key = path.strip()
    lowered = key.lower()
    if lowered.startswith(ENTERPRISE.lower() + ":"):
        current[ENTERPRISE][_spelled(key.split(":")[-1])] = value
    elif lowered == ENTERPRISE.lower() and isinstance(value, dict):
        current[ENTERPRISE].update(_canonical(value))
    elif lowered in ("name.givenname", "name.familyname"):
        current["name"]["givenName" if lowered.endswith("givenname") else "familyName"] = value
    elif lowered.startswith("emails"):
        # A filtered path ("emails[type eq \"work\"].value") gives the address; "emails" gives the list.
        given = value if isinstance(value, str) else _work_email(value)
        current["userName"] = given or current["userName"]
    elif lowered in ("username", "title", "active"):
        current[{"username": "userName", "title": "title", "active": "active"}[lowered]] = value
    elif lowered == "name" and isinstance(value, dict):
        current["name"].update(_canonical(value))
    elif lowered in (
        "displayname",
        "externalid",
        "preferredlanguage",
        "locale",
        "timezone",
        "phonenumbers",
        "addresses",
    ):
        return  # known SCIM attributes Herald does not keep
    else:
        raise ValueError(f"Herald cannot change '{path}'")


@_guarded
def user(request, body, pk: int):
    person = _staff().filter(pk=pk).first()
    if person is None:
        return _error(404, "No such member of staff in Herald")
    if request.method == "GET":
        return JsonResponse(_user(request, person), content_type="application/scim+json")
    if request.method == "PUT":
        person, _ = directory_sync.apply_record(_record(body, current=person), source=SOURCE, person=person)
        return JsonResponse(_user(request, person), content_type="application/scim+json")
    if request.method == "PATCH":
        person, _ = directory_sync.apply_record(_apply_patch(person, body), source=SOURCE, person=person)
        return JsonResponse(_user(request, person), content_type="application/scim+json")
    if request.method == "DELETE":
        # Herald keeps leavers' records (the audit trail and the archive name them): a delete is a leaver.
        directory_sync.record_leaver(person, source=SOURCE)
        return HttpResponse(status=204)
    return _error(405, "Use GET, PUT, PATCH or DELETE here")
