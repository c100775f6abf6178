"""Writing, checking, approving, publishing and keeping official posts. Every state change the policy names
is a function here: it takes the acting person (`by=`, None for a scheduled task), runs in one transaction,
writes the audit trail and sends its emails only after the transaction commits.

Callers use `from herald.posts import services` and call the policy's verbs (`services.approve_post(...)`);
each process has its own module: `workflow` (writing to approval), `stop_switch`, `publishing` and
`retention`. Reads (who may do what) are in `herald.posts.selectors`."""

from herald.posts.services.calendar import reschedule_post
from herald.posts.services.publishing import (
    PLATFORM_DOMAINS,
    check_post_address,
    mark_post_ready,
    mark_ready_posts,
    record_publication,
)
from herald.posts.services.retention import delete_past_retention, models_q_older, set_retention
from herald.posts.services.stop_switch import (
    STOPPED_ATTEMPTS,
    PublishingStopped,
    release_publishing,
    stop_publishing,
    stopped_message,
)
from herald.posts.services.workflow import (
    CHANGED_TEXT_REFUSAL,
    PENDING_DAYS,
    TEXT_CHANGED_SINCE_SEEN,
    PostContent,
    TierSpec,
    add_note,
    approve_again_after_media_change,
    approve_post,
    cancel_post,
    closed_account_refusal,
    edit_post,
    expire_overdue_posts,
    models_q_due,
    move_draft_to_account,
    override_block,
    recheck_post,
    release_posts_from_lapsed_periods,
    reopen_post,
    reroute_posts_of_leaver,
    route_waiting_posts_for_pre_election,
    send_back,
    set_approval_rule,
    stop_posts_for_withdrawn_consent,
    submit_for_approval,
    write_post,
)

__all__ = [
    "CHANGED_TEXT_REFUSAL",
    "PENDING_DAYS",
    "PLATFORM_DOMAINS",
    "PostContent",
    "PublishingStopped",
    "STOPPED_ATTEMPTS",
    "TEXT_CHANGED_SINCE_SEEN",
    "TierSpec",
    "add_note",
    "approve_post",
    "cancel_post",
    "closed_account_refusal",
    "check_post_address",
    "reschedule_post",
    "delete_past_retention",
    "edit_post",
    "expire_overdue_posts",
    "route_waiting_posts_for_pre_election",
    "mark_post_ready",
    "mark_ready_posts",
    "models_q_due",
    "models_q_older",
    "move_draft_to_account",
    "override_block",
    "recheck_post",
    "record_publication",
    "release_publishing",
    "release_posts_from_lapsed_periods",
    "reopen_post",
    "reroute_posts_of_leaver",
    "send_back",
    "set_approval_rule",
    "set_retention",
    "approve_again_after_media_change",
    "stop_posts_for_withdrawn_consent",
    "stop_publishing",
    "stopped_message",
    "submit_for_approval",
    "write_post",
]
