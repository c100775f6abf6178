"""Second factors, identity confirmation, sessions and the security log.

A session carries two times: when a second factor was last shown (`SECOND_FACTOR_AT`, which lets
a person use roles that need two-factor sign-in) and when the person last proved who they are
(`CONFIRMED_AT`: a password, a second factor or the identity provider), which sensitive actions
want within the last HERALD_REAUTH_MINUTES.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import secrets
import time
from collections.abc import Callable
from typing import cast

import pyotp
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.contrib.sessions.backends.db import SessionStore
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from herald.audit import services as audit
from herald.errors import Refused
from herald.people.models import Person
from herald.people.roles import Role
from herald.proxies import client_address
from herald.signin.models import Passkey, RecoveryCode, SessionRecord, SignInEvent, TotpDevice

SECOND_FACTOR_AT = "_herald_second_factor_at"
SECOND_FACTOR_METHOD = "_herald_second_factor_method"
CONFIRMED_AT = "_herald_confirmed_at"
SIGN_IN_METHOD = "_herald_sign_in_method"
SEEN_AT = "_herald_session_seen"
# Set at sign-in for a person who has a second factor: until it is shown, no page but that step opens.
SECOND_FACTOR_PENDING = "_herald_second_factor_pending"

# The roles the council's security officer wants behind two-factor sign-in.
TWO_FACTOR_ROLES = frozenset(
    {Role.COMMS, Role.HR, Role.ICT, Role.INFO_GOV, Role.MONITORING_OFFICER, Role.SAFEGUARDING, Role.ADMIN}
)
RECOVERY_CODE_COUNT = 10
TOTP_STEP = 30


class SecondFactorError(Refused):
    """A code or passkey that was not accepted (Herald's one refusal, `Refused`); the message is for the person."""


# --- Who needs what --------------------------------------------------------------------------------


def roles_needing_second_factor(person: Person) -> frozenset[str]:
    # Held-back roles still need the factor: they are the person's, only not usable yet.
    return frozenset((person.roles | person.roles_held_back) & TWO_FACTOR_ROLES)


def has_second_factor(person: Person) -> bool:
    return TotpDevice.objects.filter(person=person).exists() or Passkey.objects.filter(person=person).exists()


def second_factor_shown(session: SessionBase) -> bool:
    return bool(session.get(SECOND_FACTOR_AT))


def recently_confirmed(session: SessionBase) -> bool:
    at = session.get(CONFIRMED_AT)
    # `bool(at)` first: a truthy `at` is the float `time.time()` stored at confirmation.
    return bool(at) and time.time() - cast(float, at) <= settings.HERALD_REAUTH_MINUTES * 60


# --- The security log ------------------------------------------------------------------------------


def _user_agent(request: HttpRequest | None) -> str:
    return request.META.get("HTTP_USER_AGENT", "")[:400] if request is not None else ""


def log_event(
    request: HttpRequest | None,
    *,
    method: str,
    result: str,
    person: Person | None = None,
    email: str = "",
    reason: str = "",
) -> SignInEvent:
    return SignInEvent.objects.create(
        person=person,
        email=(email or (person.email if person else ""))[:254],
        method=method,
        result=result,
        reason=reason[:200],
        address=client_address(request)[:45] if request is not None else "",
        user_agent=_user_agent(request),
    )


def forget_old_security_events(*, days: int | None = None) -> int:
    days = settings.HERALD_SECURITY_LOG_KEEP_DAYS if days is None else days
    deleted, _ = SignInEvent.objects.older_than(days).delete()
    return deleted


# --- Signing in ------------------------------------------------------------------------------------


def signed_in(request: HttpRequest, person: Person, *, method: str, second_factor: bool = False) -> None:
    """After Django's login(): mark how the person signed in and log it."""
    now = time.time()
    request.session[SIGN_IN_METHOD] = method
    request.session[CONFIRMED_AT] = now
    if second_factor:
        request.session[SECOND_FACTOR_AT] = now
        request.session[SECOND_FACTOR_METHOD] = method
    elif has_second_factor(person):
        request.session[SECOND_FACTOR_PENDING] = True
    log_event(request, person=person, method=method, result=SignInEvent.Result.SUCCEEDED)
    touch_session(request, force=True)


def second_factor_passed(request: HttpRequest, person: Person, *, method: str) -> None:
    now = time.time()
    request.session[SECOND_FACTOR_AT] = now
    request.session[SECOND_FACTOR_METHOD] = method
    request.session[CONFIRMED_AT] = now
    request.session.pop(SECOND_FACTOR_PENDING, None)
    # A new privilege level gets a new session key, as at sign-in; the session's record follows it.
    old_key = request.session.session_key
    request.session.cycle_key()
    if old_key:
        SessionRecord.objects.filter(session_key=old_key).update(session_key=request.session.session_key)
    log_event(request, person=person, method=method, result=SignInEvent.Result.SUCCEEDED)
    touch_session(request, force=True)


def next_step_after_sign_in(request: HttpRequest, person: Person) -> str | None:
    """Where sign-in must go before the page asked for: the second factor, or setting one up."""
    if request.session.get(SECOND_FACTOR_PENDING):
        return "signin:second_factor"
    if roles_needing_second_factor(person) and not second_factor_shown(request.session):
        return "signin:second_factor"
    return None


def password_confirmed(request: HttpRequest, person: Person) -> None:
    request.session[CONFIRMED_AT] = time.time()
    log_event(
        request,
        person=person,
        method=SignInEvent.Method.PASSWORD,
        result=SignInEvent.Result.SUCCEEDED,
        reason="confirmed before a sensitive action",
    )


# --- Authenticator app (TOTP) ----------------------------------------------------------------------


def _fernet() -> MultiFernet:
    # Derived from SECRET_KEY (and its fallbacks, so rotating the key keeps authenticator apps working):
    # a copy of the database alone gives nobody the secrets that make the codes.
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return MultiFernet(
        [Fernet(base64.urlsafe_b64encode(hashlib.sha256(f"herald.totp:{key}".encode()).digest())) for key in keys]
    )


def _seal(secret: str) -> str:
    return _fernet().encrypt(secret.encode()).decode()


def device_secret(device: TotpDevice) -> str:
    try:
        return _fernet().decrypt(device.secret.encode()).decode()
    except InvalidToken as error:
        raise SecondFactorError("This authenticator app can no longer be read; set it up again") from error


def new_totp_secret() -> str:
    return pyotp.random_base32()


def totp_uri(person: Person, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=person.email, issuer_name=f"Herald ({settings.COUNCIL_SHORT_NAME})")


def _matching_step(secret: str, code: str, used: list[int]) -> int | None:
    code = "".join(code.split())
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    now_step = int(time.time()) // TOTP_STEP
    # One step either side allows for a phone clock a little out and for typing time.
    for step in (now_step, now_step - 1, now_step + 1):
        if step not in used and constant_time_compare(totp.at(step * TOTP_STEP), code):
            return step
    return None


def set_up_totp(person: Person, *, secret: str, code: str) -> list[str]:
    """Check the first code from the app, keep the device, and give the person their recovery codes."""
    step = _matching_step(secret, code, [])
    if step is None:
        raise SecondFactorError("The code is not right. Check the time on your phone, then enter the newest code")
    with transaction.atomic():
        TotpDevice.objects.filter(person=person).delete()
        TotpDevice.objects.create(person=person, secret=_seal(secret), used_steps=[step])
        codes = _replace_recovery_codes(person)
        audit.record(actor=person, action="person.authenticator_set_up", obj=person)
    return codes


# Six digits are guessable without a cap: after this many wrong codes (app or recovery) in the window,
# every code is refused until the window has passed, the right one included.
SECOND_FACTOR_TRIES = 5
SECOND_FACTOR_WINDOW_MINUTES = 15
TOO_MANY_TRIES = "Too many wrong codes. Wait 15 minutes, then try again, or ask an administrator for help"


def refuse_if_too_many_tries(person: Person) -> None:
    since = timezone.now() - dt.timedelta(minutes=SECOND_FACTOR_WINDOW_MINUTES)
    failed = SignInEvent.objects.filter(
        person=person,
        method__in=[SignInEvent.Method.TOTP, SignInEvent.Method.RECOVERY_CODE],
        result=SignInEvent.Result.FAILED,
        at__gte=since,
    ).count()
    if failed >= SECOND_FACTOR_TRIES:
        raise SecondFactorError(TOO_MANY_TRIES)


def _one_try(
    person: Person, check: Callable[[], bool], *, method: str, request: HttpRequest | None, reason: str
) -> bool:
    """Count the wrong codes, check this one and record it if wrong, all in one transaction that holds
    the person's row: codes sent at the same moment wait their turn, so no more than SECOND_FACTOR_TRIES
    wrong ones are ever checked in the window. (On SQLite the IMMEDIATE transaction is the lock.)"""
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).exists()
        refuse_if_too_many_tries(person)
        if check():
            return True
        log_event(request, person=person, method=method, result=SignInEvent.Result.FAILED, reason=reason)
    return False


def verify_totp(person: Person, code: str, *, request: HttpRequest | None = None, reason: str = "wrong code") -> bool:
    """Whether the code is this person's next unused one. A wrong one is logged as a failed TOTP sign-in
    event, which is what counts; after too many, every code is refused (SecondFactorError)."""
    return _one_try(
        person, lambda: _use_totp_step(person, code), method=SignInEvent.Method.TOTP, request=request, reason=reason
    )


def _use_totp_step(person: Person, code: str) -> bool:
    device = TotpDevice.objects.select_for_update().filter(person=person).first()
    if device is None:
        return False
    try:
        step = _matching_step(device_secret(device), code, device.used_steps)
    except SecondFactorError:
        return False
    if step is None:
        return False
    device.used_steps = sorted(s for s in [*device.used_steps, step] if s >= step - 2)
    device.save(update_fields=["used_steps"])
    return True


def remove_totp(person: Person, *, by: Person) -> None:
    with transaction.atomic():
        deleted, _ = TotpDevice.objects.filter(person=person).delete()
        if deleted:
            RecoveryCode.objects.filter(person=person).delete()
            audit.record(actor=by, action="person.authenticator_removed", obj=person)


# --- Recovery codes --------------------------------------------------------------------------------

_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def _hash_code(code: str) -> str:
    normalised = "".join(code.lower().split()).replace("-", "")
    return salted_hmac("herald.signin.recovery_code", normalised, algorithm="sha256").hexdigest()


def _replace_recovery_codes(person: Person) -> list[str]:
    RecoveryCode.objects.filter(person=person).delete()
    codes = []
    for _ in range(RECOVERY_CODE_COUNT):
        raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(10))
        codes.append(f"{raw[:5]}-{raw[5:]}")
    RecoveryCode.objects.bulk_create([RecoveryCode(person=person, code_hash=_hash_code(c)) for c in codes])
    return codes


def new_recovery_codes(person: Person) -> list[str]:
    with transaction.atomic():
        codes = _replace_recovery_codes(person)
        audit.record(actor=person, action="person.recovery_codes_replaced", obj=person)
    return codes


def use_recovery_code(person: Person, code: str, *, request: HttpRequest | None = None) -> bool:
    """Whether the code is one of this person's unused recovery codes (it is then used up). Counted with
    the app's codes: a wrong one is logged, and after too many every code is refused."""
    return _one_try(
        person,
        lambda: _use_recovery_code(person, code),
        method=SignInEvent.Method.RECOVERY_CODE,
        request=request,
        reason="wrong or used code",
    )


def _use_recovery_code(person: Person, code: str) -> bool:
    found = RecoveryCode.objects.unused().select_for_update().filter(person=person, code_hash=_hash_code(code))
    recovery = found.first()
    if recovery is None:
        return False
    recovery.used_at = timezone.now()
    recovery.save(update_fields=["used_at"])
    audit.record(
        actor=person,
        action="person.recovery_code_used",
        obj=person,
        after={"left": RecoveryCode.objects.unused().filter(person=person).count()},
    )
    return True


# --- Passkeys (WebAuthn) ---------------------------------------------------------------------------


def add_passkey(person: Person, *, name: str, credential_id: str, public_key: bytes, sign_count: int) -> Passkey:
    with transaction.atomic():
        passkey = Passkey.objects.create(
            person=person, name=name, credential_id=credential_id, public_key=public_key, sign_count=sign_count
        )
        audit.record(actor=person, action="person.passkey_added", obj=person, after={"name": name})
    return passkey


def passkey_used(passkey: Passkey, *, sign_count: int) -> None:
    passkey.sign_count = sign_count
    passkey.last_used_at = timezone.now()
    passkey.save(update_fields=["sign_count", "last_used_at"])


def remove_passkey(passkey: Passkey, *, by: Person) -> None:
    with transaction.atomic():
        passkey.delete()
        audit.record(actor=by, action="person.passkey_removed", obj=passkey.person, before={"name": passkey.name})


OWN_RESET_REFUSED = (
    "You cannot reset your own second factors here: another administrator must check who you are. "
    "To change your own authenticator app, passkeys or recovery codes, use your sign-in and security page"
)


def reset_second_factors(person: Person, *, by: Person, reason: str) -> None:
    """For someone who has lost every second factor: an administrator, having checked who they are,
    removes them all and ends the person's sessions, so they set up a new one at their next sign-in.

    Never an administrator's own: the check of who someone is must be another person's, and an
    administrator who can still sign in changes their own factors on their security page. The attempt
    is refused (and recorded) rather than ending the session of the request that asked."""
    if person.pk == by.pk:
        audit.record(actor=by, action="person.second_factors_reset_refused", obj=person, reason=reason)
        raise Refused(OWN_RESET_REFUSED)
    with transaction.atomic():
        before = {
            "authenticator_app": TotpDevice.objects.filter(person=person).exists(),
            "passkeys": list(Passkey.objects.filter(person=person).values_list("name", flat=True)),
        }
        TotpDevice.objects.filter(person=person).delete()
        RecoveryCode.objects.filter(person=person).delete()
        Passkey.objects.filter(person=person).delete()
        end_every_session_of(person, by=by)
        audit.record(actor=by, action="person.second_factors_reset", obj=person, before=before, reason=reason)


# --- Sessions --------------------------------------------------------------------------------------


def touch_session(request: HttpRequest, *, force: bool = False) -> None:
    """Keep the person's record of this session current, at most once a minute."""
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    if user is None or not user.is_authenticated or session is None:
        return
    now = time.time()
    if not force and now - session.get(SEEN_AT, 0) < 60:
        return
    session[SEEN_AT] = now
    if session.session_key is None:
        session.save()
    SessionRecord.objects.update_or_create(
        session_key=session.session_key,
        defaults={
            "person": user,
            "last_seen_at": timezone.now(),
            "address": client_address(request)[:45],
            "user_agent": _user_agent(request),
            "method": session.get(SIGN_IN_METHOD, ""),
        },
    )


def end_session(record: SessionRecord, *, by: Person, request: HttpRequest | None = None) -> None:
    with transaction.atomic():
        SessionStore(session_key=record.session_key).delete()
        record.ended_at = timezone.now()
        record.save(update_fields=["ended_at"])
        audit.record(
            actor=by,
            action="person.session_ended",
            obj=record.person,
            after={"address": record.address, "started": record.started_at.isoformat()},
        )
        log_event(
            request,
            person=record.person,
            method=SignInEvent.Method.SESSION_ENDED,
            result=SignInEvent.Result.SUCCEEDED,
            reason="ended by themselves" if by.pk == record.person_id else f"ended by {by.full_name}",
        )


def end_every_session_of(person: Person, *, by: Person | None, keep: str | None = None) -> int:
    records = SessionRecord.objects.active().filter(person=person)
    if keep:
        records = records.exclude(session_key=keep)
    ended = 0
    for record in records:
        SessionStore(session_key=record.session_key).delete()
        record.ended_at = timezone.now()
        record.save(update_fields=["ended_at"])
        ended += 1
    return ended


def end_sessions_of_leaver(person: Person, *, by: Person | None) -> None:
    """A leaver hook: their sessions stop at once (the auth backend would refuse them anyway)."""
    end_every_session_of(person, by=by)
