from herald.moderation import services
from herald.moderation.handling_views import CASE_ROLES, HANDLE_ROLES
from herald.moderation.models import (
    AuthorSanction,
    CouncillorHandle,
    ModerationRule,
    ModerationTeam,
    PlatformAction,
    Reply,
    RuleAction,
    SavedReply,
)
from herald.moderation.nav import CONCERN_ROLES, INBOX_ROLES, MANAGE_ROLES
from herald.people.roles import Role
from testing.access_cases import PUBLIC, Case
from testing.factories import AccountFactory, CouncillorFactory, comment

# Editors and service managers in the cast neither edit nor manage the test account: to them its
# comments do not exist.
NOT_THEIRS = {Role.EDITOR: 404, Role.SERVICE_MANAGER: 404}
# The safeguarding lead opens only comments flagged as a safeguarding concern: this one is not.
NOT_A_CONCERN = {**NOT_THEIRS, Role.SAFEGUARDING: 404}
POST_ONLY = 405


def cases(cast, make):
    comms = cast[Role.COMMS]
    account = AccountFactory()
    found = comment(account, "Under the Freedom of Information Act, how much did the leisure centre cost?")
    flag = found.flags.get()
    token, _ = services.issue_token(account, by=cast[Role.COMMS], name="Access matrix")
    kw = {"pk": found.pk}
    abusive = comment(account, "You are a useless idiot and I will hurt you")
    kept = services.hide_comment(abusive, by=comms, reason="threat")
    refused = PlatformAction.objects.create(
        comment=abusive, action=PlatformAction.Action.HIDE, status=PlatformAction.Status.REFUSED, asked_by=comms
    )
    reply = services.write_reply(found, by=comms, text="We will answer shortly.", seen_latest=0)
    assert reply.status == Reply.Status.READY
    rule = services.save_rule(ModerationRule(name="Access rule", keywords=["leisure"], tag="leisure"), by=comms)
    tagged = comment(account, "Is the leisure centre open?")
    action = RuleAction.objects.get(comment=tagged)
    sanction = services.sanction_author(abusive.author, kind=AuthorSanction.Kind.WARNING, by=comms, reason="Abuse")
    case = services.add_to_case(CouncillorFactory(), abusive, by=comms, why="Test")
    saved = SavedReply.objects.create(title="Hours", text="We are open 9 to 5.", created_by=comms)
    rules_version = services.save_house_rules_draft(body="# House rules\nBe kind.", change_summary="", by=comms)
    services.publish_house_rules(rules_version, by=comms)
    handle = CouncillorHandle.objects.create(councillor=case.councillor, handle="CllrAccess")
    team = ModerationTeam.objects.create(name="Access matrix team")
    team.accounts.add(account)
    reply_kw = {"pk": found.pk, "reply_pk": reply.pk}
    post_only = {"ok_status": 405}
    return {
        "moderation:bulk": Case(INBOX_ROLES, **post_only),
        "moderation:assign": Case(INBOX_ROLES, kwargs=kw, **post_only),
        "moderation:set_status": Case(INBOX_ROLES, kwargs=kw, **post_only),
        "moderation:add_note": Case(CONCERN_ROLES, kwargs=kw, **post_only),
        "moderation:raise_flag": Case(INBOX_ROLES, kwargs=kw, **post_only),
        # Raising a safeguarding concern: whoever sees the comment, the safeguarding lead included.
        "moderation:raise_concern": Case(CONCERN_ROLES, kwargs=kw, **post_only),
        "moderation:close_flag": Case(CONCERN_ROLES, kwargs={**kw, "flag_pk": flag.pk}, **post_only),
        "moderation:inbox": Case(INBOX_ROLES, per_role=True),
        "moderation:import_csv": Case(INBOX_ROLES),
        "moderation:tokens": Case(MANAGE_ROLES),
        "moderation:token_revoke": Case(MANAGE_ROLES, kwargs={"pk": token.pk}, **post_only),
        # Bearer-token API: open to the internet, refused without a token; GET is not allowed.
        "moderation:api_comments": Case(PUBLIC, ok_status=405),
        "moderation:api_schema": Case(PUBLIC),
        "moderation:flags": Case(CONCERN_ROLES),
        "moderation:detail": Case(CONCERN_ROLES, kwargs=kw, status_for=NOT_A_CONCERN),
        "moderation:presence": Case(INBOX_ROLES, kwargs=kw, ok_status=POST_ONLY),
        "moderation:reply_check": Case(INBOX_ROLES, kwargs=kw, ok_status=POST_ONLY),
        "moderation:reply": Case(INBOX_ROLES, kwargs=kw, ok_status=POST_ONLY),
        "moderation:approve_reply": Case(INBOX_ROLES, kwargs=reply_kw, ok_status=POST_ONLY),
        "moderation:withdraw_reply": Case(INBOX_ROLES, kwargs=reply_kw, ok_status=POST_ONLY),
        "moderation:record_posted": Case(INBOX_ROLES, kwargs=reply_kw, ok_status=POST_ONLY),
        "moderation:send_again": Case(INBOX_ROLES, kwargs=reply_kw, ok_status=POST_ONLY),
        "moderation:remove": Case(INBOX_ROLES, kwargs=kw, ok_status=POST_ONLY),
        "moderation:unhide": Case(INBOX_ROLES, kwargs={"pk": abusive.pk}, ok_status=POST_ONLY),
        "moderation:platform_again": Case(
            INBOX_ROLES, kwargs={"pk": abusive.pk, "action_pk": refused.pk}, ok_status=POST_ONLY
        ),
        "moderation:open_case": Case(CASE_ROLES, kwargs=kw, ok_status=POST_ONLY),
        "moderation:councillor_handles": Case(HANDLE_ROLES),
        "moderation:councillor_handle_edit": Case(HANDLE_ROLES, kwargs={"pk": handle.pk}),
        "moderation:councillor_handle_retire": Case(HANDLE_ROLES, kwargs={"pk": handle.pk}, ok_status=POST_ONLY),
        "moderation:evidence_pdf": Case(INBOX_ROLES, kwargs={"pk": kept.pk}, status_for=NOT_THEIRS),
        "moderation:undo_rule_action": Case(INBOX_ROLES, kwargs={"pk": action.pk}, ok_status=POST_ONLY),
        "moderation:blocked_authors": Case(INBOX_ROLES),
        "moderation:author": Case(
            INBOX_ROLES, kwargs={"pk": abusive.author_id}, status_for={Role.EDITOR: 403, Role.SERVICE_MANAGER: 403}
        ),
        "moderation:lift_sanction": Case(INBOX_ROLES, kwargs={"pk": sanction.pk}, ok_status=POST_ONLY),
        "moderation:cases": Case(CASE_ROLES),
        "moderation:case": Case(CASE_ROLES, kwargs={"pk": case.pk}),
        "moderation:case_pack": Case(CASE_ROLES, kwargs={"pk": case.pk}, ok_status=POST_ONLY),
        "moderation:my_cases": Case(frozenset({Role.COUNCILLOR})),
        "moderation:rules": Case(MANAGE_ROLES),
        "moderation:rule_new": Case(MANAGE_ROLES, form_errors=True),
        "moderation:rule_edit": Case(MANAGE_ROLES, kwargs={"pk": rule.pk}),
        "moderation:rule_auto_hide": Case(frozenset({Role.ADMIN}), kwargs={"pk": rule.pk}, ok_status=POST_ONLY),
        "moderation:saved_replies": Case(MANAGE_ROLES),
        "moderation:retire_saved_reply": Case(MANAGE_ROLES, kwargs={"pk": saved.pk}, ok_status=POST_ONLY),
        "moderation:reply_approval": Case(MANAGE_ROLES),
        "moderation:house_rules_edit": Case(MANAGE_ROLES),
        # Inbox teams (team_views.py): the communications team and admins only. Service managers and
        # editors get 403, not a read-only list: it counts open comments on accounts they may not see.
        "moderation:teams": Case(MANAGE_ROLES),
        "moderation:team_new": Case(MANAGE_ROLES),
        "moderation:team_edit": Case(MANAGE_ROLES, kwargs={"pk": team.pk}),
        "moderation:team_delete": Case(MANAGE_ROLES, kwargs={"pk": team.pk}),
        "house_rules": Case(PUBLIC),
        "house_rules_version": Case(PUBLIC, kwargs={"number": rules_version.number}),
    }
