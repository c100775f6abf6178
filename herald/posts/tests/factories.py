"""Factories for posts. People come from testing/factories.py, accounts from the register's factories."""

import datetime as dt

import factory
from django.utils import timezone

from herald.posts.models import ApprovalTier, Post
from herald.social_accounts.tests.factories import AccountFactory
from testing.factories import PersonFactory


def in_hours(hours: float) -> dt.datetime:
    return timezone.now() + dt.timedelta(hours=hours)


class PostFactory(factory.django.DjangoModelFactory):
    """A draft, saved directly (no check run). Use the services to move it through the workflow."""

    class Meta:
        model = Post
        skip_postgeneration_save = True

    account = factory.SubFactory(AccountFactory)
    author = factory.SubFactory(PersonFactory)
    text = "The leisure centre pool reopens on Monday after its refit."
    scheduled_for = factory.LazyFunction(lambda: in_hours(48))


def tier(account, position: int, mode: str, *approvers) -> ApprovalTier:
    row = ApprovalTier.objects.create(account=account, position=position, mode=mode)
    row.approvers.set(approvers)
    return row


def shown_hash(post: Post) -> str:
    """The hash the post's page puts in its approve form: what an approver opening it now is shown."""
    from herald.posts.selectors import content_hash_of

    return content_hash_of(Post.objects.get(pk=post.pk))
