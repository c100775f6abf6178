import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from herald.moderation.generator import CommentGenerator
from herald.moderation.models import Comment, CommentFlag
from testing.factories import AccountFactory

NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)


def _texts(seed, count=200):
    generator = CommentGenerator(seed)
    return [c.text for c in generator.comments(count, platform="facebook", start=NOW - dt.timedelta(days=7), end=NOW)]


def test_the_generator_gives_the_same_comments_for_the_same_seed_and_others_for_another():
    assert _texts(5) == _texts(5)
    assert _texts(5) != _texts(6)


def test_the_generator_writes_every_kind_of_comment_a_council_receives():
    generator = CommentGenerator(7)
    made = list(generator.comments(2000, platform="facebook", start=NOW - dt.timedelta(days=30), end=NOW))
    categories = {c.raw["generator"]["category"] for c in made}

    assert categories == {
        "question", "complaint", "praise", "foi", "sar", "abuse", "threat", "spam", "personal", "safeguarding",
    }  # fmt: skip
    assert len({c.text for c in made}) > 1500, "templated from parts, so rarely the same twice"
    assert {c.kind for c in made} == {"comment", "reply", "mention", "message"}
    assert all(NOW - dt.timedelta(days=30) <= c.posted_at <= NOW for c in made)


@pytest.mark.django_db
def test_seed_comments_adds_n_classified_comments_with_their_flags():
    AccountFactory(platform="facebook")
    AccountFactory(platform="x")

    call_command("seed_comments", "--count", "300", "--seed", "3", verbosity=0)

    assert Comment.objects.count() == 300
    assert not Comment.objects.filter(checked_at=None).exists()
    assert CommentFlag.objects.filter(kind="foi").exists()
    assert Comment.objects.exclude(severity="").exists()
    assert Comment.objects.filter(status="replied", received_at__lt=timezone.now() - dt.timedelta(days=2)).exists()

    call_command("seed_comments", "--count", "300", "--seed", "3", verbosity=0)
    assert Comment.objects.count() == 300, "the same seed again adds nothing twice"


@pytest.mark.django_db
def test_the_demo_month_loads_across_the_demo_accounts_and_seeding_twice_changes_nothing():
    call_command("seed_demo", verbosity=0)

    comments = Comment.objects.filter(source="demo")
    accounts = comments.values("account").distinct().count()
    assert accounts >= 3
    oldest = comments.order_by("received_at").first().received_at
    assert timezone.now() - oldest > dt.timedelta(days=25)
    assert comments.filter(status="new").exists() and comments.filter(status="replied").exists()
    assert CommentFlag.objects.filter(comment__source="demo", kind="threat").exists()
    before = (comments.count(), CommentFlag.objects.count())

    call_command("seed_demo", verbosity=0)

    assert (comments.count(), CommentFlag.objects.count()) == before
