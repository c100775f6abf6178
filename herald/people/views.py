from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from herald.access import allow, require
from herald.audit.models import AuditEvent
from herald.errors import Refused
from herald.forms import filtered_list, show_refusal
from herald.people import services
from herald.people.forms import DirectoryFilter, DirectoryImportForm, RolesForm, TeamForm
from herald.people.models import DirectoryImport, Person, ServiceArea
from herald.people.roles import Role
from herald.signin.reauth import sensitive

DIRECTORY_ROLES = (Role.HR, Role.COMMS, Role.SERVICE_MANAGER, Role.ADMIN)


def _visible_people(user: Person) -> QuerySet[Person]:
    people = Person.objects.select_related("team__service_area", "line_manager", "service_manager")
    if user.has_role(Role.HR, Role.COMMS, Role.ADMIN):
        return people
    # A service manager sees the people they manage.
    return people.managed_by(user)


@allow(*DIRECTORY_ROLES)
def directory(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilter(request.GET)  # no search at all is a valid one: everyone current
    # While the search has errors nobody is listed: everyone would look like what it found.
    people = form.filter(_visible_people(request.user)) if form.is_valid() else Person.objects.none()
    page = Paginator(people, 50).get_page(request.GET.get("page"))
    # HTMX asks for the results only, as the person types (and the form, out of band, to show or clear
    # its errors); a plain request gets the whole page.
    return filtered_list(
        request,
        page="people/directory.html",
        results="people/_directory_results.html",
        filters="people/_directory_filters.html",
        form=form,
        context={"page_obj": page, "breadcrumbs": [("Home", "/"), ("People", None)]},
    )


@allow(*DIRECTORY_ROLES)
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(Person.objects.select_related("team__service_area"), pk=pk)
    require(_visible_people(request.user).filter(pk=person.pk).exists(), "This person is not in your teams.")
    history = AuditEvent.objects.for_object(person)[:50] if request.user.has_role(Role.HR, Role.ADMIN) else []
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            "history": history,
            "breadcrumbs": [("Home", "/"), ("People", "/people/"), (person.full_name, None)],
        },
    )


@allow(Role.HR, Role.ADMIN)
@require_http_methods(["GET", "POST"])
def imports(request: HttpRequest) -> HttpResponse:
    form = DirectoryImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        if form.cleaned_data["kind"] == DirectoryImport.Kind.EMPLOYEES:
            result = services.import_employees(data, by=request.user, filename=upload.name)
        else:
            result = services.import_councillors(data, by=request.user, filename=upload.name)
        if result.ok:
            messages.success(request, result.summary())
            return redirect("people:imports")
    return render(
        request,
        "people/imports.html",
        {
            "form": form,
            "result": result,
            "recent": DirectoryImport.objects.select_related("imported_by")[:10],
            "employee_columns": services.EMPLOYEE_COLUMNS,
            "councillor_columns": services.COUNCILLOR_COLUMNS,
            "breadcrumbs": [("Home", "/"), ("Directory imports", None)],
        },
    )


@allow(Role.HR, Role.ADMIN)
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_object_or_404(DirectoryImport, pk=pk)
    return render(
        request,
        "people/import_detail.html",
        {"run": run, "breadcrumbs": [("Home", "/"), ("Directory imports", "/people/imports/"), (str(run), None)]},
    )


@allow(Role.HR, Role.ADMIN)
@require_http_methods(["GET", "POST"])
def teams(request: HttpRequest) -> HttpResponse:
    form = TeamForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            area = form.cleaned_data["service_area"] or services.create_service_area(
                form.cleaned_data["new_service_area"], by=request.user
            )
            team = services.create_team(form.cleaned_data["name"], service_area=area, by=request.user)
        messages.success(request, f"Team {team} added")
        return redirect("people:teams")
    areas = ServiceArea.objects.prefetch_related("teams")
    return render(
        request,
        "people/teams.html",
        {"form": form, "areas": areas, "breadcrumbs": [("Home", "/"), ("Service areas and teams", None)]},
    )


@allow(Role.ADMIN)
def roles(request: HttpRequest) -> HttpResponse:
    term = request.GET.get("q", "")
    holders = (
        Person.objects.active().filter(groups__name__in=[r.value for r in Role]).distinct().prefetch_related("groups")
    )
    found = Person.objects.active().search(term)[:25] if term else []
    return render(
        request,
        "people/roles.html",
        {"holders": holders, "found": found, "q": term, "breadcrumbs": [("Home", "/"), ("Roles", None)]},
    )


@allow(Role.ADMIN)
@sensitive
@require_http_methods(["GET", "POST"])
def person_roles(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk)
    current = sorted(r for r in person.roles if r not in (Role.EMPLOYEE, Role.COUNCILLOR))
    form = RolesForm(request.POST or None, initial={"roles": current})
    if request.method == "POST" and form.is_valid():
        try:
            services.set_roles(person, form.cleaned_data["roles"], by=request.user, reason=form.cleaned_data["reason"])
        except Refused as exc:
            show_refusal(form, exc, field="roles")
        else:
            messages.success(request, f"Roles for {person.full_name} updated")
            return redirect("people:roles")
    return render(
        request,
        "people/person_roles.html",
        {
            "person": person,
            "form": form,
            "breadcrumbs": [("Home", "/"), ("Roles", "/people/roles/"), (person.full_name, None)],
        },
    )
