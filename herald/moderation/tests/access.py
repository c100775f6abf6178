from herald.moderation.nav import INBOX_ROLES
from herald.people.roles import Role
from testing.access_cases import Case
from testing.factories import AccountFactory, comment

# Editors and service managers in the cast neither edit nor manage the test account: to them its
# comments do not exist.
NOT_THEIRS = {Role.EDITOR: 404, Role.SERVICE_MANAGER: 404}


def cases(cast, make):
    account = AccountFactory()
    found = comment(account, "Please can you tell me how much the council spent on the new leisure centre?")
    kw = {"pk": found.pk}
    return {
        "moderation:inbox": Case(INBOX_ROLES),
        "moderation:flags": Case(INBOX_ROLES),
        "moderation:detail": Case(INBOX_ROLES, kwargs=kw, status_for=NOT_THEIRS),
    }
