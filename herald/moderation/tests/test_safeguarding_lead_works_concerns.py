"""The safeguarding lead in the inbox: assignable to (and only to) a comment with an open safeguarding
concern; anyone who sees a comment raises a concern by hand with a reason, which emails the lead and is
audited; and someone who holds both an inbox role and the lead's closes what either role allows, no more."""

import pytest
from django.core import mail
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.errors import Refused
from herald.moderation import selectors, services
from herald.moderation.models import Comment, CommentFlag
from herald.people.roles import Role
from herald.social_accounts.services.editors import remove_editor
from testing.factories import AccountFactory, PersonFactory, comment

pytestmark = pytest.mark.django_db

CONCERN = "The kids at number 4 have been left alone for days and there is no food in the house"
ORDINARY = "What time does the tip open on Sunday?"


def _concern_flag(found: Comment) -> CommentFlag:
    return found.flags.get(kind=CommentFlag.Kind.SAFEGUARDING)


@pytest.fixture
def editor_and_lead(db):
    return PersonFactory(roles=[Role.EDITOR, Role.SAFEGUARDING], email="editor.lead@council.example")


# --- 1. Assigning a concern to the lead -------------------------------------------------------


def test_the_lead_is_offered_for_a_comment_with_an_open_concern_and_can_be_given_it(
    client, comms_officer, safeguarding_lead
):
    # given a comment the rules flagged as a safeguarding concern
    concern = comment(AccountFactory(), CONCERN)
    # then its assign form lists the lead
    client.force_login(comms_officer)
    page = client.get(reverse("moderation:detail", args=[concern.pk])).content.decode()
    assert f'<option value="{safeguarding_lead.pk}">{safeguarding_lead.full_name}</option>' in page
    # and when the communications officer gives it to the lead, the lead has it
    answer = client.post(reverse("moderation:assign", args=[concern.pk]), {"assignee": safeguarding_lead.pk})
    assert answer.status_code == 302
    concern.refresh_from_db()
    assert concern.assignee == safeguarding_lead and concern.status == Comment.Status.ASSIGNED


def test_the_lead_is_not_offered_for_other_comments_or_a_closed_concern(comms_officer, safeguarding_lead):
    account = AccountFactory()
    ordinary = comment(account, ORDINARY)
    closed = comment(account, CONCERN)
    services.close_flag(_concern_flag(closed), by=comms_officer, outcome="Referred to children's services")

    assert safeguarding_lead in selectors.people_who_can_work(comment(account, CONCERN))
    assert safeguarding_lead not in selectors.people_who_can_work(ordinary)
    assert safeguarding_lead not in selectors.people_who_can_work(closed)
    for found in (ordinary, closed):
        with pytest.raises(Refused, match="only a comment with an open safeguarding concern"):
            services.assign_comment(found, by=comms_officer, to=safeguarding_lead)


def test_a_lead_who_was_an_editor_keeps_the_concern_they_were_given(editor_and_lead, comms_officer):
    # given an editor who is also the lead, given a concern on the account they edit
    account = AccountFactory(editors=[editor_and_lead])
    concern = comment(account, CONCERN)
    services.assign_comment(concern, by=comms_officer, to=editor_and_lead)
    # when they stop editing the account
    remove_editor(account, editor_and_lead, by=comms_officer, reason="Moved team")
    # then the concern stays with them: they see it as the lead
    concern.refresh_from_db()
    assert concern.assignee == editor_and_lead
    assert selectors.sees_without_assignment(editor_and_lead, concern)


# --- 2. Raising a concern by hand ---------------------------------------------------------------


def test_a_moderator_raises_a_concern_with_a_reason_and_the_lead_is_emailed(
    client, comms_officer, safeguarding_lead, settings, django_capture_on_commit_callbacks
):
    settings.MODERATION_SAFEGUARDING_LEAD = []
    found = comment(AccountFactory(), "Saw the lad from the flats again at 2am, he's only about ten")
    assert not found.flags.exists()
    client.force_login(comms_officer)
    url = reverse("moderation:raise_concern", args=[found.pk])
    page = client.get(reverse("moderation:detail", args=[found.pk])).content.decode()
    assert "Raise a safeguarding concern" in page and url in page

    # a concern without a reason is refused, with the GOV.UK error summary
    refused = client.post(url, {"concern-reason": "  "})
    assert refused.status_code == 400 and "govuk-error-summary" in refused.content.decode()
    assert "Say what the concern is" in refused.content.decode()
    assert not found.flags.exists()

    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(url, {"concern-reason": "A child of about ten out alone at 2am"})
    assert answer.status_code == 302
    flag = _concern_flag(found)
    assert flag.raised_by == comms_officer and flag.reason == "A child of about ten out alone at 2am"
    found.refresh_from_db()
    assert found.priority == Comment.Priority.URGENT
    assert [m.to for m in mail.outbox if "Safeguarding concern" in m.subject] == [[safeguarding_lead.email]]
    event = AuditEvent.objects.get(action="moderation.safeguarding_concern_raised")
    assert event.actor == comms_officer and event.after["reason"] == "A child of about ten out alone at 2am"
    # and the lead now sees the comment
    assert selectors.can_see(safeguarding_lead, found)


def test_the_lead_raises_a_concern_again_on_a_comment_whose_concern_was_closed(
    client, comms_officer, safeguarding_lead, settings, django_capture_on_commit_callbacks
):
    settings.MODERATION_SAFEGUARDING_LEAD = []
    found = comment(AccountFactory(), CONCERN)
    services.close_flag(_concern_flag(found), by=comms_officer, outcome="Not a concern: a film plot")
    client.force_login(safeguarding_lead)
    page = client.get(reverse("moderation:detail", args=[found.pk])).content.decode()
    assert "Raise a safeguarding concern" in page

    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(
            reverse("moderation:raise_concern", args=[found.pk]),
            {"concern-reason": "Neighbour rang us: the children really are alone"},
        )
    assert answer.status_code == 302
    flag = _concern_flag(found)
    assert flag.is_open and flag.raised_by == safeguarding_lead
    # the earlier outcome is kept on the comment and the lead is told
    assert "Not a concern: a film plot" in found.notes.get().text
    assert [m.to for m in mail.outbox if "Safeguarding concern" in m.subject] == [[safeguarding_lead.email]]
    # and raising it while it is open is refused
    again = client.post(reverse("moderation:raise_concern", args=[found.pk]), {"concern-reason": "Again"})
    assert again.status_code == 400 and "already has an open safeguarding concern" in again.content.decode()


def test_the_lead_cannot_raise_a_concern_on_a_comment_they_cannot_see(client, safeguarding_lead):
    found = comment(AccountFactory(), ORDINARY)
    client.force_login(safeguarding_lead)
    answer = client.post(reverse("moderation:raise_concern", args=[found.pk]), {"concern-reason": "Guessing"})
    assert answer.status_code == 404
    assert not found.flags.exists()


def test_flagging_by_hand_as_safeguarding_needs_a_reason_too(comms_officer):
    found = comment(AccountFactory(), ORDINARY)
    with pytest.raises(Refused, match="Say what the concern is"):
        services.raise_flag(found, by=comms_officer, kind=CommentFlag.Kind.SAFEGUARDING, reason="")


# --- 3. Holding both roles: the union of what each allows ---------------------------------------


def test_an_editor_who_is_the_lead_closes_any_flag_on_their_own_accounts_comments(
    client, editor_and_lead, comms_officer
):
    concern = comment(AccountFactory(editors=[editor_and_lead]), CONCERN)
    sar = services.raise_flag(concern, by=comms_officer, kind=CommentFlag.Kind.SAR, reason="Asks for their records")
    client.force_login(editor_and_lead)
    for flag in (sar, _concern_flag(concern)):
        answer = client.post(reverse("moderation:close_flag", args=[concern.pk, flag.pk]), {"outcome": "Dealt with"})
        assert answer.status_code == 302
        flag.refresh_from_db()
        assert flag.closed_by == editor_and_lead


def test_an_editor_who_is_the_lead_closes_only_the_concern_on_other_accounts_comments(
    client, editor_and_lead, concern_and_request, request_left_open
):
    # given a concern that is also a subject access request, on an account the editor does not edit
    AccountFactory(editors=[editor_and_lead])
    concern, sar = concern_and_request
    client.force_login(editor_and_lead)
    # then their flags queue lists the concern and not the request, and closing the request is refused
    request_left_open(concern, sar)
    with pytest.raises(Refused):
        services.close_flag(sar, by=editor_and_lead, outcome="Not for me")
    # nor do they work the comment's inbox (reply, hide, set its status) through being the lead
    assert not selectors.can_work(editor_and_lead, concern)
    page = client.get(reverse("moderation:detail", args=[concern.pk])).content.decode()
    assert reverse("moderation:set_status", args=[concern.pk]) not in page
    # while the concern itself they close
    flag = _concern_flag(concern)
    answer = client.post(reverse("moderation:close_flag", args=[concern.pk, flag.pk]), {"outcome": "Referred"})
    assert answer.status_code == 302
    flag.refresh_from_db()
    assert flag.closed_by == editor_and_lead


def test_an_editor_who_is_the_lead_given_a_concern_elsewhere_works_only_the_concern(
    client, editor_and_lead, comms_officer, concern_and_request, request_left_open
):
    # given a concern (also a subject access request) on an account the editor does not edit, given to
    # them as the safeguarding lead
    AccountFactory(editors=[editor_and_lead])
    concern, sar = concern_and_request
    services.assign_comment(concern, by=comms_officer, to=editor_and_lead)
    client.force_login(editor_and_lead)
    # then being given it does not make them one of that account's inbox: no status, reply or request
    assert not selectors.can_work(editor_and_lead, concern)
    answer = client.post(reverse("moderation:set_status", args=[concern.pk]), {"status": Comment.Status.NO_ACTION})
    assert answer.status_code == 400 and "You do not work the inbox" in answer.content.decode()
    concern.refresh_from_db()
    assert concern.status == Comment.Status.ASSIGNED
    assert client.post(reverse("moderation:reply_check", args=[concern.pk]), {"text": "Hello"}).status_code == 404
    request_left_open(concern, sar)
    # while the concern itself they still see, note and close
    assert selectors.can_see(editor_and_lead, concern)
    flag = _concern_flag(concern)
    answer = client.post(reverse("moderation:close_flag", args=[concern.pk, flag.pk]), {"outcome": "Referred"})
    assert answer.status_code == 302


def test_an_editor_who_is_the_lead_sees_an_authors_history_only_on_the_accounts_they_work(
    client, editor_and_lead, comms_officer
):
    # given an author who wrote on the editor's own account, and a concern on another account
    same = {"author_platform_id": "user-pat", "author_handle": "pat", "author_name": "Pat"}
    own = comment(AccountFactory(editors=[editor_and_lead], platform="facebook"), ORDINARY, **same)
    elsewhere = comment(AccountFactory(platform="facebook"), CONCERN, **same)
    assert elsewhere.author == own.author
    assert selectors.can_see(editor_and_lead, elsewhere)  # as the lead, the concern itself
    client.force_login(editor_and_lead)
    # then the author's page lists their comments on the accounts the editor works, not the concern
    page = client.get(reverse("moderation:author", args=[own.author.pk])).content.decode()
    assert reverse("moderation:detail", args=[own.pk]) in page
    assert reverse("moderation:detail", args=[elsewhere.pk]) not in page
    assert elsewhere.account.display_name not in page


def test_an_editor_who_is_the_lead_cannot_warn_or_block_an_author_seen_only_through_a_concern(
    client, editor_and_lead, comms_officer
):
    AccountFactory(editors=[editor_and_lead])
    elsewhere = comment(AccountFactory(), CONCERN)
    sanction = services.sanction_author(elsewhere.author, kind="warning", by=comms_officer, reason="Rude")
    client.force_login(editor_and_lead)
    url = reverse("moderation:author", args=[elsewhere.author.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"kind": "block", "reason": "Seen in a concern"}).status_code == 403
    lifted = client.post(reverse("moderation:lift_sanction", args=[sanction.pk]), {"reason": "Not needed"})
    assert lifted.status_code == 403
    assert list(elsewhere.author.sanctions.values_list("kind", "lifted_at")) == [("warning", None)]
