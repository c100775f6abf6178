"""Moving a post to another day or time from the content calendar: the same change, and the same checks,
as changing its time on the post's own form."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from herald.people.models import Person
from herald.posts.models import Post
from herald.posts.services.workflow import PostContent, _lock, edit_post


def reschedule_post(post: Post, *, scheduled_for: dt.datetime, by: Person) -> Post:
    """Give the post a new time, keeping its text and media. Refused as a change on the post's form would
    be (a time in the past, a post that can no longer be changed, a person who may not change it); a
    change of time alone keeps the approvals already given."""
    with transaction.atomic():
        current = _lock(post)
        content = PostContent(current.text, scheduled_for, tuple(current.media.all()), current.video_captions)
        return edit_post(current, content, by=by, reason="Moved on the content calendar")
