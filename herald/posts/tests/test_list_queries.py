"""The lists of posts (approvals, your posts, the calendar) ask the database the same number of
questions however many posts they show: who may approve or move each post is worked out for all of
them at once, not post by post."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from herald.posts import services
from herald.posts.tests.factories import shown_hash, tier

pytestmark = pytest.mark.django_db


def _day() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=5)


def _add_posts(count: int, *, account, editor, first_approver) -> None:
    """Posts awaiting approval (half of them with the first of two tiers approved) and approved ones."""
    when = dt.datetime.combine(_day(), dt.time(10), tzinfo=timezone.get_current_timezone())
    for n in range(count):
        post = services.write_post(
            accounts=[account],
            texts={account.platform: f"Bin collections move by a day after the bank holiday (area {n})."},
            scheduled_for=when + dt.timedelta(minutes=n),
            by=editor,
        )[0]
        if n % 5 == 4:
            continue  # a draft
        services.submit_for_approval(post, by=editor)
        if n % 2:
            services.approve_post(post, by=first_approver, seen_hash=shown_hash(post))


def _queries(client, person, url: str) -> int:
    client.force_login(person)
    client.get(url)  # the first page after signing in fills the caches every page reads: not counted
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/posts/", "/posts/approvals/", "/posts/calendar/?view=week&date={day}"])
@pytest.mark.parametrize("viewer", ["editor", "service_manager", "comms_officer"])
def test_a_list_of_posts_asks_as_many_questions_for_25_posts_as_for_5(
    client, request, facebook, editor, service_manager, comms_officer, url, viewer
):
    tier(facebook, 1, "any", service_manager)
    tier(facebook, 2, "any", comms_officer)
    person = request.getfixturevalue(viewer)
    url = url.format(day=_day().isoformat())
    _add_posts(5, account=facebook, editor=editor, first_approver=service_manager)
    with_five = _queries(client, person, url)

    _add_posts(20, account=facebook, editor=editor, first_approver=service_manager)

    assert _queries(client, person, url) == with_five


def test_the_approval_rules_page_asks_as_many_questions_for_twelve_accounts_as_for_two(client, comms_officer, editor):
    from herald.posts.models import PostRetention
    from testing.factories import AccountFactory

    def add_accounts(count: int) -> None:
        for n in range(count):
            account = AccountFactory(editors=[editor])
            tier(account, 1, "any", comms_officer)
            if n % 2:  # half with their own retention, half with the default
                PostRetention.objects.create(account=account, years=7)

    add_accounts(2)
    with_two = _queries(client, comms_officer, "/posts/rules/")

    add_accounts(10)

    assert _queries(client, comms_officer, "/posts/rules/") == with_two
