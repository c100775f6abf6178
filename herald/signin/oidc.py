"""Single sign-on with the council's OpenID Connect provider (Microsoft Entra ID or any other),
through mozilla-django-oidc (docs/decisions/0006-single-sign-on-library.md).

The library runs the authorisation code flow with PKCE, state and nonce. Herald adds what a
council needs on top: configuration by environment with the provider's discovery document,
full ID-token checks (signature, issuer, audience, expiry, nonce), matching to HR's directory
(leavers and strangers refused), roles from mapped provider groups, and the provider's MFA.
"""

from __future__ import annotations

import time

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import SuspiciousOperation
from django.db import IntegrityError, transaction
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from herald.audit import services as audit
from herald.notifications import notify
from herald.people import services as people_services
from herald.people.models import Person
from herald.people.roles import Role
from herald.signin.models import ProviderAccount

SIGN_ALGORITHMS = ("RS256", "ES256", "PS256", "RS384", "RS512", "ES384")


class SignInRefused(Exception):
    """A single sign-on that did not succeed. `audited` is False for a callback that was no sign-in
    started in this browser (an unknown state, or an "error" anyone can put in a link): it goes to the
    security log only, so nobody can write into the permanent audit trail without signing in."""

    def __init__(self, reason: str, email: str = "", *, audited: bool = True, told: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.email = email
        self.audited = audited
        # What the person is told, where it is not the general "did not work" message.
        self.told = told


TOOK_TOO_LONG = (
    "Your sign-in with your council account took too long, so Herald stopped it to keep your account safe. "
    "Start again: select the button to sign in with your council account."
)


def forget_old_states(session) -> set[str]:
    """Forget every sign-in waiting in this browser that was started more than HERALD_OIDC_STATE_MINUTES
    ago (the library only caps how many are kept), and return their states: an answer that comes back
    for one of them is refused, however good its code."""
    states = session.get("oidc_states")
    if not isinstance(states, dict):
        return set()
    oldest = time.time() - settings.HERALD_OIDC_STATE_MINUTES * 60
    old = {state for state, kept in states.items() if not isinstance(kept, dict) or kept.get("added_on", 0) < oldest}
    if old:
        session["oidc_states"] = {state: kept for state, kept in states.items() if state not in old}
    return old


def configured() -> bool:
    return bool(settings.HERALD_OIDC_ISSUER and settings.HERALD_OIDC_CLIENT_ID)


def provider_configuration() -> dict:
    """The provider's discovery document, fetched once an hour."""
    issuer = settings.HERALD_OIDC_ISSUER.rstrip("/")
    key = f"herald.oidc.discovery:{issuer}"
    found = cache.get(key)
    if found is None:
        response = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=settings.HERALD_OIDC_TIMEOUT)
        response.raise_for_status()
        found = response.json()
        cache.set(key, found, 3600)
    return found


def library_setting(name: str, *default):
    """What mozilla-django-oidc asks for, answered from Herald's environment settings."""
    answers = {
        "OIDC_RP_CLIENT_ID": lambda: settings.HERALD_OIDC_CLIENT_ID,
        "OIDC_RP_CLIENT_SECRET": lambda: settings.HERALD_OIDC_CLIENT_SECRET,
        "OIDC_RP_SCOPES": lambda: settings.HERALD_OIDC_SCOPES,
        "OIDC_OP_AUTHORIZATION_ENDPOINT": lambda: provider_configuration()["authorization_endpoint"],
        "OIDC_OP_TOKEN_ENDPOINT": lambda: provider_configuration()["token_endpoint"],
        "OIDC_OP_USER_ENDPOINT": lambda: provider_configuration().get("userinfo_endpoint", ""),
        "OIDC_OP_JWKS_ENDPOINT": lambda: provider_configuration()["jwks_uri"],
        "OIDC_USE_PKCE": lambda: True,
        "OIDC_USE_NONCE": lambda: True,
        "OIDC_AUTHENTICATION_CALLBACK_URL": lambda: "signin:oidc_callback",
        "OIDC_TIMEOUT": lambda: settings.HERALD_OIDC_TIMEOUT,
        "OIDC_CREATE_USER": lambda: False,
        "OIDC_STORE_ID_TOKEN": lambda: False,
        "OIDC_STORE_ACCESS_TOKEN": lambda: False,
        "OIDC_VERIFY_KID": lambda: True,
        "OIDC_ALLOW_UNSECURED_JWT": lambda: False,
        "LOGIN_REDIRECT_URL": lambda: settings.LOGIN_REDIRECT_URL,
        "LOGIN_REDIRECT_URL_FAILURE": lambda: settings.LOGIN_URL,
    }
    if name in answers:
        return answers[name]()
    if default:
        return getattr(settings, name, default[0])
    return getattr(settings, name)


class CouncilOIDCBackend(OIDCAuthenticationBackend):
    get_settings = staticmethod(library_setting)

    def __init__(self, *args, **kwargs):
        # Django builds every backend for every password sign-in too: nothing here may need the provider.
        self.UserModel = get_user_model()

    def authenticate(self, request, **kwargs):
        if request is None or not configured() or "nonce" not in kwargs:
            return None
        try:
            self.OIDC_OP_TOKEN_ENDPOINT = library_setting("OIDC_OP_TOKEN_ENDPOINT")
            self.OIDC_OP_USER_ENDPOINT = library_setting("OIDC_OP_USER_ENDPOINT")
            self.OIDC_OP_JWKS_ENDPOINT = library_setting("OIDC_OP_JWKS_ENDPOINT")
            self.OIDC_RP_CLIENT_ID = settings.HERALD_OIDC_CLIENT_ID
            self.OIDC_RP_CLIENT_SECRET = settings.HERALD_OIDC_CLIENT_SECRET
            self.OIDC_RP_SIGN_ALGO = "RS256"
            self.OIDC_RP_IDP_SIGN_KEY = None
            return super().authenticate(request, **kwargs)
        except SignInRefused as refusal:
            request.herald_sso_refusal = refusal
        except (SuspiciousOperation, jwt.InvalidTokenError) as error:
            request.herald_sso_refusal = SignInRefused(f"the identity provider's answer was not accepted: {error}")
        except (requests.RequestException, ValueError, KeyError) as error:
            request.herald_sso_refusal = SignInRefused(
                f"the identity provider could not be reached or answered badly: {error}"
            )
        return None

    def verify_token(self, token, **kwargs):
        try:
            header = jwt.get_unverified_header(token)
        except jwt.InvalidTokenError as error:
            raise SignInRefused("the ID token could not be read") from error
        algorithm = header.get("alg", "")
        if algorithm not in SIGN_ALGORITHMS:
            raise SignInRefused(f"the ID token is signed with {algorithm or 'nothing'}, which Herald does not accept")
        self.OIDC_RP_SIGN_ALGO = algorithm
        # The setting may be written with or without a final "/"; the token must carry the issuer exactly as
        # the discovery document names it (OpenID Connect Discovery 1.0, 4.3), slash and all, as Auth0's
        # and Entra ID's v1 issuers do.
        named = str(provider_configuration().get("issuer", ""))
        if named.rstrip("/") != settings.HERALD_OIDC_ISSUER.rstrip("/"):
            raise SignInRefused(f"the provider's discovery document names another issuer ({named or 'none'})")
        key = self.retrieve_matching_jwk(token)
        try:
            payload = jwt.decode(
                token,
                key,
                algorithms=[algorithm],
                audience=settings.HERALD_OIDC_CLIENT_ID,
                issuer=named,
                leeway=settings.HERALD_OIDC_CLOCK_SKEW_SECONDS,
                options={"require": ["exp", "iat", "aud", "iss", "sub"]},
            )
        except jwt.ExpiredSignatureError as error:
            raise SignInRefused("the ID token has expired") from error
        except jwt.InvalidAudienceError as error:
            raise SignInRefused("the ID token was issued for another application (wrong audience)") from error
        except jwt.InvalidIssuerError as error:
            raise SignInRefused("the ID token was issued by another provider (wrong issuer)") from error
        except jwt.InvalidSignatureError as error:
            raise SignInRefused("the ID token's signature is not the provider's") from error
        except jwt.InvalidTokenError as error:
            raise SignInRefused(f"the ID token is not valid: {error}") from error
        audiences = payload["aud"] if isinstance(payload["aud"], list) else [payload["aud"]]
        if len(audiences) > 1 and payload.get("azp") != settings.HERALD_OIDC_CLIENT_ID:
            raise SignInRefused("the ID token was issued for another application (wrong authorised party)")
        if payload.get("nonce") != kwargs.get("nonce"):
            raise SignInRefused("the ID token's nonce does not match this sign-in (a replayed token?)")
        return payload

    def get_or_create_user(self, access_token, id_token, payload):
        claims = dict(payload)
        groups_claim = settings.HERALD_OIDC_GROUPS_CLAIM
        email = claims.get("email") or ""
        email_verified = claims.get("email_verified")
        if not email and library_setting("OIDC_OP_USER_ENDPOINT"):
            info = self.get_userinfo(access_token, id_token, payload)
            if info.get("sub") != claims.get("sub"):
                raise SignInRefused("the provider's user information is about someone else")
            email = info.get("email") or ""
            email_verified = info.get("email_verified")
            if groups_claim in info:
                claims.setdefault(groups_claim, info[groups_claim])
        email = email.strip().lower()
        if not email:
            raise SignInRefused("the provider gave no email address")
        if email_verified is False or (isinstance(email_verified, str) and email_verified.lower() == "false"):
            raise SignInRefused("the provider says the email address is not verified", email)
        domains = settings.HERALD_OIDC_EMAIL_DOMAINS
        if domains and email.rsplit("@", 1)[-1] not in domains:
            raise SignInRefused("the email address is not in one of the council's domains", email)
        person = Person.objects.filter(email__iexact=email).first()
        if person is None:
            raise SignInRefused("not in HR's directory or the members' register", email)
        if not person.is_active:
            raise SignInRefused("a leaver: signing in is switched off", email)
        self._check_provider_account(person, issuer=str(claims["iss"]), subject=str(claims["sub"]), email=email)
        if groups_claim in claims:
            self._apply_group_roles(person, claims[groups_claim] or [])
        else:
            self._keep_roles_without_groups(person, claims)
        self.request.herald_sso_claims = {
            "amr": claims.get("amr") or [],
            "email": email,
            "auth_time": claims.get("auth_time"),
        }
        return person

    @staticmethod
    def _check_provider_account(person: Person, *, issuer: str, subject: str, email: str) -> None:
        """The first sign-in links the person to the provider's account (issuer and `sub`); later ones
        must come from that account, not another one that claims the same email address."""
        issuer = issuer.rstrip("/")
        linked = ProviderAccount.objects.filter(person=person).first()
        if linked is None:
            if ProviderAccount.objects.filter(issuer=issuer, subject=subject).exists():
                raise SignInRefused("the provider's account is already linked to someone else in Herald", email)
            try:
                with transaction.atomic():
                    ProviderAccount.objects.create(person=person, issuer=issuer, subject=subject)
            except IntegrityError as error:
                raise SignInRefused(
                    "the provider's account could not be linked (signed in twice at once?)", email
                ) from error
        elif (linked.issuer, linked.subject) != (issuer, subject):
            raise SignInRefused(
                "the provider's account (subject) is not the one this person first signed in with", email
            )

    @staticmethod
    def _keep_roles_without_groups(person: Person, claims: dict) -> None:
        """The provider sent no groups claim at all (not an empty one): Entra ID leaves it out for someone
        in more groups than a token holds, naming them in `_claim_names` or `hasgroups` instead, and a
        provider can drop it after a change of its settings. Nothing is known about the groups, so the
        person keeps the roles they have (a council's work goes on), the audit trail says so, and the
        system administrators are told to look. An empty claim still removes every mapped role."""
        mapping = settings.HERALD_OIDC_GROUP_ROLES
        if not mapping:
            return
        groups_claim = settings.HERALD_OIDC_GROUPS_CLAIM
        hint = (
            "the provider says the person is in too many groups to list"
            if (claims.get("hasgroups") or groups_claim in (claims.get("_claim_names") or {}))
            else "the provider sent no groups at all"
        )
        kept = sorted(role for role in set(mapping.values()) if person.has_role(role))
        audit.record(
            actor=None,
            action="person.provider_groups_missing",
            obj=person,
            after={"claim": groups_claim, "roles_kept": kept},
            reason=f"Roles kept: no '{groups_claim}' claim at sign-in ({hint})",
        )
        admins = [*Person.objects.active().with_role(Role.ADMIN), *(address for _, address in settings.ADMINS)]
        notify(
            "provider_groups_missing",
            to=admins,
            context={"person": person, "claim": groups_claim, "hint": hint, "kept": [Role(r).label for r in kept]},
        )

    @staticmethod
    def _apply_group_roles(person: Person, groups) -> None:
        mapping = settings.HERALD_OIDC_GROUP_ROLES
        if not mapping:
            return
        if isinstance(groups, str):
            groups = [groups]
        wanted = {mapping[group] for group in groups if group in mapping}
        for role in sorted(set(mapping.values())):
            if role in wanted and not person.has_role(role):
                people_services.grant_role(person, role, by=None, reason="From the identity provider's groups")
            elif role not in wanted and person.has_role(role):
                people_services.revoke_role(person, role, by=None, reason="Not in the identity provider's groups")
        person.__dict__.pop("roles", None)


def signed_in_again_since(claims: dict, started: float | None) -> bool:
    """Whether the provider asked the person to sign in (its `auth_time`) after a confirmation started
    here at `started`, give or take the clock skew allowed between the two."""
    auth_time = claims.get("auth_time")
    if not started or isinstance(auth_time, bool) or not isinstance(auth_time, (int, float)):
        return False
    return auth_time >= started - settings.HERALD_OIDC_CLOCK_SKEW_SECONDS


def provider_did_mfa(claims: dict) -> bool:
    amr = claims.get("amr") or []
    if isinstance(amr, str):
        amr = [amr]
    return bool(set(amr) & set(settings.HERALD_OIDC_MFA_AMR))
