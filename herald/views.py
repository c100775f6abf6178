"""Project-wide pages: sign-in, the home page of things to do, health, and the error pages."""

import datetime as dt

from django import forms
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.db import connection
from django.db.models import Sum
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache

from herald.access import allow_signed_in, public
from herald.people.roles import Role
from herald.proxies import client_address


class SignInForm(AuthenticationForm):
    username = forms.EmailField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "username", "autofocus": True}),
        error_messages={"required": "Enter your email address", "invalid": "Enter an email address in the correct format, like name@example.com"},
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password"},
    )
    error_messages = {
        "invalid_login": "Enter a correct email address and password. After 5 wrong attempts the sign-in is locked for an hour.",
        "inactive": "This sign-in has been switched off. Ask HR if you think this is wrong.",
    }

    def clean_username(self):
        return self.cleaned_data["username"].lower()


class ResetPasswordForm(PasswordResetForm):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"required": "Enter your email address", "invalid": "Enter an email address in the correct format, like name@example.com"},
    )

    def get_users(self, email):
        # People imported from the HR feed have no password yet: this is also how they set their first one.
        from herald.people.models import Person

        return Person.objects.active().filter(email__iexact=email)


class AuditedSetPasswordForm(SetPasswordForm):
    def save(self, commit=True):
        from herald.audit import services as audit

        person = super().save(commit)
        audit.record(actor=person, action="person.password_set", obj=person, reason="Reset by email link")
        return person


class AuditedPasswordChangeForm(PasswordChangeForm):
    def save(self, commit=True):
        from herald.audit import services as audit

        person = super().save(commit)
        audit.record(actor=person, action="person.password_changed", obj=person)
        return person


_login = auth_views.LoginView.as_view(form_class=SignInForm, redirect_authenticated_user=True)


def _failed_sign_ins_from(address: str) -> int:
    from axes.models import AccessAttempt

    since = timezone.now() - dt.timedelta(hours=settings.AXES_COOLOFF_TIME)
    attempts = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=since)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


@public
def sign_in(request, *args, **kwargs):
    # django-axes locks an account at one address; this also stops one address trying a few passwords
    # against every account (password spraying).
    if request.method == "POST":
        limit = settings.HERALD_SIGN_IN_FAILURES_PER_ADDRESS
        if _failed_sign_ins_from(client_address(request)) >= limit:
            return render(request, settings.AXES_LOCKOUT_TEMPLATE, status=429)
    return _login(request, *args, **kwargs)


sign_out = public(auth_views.LogoutView.as_view())
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
def home(request):
    panels = []
    for hook in settings.HERALD_HOME_PANELS:
        panels.extend(import_string(hook)(request))
    panels = [panel for panel in panels if panel]
    roles = sorted(Role(role).label for role in request.user.roles)
    return render(request, "home.html", {"panels": panels, "role_labels": roles})


@public
@never_cache
def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def error_400(request, exception=None):
    return render(request, "errors/400.html", status=400)


def error_403(request, exception=None):
    return render(request, "errors/403.html", {"reason": str(exception) if exception else ""}, status=403)


def error_404(request, exception=None):
    return render(request, "errors/404.html", status=404)


def error_500(request):
    # No context processors that touch the database: the database may be why we are here.
    from django.template import loader

    template = loader.get_template("errors/500.html")
    from django.http import HttpResponseServerError

    return HttpResponseServerError(template.render({"council_name": settings.COUNCIL_NAME}))


def csrf_failure(request, reason=""):
    return render(request, "errors/csrf.html", status=403)
