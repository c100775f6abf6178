"""A post held back because a child can be identified in it without a parent's or guardian's consent is
shown to the safeguarding lead (on their home page, and the post itself); other posts are not."""

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


def test_the_lead_sees_posts_held_back_for_a_child_and_no_others(client, editor, safeguarding_lead):
    account = AccountFactory(editors=[editor])
    child = _write(
        editor, account, "Well done Amelia (age 8) from Oakfield Primary School for winning the poster prize!"
    )
    other = _write(editor, account, "The pool reopens on Monday after its refit.")
    assert CHILD_WITHOUT_CONSENT in child.block_rules and not other.block_rules

    client.force_login(safeguarding_lead)
    home = client.get(reverse("home")).content.decode()
    assert "Posts held back: a child identified without consent" in home
    assert reverse("posts:detail", args=[child.pk]) in home
    assert reverse("posts:detail", args=[other.pk]) not in home

    opened = client.get(reverse("posts:detail", args=[child.pk]))
    assert opened.status_code == 200 and "Amelia (age 8)" in opened.content.decode()
    assert client.get(reverse("posts:detail", args=[other.pk])).status_code == 403
    assert list(Post.objects.visible_to(safeguarding_lead)) == [child]
