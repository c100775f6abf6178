from herald.people.roles import ALL_ROLES, Role
from testing.access_cases import PUBLIC, Case


def cases(cast, make):
    return {
        "home": Case(ALL_ROLES),
        "login": Case(PUBLIC, status_for={role: 302 for role in Role}),
        "logout": Case(PUBLIC, ok_status=405),
        "health": Case(PUBLIC),
        "password_reset": Case(PUBLIC),
        "password_reset_done": Case(PUBLIC),
        "password_reset_confirm": Case(PUBLIC, kwargs={"uidb64": "MQ", "token": "not-a-token"}),
        "password_reset_complete": Case(PUBLIC),
        "password_change": Case(ALL_ROLES),
        "password_change_done": Case(ALL_ROLES),
    }
