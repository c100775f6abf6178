from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from herald.access import allow
from herald.audit import services
from herald.audit.forms import AuditFilterForm
from herald.audit.models import AuditEvent
from herald.people.models import Person
from herald.people.roles import Role


@allow(Role.COMMS, Role.ADMIN, Role.INFO_GOV)
def events(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    # A filter that is not one of the choices is an error on the form, and no events are listed: a list of
    # everything under a filter that was not applied would read as the answer.
    invalid = form.is_bound and not form.is_valid()
    found = (
        AuditEvent.objects.none() if invalid else AuditEvent.objects.visible_to(request.user).search(**form.filters())
    )
    page = Paginator(found.select_related("actor"), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "audit/events.html",
        {
            "form": form,
            "page_obj": page,
            "can_verify": verify.herald_access.permits(request.user),
            "breadcrumbs": [("Home", "/"), ("Audit trail", None)],
        },
        status=400 if invalid else 200,
    )


@allow(Role.COMMS, Role.ADMIN, Role.INFO_GOV)
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(AuditEvent.objects.visible_to(request.user), pk=pk)
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
