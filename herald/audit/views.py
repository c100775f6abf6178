from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from herald.access import allow
from herald.audit import services
from herald.audit.models import AuditEvent, record_kind
from herald.audit.words import describe
from herald.people.models import Person
from herald.people.roles import Role


@allow(Role.COMMS, Role.ADMIN, Role.INFO_GOV)
def events(request: HttpRequest) -> HttpResponse:
    filters = {key: request.GET.get(key, "").strip() for key in ("actor", "action", "object_type", "text")}
    found = AuditEvent.objects.search(**filters).select_related("actor")
    object_types = AuditEvent.objects.order_by("object_type").values_list("object_type", flat=True).distinct()
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "audit/events.html",
        {
            "page_obj": page,
            "filters": filters,
            "object_types": sorted(((t, record_kind(t)) for t in object_types if t), key=lambda pair: pair[1]),
            "actions": sorted(
                (
                    (code, describe(code))
                    for code in AuditEvent.objects.order_by().values_list("action", flat=True).distinct()
                ),
                key=lambda pair: pair[1],
            ),
            "can_verify": verify.herald_access.permits(request.user),
            "breadcrumbs": [("Home", "/"), ("Audit trail", None)],
        },
    )


@allow(Role.COMMS, Role.ADMIN, Role.INFO_GOV)
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(AuditEvent, pk=pk)
    return render(
        request,
        "audit/event_detail.html",
        {"event": event, "breadcrumbs": [("Home", "/"), ("Audit trail", "/audit/"), (f"Event {event.pk}", None)]},
    )


@allow(Role.ADMIN)
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """The check `manage.py verify_audit` runs, for an administrator in the browser: the keyed hash chain
    from the first event, then every signed checkpoint written outside the database. It reads only, so
    it is run when asked (POST) rather than on every visit: on a long trail it takes a while."""
    report = services.verify_chain() if request.method == "POST" else None
    return render(
        request,
        "audit/verify.html",
        {
            "report": report,
            "directory": services.checkpoint_dir(),
            "breadcrumbs": [("Home", "/"), ("Audit trail", "/audit/"), ("Check the audit trail", None)],
        },
    )


def may_open_event(user: Person) -> bool:
    """Whether `user` may open an event's own page: the rule declared on `event_detail`, so pages that
    list events (an account's or a person's history) link to it only for people it will not refuse."""
    return event_detail.herald_access.permits(user)
