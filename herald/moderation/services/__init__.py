"""The moderation app's state changes, one module per process, re-exported here: callers write
`from herald.moderation import services` and `services.receive_comments(...)`.

Hiding and deleting a comment (with the evidence snapshot first) belong to their own module
(`services/removal.py`): they set the status through `inbox.set_status_by_system`'s rules and are
re-exported here when added."""

from herald.moderation.services.classification import classify_comments, classify_unchecked
from herald.moderation.services.ingest import IngestResult, receive_comments

__all__ = [
    "IngestResult",
    "classify_comments",
    "classify_unchecked",
    "receive_comments",
]
