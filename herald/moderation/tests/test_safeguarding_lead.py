"""A safeguarding concern flagged on a comment reaches the people who hold the safeguarding lead role (and
the addresses still set in MODERATION_SAFEGUARDING_LEAD); their home page lists the open concerns with who
is handling each, and they can open the comment, add a note and close the concern, and no other comment."""

import pytest
from django.core import mail
from django.urls import reverse

from herald.moderation import services
from herald.moderation.models import CommentFlag
from testing.factories import AccountFactory, comment

pytestmark = pytest.mark.django_db

CONCERN = "The kids at number 4 have been left alone for days and there is no food in the house"


def test_the_concern_is_emailed_to_the_role_holders_and_the_addresses_in_the_setting(
    settings, safeguarding_lead, django_capture_on_commit_callbacks
):
    settings.MODERATION_SAFEGUARDING_LEAD = ["out-of-hours@council.example", safeguarding_lead.email]
    with django_capture_on_commit_callbacks(execute=True):
        comment(AccountFactory(), CONCERN)
    (message,) = [m for m in mail.outbox if "Safeguarding concern" in m.subject]
    # each address once, however it was given
    assert sorted(message.to) == ["out-of-hours@council.example", "safeguarding.lead@council.example"]


def test_with_the_setting_empty_the_role_holders_are_still_told(
    settings, safeguarding_lead, django_capture_on_commit_callbacks
):
    settings.MODERATION_SAFEGUARDING_LEAD = []
    with django_capture_on_commit_callbacks(execute=True):
        comment(AccountFactory(), CONCERN)
    assert [m.to for m in mail.outbox if "Safeguarding concern" in m.subject] == [[safeguarding_lead.email]]


def test_home_lists_open_concerns_with_who_is_handling_them(client, safeguarding_lead, comms_officer):
    account = AccountFactory(display_name="Leisure Facebook")
    handled = comment(account, CONCERN)
    services.assign_comment(handled, by=comms_officer, to=comms_officer, team=None)
    waiting = comment(account, "My neighbour's baby is home alone every night, the child is neglected")
    closed = comment(account, "I saw kids left alone in the park all night, no adults at all")
    services.close_flag(closed.flags.get(), by=comms_officer, outcome="Passed to children's services")

    client.force_login(safeguarding_lead)
    page = client.get(reverse("home")).content.decode()

    assert "Safeguarding concerns in comments" in page
    assert reverse("moderation:detail", args=[handled.pk]) in page
    assert f"Being handled by {comms_officer.full_name}" in page
    assert reverse("moderation:detail", args=[waiting.pk]) in page and "Nobody is handling it yet" in page
    assert reverse("moderation:detail", args=[closed.pk]) not in page


def test_the_lead_works_the_concern_but_sees_no_other_comment(client, safeguarding_lead):
    account = AccountFactory()
    concern = comment(account, CONCERN)
    other = comment(account, "What time does the tip open on Sunday?")
    client.force_login(safeguarding_lead)

    opened = client.get(reverse("moderation:detail", args=[concern.pk]))
    assert opened.status_code == 200 and "left alone for days" in opened.content.decode()
    assert client.get(reverse("moderation:detail", args=[other.pk])).status_code == 404

    flag = concern.flags.get(kind=CommentFlag.Kind.SAFEGUARDING)
    client.post(reverse("moderation:add_note", args=[concern.pk]), {"text": "Rang children's services, ref 4471"})
    client.post(
        reverse("moderation:close_flag", args=[concern.pk, flag.pk]), {"outcome": "Referred to children's services"}
    )
    flag.refresh_from_db()
    assert flag.closed_by == safeguarding_lead and flag.outcome == "Referred to children's services"
    assert concern.notes.get().author == safeguarding_lead


def test_the_lead_cannot_close_another_procedures_flag_on_the_same_comment(
    client, safeguarding_lead, concern_and_request, request_left_open
):
    # given a safeguarding concern that is also a subject access request, whose clock the council must keep
    concern, sar = concern_and_request
    client.force_login(safeguarding_lead)
    # then the lead's flags queue lists the concern only, and their closing the request is refused
    request_left_open(concern, sar)
