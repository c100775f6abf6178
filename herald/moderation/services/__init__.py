"""The moderation app's state changes, one module per process, re-exported here: callers write
`from herald.moderation import services` and `services.receive_comments(...)`.

Hiding and deleting a comment (with the evidence snapshot first) belong to their own module
(`services/removal.py`): they set the status through `inbox.record_status` once the snapshot is kept and are
re-exported here when added."""

from herald.moderation.services.classification import classify_comments, classify_unchecked
from herald.moderation.services.csv_import import ImportRefused, import_comments_csv
from herald.moderation.services.inbox import (
    act_on_many,
    add_note,
    assign_comment,
    close_flag,
    raise_flag,
    record_status,
    set_priority,
    set_status,
)
from herald.moderation.services.ingest import IngestResult, receive_comments
from herald.moderation.services.tokens import issue_token, revoke_token, token_for

__all__ = [
    "ImportRefused",
    "IngestResult",
    "import_comments_csv",
    "act_on_many",
    "add_note",
    "assign_comment",
    "close_flag",
    "raise_flag",
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
