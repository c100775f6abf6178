"""The generic JSON ingest API: a system that can export comments (a platform Herald has no connector
for, a contact-centre tool) posts them for one account with that account's token. Documented by the
OpenAPI 3 schema served beside it (`openapi.json`); bad input gets a 4xx with the reason, never a 500.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from herald.access import public
from herald.moderation import services
from herald.moderation.incoming import KINDS, IncomingComment
from herald.moderation.services import evidence
from herald.social_accounts.models import Account

MAX_COMMENTS = 1000
MAX_BYTES = 5 * 1024 * 1024
# The accounts a token sends comments for: in use, or closing (its final post still draws comments).
TAKES_COMMENTS = (Account.Status.ACTIVE, Account.Status.DORMANT, Account.Status.CLOSING)


def _error(status: int, message: str, **more: Any) -> JsonResponse:
    return JsonResponse({"error": message, **more}, status=status)


def _text(value: Any, name: str, problems: list[str], *, required: bool = False, limit: int = 500) -> str:
    if value is None or value == "":
        if required:
            problems.append(f"{name} is required")
        return ""
    if not isinstance(value, str):
        problems.append(f"{name} must be a string")
        return ""
    if len(value) > limit:
        problems.append(f"{name} is longer than {limit:,} characters")
    return value


def parse_comment(data: Any, platform: str) -> tuple[IncomingComment | None, list[str]]:
    """An `IncomingComment` from one item of the request, or the problems with it."""
    if not isinstance(data, dict):
        return None, ["each comment must be an object"]
    problems: list[str] = []
    unknown = set(data) - {"id", "text", "posted_at", "kind", "parent_id", "author", "permalink", "raw"}
    if unknown:
        problems.append(f"unknown field{'s' if len(unknown) > 1 else ''}: {', '.join(sorted(unknown))}")
    platform_id = _text(data.get("id"), "id", problems, required=True, limit=200)
    text = _text(data.get("text"), "text", problems, required=True, limit=20_000)
    kind = data.get("kind", "comment")
    if kind not in KINDS:
        problems.append(f"kind must be one of {', '.join(KINDS)}")
    posted_at = None
    raw_posted = data.get("posted_at")
    if not isinstance(raw_posted, str):
        problems.append("posted_at is required, as a date and time with its UTC offset (RFC 3339)")
    else:
        try:
            posted_at = dt.datetime.fromisoformat(raw_posted)
        except ValueError:
            problems.append("posted_at is not a date and time (RFC 3339, e.g. 2026-12-05T14:30:00Z)")
        else:
            if posted_at.tzinfo is None:
                problems.append("posted_at must include its UTC offset (e.g. Z or +00:00)")
    author = data.get("author") or {}
    if not isinstance(author, dict):
        problems.append("author must be an object")
        author = {}
    author_id = _text(author.get("id"), "author.id", problems, limit=200)
    handle = _text(author.get("handle"), "author.handle", problems, limit=200)
    name = _text(author.get("name"), "author.name", problems, limit=200)
    url = _text(author.get("url"), "author.url", problems, limit=500)
    permalink = _text(data.get("permalink"), "permalink", problems, limit=500)
    for label, link in (("permalink", permalink), ("author.url", url)):
        if link and not link.startswith(("https://", "http://")):
            problems.append(f"{label} must be an http or https address")
    parent = _text(data.get("parent_id"), "parent_id", problems, limit=200)
    raw = data.get("raw", {})
    if not isinstance(raw, dict):
        problems.append("raw must be an object")
    if problems or posted_at is None:
        return None, problems
    return (
        IncomingComment(
            platform=platform,
            platform_id=platform_id,
            text=text,
            posted_at=posted_at,
            kind=kind,
            parent_platform_id=parent,
            author_platform_id=author_id,
            author_handle=handle,
            author_name=name,
            author_url=url,
            permalink=permalink,
            raw={"api": data},
        ),
        [],
    )


@public
@csrf_exempt
def receive(request: HttpRequest) -> JsonResponse:
    if request.method != "POST":
        response = _error(405, "Use POST to send comments")
        response["Allow"] = "POST"
        return response
    header = request.headers.get("Authorization", "")
    scheme, _, presented = header.partition(" ")
    if scheme.lower() != "bearer" or not presented.strip():
        response = _error(401, "Send the account's ingest token as ‘Authorization: Bearer <token>’")
        response["WWW-Authenticate"] = 'Bearer realm="herald-ingest"'
        return response
    record = services.token_for(presented.strip())
    if record is None:
        response = _error(401, "This token is not known or has been revoked: ask the communications team")
        response["WWW-Authenticate"] = 'Bearer realm="herald-ingest", error="invalid_token"'
        return response
    if record.account.status not in TAKES_COMMENTS:
        # A token outlives nothing it was issued for: once the account is closed (or not yet set up),
        # whatever still holds its token is refused, and told why.
        return _error(
            403,
            f"{record.account} is {record.account.get_status_display().lower()}: Herald takes no comments for it. "
            "Stop sending, or ask the communications team",
        )
    if request.content_type != "application/json":
        return _error(415, "Send the body as JSON, with ‘Content-Type: application/json’")
    # Read here, up to the API's own limit: request.body would refuse anything over the site's limit for
    # form posts (DATA_UPLOAD_MAX_MEMORY_SIZE, 1 MB), with an HTML 400 a batch's sender cannot act on.
    too_big = _error(413, f"Send at most {MAX_BYTES // (1024 * 1024)} MB in one request")
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > MAX_BYTES:
        return too_big
    raw = request.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        return too_big
    request._body = raw  # what request.body would have kept, for anything that reads it later
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        return _error(400, f"The body is not valid JSON: {exc}")
    if not isinstance(body, dict) or not isinstance(body.get("comments"), list):
        return _error(400, "Send an object with a ‘comments’ list")
    items = body["comments"]
    if not items:
        return _error(422, "The ‘comments’ list is empty")
    if len(items) > MAX_COMMENTS:
        return _error(413, f"Send at most {MAX_COMMENTS} comments in one request")
    account = record.account
    parsed: list[IncomingComment] = []
    positions: list[int] = []
    rejected: list[dict] = []
    for index, item in enumerate(items):
        comment, problems = parse_comment(item, account.platform)
        if comment is None:
            rejected.append({"index": index, "reason": "; ".join(problems)})
        else:
            parsed.append(comment)
            positions.append(index)
    result = services.receive_comments(account, parsed, source="api")
    evidence.keep_payloads(account, parsed, source="api")
    rejected += [{"index": positions[at], "reason": why} for at, why in result.rejected]
    rejected.sort(key=lambda r: r["index"])
    accepted = result.created + result.duplicates
    payload = {
        "account": account.pk,
        "received": len(items),
        "created": result.created,
        "duplicates": result.duplicates,
        "rejected": rejected,
    }
    if not accepted:
        return JsonResponse({"error": "None of the comments could be stored", **payload}, status=422)
    return JsonResponse(payload, status=201 if result.created else 200)


@public
def schema(request: HttpRequest) -> JsonResponse:
    return JsonResponse(openapi(request.build_absolute_uri("/").rstrip("/") or settings.SITE_URL))


def openapi(server: str) -> dict:
    """The API's OpenAPI 3.1 document."""
    problem = {
        "type": "object",
        "required": ["error"],
        "properties": {"error": {"type": "string", "description": "What is wrong, and what to do"}},
    }
    result = {
        "type": "object",
        "required": ["account", "received", "created", "duplicates", "rejected"],
        "properties": {
            "account": {"type": "integer"},
            "received": {"type": "integer", "description": "Comments in the request"},
            "created": {"type": "integer", "description": "New comments stored"},
            "duplicates": {"type": "integer", "description": "Comments Herald already had (same id): not stored again"},
            "rejected": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["index", "reason"],
                    "properties": {"index": {"type": "integer"}, "reason": {"type": "string"}},
                },
            },
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Herald comment ingest API",
            "version": "1.0.0",
            "description": (
                "Send comments and messages received on one of the council's official accounts to Herald's "
                "moderation inbox. Each token belongs to one account (issued by the communications team). The "
                "same comment id sent twice is stored once and counted as a duplicate. Up to "
                f"{MAX_COMMENTS} comments per request."
            ),
        },
        "servers": [{"url": server}],
        "security": [{"token": []}],
        "components": {
            "securitySchemes": {
                "token": {"type": "http", "scheme": "bearer", "description": "The account's ingest token"}
            },
            "schemas": {
                "Comment": {
                    "type": "object",
                    "required": ["id", "text", "posted_at"],
                    "additionalProperties": False,
                    "properties": {
                        "id": {"type": "string", "minLength": 1, "maxLength": 200, "description": "The platform's id"},
                        "text": {"type": "string", "minLength": 1, "maxLength": 20000},
                        "posted_at": {"type": "string", "format": "date-time"},
                        "kind": {"type": "string", "enum": list(KINDS), "default": "comment"},
                        "parent_id": {"type": "string", "maxLength": 200, "description": "The comment it answers"},
                        "permalink": {"type": "string", "maxLength": 500, "format": "uri"},
                        "author": {
                            "type": "object",
                            "additionalProperties": False,
                            "properties": {
                                "id": {"type": "string", "maxLength": 200},
                                "handle": {"type": "string", "maxLength": 200},
                                "name": {"type": "string", "maxLength": 200},
                                "url": {"type": "string", "maxLength": 500, "format": "uri"},
                            },
                        },
                        "raw": {"type": "object", "description": "Anything else, kept as evidence"},
                    },
                },
                "Batch": {
                    "type": "object",
                    "required": ["comments"],
                    "properties": {
                        "comments": {"type": "array", "items": {"$ref": "#/components/schemas/Comment"}},
                    },
                },
                "Result": result,
                "Problem": problem,
            },
        },
        "paths": {
            reverse("moderation:api_comments"): {
                "post": {
                    "operationId": "sendComments",
                    "summary": "Send comments received on the token's account",
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Batch"}}},
                    },
                    "responses": {
                        "201": _json("New comments were stored (any others are listed)", "Result"),
                        "200": _json("Nothing new: every comment was a duplicate or rejected", "Result"),
                        "400": _json("The body is not JSON, or not an object with a comments list", "Problem"),
                        "401": _json("No token, or a token that is unknown or revoked", "Problem"),
                        "403": _json(
                            "The token's account is closed (or not yet set up): it takes no comments", "Problem"
                        ),
                        "413": _json("Too many comments or too large a body", "Problem"),
                        "415": _json("The body is not sent as application/json", "Problem"),
                        "422": _json(
                            "The list is empty, or no comment in it could be stored (then with the counts and "
                            "each comment's reason, as in Result)",
                            "Problem",
                        ),
                    },
                }
            }
        },
    }


def _json(description: str, schema_name: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}},
    }
