"""The moderation inbox: every comment on the accounts a person works, with filters, search, and the
comment's page (findings, flags, notes, history)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from herald.access import allow
from herald.errors import Refused
from herald.forms import filtered_list, show_refusal, submitted
from herald.moderation import handling_views, selectors, services
from herald.moderation.forms import (
    AssignForm,
    BulkForm,
    CloseFlagForm,
    ConcernForm,
    FlagForm,
    ImportForm,
    InboxFilterForm,
    NoteForm,
    StatusForm,
    TokenForm,
)
from herald.moderation.models import Comment, CommentFlag, ModerationTeam
from herald.moderation.nav import CONCERN_ROLES, INBOX_ROLES, MANAGE_ROLES
from herald.moderation.services import hours
from herald.navigation import Crumb
from herald.people.models import Person
from herald.plain_text import whole_number
from herald.posts.findings import present

HOME = ("Home", "/")
PAGE_SIZE = 50


def _crumbs(*more: Crumb) -> list[Crumb]:
    return [HOME, ("Inbox", reverse("moderation:inbox")), *more]


def _comment(request: HttpRequest, pk: int, visible: QuerySet[Comment] | None = None) -> Comment:
    """The comment, for someone who works its account or queue; nobody else learns it exists."""
    # Looked for among the comments this person may see (selectors.can_see's rule), in one query.
    comment = (
        (selectors.visible_comments(request.user) if visible is None else visible)
        .select_related("account", "author", "assignee", "team", "parent")
        .filter(pk=pk)
        .first()
    )
    if comment is None:
        raise Http404("No such comment")
    return comment


def _out_of_hours() -> dict | None:
    """The notice shown while the council is closed: when the clocks start again."""
    now = timezone.now()
    if not hours.is_out_of_hours(now):
        return None
    business = hours.business_hours()
    reopens = business.deadline(now, 0, hours.closed_days())
    return {"hours": business.describe(), "reopens": timezone.localtime(reopens)}


class _Clocks:
    """The response clocks of one page, against one set of business hours, closed days and moment.

    An overdue clock counts business time from when the comment was due until now, day by day; on a
    page of comments overdue for years that is tens of thousands of days. Every one of them ends now,
    so the business time from the start of each day until now is worked out once for the page and
    shared (`_until_now`); the count is the same as BusinessHours.business_minutes_between's."""

    def __init__(self) -> None:
        self.business = hours.business_hours()
        self.closed = hours.closed_days()
        self.now = timezone.now()
        self.zone = ZoneInfo(self.business.zone)
        self.today = self.now.astimezone(self.zone).date()
        # {day: business time from that day's start until now}, filled backwards as far as a page needs.
        self.from_day: dict[dt.date, dt.timedelta] = {self.today: self._open(self.today, until=self.now)}

    def of(self, comment: Comment) -> dict:
        """The response clock as the inbox shows it: due, overdue, or stopped when handled."""
        if comment.respond_by is None:
            return {"state": "none"}
        business, closed = self.business, self.closed
        if comment.first_handled_at is not None:
            # The first response, however often it is reopened: a reopened comment says so beside it.
            taken = business.business_minutes_between(comment.received_at, comment.first_handled_at, closed)
            met = comment.first_handled_at <= comment.respond_by
            return {
                "state": "met" if met else "late",
                "minutes": taken,
                "text": _duration(taken),
                "reopened": comment.is_reopened,
                "reopened_at": comment.reopened_at,
            }
        if self.now > comment.respond_by:
            over = self._until_now(comment.respond_by)
            return {"state": "overdue", "minutes": over, "text": _duration(over), "due": comment.respond_by}
        left = business.business_minutes_between(self.now, comment.respond_by, closed)
        return {"state": "due", "minutes": left, "text": _duration(left), "due": comment.respond_by}

    def _open(
        self, day: dt.date, *, since: dt.datetime | None = None, until: dt.datetime | None = None
    ) -> dt.timedelta:
        """Business time on `day`, from `since` and until `until` if they fall inside it."""
        if not self.business.is_working_day(day, self.closed):
            return dt.timedelta()
        opens, closes = self.business.open_span(day)  # in UTC: the Sundays the clocks change keep their length
        lo = max(opens, since) if since is not None else opens
        hi = min(closes, until) if until is not None else closes
        return hi - lo if hi > lo else dt.timedelta()

    def _until_now(self, since: dt.datetime) -> int:
        """Business minutes from `since` (earlier) until now."""
        day = since.astimezone(self.zone).date()
        if day >= self.today:
            return self.business.business_minutes_between(since, self.now, self.closed)
        later = day + dt.timedelta(days=1)
        if later not in self.from_day:
            missing = []
            walk = later
            while walk not in self.from_day:
                missing.append(walk)
                walk += dt.timedelta(days=1)
            total = self.from_day[walk]
            for each in reversed(missing):
                total += self._open(each)
                self.from_day[each] = total
        return int((self._open(day, since=since) + self.from_day[later]).total_seconds() // 60)


def _duration(minutes: int) -> str:
    hours_, mins = divmod(minutes, 60)
    if hours_ and mins:
        return f"{hours_}h {mins}m"
    return f"{hours_}h" if hours_ else f"{mins}m"


@allow(*INBOX_ROLES)
def inbox(request: HttpRequest) -> HttpResponse:
    # Worked out once: the filter lists these accounts, and the comments shown are on them.
    accounts = list(selectors.visible_accounts(request.user).order_by("display_name"))
    teams = list(selectors.visible_teams(request.user, accounts=accounts))
    form = InboxFilterForm(request.GET or None, accounts=accounts, teams=teams)
    asked = request.GET.get("page", "")
    page = max(1, min(whole_number(asked) or 1, 1000))
    start = (page - 1) * PAGE_SIZE
    if form.is_bound and not form.is_valid():
        rows = []  # the summary says what to fix; the default list would look like the filter's answer
    else:
        wanted = form.wanted() if form.is_bound else selectors.InboxFilter(status="open")
        # One row more than a page says whether there is a next page, without counting a million rows.
        rows = selectors.inbox_page(request.user, wanted, start=start, size=PAGE_SIZE + 1, accounts=accounts)
    comments = rows[:PAGE_SIZE]
    clocks = _Clocks()
    context = {
        "comments": [(comment, clocks.of(comment)) for comment in comments],
        "page": page,
        "has_next": len(rows) > PAGE_SIZE,
        "bulk": BulkForm(ids=[c.pk for c in comments]),
        "out_of_hours": _out_of_hours(),
        "query": request.GET.urlencode(),
        "breadcrumbs": [HOME, ("Inbox", None)],
    }
    return filtered_list(
        request,
        page="moderation/inbox.html",
        results="moderation/_results.html",
        filters="moderation/_filters.html",
        form=form,
        context=context,
    )


@allow(*CONCERN_ROLES)
def flags(request: HttpRequest) -> HttpResponse:
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


def _detail(request: HttpRequest, comment: Comment, *, visible: QuerySet[Comment] | None = None, **forms) -> object:
    report = {"findings": comment.findings, "pre_election": comment.pre_election}
    flags = list(comment.flags.select_related("closed_by", "raised_by"))
    refused = forms.get("close_form")
    for flag in flags:
        flag.close_form = refused if refused is not None and refused.flag.pk == flag.pk else CloseFlagForm(flag=flag)
    context = {
        "comment": comment,
        "clock": _Clocks().of(comment),
        "arrived_out_of_hours": hours.is_out_of_hours(comment.received_at),
        "presented": present(comment.text, report) if comment.checked_at else None,
        "flags": flags,
        "notes": list(comment.notes.select_related("author")),
        # Its earlier texts, newest first, when its author edited it on the platform.
        "edits": list(comment.edits.order_by("-replaced_at", "-id")),
        "history": list(
            (selectors.visible_comments(request.user) if visible is None else visible)
            .filter(author=comment.author)
            .exclude(pk=comment.pk)
            .select_related("account")[:10]
        )
        if comment.author_id
        else [],
        "assign_form": forms.get("assign_form")
        or AssignForm(comment=comment, person=request.user, initial={"assignee": comment.assignee_id}),
        "status_form": forms.get("status_form") or StatusForm(initial={"status": comment.status}),
        "note_form": forms.get("note_form") or NoteForm(),
        "flag_form": forms.get("flag_form") or FlagForm(),
        "close_form": refused,
        "concern_form": forms.get("concern_form") or ConcernForm(),
        # The children check found a child named with an age, class or school, or a concern is flagged.
        "identifies_a_child": any(f.kind == CommentFlag.Kind.SAFEGUARDING for f in flags)
        or any(str(finding.get("rule", "")).startswith("child-identified") for finding in comment.findings or []),
        "open_concern": any(f.kind == CommentFlag.Kind.SAFEGUARDING and f.is_open for f in flags),
        "breadcrumbs": _crumbs((f"Comment {comment.pk}", None)),
        # The safeguarding lead opens a comment for its concern: the flag and notes, not the inbox's handling.
        # Someone who is both an editor and the lead works the inbox of their own accounts only.
        "works_inbox": selectors.can_work(request.user, comment),
        # Replies, presence, hiding and deleting with evidence, the author and cases (handling_views.py).
        **handling_views.context_for(
            request,
            comment,
            reply_form=forms.get("reply_form"),
            remove_form=forms.get("remove_form"),
            record_form=forms.get("record_form"),
        ),
    }
    status = 400 if any(form.errors for form in forms.values() if form is not None) else 200
    return render(request, "moderation/detail.html", context, status=status)


@allow(*CONCERN_ROLES)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    visible = selectors.visible_comments(request.user)
    return _detail(request, _comment(request, pk, visible), visible=visible)


def _back(comment: Comment) -> HttpResponse:
    return redirect("moderation:detail", comment.pk)


@allow(*INBOX_ROLES)
@require_POST
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _comment(request, pk)
    form = AssignForm(request.POST, comment=comment, person=request.user)

    def hand_over(data: dict) -> Person | None:
        to = Person.objects.filter(pk=data["assignee"]).first() if data["assignee"] else None
        team = ModerationTeam.objects.filter(pk=data["team"]).first() if data["team"] else None
        services.assign_comment(comment, by=request.user, to=to, team=team)
        return to

    if done := submitted(request, form, hand_over):
        messages.success(
            request, f"Assigned to {done.result.full_name}" if done.result else "Nobody has this comment now"
        )
        return _back(comment)
    return _detail(request, comment, assign_form=form)


@allow(*INBOX_ROLES)
@require_POST
def set_status(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _comment(request, pk)
    form = StatusForm(request.POST)
    if submitted(
        request,
        form,
        lambda data: services.set_status(comment, by=request.user, status=data["status"], reason=data["reason"]),
    ):
        messages.success(request, f"Marked as {comment.get_status_display().lower()}")
        return _back(comment)
    return _detail(request, comment, status_form=form)


@allow(*CONCERN_ROLES)
@require_POST
def add_note(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _comment(request, pk)
    form = NoteForm(request.POST)
    if submitted(request, form, lambda data: services.add_note(comment, by=request.user, text=data["text"])):
        messages.success(request, "Note added")
        return _back(comment)
    return _detail(request, comment, note_form=form)


@allow(*INBOX_ROLES)
@require_POST
def raise_flag(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _comment(request, pk)
    form = FlagForm(request.POST)
    if submitted(
        request,
        form,
        lambda data: services.raise_flag(comment, by=request.user, kind=data["kind"], reason=data["reason"]),
    ):
        messages.success(request, "Flag raised")
        return _back(comment)
    return _detail(request, comment, flag_form=form)


@allow(*CONCERN_ROLES)
@require_POST
def raise_concern(request: HttpRequest, pk: int) -> HttpResponse:
    """Raise a safeguarding concern by hand: whoever sees the comment, the safeguarding lead included."""
    comment = _comment(request, pk)
    form = ConcernForm(request.POST)
    if submitted(
        request, form, lambda data: services.raise_safeguarding_concern(comment, by=request.user, reason=data["reason"])
    ):
        messages.success(request, "Safeguarding concern raised: the safeguarding lead has been emailed")
        return _back(comment)
    return _detail(request, comment, concern_form=form)


@allow(*CONCERN_ROLES)
@require_POST
def close_flag(request: HttpRequest, pk: int, flag_pk: int) -> HttpResponse:
    comment = _comment(request, pk)
    flag = get_object_or_404(CommentFlag.objects.filter(comment=comment), pk=flag_pk)
    if not selectors.can_close(request.user, flag):
        # The lead closes the concern, no other flag; an editor who is also the lead closes any flag on
        # their own accounts' comments, and only the concern on others (the union of the two, no more).
        raise Http404("No such flag")
    form = CloseFlagForm(request.POST, flag=flag)
    if submitted(request, form, lambda data: services.close_flag(flag, by=request.user, outcome=data["outcome"])):
        messages.success(request, f"{flag.get_kind_display()} closed")
        return _back(comment)
    return _detail(request, comment, close_form=form)


@allow(*INBOX_ROLES)
@require_POST
def bulk(request: HttpRequest) -> HttpResponse:
    ids = [n for value in request.POST.getlist("comments") if (n := whole_number(value)) is not None][:200]
    form = BulkForm(request.POST, ids=ids)
    back = reverse("moderation:inbox") + ("?" + request.POST["query"] if request.POST.get("query") else "")
    if form.is_valid():
        chosen = list(selectors.visible_comments(request.user).filter(pk__in=form.cleaned_data["comments"]))
        action, _, status = form.cleaned_data["action"].partition(":")
        try:
            done = services.act_on_many(chosen, by=request.user, action=action, status=status)
        except Refused as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"{done} comment{'s' if done != 1 else ''} updated")
    else:
        messages.error(request, " ".join(error for errors in form.errors.values() for error in errors))
    return redirect(back)


# --- Getting comments in by hand: ingest tokens and CSV files ---


@allow(*MANAGE_ROLES)
def tokens(request: HttpRequest) -> HttpResponse:
    from herald.moderation.models import IngestToken
    from herald.social_accounts.models import Account

    accounts = Account.objects.in_register().order_by("display_name")
    form = TokenForm(request.POST or None, accounts=accounts)
    issued = None
    if request.method == "POST" and form.is_valid():
        account = accounts.filter(pk=form.cleaned_data["account"]).first()
        try:
            if account is None:
                raise Refused("Choose an account in the register", field="account")
            record, secret = services.issue_token(account, by=request.user, name=form.cleaned_data["name"])
        except Refused as exc:
            show_refusal(form, exc)
        else:
            issued = {"record": record, "token": secret}
            form = TokenForm(accounts=accounts)
    return render(
        request,
        "moderation/tokens.html",
        {
            "form": form,
            "issued": issued,
            "tokens": IngestToken.objects.select_related("account", "issued_by", "revoked_by")[:200],
            "breadcrumbs": _crumbs(("Ingest tokens", None)),
        },
        status=400 if form.errors else 200,
    )


@allow(*MANAGE_ROLES)
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    from herald.moderation.models import IngestToken

    record = get_object_or_404(IngestToken, pk=pk)
    try:
        services.revoke_token(record, by=request.user)
    except Refused as exc:
        messages.error(request, str(exc.messages[0]))
    else:
        messages.success(request, f"Token ‘{record.name}’ revoked: it no longer works")
    return redirect("moderation:tokens")


@allow(*INBOX_ROLES)
def import_csv(request: HttpRequest) -> HttpResponse:
    accounts = selectors.visible_accounts(request.user).in_register().order_by("display_name")
    form = ImportForm(request.POST or None, request.FILES or None, accounts=accounts)
    if request.method == "POST" and form.is_valid():
        account = accounts.filter(pk=form.cleaned_data["account"]).first()
        upload = form.cleaned_data["file"]
        try:
            if account is None:
                raise Refused("Choose an account you work the inbox for", field="account")
            record = services.import_comments_csv(account, upload.read(), by=request.user, filename=upload.name)
        except Refused as exc:
            show_refusal(form, exc, field="file")
        else:
            messages.success(
                request,
                f"{record.created} comment{'s' if record.created != 1 else ''} imported into {account}"
                + (f"; {record.duplicates} were already in Herald" if record.duplicates else ""),
            )
            return redirect(reverse("moderation:inbox") + f"?account={account.pk}&status=")
    return render(
        request,
        "moderation/import.html",
        {"form": form, "breadcrumbs": _crumbs(("Import comments", None))},
        status=400 if form.errors else 200,
    )
