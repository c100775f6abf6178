"""Project-wide pages: sign-in, the home page of things to do, health, and the error pages."""

import copy
import datetime as dt
import logging
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.core.exceptions import NON_FIELD_ERRORS, RequestDataTooBig, TooManyFieldsSent
from django.core.validators import MaxLengthValidator
from django.db import connection, transaction
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render, resolve_url
from django.template.loader import render_to_string
from django.urls import reverse_lazy
from django.utils import timezone
from django.views.decorators.cache import never_cache

from herald.access import allow_signed_in, public
from herald.home import all_panels
from herald.people import services as people_services
from herald.people.models import Person
from herald.people.roles import Role
from herald.plain_text import strip_invisible
from herald.proxies import client_address, is_trusted_proxy

# Far longer than any real password; keeps a pasted megabyte away from the hashers and validators.
PASSWORD_MAX_LENGTH = 4096


def _bounded_passwords(form_class: type[forms.BaseForm]) -> type[forms.BaseForm]:
    """Give Django's password boxes a length limit (they have none of their own)."""
    for name, field in list(form_class.base_fields.items()):
        if isinstance(field, forms.CharField) and field.max_length is None:
            field = copy.deepcopy(field)
            field.max_length = PASSWORD_MAX_LENGTH
            field.validators.append(MaxLengthValidator(PASSWORD_MAX_LENGTH))
            form_class.base_fields[name] = field
    return form_class


security_log = logging.getLogger("herald.security")


class SignInForm(AuthenticationForm):
    username = forms.EmailField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "username", "autofocus": True}),
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    password = forms.CharField(
        label="Password",
        max_length=PASSWORD_MAX_LENGTH,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password"},
    )
    error_messages = {
        "invalid_login": "Enter a correct email address and password. After 5 wrong attempts the sign-in is locked for an hour.",
        "inactive": "This sign-in has been switched off. Ask HR if you think this is wrong.",
    }

    def clean_username(self) -> str:
        return self.cleaned_data["username"].lower()


class ResetPasswordForm(PasswordResetForm):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )

    def get_users(self, email: str) -> Iterator[Person]:
        # People imported from the HR feed have no password yet: this is also how they set their first one.
        from herald.people.models import Person

        return Person.objects.active().filter(email__iexact=email)


@_bounded_passwords
class AuditedSetPasswordForm(SetPasswordForm):
    def save(self, commit: bool = True) -> Person:
        from herald.audit import services as audit

        person = super().save(commit)
        audit.record(actor=person, action="person.password_set", obj=person, reason="Reset by email link")
        return person


@_bounded_passwords
class AuditedPasswordChangeForm(PasswordChangeForm):
    def save(self, commit: bool = True) -> Person:
        from herald.audit import services as audit

        person = super().save(commit)
        audit.record(actor=person, action="person.password_changed", obj=person)
        return person


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form: forms.Form) -> HttpResponse:
        from herald.signin import services as signin

        response = super().form_valid(form)
        person = form.get_user()
        people_services.record_sign_in(person, address=client_address(self.request))
        signin.signed_in(self.request, person, method="password")
        step = signin.next_step_after_sign_in(self.request, person)
        if step:
            return redirect(f"{resolve_url(step)}?{urlencode({'next': response.url})}")
        return response

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        from herald.signin import oidc

        context = super().get_context_data(**kwargs)
        context["single_sign_on"] = settings.HERALD_OIDC_BUTTON if oidc.configured() else ""
        return context

    def form_invalid(self, form: forms.Form) -> HttpResponse:
        # Only real attempts are audited (ones that reached the password check, or a lockout): a form
        # that is merely incomplete or malformed never touched an account, and auditing it would let
        # anyone fill the append-only trail without ever tripping a lockout.
        email = strip_invisible(self.request.POST.get("username", "")).strip()
        if getattr(self.request, "axes_locked_out", False):
            reason = "locked out after repeated failures"
        elif form.has_error(NON_FIELD_ERRORS, "inactive"):
            reason = "sign-in switched off"
        elif form.has_error(NON_FIELD_ERRORS, "invalid_login"):
            reason = "wrong email address or password"
        else:
            reason = ""
        if email and reason:
            from herald.signin import services as signin

            people_services.record_failed_sign_in(email, address=client_address(self.request), reason=reason)
            signin.log_event(self.request, method="password", result="failed", email=email, reason=reason)
        return super().form_invalid(form)


class SignOutView(auth_views.LogoutView):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        person = request.user if request.user.is_authenticated else None
        response = super().post(request, *args, **kwargs)
        if person is not None:
            from herald.signin import services as signin

            people_services.record_sign_out(person, address=client_address(request))
            signin.log_event(request, person=person, method="sign_out", result="succeeded")
        return response


sign_out = public(SignOutView.as_view())

_login = SignInView.as_view()


def _failed_sign_ins_from(address: str) -> int:
    from axes.models import AccessAttempt

    since = timezone.now() - dt.timedelta(hours=settings.AXES_COOLOFF_TIME)
    attempts = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=since)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


# Two kinds of advisory lock (PostgreSQL's two-number form), so an account's never meets an address's.
_ACCOUNT_LOCK, _ADDRESS_LOCK = 7301, 7302


def _hold_sign_in_turn(kind: int, key: str) -> None:
    """Wait for, then hold until the transaction ends, the one turn at a time for this account or address.
    On SQLite the IMMEDIATE transaction already runs one writer at a time, which is the same turn."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", [kind, key])


@public
def sign_in(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
    # django-axes locks an account at one address; this also stops one address trying a few passwords
    # against every account (password spraying).
    if request.method != "POST":
        return _login(request, *args, **kwargs)
    limit = settings.HERALD_SIGN_IN_FAILURES_PER_ADDRESS
    address = client_address(request)
    # When the address is one of our own proxies (HERALD_TRUSTED_PROXIES left unset behind one), a
    # cap per address would lock out everyone at once: the per-account lockout still applies.
    capped = not is_trusted_proxy(address)
    account = strip_invisible(request.POST.get("username", "")).strip().lower()
    # Counting the failures, checking the password and recording a failure happen in one transaction
    # that holds the account's turn and the address's: passwords sent at the same moment wait, so no
    # more are checked than the lockout and the cap allow (always account then address: no deadlock).
    with transaction.atomic():
        _hold_sign_in_turn(_ACCOUNT_LOCK, account)
        if capped:
            _hold_sign_in_turn(_ADDRESS_LOCK, address)
            if _failed_sign_ins_from(address) >= limit:
                return render(request, settings.AXES_LOCKOUT_TEMPLATE, status=429)
        return _login(request, *args, **kwargs)


password_reset = public(
    auth_views.PasswordResetView.as_view(
        form_class=ResetPasswordForm,
        template_name="registration/password_reset.html",
        email_template_name="registration/password_reset_email.txt",
        subject_template_name="registration/password_reset_subject.txt",
        success_url=reverse_lazy("password_reset_done"),
    )
)
password_reset_done = public(
    auth_views.PasswordResetDoneView.as_view(template_name="registration/password_reset_sent.html")
)
password_reset_confirm = public(
    auth_views.PasswordResetConfirmView.as_view(
        form_class=AuditedSetPasswordForm,
        template_name="registration/password_set.html",
        success_url=reverse_lazy("password_reset_complete"),
    )
)
password_reset_complete = public(
    auth_views.PasswordResetCompleteView.as_view(template_name="registration/password_set_done.html")
)
password_change = allow_signed_in(
    auth_views.PasswordChangeView.as_view(
        form_class=AuditedPasswordChangeForm,
        template_name="registration/password_change.html",
        success_url=reverse_lazy("password_change_done"),
    )
)
password_change_done = allow_signed_in(
    auth_views.PasswordChangeDoneView.as_view(template_name="registration/password_change_done.html")
)


@allow_signed_in
def home(request: HttpRequest) -> HttpResponse:
    panels = all_panels(request)
    roles = sorted(Role(role).label for role in request.user.roles)
    return render(request, "home.html", {"panels": panels, "role_labels": roles})


@public
@never_cache
def health(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def error_400(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if isinstance(exception, RequestDataTooBig | TooManyFieldsSent):
        return error_413(request)
    return render(request, "errors/400.html", status=400)


def error_413(request: HttpRequest) -> HttpResponse:
    """A form too large to read: refused before it is parsed, so it says so rather than failing."""
    limit_kb = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 1024
    if request.headers.get("HX-Request"):
        # The live check swaps this into the panel beside the text box.
        return HttpResponse(render_to_string("errors/_too_large.html", {"limit_kb": limit_kb}), status=413)
    return render(request, "errors/413.html", {"limit_kb": limit_kb}, status=413)


def _log_forbidden(request: HttpRequest, response: HttpResponse, reason: str) -> HttpResponse:
    """One line per refusal, naming who and from where. Marking the response as logged stops Django
    logging it again with a traceback: a refusal is expected, not an error."""
    user = request.user.email if getattr(request, "user", None) and request.user.is_authenticated else "anonymous"
    security_log.warning(
        "Forbidden (%s): %s %s user=%s address=%s", reason, request.method, request.path, user, client_address(request)
    )
    response._has_been_logged = True
    return response


def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    reason = str(exception) if exception else ""
    response = render(request, "errors/403.html", {"reason": reason}, status=403)
    return _log_forbidden(request, response, reason or "permission denied")


def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/404.html", status=404)


def error_500(request: HttpRequest) -> HttpResponse:
    # No context processors that touch the database: the database may be why we are here.
    from django.template import loader

    template = loader.get_template("errors/500.html")
    from django.http import HttpResponseServerError

    return HttpResponseServerError(template.render({"council_name": settings.COUNCIL_NAME}))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _log_forbidden(request, render(request, "errors/csrf.html", status=403), reason or "CSRF check failed")
