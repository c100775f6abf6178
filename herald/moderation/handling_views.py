"""Handling a comment: replying (live check, saved replies, approval, recording), who else is on it,
hiding and deleting with evidence, authors, councillor-abuse cases, moderation rules, saved replies,
reply approval settings and the house rules."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db.models import Count
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from herald import checking
from herald.access import allow, public, require
from herald.errors import Refused
from herald.forms import carried_out, submitted
from herald.moderation import handling_forms as forms
from herald.moderation import platforms, selectors, services
from herald.moderation.models import (
    AuthorSanction,
    Comment,
    CommentAuthor,
    CouncillorAbuseCase,
    CouncillorHandle,
    Evidence,
    HouseRules,
    ModerationRule,
    PlatformAction,
    Reply,
    ReplySetting,
    RuleAction,
    SavedReply,
)
from herald.moderation.nav import INBOX_ROLES, MANAGE_ROLES
from herald.moderation.services import cases, replies, rules
from herald.navigation import Crumb
from herald.people.models import Person
from herald.people.roles import Role
from herald.plain_text import whole_number
from herald.policies import rendering
from herald.posts.findings import present
from herald.social_accounts.models import Account

HOME = ("Home", "/")
CASE_ROLES = frozenset({Role.MONITORING_OFFICER, Role.COMMS, Role.ADMIN})
# Who keeps the list of councillors' own handles: the monitoring officer's team, and admins.
HANDLE_ROLES = frozenset({Role.MONITORING_OFFICER, Role.ADMIN})


def _inbox_crumbs(*more: Crumb) -> list[Crumb]:
    return [HOME, ("Inbox", reverse("moderation:inbox")), *more]


def _comment(request: HttpRequest, pk: int) -> Comment:
    comment = get_object_or_404(Comment.objects.select_related("account", "author", "parent"), pk=pk)
    if not selectors.can_work(request.user, comment):
        raise Http404("No such comment")
    return comment


def _back(comment: Comment, anchor: str = "") -> HttpResponse:
    return redirect(reverse("moderation:detail", args=[comment.pk]) + (f"#{anchor}" if anchor else ""))


def _checked(form: BaseForm, refusal: str = "") -> dict[str, Any]:
    """A button's small form, read inside its service call: unusable input is refused like the service
    would be (`refusal`, or the form's first error), so `carried_out` shows it as the error message."""
    if not form.is_valid():
        raise Refused(refusal or next(iter(form.errors.values()))[0])
    return form.cleaned_data


# --- The handling part of the comment's page ------------------------------------------------------


def context_for(
    request: HttpRequest,
    comment: Comment,
    *,
    reply_form: BaseForm | None = None,
    remove_form: BaseForm | None = None,
    record_form: forms.RecordPostedForm | None = None,
) -> dict:
    """What the comment's page shows for handling it; the core's detail view adds it to its context."""
    person = request.user
    saved = None
    if reply_form is None:
        initial = {"seen_latest": replies.latest_reply_id(comment)}
        if (wanted := whole_number(request.GET.get("saved", ""))) is not None:
            saved = replies.saved_replies_for(comment).filter(pk=wanted).first()
            if saved:
                initial |= {"text": saved.text, "saved_reply": saved.pk}
        reply_form = forms.ReplyForm(initial=initial)
    author = comment.author
    # The author as this person's accounts know them, as on the author's page: the pattern of abuse and
    # the warnings and strikes from the comments they work (blocks, on the author everywhere, show to all).
    sanctions = list(selectors.sanctions_seen_by(person, author).filter(lifted_at=None)) if author else []
    harassment = bool(author and len(cases.abusive_comments_by(author, among=selectors.worked_comments(person))) >= 2)
    listed = list(comment.herald_replies.select_related("written_by", "approved_by", "sent_by", "comment"))
    for each in listed:
        if each.status == Reply.Status.READY:
            refused = record_form is not None and record_form.reply.pk == each.pk
            each.record_form = record_form if refused else forms.RecordPostedForm(reply=each)  # type: ignore[attr-defined]
    return {
        "reply_form": reply_form,
        "remove_form": remove_form or forms.RemoveForm(),
        "unhide_form": forms.UnhideForm(),
        "case_form": forms.CaseForm(),
        "replies": listed,
        "saved_replies": list(replies.saved_replies_for(comment)),
        "needs_approval": replies.requires_approval(comment),
        "present": replies.others_present(comment, person=person),
        "evidence": list(comment.evidence.select_related("taken_by").defer("pdf")),
        "rule_actions": list(comment.rule_actions.all()),
        "tags": [t.tag for t in comment.tags.all()],
        "author_sanctions": sanctions,
        "author_blocked": any(s.kind == AuthorSanction.Kind.BLOCK for s in sanctions),
        "harassment": harassment,
        "abuse_cases": list(comment.abuse_cases.select_related("councillor")),
        "may_open_case": person.has_role(*CASE_ROLES),
        "removed": comment.status in (Comment.Status.HIDDEN, Comment.Status.DELETED),
        "hides_on_platform": platforms.hides_on_platform(comment),
        "deletes_on_platform": platforms.deletes_on_platform(comment),
        "platform_action": comment.platform_actions.order_by("-asked_at", "-id").first(),
    }


def _detail_again(request: HttpRequest, comment: Comment, **forms_in_error) -> HttpResponse:
    """The comment's page again, with the handling form that failed showing its errors."""
    from herald.moderation import views as core

    return core._detail(request, comment, **forms_in_error)


@allow(*INBOX_ROLES)
@require_POST
def presence(request: HttpRequest, pk: int) -> HttpResponse:
    """Polled by the comment's page: says this person is here (writing, if the reply box has words)
    and answers with who else is."""
    comment = _comment(request, pk)
    activity = "replying" if request.POST.get("text", "").strip() else "viewing"
    replies.note_presence(comment, person=request.user, activity=activity)
    return render(
        request,
        "moderation/handling/_presence.html",
        {"present": replies.others_present(comment, person=request.user), "comment": comment},
    )


def _live_check_allowed(user: Person) -> bool:
    window = settings.HERALD_LIVE_CHECK_WINDOW_SECONDS
    key = f"moderation:reply-check:{user.pk}:{int(time.time() // window)}"
    cache.add(key, 0, timeout=window * 2)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=window * 2)
        count = 1
    return count <= settings.HERALD_LIVE_CHECKS_PER_WINDOW


@allow(*INBOX_ROLES)
@require_POST
def reply_check(request: HttpRequest, pk: int) -> HttpResponse:
    """The engine's findings on a reply as it is typed (the same check and panel as posts)."""
    comment = _comment(request, pk)
    if not _live_check_allowed(request.user):
        return render(
            request,
            "moderation/handling/_reply_check.html",
            {"message": "Herald has paused the live check for a few seconds. Keep writing."},
            status=429,
        )
    text = request.POST.get("text", "")[: replies.MAX_REPLY_CHARS]
    block = None
    if text.strip():
        report = checking.run_check(
            text, platform=comment.account.platform, kind="reply", period=checking.live_pre_election()
        )
        block = present(text, report)
    return render(request, "moderation/handling/_reply_check.html", {"block": block})


@allow(*INBOX_ROLES)
@require_POST
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _comment(request, pk)
    form = forms.ReplyForm(request.POST)
    made = submitted(
        request,
        form,
        lambda data: services.write_reply(
            comment,
            by=request.user,
            text=data["text"],
            seen_latest=data["seen_latest"],
            saved_reply=replies.saved_replies_for(comment).filter(pk=data["saved_reply"]).first()
            if data.get("saved_reply")
            else None,
        ),
        field="text",
    )
    if made:
        _tell_outcome(request, made.result, "Your reply")
        return _back(comment, "replies")
    return _detail_again(request, comment, reply_form=form)


def _tell_outcome(request: HttpRequest, reply: Reply, what: str) -> None:
    """What became of a reply once written: the platform's refusal is an error, with what to do next."""
    if reply.status == Reply.Status.AWAITING_APPROVAL:
        messages.success(request, f"{what} is waiting for a second person's approval.")
    elif reply.send_error:
        _tell_not_sent(request, reply, what)
    else:
        messages.success(request, _sent_words(reply, what))


def _sent_words(reply: Reply, what: str) -> str:
    if reply.status == Reply.Status.SENT:
        return f"{what} was sent."
    if reply.status == Reply.Status.SENDING:
        return f"{what} is being sent."
    return f"{what} is recorded. Post it on the platform, then record its address."


def _tell_not_sent(request: HttpRequest, reply: Reply, what: str) -> None:
    if reply.send_error:
        messages.error(
            request,
            f"{what} is recorded but Herald could not send it: {reply.send_error.rstrip('.')}. "
            "Send it again, or post it on the platform and record its address.",
        )


def _reply(request: HttpRequest, comment_pk: int, reply_pk: int) -> tuple[Comment, Reply]:
    comment = _comment(request, comment_pk)
    return comment, get_object_or_404(Reply, pk=reply_pk, comment=comment)


@allow(*INBOX_ROLES)
@require_POST
def approve_reply(request: HttpRequest, pk: int, reply_pk: int) -> HttpResponse:
    comment, found = _reply(request, pk, reply_pk)
    form = forms.ApproveReplyForm(request.POST)
    refusal = "Open the comment again and approve the reply you read"
    if carried_out(
        request,
        lambda: services.approve_reply(found, by=request.user, seen_sha256=_checked(form, refusal)["seen_sha256"]),
        done=lambda approved: "Reply approved." + ("" if approved.send_error else " " + _sent_words(approved, "It")),
    ):
        _tell_not_sent(request, Reply.objects.get(pk=found.pk), "The reply")
    return _back(comment, "replies")


@allow(*INBOX_ROLES)
@require_POST
def send_again(request: HttpRequest, pk: int, reply_pk: int) -> HttpResponse:
    """Try the platform again for a reply it refused or could not be reached for."""
    comment, found = _reply(request, pk, reply_pk)
    if carried_out(
        request,
        lambda: services.send_reply_again(found, by=request.user),
        done=lambda tried: (
            _sent_words(tried, "The reply") if tried.status == Reply.Status.SENT else "Herald tried again."
        ),
    ):
        _tell_not_sent(request, Reply.objects.get(pk=found.pk), "The reply")
    return _back(comment, "replies")


@allow(*INBOX_ROLES)
@require_POST
def withdraw_reply(request: HttpRequest, pk: int, reply_pk: int) -> HttpResponse:
    comment, found = _reply(request, pk, reply_pk)
    carried_out(request, lambda: services.withdraw_reply(found, by=request.user), done="Reply withdrawn.")
    return _back(comment, "replies")


@allow(*INBOX_ROLES)
@require_POST
def record_posted(request: HttpRequest, pk: int, reply_pk: int) -> HttpResponse:
    comment, found = _reply(request, pk, reply_pk)
    form = forms.RecordPostedForm(request.POST, reply=found)
    if submitted(
        request, form, lambda data: services.record_reply_posted(found, by=request.user, **data), field="address"
    ):
        messages.success(request, "The reply is recorded as posted.")
        return _back(comment, "replies")
    found.refresh_from_db(fields=["status"])
    if found.status != Reply.Status.READY:
        # Recorded, sent or withdrawn meanwhile: its form is gone from the page, so the refusal is a message.
        messages.error(request, next(iter(form.errors.values()))[0])
        return _back(comment, "replies")
    return _detail_again(request, comment, record_form=form)


@allow(*INBOX_ROLES)
@require_POST
def remove(request: HttpRequest, pk: int) -> HttpResponse:
    """Hide or delete the comment (the button pressed says which), evidence first."""
    comment = _comment(request, pk)
    form = forms.RemoveForm(request.POST)
    deleting = request.POST.get("action", "hide") == "delete"
    removal = services.delete_comment if deleting else services.hide_comment
    if submitted(
        request,
        form,
        lambda data: removal(comment, by=request.user, reason=data["reason"], detail=data["detail"]),
        field="reason",
    ):
        messages.success(request, f"The comment is {'deleted' if deleting else 'hidden'}. Its evidence is kept.")
        _tell_platform_refused(request, comment)
        return _back(comment, "evidence")
    return _detail_again(request, comment, remove_form=form)


@allow(*INBOX_ROLES)
@require_POST
def unhide(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _comment(request, pk)
    form = forms.UnhideForm(request.POST)
    refusal = "Enter why the comment is being shown again"
    if carried_out(
        request,
        lambda: services.unhide_comment(comment, by=request.user, reason=_checked(form, refusal)["reason"]),
        done="The comment is shown again.",
    ):
        _tell_platform_refused(request, comment)
    return _back(comment)


@allow(*INBOX_ROLES)
@require_POST
def platform_again(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    """Ask the platform again to hide, show or delete the comment, after it refused or never answered."""
    comment = _comment(request, pk)
    asked = get_object_or_404(PlatformAction, pk=action_pk, comment=comment)
    if carried_out(
        request,
        lambda: services.try_platform_again(asked, by=request.user),
        done=lambda tried: f"{tried.words}." if tried.status == PlatformAction.Status.DONE else "Herald tried again.",
    ):
        _tell_platform_refused(request, comment)
    return _back(comment, "evidence")


def _tell_platform_refused(request: HttpRequest, comment: Comment) -> None:
    """The platform's refusal, in its words, once Herald has heard it (the call runs after commit)."""
    latest = comment.platform_actions.order_by("-asked_at", "-id").first()
    if latest is not None and latest.status == PlatformAction.Status.REFUSED:
        messages.error(request, f"{latest.words}. {latest.error} Try again, or do it there yourself.")


@allow(*INBOX_ROLES)
def evidence_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    kept = get_object_or_404(Evidence.objects.select_related("comment"), pk=pk)
    if not selectors.can_work(request.user, kept.comment):
        raise Http404("No such evidence")
    response = HttpResponse(bytes(kept.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="evidence-{kept.pk}-comment-{kept.comment_id}.pdf"'
    return response


@allow(*INBOX_ROLES)
@require_POST
def undo_rule_action(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_object_or_404(RuleAction.objects.select_related("comment"), pk=pk)
    if not selectors.can_work(request.user, action.comment):
        raise Http404("No such action")
    carried_out(
        request,
        lambda: services.reverse_rule_action(action, by=request.user),
        done=f"Undone: {action.get_kind_display().lower()} by the rule “{action.rule_name}”.",
    )
    return _back(action.comment)


# --- Authors ------------------------------------------------------------------------------------------


@allow(*INBOX_ROLES)
def author(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(CommentAuthor, pk=pk)
    # The author's page is the inbox's: their comments on the accounts this person works. Someone who is
    # also the safeguarding lead sees a concern elsewhere on its own page, but does not warn, strike or
    # block its author through being the lead (selectors.worked_comments: the union of the roles, no more).
    history = selectors.worked_comments(request.user).filter(author=found).select_related("account")
    require(
        history.exists() or selectors.sees_everything(request.user), "You do not work any account this author wrote on."
    )
    form = forms.SanctionForm(request.POST if request.method == "POST" else None)
    if submitted(
        request,
        form,
        # Given for their latest comment on an account this person works: whoever works that account sees it.
        lambda data: services.sanction_author(
            found,
            kind=data["kind"],
            by=request.user,
            reason=data["reason"],
            comment=history.order_by("-posted_at", "-pk").first(),
        ),
    ):
        messages.success(request, "Recorded.")
        return redirect("moderation:author", pk=found.pk)
    abusive = cases.abusive_comments_by(found, among=selectors.worked_comments(request.user))
    return render(
        request,
        "moderation/handling/author.html",
        {
            "author": found,
            "history": list(history.order_by("-posted_at")[:200]),
            "accounts": history.values("account__display_name").annotate(n=Count("pk")).order_by("-n"),
            "abusive_count": len(abusive),
            "harassment": len(abusive) >= 2,
            "sanctions": list(selectors.sanctions_seen_by(request.user, found).select_related("by", "lifted_by")),
            "liftable": set(selectors.sanctions_liftable_by(request.user, found).values_list("pk", flat=True)),
            "form": form,
            "lift_form": forms.LiftForm(),
            "breadcrumbs": _inbox_crumbs(("Authors", reverse("moderation:blocked_authors")), (str(found), None)),
        },
        status=400 if form.errors else 200,
    )


@allow(*INBOX_ROLES)
@require_POST
def lift_sanction(request: HttpRequest, pk: int) -> HttpResponse:
    sanction = get_object_or_404(AuthorSanction.objects.select_related("author"), pk=pk)
    require(selectors.sanctions_liftable_by(request.user, sanction.author).filter(pk=sanction.pk).exists())
    form = forms.LiftForm(request.POST)
    carried_out(
        request,
        lambda: services.lift_sanction(
            sanction, by=request.user, reason=_checked(form, "Enter why it is lifted")["reason"]
        ),
        done="Lifted.",
    )
    return redirect("moderation:author", pk=sanction.author_id)


@allow(*INBOX_ROLES)
def blocked_authors(request: HttpRequest) -> HttpResponse:
    blocks = AuthorSanction.objects.filter(kind=AuthorSanction.Kind.BLOCK, lifted_at=None).select_related(
        "author", "by"
    )
    return render(
        request,
        "moderation/handling/blocked.html",
        {"blocks": list(blocks[:500]), "breadcrumbs": _inbox_crumbs(("Blocked authors", None))},
    )


# --- Councillor-abuse cases ----------------------------------------------------------------------------


@allow(*CASE_ROLES)
@require_POST
def open_case(request: HttpRequest, pk: int) -> HttpResponse:
    comment = (
        _comment(request, pk)
        if not request.user.has_role(Role.MONITORING_OFFICER)
        else get_object_or_404(Comment, pk=pk)
    )
    form = forms.CaseForm(request.POST)
    opened: list[CouncillorAbuseCase] = []
    if carried_out(
        request,
        lambda: opened.append(
            services.add_to_case(
                _checked(form, "Choose the councillor")["councillor"],
                comment,
                by=request.user,
                why="Raised by hand from the comment",
            )
        ),
        done=lambda _: f"The comment is on the case for {opened[0].councillor.full_name}.",
    ):
        return redirect("moderation:case", pk=opened[0].pk)
    return _back(comment)


@allow(*CASE_ROLES)
def case_list(request: HttpRequest) -> HttpResponse:
    found = CouncillorAbuseCase.objects.select_related("councillor").annotate(n=Count("comments"))
    return render(
        request,
        "moderation/handling/cases.html",
        {
            "open_cases": [c for c in found if c.is_open],
            "closed_cases": [c for c in found if not c.is_open][:100],
            "may_keep_handles": request.user.has_role(*HANDLE_ROLES),
            "breadcrumbs": _inbox_crumbs(("Councillor-abuse cases", None)),
        },
    )


@allow(*CASE_ROLES)
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(CouncillorAbuseCase.objects.select_related("councillor", "closed_by"), pk=pk)
    posted = request.POST if request.method == "POST" else None
    # two forms on the page: recording the police reference (open or closed) and closing the case
    recording = posted is not None and "record_reference" in posted
    reference_form = forms.PoliceReferenceForm(posted if recording else None)
    form = forms.CloseCaseForm(None if recording else posted)
    if submitted(request, reference_form, lambda data: services.record_police_reference(case, by=request.user, **data)):
        messages.success(request, "The police reference is recorded.")
        return redirect("moderation:case", pk=case.pk)
    if submitted(request, form, lambda data: services.close_case(case, by=request.user, **data)):
        messages.success(request, "The case is closed.")
        return redirect("moderation:case", pk=case.pk)
    return render(
        request,
        "moderation/handling/case.html",
        {
            "case": case,
            "comments": list(case.comments.select_related("account", "author").order_by("posted_at")),
            "works_inbox": request.user.has_role(*INBOX_ROLES),
            "form": form,
            "reference_form": reference_form,
            "breadcrumbs": _inbox_crumbs(("Councillor-abuse cases", reverse("moderation:cases")), (str(case), None)),
        },
        status=400 if form.errors or reference_form.errors else 200,
    )


@allow(*CASE_ROLES)
@require_POST
def case_pack(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(CouncillorAbuseCase.objects.select_related("councillor"), pk=pk)
    data = services.evidence_pack(case, by=request.user)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="councillor-abuse-case-{case.pk}-evidence.zip"'
    return response


def _handle_crumbs(*more: Crumb) -> list[Crumb]:
    return _inbox_crumbs(("Councillor-abuse cases", reverse("moderation:cases")), *more)


@allow(*HANDLE_ROLES)
def councillor_handles(request: HttpRequest) -> HttpResponse:
    form = forms.CouncillorHandleForm(request.POST if request.method == "POST" else None)
    added = submitted(request, form, lambda data: cases.add_councillor_handle(by=request.user, **data))
    if added:
        messages.success(request, f"@{added.result.handle} added for {added.result.councillor.full_name}.")
        return redirect("moderation:councillor_handles")
    return render(
        request,
        "moderation/handling/councillor_handles.html",
        {
            "handles": list(CouncillorHandle.objects.filter(retired_at=None).select_related("councillor")),
            "retired": list(
                CouncillorHandle.objects.exclude(retired_at=None).select_related("councillor").order_by("-retired_at")
            ),
            "form": form,
            "breadcrumbs": _handle_crumbs(("Councillors' handles", None)),
        },
        status=400 if form.errors else 200,
    )


@allow(*HANDLE_ROLES)
def councillor_handle_edit(request: HttpRequest, pk: int) -> HttpResponse:
    kept = get_object_or_404(CouncillorHandle.objects.select_related("councillor"), pk=pk, retired_at=None)
    form = forms.CouncillorHandleForm(
        request.POST if request.method == "POST" else None,
        initial={"councillor": kept.councillor_id, "platform": kept.platform, "handle": f"@{kept.handle}"},
    )
    if submitted(request, form, lambda data: cases.change_councillor_handle(kept, by=request.user, **data)):
        messages.success(request, "Handle saved.")
        return redirect("moderation:councillor_handles")
    return render(
        request,
        "moderation/handling/councillor_handle_edit.html",
        {
            "form": form,
            "kept": kept,
            "breadcrumbs": _handle_crumbs(
                ("Councillors' handles", reverse("moderation:councillor_handles")), (f"@{kept.handle}", None)
            ),
        },
        status=400 if form.errors else 200,
    )


@allow(*HANDLE_ROLES)
@require_POST
def councillor_handle_retire(request: HttpRequest, pk: int) -> HttpResponse:
    kept = get_object_or_404(CouncillorHandle, pk=pk)
    carried_out(
        request,
        lambda: cases.retire_councillor_handle(kept, by=request.user),
        done=f"@{kept.handle} retired: comments naming it no longer reach {kept.councillor}.",
    )
    return redirect("moderation:councillor_handles")


@allow(Role.COUNCILLOR)
def my_cases(request: HttpRequest) -> HttpResponse:
    found = CouncillorAbuseCase.objects.filter(councillor=request.user).annotate(n=Count("comments"))
    return render(
        request,
        "moderation/handling/my_cases.html",
        {"cases": list(found), "breadcrumbs": [HOME, ("Abuse aimed at you", None)]},
    )


# --- Rules, saved replies, reply approval ------------------------------------------------------------


@allow(*MANAGE_ROLES)
def rule_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "moderation/handling/rules.html",
        {
            "rules": list(ModerationRule.objects.select_related("assign_team", "auto_hide_allowed_by")),
            "is_admin": request.user.has_role(Role.ADMIN),
            "breadcrumbs": _inbox_crumbs(("Moderation rules", None)),
        },
    )


@allow(*MANAGE_ROLES)
def rule_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    rule = get_object_or_404(ModerationRule, pk=pk) if pk else ModerationRule()
    form = forms.RuleForm(
        request.POST if request.method == "POST" else None, initial=forms.RuleForm.initial_for(rule) if pk else None
    )
    if submitted(
        request, form, lambda data: services.save_rule(form.apply_to(rule), by=request.user, alert=list(data["alert"]))
    ):
        messages.success(request, f"Rule “{rule.name}” saved.")
        return redirect("moderation:rules")
    return render(
        request,
        "moderation/handling/rule_edit.html",
        {
            "form": form,
            "rule": rule if pk else None,
            "breadcrumbs": _inbox_crumbs(
                ("Moderation rules", reverse("moderation:rules")), (rule.name or "New rule", None)
            ),
        },
        status=400 if form.errors else 200,
    )


@allow(Role.ADMIN)
@require_POST
def rule_auto_hide(request: HttpRequest, pk: int) -> HttpResponse:
    rule = get_object_or_404(ModerationRule, pk=pk)
    carried_out(
        request,
        lambda: services.allow_automatic_hiding(rule, by=request.user, allow=request.POST.get("allow") == "yes"),
        done="Saved.",
    )
    return redirect("moderation:rules")


@allow(*MANAGE_ROLES)
def saved_replies(request: HttpRequest) -> HttpResponse:
    form = forms.SavedReplyForm(request.POST if request.method == "POST" else None)
    if submitted(request, form, lambda data: replies.save_reply_template(by=request.user, **data)):
        messages.success(request, "Saved reply added.")
        return redirect("moderation:saved_replies")
    return render(
        request,
        "moderation/handling/saved_replies.html",
        {
            "saved": list(SavedReply.objects.filter(retired_at=None).select_related("account")),
            "form": form,
            "breadcrumbs": _inbox_crumbs(("Saved replies", None)),
        },
        status=400 if form.errors else 200,
    )


@allow(*MANAGE_ROLES)
@require_POST
def retire_saved_reply(request: HttpRequest, pk: int) -> HttpResponse:
    saved = get_object_or_404(SavedReply, pk=pk, retired_at=None)
    replies.retire_saved_reply(saved, by=request.user)
    messages.success(request, f"“{saved.title}” retired.")
    return redirect("moderation:saved_replies")


@allow(*MANAGE_ROLES)
def reply_approval(request: HttpRequest) -> HttpResponse:
    current = set(ReplySetting.objects.filter(requires_approval=True).values_list("account_id", flat=True))
    form = forms.ReplyApprovalForm(initial={"accounts": list(current)})
    if request.method == "POST":
        form = forms.ReplyApprovalForm(request.POST)
        if form.is_valid():
            wanted = {a.pk for a in form.cleaned_data["accounts"]}
            for account in Account.objects.filter(pk__in=wanted ^ current):
                replies.set_reply_approval(account, requires=account.pk in wanted, by=request.user)
            messages.success(request, "Reply approval saved.")
            return redirect("moderation:reply_approval")
    return render(
        request,
        "moderation/handling/reply_approval.html",
        {"form": form, "breadcrumbs": _inbox_crumbs(("Reply approval", None))},
    )


# --- House rules ------------------------------------------------------------------------------------


@public
def house_rules(request: HttpRequest, number: int | None = None) -> HttpResponse:
    """The council's rules for comments on its accounts, for everyone; older versions stay readable."""
    readable = HouseRules.objects.readable()
    version = get_object_or_404(readable, number=number) if number else readable.filter(status="published").first()
    return render(
        request,
        "moderation/handling/house_rules.html",
        {
            "version": version,
            "body": rendering.render(version.body) if version else "",
            "history": list(readable.order_by("-number")),
            "breadcrumbs": [HOME, ("House rules", None)],
        },
    )


@allow(*MANAGE_ROLES)
def house_rules_edit(request: HttpRequest) -> HttpResponse:
    draft = HouseRules.objects.filter(status=HouseRules.Status.DRAFT).first()
    published = rules.published_house_rules()
    start = draft or published
    form = forms.HouseRulesForm(
        request.POST if request.method == "POST" else None,
        initial={"body": start.body if start else "", "change_summary": draft.change_summary if draft else ""},
    )
    action = request.POST.get("action", "save")
    if request.method == "POST" and action == "discard" and draft:
        carried_out(request, lambda: rules.discard_house_rules_draft(draft, by=request.user), done="Draft discarded.")
        return redirect("moderation:house_rules_edit")

    def save(data: dict[str, Any]) -> HouseRules:
        saved = services.save_house_rules_draft(by=request.user, **data)
        if action == "publish":
            services.publish_house_rules(saved, by=request.user)
        return saved

    made = submitted(request, form, save)
    if made and action == "publish":
        messages.success(request, f"Version {made.result.number} of the house rules is published.")
        return redirect("house_rules")
    if made:
        messages.success(request, "Draft saved.")
        return redirect("moderation:house_rules_edit")
    return render(
        request,
        "moderation/handling/house_rules_edit.html",
        {
            "form": form,
            "draft": draft,
            "published": published,
            "breadcrumbs": _inbox_crumbs(("House rules", None)),
        },
        status=400 if form.errors else 200,
    )
