"""The content calendar: scheduled and published posts across the accounts a person may see, by month or
by week, with the pre-election period and bank holidays shown. Posts the person may change can be dragged
to another day, or moved with the "Move" link (keyboard and no JavaScript): both make the same change, with
the same checks, as changing the time on the post's own form."""

from __future__ import annotations

import calendar as month_calendar
import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.db.models import QuerySet
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from herald.access import allow, require
from herald.dates import uk_date, uk_datetime, uk_time
from herald.elections import selectors as elections
from herald.errors import Refused
from herald.forms import RowChoiceField, clock_change, show_refusal
from herald.people.models import ServiceArea
from herald.posts import selectors, services
from herald.posts.forms import ScheduleField
from herald.posts.models import Post
from herald.posts.views import HOME, POST_ROLES, _posts_crumb, _visible_post
from herald.social_accounts.models import Account

ONE_DAY = dt.timedelta(days=1)
TAGS = {
    "draft": "grey",
    "awaiting_approval": "yellow",
    "sent_back": "orange",
    "approved": "blue",
    "ready": "pink",
    "published": "green",
    "expired": "red",
}
SHOWN_STATUSES = [(value, label) for value, label in Post.Status.choices if value != Post.Status.CANCELLED]


class CalendarFilter(forms.Form):
    account = RowChoiceField(label="Account", queryset=Account.objects.none(), required=False, empty_label="All")
    service_area = RowChoiceField(
        label="Service area", queryset=ServiceArea.objects.order_by("name"), required=False, empty_label="All"
    )
    status = forms.ChoiceField(label="Status", choices=[("", "All"), *SHOWN_STATUSES], required=False)

    def __init__(self, *args: Any, accounts: QuerySet[Account], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = accounts


# The calendar moves a week or a month either side of the day shown; a day outside these years (typed
# into the address) shows today, so the previous and next links never run off the end of the calendar.
FIRST_YEAR, LAST_YEAR = 1900, 2999


def _day(value: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return timezone.localdate()
    return day if FIRST_YEAR <= day.year <= LAST_YEAR else timezone.localdate()


def _range(view: str, day: dt.date) -> tuple[dt.date, dt.date, dt.date, dt.date]:
    """First and last day shown, and the days the previous and next buttons lead to."""
    if view == "week":
        first = day - dt.timedelta(days=day.weekday())
        return first, first + dt.timedelta(days=6), first - dt.timedelta(days=7), first + dt.timedelta(days=7)
    month_first = day.replace(day=1)
    month_last = day.replace(day=month_calendar.monthrange(day.year, day.month)[1])
    first = month_first - dt.timedelta(days=month_first.weekday())
    last = month_last + dt.timedelta(days=6 - month_last.weekday())
    previous = (month_first - ONE_DAY).replace(day=1)
    return first, last, previous, month_last + ONE_DAY


def _start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_current_timezone())


@allow(*POST_ROLES)
def calendar(request: HttpRequest) -> HttpResponse:
    user = request.user
    view = "week" if request.GET.get("view") == "week" else "month"
    day = _day(request.GET.get("date", ""))
    first, last, previous, following = _range(view, day)
    visible = Post.objects.visible_to(user)
    accounts = Account.objects.filter(pk__in=visible.values("account")).order_by("display_name")
    form = CalendarFilter(request.GET or None, accounts=accounts)
    posts = selectors.with_approval_state(
        visible.exclude(status=Post.Status.CANCELLED)
        .annotate(when=Coalesce("published_at", "scheduled_for"))
        .filter(when__gte=_start_of(first), when__lt=_start_of(last + ONE_DAY))
        .select_related("account", "account__team__service_area", "author")
        .order_by("when", "pk")
    )
    if form.is_valid():
        if form.cleaned_data["account"]:
            posts = posts.filter(account=form.cleaned_data["account"])
        if form.cleaned_data["service_area"]:
            posts = posts.filter(account__team__service_area=form.cleaned_data["service_area"])
        if form.cleaned_data["status"]:
            posts = posts.filter(status=form.cleaned_data["status"])
    here = request.get_full_path()
    writable = set(selectors.accounts_writable_by(user).values_list("pk", flat=True))
    by_day: dict[dt.date, list[dict]] = {}
    for post in posts[:2000]:
        when = timezone.localtime(post.when)
        by_day.setdefault(when.date(), []).append(
            {
                "post": post,
                "time": uk_time(when),
                "tag": TAGS.get(post.status, "grey"),
                "excerpt": post.text if len(post.text) <= 80 else post.text[:78].rstrip() + "…",
                "can_move": post.status != Post.Status.PUBLISHED and selectors.can_edit(post, user, writable=writable),
                "move_url": f"{reverse('posts:reschedule', args=[post.pk])}?{_next_query(here)}",
            }
        )
    holidays = elections.bank_holidays_between(first, last)
    periods = elections.periods_between(first, last)
    today = timezone.localdate()
    days = []
    current = first
    while current <= last:
        days.append(
            {
                "date": current,
                "iso": current.isoformat(),
                "posts": by_day.get(current, []),
                "holiday": holidays.get(current, ""),
                "pre_election": [e for e in periods if e.period_starts_on <= current <= e.period_ends_on],
                "is_today": current == today,
                "outside": view == "month" and current.month != day.month,
                "past": current < today,
            }
        )
        current += ONE_DAY
    weeks = [days[i : i + 7] for i in range(0, len(days), 7)]
    query = {key: value for key, value in request.GET.items() if key in ("account", "service_area", "status")}
    return render(
        request,
        "posts/calendar.html",
        {
            "view": view,
            "day": day,
            "first": first,
            "last": last,
            "weeks": weeks,
            "days": days,
            "periods": periods,
            "form": form,
            "filters": query,
            "previous": previous.isoformat(),
            "following": following.isoformat(),
            "today": today.isoformat(),
            "count": sum(len(d["posts"]) for d in days),
            "breadcrumbs": [HOME, _posts_crumb(), ("Calendar", None)],
        },
    )


def _next_query(path: str) -> str:
    return urlencode({"next": path})


class RescheduleForm(forms.Form):
    def __init__(self, *args, post: Post, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scheduled_for"] = ScheduleField(
            required=True,
            initial=timezone.localtime(post.scheduled_for) if post.scheduled_for else None,
            error_messages={"required": "Enter when the post should go out"},
        )


def _back(request: HttpRequest) -> str:
    """Where to go back to: `next` when it is the address of one of Herald's pages ("/posts/calendar/?
    view=week"), else the calendar. Only a path: anything else would be taken for a view's name."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("posts:calendar")


def _refuse_a_clock_change(typed: dt.datetime) -> None:
    """A post dropped on the day the clocks change keeps its time of day only where that time happens once
    that day: as the post's form does, it is never silently moved an hour (see herald.forms._council_moment)."""
    change = clock_change(typed)
    if change == "forward":
        raise Refused(
            f"{uk_time(typed)} on {uk_date(typed)} does not exist in the UK: clocks go forward an hour at 1am. "
            "Use its “Move” link to choose a time before 1am or from 2am"
        )
    if change == "back":
        raise Refused(
            f"{uk_time(typed)} on {uk_date(typed)} happens twice in the UK: clocks go back an hour at 2am. "
            "Use its “Move” link to choose the time, with BST after it for the first or GMT for the second"
        )


@allow(*POST_ROLES)
@require_http_methods(["GET", "POST"])
def reschedule(request: HttpRequest, pk: int) -> HttpResponse:
    post = _visible_post(request, pk)
    require(selectors.can_edit(post, request.user), "You cannot move this post now.")
    if request.method == "POST" and "date" in request.POST:
        # Dropped on another day in the calendar: same time of day, new date.
        try:
            new_day = dt.date.fromisoformat(request.POST["date"])
            time_of_day = timezone.localtime(post.scheduled_for).time() if post.scheduled_for else dt.time(9, 0)
            _refuse_a_clock_change(dt.datetime.combine(new_day, time_of_day))
            when = dt.datetime.combine(new_day, time_of_day, tzinfo=timezone.get_current_timezone())
            if when <= timezone.now():
                raise Refused("The scheduled time must be in the future: choose a later day")
            services.reschedule_post(post, scheduled_for=when, by=request.user)
        except ValueError:
            messages.error(request, "Choose a day on the calendar to move the post to")
        except Refused as exc:
            messages.error(request, f"Post {post.pk} was not moved: {' '.join(exc.messages)}")
        else:
            messages.success(request, f"Post {post.pk} moved to {when:%A} {uk_datetime(when)}.")
        return redirect(_back(request))
    form = RescheduleForm(request.POST if request.method == "POST" else None, post=post)
    if request.method == "POST" and form.is_valid():
        when = form.cleaned_data["scheduled_for"]
        try:
            services.reschedule_post(post, scheduled_for=when, by=request.user)
        except Refused as exc:
            show_refusal(form, exc)
        else:
            when = timezone.localtime(when)
            messages.success(request, f"Post {post.pk} moved to {when:%A} {uk_datetime(when)}.")
            return redirect(_back(request))
    return render(
        request,
        "posts/reschedule.html",
        {
            "form": form,
            "post": post,
            "next": _back(request),
            "breadcrumbs": [
                HOME,
                _posts_crumb(),
                ("Calendar", reverse("posts:calendar")),
                (f"Move post {post.pk}", None),
            ],
        },
    )
