"""Second factors, the sessions people hold, and the security log of sign-ins."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone


class TotpDevice(models.Model):
    """An authenticator app. Its secret must still produce codes, so it is kept encrypted with a key
    derived from SECRET_KEY (signin.services.device_secret), never in the clear."""

    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="totp_device")
    secret = models.CharField(max_length=400)
    created_at = models.DateTimeField(auto_now_add=True)
    # Time steps already accepted, so a code seen over someone's shoulder cannot be used again.
    used_steps = models.JSONField(default=list, blank=True)

    def __str__(self) -> str:
        return f"Authenticator app for {self.person}"


class ProviderAccount(models.Model):
    """The council identity provider's account (issuer and its stable `sub`) a person first signed in
    with. Later sign-ins for that person must come from the same account, whatever email it claims."""

    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="provider_account")
    issuer = models.CharField(max_length=400)
    subject = models.CharField(max_length=255)
    linked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuer", "subject"], name="one_person_per_provider_account")]

    def __str__(self) -> str:
        return f"Identity provider account for {self.person}"


class RecoveryCodeQuerySet(models.QuerySet):
    def unused(self):
        return self.filter(used_at=None)


class RecoveryCode(models.Model):
    """A one-time code for when the phone is lost. Only a hash is kept."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recovery_codes")
    code_hash = models.CharField(max_length=128)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    objects = RecoveryCodeQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Recovery code for {self.person}"


class Passkey(models.Model):
    """A WebAuthn credential: a security key, or a passkey on a phone or computer."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="passkeys")
    name = models.CharField(max_length=80)
    credential_id = models.CharField(max_length=1400, unique=True)  # base64url
    public_key = models.BinaryField()
    sign_count = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"Passkey “{self.name}” for {self.person}"


class SessionRecordQuerySet(models.QuerySet):
    def active(self):
        """Sessions that can still be used: not ended here, and still held by Django's session store."""
        from django.contrib.sessions.models import Session

        live = Session.objects.filter(expire_date__gt=timezone.now()).values("session_key")
        return self.filter(ended_at=None, session_key__in=live)


class SessionRecord(models.Model):
    """Who holds a Django session, from where, so that they (or an administrator) can see and end it."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_records")
    session_key = models.CharField(max_length=40, unique=True)
    method = models.CharField(max_length=20, blank=True)
    address = models.CharField(max_length=45, blank=True)
    user_agent = models.CharField(max_length=400, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = SessionRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-last_seen_at"]

    def __str__(self) -> str:
        return f"Session of {self.person} from {self.address}"


class SignInEventQuerySet(models.QuerySet):
    def older_than(self, days: int):
        return self.filter(at__lt=timezone.now() - dt.timedelta(days=days))

    def filtered(self, *, person: str = "", method: str = "", result: str = "", address: str = ""):
        found = self
        if person:
            found = found.filter(models.Q(email__icontains=person) | models.Q(person__last_name__icontains=person))
        if method:
            found = found.filter(method=method)
        if result:
            found = found.filter(result=result)
        if address:
            found = found.filter(address__startswith=address)
        return found


class SignInEvent(models.Model):
    """The security log: every sign-in, second factor and sign-out, succeeded or not.

    Kept apart from the audit trail (which is permanent and records changes) because it is
    high-volume and has its own retention, HERALD_SECURITY_LOG_KEEP_DAYS."""

    class Method(models.TextChoices):
        PASSWORD = "password", "Password"
        SSO = "sso", "Council sign-in (OpenID Connect)"
        TOTP = "totp", "Authenticator app code"
        RECOVERY_CODE = "recovery_code", "Recovery code"
        PASSKEY = "passkey", "Passkey"
        SIGN_OUT = "sign_out", "Sign-out"
        SESSION_ENDED = "session_ended", "Session ended"

    class Result(models.TextChoices):
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"
        REFUSED = "refused", "Refused"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    email = models.CharField(max_length=254, blank=True)
    method = models.CharField(max_length=20, choices=Method.choices)
    result = models.CharField(max_length=10, choices=Result.choices)
    reason = models.CharField(max_length=200, blank=True)
    address = models.CharField(max_length=45, blank=True)
    user_agent = models.CharField(max_length=400, blank=True)

    objects = SignInEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_method_display()} {self.get_result_display().lower()} for {self.email} from {self.address}"
