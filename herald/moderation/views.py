"""The moderation inbox: every comment on the accounts a person works, with filters, search, and the
comment's page (findings, flags, notes, history)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from herald.access import allow
from herald.moderation import handling_views, selectors
from herald.moderation.forms import InboxFilterForm
from herald.moderation.models import Comment, CommentFlag
from herald.moderation.nav import INBOX_ROLES
from herald.posts.findings import present

HOME = ("Home", "/")
PAGE_SIZE = 50


def _crumbs(*more):
    return [HOME, ("Inbox", reverse("moderation:inbox")), *more]


def _comment(request, pk: int) -> Comment:
    """The comment, for someone who works its account or queue; nobody else learns it exists."""
    comment = get_object_or_404(
        Comment.objects.select_related("account", "author", "assignee", "team", "parent"), pk=pk
    )
    if not selectors.can_see(request.user, comment):
        raise Http404("No such comment")
    return comment


@allow(*INBOX_ROLES)
def inbox(request):
    form = InboxFilterForm(request.GET or None, person=request.user)
    wanted = form.wanted() if form.is_bound and form.is_valid() else selectors.InboxFilter(status="open")
    page = max(1, min(int(request.GET.get("page", "1")) if request.GET.get("page", "").isdigit() else 1, 1000))
    start = (page - 1) * PAGE_SIZE
    # One row more than a page says whether there is a next page, without counting a million rows.
    rows = list(selectors.inbox(request.user, wanted)[start : start + PAGE_SIZE + 1])
    context = {
        "form": form,
        "comments": rows[:PAGE_SIZE],
        "page": page,
        "has_next": len(rows) > PAGE_SIZE,
        "breadcrumbs": [HOME, ("Inbox", None)],
    }
    template = "moderation/_results.html" if request.headers.get("HX-Request") else "moderation/inbox.html"
    return render(request, template, context)


@allow(*INBOX_ROLES)
def flags(request):
    kind = request.GET.get("kind", "")
    if kind not in CommentFlag.Kind.values:
        kind = ""
    found = list(selectors.open_flags(request.user, kind)[:200])
    return render(
        request,
        "moderation/flags.html",
        {
            "flags": found,
            "kind": kind,
            "kinds": CommentFlag.Kind.choices,
            "breadcrumbs": _crumbs(("Flags", None)),
        },
    )


@allow(*INBOX_ROLES)
def detail(request, pk: int, handling: dict | None = None, status: int = 200):
    comment = _comment(request, pk)
    report = {"findings": comment.findings, "pre_election": comment.pre_election}
    return render(
        request,
        "moderation/detail.html",
        {
            "comment": comment,
            "presented": present(comment.text, report) if comment.checked_at else None,
            "flags": list(comment.flags.all()),
            "notes": list(comment.notes.select_related("author")),
            "breadcrumbs": _crumbs((f"Comment {comment.pk}", None)),
            # Replies, presence, hiding and deleting, the author and cases (handling_views.py); a
            # handling form that failed comes back in `handling` with its errors.
            **handling_views.context_for(request, comment, **(handling or {})),
        },
        status=status,
    )
