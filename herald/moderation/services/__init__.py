"""The moderation app's state changes, one module per process, re-exported here: callers write
`from herald.moderation import services` and `services.receive_comments(...)`.

Hiding and deleting a comment, with the evidence snapshot first, are in `services/evidence.py`; they
set the status through `inbox.record_status` once the snapshot is kept."""

from herald.moderation.services.cases import (
    add_to_case,
    close_case,
    evidence_pack,
    lift_sanction,
    record_police_reference,
    sanction_author,
)
from herald.moderation.services.classification import classify_comments, classify_unchecked
from herald.moderation.services.csv_import import ImportRefused, import_comments_csv
from herald.moderation.services.evidence import (
    delete_comment,
    hide_comment,
    remove_expired_evidence,
    try_platform_again,
    unhide_comment,
)
from herald.moderation.services.inbox import (
    act_on_many,
    add_note,
    assign_comment,
    close_flag,
    raise_flag,
    raise_safeguarding_concern,
    record_status,
    release_comments_of_former_editor,
    release_comments_of_leaver,
    set_priority,
    set_status,
)
from herald.moderation.services.ingest import IngestResult, receive_comments
from herald.moderation.services.replies import (
    approve_reply,
    record_reply_posted,
    send_reply_again,
    withdraw_reply,
    write_reply,
)
from herald.moderation.services.rules import (
    allow_automatic_hiding,
    publish_house_rules,
    reverse_rule_action,
    save_house_rules_draft,
    save_rule,
)
from herald.moderation.services.tokens import issue_token, revoke_token, token_for

__all__ = [
    "add_to_case",
    "allow_automatic_hiding",
    "approve_reply",
    "close_case",
    "record_police_reference",
    "release_comments_of_former_editor",
    "release_comments_of_leaver",
    "delete_comment",
    "evidence_pack",
    "hide_comment",
    "lift_sanction",
    "publish_house_rules",
    "record_reply_posted",
    "send_reply_again",
    "remove_expired_evidence",
    "reverse_rule_action",
    "sanction_author",
    "save_house_rules_draft",
    "save_rule",
    "try_platform_again",
    "unhide_comment",
    "withdraw_reply",
    "write_reply",
    "ImportRefused",
    "IngestResult",
    "import_comments_csv",
    "act_on_many",
    "add_note",
    "assign_comment",
    "close_flag",
    "raise_flag",
    "raise_safeguarding_concern",
    "record_status",
    "set_priority",
    "set_status",
    "classify_comments",
    "classify_unchecked",
    "issue_token",
    "revoke_token",
    "token_for",
    "receive_comments",
]
