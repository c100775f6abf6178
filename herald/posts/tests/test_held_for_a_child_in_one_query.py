"""The posts held back for a child identified without consent are found by the database in the same
query that lists them: the safeguarding lead's home page and their list of posts do not read every
post whose report mentions the rule into Python first."""

import pytest
from django.urls import reverse

from herald.posts import services
from herald.posts.models import CHILD_WITHOUT_CONSENT, Post
from herald.posts.tests.factories import in_hours
from testing.factories import AccountFactory

pytestmark = pytest.mark.django_db


def _write(editor, account, text):
    return services.write_post(
        accounts=[account], texts={account.platform: text}, scheduled_for=in_hours(48), by=editor
    )[0]


@pytest.fixture
def held_and_not(editor):
    account = AccountFactory(editors=[editor])
    held = _write(
        editor, account, "Well done Amelia (age 8) from Oakfield Primary School for winning the poster prize!"
    )
    other = _write(editor, account, "The pool reopens on Monday after its refit.")
    # A report that names the rule without blocking on it (a warning only) is not held back for a child.
    warned = _write(editor, account, "Our library opens late on Thursdays.")
    report = dict(warned.report)
    report["findings"] = [*report.get("findings", []), {"rule": CHILD_WITHOUT_CONSENT, "severity": "warn"}]
    Post.objects.filter(pk=warned.pk).update(report=report)
    return held, other, warned


def test_the_leads_posts_are_one_query(safeguarding_lead, held_and_not, django_assert_max_num_queries):
    held, _other, _warned = held_and_not
    assert safeguarding_lead.roles  # read once per request, as signing in does: not what is counted here
    with django_assert_max_num_queries(1):
        seen = list(Post.objects.visible_to(safeguarding_lead))
    assert seen == [held]


def test_the_held_posts_are_found_by_the_database(held_and_not, django_assert_max_num_queries):
    held, _other, _warned = held_and_not
    with django_assert_max_num_queries(1):
        found = list(Post.objects.filter(pk__in=Post.objects.blocked_for_a_child()))
    assert found == [held]


def test_the_home_panel_lists_the_held_post_only(client, safeguarding_lead, held_and_not):
    held, other, warned = held_and_not
    client.force_login(safeguarding_lead)
    page = client.get(reverse("home")).content.decode()
    assert reverse("posts:detail", args=[held.pk]) in page
    assert reverse("posts:detail", args=[other.pk]) not in page
    assert reverse("posts:detail", args=[warned.pk]) not in page


@pytest.mark.parametrize(
    "findings",
    [
        ["a finding written as words", 3, None, True, [CHILD_WITHOUT_CONSENT, "block"]],
        "not a list at all",
        {"rule": CHILD_WITHOUT_CONSENT, "severity": "block"},
        [{"rule": ["a", "list"], "severity": {"not": "words"}}, "child-identified-without-consent"],
    ],
)
def test_a_report_whose_findings_are_not_objects_is_read_without_error(held_and_not, editor, findings):
    # given a post whose stored report holds findings of another shape (an older or hand-made row)
    held, other, _warned = held_and_not
    odd = _write(editor, other.account, "The market is on Wednesday and Saturday.")
    Post.objects.filter(pk=odd.pk).update(report={**odd.report, "findings": findings})
    # and a report that is not an object at all
    Post.objects.filter(pk=other.pk).update(report=["a", "list"])
    # then the held post is still found, and the odd ones are not held back for a child
    assert list(Post.objects.filter(pk__in=Post.objects.blocked_for_a_child()).order_by("pk")) == [held]
