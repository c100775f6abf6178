from herald.people.roles import ALL_ROLES, Role
from testing.access_cases import PUBLIC, Case


def cases(cast, make):
    return {
        "signin:security": Case(ALL_ROLES),
        "signin:second_factor": Case(ALL_ROLES),
        "signin:recovery_code": Case(ALL_ROLES),
        # Nobody in the cast has a passkey: the page sends them to the other ways.
        "signin:passkey_verify": Case(ALL_ROLES, ok_status=302),
        "signin:totp_setup": Case(ALL_ROLES),
        "signin:totp_remove": Case(ALL_ROLES, ok_status=405),
        "signin:recovery_codes": Case(ALL_ROLES, ok_status=405),
        "signin:passkey_add": Case(ALL_ROLES),
        "signin:passkey_remove": Case(ALL_ROLES, ok_status=405, kwargs={"pk": 1}),
        "signin:confirm": Case(ALL_ROLES),
        "signin:sessions": Case(ALL_ROLES),
        "signin:all_sessions": Case(frozenset({Role.ADMIN})),
        "signin:end_session": Case(ALL_ROLES, ok_status=405, kwargs={"pk": 1}),
        "signin:person_security": Case(frozenset({Role.ADMIN}), kwargs={"pk": cast[Role.EMPLOYEE].pk}),
        "signin:reset_second_factors": Case(
            frozenset({Role.ADMIN}), ok_status=405, kwargs={"pk": cast[Role.EMPLOYEE].pk}
        ),
        "signin:security_log": Case(frozenset({Role.ADMIN, Role.ICT})),
        # Single sign-on and SCIM are off unless configured (tests that use them switch them on).
        "signin:oidc_start": Case(PUBLIC, ok_status=404),
        "signin:oidc_callback": Case(PUBLIC, ok_status=404),
        "scim:users": Case(PUBLIC, ok_status=404),
        "scim:user": Case(PUBLIC, ok_status=404, kwargs={"pk": 1}),
    }
