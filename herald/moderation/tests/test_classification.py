import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from herald.elections.tests.factories import ElectionFactory
from herald.moderation import services
from herald.moderation.models import Comment, CommentFlag
from testing.factories import AccountFactory, comment, incoming

pytestmark = pytest.mark.django_db
LONDON = dt.timezone(dt.timedelta(0))


@pytest.fixture
def account():
    return AccountFactory(platform="facebook", display_name="Hinckley & Bosworth Borough Council")


def test_findings_are_stored_with_their_spans_and_the_worst_severity(account):
    found = comment(account, "Ring me on 07700 900123 about the planning appeal, I'm at 14 Hollycroft Crescent")

    assert found.checked_at is not None
    assert found.findings, "a resident's phone number in a public comment is personal data"
    personal = [f for f in found.findings if f["start"] is not None]
    assert any(found.text[f["start"] : f["end"]] == "07700 900123" for f in personal)
    assert found.severity in {"warn", "block"}


def test_an_ordinary_question_has_no_findings_and_normal_priority(account):
    found = comment(account, "What time does the tip open on Sunday?")

    assert found.findings == []
    assert found.severity == ""
    assert found.priority == Comment.Priority.NORMAL
    assert not found.flags.exists()


@time_machine.travel(dt.datetime(2027, 4, 20, 10, 0, tzinfo=LONDON))
def test_the_pre_election_state_on_arrival_is_kept_with_the_comment(account):
    ElectionFactory(poll_date=dt.date(2027, 5, 6), notice_published_on=dt.date(2027, 3, 29))

    found = comment(account, "Vote for the independents on 6 May!")

    assert found.pre_election is True


@time_machine.travel(dt.datetime(2026, 12, 18, 11, 0, tzinfo=LONDON))
def test_a_possible_foi_request_is_due_in_20_working_days_skipping_christmas_and_new_year(account):
    found = comment(account, "Under the Freedom of Information Act, how much was spent on the Christmas lights?")

    flag = found.flags.get()
    assert flag.kind == CommentFlag.Kind.FOI
    # From Friday 18 December 2026: Christmas Day, Boxing Day (substitute Monday 28) and New Year's Day
    # do not count; Christmas Eve does under the Act (s.10(6)), unlike the election rules.
    assert flag.due_on == dt.date(2027, 1, 20)
    assert found.priority == Comment.Priority.HIGH


@time_machine.travel(dt.datetime(2027, 1, 31, 11, 0, tzinfo=LONDON))
def test_a_possible_subject_access_request_is_due_in_one_calendar_month(account):
    found = comment(account, "Please treat this as a subject access request for my housing file")

    flag = found.flags.get()
    assert flag.kind == CommentFlag.Kind.SAR
    # the month runs to its last day, Sunday 28 February 2027; the response is due the next working day
    assert flag.due_on == dt.date(2027, 3, 1)


@time_machine.travel(dt.datetime(2027, 2, 6, 11, 0, tzinfo=LONDON))
def test_a_subject_access_request_whose_month_ends_on_a_saturday_is_due_the_next_monday(client, account, comms_officer):
    # given a request received on Saturday 6 February 2027: its calendar month ends on Saturday 6 March
    found = comment(account, "Please treat this as a subject access request for my housing file")

    flag = found.flags.get()
    assert flag.due_on == dt.date(2027, 3, 8)
    # and the comment's page shows the day the council is actually due by
    client.force_login(comms_officer)
    page = client.get(reverse("moderation:detail", args=[found.pk])).content.decode()
    assert "Monday 8 March 2027" in page


@time_machine.travel(dt.datetime(2027, 2, 26, 11, 0, tzinfo=LONDON))
def test_a_subject_access_request_whose_month_ends_on_a_bank_holiday_is_due_the_next_working_day(account):
    # its calendar month ends on Good Friday, 26 March 2027; then a weekend and Easter Monday
    found = comment(account, "Please treat this as a subject access request for my housing file")

    assert found.flags.get().due_on == dt.date(2027, 3, 30)


def test_a_complaint_is_flagged_without_a_statutory_clock(account):
    found = comment(account, "I want to make a formal complaint about the bin crew blocking my drive")

    flag = found.flags.get()
    assert (flag.kind, flag.due_on) == (CommentFlag.Kind.COMPLAINT, None)


def test_a_safeguarding_concern_tells_the_safeguarding_lead_at_once(
    account, settings, django_capture_on_commit_callbacks
):
    settings.MODERATION_SAFEGUARDING_LEAD = ["safeguarding.lead@council.example"]
    result = services.receive_comments(
        account,
        [incoming("The kids at number 4 have been left alone for days and there is no food in the house")],
        source="webhook",
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.classify_comments(result.comment_ids)

    found = Comment.objects.get(pk=result.comment_ids[0])
    assert found.priority == Comment.Priority.URGENT
    assert [m.to for m in mail.outbox] == [["safeguarding.lead@council.example"]]
    message = mail.outbox[0]
    assert "Safeguarding concern" in message.subject
    assert "left alone for days" in message.body
    assert f"/inbox/comments/{found.pk}/" in message.body


def test_a_threat_makes_the_comment_urgent(account):
    found = comment(account, "Someone should torch his car, that would teach the councillor")

    assert found.flags.get().kind == CommentFlag.Kind.THREAT
    assert found.priority == Comment.Priority.URGENT


def test_classifying_twice_changes_nothing_and_raises_no_second_flag(account):
    found = comment(account, "I want to make a formal complaint")

    assert services.classify_comments([found.pk]) == 0
    assert found.flags.count() == 1


def test_the_sweep_classifies_comments_a_lost_task_left_unchecked(account):
    result = services.receive_comments(account, [incoming("Hello"), incoming("Is the pool open?")], source="api")

    assert services.classify_unchecked() == 2
    assert not Comment.objects.filter(pk__in=result.comment_ids, checked_at=None).exists()
    assert Comment.objects.get(pk=result.comment_ids[0]).received_at <= timezone.now()
