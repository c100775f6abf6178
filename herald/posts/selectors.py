"""Reads about posts: who may write, edit, approve or send back a post, which text an approval is of,
whether publishing is stopped on an account, and a post's history and retention. Nothing here writes."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from herald.consents.withdrawal import UseOwner
from herald.people.models import Person

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from herald.consents.models import TakedownTask
from herald.people.roles import Role
from herald.posts.models import (
    Approval,
    Post,
    PostRetention,
    PublishingPause,
    content_hash,
)
from herald.social_accounts.models import Account

APPROVER_ROLES = (Role.EDITOR, Role.SERVICE_MANAGER, Role.COMMS, Role.ADMIN)


# --- Who may do what ---------------------------------------------------------------------------


def accounts_writable_by(person: Person) -> QuerySet[Account]:
    """An editor writes for the accounts they edit; the communications team for any active account."""
    accounts = Account.objects.active()
    if person.has_role(Role.COMMS):
        return accounts
    accounts = accounts.filter(pk__in=Account.objects.edited_by(person).values("pk"))
    if not person.is_trained_editor:
        # The communications team made training a condition of these accounts: booked is not enough.
        accounts = accounts.exclude(training_before_posting=True)
    return accounts


def can_write_for(person: Person, account: Account) -> bool:
    return accounts_writable_by(person).filter(pk=account.pk).exists()


def comms_team() -> list[Person]:
    return list(Person.objects.active().with_role(Role.COMMS).order_by("last_name", "first_name"))


# --- Four eyes: each approval is of one exact text ----------------------------------------------


def content_hash_of(post: Post) -> str:
    """The hash of what would be published now: the text for the post's platform and its media with
    their alt text."""
    media = [(asset.pk, asset.alt_text) for asset in post.media.all()]
    return content_hash(platform=post.platform, text=post.text, media=media)


@dataclass(frozen=True)
class TextVersion:
    """The current text of a post: the version that introduced it (later versions that changed only the
    time keep it), who wrote that version, and its hash."""

    number: int
    made_by_id: int | None
    text_hash: str


def with_approval_state(posts: QuerySet[Post]) -> QuerySet[Post]:
    """`posts` with what the checks below read (their versions and decisions) fetched for all of them in
    two queries, so a list asks the same number of questions however many posts it shows."""
    from django.db.models import Prefetch

    from herald.posts.models import Revision

    versions = Revision.objects.only("id", "post_id", "number", "text_hash", "made_by_id")
    return posts.prefetch_related(Prefetch("revisions", queryset=versions), "approvals")


def _prefetched(post: Post, name: str) -> list | None:
    cache = getattr(post, "_prefetched_objects_cache", {})
    return list(cache[name]) if name in cache else None


def _version_rows(post: Post) -> list[tuple[int, str, int | None]]:
    """(number, text hash, made by) of each version, newest first."""
    prefetched = _prefetched(post, "revisions")
    if prefetched is not None:
        return sorted(((r.number, r.text_hash, r.made_by_id) for r in prefetched), key=lambda row: -row[0])
    return list(post.revisions.order_by("-number").values_list("number", "text_hash", "made_by_id"))


def _decisions_this_round(post: Post) -> list[Approval]:
    prefetched = _prefetched(post, "approvals")
    if prefetched is not None:
        return [approval for approval in prefetched if approval.round == post.round]
    return list(post.approvals.filter(round=post.round))


def current_text_version(post: Post) -> TextVersion | None:
    rows = _version_rows(post)
    if not rows:
        return None
    start = rows[0]
    for row in rows:
        if row[1] != start[1]:
            break
        start = row
    return TextVersion(number=start[0], made_by_id=start[2], text_hash=start[1])


def approval_counts(approval: Approval, post: Post, version: TextVersion | None = None) -> bool:
    """An approval counts only in the post's current round and for its current text. One given for an
    earlier text stays in the record, but a change since has voided it."""
    version = version or current_text_version(post)
    return (
        version is not None
        and approval.decision == Approval.Decision.APPROVED
        and approval.round == post.round
        and approval.revision >= version.number
        and approval.text_hash == version.text_hash
    )


def last_text_changer_id(post: Post) -> int | None:
    version = current_text_version(post)
    return version.made_by_id if version else None


def eligible_approvers(post: Post, position: int | None = None) -> set[int]:
    """Who may decide the tier now open: its approvers who have not approved the current text, never
    the author and never whoever last changed the text."""
    tier = post.tier(position or post.current_tier)
    if tier is None:
        return set()
    version = current_text_version(post)
    decided = {
        approval.person_id
        for approval in _decisions_this_round(post)
        if approval.tier == tier["position"] and approval_counts(approval, post, version)
    }
    barred = {post.author_id, version.made_by_id if version else None}
    if not tier.get("repeat"):
        barred |= approved_earlier_tiers(post, tier["position"], version)
    return {pk for pk in tier["approvers"] if pk not in barred and pk not in decided}


def approved_earlier_tiers(post: Post, position: int, version: TextVersion | None = None) -> set[int]:
    """Who approved the current text at a tier before `position` in this round: one person counts once
    per post, unless the account's rule says otherwise."""
    version = version or current_text_version(post)
    return {
        approval.person_id
        for approval in _decisions_this_round(post)
        if approval.tier < position and approval_counts(approval, post, version)
    }


def distinct_approvers_possible(plan: list[dict], barred: set) -> bool:
    """Whether each tier can be approved by people who have not approved another tier (the tiers that
    allow it aside): at most three tiers, so trying each choice is quick."""

    def fill(index: int, used: frozenset) -> bool:
        if index == len(plan):
            return True
        tier = plan[index]
        people = [pk for pk in tier["approvers"] if pk not in barred]
        if tier.get("repeat"):
            return bool(people) and fill(index + 1, used)
        free = [pk for pk in people if pk not in used]
        if tier["mode"] == "all":
            return bool(free) and fill(index + 1, used | frozenset(free))
        return any(fill(index + 1, used | {pk}) for pk in free)

    return fill(0, frozenset())


def can_decide(post: Post, person: Person) -> bool:
    return post.status == Post.Status.AWAITING_APPROVAL and person.pk in eligible_approvers(post)


def can_send_back(post: Post, person: Person) -> bool:
    """Sending back holds a post, so an approver of the open tier who changed the text may still do it."""
    if can_decide(post, person):
        return True
    tier = post.tier(post.current_tier)
    return (
        post.status == Post.Status.AWAITING_APPROVAL
        and tier is not None
        and person.pk != post.author_id
        and person.pk in tier["approvers"]
        and person.pk == last_text_changer_id(post)
    )


def can_edit(post: Post, person: Person, *, writable: set[int] | None = None) -> bool:
    """While a post awaits approval its author, the approvers of the open tier and whoever last changed
    it may change it; a change to the text voids the approvals given so far. `writable`, the ids of the
    accounts the person writes for, saves asking again for each post of a list."""
    if not post.is_editable:
        return False
    if post.status == Post.Status.AWAITING_APPROVAL:
        return person.pk in (post.author_id, last_text_changer_id(post)) or can_decide(post, person)
    if post.author_id == person.pk:
        return True
    return post.account_id in writable if writable is not None else can_write_for(person, post.account)


def can_override(post: Post, person: Person) -> bool:
    return (
        person.has_role(Role.COMMS)
        and person.pk != post.author_id
        and post.status == Post.Status.AWAITING_APPROVAL
        and post.blocking
        and not post.override_covers_blocks
    )


def pause_covering(account: Account) -> PublishingPause | None:
    return PublishingPause.objects.covering(account).first()


def stopped_account_ids(account_ids: Iterable[int]) -> set[int]:
    """Which of these accounts publishing is stopped on now (one query, for lists of posts)."""
    account_ids = set(account_ids)
    pauses = list(PublishingPause.objects.in_force().prefetch_related("accounts"))
    if any(pause.all_accounts for pause in pauses):
        return account_ids
    return account_ids & {account.pk for pause in pauses for account in pause.accounts.all()}


def latest_revision_number(post: Post) -> int:
    return post.revisions.order_by("-number").values_list("number", flat=True).first() or 0


def diff(before: str, after: str) -> list[tuple[str, str]]:
    """A word-level diff for the history: [(kind, words)] where kind is equal, removed or added."""
    old, new = before.split(" "), after.split(" ")
    parts: list[tuple[str, str]] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(("equal", " ".join(old[a1:a2])))
        if op in ("replace", "delete"):
            parts.append(("removed", " ".join(old[a1:a2])))
        if op in ("replace", "insert"):
            parts.append(("added", " ".join(new[b1:b2])))
    return parts


def media_owner(post: Post) -> UseOwner:
    """How the consent library knows this post, so a withdrawal reaches it."""
    return UseOwner("post", post.pk)


def retention_for(account: Account) -> PostRetention:
    return PostRetention.objects.filter(account=account).first() or PostRetention(account=account)


def open_takedowns(post: Post) -> QuerySet[TakedownTask]:
    from herald.consents.services import open_takedowns_for

    return open_takedowns_for(media_owner(post))
