import pytest
from django.core.management import call_command

from herald.posts.models import Post

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_post_in_every_state_and_seeding_twice_changes_nothing():
    call_command("seed_demo", verbosity=0)
    states = set(Post.objects.values_list("status", flat=True))
    assert {"draft", "awaiting_approval", "approved", "ready", "published", "sent_back", "expired"} <= states
    assert Post.objects.overridden().exists() and Post.objects.filter(kind="reply").exists()
    count = Post.objects.count()
    call_command("seed_demo", verbosity=0)
    assert Post.objects.count() == count
