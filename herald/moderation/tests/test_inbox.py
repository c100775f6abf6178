import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.errors import Refused
from herald.moderation import services
from herald.moderation.models import Comment, CommentFlag, ModerationTeam
from herald.social_accounts.models import AccountEditor
from testing.factories import AccountFactory, comment

pytestmark = pytest.mark.django_db
UTC = dt.UTC


@pytest.fixture
def account(team):
    return AccountFactory(platform="facebook", display_name="Hinckley Leisure Centre", team=team)


@pytest.fixture
def other_account(team):
    return AccountFactory(platform="x", display_name="HBBC Planning", team=team)


@pytest.fixture
def their_editor(editor, account):
    AccountEditor.objects.create(account=account, person=editor)
    return editor


# --- Who sees what ---


def test_an_editor_sees_comments_on_their_own_accounts_only(client, their_editor, account, other_account):
    mine = comment(account, "Is the pool open on Boxing Day?")
    theirs = comment(other_account, "When is the planning committee?")
    client.force_login(their_editor)

    page = client.get(reverse("moderation:inbox"))

    assert mine.text in page.content.decode()
    assert theirs.text not in page.content.decode()
    assert client.get(reverse("moderation:detail", args=[theirs.pk])).status_code == 404


def test_the_inbox_works_out_the_accounts_a_person_may_see_once_per_page(client, their_editor, account, other_account):
    mine = comment(account, "Is the pool open on Boxing Day?")
    theirs = comment(other_account, "When is the planning committee?")
    client.force_login(their_editor)
    client.get(reverse("moderation:inbox"))  # the session and the person's roles, read on every page

    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("moderation:inbox")).content.decode()

    # The rule (accounts they edit, manage or moderate as a team) is asked once: the filter's list of
    # accounts and the comments shown both come from it.
    asked = [q["sql"] for q in queries.captured_queries if '"social_accounts_accounteditor"' in q["sql"]]
    assert len(asked) == 1, asked
    assert mine.text in page and theirs.text not in page
    assert "Hinckley Leisure Centre" in page and "HBBC Planning" not in page


def test_a_team_member_sees_the_team_queue(client, editor, other_account):
    team = ModerationTeam.objects.create(name="Customer services")
    team.members.add(editor)
    team.accounts.add(other_account)
    found = comment(other_account, "My council tax bill is wrong")
    client.force_login(editor)

    assert client.get(reverse("moderation:detail", args=[found.pk])).status_code == 200


def test_the_communications_team_sees_every_account(client, comms_officer, account, other_account):
    comment(account, "Is the pool open on Boxing Day?")
    comment(other_account, "When is the planning committee?")
    client.force_login(comms_officer)

    page = client.get(reverse("moderation:inbox")).content.decode()

    assert "Is the pool open on Boxing Day?" in page
    assert "When is the planning committee?" in page


# --- Filters and search ---


def test_filters_narrow_by_account_flag_and_assignee(client, comms_officer, account, other_account):
    question = comment(account, "Is the pool open on Boxing Day?")
    complaint = comment(other_account, "I want to make a formal complaint about the planning officer")
    services.assign_comment(question, by=comms_officer, to=comms_officer)
    client.force_login(comms_officer)

    by_flag = client.get(reverse("moderation:inbox"), {"flag": "complaint", "status": "open"}).content.decode()
    by_account = client.get(reverse("moderation:inbox"), {"account": account.pk, "status": ""}).content.decode()
    mine = client.get(reverse("moderation:inbox"), {"assignee": "me", "status": "open"}).content.decode()

    assert complaint.text in by_flag and question.text not in by_flag
    assert question.text in by_account and complaint.text not in by_account
    assert question.text in mine and complaint.text not in mine


def test_search_finds_comments_by_their_words(client, comms_officer, account):
    comment(account, "The swimming pool changing rooms are filthy")
    comment(account, "Thanks for the Christmas lights")
    client.force_login(comms_officer)

    page = client.get(reverse("moderation:inbox"), {"q": "pool changing", "status": ""}).content.decode()

    assert "changing rooms are filthy" in page
    assert "Christmas lights" not in page


def test_search_and_flag_pages_run_newest_first(monkeypatch, comms_officer, account):
    """Matches come newest first, and the second page carries on where the first stopped."""
    from herald.moderation import selectors

    now = dt.datetime.now(UTC)
    complaints = []
    for days in (9, 2, 5, 7, 1):
        found = comment(account, f"I want to make a formal complaint about the pool, day {days}")
        Comment.objects.filter(pk=found.pk).update(received_at=now - dt.timedelta(days=days))
        complaints.append((days, found.pk))
    comment(account, "Is the pool open on Boxing Day?")
    newest_first = [pk for _, pk in sorted(complaints)]

    for wanted in (selectors.InboxFilter(q="complaint"), selectors.InboxFilter(flag="complaint", status="open")):
        first = selectors.inbox_page(comms_officer, wanted, start=0, size=3)
        second = selectors.inbox_page(comms_officer, wanted, start=3, size=3)
        assert [c.pk for c in first + second] == newest_first

    if connection.vendor == "postgresql":
        # Words common enough are found by walking the newest comments, with the planner told so for
        # that query only: same pages, and the settings are back for whatever the request does next.
        monkeypatch.setattr(selectors, "_could_be_common", lambda words: True)
        wanted = selectors.InboxFilter(q="complaint")
        first = selectors.inbox_page(comms_officer, wanted, start=0, size=3)
        second = selectors.inbox_page(comms_officer, wanted, start=3, size=3)
        assert [c.pk for c in first + second] == newest_first
        with connection.cursor() as cursor:
            cursor.execute("SHOW enable_bitmapscan")
            assert cursor.fetchone()[0] == "on"


def test_the_filter_form_refuses_an_end_date_before_the_start(client, comms_officer):
    client.force_login(comms_officer)

    page = client.get(reverse("moderation:inbox"), {"received_from": "2026-12-05", "received_to": "2026-12-01"})

    assert "Enter a date on or after" in page.content.decode()
    assert "govuk-error-summary" in page.content.decode()


def test_the_inbox_answers_htmx_with_the_results_alone(client, comms_officer, account):
    comment(account, "Is the pool open on Boxing Day?")
    client.force_login(comms_officer)

    page = client.get(reverse("moderation:inbox"), {"status": "open"}, headers={"HX-Request": "true"})

    assert page.content.decode().lstrip().startswith('<div id="inbox-results">')


def test_an_invalid_filter_sent_by_htmx_shows_the_error_summary_and_the_fields_errors(client, comms_officer, account):
    comment(account, "Is the pool open on Boxing Day?")
    client.force_login(comms_officer)
    bad = {"received_from": "2026-12-05", "received_to": "2026-12-01", "team": "999999", "status": "open"}

    answer = client.get(reverse("moderation:inbox"), bad, headers={"HX-Request": "true"})
    page = client.get(reverse("moderation:inbox"), bad)

    # htmx: the results, and out of band the summary and the errored fields (not the whole form)
    text = answer.content.decode()
    assert answer.status_code == 200 and text.lstrip().startswith('<div id="inbox-results">')
    form = text[text.index('id="inbox-errors"') :]
    assert 'id="inbox-errors" hx-swap-oob="true"' in text and '<form method="get"' not in text
    assert 'id="inbox-team-group" hx-swap-oob="true"' in form
    assert "govuk-error-summary" in form and "There is a problem" in form
    assert 'id="inbox-received_to-error"' in form and "Enter a date on or after" in form
    assert 'id="inbox-team-error"' in form
    # without JavaScript, the whole page says the same, and its form is not marked to be swapped
    full = page.content.decode()
    assert "govuk-error-summary" in full and 'id="inbox-team-error"' in full and "hx-swap-oob" not in full


def test_a_valid_filter_sent_by_htmx_clears_errors_shown_and_otherwise_leaves_the_form_alone(
    client, comms_officer, account
):
    client.force_login(comms_officer)
    inbox, htmx = reverse("moderation:inbox"), {"HX-Request": "true"}

    shown = client.get(inbox, {"team": "999999"}, headers=htmx).content.decode()
    put_right = client.get(inbox, {"status": "open", "errors_shown": "team"}, headers=htmx).content.decode()
    plain = client.get(inbox, {"status": "open"}, headers=htmx).content.decode()

    # a form showing errors says so when it is sent again, so the answer can clear them
    assert 'name="errors_shown" value="team"' in shown
    assert 'id="inbox-team-group" hx-swap-oob="true"' in put_right and "govuk-error-summary" not in put_right
    assert "govuk-error-message" not in put_right and 'name="errors_shown"' not in put_right
    # a valid filter with no errors to clear leaves the form (and anything being typed into it) alone
    assert '<form method="get"' not in plain and "hx-swap-oob" not in plain


def test_an_invalid_filter_lists_no_comments_and_says_to_fix_it(client, comms_officer, account):
    comment(account, "Is the pool open on Boxing Day?")
    client.force_login(comms_officer)
    bad = {"received_from": "2026-12-05", "received_to": "2026-12-01"}

    for headers in ({}, {"HX-Request": "true"}):
        text = client.get(reverse("moderation:inbox"), bad, headers=headers).content.decode()
        results = text[text.index('<div id="inbox-results">') :]
        # the open comments are not shown under the summary as if the filter had found them
        assert "Is the pool open on Boxing Day?" not in results
        assert "Fix the filter to see comments." in results and "No comments match" not in results
    # once the filter is valid, the comments are there again
    fine = client.get(reverse("moderation:inbox"), {"status": "open"}).content.decode()
    assert "Is the pool open on Boxing Day?" in fine and "Fix the filter" not in fine


# --- Assignment, statuses, notes, bulk ---


def test_assigning_moves_a_new_comment_to_assigned_and_is_audited(client, comms_officer, their_editor, account):
    found = comment(account, "Is the pool open on Boxing Day?")
    client.force_login(comms_officer)

    response = client.post(reverse("moderation:assign", args=[found.pk]), {"assignee": their_editor.pk})

    assert response.status_code == 302
    found.refresh_from_db()
    assert (found.status, found.assignee) == (Comment.Status.ASSIGNED, their_editor)
    event = AuditEvent.objects.filter(action="moderation.assigned").get()
    assert event.before["status"] == "new" and event.after["status"] == "assigned"


def test_a_comment_cannot_be_assigned_to_someone_who_cannot_see_it(comms_officer, editor, account):
    found = comment(account, "Is the pool open on Boxing Day?")

    with pytest.raises(Refused, match="cannot see comments"):
        services.assign_comment(found, by=comms_officer, to=editor)


def test_a_comment_can_be_assigned_to_exactly_those_who_can_see_it(comms_officer, account, other_account):
    from herald.moderation import selectors
    from testing.factories import PersonFactory

    editor_here = PersonFactory(roles=["editor"])
    AccountEditor.objects.create(account=account, person=editor_here)
    former_editor = PersonFactory(roles=["editor"])
    AccountEditor.objects.create(account=account, person=former_editor, removed_at=dt.datetime(2026, 1, 5, tzinfo=UTC))
    editor_elsewhere = PersonFactory(roles=["editor"])
    AccountEditor.objects.create(account=other_account, person=editor_elsewhere)
    manager = PersonFactory(roles=["service_manager"])
    account.service_manager = manager
    account.save()
    in_account_team, in_queue_team, assignee = (PersonFactory(roles=["editor"]) for _ in range(3))
    account_team = ModerationTeam.objects.create(name="Leisure")
    account_team.members.add(in_account_team)
    account_team.accounts.add(account)
    queue_team = ModerationTeam.objects.create(name="Customer services")
    queue_team.members.add(in_queue_team)
    admin = PersonFactory(roles=["admin"])
    left = PersonFactory(roles=["comms"], is_active=False)
    found = comment(account, "Is the pool open on Boxing Day?")
    Comment.objects.filter(pk=found.pk).update(team=queue_team, assignee=assignee)
    found.refresh_from_db()

    offered = selectors.people_who_can_work(found)

    # the same people the per-person rule lets see it, in name order, and nobody else
    expected = {comms_officer, editor_here, manager, in_account_team, in_queue_team, assignee, admin}
    assert set(offered) == expected
    assert [p for p in offered if selectors.can_see(p, found)] == offered
    assert not ({former_editor, editor_elsewhere, left} & set(offered))
    assert offered == sorted(offered, key=lambda p: (p.first_name, p.last_name))


def test_hiding_or_deleting_is_refused_from_the_status_form(comms_officer, account):
    found = comment(account, "Spam spam spam")

    with pytest.raises(Refused, match="keeps the evidence first"):
        services.set_status(found, by=comms_officer, status="hidden")


def test_escalating_needs_a_reason_shown_on_the_form(client, comms_officer, account):
    found = comment(account, "I know where Cllr Bray lives")
    client.force_login(comms_officer)

    page = client.post(reverse("moderation:set_status", args=[found.pk]), {"status": "escalated", "reason": ""})

    assert page.status_code == 400
    assert "Say why the comment is escalated" in page.content.decode()
    found.refresh_from_db()
    assert found.status == Comment.Status.NEW


@time_machine.travel(dt.datetime(2026, 12, 8, 9, 0, tzinfo=UTC))
def test_handling_a_comment_stops_its_response_clock(client, comms_officer, account):
    found = comment(account, "Is the pool open on Boxing Day?")

    with time_machine.travel(dt.datetime(2026, 12, 8, 10, 30, tzinfo=UTC)):
        client.force_login(comms_officer)
        client.post(reverse("moderation:set_status", args=[found.pk]), {"status": "replied"})
        page = client.get(reverse("moderation:detail", args=[found.pk])).content.decode()

    assert "Handled in 1h 30m" in page


@time_machine.travel(dt.datetime(2026, 12, 5, 12, 0, tzinfo=UTC))  # a Saturday
def test_out_of_hours_the_inbox_says_when_the_clocks_start_again(client, comms_officer, account):
    comment(account, "Is the pool open on Boxing Day?")
    client.force_login(comms_officer)

    page = client.get(reverse("moderation:inbox")).content.decode()

    assert "outside the council's business hours" in page
    assert "8:45am on Monday 7 December" in page


def test_a_note_is_kept_on_the_comment_and_audited(client, comms_officer, account):
    found = comment(account, "Is the pool open on Boxing Day?")
    client.force_login(comms_officer)

    client.post(reverse("moderation:add_note", args=[found.pk]), {"text": "Checked with the centre: closed"})

    page = client.get(reverse("moderation:detail", args=[found.pk])).content.decode()
    assert "Checked with the centre: closed" in page
    assert AuditEvent.objects.filter(action="moderation.note_added").count() == 1


def test_an_empty_note_shows_the_error_summary(client, comms_officer, account):
    found = comment(account, "Is the pool open on Boxing Day?")
    client.force_login(comms_officer)

    page = client.post(reverse("moderation:add_note", args=[found.pk]), {"text": ""})

    assert page.status_code == 400
    assert "Enter the note" in page.content.decode()


def test_bulk_actions_apply_to_every_selected_comment(client, comms_officer, account):
    first = comment(account, "Spam: cheap sunglasses")
    second = comment(account, "Spam: win a free phone")
    kept = comment(account, "Is the pool open?")
    client.force_login(comms_officer)

    client.post(reverse("moderation:bulk"), {"comments": [first.pk, second.pk], "action": "status:no_action"})

    statuses = dict(Comment.objects.values_list("pk", "status"))
    assert statuses[first.pk] == statuses[second.pk] == "no_action"
    assert statuses[kept.pk] == "new"


def test_bulk_actions_skip_comments_the_person_cannot_see(client, their_editor, account, other_account):
    mine = comment(account, "Is the pool open?")
    not_mine = comment(other_account, "Planning question")
    client.force_login(their_editor)

    client.post(reverse("moderation:bulk"), {"comments": [mine.pk, not_mine.pk], "action": "assign_to_me"})

    assert Comment.objects.get(pk=mine.pk).assignee == their_editor
    assert Comment.objects.get(pk=not_mine.pk).assignee is None


# --- Flags ---


def test_closing_a_flag_records_what_was_done(client, comms_officer, account):
    found = comment(account, "Under the Freedom of Information Act, how much did the new signs cost?")
    flag = found.flags.get()
    client.force_login(comms_officer)

    client.post(reverse("moderation:close_flag", args=[found.pk, flag.pk]), {"outcome": "Logged as FOI 2026/412"})

    flag.refresh_from_db()
    assert flag.closed_by == comms_officer and flag.outcome == "Logged as FOI 2026/412"
    assert client.get(reverse("moderation:flags")).content.decode().count(found.text[:40]) == 0


def test_a_flag_raised_by_hand_gets_its_clock(comms_officer, account):
    found = comment(account, "Can I see the correspondence about the Argents Mead fence please")

    flag = services.raise_flag(found, by=comms_officer, kind="foi", reason="Asks for correspondence")

    assert flag.due_on is not None
    assert flag.raised_by == comms_officer
    assert CommentFlag.objects.filter(comment=found).count() == 1


def test_the_flags_queue_shows_the_foi_clock(client, comms_officer, account):
    found = comment(account, "Under the Freedom of Information Act, how much did the new signs cost?")
    client.force_login(comms_officer)

    page = client.get(reverse("moderation:flags"), {"kind": "foi"}).content.decode()

    assert found.flags.get().due_on.strftime("%-d %B %Y") in page
