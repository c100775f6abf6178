"""The audit trail as a spreadsheet, with the trail page's filters and a date range. The export itself is
written to the trail: who took a copy, of what."""

from __future__ import annotations

import datetime as dt
import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from herald.access import allow
from herald.audit import services as audit
from herald.audit.forms import AuditFilterForm
from herald.audit.models import AuditEvent, record_kind
from herald.audit.words import describe
from herald.csv_export import csv_response
from herald.people.roles import Role
from herald.signin.reauth import sensitive

FILTERS = ("actor", "action", "object_type", "text")


def _date(request: HttpRequest, prefix: str, label: str, errors: list[dict]) -> dt.date | None:
    parts = [request.GET.get(f"{prefix}-{part}", "").strip() for part in ("day", "month", "year")]
    if not any(parts):
        return None
    try:
        day, month, year = (int(p) for p in parts)
        return dt.date(year, month, day)
    # A number too long for a date (OverflowError) is as unreal as 31 February.
    except (ValueError, OverflowError):
        errors.append({"field": f"{prefix}-day", "message": f"{label} must be a real date, for example 27 3 2026"})
        return None


def _in_words(filters: dict[str, str]) -> list[str]:
    """The chosen filters as the trail page shows them: what happened and the kind of record in words."""
    words = []
    for key, value in filters.items():
        if value:
            words.append(describe(value) if key == "action" else record_kind(value) if key == "object_type" else value)
    return words


def _downloading(request: HttpRequest) -> bool:
    return "download" in request.GET


@allow(Role.COMMS, Role.ADMIN, Role.INFO_GOV)
# The trail names people, their addresses and what they did: taking a copy is exporting personal data.
@sensitive(when=_downloading)
def export_csv(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET)
    errors: list[dict] = [
        # The filters come from the trail page, where they are chosen: that is where to put them right.
        {"href": reverse("audit:events") + "?" + request.GET.urlencode(), "message": message}
        for messages in form.errors.values()
        for message in messages
    ]
    filters = form.filters() if not errors else {key: request.GET.get(key, "").strip() for key in FILTERS}
    since = _date(request, "from", "The first day", errors)
    until = _date(request, "to", "The last day", errors)
    if since and until and until < since:
        errors.append({"field": "to-day", "message": "The last day must be the same as or after the first day"})
    if errors or "download" not in request.GET:
        return render(
            request,
            "audit/export.html",
            {
                "errors": errors,
                "filters": filters,
                "filter_words": _in_words(filters),
                "dates": [
                    {
                        "prefix": prefix,
                        "legend": legend,
                        "hint": hint,
                        "parts": [
                            (part, label, request.GET.get(f"{prefix}-{part}", "")[:4], width)
                            for part, label, width in (("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4))
                        ],
                        "error": next((e["message"] for e in errors if e.get("field") == f"{prefix}-day"), ""),
                    }
                    for prefix, legend, hint in (
                        ("from", "First day", "For example, 1 4 2026"),
                        ("to", "Last day", "For example, 30 4 2026"),
                    )
                ],
                "breadcrumbs": [("Home", "/"), ("Audit trail", "/audit/"), ("Download as a spreadsheet", None)],
            },
            status=400 if errors else 200,
        )
    events = AuditEvent.objects.visible_to(request.user).search(**filters)
    tz = timezone.get_current_timezone()
    if since:
        events = events.filter(at__gte=dt.datetime.combine(since, dt.time.min, tzinfo=tz))
    # The last day there is (31 12 9999) has no next day to stop before: everything up to it is wanted.
    if until and until < dt.date.max:
        events = events.filter(at__lt=dt.datetime.combine(until + dt.timedelta(days=1), dt.time.min, tzinfo=tz))
    events = events.order_by("at", "pk")
    chosen = {key: value for key, value in filters.items() if value}
    if since:
        chosen["from"] = since.isoformat()
    if until:
        chosen["to"] = until.isoformat()
    audit.record(
        actor=request.user,
        action="audit.exported",
        object_type="audit.auditevent",
        object_repr=f"{events.count()} events as CSV",
        after={"filters": chosen},
    )
    # UK clock time with its zone (BST or GMT: the hour the clocks go back happens twice), and the moment
    # in UTC, which sorts and compares.
    header = [
        "Event",
        "When",
        "When (UTC)",
        "Who",
        "Action",
        "Kind of record",
        "Record id",
        "Record",
        "Reason",
        "Before",
        "After",
    ]
    rows = (
        [
            event.pk,
            timezone.localtime(event.at).strftime("%d/%m/%Y %H:%M:%S %Z"),
            event.at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            event.actor_label,
            event.action,
            event.object_type,
            event.object_id,
            event.object_repr,
            event.reason,
            json.dumps(event.before, ensure_ascii=False) if event.before is not None else "",
            json.dumps(event.after, ensure_ascii=False) if event.after is not None else "",
        ]
        for event in events.iterator(chunk_size=2000)
    )
    return csv_response(f"herald-audit-{timezone.localdate():%Y-%m-%d}.csv", header, rows, byte_order_mark=True)
