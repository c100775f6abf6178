"""The moderation app's models, one module per part of the work; each is re-exported here so callers
write `from herald.moderation.models import Comment`. Add a module for a new part and import it here."""

from herald.moderation.models.comments import (
    Comment,
    CommentAuthor,
    CommentEdit,
    CommentFlag,
    CommentQuerySet,
    InternalNote,
    ModerationTeam,
)
from herald.moderation.models.handling import (
    AuthorSanction,
    CouncillorAbuseCase,
    CouncillorHandle,
    Evidence,
    PlatformAction,
    Presence,
    RemovalReason,
    Reply,
    ReplySetting,
    SavedReply,
)
from herald.moderation.models.ingest import CommentImport, CommentPayload, IngestToken
from herald.moderation.models.rules import CommentTag, HouseRules, ModerationRule, RuleAction

__all__ = [
    "AuthorSanction",
    "CommentEdit",
    "CommentTag",
    "CouncillorAbuseCase",
    "CouncillorHandle",
    "Evidence",
    "HouseRules",
    "ModerationRule",
    "PlatformAction",
    "Presence",
    "RemovalReason",
    "Reply",
    "ReplySetting",
    "RuleAction",
    "SavedReply",
    "Comment",
    "CommentPayload",
    "CommentAuthor",
    "CommentFlag",
    "CommentImport",
    "CommentQuerySet",
    "IngestToken",
    "InternalNote",
    "ModerationTeam",
]
