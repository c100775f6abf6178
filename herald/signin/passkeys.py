"""WebAuthn ceremonies with py_webauthn. The relying party is Herald's own address, as the browser saw it."""

from __future__ import annotations

import json

from django.conf import settings
from webauthn import (
    base64url_to_bytes,
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import bytes_to_base64url
from webauthn.helpers.exceptions import InvalidAuthenticationResponse, InvalidRegistrationResponse
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from herald.people.models import Person
from herald.signin import services
from herald.signin.models import Passkey

CHALLENGE = "_herald_webauthn_challenge"


def _for_script(text: str) -> str:
    """JSON that is safe inside a page's <script> element: "<", ">" and "&" only occur inside JSON
    strings, where their \\u escapes mean the same, so a name such as "</script>" cannot end the element."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _relying_party(request) -> tuple[str, str]:
    origin = settings.HERALD_WEBAUTHN_ORIGIN or f"{request.scheme}://{request.get_host()}"
    rp_id = settings.HERALD_WEBAUTHN_RP_ID or request.get_host().rsplit(":", 1)[0]
    return rp_id, origin


def registration_options(request, person: Person) -> str:
    rp_id, _ = _relying_party(request)
    options = generate_registration_options(
        rp_id=rp_id,
        rp_name=f"Herald – {settings.COUNCIL_SHORT_NAME}",
        user_id=f"herald-person-{person.pk}".encode(),
        user_name=person.email,
        user_display_name=person.full_name,
        exclude_credentials=[
            PublicKeyCredentialDescriptor(id=base64url_to_bytes(p.credential_id)) for p in person.passkeys.all()
        ],
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.PREFERRED, user_verification=UserVerificationRequirement.PREFERRED
        ),
    )
    request.session[CHALLENGE] = bytes_to_base64url(options.challenge)
    return _for_script(options_to_json(options))


def authentication_options(request, person: Person) -> str:
    rp_id, _ = _relying_party(request)
    options = generate_authentication_options(
        rp_id=rp_id,
        allow_credentials=[
            PublicKeyCredentialDescriptor(id=base64url_to_bytes(p.credential_id)) for p in person.passkeys.all()
        ],
        user_verification=UserVerificationRequirement.PREFERRED,
    )
    request.session[CHALLENGE] = bytes_to_base64url(options.challenge)
    return _for_script(options_to_json(options))


def _challenge(request) -> bytes:
    challenge = request.session.pop(CHALLENGE, None)
    if not challenge:
        raise services.SecondFactorError("That took too long or was sent twice. Try again.")
    return base64url_to_bytes(challenge)


def register(request, person: Person, *, name: str, credential: str) -> Passkey:
    rp_id, origin = _relying_party(request)
    try:
        verified = verify_registration_response(
            credential=credential, expected_challenge=_challenge(request), expected_rp_id=rp_id, expected_origin=origin
        )
    except (InvalidRegistrationResponse, ValueError, KeyError, TypeError, json.JSONDecodeError) as error:
        raise services.SecondFactorError(f"The passkey could not be added: {error}") from error
    credential_id = bytes_to_base64url(verified.credential_id)
    if Passkey.objects.filter(credential_id=credential_id).exists():
        raise services.SecondFactorError("This passkey is already set up in Herald")
    return services.add_passkey(
        person,
        name=name or "Passkey",
        credential_id=credential_id,
        public_key=verified.credential_public_key,
        sign_count=verified.sign_count,
    )


def authenticate(request, person: Person, *, credential: str) -> Passkey:
    rp_id, origin = _relying_party(request)
    challenge = _challenge(request)
    try:
        credential_id = json.loads(credential)["id"]
    except (ValueError, KeyError, TypeError) as error:
        raise services.SecondFactorError("Your browser's answer could not be read. Try again.") from error
    passkey = Passkey.objects.filter(person=person, credential_id=credential_id).first()
    if passkey is None:
        raise services.SecondFactorError("That passkey is not one of yours in Herald")
    try:
        verified = verify_authentication_response(
            credential=credential,
            expected_challenge=challenge,
            expected_rp_id=rp_id,
            expected_origin=origin,
            credential_public_key=bytes(passkey.public_key),
            credential_current_sign_count=passkey.sign_count,
        )
    except (InvalidAuthenticationResponse, ValueError, KeyError, TypeError) as error:
        raise services.SecondFactorError("The passkey was not accepted. Try again, or use another way.") from error
    services.passkey_used(passkey, sign_count=verified.new_sign_count)
    return passkey
