"""The moderation app's models, one module per part of the work; each is re-exported here so callers
write `from herald.moderation.models import Comment`. Add a module for a new part and import it here."""

from herald.moderation.models.comments import (
    Comment,
    CommentAuthor,
    CommentFlag,
    CommentQuerySet,
    InternalNote,
    ModerationTeam,
)
from herald.moderation.models.ingest import CommentImport, IngestToken

__all__ = [
    "Comment",
    "CommentAuthor",
    "CommentFlag",
    "CommentImport",
    "CommentQuerySet",
    "IngestToken",
    "InternalNote",
    "ModerationTeam",
]
