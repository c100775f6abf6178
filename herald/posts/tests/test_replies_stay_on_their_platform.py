"""A reply answers a comment on one platform, so it can only go out there: a reply draft cannot be moved
to an account on another platform, nor written for accounts on several, and the author is told why in
a GOV.UK error summary. A post (not a reply) may still move to any account its author posts to."""

import datetime as dt

import pytest
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.errors import Refused
from herald.posts import services
from herald.posts.models import Post
from herald.posts.tests.factories import in_hours
from herald.social_accounts.models import Platform
from herald.social_accounts.tests.factories import AccountFactory
from testing.forms import submission_key

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(dt.datetime(2026, 12, 7, 9, tzinfo=dt.UTC))]

COMMENT = "Why are the bins late again on Clarendon Road?"
REPLY = "Sorry: a crew was off sick. They will be collected tomorrow."
PLATFORM_ONLY = "A reply can only go out where the comment is: select a Facebook account"


@pytest.fixture
def on_x(editor):
    return AccountFactory(
        platform=Platform.X, display_name="Hinckley Leisure Centre", handle="leisure", editors=[editor]
    )


@pytest.fixture
def other_page(editor):
    return AccountFactory(
        platform=Platform.FACEBOOK, display_name="Hinckley Museum", handle="hinckleymuseum", editors=[editor]
    )


def reply_draft(editor, facebook, kind=Post.Kind.REPLY):
    return services.write_post(
        accounts=[facebook],
        texts={facebook.platform: REPLY},
        scheduled_for=in_hours(2),
        kind=kind,
        reply_to_text=COMMENT if kind == Post.Kind.REPLY else "",
        reply_to_url="https://www.facebook.com/hinckleybosworth/posts/1?comment_id=2",
        by=editor,
    )[0]


def test_a_reply_draft_moved_to_another_platform_is_refused_with_an_error_summary(client, editor, facebook, on_x):
    draft = reply_draft(editor, facebook)
    client.force_login(editor)
    response = client.post(reverse("posts:move", args=[draft.pk]), {"account": on_x.pk})
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page and "There is a problem" in page and PLATFORM_ONLY in page
    draft.refresh_from_db()
    assert draft.account == facebook
    assert not AuditEvent.objects.for_object(draft).filter(action="post.moved_to_account").exists()
    # and the service refuses it however it is asked
    with pytest.raises(Refused, match=PLATFORM_ONLY):
        services.move_draft_to_account(draft, account=on_x, by=editor)


def test_a_reply_draft_moves_to_another_account_on_the_same_platform(client, editor, facebook, other_page):
    draft = reply_draft(editor, facebook)
    client.force_login(editor)
    assert client.post(reverse("posts:move", args=[draft.pk]), {"account": other_page.pk}).status_code == 302
    draft.refresh_from_db()
    assert draft.account == other_page and draft.reply_to_text == COMMENT


def test_a_post_that_is_not_a_reply_still_moves_to_another_platform(client, editor, facebook, on_x):
    draft = reply_draft(editor, facebook, kind=Post.Kind.POST)
    client.force_login(editor)
    assert client.post(reverse("posts:move", args=[draft.pk]), {"account": on_x.pk}).status_code == 302
    draft.refresh_from_db()
    assert draft.account == on_x


def test_a_reply_written_for_accounts_on_two_platforms_is_refused_with_an_error_summary(client, editor, facebook, on_x):
    client.force_login(editor)
    key = submission_key(client.get(reverse("posts:write_reply")).content.decode())
    response = client.post(
        reverse("posts:write_reply"),
        {
            "accounts": [facebook.pk, on_x.pk],
            "text_facebook": REPLY,
            "text_x": REPLY,
            "reply_to_text": COMMENT,
            "scheduled_for": in_hours(2).astimezone().strftime("%Y-%m-%dT%H:%M"),
            "action": "save",
            "submission_key": key,
        },
    )
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert "A reply can only go out where the comment is" in page
    assert not Post.objects.exists()
