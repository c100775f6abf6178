"""The archive as a spreadsheet and as readable PDFs (one post, or every post a search finds), for FOI
requests and the council's own records. Each export is of what the person may see, and is audited."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from herald.access import allow
from herald.audit import services as audit
from herald.consents.selectors import why_media_stopped
from herald.csv_export import csv_response
from herald.pdf import data_uri, pdf_response
from herald.posts import findings
from herald.posts.forms import ArchiveFilter
from herald.posts.models import Approval, Post, Revision
from herald.posts.views import POST_ROLES, _mark_text_writers, _visible_post

# A search PDF longer than this is refused with the advice to narrow it (or use the CSV, which has no cap).
MAX_POSTS_PER_PDF = 200


def _searched(request: HttpRequest) -> tuple[QuerySet[Post] | None, ArchiveFilter]:
    """The posts the archive's search finds for this person, or None if the search itself is invalid."""
    visible = Post.objects.visible_to(request.user)
    form = ArchiveFilter(request.GET or None, posts=visible)
    if form.is_bound and not form.is_valid():
        return None, form
    posts = form.filter(visible).select_related("account", "author", "published_by", "override_by")
    return posts.order_by("-scheduled_for", "-id"), form


def _search_terms(request: HttpRequest) -> dict[str, str]:
    return {key: value for key, value in request.GET.items() if value and key != "page"}


def _back_to_search(request: HttpRequest) -> HttpResponse:
    query = request.GET.urlencode()
    return redirect(f"{reverse('posts:archive')}?{query}" if query else reverse("posts:archive"))


@allow(*POST_ROLES)
def archive_csv(request: HttpRequest) -> HttpResponse:
    posts, _form = _searched(request)
    if posts is None:
        return _back_to_search(request)
    posts = list(posts.prefetch_related("media", "approvals__person"))
    _mark_text_writers(posts)
    audit.record(
        actor=request.user,
        action="posts.archive_exported",
        object_type="posts.post",
        object_repr=f"{len(posts)} posts as CSV",
        after={"format": "csv", "search": _search_terms(request), "posts": len(posts)},
    )
    header = [
        "Post",
        "Kind",
        "Account",
        "Platform",
        "Status",
        "Scheduled for",
        "Published at",
        "Published address",
        "Author",
        "Text written by",
        "Text",
        "Characters",
        "Photos and videos (alt text)",
        "Check findings",
        "Approvals",
        "Blocking findings overridden by",
        "Override justification",
        "Link",
    ]
    return csv_response(
        f"herald-archive-{timezone.localdate():%Y-%m-%d}.csv",
        header,
        (_csv_row(request, post) for post in posts),
        byte_order_mark=True,
    )


def _when(value: dt.datetime | None) -> str:
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M") if value else ""


def _csv_row(request: HttpRequest, post: Post) -> list[object]:
    approvals = [a for a in post.approvals.all() if a.round == post.round]
    return [
        post.pk,
        post.get_kind_display(),
        post.account.display_name,
        post.account.get_platform_display(),
        post.get_status_display(),
        _when(post.scheduled_for),
        _when(post.published_at),
        post.published_url,
        post.author.full_name,
        "; ".join(post.text_writers),
        post.text,
        findings.platform_length(post.text, post.platform).count,
        "; ".join(f"{m.title} ({m.alt_text or 'no alt text'})" for m in post.media.all()),
        "; ".join(f"{f['severity']}: {f['message']}" for f in post.findings),
        "; ".join(f"{a.get_decision_display()} by {a.person.full_name}, {_when(a.at)}" for a in approvals),
        post.override_by.full_name if post.override_by else "",
        post.override_justification,
        request.build_absolute_uri(reverse("posts:detail", args=[post.pk])),
    ]


def _record(post: Post) -> dict:
    """Everything the PDF shows about one post."""
    approvals = list(post.approvals.select_related("person").order_by("at", "pk"))
    media = list(post.media.all())
    stopped = why_media_stopped(m.pk for m in media)  # no longer shown: the record keeps only its words
    return {
        "post": post,
        "length": findings.platform_length(post.text, post.platform),
        "media": [
            {"asset": m, "picture": "" if m.pk in stopped else data_uri(m.thumbnail), "withheld": m.pk in stopped}
            for m in media
        ],
        "approvals": approvals,
        "revisions": list(Revision.objects.filter(post=post).select_related("made_by").order_by("number")),
        "notes": list(post.notes.select_related("author")),
        "Decision": Approval.Decision,
    }


def _pdf_context(request: HttpRequest, records: list[dict], *, title: str, search: dict[str, str]) -> dict:
    return {
        "records": records,
        "title": title,
        "search": search,
        "made_by": request.user,
        "made_at": timezone.localtime(),
    }


@allow(*POST_ROLES)
def post_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    post = _visible_post(request, pk)
    _mark_text_writers([post])
    audit.record(actor=request.user, action="posts.record_exported", obj=post, after={"format": "pdf"})
    return pdf_response(
        f"herald-post-{post.pk}.pdf",
        "posts/record.pdf.html",
        _pdf_context(request, [_record(post)], title=f"Record of post {post.pk}", search={}),
    )


@allow(*POST_ROLES)
def archive_pdf(request: HttpRequest) -> HttpResponse:
    posts, _form = _searched(request)
    if posts is None:
        return _back_to_search(request)
    count = posts.count()
    if count > MAX_POSTS_PER_PDF:
        messages.error(
            request,
            f"The search finds {count} posts; a PDF holds at most {MAX_POSTS_PER_PDF}. Narrow the search "
            "(dates, account) or download the spreadsheet, which holds them all.",
        )
        return _back_to_search(request)
    posts = list(posts.prefetch_related("media"))
    _mark_text_writers(posts)
    search = _search_terms(request)
    audit.record(
        actor=request.user,
        action="posts.archive_exported",
        object_type="posts.post",
        object_repr=f"{len(posts)} posts as PDF",
        after={"format": "pdf", "search": search, "posts": len(posts)},
    )
    return pdf_response(
        f"herald-archive-{timezone.localdate():%Y-%m-%d}.pdf",
        "posts/record.pdf.html",
        _pdf_context(request, [_record(p) for p in posts], title="Posts from the archive", search=search),
    )
