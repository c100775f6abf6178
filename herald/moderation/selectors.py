"""Reads for the inbox: whose comments a person may see, and the inbox's filters and search."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import cast

from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from herald.moderation.models import AuthorSanction, Comment, CommentAuthor, CommentFlag, ModerationTeam
from herald.moderation.models.comments import CommentQuerySet
from herald.people.models import Person
from herald.people.roles import Role
from herald.plain_text import whole_number
from herald.social_accounts.models import Account

# Who may see which comments, written once: sees_everything, _through_an_account and _through_the_comment
# are the whole rule. visible_accounts and visible_comments ask it for one person (the inbox, every
# page), sees_without_assignment for one person and one comment, and people_who_can_work for everyone
# at once about one comment (who it may be assigned to).

# The roles that see every comment, whatever the account.
SEE_EVERYTHING = (Role.COMMS, Role.ADMIN)


def sees_everything(person: Person) -> bool:
    return person.has_role(*SEE_EVERYTHING)


def _through_an_account(person: Person | OuterRef) -> Q:
    """Accounts (a filter on Account) whose comments `person` sees: those they edit now (not those they
    were removed from), manage, or whose inbox team they are in."""
    return (
        Q(editor_links__person=person, editor_links__removed_at=None)
        | Q(service_manager=person)
        | Q(moderation_teams__members=person)
    )


def _through_the_comment(person: Person | OuterRef, *, accounts: object, teams: object, assigned: bool = True) -> Q:
    """Comments (a filter on Comment) `person` sees: those on `accounts` (the ids of the accounts they see
    through _through_an_account), those in the queue of `teams` (the ids of the moderation teams they are
    in), and, with `assigned`, those assigned to them while the comment is open: someone removed from the
    account keeps no way into what they dealt with there (their open ones go back to the queue)."""
    rule = Q(account_id__in=accounts) | Q(team_id__in=teams)
    if assigned:
        rule |= Q(assignee=person, status__in=Comment.OPEN_STATUSES)
    return rule


def visible_accounts(person: Person) -> QuerySet[Account]:
    """The accounts whose comments `person` may see: all for the communications team and admins; for
    others, the accounts they edit, manage, or whose inbox team they are in."""
    accounts = Account.objects.all()
    if sees_everything(person):
        return accounts
    return accounts.filter(_through_an_account(person)).distinct()


def _team_ids(person: Person) -> list[int]:
    return list(ModerationTeam.objects.filter(members=person).values_list("pk", flat=True))


def visible_comments(person: Person, *, accounts: Iterable[Account] | None = None) -> QuerySet[Comment]:
    """The comments `person` may see. `accounts`, where the caller has already worked out
    `visible_accounts(person)` for the same request (the inbox lists them in its filter), saves asking
    again."""
    comments = Comment.objects.all()
    if sees_everything(person):
        return comments
    rule = _through_the_comment(person, accounts=_account_ids(person, accounts), teams=_team_ids(person))
    if person.has_role(Role.SAFEGUARDING):
        rule |= _a_concern()
    return comments.filter(rule)


def _a_concern(*, open_only: bool = False) -> Q:
    """Comments (a filter on Comment) the safeguarding lead sees: every comment flagged as a safeguarding
    concern, open or closed (with `open_only`, those whose concern is still open: what they may be
    assigned)."""
    flags = CommentFlag.objects.filter(kind=CommentFlag.Kind.SAFEGUARDING)
    if open_only:
        flags = flags.filter(closed_at=None)
    return Q(pk__in=flags.values("comment_id"))


def worked_comments(person: Person) -> QuerySet[Comment]:
    """The comments `person` works in the inbox (reply, hide, assign, set a status, close any flag): as
    visible_comments, without those they see only as the safeguarding lead. Someone who is both an
    editor and the lead works the inbox of their own accounts and the concerns anywhere: no more."""
    from herald.moderation.nav import INBOX_ROLES

    if not person.has_role(*INBOX_ROLES):
        return Comment.objects.none()
    if sees_everything(person):
        return Comment.objects.all()
    # A comment given to the lead is given for its concern (see assignable): holding it does not make
    # someone who is also an editor one of that account's inbox.
    assigned = not person.has_role(Role.SAFEGUARDING)
    return Comment.objects.filter(
        _through_the_comment(person, accounts=_account_ids(person, None), teams=_team_ids(person), assigned=assigned)
    )


def sanctions_seen_by(person: Person, author: CommentAuthor) -> QuerySet[AuthorSanction]:
    """The author's warnings, strikes and blocks that `person` sees on the author's page: those given for
    a comment they work, and every block (a block is on the author everywhere: a second is refused).
    A sanction recorded before sanctions named their comment says nothing of its account: everyone who
    opens the page sees it. Communications and administrators see them all."""
    sanctions = author.sanctions.all()
    if sees_everything(person):
        return sanctions
    return sanctions.filter(
        Q(kind=AuthorSanction.Kind.BLOCK)
        | Q(comment=None)
        | Q(comment__in=worked_comments(person).filter(author=author))
    )


def sanctions_liftable_by(person: Person, author: CommentAuthor) -> QuerySet[AuthorSanction]:
    """The author's sanctions `person` may lift: those given for a comment they work. A block or an older
    sanction given elsewhere (or for no comment) shows to them but is lifted by whoever works its
    account, or by communications: a moderator of one account does not unblock an author for all."""
    sanctions = author.sanctions.all()
    if sees_everything(person):
        return sanctions
    return sanctions.filter(comment__in=worked_comments(person).filter(author=author))


def _account_ids(person: Person, accounts: Iterable[Account] | None) -> list[int]:
    """The ids of the accounts `person` may see: `accounts` where the caller already has them."""
    if accounts is None:
        return list(visible_accounts(person).values_list("pk", flat=True))
    return [account.pk for account in accounts]


def visible_teams(person: Person, *, accounts: Iterable[Account] | None = None) -> QuerySet[ModerationTeam]:
    """The moderation teams whose queues `person` has a part in: every team for the communications team
    and admins; for others, the teams of the accounts they may see and the teams they are in. What the
    inbox offers to filter by, or to move a comment to. `accounts`: visible_accounts(person), where the
    caller already has them."""
    teams = ModerationTeam.objects.all()
    if sees_everything(person):
        return teams
    account_ids = _account_ids(person, accounts)
    return teams.filter(
        pk__in=ModerationTeam.objects.filter(Q(accounts__in=account_ids) | Q(members=person)).values("pk")
    )


def sees_without_assignment(person: Person, comment: Comment) -> bool:
    """Whether `person` would see `comment` were it not assigned to them: through the accounts they edit
    or manage, a moderation team they are in, seeing everything, or, for the safeguarding lead, its
    being flagged as a safeguarding concern."""
    if sees_everything(person):
        return True
    rule = _through_the_comment(person, accounts=_account_ids(person, None), teams=_team_ids(person), assigned=False)
    if person.has_role(Role.SAFEGUARDING):
        rule |= _a_concern()
    return Comment.objects.filter(rule, pk=comment.pk).exists()


def can_see(person: Person, comment: Comment) -> bool:
    return visible_comments(person).filter(pk=comment.pk).exists()


def can_work(person: Person, comment: Comment) -> bool:
    """Whoever works a comment's inbox may work it (assign, set status, reply, hide, close any flag):
    the inbox is a team's. The safeguarding lead, seeing a comment for its concern, adds notes and
    raises or closes the concern only (see can_see)."""
    return worked_comments(person).filter(pk=comment.pk).exists()


def can_close(person: Person, flag: CommentFlag) -> bool:
    """Whether `person` may close `flag`: any flag on a comment they work in the inbox, and, as the
    safeguarding lead, the safeguarding concern on a comment they see for it. Both roles: the union."""
    if can_work(person, flag.comment):
        return True
    return (
        flag.kind == CommentFlag.Kind.SAFEGUARDING
        and person.has_role(Role.SAFEGUARDING)
        and Comment.objects.filter(_a_concern(), pk=flag.comment_id).exists()
    )


@dataclass(frozen=True)
class InboxFilter:
    account: int | None = None
    platform: str = ""
    status: str = ""  # a status, or "open" for every open status
    flag: str = ""
    severity: str = ""
    assignee: str = ""  # "me", "none", or a person's pk
    team: int | None = None
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    q: str = ""


def search(comments: QuerySet[Comment], words: str) -> QuerySet[Comment]:
    """Comments whose text matches `words`: PostgreSQL full-text search (English stemming, websearch
    syntax: "quoted phrases", -exclusions, or) over the GIN-indexed search vector written when the
    comment is checked, or, on SQLite, every word as a substring."""
    words = words.strip()[:200]
    if not words:
        return comments
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        return comments.filter(search_vector=SearchQuery(words, config="english", search_type="websearch"))
    for word in words.split()[:10]:
        comments = comments.filter(text__icontains=word)
    return comments


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def inbox(person: Person, wanted: InboxFilter, *, accounts: Iterable[Account] | None = None) -> QuerySet[Comment]:
    comments = visible_comments(person, accounts=accounts)
    if wanted.account:
        comments = comments.filter(account_id=wanted.account)
    if wanted.platform:
        comments = comments.filter(platform=wanted.platform)
    if wanted.status == "open":
        comments = comments.filter(status__in=Comment.OPEN_STATUSES)
    elif wanted.status:
        comments = comments.filter(status=wanted.status)
    if wanted.flag:
        comments = comments.filter(
            pk__in=CommentFlag.objects.filter(kind=wanted.flag, closed_at=None).values("comment_id")
        )
    if wanted.severity:
        comments = comments.filter(severity=wanted.severity)
    if wanted.assignee == "me":
        comments = comments.filter(assignee=person)
    elif wanted.assignee == "none":
        comments = comments.filter(assignee=None)
    elif (assignee := whole_number(wanted.assignee)) is not None:
        comments = comments.filter(assignee_id=assignee)
    if wanted.team:
        comments = cast(CommentQuerySet, comments).in_queue_of(wanted.team)
    # Days in the council's time zone, as moments, so the indexes on received_at serve the range.
    if wanted.received_from:
        comments = comments.filter(received_at__gte=_start_of(wanted.received_from))
    if wanted.received_to and wanted.received_to < dt.date.max:  # the calendar's last day: no end at all
        comments = comments.filter(received_at__lt=_start_of(wanted.received_to + dt.timedelta(days=1)))
    comments = search(comments, wanted.q)
    return comments.select_related("account", "author", "assignee", "team").order_by(*_newest_first(wanted))


def inbox_page(
    person: Person,
    wanted: InboxFilter,
    *,
    start: int = 0,
    size: int = 51,
    accounts: Iterable[Account] | None = None,
) -> list[Comment]:
    """One page of the inbox in two short queries: the ids in order (only the indexed columns are read,
    however many comments match), then those comments with their account, author, assignee and team.
    `accounts`: visible_accounts(person), where the caller already has them."""
    ordered = inbox(person, wanted, accounts=accounts).select_related(None)
    if wanted.q.strip() and connection.vendor == "postgresql" and _could_be_common(wanted.q.strip()[:200]):
        with _walking_an_index():
            ids = list(ordered.values_list("pk", flat=True)[start : start + size])
    else:
        ids = list(ordered.values_list("pk", flat=True)[start : start + size])
    found = (
        Comment.objects.select_related("account", "author", "assignee", "team")
        # The list shows neither the findings nor the search words: not read, not parsed, fifty times over.
        .defer(*LIST_LEAVES_OUT)
        .in_bulk(ids)
    )
    return [found[pk] for pk in ids if pk in found]


LIST_LEAVES_OUT = ("findings", "pre_election_wards", "search_vector")


# Words that together may match at least this share of comments are found by walking the newest first.
COMMON_WORDS = 0.002


def _could_be_common(words: str) -> bool:
    """Whether the searched words could, together, be in at least COMMON_WORDS of the comments: the
    share of the least common of them, from PostgreSQL's own statistics of the search column (words not
    in its list of most common ones are rarer than all of them).

    PostgreSQL multiplies the shares of words searched together as if they were unrelated, but words
    that go together ("christmas lights", "subject access", the parts of "Ray-Bans") match far more often
    than that; it then gathers every match from the GIN index and sorts tens of thousands of them, where
    walking the newest comments finds a page within a few thousand. A search for rare words keeps
    PostgreSQL's own plan: it gathers the few matches from the GIN index and sorts them."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT min(coalesce(known.share, 0))
            FROM unnest(tsvector_to_array(to_tsvector('english'::regconfig, %s))) AS searched(lexeme)
            LEFT JOIN (
                SELECT element, share
                FROM pg_stats, unnest(most_common_elems::text::text[], most_common_elem_freqs) AS s(element, share)
                WHERE schemaname = current_schema() AND tablename = 'moderation_comment' AND attname = 'search_vector'
            ) AS known ON known.element = searched.lexeme
            """,
            [words],
        )
        row = cursor.fetchone()
    return bool(row and row[0] is not None and row[0] >= COMMON_WORDS)


# For a walk down an index: no table scan, no bitmap of every match; and, as turning those off makes
# the plan look expensive, no JIT compilation or parallel workers, which would cost more than the walk.
WALK = {"enable_seqscan": "off", "enable_bitmapscan": "off", "jit": "off", "max_parallel_workers_per_gather": "0"}


@contextmanager
def _walking_an_index() -> Iterator[None]:
    """PostgreSQL planner settings for the queries inside (SET LOCAL in a savepoint), put back at once
    in case this runs inside a longer transaction (an error rolls the savepoint back, which undoes them
    too)."""
    # Each way in one round trip (several statements, no parameters), not one per setting.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(" ".join(f"SET LOCAL {setting} = {value};" for setting, value in WALK.items()))
        yield
        cursor.execute(" ".join(f"SET LOCAL {setting} = DEFAULT;" for setting in WALK))


def _newest_first(wanted: InboxFilter) -> tuple[str, ...]:
    """Newest first. With one column held to one value, ordering by it first changes nothing in the
    result but names the index (that column, received_at, id) the database should walk: otherwise it
    may walk the newest comments of every kind looking for, say, replied ones, which are mostly old."""
    lead: tuple[str, ...]
    if wanted.account:
        lead = ("account_id",)
    elif wanted.team:
        lead = ("team_id",)
    elif wanted.severity:
        lead = ("severity",)
    elif wanted.platform:
        lead = ("platform",)
    elif wanted.status and wanted.status != "open":
        lead = ("status",)
    elif wanted.assignee and wanted.assignee != "none":
        lead = ("assignee_id",)
    else:
        lead = ()
    return (*lead, "-received_at", "-id")


def open_flags(person: Person, kind: str = "") -> QuerySet[CommentFlag]:
    """The open flags in `person`'s queue: every flag on the comments they work in the inbox and, for the
    safeguarding lead, the safeguarding concerns (a request or complaint flagged on the same comment is
    for the people who work its inbox, even when the lead also edits other accounts)."""
    rule = Q(comment__in=worked_comments(person))
    if person.has_role(Role.SAFEGUARDING):
        rule |= Q(kind=CommentFlag.Kind.SAFEGUARDING)
    flags = CommentFlag.objects.filter(rule, closed_at=None)
    if kind:
        flags = flags.filter(kind=kind)
    return flags.select_related("comment", "comment__account").order_by("due_on", "raised_at")


def open_safeguarding_concerns() -> QuerySet[CommentFlag]:
    """Every open safeguarding concern flagged on a comment, oldest first, with who has the comment."""
    return (
        CommentFlag.objects.filter(kind=CommentFlag.Kind.SAFEGUARDING, closed_at=None)
        .select_related("comment__account", "comment__assignee", "comment__team")
        .order_by("raised_at", "pk")
    )


def people_who_can_work(comment: Comment) -> list[Person]:
    """Active people with an inbox role who can see this comment, and, while the comment has an open
    safeguarding concern, the safeguarding lead: who it may be assigned to.

    The same rule as visible_comments(person), asked of everyone at once in one query (the comment's
    page shows this list on every visit): for each person, whether this comment is among those the rule
    gives them, its accounts narrowed to this comment's one."""
    from herald.moderation.nav import INBOX_ROLES

    def in_groups(names: Iterable[str]) -> QuerySet:
        return Person.groups.through.objects.filter(group__name__in=list(names)).values("person_id")

    # Inside the subqueries below, the person being asked about is two queries out.
    person = OuterRef(OuterRef("pk"))
    sees_it = Comment.objects.filter(
        _through_the_comment(
            OuterRef("pk"),
            accounts=Account.objects.filter(_through_an_account(person), pk=comment.account_id).values("pk"),
            teams=ModerationTeam.objects.filter(members=person).values("pk"),
        ),
        pk=comment.pk,
    )
    works_the_inbox = Q(pk__in=in_groups(INBOX_ROLES)) & (Q(pk__in=in_groups(SEE_EVERYTHING)) | Exists(sees_it))
    # The lead takes a comment for its open concern, and no other (once closed, it is the inbox's again).
    open_concern = Exists(Comment.objects.filter(_a_concern(open_only=True), pk=comment.pk))
    leads_it = Q(pk__in=in_groups([Role.SAFEGUARDING])) & Q(open_concern)
    return list(Person.objects.active().filter(works_the_inbox | leads_it).order_by("first_name", "last_name")[:300])


def assignable(person: Person, comment: Comment) -> bool:
    """Whether `comment` may be assigned to `person`: people_who_can_work's rule, for one person."""
    if not person.is_active:
        return False
    if can_work(person, comment):
        return True
    return (
        person.has_role(Role.SAFEGUARDING)
        and Comment.objects.filter(_a_concern(open_only=True), pk=comment.pk).exists()
    )
