from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Max, Prefetch, QuerySet
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from herald.access import allow, public, require
from herald.audit.models import AuditEvent
from herald.csv_export import csv_response
from herald.errors import Refused
from herald.forms import show_refusal, submitted
from herald.navigation import Crumb
from herald.people.models import Person, Team
from herald.people.roles import Role
from herald.signin.reauth import sensitive
from herald.social_accounts import forms, services
from herald.social_accounts.models import (
    Account,
    AccountEditor,
    AccountRequest,
    MonthlyReport,
    Platform,
    SecurityTask,
)

REGISTER_ROLES = (Role.COMMS, Role.ICT, Role.ADMIN)
MANAGE_ROLES = (Role.COMMS, Role.ADMIN)
HOME = ("Home", "/")


def _crumbs(*trail: Crumb) -> list[Crumb]:
    return [HOME, *trail]


# --- the public list ------------------------------------------------------------------------------


def _public_accounts(platform: str = "") -> QuerySet[Account]:
    accounts = Account.objects.listed_publicly().select_related("team__service_area")
    if platform in Platform.values:
        accounts = accounts.filter(platform=platform)
    return accounts


def _public_row(account: Account) -> dict:
    return {
        "platform": account.platform,
        "platform_name": account.get_platform_display(),
        "name": account.display_name,
        "handle": f"@{account.handle}" if account.handle else "",
        "url": account.profile_url,
        "service": account.team.name,
        "status": account.get_status_display(),
        "official_since": account.activated_on.isoformat() if account.activated_on else "",
    }


@public
def official(request: HttpRequest) -> HttpResponse:
    platform = request.GET.get("platform", "")
    return render(
        request,
        "social_accounts/official.html",
        {
            "accounts": _public_accounts(platform),
            "platform": platform,
            "platforms": Platform.choices,
            "breadcrumbs": [("Official social media accounts", None)],
        },
    )


PUBLIC_COLUMNS = ["platform", "platform_name", "name", "handle", "url", "service", "status", "official_since"]


@public
def official_csv(request: HttpRequest) -> HttpResponse:
    rows = []
    for account in _public_accounts(request.GET.get("platform", "")):
        row = _public_row(account)
        # The bare handle: "@HinckleyBC" would open as a formula, and quoted it would read "'@HinckleyBC"
        # in Excel. The platform and url columns say where it lives (decision 0002).
        row["handle"] = account.handle
        rows.append([row[column] for column in PUBLIC_COLUMNS])
    return csv_response("official-social-media-accounts.csv", PUBLIC_COLUMNS, rows)


@public
def official_json(request: HttpRequest) -> HttpResponse:
    return JsonResponse(
        {
            "council": settings.COUNCIL_NAME,
            "generated_at": timezone.now().isoformat(timespec="seconds"),
            "accounts": [_public_row(a) for a in _public_accounts(request.GET.get("platform", ""))],
        },
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )


# --- the register ---------------------------------------------------------------------------------

FLAGS = {
    "review": "Needs a dormancy decision",
    "short": "Fewer than two editors",
    "unsecured": "Security set-up incomplete",
    "overdue": "Monthly report overdue",
}


def _filtered_register(params: QueryDict) -> QuerySet[Account]:
    status = params.get("status", "")
    accounts = Account.objects.select_related("team__service_area", "service_manager").with_editor_count()
    accounts = accounts.filter(status=status) if status in Account.Status.values else accounts.in_register()
    if params.get("platform") in Platform.values:
        accounts = accounts.filter(platform=params["platform"])
    team = params.get("team") or ""
    if team.isascii() and team.isdigit():
        accounts = accounts.filter(team_id=int(team))
    flag = params.get("flag", "")
    if flag == "review":
        accounts = accounts.filter(pk__in=Account.objects.dormancy_candidates())
    elif flag == "short":
        accounts = accounts.filter(pk__in=Account.objects.short_of_editors())
    elif flag == "unsecured":
        accounts = accounts.exclude(two_factor_enabled=True, comms_co_admin=True, credentials_in_password_manager=True)
    elif flag == "overdue":
        month = services.overdue_report_month()
        accounts = accounts.filter(pk__in=Account.objects.missing_report_for(month)) if month else accounts.none()
    return accounts.search(params.get("q", "")).order_by("platform", "display_name")


def _register_filters(request: HttpRequest) -> dict:
    return {key: request.GET.get(key, "") for key in ("q", "status", "platform", "team", "flag")}


@allow(*REGISTER_ROLES)
def register(request: HttpRequest) -> HttpResponse:
    filters = _register_filters(request)
    accounts = _filtered_register(request.GET)
    page = Paginator(accounts, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "social_accounts/register.html",
        {
            "page_obj": page,
            "filters": filters,
            "platforms": Platform.choices,
            "statuses": Account.Status.choices,
            "teams": Team.objects.filter(social_accounts__isnull=False).distinct().select_related("service_area"),
            "flags": FLAGS.items(),
            "export_query": request.GET.urlencode(),
            "breadcrumbs": _crumbs(("Register of accounts", None)),
        },
    )


@allow(*REGISTER_ROLES)
@sensitive
def register_csv(request: HttpRequest) -> HttpResponse:
    accounts = _filtered_register(request.GET).prefetch_related(
        Prefetch(
            "editor_links",
            queryset=AccountEditor.objects.filter(removed_at=None).select_related("person"),
            to_attr="current_links",
        )
    )
    header = [
        "Platform",
        "Display name",
        "Handle",
        "Profile address",
        "Status",
        "Team",
        "Service area",
        "Service manager",
        "Editors",
        "Comms co-admin",
        "Two-factor on",
        "Credentials in password manager",
        "Monitoring hours",
        "Out-of-hours cover",
        "Emergency plan entry",
        "Activated",
        "Last activity",
        "Next review",
        "Purpose",
    ]
    yes_no = {True: "Yes", False: "No"}
    rows = (
        [
            a.get_platform_display(),
            a.display_name,
            a.handle,
            a.profile_url,
            a.get_status_display(),
            a.team.name,
            a.team.service_area.name,
            a.service_manager.full_name if a.service_manager else "",
            "; ".join(link.person.full_name for link in a.current_links if link.person.is_active),
            yes_no[a.comms_co_admin],
            yes_no[a.two_factor_enabled],
            yes_no[a.credentials_in_password_manager],
            a.monitoring_hours,
            a.out_of_hours_cover,
            a.emergency_plan_url,
            a.activated_on or "",
            a.last_activity_on or "",
            a.next_review_on or "",
            a.purpose,
        ]
        for a in accounts
    )
    return csv_response(f"account-register-{services.today():%Y-%m-%d}.csv", header, rows)


def _can_see_account(user: Person, account: Account) -> bool:
    if user.has_role(*REGISTER_ROLES):
        return True
    return account.service_manager_id == user.pk or account.active_editors().filter(pk=user.pk).exists()


@allow(Role.EDITOR, Role.SERVICE_MANAGER, *REGISTER_ROLES)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_object_or_404(Account.objects.select_related("team__service_area", "service_manager"), pk=pk)
    require(_can_see_account(request.user, account), "You are not an editor or the service manager of this account.")
    account_request = AccountRequest.objects.filter(account=account).first()
    history = []
    if request.user.has_role(*REGISTER_ROLES):
        events = AuditEvent.objects.for_object(account)
        if account_request:
            events = events | AuditEvent.objects.for_object(account_request)
        history = events.order_by("-id")[:100]
    can_report = account.status == Account.Status.ACTIVE and (
        account.active_editors().filter(pk=request.user.pk).exists() or request.user.has_role(*MANAGE_ROLES)
    )
    return render(
        request,
        "social_accounts/detail.html",
        {
            "account": account,
            "editor_links": account.current_editor_links(),
            "account_request": account_request,
            "history": history,
            "tasks": account.security_tasks.select_related("person", "completed_by"),
            "reports": account.monthly_reports.select_related("submitted_by")[:12],
            "can_manage": request.user.has_role(*MANAGE_ROLES),
            "can_report": can_report,
            "short_of_editors": account.status in (Account.Status.ACTIVE, Account.Status.DORMANT)
            and account.active_editors().count() < 2,
            "breadcrumbs": _crumbs(*_register_crumb(request.user), (account.display_name, None)),
        },
    )


def _register_crumb(user: Person) -> list[Crumb]:
    if user.has_role(*REGISTER_ROLES):
        return [("Register of accounts", reverse("social_accounts:register"))]
    return [("My accounts", reverse("social_accounts:mine"))]


def _manage_page(
    request: HttpRequest, account: Account, template: str, form: BaseForm, title: str, **extra: Any
) -> HttpResponse:
    return render(
        request,
        template,
        {
            "account": account,
            "form": form,
            "title": title,
            **extra,
            "breadcrumbs": _crumbs(
                ("Register of accounts", reverse("social_accounts:register")),
                (account.display_name, reverse("social_accounts:detail", args=[account.pk])),
                (title, None),
            ),
        },
    )


@allow(*MANAGE_ROLES)
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_object_or_404(Account, pk=pk)
    form = forms.AccountForm(request.POST or None, instance=account)
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in services.REGISTER_FIELDS}
        # The ModelForm has already set the values on the instance; the service re-reads and saves them.
        account.refresh_from_db()
        try:
            services.update_account(account, by=request.user, reason=form.cleaned_data["reason"], **changes)
        except Refused as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, f"{account.display_name} updated")
            return redirect("social_accounts:detail", pk=account.pk)
    return _manage_page(
        request, account, "social_accounts/simple_form.html", form, "Change the register entry", button="Save changes"
    )


@allow(*MANAGE_ROLES)
@require_http_methods(["GET", "POST"])
def editor_add(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_object_or_404(Account, pk=pk)
    form = forms.AddEditorForm(request.POST or None, account=account)
    if account.status == Account.Status.CLOSED:
        messages.info(request, "This account is closed: it has no editors")
        return redirect("social_accounts:detail", pk=account.pk)
    named = submitted(
        request,
        form,
        lambda data: services.name_editor(
            account,
            data["person"],
            by=request.user,
            training_booked_on=None if data["person"].is_trained_editor else data["training_booked_on"],
            reason=data["reason"],
        ),
    )
    if named:
        messages.success(request, f"{form.cleaned_data['person'].full_name} is now an editor of {account.display_name}")
        return redirect("social_accounts:detail", pk=account.pk)
    return _manage_page(
        request, account, "social_accounts/simple_form.html", form, "Add an editor", button="Add editor"
    )


@allow(*MANAGE_ROLES)
@require_http_methods(["GET", "POST"])
def editor_remove(request: HttpRequest, pk: int, person_pk: int) -> HttpResponse:
    account = get_object_or_404(Account, pk=pk)
    # Anyone who has ever edited the account: a second press of the button, after the first removed them,
    # is answered with the service's refusal rather than "page not found".
    links = AccountEditor.objects.select_related("person").filter(account=account, person_id=person_pk)
    link = links.filter(removed_at=None).first() or links.order_by("-removed_at").first()
    if link is None:
        raise Http404("No such editor of this account")
    person = link.person
    if request.method == "GET" and link.removed_at is not None:
        messages.info(request, f"{person.full_name} is no longer an editor of {account.display_name}")
        return redirect("social_accounts:detail", pk=account.pk)
    form = forms.RemoveEditorForm(request.POST or None)
    removed = submitted(
        request, form, lambda data: services.remove_editor(account, person, by=request.user, reason=data["reason"])
    )
    if removed:
        messages.success(request, f"{person.full_name} is no longer an editor of {account.display_name}")
        return redirect("social_accounts:detail", pk=account.pk)
    return _manage_page(
        request,
        account,
        "social_accounts/simple_form.html",
        form,
        f"Remove {person.full_name} as an editor",
        button="Remove editor",
        warning=True,
    )


@allow(*MANAGE_ROLES)
@require_http_methods(["GET", "POST"])
def dormancy(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_object_or_404(Account, pk=pk)
    if account.status not in (Account.Status.ACTIVE, Account.Status.DORMANT):
        messages.info(
            request, f"{account.display_name} is {account.get_status_display().lower()}: there is nothing to decide"
        )
        return redirect("social_accounts:detail", pk=account.pk)
    form = forms.DormancyDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == "keep":
                services.keep_account(
                    account, by=request.user, next_review_on=data["next_review_on"], reason=data["reason"]
                )
                messages.success(request, f"{account.display_name} stays active until its next review")
            elif data["decision"] == "dormant":
                services.mark_dormant(account, by=request.user, reason=data["reason"])
                messages.success(request, f"{account.display_name} is marked dormant")
            else:
                return redirect(reverse("social_accounts:closing", args=[account.pk]) + "?from=dormancy")
        except Refused as exc:
            show_refusal(form, exc)
        else:
            return redirect("social_accounts:detail", pk=account.pk)
    return _manage_page(
        request,
        account,
        "social_accounts/simple_form.html",
        form,
        "Decide on dormancy",
        button="Save decision",
        intro=account.dormancy_reason,
    )


@allow(*MANAGE_ROLES)
@require_http_methods(["GET", "POST"])
def closing(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_object_or_404(Account, pk=pk)
    if account.status not in (Account.Status.ACTIVE, Account.Status.DORMANT):
        messages.info(request, f"{account.display_name} is {account.get_status_display().lower()}")
        return redirect("social_accounts:detail", pk=account.pk)
    form = forms.StartClosingForm(request.POST or None, initial={"reason": account.dormancy_reason})
    started = submitted(
        request,
        form,
        lambda data: services.start_closing(
            account,
            by=request.user,
            reason=data["reason"],
            final_post_on=data["final_post_on"],
            handover_notes=data["handover_notes"],
        ),
    )
    if started:
        messages.success(request, f"Closing {account.display_name}: the editors have been asked for a final post")
        return redirect("social_accounts:detail", pk=account.pk)
    return _manage_page(
        request,
        account,
        "social_accounts/simple_form.html",
        form,
        "Close the account",
        button="Start closing",
        intro="The account stays on the public list until it is closed, "
        "so residents can check the final post is genuine.",
    )


@allow(*MANAGE_ROLES)
@require_http_methods(["GET", "POST"])
def close(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_object_or_404(Account, pk=pk)
    # A POST goes to the service, which decides with the account locked: a second press, or two people
    # at once, is shown its refusal on the form instead of failing.
    if request.method == "GET" and account.status != Account.Status.CLOSING:
        messages.info(request, "Start closing the account first")
        return redirect("social_accounts:detail", pk=account.pk)
    form = forms.CloseAccountForm(request.POST or None, initial={"handover_notes": account.handover_notes})
    closed = submitted(
        request,
        form,
        lambda data: services.close_account(
            account, by=request.user, final_post_url=data["final_post_url"], handover_notes=data["handover_notes"]
        ),
    )
    if closed:
        messages.success(request, f"{account.display_name} is closed and off the public list")
        return redirect("social_accounts:detail", pk=account.pk)
    return _manage_page(
        request,
        account,
        "social_accounts/simple_form.html",
        form,
        "Confirm the account is closed",
        button="Close the account",
        warning=True,
    )


@allow(Role.COMMS, Role.ICT, Role.ADMIN)
@require_http_methods(["GET", "POST"])
def task_done(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_object_or_404(SecurityTask.objects.select_related("account", "person"), pk=pk)
    account = task.account
    if request.method == "GET" and task.completed_at:
        messages.info(request, "This task has already been done")
        return redirect("social_accounts:detail", pk=account.pk)
    form = forms.SecurityTaskForm(request.POST or None)
    done = submitted(
        request, form, lambda data: services.complete_security_task(task, by=request.user, notes=data["notes"])
    )
    if done:
        messages.success(request, f"Task done: {task.get_kind_display().lower()} on {account.display_name}")
        return redirect("social_accounts:detail", pk=account.pk)
    return _manage_page(
        request,
        account,
        "social_accounts/simple_form.html",
        form,
        "Mark the task done",
        button="Mark as done",
        intro=str(task),
    )


# --- editors and monthly reports ------------------------------------------------------------------


@allow(Role.EDITOR)
def mine(request: HttpRequest) -> HttpResponse:
    accounts = Account.objects.edited_by(request.user).in_register().annotate(last_report=Max("monthly_reports__month"))
    month = services.overdue_report_month() or services.previous_month(services.today())
    missing = set(Account.objects.missing_report_for(month).values_list("pk", flat=True))
    return render(
        request,
        "social_accounts/mine.html",
        {
            "accounts": accounts,
            "missing": missing,
            "month": month,
            "due_day": services.report_due_day(),
            "breadcrumbs": _crumbs(("My accounts", None)),
        },
    )


@allow(Role.EDITOR, *MANAGE_ROLES)
@require_http_methods(["GET", "POST"])
def report_new(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_object_or_404(Account, pk=pk)
    require(
        request.user.has_role(*MANAGE_ROLES) or account.active_editors().filter(pk=request.user.pk).exists(),
        "Only this account's editors can report on it.",
    )
    if account.status != Account.Status.ACTIVE:
        messages.info(request, "Only active accounts send monthly reports")
        return redirect("social_accounts:detail", pk=account.pk)
    form = forms.MonthlyReportForm(request.POST or None, account=account)
    if not form.fields["month"].choices:
        messages.info(request, "The reports for recent months are all in")
        return redirect("social_accounts:detail", pk=account.pk)
    sent = submitted(
        request,
        form,
        lambda data: services.submit_monthly_report(
            account,
            by=request.user,
            month=data["month"],
            posts=data["posts"],
            reach=data["reach"],
            notable_issues=data["notable_issues"],
        ),
    )
    if sent:
        messages.success(request, f"Report for {form.cleaned_data['month']:%B %Y} sent to the communications team")
        return redirect("social_accounts:detail", pk=account.pk)
    return render(
        request,
        "social_accounts/simple_form.html",
        {
            "account": account,
            "form": form,
            "title": "Monthly report",
            "button": "Send report",
            "breadcrumbs": _crumbs(
                *_register_crumb(request.user),
                (account.display_name, reverse("social_accounts:detail", args=[account.pk])),
                ("Monthly report", None),
            ),
        },
    )


@allow(*MANAGE_ROLES)
def reports_overdue(request: HttpRequest) -> HttpResponse:
    month = services.overdue_report_month()
    shown = month or services.previous_month(services.today())
    accounts = (
        Account.objects.missing_report_for(shown)
        .select_related("team")
        .annotate(last_report=Max("monthly_reports__month"))
    )
    recent = MonthlyReport.objects.select_related("account", "submitted_by")[:20]
    return render(
        request,
        "social_accounts/reports_overdue.html",
        {
            "accounts": accounts,
            "month": shown,
            "overdue": month is not None,
            "due_day": services.report_due_day(),
            "recent": recent,
            "breadcrumbs": _crumbs(("Monthly reports", None)),
        },
    )


# --- requests -------------------------------------------------------------------------------------


def _request_or_404(pk: int) -> AccountRequest:
    return get_object_or_404(
        AccountRequest.objects.select_related(
            "requested_by",
            "team",
            "service_manager",
            "endorsed_by",
            "reviewed_by",
            "set_up_by",
            "decided_by",
            "account",
        ),
        pk=pk,
    )


def _request_crumbs(account_request: AccountRequest, label: str | None = None) -> list[Crumb]:
    trail = [("Account requests", reverse("social_accounts:requests"))]
    if label:
        trail += [
            (str(account_request), reverse("social_accounts:request_detail", args=[account_request.pk])),
            (label, None),
        ]
    else:
        trail.append((str(account_request), None))
    return _crumbs(*trail)


@allow(Role.EMPLOYEE)
def requests(request: HttpRequest) -> HttpResponse:
    visible = AccountRequest.objects.visible_to(request.user).select_related("requested_by", "team")
    show = request.GET.get("show", "open")
    if show == "open":
        visible = visible.open()
    return render(
        request,
        "social_accounts/requests.html",
        {
            "requests": visible[:200],
            "show": show,
            "breadcrumbs": _crumbs(("Account requests", None)),
        },
    )


@allow(Role.EMPLOYEE)
@require_http_methods(["GET", "POST"])
def request_new(request: HttpRequest) -> HttpResponse:
    form = forms.AccountRequestForm(request.POST or None, requester=request.user)
    made = submitted(
        request,
        form,
        lambda data: services.request_account(form.business_case(), editors=form.nominations, by=request.user),
    )
    if made:
        messages.success(request, f"Request sent to {made.result.service_manager.full_name} to endorse")
        return redirect("social_accounts:request_detail", pk=made.result.pk)
    return render(
        request,
        "social_accounts/request_form.html",
        {
            "form": form,
            "title": "Request a new social media account",
            "breadcrumbs": _crumbs(("Account requests", reverse("social_accounts:requests")), ("New request", None)),
        },
    )


@allow(Role.EMPLOYEE)
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    account_request = _request_or_404(pk)
    require(AccountRequest.objects.visible_to(request.user).filter(pk=pk).exists(), "You are not part of this request.")
    user = request.user
    history = AuditEvent.objects.for_object(account_request).order_by("id")
    return render(
        request,
        "social_accounts/request_detail.html",
        {
            "r": account_request,
            "history": history,
            "is_requester": account_request.requested_by_id == user.pk,
            "can_endorse": account_request.status == AccountRequest.Status.SUBMITTED
            and account_request.service_manager_id == user.pk,
            "can_review": account_request.status == AccountRequest.Status.ENDORSED
            and user.has_role(Role.COMMS)
            and user.pk not in account_request.approvers()
            and user.pk != account_request.requested_by_id,
            "can_set_up": account_request.status == AccountRequest.Status.APPROVED
            and user.has_role(Role.ICT)
            and user.pk not in account_request.approvers()
            and user.pk != account_request.requested_by_id,
            "breadcrumbs": _request_crumbs(account_request),
        },
    )


@allow(Role.EMPLOYEE)
@require_http_methods(["GET", "POST"])
def request_edit(request: HttpRequest, pk: int) -> HttpResponse:
    account_request = _request_or_404(pk)
    require(account_request.requested_by_id == request.user.pk, "Only the person who made the request can change it.")
    if account_request.status != AccountRequest.Status.RETURNED:
        messages.info(request, "This request has not been sent back for changes")
        return redirect("social_accounts:request_detail", pk=pk)
    form = forms.AccountRequestForm(
        request.POST or None, requester=request.user, initial=forms.AccountRequestForm.initial_from(account_request)
    )
    resubmitted = submitted(
        request,
        form,
        lambda data: services.resubmit_account_request(
            account_request, form.business_case(), editors=form.nominations, by=request.user
        ),
    )
    if resubmitted:
        messages.success(request, f"Request resubmitted to {account_request.service_manager.full_name}")
        return redirect("social_accounts:request_detail", pk=pk)
    return render(
        request,
        "social_accounts/request_form.html",
        {
            "form": form,
            "r": account_request,
            "title": "Change your request",
            "breadcrumbs": _request_crumbs(account_request, "Change"),
        },
    )


@allow(Role.EMPLOYEE)
@require_POST
def request_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    account_request = _request_or_404(pk)
    require(account_request.requested_by_id == request.user.pk, "Only the person who made the request can withdraw it.")
    form = forms.WithdrawForm(request.POST)
    try:
        if not form.is_valid():
            raise Refused(list(form.errors.get("reason", [])))
        services.withdraw_account_request(account_request, by=request.user, reason=form.cleaned_data["reason"])
    except Refused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Request withdrawn")
    return redirect("social_accounts:request_detail", pk=pk)


def _decision_page(
    request: HttpRequest, account_request: AccountRequest, form: BaseForm, label: str, button: str
) -> HttpResponse:
    return render(
        request,
        "social_accounts/request_decision.html",
        {
            "r": account_request,
            "form": form,
            "title": label,
            "button": button,
            "breadcrumbs": _request_crumbs(account_request, label),
        },
    )


def _send_back_or_refuse(request: HttpRequest, account_request: AccountRequest, decision: str, comments: str) -> None:
    """The two ways any approver can stop a request, shared by the endorsement and review steps."""
    if decision == "send_back":
        services.send_back_account_request(account_request, by=request.user, comments=comments)
        messages.success(request, f"Request sent back to {account_request.requested_by.full_name}")
    else:
        services.refuse_account_request(account_request, by=request.user, reasons=comments)
        messages.success(request, "Request refused")


def _not_waiting(request: HttpRequest, account_request: AccountRequest, step: str) -> HttpResponse:
    messages.info(request, f"This request is not waiting for {step}: it is ‘{account_request.get_status_display()}’")
    return redirect("social_accounts:request_detail", pk=account_request.pk)


@allow(Role.SERVICE_MANAGER)
@require_http_methods(["GET", "POST"])
def endorse(request: HttpRequest, pk: int) -> HttpResponse:
    account_request = _request_or_404(pk)
    require(
        account_request.service_manager_id == request.user.pk,
        "Only the service manager named on the request can endorse it.",
    )
    if account_request.status != AccountRequest.Status.SUBMITTED:
        return _not_waiting(request, account_request, "your endorsement")
    form = forms.EndorseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decision, comments = form.cleaned_data["decision"], form.cleaned_data["comments"]
        try:
            if decision == "endorse":
                services.endorse_account_request(account_request, by=request.user, comments=comments)
                messages.success(request, "Request endorsed and sent to the communications team")
            else:
                _send_back_or_refuse(request, account_request, decision, comments)
        except Refused as exc:
            show_refusal(form, exc)
        else:
            return redirect("social_accounts:request_detail", pk=pk)
    return _decision_page(request, account_request, form, "Endorse the request", "Save decision")


@allow(Role.COMMS)
@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, pk: int) -> HttpResponse:
    account_request = _request_or_404(pk)
    if account_request.status != AccountRequest.Status.ENDORSED:
        return _not_waiting(request, account_request, "the communications team")
    require(account_request.requested_by_id != request.user.pk, "Nobody approves their own request.")
    form = forms.ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] in ("approve", "approve_with_conditions"):
                conditions = data["conditions"] if data["decision"] == "approve_with_conditions" else ""
                services.approve_account_request(
                    account_request,
                    by=request.user,
                    conditions=conditions,
                    training_before_posting=data["training_before_posting"],
                )
                messages.success(request, "Request approved: ICT has been asked to set the account up securely")
            else:
                _send_back_or_refuse(request, account_request, data["decision"], data["comments"])
        except Refused as exc:
            show_refusal(form, exc)
        else:
            return redirect("social_accounts:request_detail", pk=pk)
    return _decision_page(request, account_request, form, "Review the request", "Save decision")


@allow(Role.ICT)
@require_http_methods(["GET", "POST"])
def security(request: HttpRequest, pk: int) -> HttpResponse:
    account_request = _request_or_404(pk)
    if account_request.status != AccountRequest.Status.APPROVED:
        return _not_waiting(request, account_request, "ICT security set-up")
    require(account_request.requested_by_id != request.user.pk, "Nobody approves their own request.")
    form = forms.SecuritySetupForm(
        request.POST or None, platform=account_request.platform, initial={"handle": account_request.proposed_handle}
    )
    confirmed = submitted(
        request,
        form,
        lambda data: services.confirm_security_setup(
            account_request,
            by=request.user,
            handle=data["handle"],
            profile_url=data["profile_url"],
            two_factor_enabled=data["two_factor_enabled"],
            comms_co_admin=data["comms_co_admin"],
            credentials_in_password_manager=data["credentials_in_password_manager"],
        ),
    )
    if confirmed:
        account = confirmed.result
        messages.success(request, f"{account.display_name} is now active and on the public list")
        return redirect("social_accounts:detail", pk=account.pk)
    return _decision_page(request, account_request, form, "Confirm the security set-up", "Confirm and activate")
