"""What the safeguarding tests share: a concern that is also another procedure's flag, and what someone
who may close only the concern finds when they try the other."""

import pytest
from django.urls import reverse

from herald.moderation import services
from herald.moderation.models import CommentFlag
from testing.factories import AccountFactory, comment

CONCERN = "The kids at number 4 have been left alone for days and there is no food in the house"


@pytest.fixture
def concern_and_request(comms_officer):
    """A safeguarding concern that is also a possible subject access request, whose clock the council
    must keep, on an account of its own: (the comment, the request's flag)."""
    concern = comment(AccountFactory(), CONCERN)
    sar = services.raise_flag(concern, by=comms_officer, kind=CommentFlag.Kind.SAR, reason="Asks for their records")
    return concern, sar


@pytest.fixture
def request_left_open(client):
    """Checks, as whoever `client` is signed in as, that their flags queue lists the concern and not the
    request, and that their closing the request is refused (404), its clock still running."""

    def check(concern, sar):
        queue = client.get(reverse("moderation:flags")).content.decode()
        assert "Safeguarding concern" in queue and "Possible subject access request" not in queue
        answer = client.post(reverse("moderation:close_flag", args=[concern.pk, sar.pk]), {"outcome": "Not for me"})
        assert answer.status_code == 404
        sar.refresh_from_db()
        assert sar.closed_at is None

    return check
