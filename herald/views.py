"""Project-wide pages: sign-in, the home page of things to do, health, and the error pages."""

from django import forms
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache

from herald.access import allow_signed_in, public


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


sign_in = public(auth_views.LoginView.as_view(form_class=SignInForm, redirect_authenticated_user=True))
sign_out = public(auth_views.LogoutView.as_view())


@allow_signed_in
def home(request):
    panels = []
    for hook in settings.HERALD_HOME_PANELS:
        panels.extend(import_string(hook)(request))
    panels = [panel for panel in panels if panel]
    return render(request, "home.html", {"panels": panels})


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
