"""Demo posts in every state, and approval rules for the corporate accounts. Idempotent: each post is
looked up by its account and text first, each rule is only set when the account has none."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from herald.people.models import Person
from herald.people.roles import Role
from herald.posts import services
from herald.posts.models import ApprovalTier, Post
from herald.social_accounts.models import Account

DOMAIN = "hinckley-bosworth.example"
HELD_FOR_A_CHILD = (
    "Well done Sophie (age 9) from Oakfield Primary School for swimming her first 25 metres "
    "at Hinckley Leisure Centre's holiday swim club!"
)


def _person(local: str) -> Person:
    return Person.objects.get(email=f"{local}@{DOMAIN}")


def _account(platform: str, handle: str) -> Account | None:
    return Account.objects.filter(platform=platform, handle=handle).first()


def _rules(comms: Person, manager: Person) -> int:
    set_now = 0
    corporate = Account.objects.filter(team__name="Communications").active()
    for account in corporate:
        if ApprovalTier.objects.filter(account=account).exists():
            continue
        # Any one of the communications team or the head of community services, never the author.
        team = [*Person.objects.active().with_role(Role.COMMS), manager]
        services.set_approval_rule(account, [services.TierSpec("any", tuple(team))], by=comms)
        set_now += 1
    culture = _account("facebook", "hbculture")
    if culture and not ApprovalTier.objects.filter(account=culture).exists():
        services.set_approval_rule(
            culture, [services.TierSpec("any", (manager,)), services.TierSpec("all", (comms,))], by=comms
        )
        set_now += 1
    return set_now


def _write(author, account, text, *, hours, kind="post", reply_to="") -> Post | None:
    if Post.objects.filter(account=account, text=text).exists():
        return None
    return services.write_post(
        accounts=[account],
        texts={account.platform: text},
        scheduled_for=timezone.now() + dt.timedelta(hours=hours),
        kind=kind,
        reply_to_text=reply_to,
        by=author,
    )[0]


def _backdate(post: Post, hours: float) -> None:
    # Demo history: the post was written for a time that has now passed.
    Post.objects.filter(pk=post.pk).update(scheduled_for=timezone.now() - dt.timedelta(hours=hours))


@transaction.atomic
def seed(rng=None) -> str:
    try:
        editor, comms, manager = _person("editor"), _person("comms"), _person("manager")
    except Person.DoesNotExist:
        return "demo people missing: run the people seeder first"
    culture = _account("facebook", "hbculture")
    corporate = _account("facebook", "hinckleybosworthbc")
    corporate_x = _account("x", "HinckBosBC")
    if not (culture and corporate and corporate_x):
        return "demo accounts missing: run the social accounts seeder first"
    rules = _rules(comms, manager)
    made = 0

    # A draft with a run-together hashtag (the live check offers the fix).
    if _write(
        editor,
        culture,
        "Our autumn craft fair fills the Atkins Building this Saturday, 10am to 4pm. #craftfair",
        hours=72,
    ):
        made += 1
    # Awaiting approval: the service manager's tier is open.
    post = _write(
        editor, culture, "Booking is open for the Concordia Theatre winter workshops for ages 8 to 14.", hours=50
    )
    if post:
        services.submit_for_approval(post, by=editor)
        made += 1
    # Approved and scheduled.
    post = _write(
        editor,
        culture,
        "The Hinckley Christmas lights switch-on is on Friday 4 December from 4pm in the Market Place.",
        hours=96,
    )
    if post:
        services.submit_for_approval(post, by=editor)
        services.approve_post(post, by=manager)
        services.approve_post(post, by=comms)
        made += 1
    # Ready to publish: approved, and its time has come.
    post = _write(
        comms,
        corporate_x,
        "Bin collections are running as normal this week. Check your day at hinckley-bosworth.gov.uk/bins",
        hours=2,
    )
    if post:
        services.submit_for_approval(post, by=comms)
        services.approve_post(post, by=manager)
        _backdate(post, 0.2)
        services.mark_ready_posts()
        made += 1
    # Published, with its address.
    post = _write(
        comms,
        corporate,
        "Hinckley Leisure Centre's pool reopens on Monday after its refit. Book a swim online.",
        hours=3,
    )
    if post:
        services.submit_for_approval(post, by=comms)
        services.approve_post(post, by=manager)
        _backdate(post, 1)
        services.mark_ready_posts()
        services.record_publication(post, url="https://www.facebook.com/hinckleybosworthbc/posts/pfbid02demo", by=comms)
        made += 1
    # Sent back with reasons.
    post = _write(editor, culture, "Come along to the museum open day!!! It will be AMAZING", hours=120)
    if post:
        services.submit_for_approval(post, by=editor)
        services.send_back(
            post, by=manager, reasons="Say which museum, the date and the opening times; tone down the capitals."
        )
        made += 1
    # Expired: nobody approved it before its time.
    post = _write(editor, culture, "Last chance to see the Bosworth tapestry exhibition before it closes.", hours=4)
    if post:
        services.submit_for_approval(post, by=editor)
        _backdate(post, 2)
        services.expire_overdue_posts()
        made += 1
    # A block the communications team overrode, with its justification.
    post = _write(
        editor,
        culture,
        "Lost property from the festival? Ring the events duty mobile on 07700 900461 until 6pm.",
        hours=30,
    )
    if post:
        services.submit_for_approval(post, by=editor)
        services.override_block(
            post,
            by=comms,
            justification=(
                "This is the events team's published duty mobile, not a personal number; it is on every festival poster."
            ),
        )
        services.approve_post(post, by=manager)
        services.approve_post(post, by=comms)
        made += 1
    # A reply to a comment, awaiting approval.
    post = _write(
        editor,
        culture,
        "Thanks for letting us know. The box office is open 10am to 2pm, Monday to Saturday.",
        hours=20,
        kind=Post.Kind.REPLY,
        reply_to="What time does the box office open? Nobody answers the phone",
    )
    if post:
        services.submit_for_approval(post, by=editor)
        made += 1
    # Held back by the children check: a child named with her age and school and no parent's consent
    # recorded (the demo's "child identified" incident is about this post).
    if _write(comms, corporate, HELD_FOR_A_CHILD, hours=26):
        made += 1
    return f"{made} demo posts added ({Post.objects.count()} in all), approval rules set for {rules} accounts"
