"""The comment page holds several small forms (flag by hand, safeguarding concern, status, closing
each flag): every field has its own id, so each label, hint and error summary link reaches its own box."""

import re

import pytest
from django.urls import reverse

from herald.moderation import services
from herald.moderation.models import CommentFlag
from testing.factories import AccountFactory, comment
from testing.html import duplicate_ids

pytestmark = pytest.mark.django_db

CONCERN = "The kids at number 4 have been left alone for days and there is no food in the house"


def test_the_comment_page_has_no_two_elements_with_one_id(client, comms_officer):
    # given a comment with two open flags, so the page has two "close this flag" forms
    found = comment(AccountFactory(), CONCERN)
    services.raise_flag(found, by=comms_officer, kind=CommentFlag.Kind.COMPLAINT, reason="Says the bins were missed")
    assert found.flags.filter(closed_at=None).count() == 2
    client.force_login(comms_officer)
    page = client.get(reverse("moderation:detail", args=[found.pk])).content.decode()
    assert duplicate_ids(page) == []


@pytest.mark.parametrize(
    ("url", "data", "box"),
    [
        ("moderation:raise_flag", {"kind": "complaint", "reason": "x" * 400}, "id_flag_reason"),
        ("moderation:set_status", {"status": "waiting", "reason": "x" * 600}, "id_reason"),
    ],
)
def test_an_error_summary_link_and_its_label_reach_the_box_in_error(client, comms_officer, url, data, box):
    found = comment(AccountFactory(), "What time does the tip open on Sunday?")
    client.force_login(comms_officer)
    answer = client.post(reverse(url, args=[found.pk]), data)
    page = answer.content.decode()
    assert answer.status_code == 400 and duplicate_ids(page) == []
    # the summary links to the box in error, which has that id once, and its label is for it
    (href,) = re.findall(r'govuk-error-summary__list">\s*<li><a href="#([^"]+)"', page)
    assert page.count(f'id="{href}"') == 1 and f'for="{href}"' in page
    assert href == box


def test_closing_one_of_two_flags_without_saying_what_was_done_marks_that_flag_s_box(client, comms_officer):
    found = comment(AccountFactory(), CONCERN)
    services.raise_flag(found, by=comms_officer, kind=CommentFlag.Kind.COMPLAINT, reason="Says the bins were missed")
    complaint = found.flags.get(kind=CommentFlag.Kind.COMPLAINT)
    client.force_login(comms_officer)
    answer = client.post(reverse("moderation:close_flag", args=[found.pk, complaint.pk]), {"outcome": ""})
    page = answer.content.decode()
    assert answer.status_code == 400 and duplicate_ids(page) == []
    box = f"id_flag{complaint.pk}_outcome"
    assert f'<a href="#{box}">Say what was done</a>' in page
    assert f'id="{box}-error"' in page and page.count("Say what was done") == 2
