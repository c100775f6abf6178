"""Two-factor sign-in, confirming who you are, sessions, the security log and single sign-on."""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterable

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate
from django.core.exceptions import SuspiciousOperation
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_http_methods, require_POST
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from herald.access import allow, allow_signed_in, public, require
from herald.errors import Refused
from herald.forms import show_refusal
from herald.people import services as people_services
from herald.people.models import Person
from herald.people.roles import Role
from herald.proxies import client_address
from herald.signin import oidc, passkeys, services
from herald.signin.forms import (
    CodeForm,
    ConfirmForm,
    PasskeyForm,
    RecoveryCodeForm,
    ResetForm,
    SecurityLogFilterForm,
)
from herald.signin.models import Passkey, RecoveryCode, SessionRecord, SignInEvent, TotpDevice
from herald.signin.reauth import sensitive

TOTP_PENDING_SECRET = "_herald_totp_secret"
SSO_CONFIRM_STARTED = "_herald_sso_confirm_started"
HOME = ("Home", "/")
SECURITY = ("Sign-in and security", "/security/")


def _next(request: HttpRequest, default: str = "home") -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(wanted, {request.get_host()}, require_https=request.is_secure()):
        return wanted
    return resolve_url(default)


def _passed(request: HttpRequest, person: Person, method: str) -> HttpResponse:
    services.second_factor_passed(request, person, method=method)
    return redirect(_next(request))


# --- The second-factor step after the password ------------------------------------------------------


@allow_signed_in
@require_http_methods(["GET", "POST"])
def second_factor(request: HttpRequest) -> HttpResponse:
    person = request.user
    has_app = TotpDevice.objects.filter(person=person).exists()
    has_passkey = Passkey.objects.filter(person=person).exists()
    if not (has_app or has_passkey):
        # Nothing set up yet: the roles that need it wait, and this page says how to set it up.
        return render(
            request,
            "signin/set_up_second_factor.html",
            {"held_back": _role_names(request.roles_held_back), "next": _next(request), "breadcrumbs": [HOME]},
        )
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            if services.verify_totp(person, form.cleaned_data["code"], request=request):
                return _passed(request, person, SignInEvent.Method.TOTP)
            form.add_error("code", "The code is not right. Enter the newest code from your authenticator app")
        except services.SecondFactorError as error:
            _refused_for_tries(request, person, SignInEvent.Method.TOTP)
            show_refusal(form, error, field="code")
    return render(
        request,
        "signin/second_factor.html",
        {
            "form": form,
            "has_app": has_app,
            "has_passkey": has_passkey,
            "next": _next(request),
            "held_back": _role_names(request.roles_held_back),
        },
    )


def _refused_for_tries(request: HttpRequest, person: Person, method: str) -> None:
    services.log_event(
        request, person=person, method=method, result=SignInEvent.Result.REFUSED, reason="too many wrong codes"
    )


@allow_signed_in
@require_http_methods(["GET", "POST"])
def recovery_code(request: HttpRequest) -> HttpResponse:
    person = request.user
    form = RecoveryCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            used = services.use_recovery_code(person, form.cleaned_data["code"], request=request)
        except services.SecondFactorError as error:
            _refused_for_tries(request, person, SignInEvent.Method.RECOVERY_CODE)
            show_refusal(form, error, field="code")
            return render(request, "signin/recovery_code.html", {"form": form, "next": _next(request)})
        if used:
            left = RecoveryCode.objects.unused().filter(person=person).count()
            messages.warning(
                request,
                f"You used a recovery code; {left} left. If your phone is lost, remove the authenticator app "
                "and set it up again on a new phone from Sign-in and security.",
            )
            return _passed(request, person, SignInEvent.Method.RECOVERY_CODE)
        form.add_error("code", "That recovery code is not right or has been used")
    return render(request, "signin/recovery_code.html", {"form": form, "next": _next(request)})


@allow_signed_in
@require_http_methods(["GET", "POST"])
def passkey_verify(request: HttpRequest) -> HttpResponse:
    person = request.user
    if not Passkey.objects.filter(person=person).exists():
        return redirect("signin:second_factor")
    form = PasskeyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            passkeys.authenticate(request, person, credential=form.cleaned_data["credential"])
        except services.SecondFactorError as error:
            services.log_event(
                request,
                person=person,
                method=SignInEvent.Method.PASSKEY,
                result=SignInEvent.Result.FAILED,
                reason=str(error),
            )
            show_refusal(form, error, field="credential")
        else:
            return _passed(request, person, SignInEvent.Method.PASSKEY)
    return render(
        request,
        "signin/passkey_verify.html",
        {"form": form, "options": passkeys.authentication_options(request, person), "next": _next(request)},
    )


# --- Setting up and removing second factors -----------------------------------------------------------


def _qr_svg(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    out = io.BytesIO()
    image.save(out)
    return out.getvalue().decode().split("?>", 1)[-1]


def _has_second_factor(request: HttpRequest) -> bool:
    return services.has_second_factor(request.user)


@allow_signed_in
@require_http_methods(["GET", "POST"])
@sensitive(when=_has_second_factor)
def totp_setup(request: HttpRequest) -> HttpResponse:
    person = request.user
    if services.has_second_factor(person) and not services.second_factor_shown(request.session):
        # Replacing or adding a factor needs one already set up (or a recovery code) first.
        return redirect(f"{resolve_url('signin:second_factor')}?{urlencode({'next': request.path})}")
    secret = request.session.get(TOTP_PENDING_SECRET) if request.method == "POST" else None
    if not secret:
        secret = services.new_totp_secret()
        request.session[TOTP_PENDING_SECRET] = secret
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = services.set_up_totp(person, secret=secret, code=form.cleaned_data["code"])
        except services.SecondFactorError as error:
            show_refusal(form, error, field="code")
        else:
            request.session.pop(TOTP_PENDING_SECRET, None)
            services.second_factor_passed(request, person, method=SignInEvent.Method.TOTP)
            return render(
                request,
                "signin/recovery_codes.html",
                {"codes": codes, "next": _next(request), "breadcrumbs": [HOME, SECURITY, ("Recovery codes", None)]},
            )
    uri = services.totp_uri(person, secret)
    return render(
        request,
        "signin/totp_setup.html",
        {
            "form": form,
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "qr": _qr_svg(uri),
            "next": _next(request),
            "breadcrumbs": [HOME, SECURITY, ("Set up an authenticator app", None)],
        },
    )


@allow_signed_in
@require_POST
@sensitive
def totp_remove(request: HttpRequest) -> HttpResponse:
    services.remove_totp(request.user, by=request.user)
    messages.success(request, "Authenticator app removed, with its recovery codes")
    return redirect("signin:security")


@allow_signed_in
@require_POST
@sensitive
def recovery_codes(request: HttpRequest) -> HttpResponse:
    person = request.user
    if TotpDevice.objects.filter(person=person).exists():
        codes = services.new_recovery_codes(person)
        return render(
            request,
            "signin/recovery_codes.html",
            {
                "codes": codes,
                "next": resolve_url("signin:security"),
                "breadcrumbs": [HOME, SECURITY, ("Recovery codes", None)],
            },
        )
    return redirect("signin:security")


@allow_signed_in
@require_http_methods(["GET", "POST"])
@sensitive(when=_has_second_factor)
def passkey_add(request: HttpRequest) -> HttpResponse:
    person = request.user
    if services.has_second_factor(person):
        if not services.second_factor_shown(request.session):
            return redirect(f"{resolve_url('signin:second_factor')}?{urlencode({'next': request.path})}")
    form = PasskeyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            passkeys.register(
                request, person, name=form.cleaned_data["name"], credential=form.cleaned_data["credential"]
            )
        except services.SecondFactorError as error:
            show_refusal(form, error, field="credential")
        else:
            services.second_factor_passed(request, person, method=SignInEvent.Method.PASSKEY)
            messages.success(request, "Passkey added. Herald will ask for it when you sign in.")
            return redirect(_next(request, "signin:security"))
    return render(
        request,
        "signin/passkey_add.html",
        {
            "form": form,
            "options": passkeys.registration_options(request, person),
            "next": _next(request, "signin:security"),
            "breadcrumbs": [HOME, SECURITY, ("Add a passkey", None)],
        },
    )


@allow_signed_in
@require_POST
@sensitive
def passkey_remove(request: HttpRequest, pk: int) -> HttpResponse:
    passkey = get_object_or_404(Passkey, pk=pk)
    require(passkey.person_id == request.user.pk, "That passkey is not yours.")
    services.remove_passkey(passkey, by=request.user)
    messages.success(request, f"Passkey “{passkey.name}” removed")
    return redirect("signin:security")


# --- Your sign-in and security page, and confirming it is you ----------------------------------------


def _role_names(roles: Iterable[str]) -> list[str]:
    return [Role(role).label for role in sorted(roles)]


@allow_signed_in
def security(request: HttpRequest) -> HttpResponse:
    person = request.user
    return render(
        request,
        "signin/security.html",
        {
            "device": TotpDevice.objects.filter(person=person).first(),
            "codes_left": RecoveryCode.objects.unused().filter(person=person).count(),
            "passkeys": Passkey.objects.filter(person=person),
            "needs_two_factor": _role_names(services.roles_needing_second_factor(person) | request.roles_held_back),
            "shown": services.second_factor_shown(request.session),
            "breadcrumbs": [HOME, ("Sign-in and security", None)],
        },
    )


@allow_signed_in
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest) -> HttpResponse:
    person = request.user
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        password, code = form.cleaned_data["password"], form.cleaned_data["code"]
        try:
            right_code = bool(code) and services.verify_totp(
                person, code, request=request, reason="confirming before a sensitive action"
            )
        except services.SecondFactorError:
            _refused_for_tries(request, person, SignInEvent.Method.TOTP)
            right_code = False
            code = ""  # too many wrong codes: only the password can confirm now
            form.add_error(None, services.TOO_MANY_TRIES)
        if right_code:
            services.second_factor_passed(request, person, method=SignInEvent.Method.TOTP)
            return redirect(_next(request))
        if password and authenticate(request, username=person.email, password=password) == person:
            services.password_confirmed(request, person)
            return redirect(_next(request))
        if not code:  # a wrong code is logged (and counted) where it is checked
            services.log_event(
                request,
                person=person,
                method=SignInEvent.Method.PASSWORD,
                result=SignInEvent.Result.FAILED,
                reason="confirming before a sensitive action",
            )
        form.add_error(None, "That is not right. Enter your password, or the newest code from your authenticator app")
    return render(
        request,
        "signin/confirm.html",
        {
            "form": form,
            "next": _next(request),
            "again": request.GET.get("again") == "1",
            "has_password": person.has_usable_password(),
            "has_app": TotpDevice.objects.filter(person=person).exists(),
            "sso": oidc.configured(),
            "minutes": settings.HERALD_REAUTH_MINUTES,
        },
    )


# --- Sessions -------------------------------------------------------------------------------------------


@allow_signed_in
def sessions(request: HttpRequest) -> HttpResponse:
    records = SessionRecord.objects.active().filter(person=request.user)
    return render(
        request,
        "signin/sessions.html",
        {
            "records": records,
            "current": request.session.session_key,
            "breadcrumbs": [HOME, SECURITY, ("Your sessions", None)],
        },
    )


@allow_signed_in
@require_POST
def end_session(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(SessionRecord.objects.active(), pk=pk)
    require(record.person_id == request.user.pk or request.user.has_role(Role.ADMIN), "That session is not yours.")
    if record.session_key == request.session.session_key:
        # Ending it here would pull the session out from under this very request (an error page, the
        # message lost): signing out is the way to end it, and says so.
        messages.info(request, "This is the session you are using: to end it, sign out")
        return redirect("signin:sessions")
    services.end_session(record, by=request.user, request=request)
    messages.success(request, f"Session ended for {record.person.full_name} ({record.address or 'unknown address'})")
    if record.person_id == request.user.pk:
        return redirect("signin:sessions")
    return redirect("signin:all_sessions")


@allow(Role.ADMIN)
def all_sessions(request: HttpRequest) -> HttpResponse:
    term = request.GET.get("q", "")[:254]
    records = SessionRecord.objects.active().select_related("person")
    if term:
        records = records.filter(person__in=Person.objects.search(term))
    page = Paginator(records, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "signin/all_sessions.html",
        {
            "page": page,
            "q": term,
            "current": request.session.session_key,
            "breadcrumbs": [HOME, ("Everyone's sessions", None)],
        },
    )


def _security_page(request: HttpRequest, person: Person, form: ResetForm, *, status: int = 200) -> HttpResponse:
    """A person's second factors, sessions and sign-ins, with the form to reset them (re-shown with its
    errors when the reset was refused)."""
    return render(
        request,
        "signin/person_security.html",
        {
            "person": person,
            "device": TotpDevice.objects.filter(person=person).first(),
            "codes_left": RecoveryCode.objects.unused().filter(person=person).count(),
            "passkeys": Passkey.objects.filter(person=person),
            "records": SessionRecord.objects.active().filter(person=person),
            "current": request.session.session_key,
            "form": form,
            "events": SignInEvent.objects.filter(person=person)[:20],
            "breadcrumbs": [
                HOME,
                ("Everyone's sessions", resolve_url("signin:all_sessions")),
                (person.full_name, None),
            ],
        },
        status=status,
    )


@allow(Role.ADMIN)
def person_security(request: HttpRequest, pk: int) -> HttpResponse:
    return _security_page(request, get_object_or_404(Person, pk=pk), ResetForm())


@allow(Role.ADMIN)
@require_POST
@sensitive
def reset_second_factors(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk)
    form = ResetForm(request.POST)
    if not form.is_valid():
        return _security_page(request, person, form, status=400)
    try:
        services.reset_second_factors(person, by=request.user, reason=form.cleaned_data["reason"])
    except Refused as refusal:
        show_refusal(form, refusal)
        return _security_page(request, person, form, status=400)
    messages.success(request, f"{person.full_name}'s second factors are removed and their sessions ended")
    return redirect("signin:person_security", pk=person.pk)


# --- The security log -------------------------------------------------------------------------------------


@allow(Role.ADMIN, Role.ICT)
def security_log(request: HttpRequest) -> HttpResponse:
    form = SecurityLogFilterForm(request.GET or None)
    events = SignInEvent.objects.select_related("person")
    if form.is_valid():
        events = events.filtered(**form.cleaned_data)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "signin/security_log.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "keep_days": settings.HERALD_SECURITY_LOG_KEEP_DAYS,
            "breadcrumbs": [HOME, ("Security log", None)],
        },
    )


# --- Single sign-on ------------------------------------------------------------------------------------


class _StartSingleSignOn(OIDCAuthenticationRequestView):
    get_settings = staticmethod(oidc.library_setting)

    def get_extra_params(self, request: HttpRequest) -> dict[str, str]:
        # Confirming before a sensitive action: the provider must ask again, not wave the person through.
        return {"prompt": "login", "max_age": "0"} if request.GET.get("confirm") else {}

    def get(self, request: HttpRequest) -> HttpResponse:
        # Only a confirmation started here, and answered by a sign-in at the provider after it started,
        # may count as confirming (see _FinishSingleSignOn.login_success).
        if request.GET.get("confirm") and request.user.is_authenticated:
            request.session[SSO_CONFIRM_STARTED] = time.time()
        else:
            request.session.pop(SSO_CONFIRM_STARTED, None)
        return super().get(request)


class _FinishSingleSignOn(OIDCAuthenticationCallbackView):
    get_settings = staticmethod(oidc.library_setting)

    def get(self, request: HttpRequest) -> HttpResponse:
        if request.GET.get("error"):
            return self._provider_error(request)
        if request.GET.get("state", "") in oidc.forget_old_states(request.session):
            minutes = settings.HERALD_OIDC_STATE_MINUTES
            request.herald_sso_refusal = oidc.SignInRefused(
                f"the sign-in took too long: it came back more than {minutes} minutes after it started",
                told=oidc.TOOK_TOO_LONG,
            )
            return self.login_failure()
        if "oidc_states" not in request.session:
            request.herald_sso_refusal = oidc.SignInRefused(
                "the sign-in was not started in this browser (no sign-in waiting)", audited=False
            )
        try:
            return super().get(request)
        except SuspiciousOperation:
            request.herald_sso_refusal = oidc.SignInRefused(
                "the sign-in was not started here (unknown state)", audited=False
            )
            return self.login_failure()

    def _provider_error(self, request: HttpRequest) -> HttpResponse:
        """The provider's "error" answer (the person cancelled, or the provider refused them). Unlike
        mozilla-django-oidc, nobody is signed out: a person who cancels while confirming keeps the session
        they had, and a link to this address cannot end anyone's session."""
        states = request.session.get("oidc_states") or {}
        started_here = request.GET.get("state", "") in states
        if started_here:
            del states[request.GET["state"]]  # as the library does: an answered state is never used again
            request.session["oidc_states"] = states
        code = request.GET["error"]
        code = code if re.fullmatch(r"[a-z_]{1,40}", code) else "an unknown error"
        described = request.GET.get("error_description", "")
        request.herald_sso_refusal = oidc.SignInRefused(
            f"the identity provider answered {code}" + (f": {described}" if described else ""),
            audited=started_here,
        )
        request.herald_sso_audit_reason = f"the identity provider answered {code}"
        return self.login_failure()

    def login_success(self) -> HttpResponse:
        request = self.request
        signed_in_before = request.user.is_authenticated and request.user == self.user
        confirm_started = request.session.pop(SSO_CONFIRM_STARTED, None)
        response = super().login_success()
        claims = getattr(request, "herald_sso_claims", {})
        mfa = oidc.provider_did_mfa(claims)
        if signed_in_before:
            if not oidc.signed_in_again_since(claims, confirm_started):
                # A provider session that was still open waved the person through: that proves nothing new.
                services.log_event(
                    request,
                    person=self.user,
                    method=SignInEvent.Method.SSO,
                    result=SignInEvent.Result.REFUSED,
                    reason="not a confirmation: the identity provider did not ask the person to sign in again",
                )
                return response
            # Confirming it is them (or a fresh second factor) in the session they already had.
            if mfa:
                services.second_factor_passed(request, self.user, method=SignInEvent.Method.SSO)
            else:
                services.password_confirmed(request, self.user)
            return response
        services.signed_in(request, self.user, method=SignInEvent.Method.SSO, second_factor=mfa)
        people_services.record_sign_in(self.user, address=client_address(request))
        step = services.next_step_after_sign_in(request, self.user)
        if step:
            return redirect(f"{resolve_url(step)}?{urlencode({'next': response.url})}")
        return response

    def login_failure(self) -> HttpResponse:
        request = self.request
        refusal = getattr(request, "herald_sso_refusal", None) or oidc.SignInRefused("the sign-in did not finish")
        services.log_event(
            request,
            method=SignInEvent.Method.SSO,
            result=SignInEvent.Result.REFUSED,
            email=refusal.email,
            reason=refusal.reason,
        )
        if refusal.audited:
            # The provider's own words stay in the security log: the audit trail keeps only its error code.
            reason = getattr(request, "herald_sso_audit_reason", refusal.reason)
            people_services.record_failed_sign_in(
                refusal.email or "(single sign-on)",
                address=client_address(request),
                reason=f"single sign-on: {reason}",
            )
        if refusal.told:
            text = refusal.told
        elif "not in HR" in refusal.reason or "leaver" in refusal.reason:
            text = "You cannot sign in to Herald: HR's directory does not list you as working for the council. Ask HR if you think this is wrong."
        else:
            text = "Signing in with your council account did not work. Try again, or ask ICT if it keeps happening."
        messages.error(request, text)
        return redirect("login")


_start = _StartSingleSignOn.as_view()
_finish = _FinishSingleSignOn.as_view()


@public
def oidc_start(request: HttpRequest) -> HttpResponse:
    if not oidc.configured():
        raise Http404("Single sign-on is not set up")
    return _start(request)


@public
def oidc_callback(request: HttpRequest) -> HttpResponse:
    if not oidc.configured():
        raise Http404("Single sign-on is not set up")
    return _finish(request)
