from herald.moderation import services
from herald.moderation.nav import INBOX_ROLES, MANAGE_ROLES
from herald.people.roles import Role
from testing.access_cases import PUBLIC, Case
from testing.factories import AccountFactory, comment

# Editors and service managers in the cast neither edit nor manage the test account: to them its
# comments do not exist.
NOT_THEIRS = {Role.EDITOR: 404, Role.SERVICE_MANAGER: 404}


def cases(cast, make):
    account = AccountFactory()
    found = comment(account, "Under the Freedom of Information Act, how much did the leisure centre cost?")
    flag = found.flags.get()
    token, _ = services.issue_token(account, by=cast[Role.COMMS], name="Access matrix")
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
        "moderation:import_csv": Case(INBOX_ROLES),
        "moderation:tokens": Case(MANAGE_ROLES),
        "moderation:token_revoke": Case(MANAGE_ROLES, kwargs={"pk": token.pk}, **post_only),
        # Bearer-token API: open to the internet, refused without a token; GET is not allowed.
        "moderation:api_comments": Case(PUBLIC, ok_status=405),
        "moderation:api_schema": Case(PUBLIC),
        "moderation:flags": Case(INBOX_ROLES),
        "moderation:detail": Case(INBOX_ROLES, kwargs=kw, status_for=NOT_THEIRS),
    }
