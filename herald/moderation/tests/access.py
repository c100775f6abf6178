from herald.moderation.nav import INBOX_ROLES
from herald.people.roles import Role
from testing.access_cases import Case
from testing.factories import AccountFactory, comment

# Editors and service managers in the cast neither edit nor manage the test account: to them its
# comments do not exist.
NOT_THEIRS = {Role.EDITOR: 404, Role.SERVICE_MANAGER: 404}


def cases(cast, make):
    account = AccountFactory()
    found = comment(account, "Under the Freedom of Information Act, how much did the leisure centre cost?")
    flag = found.flags.get()
    kw = {"pk": found.pk}
    post_only = {"ok_status": 405}
    return {
        "moderation:bulk": Case(INBOX_ROLES, **post_only),
        "moderation:assign": Case(INBOX_ROLES, kwargs=kw, **post_only),
        "moderation:set_status": Case(INBOX_ROLES, kwargs=kw, **post_only),
        "moderation:add_note": Case(INBOX_ROLES, kwargs=kw, **post_only),
        "moderation:raise_flag": Case(INBOX_ROLES, kwargs=kw, **post_only),
        "moderation:close_flag": Case(INBOX_ROLES, kwargs={**kw, "flag_pk": flag.pk}, **post_only),
        "moderation:inbox": Case(INBOX_ROLES),
        "moderation:flags": Case(INBOX_ROLES),
        "moderation:detail": Case(INBOX_ROLES, kwargs=kw, status_for=NOT_THEIRS),
    }
