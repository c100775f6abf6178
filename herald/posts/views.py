from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from herald import checking
from herald.access import allow, require
from herald.audit.models import AuditEvent
from herald.consents.models import MediaAsset
from herald.errors import Refused
from herald.forms import filtered_list, show_refusal, submitted
from herald.navigation import Crumb
from herald.people.models import Person
from herald.people.roles import Role
from herald.plain_text import whole_number
from herald.posts import findings, preview, selectors, services
from herald.posts.forms import (
    ApproveForm,
    ArchiveFilter,
    CancelForm,
    EditForm,
    MoveForm,
    NoteForm,
    OverrideForm,
    PublishForm,
    ReasonsForm,
    RetentionForm,
    RuleForm,
    StopForm,
    WriteForm,
    text_field_name,
)
from herald.posts.models import Approval, ApprovalTier, Post, PostRetention, PublishingPause, Revision
from herald.signin.reauth import sensitive
from herald.social_accounts.models import Account, Platform
from herald.submissions import key_for, submit_once

HOME = ("Home", "/")
# The stages a stop holds: such a post cannot be approved, become ready or be recorded as published.
HELD_STATUSES = (Post.Status.AWAITING_APPROVAL, Post.Status.APPROVED, Post.Status.READY)
WRITERS = (Role.EDITOR, Role.COMMS)
EXPIRY_ACTIONS = ("post.expired", "post.returned_media_unusable")
# Approvers are often service managers; the record is read by information governance and the monitoring officer.
POST_ROLES = (Role.EDITOR, Role.COMMS, Role.SERVICE_MANAGER, Role.ADMIN, Role.INFO_GOV, Role.MONITORING_OFFICER)
RECORD_ROLES = (Role.COMMS, Role.ADMIN, Role.INFO_GOV, Role.MONITORING_OFFICER)
RULE_ROLES = (Role.COMMS, Role.ADMIN)


def _mark_held(posts: Iterable[Post]) -> None:
    """Flag the posts whose account publishing is stopped on, for the "Held" tag in lists."""
    stopped = selectors.stopped_account_ids(p.account_id for p in posts)
    for post in posts:
        post.held = post.account_id in stopped


def _posts_crumb() -> Crumb:
    return ("Posts", reverse("posts:index"))


def _visible_post(request: HttpRequest, pk: int) -> Post:
    post = get_object_or_404(Post.objects.select_related("account", "author"), pk=pk)
    require(Post.objects.visible_to(request.user).filter(pk=post.pk).exists(), "This post is not one you can see.")
    return post


# --- Text blocks: the live check ---------------------------------------------------------------


def _too_long(text: str) -> bool:
    return len(text) > settings.HERALD_MAX_POST_CHARS


def _too_long_message() -> str:
    return (
        f"The text is too long for Herald to check: a post can have at most "
        f"{settings.HERALD_MAX_POST_CHARS:,} characters"
    )


def _text_block(
    *,
    field: str,
    platform: str,
    label: str,
    text: str,
    kind: str,
    media: Sequence[MediaAsset] = (),
    captions: bool = False,
    errors: Sequence[str] = (),
    help_text: str = "",
) -> dict:
    if _too_long(text):
        # The engine never sees a text no platform would take; the form says why instead.
        errors = list(errors) or [_too_long_message()]
        media, text_to_check = (), ""
    else:
        text_to_check = text
    engine_media = checking.engine_media(media, platform=platform, captions=captions) if media else ()
    # The panel beside the box is advice as the person types; saving and approving check afresh.
    report = (
        checking.run_check(
            text_to_check, platform=platform, kind=kind, media=engine_media, period=checking.live_pre_election()
        )
        if text_to_check.strip() or media
        else {}
    )
    return {
        "field": field,
        "platform": platform,
        "label": label,
        "text": text,
        "errors": list(errors),
        "help_text": help_text,
        "length": findings.platform_length(text, platform),
        "look": preview.build(
            text,
            platform,
            media=[
                {
                    "url": reverse("consents:media_thumbnail", args=[a.pk]) if a.thumbnail else "",
                    "alt": a.alt_text,
                    "kind": a.kind,
                }
                for a in media
            ],
            account_name=settings.COUNCIL_NAME,
        ),
        "checked": bool(report),
        **(findings.present(text, report) if report else {"findings": [], "counts": {}, "blocking": False}),
    }


def _chosen_platforms(account_ids: Iterable[str]) -> set[str]:
    ids = [n for v in account_ids if (n := whole_number(v)) is not None]
    return set(Account.objects.filter(pk__in=ids).values_list("platform", flat=True)) if ids else set()


def _blocks_for(form: forms.Form, *, kind: str, media: Sequence[MediaAsset] = (), captions: bool = False) -> list[dict]:
    # Media are judged only for the platforms of the accounts chosen (on the write form): consent for
    # Instagram says nothing about a post that will only go on Facebook.
    chosen = _chosen_platforms(form["accounts"].value() or []) if "accounts" in form.fields else None
    blocks = []
    for platform, label in form.platforms:
        field = text_field_name(platform)
        value = form[field].value() or ""
        blocks.append(
            _text_block(
                field=field,
                platform=platform,
                label=f"Text for {label}",
                text=value,
                kind=kind,
                media=media if chosen is None or platform in chosen else (),
                captions=captions,
                errors=form.errors.get(field, ()),
            )
        )
    return blocks


def _visible_media(user: Person, ids: Iterable[str | int], keep: Iterable[int] = ()) -> list:
    """The library assets among `ids` this person may see (or that are in `keep`, a post's own media):
    the live check describes who is in a photo and their consent, so it shows only what the media
    library would show them."""
    from herald.consents.models import MediaAsset

    numbers = [n for v in ids if (n := whole_number(v)) is not None][: settings.HERALD_MAX_POST_MEDIA]
    if not numbers:
        return []
    visible = MediaAsset.objects.visible_to(user) | MediaAsset.objects.filter(pk__in=[a.pk for a in keep])
    return list(visible.filter(pk__in=numbers))


def _chosen_media(form: forms.Form, user: Person, keep: Iterable[int] = ()) -> list:
    return _visible_media(user, form["media"].value() or [], keep)


def _checked(form: forms.Form) -> bool:
    value = form["video_captions"].value()
    return value in (True, "on", "true", "True", "1")


def _apply_fix_to(data: QueryDict, fix: str) -> tuple[QueryDict | None, str | None]:
    """`fix` is "field|rule|start"; returns a copy of the POST data with that finding fixed."""
    try:
        field, rule, start = fix.split("|")
        start_at = int(start)
    except ValueError:
        return None, None
    platform = field.removeprefix("text_")
    if platform not in Platform.values:
        return None, None
    text = data.get(field, "")
    if _too_long(text):
        return None, field
    report = checking.run_check(text, platform=platform, kind=data.get("kind", "post"))
    fixed = findings.apply_fix(text, report, rule=rule, start=start_at)
    if fixed is None:
        return None, field
    copy = data.copy()
    copy[field] = fixed
    return copy, field


def _fragment(template: str, context: dict) -> HttpResponse:
    """An HTMX fragment rendered without the request: the page's context processors (navigation,
    banners and their queries) are for whole pages, and the fragments use none of them."""
    return HttpResponse(get_template(template).render(context))


def _refused(message: str, status: int) -> HttpResponse:
    """A refusal the editor sees in the findings panel (HTMX swaps 4xx answers in too)."""
    return HttpResponse(get_template("posts/_check_refused.html").render({"message": message}), status=status)


def _live_check_allowed(user: Person) -> bool:
    """At most HERALD_LIVE_CHECKS_PER_WINDOW live checks per person in each window of
    HERALD_LIVE_CHECK_WINDOW_SECONDS, counted in Django's cache."""
    window = settings.HERALD_LIVE_CHECK_WINDOW_SECONDS
    key = f"posts:live-check:{user.pk}:{int(time.time() // window)}"
    cache.add(key, 0, timeout=window * 2)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr: count this one as the first
        cache.set(key, 1, timeout=window * 2)
        count = 1
    return count <= settings.HERALD_LIVE_CHECKS_PER_WINDOW


@allow(*POST_ROLES)
@require_POST
def live_check(request: HttpRequest) -> HttpResponse:
    """The findings beside one text box, for HTMX as the person types."""
    if not _live_check_allowed(request.user):
        return _refused(
            "Herald is checking faster than anyone can type, so it has paused the live check "
            "for a few seconds. Keep writing: the check starts again by itself.",
            429,
        )
    field = request.POST.get("field", "")
    platform = field.removeprefix("text_")
    if not field.startswith("text_") or platform not in Platform.values:
        return HttpResponseBadRequest("Unknown text field")
    text = request.POST.get(field, "")
    if _too_long(text):
        return _refused(_too_long_message(), 413)
    ids = request.POST.getlist("media")
    if len(ids) > settings.HERALD_MAX_POST_MEDIA:
        return _refused(f"Choose at most {settings.HERALD_MAX_POST_MEDIA} photos and videos for one post", 400)
    media = _visible_media(request.user, ids)
    if request.POST.get("choosing_accounts") and platform not in _chosen_platforms(request.POST.getlist("accounts")):
        media = []  # the write form: no account on this platform is chosen, so its media are not judged here
    block = _text_block(
        field=field,
        platform=platform,
        label="",
        text=text,
        kind=request.POST.get("kind", "post") if request.POST.get("kind") in Post.Kind.values else "post",
        media=media,
        captions=request.POST.get("video_captions") == "on",
    )
    return _fragment("posts/_findings.html", {"block": block, "fixable": True})


@allow(*POST_ROLES)
@require_POST
def apply_fix(request: HttpRequest) -> HttpResponse:
    """Apply a finding's suggested fix and return the whole text block (box and findings)."""
    data, field = _apply_fix_to(request.POST, request.POST.get("fix", ""))
    if field is None:
        return HttpResponseBadRequest("Unknown fix")
    data = data or request.POST
    platform = field.removeprefix("text_")
    kind = data.get("kind", "post") if data.get("kind") in Post.Kind.values else "post"
    block = _text_block(
        field=field,
        platform=platform,
        label=f"Text for {Platform(platform).label}",
        text=data.get(field, ""),
        kind=kind,
    )
    return _fragment("posts/_text_block.html", {"block": block, "kind": kind})


# --- Lists -------------------------------------------------------------------------------------


@allow(*POST_ROLES)
def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    mine = Post.objects.select_related("account", "author").filter(author=user)
    accounts = Account.objects.edited_by(user)
    ready = Post.objects.ready().select_related("account", "author").filter(account__in=accounts) | mine.ready()
    awaiting = selectors.with_approval_state(Post.objects.awaiting_approval().select_related("account", "author"))
    to_approve = [p for p in awaiting if selectors.can_decide(p, user)]
    ready = list(ready.distinct().order_by("scheduled_for"))
    _mark_held([*ready, *to_approve])
    return render(
        request,
        "posts/index.html",
        {
            "ready": ready,
            "drafts": mine.drafts().order_by("-updated_at"),
            "waiting": mine.awaiting_approval().order_by("scheduled_for"),
            "scheduled": mine.scheduled().order_by("scheduled_for"),
            "to_approve": to_approve,
            "can_write": user.has_role(*WRITERS) and selectors.accounts_writable_by(user).exists(),
            "pauses": PublishingPause.objects.in_force().prefetch_related("accounts"),
            "breadcrumbs": [HOME, ("Posts", None)],
        },
    )


@allow(*POST_ROLES)
def queue(request: HttpRequest) -> HttpResponse:
    user = request.user
    posts = list(
        selectors.with_approval_state(Post.objects.awaiting_approval().select_related("account", "author")).order_by(
            "scheduled_for"
        )
    )
    to_approve = [p for p in posts if selectors.can_decide(p, user)]
    visible = set(Post.objects.visible_to(user).filter(pk__in=[p.pk for p in posts]).values_list("pk", flat=True))
    others = [p for p in posts if p not in to_approve and p.pk in visible]
    return render(
        request,
        "posts/queue.html",
        {
            "to_approve": to_approve,
            "others": others,
            "breadcrumbs": [HOME, _posts_crumb(), ("Approvals", None)],
        },
    )


@allow(*POST_ROLES)
def archive(request: HttpRequest) -> HttpResponse:
    visible = Post.objects.visible_to(request.user)
    form = ArchiveFilter(request.GET or None, posts=visible)
    # While the search has errors no posts are listed: every post would look like what it found.
    found = visible.none() if form.is_bound and not form.is_valid() else form.filter(visible)
    posts = found.select_related("account", "author").order_by("-scheduled_for", "-id")
    page = Paginator(posts, 25).get_page(request.GET.get("page"))
    _mark_text_writers(page.object_list)
    # The export links carry the search's own terms: not the page number, nor the form's note that
    # errors showed, nor the boxes left empty (the export records its terms in the audit trail).
    terms = QueryDict(mutable=True)
    for name, values in request.GET.lists():
        if name not in ("page", "errors_shown"):
            terms.setlist(name, [value for value in values if value])
    return filtered_list(
        request,
        page="posts/archive.html",
        results="posts/_archive_results.html",
        filters="posts/_archive_filters.html",
        form=form if form.is_bound else ArchiveFilter(posts=visible),
        context={
            "page_obj": page,
            "export_query": terms.urlencode(),
            "breadcrumbs": [HOME, _posts_crumb(), ("Archive", None)],
        },
        also=("posts/_archive_exports.html",),
    )


def _mark_text_writers(posts: Iterable[Post]) -> None:
    """Name, for each post, everyone who wrote a version of its text, in order (one query)."""
    posts = list(posts)
    revisions = Revision.objects.filter(post__in=posts).select_related("made_by").order_by("post", "number")
    writers: dict[int, list[str]] = {}
    last_hash: dict[int, str] = {}
    for revision in revisions:
        if last_hash.get(revision.post_id) == revision.text_hash:
            continue  # the time changed, not the text
        last_hash[revision.post_id] = revision.text_hash
        names = writers.setdefault(revision.post_id, [])
        name = revision.made_by.full_name if revision.made_by else "System"
        if not names or names[-1] != name:
            names.append(name)
    for post in posts:
        post.text_writers = writers.get(post.pk, [])


@allow(*RECORD_ROLES)
def overrides(request: HttpRequest) -> HttpResponse:
    posts = Post.objects.overridden().select_related("account", "author", "override_by").order_by("-override_at")
    return render(
        request,
        "posts/overrides.html",
        {
            "posts": posts,
            "breadcrumbs": [HOME, _posts_crumb(), ("Block overrides", None)],
        },
    )


# --- Writing -----------------------------------------------------------------------------------


def _save_written(request: HttpRequest, form: forms.Form, data: QueryDict, kind: str) -> HttpResponse | None:
    """Save the written post(s), and send them for approval if asked; None when the form has errors."""
    try:
        posts = services.write_post(
            accounts=list(form.cleaned_data["accounts"]),
            texts=form.texts(),
            scheduled_for=form.cleaned_data["scheduled_for"],
            media=list(form.cleaned_data["media"]),
            video_captions=form.cleaned_data["video_captions"],
            kind=kind,
            reply_to_text=form.cleaned_data.get("reply_to_text", ""),
            reply_to_url=form.cleaned_data.get("reply_to_url", "") or "",
            by=request.user,
        )
    except Refused as exc:
        show_refusal(form, exc)
    else:
        if data.get("action") == "submit":
            sent = []
            for post in posts:
                if post.blocking:
                    # Never sent for approval without a warning: it stays a draft and its page says why.
                    messages.error(request, f"{post.account.display_name}: {BLOCKED_SUBMIT_WARNING}")
                    continue
                try:
                    services.submit_for_approval(post, by=request.user)
                    sent.append(post)
                except Refused as exc:
                    messages.error(request, f"{post.account.display_name}: {exc}")
            if sent:
                messages.success(request, f"Sent for approval: {', '.join(p.account.display_name for p in sent)}")
        else:
            messages.success(request, f"Draft saved for {', '.join(p.account.display_name for p in posts)}")
        return redirect("posts:detail", pk=posts[0].pk)
    return None


def _write(request: HttpRequest, kind: str) -> HttpResponse:
    accounts = selectors.accounts_writable_by(request.user)
    if not accounts.exists() and Account.objects.edited_by(request.user).active().exists():
        require(
            False,
            "You can write posts for your accounts once HR records your social media training: the "
            "communications team made training a condition of these accounts.",
        )
    require(accounts.exists(), "You are not an editor of any active account.")
    data = request.POST if request.method == "POST" else None
    fixed_field = None
    if data is not None and data.get("fix"):
        # Without JavaScript the fix button submits the whole form: apply it and show the form again.
        fixed, fixed_field = _apply_fix_to(data, data["fix"])
        data = fixed or data
    form = WriteForm(
        data,
        accounts=accounts,
        kind=kind,
        user=request.user,
        initial={"accounts": list(accounts)} if accounts.count() == 1 else None,
    )
    if data is not None and not fixed_field and data.get("action") != "check" and form.is_valid():
        saved = submit_once(request, f"posts:write:{kind}", lambda: _save_written(request, form, data, kind))
        if saved is not None:
            return saved
    media = _chosen_media(form, request.user) if data is not None else []
    heading = "Write a reply" if kind == Post.Kind.REPLY else "Write a post"
    return render(
        request,
        "posts/write.html",
        {
            "form": form,
            "kind": kind,
            "heading": heading,
            "submission_key": key_for(request),
            "blocks": _blocks_for(form, kind=kind, media=media, captions=_checked(form) if data else False),
            "pre_election": checking.pre_election()["pre_election"],
            "breadcrumbs": [HOME, _posts_crumb(), (heading, None)],
        },
    )


@allow(*WRITERS)
@require_http_methods(["GET", "POST"])
def write(request: HttpRequest) -> HttpResponse:
    return _write(request, Post.Kind.POST)


@allow(*WRITERS)
@require_http_methods(["GET", "POST"])
def write_reply(request: HttpRequest) -> HttpResponse:
    return _write(request, Post.Kind.REPLY)


@allow(*POST_ROLES)
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    post = _visible_post(request, pk)
    require(selectors.can_edit(post, request.user), "You cannot change this post now.")
    data = request.POST if request.method == "POST" else None
    fixed_field = None
    if data is not None and data.get("fix"):
        fixed, fixed_field = _apply_fix_to(data, data["fix"])
        data = fixed or data
    form = EditForm(data, post=post, user=request.user)
    if data is not None and not fixed_field and data.get("action") != "check" and form.is_valid():
        try:
            services.edit_post(
                post,
                services.PostContent(
                    form.text,
                    form.cleaned_data["scheduled_for"],
                    tuple(form.cleaned_data["media"]),
                    form.cleaned_data["video_captions"],
                ),
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except Refused as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, "Changes saved")
            return redirect("posts:detail", pk=post.pk)
    media = _chosen_media(form, request.user, keep=post.media.all()) if data is not None else list(post.media.all())
    captions = _checked(form) if data is not None else post.video_captions
    return render(
        request,
        "posts/edit.html",
        {
            "form": form,
            "post": post,
            "kind": post.kind,
            "blocks": _blocks_for(form, kind=post.kind, media=media, captions=captions),
            "breadcrumbs": [
                HOME,
                _posts_crumb(),
                (str(post)[:40], reverse("posts:detail", args=[post.pk])),
                ("Change", None),
            ],
        },
    )


# --- The record --------------------------------------------------------------------------------


def _standing(approval: Approval, post: Post, version: Revision | None) -> str:
    """Why an approval in the record no longer counts, or "" if it does (or is not an approval)."""
    if approval.decision != Approval.Decision.APPROVED or selectors.approval_counts(approval, post, version):
        return ""
    if approval.round != post.round:
        return "given in an earlier round: no longer counts"
    return "for an earlier version: no longer counts"


def _history(post: Post, approvals: list[Approval], version: Revision | None) -> list[dict]:
    """Each version with who wrote it, what changed, and the decisions given while it was current."""
    revisions = list(post.revisions.select_related("made_by"))
    shown = []
    for previous, revision in zip([None, *revisions], revisions, strict=False):
        shown.append(
            {
                "revision": revision,
                "text_changed": previous is None or previous.text_hash != revision.text_hash,
                "diff": selectors.diff(previous.text, revision.text)
                if previous and previous.text != revision.text
                else None,
                "decisions": [
                    {"approval": a, "standing": _standing(a, post, version)}
                    for a in approvals
                    if a.revision == revision.number
                ],
            }
        )
    return shown


@allow(*POST_ROLES, Role.SAFEGUARDING)  # the lead opens posts held back for a child (Post.objects.visible_to)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    post = _visible_post(request, pk)
    user = request.user
    approvals = list(post.approvals.select_related("person"))
    version = selectors.current_text_version(post)
    plan = []
    names = {p.pk: p.full_name for p in Person.objects.filter(pk__in={pk for t in post.plan for pk in t["approvers"]})}
    for tier in post.plan:
        # Under each tier, the decisions that stand: approvals of the current text, or a sending back.
        decided = [
            a
            for a in approvals
            if a.round == post.round
            and a.tier == tier["position"]
            and (a.decision == Approval.Decision.SENT_BACK or selectors.approval_counts(a, post, version))
        ]
        is_current = post.status == Post.Status.AWAITING_APPROVAL and tier["position"] == post.current_tier
        plan.append(
            {
                **tier,
                "waiting_for": sorted(names.get(pk, "") for pk in selectors.eligible_approvers(post, tier["position"]))
                if is_current
                else [],
                "counted_earlier": sorted(
                    names.get(pk, "")
                    for pk in selectors.approved_earlier_tiers(post, tier["position"], version)
                    if pk in tier["approvers"]
                )
                if is_current and not tier.get("repeat")
                else [],
                "names": [names.get(pk, "") for pk in tier["approvers"] if pk != post.author_id],
                "decisions": decided,
                "is_current": post.status == Post.Status.AWAITING_APPROVAL and tier["position"] == post.current_tier,
                "done": any(a.decision == Approval.Decision.APPROVED for a in decided)
                and (tier["mode"] == "any" or not selectors.eligible_approvers(post, tier["position"])),
            }
        )
    siblings = Post.objects.filter(group=post.group).exclude(pk=post.pk).select_related("account")
    events = list(AuditEvent.objects.for_object(post)[:100])
    # Why an expired post expired: the latest expiry on its trail (its time came, it was pending too long,
    # or its media could no longer be used, with the reasons kept on the post).
    expiry = (
        next((e for e in events if e.action in EXPIRY_ACTIONS), None) if post.status == Post.Status.EXPIRED else None
    )
    pause = selectors.pause_covering(post.account) if post.status in HELD_STATUSES else None
    post.held = pause is not None
    return render(
        request,
        "posts/detail.html",
        {
            "post": post,
            "presented": findings.present(post.text, post.report) if post.report else None,
            "length": findings.platform_length(post.text, post.platform),
            "plan": plan,
            "approvals": approvals,
            "notes": post.notes.select_related("author"),
            "history": _history(post, approvals, version),
            "events": events,
            "expired_for_media": expiry is not None
            and expiry.action == "post.returned_media_unusable"
            and bool(post.sent_back_reasons),
            "expired_pending": expiry is not None and expiry.reason.startswith("Pending approval"),
            "siblings": siblings,
            "takedowns": list(selectors.open_takedowns(post)),
            "pause": pause,
            "pause_reason": pause.reason.strip().rstrip(".") if pause else "",
            "can_edit": selectors.can_edit(post, user),
            "can_decide": selectors.can_decide(post, user),
            "can_send_back": selectors.can_send_back(post, user),
            "can_override": selectors.can_override(post, user),
            "is_author": post.author_id == user.pk,
            "changed_text": version is not None and version.made_by_id == user.pk and post.author_id != user.pk,
            "changed_text_refusal": services.CHANGED_TEXT_REFUSAL,
            "can_submit": post.status in (Post.Status.DRAFT, Post.Status.SENT_BACK)
            and post.account.status != Account.Status.CLOSED
            and (post.author_id == user.pk or selectors.can_write_for(user, post.account)),
            "on_closed_account": post.status in (Post.Status.DRAFT, Post.Status.SENT_BACK)
            and post.account.status == Account.Status.CLOSED,
            "can_move": post.status in (Post.Status.DRAFT, Post.Status.SENT_BACK) and post.author_id == user.pk,
            "can_publish": services.may_record_publication(post)
            and (post.author_id == user.pk or selectors.can_write_for(user, post.account)),
            "can_cancel": post.status not in (Post.Status.PUBLISHED, Post.Status.CANCELLED, Post.Status.EXPIRED)
            and (post.author_id == user.pk or user.has_role(Role.COMMS) or selectors.can_write_for(user, post.account)),
            "can_reopen": post.status == Post.Status.EXPIRED
            and (post.author_id == user.pk or selectors.can_write_for(user, post.account)),
            "note_form": NoteForm(),
            "approve_form": ApproveForm(),
            "text_hash": selectors.content_hash_of(post),
            "breadcrumbs": [HOME, _posts_crumb(), (f"Post {post.pk}", None)],
        },
    )


def _act(request: HttpRequest, pk: int, action: Callable[[Post], object], success: str) -> HttpResponse:
    post = _visible_post(request, pk)
    try:
        action(post)
    except Refused as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect("posts:detail", pk=post.pk)


BLOCKED_SUBMIT_WARNING = (
    "Not sent for approval: the check blocks this post, so nobody can approve it unless the communications "
    "team overrides the block. Change the post, or send it anyway from its page for the communications team "
    "to decide."
)


def _move_page(request: HttpRequest, post: Post, form: MoveForm) -> HttpResponse:
    return render(
        request,
        "posts/move.html",
        {
            "form": form,
            "post": post,
            "account_closed": post.account.status == Account.Status.CLOSED,
            "breadcrumbs": [
                HOME,
                _posts_crumb(),
                (f"Post {post.pk}", reverse("posts:detail", args=[post.pk])),
                ("Move to another account", None),
            ],
        },
    )


def _move_targets(post: Post, person: Person) -> QuerySet[Account]:
    return selectors.accounts_writable_by(person).exclude(pk=post.account_id).order_by("display_name")


# Who may see it: the post's author, while it is a draft or sent back to them (anyone else is refused).
@allow(*POST_ROLES)
@require_http_methods(["GET", "POST"])
def move(request: HttpRequest, pk: int) -> HttpResponse:
    post = _visible_post(request, pk)
    require(
        post.author_id == request.user.pk and post.status in (Post.Status.DRAFT, Post.Status.SENT_BACK),
        "Only the author of a draft can move it to another account.",
    )
    form = MoveForm(request.POST if request.method == "POST" else None, accounts=_move_targets(post, request.user))
    if request.method == "POST" and form.is_valid():
        account = form.cleaned_data["account"]
        if submitted(
            request, form, lambda data: services.move_draft_to_account(post, account=account, by=request.user)
        ):
            messages.success(request, f"Moved to {account.display_name}")
            return redirect("posts:detail", pk=post.pk)
    return _move_page(request, post, form)


@allow(*POST_ROLES)
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    post = _visible_post(request, pk)
    if post.account.status == Account.Status.CLOSED and post.author_id == request.user.pk:
        # Its account closed while it was a draft: say why in an error summary, on the page that mends it.
        form = MoveForm({}, accounts=_move_targets(post, request.user))
        form.is_valid()
        form.errors.clear()  # not "select an account": the refusal says what to do, beside the choice
        form.add_error("account", services.closed_account_refusal(post.account))
        return _move_page(request, post, form)
    if post.blocking and not request.POST.get("despite_blocks"):
        messages.error(request, BLOCKED_SUBMIT_WARNING)
        return redirect("posts:detail", pk=post.pk)
    return _act(request, pk, lambda p: services.submit_for_approval(p, by=request.user), "Sent for approval")


@allow(*POST_ROLES)
@require_POST
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    form = ApproveForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    seen = request.POST.get("text_hash", "")
    return _act(request, pk, lambda p: services.approve_post(p, by=request.user, note=note, seen_hash=seen), "Approved")


@allow(*POST_ROLES)
@require_POST
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request, pk, lambda p: services.reopen_post(p, by=request.user), "Reopened as a draft: give it a new time"
    )


@allow(*POST_ROLES)
@require_POST
def add_note(request: HttpRequest, pk: int) -> HttpResponse:
    post = _visible_post(request, pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        services.add_note(post, by=request.user, text=form.cleaned_data["text"])
        messages.success(request, "Note added")
    else:
        messages.error(request, "Enter the note")
    return redirect(reverse("posts:detail", args=[post.pk]) + "#notes")


def _form_page(
    request: HttpRequest,
    pk: int,
    *,
    form_class: type[forms.Form],
    template_title: str,
    button: str,
    allowed: Callable[[Post, Person], bool],
    act: Callable[[Post, Any], object],
    success: str,
    warning: bool = False,
    held_attempt: str = "",
    extra: Callable[[Post], dict] | dict | None = None,
) -> HttpResponse:
    """A page with a short form acting on one post. `held_attempt` names the action if a stop on
    publishing holds it: while one covers the account the page explains, and offers no form."""
    post = _visible_post(request, pk)
    require(allowed(post), "You cannot do this to this post now.")
    pause = selectors.pause_covering(post.account) if held_attempt else None
    form = form_class(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if submitted(request, form, lambda data: act(post, data)):
            messages.success(request, success)
            return redirect("posts:detail", pk=post.pk)
    elif pause is not None:
        form = form_class(None)  # the form is not offered while a stop holds the action; the page says why
    return render(
        request,
        "posts/action.html",
        {
            "form": form,
            "post": post,
            "heading": template_title,
            "button": button,
            "warning": warning,
            "stopped": services.stopped_message(post.account, pause, held_attempt) if pause else "",
            "presented": findings.present(post.text, post.report) if post.report else None,
            **((extra(post) if callable(extra) else extra) if extra else {}),
            "breadcrumbs": [
                HOME,
                _posts_crumb(),
                (f"Post {post.pk}", reverse("posts:detail", args=[post.pk])),
                (template_title, None),
            ],
        },
    )


@allow(*POST_ROLES)
@require_http_methods(["GET", "POST"])
def send_back(request: HttpRequest, pk: int) -> HttpResponse:
    return _form_page(
        request,
        pk,
        form_class=ReasonsForm,
        template_title="Send the post back",
        button="Send back",
        allowed=lambda p: selectors.can_send_back(p, request.user),
        act=lambda p, d: services.send_back(p, by=request.user, reasons=d["reasons"]),
        success="Sent back to the author",
    )


@allow(Role.COMMS)
@sensitive
@require_http_methods(["GET", "POST"])
def override(request: HttpRequest, pk: int) -> HttpResponse:
    return _form_page(
        request,
        pk,
        form_class=OverrideForm,
        template_title="Override the block",
        button="Override the block",
        allowed=lambda p: selectors.can_override(p, request.user),
        warning=True,
        act=lambda p, d: services.override_block(p, by=request.user, justification=d["justification"]),
        success="Block overridden: the justification is recorded and reported",
        extra={"overrides_report": reverse("posts:overrides")},
    )


@allow(*POST_ROLES)
@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    return _form_page(
        request,
        pk,
        form_class=CancelForm,
        template_title="Cancel the post",
        button="Cancel the post",
        allowed=lambda p: (
            p.status not in (Post.Status.PUBLISHED, Post.Status.CANCELLED, Post.Status.EXPIRED)
            and (p.author_id == user.pk or user.has_role(Role.COMMS) or selectors.can_write_for(user, p.account))
        ),
        act=lambda p, d: services.cancel_post(p, by=user, reason=d["reason"]),
        success="Post cancelled",
        warning=True,
    )


@allow(*POST_ROLES)
@require_http_methods(["GET", "POST"])
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    return _form_page(
        request,
        pk,
        form_class=PublishForm,
        template_title="Record where it was published",
        button="Save the address",
        allowed=lambda p: (
            services.may_record_publication(p) and (p.author_id == user.pk or selectors.can_write_for(user, p.account))
        ),
        act=lambda p, d: services.record_publication(p, url=d["url"], by=user, published_at=d.get("published_at")),
        success="Published: the record is complete",
        held_attempt="publish",
        extra=lambda p: {"copy": _to_copy(p, user)},
    )


def _to_copy(post: Post, user: Person) -> dict:
    """What the person publishing copies and downloads: this post's text and media, and the texts of
    the same post for the account's other platforms that are ready too (Herald holds no passwords)."""
    others = [
        sibling
        for sibling in Post.objects.filter(group=post.group, status=Post.Status.READY)
        .exclude(pk=post.pk)
        .select_related("account")
        if sibling.author_id == user.pk or selectors.can_write_for(user, sibling.account)
    ]
    return {"post": post, "others": others}


# --- Stop switch, rules, retention -------------------------------------------------------------


@allow(Role.COMMS)
@sensitive(methods=("POST",))
@require_http_methods(["GET", "POST"])
def stop(request: HttpRequest) -> HttpResponse:
    form = StopForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        accounts = list(form.cleaned_data["accounts"]) if form.cleaned_data["scope"] == "chosen" else []
        try:
            services.stop_publishing(by=request.user, reason=form.cleaned_data["reason"], accounts=accounts)
        except Refused as exc:
            show_refusal(form, exc)
        else:
            messages.success(
                request,
                "Publishing stopped. Until you release it, no post on these accounts can be approved, "
                "become ready to publish or be recorded as published.",
            )
            return redirect("posts:stop")
    pauses = list(PublishingPause.objects.in_force().prefetch_related("accounts").select_related("started_by"))
    held = []
    if pauses:
        # Approved posts waiting for their time and posts already ready: none may go out until released.
        waiting = list(
            Post.objects.filter(status__in=[Post.Status.APPROVED, Post.Status.READY])
            .select_related("account", "author")
            .order_by("scheduled_for")
        )
        stopped = selectors.stopped_account_ids(p.account_id for p in waiting)
        held = [p for p in waiting if p.account_id in stopped]
    return render(
        request,
        "posts/stop.html",
        {
            "form": form,
            "pauses": pauses,
            "held": held,
            "past": PublishingPause.objects.exclude(released_at=None).select_related("started_by", "released_by")[:10],
            "breadcrumbs": [HOME, _posts_crumb(), ("Stop publishing", None)],
        },
    )


@allow(Role.COMMS)
@require_POST
def release(request: HttpRequest, pk: int) -> HttpResponse:
    pause = get_object_or_404(PublishingPause, pk=pk)
    try:
        services.release_publishing(pause, by=request.user)
    except Refused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            "Publishing released. Posts can be approved and published again; posts whose time "
            "has come become ready to publish within a minute.",
        )
    return redirect("posts:stop")


@allow(*RULE_ROLES)
def rules(request: HttpRequest) -> HttpResponse:
    accounts = (
        Account.objects.in_register()
        # The approvers with the tiers the page lists (to_attr): a separate "approval_tiers__approvers"
        # would fill other copies of the tiers, and each row would ask again.
        .prefetch_related(
            Prefetch("approval_tiers", queryset=ApprovalTier.objects.prefetch_related("approvers"), to_attr="tiers")
        )
        .select_related("post_retention")
    )
    rows = []
    for account in accounts:
        # Fetched with the account (select_related); an account with none keeps the default.
        retention = getattr(account, "post_retention", None) or PostRetention(account=account)
        rows.append({"account": account, "tiers": account.tiers, "retention": retention})
    return render(
        request,
        "posts/rules.html",
        {"rows": rows, "breadcrumbs": [HOME, _posts_crumb(), ("Approval rules and retention", None)]},
    )


def _rules_crumb() -> Crumb:
    return ("Approval rules and retention", reverse("posts:rules"))


@allow(*RULE_ROLES)
@require_http_methods(["GET", "POST"])
def rule_edit(request: HttpRequest, account_pk: int) -> HttpResponse:
    account = get_object_or_404(Account, pk=account_pk)
    form = RuleForm(request.POST if request.method == "POST" else None, account=account)
    saved = submitted(
        request,
        form,
        lambda data: services.set_approval_rule(
            account,
            form.tiers(),
            by=request.user,
            same_person_may_approve_again=data["same_person_may_approve_again"],
        ),
    )
    if saved:
        messages.success(request, f"Approval rule saved for {account.display_name}")
        return redirect("posts:rules")
    return render(
        request,
        "posts/rule_edit.html",
        {
            "form": form,
            "account": account,
            "breadcrumbs": [HOME, _posts_crumb(), _rules_crumb(), (account.display_name, None)],
        },
    )


@allow(*RULE_ROLES)
@require_http_methods(["GET", "POST"])
def retention_edit(request: HttpRequest, account_pk: int) -> HttpResponse:
    account = get_object_or_404(Account, pk=account_pk)
    current = selectors.retention_for(account)
    form = RetentionForm(
        request.POST if request.method == "POST" else None,
        initial={
            "years": current.years,
            "legal_hold": current.legal_hold,
            "legal_hold_reason": current.legal_hold_reason,
        },
    )
    saved = submitted(
        request,
        form,
        lambda data: services.set_retention(
            account,
            years=data["years"],
            legal_hold=data["legal_hold"],
            legal_hold_reason=data["legal_hold_reason"],
            by=request.user,
        ),
    )
    if saved:
        messages.success(request, f"Retention saved for {account.display_name}")
        return redirect("posts:rules")
    return render(
        request,
        "posts/retention_edit.html",
        {
            "form": form,
            "account": account,
            "today": timezone.localdate(),
            "breadcrumbs": [HOME, _posts_crumb(), _rules_crumb(), (f"Retention: {account.display_name}", None)],
        },
    )
