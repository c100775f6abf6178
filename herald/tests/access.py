from herald.people.roles import ALL_ROLES, Role
from testing.access_cases import PUBLIC, Case


def cases(cast, make):
    from herald.models import OutboxEmail, TeamWebhook
    from testing.factories import TeamFactory

    hook = TeamWebhook.objects.create(team=TeamFactory(), service="slack", url="http://127.0.0.1:9/")
    kept = OutboxEmail.objects.create(subject="Kept", to="a@council.example", body="Hello")
    admins = frozenset({Role.ADMIN})
    return {
        "notifications:preferences": Case(ALL_ROLES),
        "notifications:webhooks": Case(admins),
        "notifications:webhook_remove": Case(admins, ok_status=405, kwargs={"pk": hook.pk}),
        "notifications:webhook_test": Case(admins, ok_status=405, kwargs={"pk": hook.pk}),
        "notifications:outbox": Case(admins),
        "notifications:outbox_email": Case(admins, kwargs={"pk": kept.pk}),
        "home": Case(ALL_ROLES, per_role=True),
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
