"""Tokens for the JSON ingest API: one or more per account, issued and revoked by the communications
team or an administrator. Only a token's SHA-256 is stored; the token is shown once, when issued."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from herald.audit import services as audit
from herald.errors import Refused
from herald.moderation.models import IngestToken
from herald.people.models import Person
from herald.people.roles import Role
from herald.social_accounts.models import Account

PREFIX = "hrd_"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def issue_token(account: Account, *, by: Person, name: str) -> tuple[IngestToken, str]:
    """A new token for `account`: the record, and the token itself (never stored, shown once)."""
    if not by.has_role(Role.COMMS, Role.ADMIN):
        raise Refused("Only the communications team or an administrator can issue ingest tokens")
    name = name.strip()
    if not name:
        raise Refused("Enter what will use the token", field="name")
    if account.status not in (Account.Status.ACTIVE, Account.Status.DORMANT):
        raise Refused(
            f"{account} is {account.get_status_display().lower()}: tokens are for accounts in use", field="account"
        )
    token = PREFIX + secrets.token_urlsafe(32)
    record = IngestToken.objects.create(
        account=account, name=name[:120], token_hash=hash_token(token), prefix=token[: len(PREFIX) + 6], issued_by=by
    )
    audit.record(actor=by, action="moderation.token_issued", obj=record, after={"account": account.pk, "name": name})
    return record, token


@transaction.atomic
def revoke_token(record: IngestToken, *, by: Person) -> IngestToken:
    if not by.has_role(Role.COMMS, Role.ADMIN):
        raise Refused("Only the communications team or an administrator can revoke ingest tokens")
    if record.revoked_at is not None:
        raise Refused("This token is already revoked")
    record.revoked_at = timezone.now()
    record.revoked_by = by
    record.save(update_fields=["revoked_at", "revoked_by"])
    audit.record(actor=by, action="moderation.token_revoked", obj=record, after={"account": record.account_id})
    return record


def token_for(presented: str) -> IngestToken | None:
    """The live token matching `presented`, or None. Compared by hash, so timing tells nothing."""
    if not presented.startswith(PREFIX) or len(presented) > 200:
        return None
    record = IngestToken.objects.live().select_related("account").filter(token_hash=hash_token(presented)).first()
    if record is not None:
        # At most one write a minute per token, so a busy integration does not write on every call.
        now = timezone.now()
        if record.last_used_at is None or (now - record.last_used_at).total_seconds() > 60:
            IngestToken.objects.filter(pk=record.pk).update(last_used_at=now)
    return record
