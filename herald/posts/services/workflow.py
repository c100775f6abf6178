"""A post's way to approval: writing and editing it, checking it, submitting it, the four-eyes approval
and its tiers, sending it back, overriding a block, notes, cancelling, reopening and expiry."""

from __future__ import annotations

import datetime as dt
import hmac
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import dateformat, timezone

from herald import checking
from herald.audit import services as audit
from herald.consents import withdrawal
from herald.errors import Refused
from herald.notifications import notify
from herald.people.models import Person

if TYPE_CHECKING:
    from django.db.models import Q
from herald.people.roles import Role
from herald.posts.models import (
    MAX_TIERS,
    Approval,
    ApprovalTier,
    Note,
    Post,
    PostFinding,
    Revision,
)
from herald.posts.selectors import (
    APPROVER_ROLES,
    TextVersion,
    approval_counts,
    approved_earlier_tiers,
    can_edit,
    can_send_back,
    can_write_for,
    comms_team,
    content_hash_of,
    current_text_version,
    distinct_approvers_possible,
    eligible_approvers,
    last_text_changer_id,
    latest_revision_number,
    media_owner,
    pause_covering,
)
from herald.posts.services.stop_switch import PublishingStopped, _hold_if_stopped, _record_refusal
from herald.social_accounts.models import Account

# Hootsuite's rule: a post left pending this long expires even if its time has not come.
PENDING_DAYS = 90


# The four-eyes rule: whoever last changed the text cannot give the approval that lets it out.
CHANGED_TEXT_REFUSAL = "You changed this text, so someone else must approve it"


# --- Helpers -----------------------------------------------------------------------------------


def _link(name: str, *args: object) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def _snapshot(post: Post) -> dict:
    return audit.snapshot(post, exclude=("report", "plan", "media"))


def _lock(post: Post) -> Post:
    return Post.objects.select_for_update().select_related("account", "author").get(pk=post.pk)


def _media_for(post: Post) -> tuple:
    return checking.engine_media(post.media.all(), platform=post.platform, captions=post.video_captions)


def _recheck(post: Post, *, period: dict | None = None) -> None:
    """Check the post as it now stands and keep the report, and the rules it triggered for the archive."""
    post.report = checking.run_check(
        post.text, platform=post.platform, kind=post.kind, media=_media_for(post), period=period
    )
    post.blocking = post.report["blocking"]
    post.save(update_fields=["report", "blocking", "updated_at"])
    PostFinding.objects.filter(post=post).delete()
    hits = {(f["rule"], f["severity"]) for f in post.report["findings"]}
    PostFinding.objects.bulk_create([PostFinding(post=post, rule=r, severity=s) for r, s in sorted(hits)])


def _revise(post: Post, *, by: Person | None, reason: str = "", by_approver: bool = False) -> Revision:
    number = (post.revisions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    return Revision.objects.create(
        post=post,
        number=number,
        text=post.text,
        scheduled_for=post.scheduled_for,
        media_ids=sorted(post.media.values_list("pk", flat=True)),
        text_hash=content_hash_of(post),
        report=post.report,
        made_by=by,
        reason=reason,
        by_approver=by_approver,
    )


def _sync_media_uses(post: Post, *, state: str, by: Person | None) -> None:
    """Tell the consent library which media the post now uses and at what stage (draft, scheduled,
    published, stopped), so a withdrawal reaches this post."""
    from herald.consents import services as consents

    consents.set_media_for(
        media_owner(post),
        post.media.all(),
        by=by or post.author,
        state=state,
        account=post.account,
        scheduled_for=post.scheduled_for,
        published_url=post.published_url,
    )


def _days_that_count(post: Post, *, now: dt.datetime | None = None) -> list[dt.date]:
    """Today (a post is decided now) and, when later, the day it goes out (it is published then)."""
    today = timezone.localdate(now) if now is not None else timezone.localdate()
    if post.scheduled_for is not None and timezone.localdate(post.scheduled_for) > today:
        return [today, timezone.localdate(post.scheduled_for)]
    return [today]


def media_problems(post: Post, *, now: dt.datetime | None = None) -> list[str]:
    """Why the post's media may not be used, today or on the day it goes out (consent that expires
    before then counts as expired): empty when every photo may be used on both days."""
    from herald.consents.services import asset_usability

    days = _days_that_count(post, now=now)
    today = days[0]
    problems = []
    for asset in post.media.all():
        for day in days:
            usability = asset_usability(asset, channel=post.platform, on=day)
            if not usability.usable:
                when = "" if day == today else f" on {day:%-d %B %Y}, the day it goes out"
                problems.append(
                    f"{asset.title} cannot be used on {post.account.get_platform_display()}{when}: "
                    + " ".join(usability.reasons)
                )
                break
    return problems


ACCOUNT_CLOSED = "The account was closed, so nothing more is posted on it"


def refuse_if_account_closed(post: Post) -> None:
    """Nothing more goes out on a closed account: its final post is up and its editors are gone."""
    if post.account.status == Account.Status.CLOSED:
        raise Refused(f"{post.account.display_name} has been closed: nothing more is posted on it")


def closed_account_refusal(account: Account) -> str:
    """What an author is told when they try to send a draft for approval on a closed account."""
    when = f" on {dateformat.format(account.closed_on, 'j F Y')}" if account.closed_on else ""
    return (
        f"You cannot send this post for approval because {account.display_name} was closed{when}. "
        "Move it to an account that is still open"
    )


def reply_elsewhere_refusal(platform: str) -> str:
    """A reply answers a comment on one platform: it can only go out there."""
    return f"A reply can only go out where the comment is: select a {platform} account"


def move_draft_to_account(post: Post, *, account: Account, by: Person) -> Post:
    """Move a draft (or a post sent back) to another account, keeping its text, time and media: for a
        draft left on an account that has since closed. Only its author may move it, and only to an open
        account they write for; it is checked again for the new account's platform. A reply stays on its
    platform: the comment it answers is there."""
    with transaction.atomic():
        post = _lock(post)
        if post.status not in (Post.Status.DRAFT, Post.Status.SENT_BACK):
            raise Refused("Only a draft or a post sent back can be moved to another account")
        if post.author_id != by.pk:
            raise Refused("Only the author of this post can move it to another account")
        if account.pk == post.account_id:
            raise Refused("Select a different account from the one the post is for", field="account")
        if not can_write_for(by, account):
            raise Refused("Select an open account that you post to", field="account")
        if post.kind == Post.Kind.REPLY and account.platform != post.account.platform:
            raise Refused(reply_elsewhere_refusal(post.account.get_platform_display()), field="account")
        before = _snapshot(post)
        moved_from = post.account
        post.account = account
        post.save()
        _recheck(post)
        audit.record(
            actor=by,
            action="post.moved_to_account",
            obj=post,
            before={**before, "account": moved_from.display_name},
            after={**_snapshot(post), "account": account.display_name},
            reason=f"Moved from {moved_from.display_name}"
            + (" (closed)" if moved_from.status == Account.Status.CLOSED else ""),
        )
    return post


def _check_media_usable(post: Post) -> None:
    problems = media_problems(post)
    if problems:
        raise Refused({"media": " ".join(problems)})


# --- Writing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PostContent:
    text: str
    scheduled_for: dt.datetime | None = None
    media: tuple = ()
    video_captions: bool = False


def _validate_content(content: PostContent, *, field: str = "text") -> None:
    if not content.text.strip():
        raise Refused("Enter the text of the post", field=field)


def write_post(
    *,
    accounts: Sequence[Account],
    texts: dict[str, str],
    scheduled_for: dt.datetime | None,
    media: Sequence = (),
    video_captions: bool = False,
    kind: str = Post.Kind.POST,
    reply_to_text: str = "",
    reply_to_url: str = "",
    by: Person,
) -> list[Post]:
    """Save a draft for each chosen account, with the text written for its platform. The drafts share a
    group so the author sees them together; each goes through its own account's approval."""
    if not accounts:
        raise Refused("Select at least one account", field="accounts")
    if kind == Post.Kind.REPLY and not reply_to_text.strip():
        raise Refused("Enter the comment you are replying to", field="reply_to_text")
    if kind == Post.Kind.REPLY and len({a.platform for a in accounts}) > 1:
        raise Refused(
            "A reply can only go out where the comment is: select accounts on the comment's platform only",
            field="accounts",
        )
    refused = [a for a in accounts if not can_write_for(by, a)]
    if refused:
        raise Refused(
            f"You cannot write for {refused[0].display_name}: you are not one of its editors", field="accounts"
        )
    for account in accounts:
        if not texts.get(account.platform, "").strip():
            raise Refused(f"Enter the text for {account.get_platform_display()}", field=f"text_{account.platform}")
    if scheduled_for is not None and scheduled_for <= timezone.now():
        raise Refused("The scheduled time must be in the future", field="scheduled_for")
    posts = []
    with transaction.atomic():
        group = None
        for account in accounts:
            post = Post(
                account=account,
                author=by,
                kind=kind,
                reply_to_text=reply_to_text.strip(),
                reply_to_url=reply_to_url.strip(),
                text=texts[account.platform].strip(),
                scheduled_for=scheduled_for,
                video_captions=video_captions,
            )
            if group is not None:
                post.group = group
            post.save()
            group = post.group
            post.media.set(media)
            _recheck(post)
            _revise(post, by=by, reason="Written")
            _sync_media_uses(post, state="draft", by=by)
            audit.record(actor=by, action="post.written", obj=post, after=_snapshot(post))
            posts.append(post)
    return posts


def edit_post(post: Post, content: PostContent, *, by: Person, reason: str = "") -> Post:
    """Change a post's text, time or media. The change is recorded as a new version by whoever made it,
    with the diff in the history, and the check runs again. A change to what would be published while
    the post awaits approval voids the approvals given so far (they stay in the record) and sends it back
    to the first tier; whoever made it cannot approve the new text. A change of time alone keeps them."""
    _validate_content(content)
    with transaction.atomic():
        post = _lock(post)
        if not can_edit(post, by):
            raise Refused("You cannot change this post now")
        if content.scheduled_for is not None and content.scheduled_for <= timezone.now():
            raise Refused("The scheduled time must be in the future", field="scheduled_for")
        awaiting = post.status == Post.Status.AWAITING_APPROVAL
        by_approver = awaiting and by.pk != post.author_id
        if awaiting and content.scheduled_for is None:
            raise Refused("Enter when the post should go out", field="scheduled_for")
        before = _snapshot(post)
        before_media = sorted(post.media.values_list("pk", flat=True))
        post.text = content.text.strip()
        post.scheduled_for = content.scheduled_for
        post.video_captions = content.video_captions
        post.save()
        post.media.set(content.media)
        after = _snapshot(post)
        if after == before and sorted(post.media.values_list("pk", flat=True)) == before_media:
            return post
        if awaiting:
            _check_media_usable(post)
        earlier = current_text_version(post)
        # awaiting approval, it is checked under the rules of the day it goes out too, as approving checks it
        _recheck(post, period=_period_for(post) if awaiting else None)
        _revise(post, by=by, reason=reason.strip(), by_approver=by_approver)
        _sync_media_uses(post, state="scheduled" if awaiting else "draft", by=by)
        audit.record(actor=by, action="post.edited", obj=post, before=before, after=_snapshot(post), reason=reason)
        if awaiting and earlier is not None and earlier.text_hash != content_hash_of(post):
            _restart_approval(post, earlier=earlier, by=by)
    return post


def _approvals_counting_for(post: Post, version: TextVersion | None) -> list[int]:
    """The approvals of this round that count for `version`: the ones a change of content voids."""
    return [
        approval.pk
        for approval in post.approvals.filter(round=post.round, decision=Approval.Decision.APPROVED)
        if approval_counts(approval, post, version)
    ]


def _restart_approval(post: Post, *, earlier: TextVersion, by: Person) -> None:
    """The text changed while awaiting approval: what was approved is no longer what would be published,
    so every tier decides again from the first. Refused if a tier would be left with nobody to decide."""
    voided = _approvals_counting_for(post, earlier)
    for tier in post.plan:
        if not eligible_approvers(post, tier["position"]):
            raise Refused(
                f"If you change the text, nobody else in tier {tier['position']} could approve it. Add a "
                f"note with the change you want, or send the post back to its author"
            )
    before = _snapshot(post)
    post.current_tier = 1
    post.save()
    if voided:
        audit.record(
            actor=by,
            action="post.approvals_voided",
            obj=post,
            before=before,
            after={**_snapshot(post), "approvals": voided, "revision": latest_revision_number(post)},
            reason="The text changed after these approvals were given",
        )
    if voided or before["current_tier"] != 1:
        _tell_approvers(post)


def recheck_post(post: Post, *, by: Person | None = None) -> Post:
    with transaction.atomic():
        post = _lock(post)
        _recheck(post)
    return post


def _merge_periods(periods: Sequence[dict]) -> dict:
    """One set of pre-election rules from several days': any period in force counts, and a whole-council
    period (wards None) makes the whole council restricted."""
    active = [p for p in periods if p["pre_election"]]
    if not active:
        return {"pre_election": False, "wards": None}
    if any(p["wards"] is None for p in active):
        return {"pre_election": True, "wards": None}
    return {"pre_election": True, "wards": sorted({w for p in active for w in p["wards"]})}


def _covers(checked: dict, period: dict) -> bool:
    """Whether a check run under the pre-election rules `checked` ({"pre_election", "wards"}; wards empty or
    None for the whole council) already applies the rules of `period`: the same period or a wider one."""
    if not period["pre_election"]:
        return True
    if not checked.get("pre_election"):
        return False
    checked_wards = checked.get("wards") or []
    if not checked_wards:
        return True  # checked under a whole-council period
    return period["wards"] is not None and set(period["wards"]) <= set(checked_wards)


def _needs_routing(post: Post, period: dict) -> bool:
    """A period applies to the post that it has not been routed and checked under: none yet, or only a
    narrower one (a by-election in some wards, and now a whole-council poll)."""
    checked = {"pre_election": post.report.get("pre_election"), "wards": post.report.get("pre_election_wards")}
    return period["pre_election"] and not (post.pre_election and _covers(checked, period))


def _period_for(post: Post, *, now: dt.datetime | None = None) -> dict:
    """The pre-election rules that apply to a post: those in force today (it is decided now) and on the
    day it is to go out (it is published then), so a post approved before a period for a day inside it
    is checked and approved under the period's rules."""
    return _merge_periods([checking.pre_election(day) for day in _days_that_count(post, now=now)])


def _plan_for(post: Post, *, period: dict) -> list[dict]:
    """The approval tiers for this post as they stand now. With no rule the communications team
    approves. In a pre-election period the communications team approves as an extra, final tier."""
    comms = [p.pk for p in comms_team()]
    plan: list[dict] = []
    for rule in ApprovalTier.objects.filter(account=post.account).prefetch_related("approvers"):
        people = [p.pk for p in rule.approvers.all() if p.is_active]
        names = ", ".join(p.full_name for p in rule.approvers.all() if p.is_active)
        plan.append(
            {
                "position": rule.position,
                "mode": rule.mode,
                "approvers": people,
                "label": names,
                "comms": False,
                "repeat": rule.same_person_may_approve_again,
            }
        )
    if not plan:
        plan.append(
            {"position": 1, "mode": "any", "approvers": comms, "label": "The communications team", "comms": True}
        )
    barred = {post.author_id, last_text_changer_id(post)}
    for tier in plan:
        # Nobody approves their own post or text: if the author (or whoever last changed the text) is the
        # only approver left, the communications team decides.
        others = [pk for pk in tier["approvers"] if pk not in barred]
        if not others:
            tier.update(mode="any", approvers=comms, label="The communications team (no other approver in this tier)")
    if period["pre_election"] and not plan[-1]["comms"]:
        plan.append(
            {
                "position": len(plan) + 1,
                "mode": "any",
                "approvers": comms,
                "label": PRE_ELECTION_TIER_LABEL,
                "comms": True,
                "pre_election": True,
            }
        )
    return plan


def submit_for_approval(post: Post, *, by: Person) -> Post:
    """Send a draft for approval under its account's rule. It needs a time in the future."""
    with transaction.atomic():
        post = _lock(post)
        if post.status not in (Post.Status.DRAFT, Post.Status.SENT_BACK):
            raise Refused("Only a draft or a post sent back can be sent for approval")
        if post.author_id != by.pk and not can_write_for(by, post.account):
            raise Refused("Only the author or an editor of the account can send this post for approval")
        if post.account.status == Account.Status.CLOSED:
            raise Refused(closed_account_refusal(post.account))
        if not post.text.strip():
            raise Refused("Enter the text of the post", field="text")
        if post.scheduled_for is None:
            raise Refused("Enter when the post should go out before sending it for approval", field="scheduled_for")
        if post.scheduled_for <= timezone.now():
            raise Refused("The scheduled time has passed: choose a time in the future", field="scheduled_for")
        _check_media_usable(post)
        period = _period_for(post)
        before = _snapshot(post)
        _recheck(post, period=period)
        post.plan = _plan_for(post, period=period)
        barred = {post.author_id, last_text_changer_id(post)}
        if any(not [pk for pk in tier["approvers"] if pk not in barred] for tier in post.plan):
            raise Refused(
                "Nobody can approve this post: ask the communications team to set the account's approval rule"
            )
        if not distinct_approvers_possible(post.plan, barred):
            raise Refused(
                "This post needs a different person to approve each tier, and there are not enough approvers: "
                "ask the communications team to add approvers to the account's approval rule"
            )
        post.pre_election = period["pre_election"]
        post.round += 1
        post.current_tier = 1
        post.status = Post.Status.AWAITING_APPROVAL
        post.submitted_at = timezone.now()
        post.sent_back_reasons = ""
        post.save()
        _sync_media_uses(post, state="scheduled", by=by)
        audit.record(actor=by, action="post.submitted", obj=post, before=before, after=_snapshot(post))
        _tell_approvers(post)
    return post


PRE_ELECTION_TIER_LABEL = "The communications team (pre-election period)"


PRE_ELECTION_AGAIN_LABEL = "The communications team (checked again under the pre-election rules)"


def _route_for_pre_election(post: Post, *, period: dict, now: dt.datetime | None = None) -> None:
    """A post awaiting approval when a pre-election period begins (or approved for a day inside one, or
    checked under a narrower period than now covers it): checked again in pre-election mode and, unless
    the communications team already decide its last tier, given them as a final tier. An approved post
    waits for that tier; one whose last tier was already the communications team's stays approved unless
    the pre-election check now blocks it, and then the team decide it again on a new tier of its own: the
    decisions at the old one were for other rules, and whoever gave them may have left or be the only one
    who could decide. An approved post held at or after its time waits for them to give it a new time."""
    before = _snapshot(post)
    widened = post.pre_election
    _recheck(post, period=period)
    plan = list(post.plan)
    was_approved = post.status == Post.Status.APPROVED
    added = bool(plan) and not plan[-1].get("comms")
    decide_again = not added and was_approved and post.blocking and not post.override_covers_blocks
    if added or decide_again:
        comms = [p.pk for p in comms_team()]
        plan.append(
            {
                "position": len(plan) + 1,
                "mode": "any",
                "approvers": comms,
                "label": PRE_ELECTION_TIER_LABEL if added else PRE_ELECTION_AGAIN_LABEL,
                "comms": True,
                "pre_election": True,
                # deciding again under new rules, not another pair of eyes: an earlier approval does not bar
                **({"repeat": True} if decide_again else {}),
            }
        )
    post.plan = plan
    post.pre_election = True
    if was_approved and (added or decide_again):
        post.status = Post.Status.AWAITING_APPROVAL
        post.current_tier = len(plan)
        post.approved_at = None
        post.held_at = now or timezone.now()
    # Nobody on the communications team may decide it (there is no team, or its only members wrote the
    # post or last changed its text): it goes back to its author rather than waiting for no one.
    stranded = was_approved and post.status == Post.Status.AWAITING_APPROVAL and not eligible_approvers(post)
    if stranded:
        _return_to_author(post, reasons=PRE_ELECTION_STRANDED)
    post.save()
    if widened:
        reason = "A wider pre-election period than it was checked under now covers it: checked again under its rules"
    elif was_approved:
        reason = "It goes out in a pre-election period, approved before the period's rules applied"
    else:
        reason = "A pre-election period began while the post awaited approval"
    audit.record(
        actor=None,
        action="post.routed_for_pre_election",
        obj=post,
        before=before,
        after=_snapshot(post),
        reason=reason,
    )
    if stranded:
        _tell_author_sent_back(post, by=None)
        audit.record(actor=None, action="post.sent_back", obj=post, after=_snapshot(post), reason=PRE_ELECTION_STRANDED)
    elif was_approved and post.status == Post.Status.AWAITING_APPROVAL:
        _tell_approvers(post)


PRE_ELECTION_STRANDED = (
    "It goes out in a pre-election period, so the communications team must decide it again, and nobody on "
    "the team may: a post is never approved by whoever wrote it or last changed its text. Ask another "
    "communications officer to be added to the team, then send it again"
)

ROUTABLE = (Post.Status.AWAITING_APPROVAL, Post.Status.APPROVED)


def route_waiting_posts_for_pre_election() -> list[Post]:
    """Every post awaiting approval, or approved and waiting for its time, that was not checked under the
    pre-election rules in force today or on the day it goes out (no period yet, or only a narrower one):
    checked again and routed to the communications team (run every few minutes, and by every approval)."""
    from herald.elections import selectors as elections

    today = timezone.localdate()
    ahead = [
        (e.period_starts_on, e.period_ends_on, None if e.is_whole_council else list(e.wards))
        for e in elections.periods_between(today, dt.date.max)
    ]
    if not ahead:
        return []  # no period today or to come: nothing to route, and no row is locked

    def period_on(day: dt.date) -> dict:
        return _merge_periods(
            [{"pre_election": True, "wards": wards} for first, last, wards in ahead if first <= day <= last]
        )

    def period_for(when: dt.datetime | None) -> dict:
        days = [today]
        if when is not None and timezone.localdate(when) > today:
            days.append(timezone.localdate(when))
        return _merge_periods([period_on(day) for day in days])

    candidates = Post.objects.filter(status__in=ROUTABLE).values_list(
        "pk", "scheduled_for", "pre_election", "report__pre_election", "report__pre_election_wards"
    )
    due = [
        pk
        for pk, when, routed, checked, wards in candidates
        if (period := period_for(when))["pre_election"]
        and not (routed and _covers({"pre_election": checked, "wards": wards}, period))
    ]
    routed_now = []
    for pk in due:
        with transaction.atomic():
            post = _lock(Post(pk=pk))
            if post.status not in ROUTABLE:
                continue
            period = _period_for(post)
            if _needs_routing(post, period):
                _route_for_pre_election(post, period=period)
                routed_now.append(post)
    return routed_now


PERIOD_LAPSED_NO_NEW_TIME = (
    "The pre-election period it was held for no longer covers it (the election was cancelled or its dates "
    "corrected), but its scheduled time passed while it waited for the communications team: give it a new "
    "time, then send it again"
)


def release_posts_from_lapsed_periods(*, now: dt.datetime | None = None) -> list[Post]:
    """A post awaiting approval on a tier the communications team were given only because of a
    pre-election period (PRE_ELECTION_TIER_LABEL, PRE_ELECTION_AGAIN_LABEL), when no period now covers it
    today or on the day it goes out (the election was cancelled, or its dates corrected): that tier is
    taken out, the post is checked again under the ordinary rules, and it goes back to the route it would
    have had. Waiting at an earlier tier, it stays there (its own approvers decide it, and comms no longer
    need to); waiting at the comms tier, its own approvers have already approved it, so it is approved
    (or, if its time passed while it was held, goes back to its author for a new time). A post still
    blocked under the ordinary rules stays with the communications team, who alone may override a block.
    Posts at comms for other reasons (no approval rule, nobody else to approve, a leaver) are untouched.
    The author is told, and the post's history says why. Run when an election is cancelled or changed,
    and every few minutes."""
    now = now or timezone.now()
    candidates = Post.objects.filter(status=Post.Status.AWAITING_APPROVAL, pre_election=True).values_list("pk", "plan")
    due = [pk for pk, plan in candidates if any(tier.get("pre_election") for tier in plan)]
    released = []
    for pk in due:
        with transaction.atomic():
            post = _lock(Post(pk=pk))
            if post.status != Post.Status.AWAITING_APPROVAL or not any(t.get("pre_election") for t in post.plan):
                continue
            period = _period_for(post, now=now)
            if period["pre_election"]:
                continue  # a period (this one, or another) still covers it
            kept_tiers = sum(1 for tier in post.plan if not tier.get("pre_election"))
            would_approve = post.current_tier > kept_tiers and not (
                post.scheduled_for is not None and post.scheduled_for <= now
            )
            if would_approve and pause_covering(post.account) is not None:
                # Publishing is stopped: nobody may approve it now (approve_post refuses), so neither does
                # this. It stays with comms until publishing restarts, when this task's next run releases it.
                continue
            before = _snapshot(post)
            _recheck(post, period=period)
            kept = [dict(tier) for tier in post.plan if not tier.get("pre_election")]
            at_comms = post.current_tier > len(kept)
            if at_comms and post.blocking and not post.override_covers_blocks:
                post.save()  # the ordinary rules block it too: only the communications team may override
                continue
            for position, tier in enumerate(kept, start=1):
                tier["position"] = position
            post.plan = kept
            post.pre_election = False
            sent_back = False
            if at_comms and post.scheduled_for is not None and post.scheduled_for <= now:
                _return_to_author(post, reasons=PERIOD_LAPSED_NO_NEW_TIME)
                post.held_at = None
                sent_back = True
            elif at_comms:
                post.status = Post.Status.APPROVED
                post.current_tier = len(kept)
                post.approved_at = now
                post.approved_revision = latest_revision_number(post)
                post.held_at = None
            post.save()
            audit.record(
                actor=None,
                action="post.released_from_pre_election",
                obj=post,
                before=before,
                after=_snapshot(post),
                reason=PERIOD_LAPSED_REASON,
            )
            if sent_back:
                _tell_author_sent_back(post, by=None)
            else:
                notify(
                    "post_released_from_pre_election",
                    to=[post.author],
                    context={"post": post, "approved": at_comms, "link": _link("posts:detail", post.pk)},
                )
            released.append(post)
    return released


PERIOD_LAPSED_REASON = (
    "No pre-election period covers it any more (the election was cancelled or its dates corrected): the "
    "communications team's pre-election tier was taken out and it is back on its own approval route"
)


def _tell_approvers(post: Post) -> None:
    tier = post.tier(post.current_tier)
    people = Person.objects.filter(pk__in=eligible_approvers(post))
    notify("post_to_approve", to=people, context={"post": post, "tier": tier, "link": _link("posts:detail", post.pk)})


HELD_PAST_ITS_TIME = (
    "Its scheduled time passed while it was held for the communications team, so it did not go out: "
    "give it a new time (Change), then approve it"
)
TEXT_CHANGED_SINCE_SEEN = "The text changed since you opened this page: read the new version before you approve it"


def approve_post(post: Post, *, by: Person, note: str = "", seen_hash: str | None = None) -> Post:
    """Approve the open tier. Nobody approves their own post; a post that blocks cannot be approved
    unless the communications team has overridden the block. When the last tier is complete the post
    is approved and waits for its time. While publishing is stopped on the account no tier can be
    approved; the refusal is audited."""
    try:
        return _approve_post(post, by=by, note=note, seen_hash=seen_hash)
    except PublishingStopped as refusal:
        _record_refusal(refusal, by=by)
        raise


def _approve_post(post: Post, *, by: Person, note: str, seen_hash: str | None) -> Post:
    with transaction.atomic():
        post = _lock(post)
        if post.status != Post.Status.AWAITING_APPROVAL:
            raise Refused("This post is not awaiting approval")
        refuse_if_account_closed(post)
        # From the page, an approval is of the text the approver was shown (`seen_hash`, sent with the
        # form): if anything that would be published changed since, they must read it again.
        if seen_hash is not None and not hmac.compare_digest(seen_hash, content_hash_of(post)):
            raise Refused(TEXT_CHANGED_SINCE_SEEN)
        if by.pk == post.author_id:
            raise Refused("You wrote this post: someone else must approve it")
        version = current_text_version(post)
        if version is not None and by.pk == version.made_by_id:
            raise Refused(CHANGED_TEXT_REFUSAL)
        if by.pk not in eligible_approvers(post):
            tier_now = post.tier(post.current_tier) or {}
            if by.pk in approved_earlier_tiers(post, post.current_tier) and by.pk in tier_now.get("approvers", ()):
                raise Refused(
                    "You approved an earlier tier of this post: each person's approval counts once, so "
                    "someone else must approve this tier"
                )
            raise Refused("You are not an approver for this stage of the post, or you have already approved it")
        # While publishing is stopped nothing moves towards publication, not even one tier.
        _hold_if_stopped(post, "approve")
        if post.held_past_its_time:
            raise Refused(HELD_PAST_ITS_TIME)
        if post.scheduled_for and post.scheduled_for <= timezone.now():
            raise Refused("The scheduled time has passed, so the post has expired: the author can reschedule it")
        # The rules in force now and on the day it goes out (a pre-election period may have begun, or been
        # recorded, since it was written).
        period = _period_for(post)
        if _needs_routing(post, period):
            _route_for_pre_election(post, period=period)
        else:
            _recheck(post, period=period)
        if post.blocking and not post.override_covers_blocks:
            raise Refused(
                "This post breaks the policy (see the findings marked 'Blocks'). Send it back, or the "
                "communications team may override the block with a written justification"
            )
        before = _snapshot(post)
        Approval.objects.create(
            post=post,
            round=post.round,
            tier=post.current_tier,
            person=by,
            decision=Approval.Decision.APPROVED,
            reasons=note.strip(),
            revision=latest_revision_number(post),
            text_hash=version.text_hash if version else content_hash_of(post),
        )
        # A post awaiting approval always has its current tier in its plan.
        tier = cast(dict, post.tier(post.current_tier))
        done = tier["mode"] == "any" or not eligible_approvers(post)
        action = "post.tier_approved"
        if done and post.current_tier >= len(post.plan):
            post.status = Post.Status.APPROVED
            post.approved_at = timezone.now()
            post.approved_revision = latest_revision_number(post)
            action = "post.approved"
        elif done:
            post.current_tier += 1
        post.save()
        audit.record(actor=by, action=action, obj=post, before=before, after=_snapshot(post), reason=note.strip())
        if post.status == Post.Status.APPROVED:
            notify("post_approved", to=[post.author], context={"post": post, "link": _link("posts:detail", post.pk)})
        elif done:
            _tell_approvers(post)
    return post


def send_back(post: Post, *, by: Person, reasons: str) -> Post:
    """Return a post to its author with reasons; approvals in this round no longer count."""
    if not reasons.strip():
        raise Refused("Enter why you are sending the post back", field="reasons")
    with transaction.atomic():
        post = _lock(post)
        if post.status != Post.Status.AWAITING_APPROVAL:
            raise Refused("This post is not awaiting approval")
        if not can_send_back(post, by):
            raise Refused("Only an approver for this stage can send the post back")
        before = _snapshot(post)
        Approval.objects.create(
            post=post,
            round=post.round,
            tier=post.current_tier,
            person=by,
            decision=Approval.Decision.SENT_BACK,
            reasons=reasons.strip(),
            revision=latest_revision_number(post),
            text_hash=content_hash_of(post),
        )
        _return_to_author(post, reasons=reasons.strip())
        post.save()
        _tell_author_sent_back(post, by=by)
        audit.record(actor=by, action="post.sent_back", obj=post, before=before, after=_snapshot(post), reason=reasons)
    return post


def _return_to_author(post: Post, *, reasons: str) -> None:
    """The post goes back to its author with the reasons, out of every tier: the caller saves it, then
    calls _tell_author_sent_back."""
    post.status = Post.Status.SENT_BACK
    post.current_tier = 0
    post.sent_back_reasons = reasons


def _tell_author_sent_back(post: Post, *, by: Person | None) -> None:
    """After a post sent back is saved: its media are drafts again and, once the transaction commits, its
    author is told why, and by whom (Herald when nobody sent it back: a leaver's posts, a pre-election
    period)."""
    _sync_media_uses(post, state="draft", by=by)
    notify(
        "post_sent_back",
        to=[post.author],
        context={
            "post": post,
            "by": by,
            "reasons": post.sent_back_reasons,
            "link": _link("posts:detail", post.pk),
        },
    )


def override_block(post: Post, *, by: Person, justification: str) -> Post:
    """The communications team lets a blocked post go forward, with a written justification that is kept
    and reported. It covers the rules blocking now; a later change that blocks on another rule needs a
    new override."""
    if not by.has_role(Role.COMMS):
        raise Refused("Only the communications team can override a block")
    if len(justification.strip()) < 20:
        raise Refused(
            {"justification": "Explain in at least 20 characters why the post should go out despite the block"}
        )
    with transaction.atomic():
        post = _lock(post)
        if by.pk == post.author_id:
            raise Refused("You wrote this post: another member of the communications team must decide on the block")
        if post.status != Post.Status.AWAITING_APPROVAL:
            raise Refused("Only a post awaiting approval can have a block overridden")
        # the rules approving it will apply: today's and those of the day it goes out
        _recheck(post, period=_period_for(post))
        if not post.blocking:
            raise Refused("Nothing in this post blocks it now")
        before = _snapshot(post)
        post.override_by = by
        post.override_at = timezone.now()
        post.override_justification = justification.strip()
        post.override_rules = post.block_rules
        post.save()
        audit.record(
            actor=by,
            action="post.block_overridden",
            obj=post,
            before=before,
            after=_snapshot(post),
            reason=justification.strip(),
        )
    return post


def add_note(post: Post, *, by: Person, text: str) -> Note:
    """A private note for the author and approvers. Notes are never published."""
    if not text.strip():
        raise Refused("Enter the note", field="text")
    with transaction.atomic():
        note = Note.objects.create(post=post, author=by, text=text.strip())
        audit.record(actor=by, action="post.note_added", obj=post, after={"note": note.pk, "text": note.text})
    return note


def cancel_post(post: Post, *, by: Person, reason: str) -> Post:
    """Withdraw a post that has not been published. Its record stays."""
    if not reason.strip():
        raise Refused("Enter why the post is being cancelled", field="reason")
    with transaction.atomic():
        post = _lock(post)
        if post.status in (Post.Status.PUBLISHED, Post.Status.CANCELLED, Post.Status.EXPIRED):
            raise Refused("This post can no longer be cancelled")
        if post.author_id != by.pk and not by.has_role(Role.COMMS) and not can_write_for(by, post.account):
            raise Refused("Only the author, an editor of the account or the communications team can cancel it")
        before = _snapshot(post)
        post.status = Post.Status.CANCELLED
        post.cancelled_reason = reason.strip()
        post.save()
        _sync_media_uses(post, state="stopped", by=by)
        audit.record(actor=by, action="post.cancelled", obj=post, before=before, after=_snapshot(post), reason=reason)
    return post


def reopen_post(post: Post, *, by: Person) -> Post:
    """Bring an expired post back as a draft so its author can give it a new time."""
    with transaction.atomic():
        post = _lock(post)
        if post.status != Post.Status.EXPIRED:
            raise Refused("Only an expired post can be reopened")
        if post.author_id != by.pk and not can_write_for(by, post.account):
            raise Refused("Only the author or an editor of the account can reopen it")
        before = _snapshot(post)
        post.status = Post.Status.DRAFT
        post.current_tier = 0
        post.expired_at = None
        post.save()
        audit.record(actor=by, action="post.reopened", obj=post, before=before, after=_snapshot(post))
    return post


# --- Leavers ----------------------------------------------------------------------------------


LEAVER_TIER_LABEL = "The communications team (the approver has left)"


def reroute_posts_of_leaver(person: Person, *, by: Person | None = None) -> list[Post]:
    """Called when someone leaves the council (registered in PostsConfig.ready()). They can no longer
    approve, so they are taken out of the tiers of every post awaiting approval: a tier left with nobody
    else to decide goes to the communications team, and an open tier where everyone else has already
    approved is complete."""
    changed = []
    waiting = Post.objects.filter(status=Post.Status.AWAITING_APPROVAL).values_list("pk", "plan")
    theirs = [pk for pk, plan in waiting if any(person.pk in tier["approvers"] for tier in plan)]
    for pk in theirs:
        with transaction.atomic():
            post = _lock(Post(pk=pk))
            if post.status != Post.Status.AWAITING_APPROVAL:
                continue
            if not any(person.pk in tier["approvers"] for tier in post.plan):
                continue
            before = _snapshot(post)
            barred = {post.author_id, last_text_changer_id(post)}
            comms = [p.pk for p in comms_team() if p.pk != person.pk]
            plan = []
            for tier in post.plan:
                tier = dict(tier)
                if person.pk in tier["approvers"]:
                    tier["approvers"] = [pk for pk in tier["approvers"] if pk != person.pk]
                    if not [pk for pk in tier["approvers"] if pk not in barred]:
                        tier.update(mode="any", approvers=comms, label=LEAVER_TIER_LABEL, comms=True)
                    else:
                        names = Person.objects.filter(pk__in=tier["approvers"]).order_by("last_name", "first_name")
                        tier["label"] = ", ".join(p.full_name for p in names)
                plan.append(tier)
            post.plan = plan
            open_tier = cast(dict, post.tier(post.current_tier))
            version = current_text_version(post)
            decided = any(
                approval_counts(approval, post, version)
                for approval in post.approvals.filter(round=post.round, tier=post.current_tier)
            )
            complete = open_tier["mode"] == "all" and decided and not eligible_approvers(post)
            if complete and post.current_tier >= len(post.plan) and post.blocking and not post.override_covers_blocks:
                # the last tier is complete, but a finding blocks it: only the communications team may
                # override a block, so they decide (as an approver would have had to ask them)
                post.plan = [
                    *post.plan,
                    {"position": len(post.plan) + 1, "mode": "any", "approvers": comms,
                     "label": LEAVER_TIER_LABEL, "comms": True},
                ]  # fmt: skip
                post.current_tier += 1
            elif complete and post.current_tier >= len(post.plan):
                post.status = Post.Status.APPROVED
                post.approved_at = timezone.now()
                post.approved_revision = latest_revision_number(post)
            elif complete:
                post.current_tier += 1
            stranded = post.status == Post.Status.AWAITING_APPROVAL and not eligible_approvers(post)
            if stranded:  # nobody is left who may decide this tier (no communications team either)
                _return_to_author(
                    post,
                    reasons=f"{person.full_name} has left the council and nobody else may approve this post: ask "
                    "the communications team to set the account's approval rule, then send it again",
                )
            post.save()
            audit.record(
                actor=by,
                action="post.approver_left",
                obj=post,
                before=before,
                after=_snapshot(post),
                reason=f"{person.full_name} has left the council and can no longer approve",
            )
            if post.status == Post.Status.APPROVED:
                notify(
                    "post_approved", to=[post.author], context={"post": post, "link": _link("posts:detail", post.pk)}
                )
            elif stranded:
                _tell_author_sent_back(post, by=None)
            else:
                _tell_approvers(post)
            changed.append(post)
    return changed


# --- Time passing ------------------------------------------------------------------------------


def expire_overdue_posts(*, now: dt.datetime | None = None) -> list[Post]:
    """A post still awaiting approval (or sent back) when its time comes expires; so does one left
    pending for 90 days."""
    now = now or timezone.now()
    due = Post.objects.filter(status__in=[Post.Status.AWAITING_APPROVAL, Post.Status.SENT_BACK]).filter(
        models_q_due(now)
    )
    expired = []
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            post = Post.objects.select_for_update().select_related("account", "author").get(pk=pk)
            if post.status not in (Post.Status.AWAITING_APPROVAL, Post.Status.SENT_BACK):
                continue
            before = _snapshot(post)
            time_came = post.scheduled_for is not None and post.scheduled_for <= now and not post.held_past_its_time
            post.status = Post.Status.EXPIRED
            post.expired_at = now
            post.current_tier = 0
            post.save()
            _sync_media_uses(post, state="stopped", by=None)
            reason = "Not approved before its scheduled time"
            if not time_came:
                reason = f"Pending approval for more than {PENDING_DAYS} days"
            audit.record(
                actor=None, action="post.expired", obj=post, before=before, after=_snapshot(post), reason=reason
            )
            notify(
                "post_expired",
                to=[post.author],
                context={"post": post, "reason": reason, "link": _link("posts:detail", post.pk)},
            )
            expired.append(post)
    return expired


def models_q_due(now: dt.datetime) -> Q:
    """Posts whose time has come, or pending too long. One held for the communications team at or after
    its time is not overdue by its time (it never had the chance): it waits for a new time."""
    from django.db.models import F, Q

    held_past_its_time = Q(status=Post.Status.AWAITING_APPROVAL, held_at__isnull=False, held_at__gte=F("scheduled_for"))
    # pending counts from the later of being sent for approval and being held: a post approved months
    # ahead and held at its time has been waiting on the communications team only since the hold
    cutoff = now - dt.timedelta(days=PENDING_DAYS)
    pending_too_long = Q(submitted_at__lte=cutoff) & (Q(held_at__isnull=True) | Q(held_at__lte=cutoff))
    return (Q(scheduled_for__lte=now) & ~held_past_its_time) | pending_too_long


# --- Rules and retention -----------------------------------------------------------------------


@dataclass(frozen=True)
class TierSpec:
    mode: str
    approvers: tuple[Person, ...]


def set_approval_rule(
    account: Account, tiers: Sequence[TierSpec], *, by: Person, same_person_may_approve_again: bool = False
) -> list[ApprovalTier]:
    """Replace an account's approval rule: up to three tiers, each with its approvers and any/all.
    Posts already awaiting approval keep the tiers they were submitted under."""
    if len(tiers) > MAX_TIERS:
        raise Refused(f"An approval rule has at most {MAX_TIERS} tiers", field="tiers")
    for number, tier in enumerate(tiers, 1):
        if tier.mode not in ApprovalTier.Mode.values:
            raise Refused({f"tier_{number}_mode": f"Select whether any or all approvers in tier {number} must approve"})
        if not tier.approvers:
            raise Refused(f"Select at least one approver for tier {number}", field=f"tier_{number}_approvers")
        for person in tier.approvers:
            if not person.has_role(*APPROVER_ROLES):
                raise Refused(
                    {
                        f"tier_{number}_approvers": f"{person.full_name} cannot approve posts: choose an "
                        "editor, service manager or member of the communications team"
                    }
                )
    plan = [
        {"mode": tier.mode, "approvers": [p.pk for p in tier.approvers], "repeat": same_person_may_approve_again}
        for tier in tiers
    ]
    if not distinct_approvers_possible(plan, barred=set()):
        raise Refused(
            "Each tier needs a different person to approve, and these tiers do not have enough different "
            "approvers: add approvers, or allow the same person to approve more than one tier",
            field="tier_1_approvers",
        )
    with transaction.atomic():
        before = [
            {
                "position": t.position,
                "mode": t.mode,
                "approvers": sorted(t.approvers.values_list("pk", flat=True)),
                "same_person_may_approve_again": t.same_person_may_approve_again,
            }
            for t in ApprovalTier.objects.filter(account=account)
        ]
        ApprovalTier.objects.filter(account=account).delete()
        made = []
        for number, tier in enumerate(tiers, 1):
            row = ApprovalTier.objects.create(
                account=account,
                position=number,
                mode=tier.mode,
                same_person_may_approve_again=same_person_may_approve_again,
            )
            row.approvers.set(tier.approvers)
            made.append(row)
        after = [
            {
                "position": n,
                "mode": t.mode,
                "approvers": sorted(p.pk for p in t.approvers),
                "same_person_may_approve_again": same_person_may_approve_again,
            }
            for n, t in enumerate(tiers, 1)
        ]
        audit.record(
            actor=by, action="posts.approval_rule_set", obj=account, before={"tiers": before}, after={"tiers": after}
        )
    return made


# --- Consent withdrawn -------------------------------------------------------------------------


# Why a post was stopped, in the words its page, its email and the audit trail give.
_STOPPED_BECAUSE = {
    withdrawal.Why.WITHDRAWN: "Consent was withdrawn by someone shown in its media",
    withdrawal.Why.DO_NOT_PUBLISH: "Someone shown in its media is flagged 'do not publish'",
    withdrawal.Why.ERASED: "The personal details of someone shown in its media were erased",
}


def stop_posts_for_withdrawn_consent(
    post_ids: Sequence[int], *, by: Person | str | None, why: withdrawal.Why = withdrawal.Why.WITHDRAWN
) -> list[Post]:
    """Called by the consent library when someone shown in these posts' media withdraws consent, is
    flagged "do not publish" or has their details erased (registered in PostsConfig.ready()). Unpublished
    posts are taken out of the workflow (cancelled, with the reason); published posts keep their record
    and show the open takedown task until it is done."""
    from herald.consents import services as consents

    finished = [Post.Status.PUBLISHED, Post.Status.CANCELLED, Post.Status.EXPIRED]
    stopped = []
    for post in Post.objects.filter(pk__in=post_ids).exclude(status__in=finished):
        with transaction.atomic():
            post = _lock(post)
            # It may have been published, or stopped, since it was read above: look again under the lock.
            if post.status == Post.Status.PUBLISHED:
                consents.take_down_owner(media_owner(post), by=by)
            if post.status in finished:
                continue
            before = _snapshot(post)
            post.status = Post.Status.CANCELLED
            post.cancelled_reason = _STOPPED_BECAUSE[withdrawal.Why(why)]
            post.save()
            audit.record(
                actor=by if getattr(by, "pk", None) else None,
                action="post.stopped_consent_withdrawn",
                obj=post,
                before=before,
                after=_snapshot(post),
                reason=post.cancelled_reason,
            )
            people = {post.author, *post.account.active_editors()}
            notify(
                "post_stopped_by_withdrawal", to=people, context={"post": post, "link": _link("posts:detail", post.pk)}
            )
            stopped.append(post)
    return stopped


def approve_again_after_media_change(post_ids: Sequence[int], *, by: Person | None) -> list[Post]:
    """Called by the consent library when the alt text of a photo these posts use was changed in the
    library (registered in PostsConfig.ready()). The alt text is published with the photo, so what was
    approved is no longer what would be published: a post awaiting approval, approved or ready to publish
    gets a new version made by whoever changed the alt text, the approvals for the old version stop
    counting, and it waits for approval again from the first tier. That person cannot approve it."""
    waiting = [Post.Status.AWAITING_APPROVAL, Post.Status.APPROVED, Post.Status.READY]
    changed = []
    for post in Post.objects.filter(pk__in=post_ids, status__in=waiting):
        with transaction.atomic():
            post = _lock(post)
            earlier = current_text_version(post)
            if post.status not in waiting or (earlier is not None and earlier.text_hash == content_hash_of(post)):
                continue
            before = _snapshot(post)
            voided = _approvals_counting_for(post, earlier)
            _recheck(post, period=_period_for(post))
            _revise(post, by=by, reason="The alt text of a photo in the post was changed in the media library")
            post.status = Post.Status.AWAITING_APPROVAL
            post.current_tier = 1
            post.save()
            audit.record(
                actor=by,
                action="post.approvals_voided",
                obj=post,
                before=before,
                after={**_snapshot(post), "approvals": voided, "revision": latest_revision_number(post)},
                reason="The alt text of a photo in the post changed after these approvals were given",
            )
            _tell_approvers(post)
            changed.append(post)
    return changed
