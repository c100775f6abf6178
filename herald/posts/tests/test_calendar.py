"""The content calendar: posts by month and week across accounts, filtered, with the pre-election period
and bank holidays; moving a post checks what the post's own form checks."""

import datetime as dt
import zoneinfo

import pytest
import time_machine

from herald.audit.models import AuditEvent
from herald.dates import uk_date, uk_time
from herald.elections.tests.factories import ElectionFactory
from herald.posts import services
from herald.posts.models import Post
from herald.social_accounts.tests.factories import AccountFactory

pytestmark = pytest.mark.django_db
LONDON = zoneinfo.ZoneInfo("Europe/London")
NOW = dt.datetime(2027, 4, 26, 9, 0, tzinfo=LONDON)


def at(day: int, hour: int = 10, month: int = 5) -> dt.datetime:
    return dt.datetime(2027, month, day, hour, 0, tzinfo=LONDON)


def write(editor, account, text, when):
    return services.write_post(accounts=[account], texts={account.platform: text}, scheduled_for=when, by=editor)[0]


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def test_the_month_shows_posts_on_their_days_with_bank_holidays_and_the_pre_election_period(
    frozen, client, editor, comms_officer, facebook
):
    ElectionFactory(poll_date=dt.date(2027, 5, 6))
    write(editor, facebook, "Bins on the bank holiday", at(3))
    write(editor, facebook, "Summer fair next month", at(20, 14))
    client.force_login(comms_officer)
    page = client.get("/posts/calendar/", {"date": "2027-05-01"}).content.decode()
    assert "May 2027" in page
    may_3 = page.split('data-date="2027-05-03"')[1].split("</section>")[0]
    assert "Early May bank holiday" in may_3 and "Bins on the bank holiday" in may_3 and "10am" in may_3
    assert "Pre-election" in may_3
    may_20 = page.split('data-date="2027-05-20"')[1].split("</section>")[0]
    assert "Summer fair next month" in may_20 and "2pm" in may_20 and "Pre-election" not in may_20
    assert "Pre-election period for" in page


def test_the_week_view_and_filters_by_account_service_area_and_status(frozen, client, editor, comms_officer, facebook):
    other = AccountFactory(editors=[editor], display_name="Hinckley Leisure")
    write(editor, facebook, "Council tax reminder", at(4))
    leisure = write(editor, other, "Pool timetable", at(5))
    services.submit_for_approval(leisure, by=editor)
    write(editor, facebook, "Next week's post", at(12))
    client.force_login(comms_officer)
    week = client.get("/posts/calendar/", {"view": "week", "date": "2027-05-05"}).content.decode()
    assert "Council tax reminder" in week and "Pool timetable" in week and "Next week's post" not in week
    only = client.get("/posts/calendar/", {"view": "week", "date": "2027-05-05", "account": other.pk}).content.decode()
    assert "Pool timetable" in only and "Council tax reminder" not in only
    waiting = client.get(
        "/posts/calendar/", {"view": "week", "date": "2027-05-05", "status": "awaiting_approval"}
    ).content.decode()
    assert "Pool timetable" in waiting and "Council tax reminder" not in waiting
    area = client.get(
        "/posts/calendar/", {"view": "week", "date": "2027-05-05", "service_area": other.team.service_area.pk}
    ).content.decode()
    assert "Pool timetable" in area


def test_dropping_a_post_on_another_day_keeps_its_time_and_its_approvals(
    frozen, client, editor, comms_officer, facebook
):
    post = services.submit_for_approval(write(editor, facebook, "Library late opening", at(4, 18)), by=editor)
    client.force_login(editor)
    response = client.post(f"/posts/{post.pk}/reschedule/", {"date": "2027-05-07", "next": "/posts/calendar/"})
    assert response.status_code == 302 and response["Location"] == "/posts/calendar/"
    post.refresh_from_db()
    assert post.scheduled_for == at(7, 18) and post.status == Post.Status.AWAITING_APPROVAL
    assert AuditEvent.objects.filter(
        action="post.edited", object_id=str(post.pk), reason__icontains="calendar"
    ).exists()


def test_a_post_cannot_be_moved_into_the_past_or_by_someone_who_may_not_change_it(
    frozen, client, editor, employee, facebook
):
    post = write(editor, facebook, "Library late opening", at(4, 18))
    client.force_login(editor)
    response = client.post(f"/posts/{post.pk}/reschedule/", {"date": "2027-04-20"}, follow=True)
    assert "was not moved: The scheduled time must be in the future" in response.content.decode()
    post.refresh_from_db()
    assert post.scheduled_for == at(4, 18)
    client.force_login(employee)
    assert client.post(f"/posts/{post.pk}/reschedule/", {"date": "2027-05-07"}).status_code == 403


def test_the_move_page_takes_a_new_date_and_time_as_the_posts_form_does(frozen, client, editor, facebook):
    post = write(editor, facebook, "Library late opening", at(4, 18))
    client.force_login(editor)
    page = client.get(f"/posts/{post.pk}/reschedule/?next=/posts/calendar/%3Fview%3Dweek")
    assert "Move post" in page.content.decode()
    response = client.post(
        f"/posts/{post.pk}/reschedule/", {"scheduled_for": "10/05/2027 08:15", "next": "/posts/calendar/?view=week"}
    )
    assert response["Location"] == "/posts/calendar/?view=week"
    post.refresh_from_db()
    assert post.scheduled_for == at(10, 8) + dt.timedelta(minutes=15)
    refused = client.post(f"/posts/{post.pk}/reschedule/", {"scheduled_for": "01/01/2020 08:15"})
    assert "The scheduled time must be in the future" in refused.content.decode()
    outside = client.post(f"/posts/{post.pk}/reschedule/", {"date": "2027-05-11", "next": "https://evil.example/"})
    assert outside["Location"] == "/posts/calendar/"


@pytest.mark.parametrize("view", ["month", "week"])
@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31"])
def test_a_date_at_the_edge_of_the_calendar_shows_this_month_not_a_server_error(
    frozen, client, editor, facebook, view, date
):
    write(editor, facebook, "Library late opening", at(28, 18, month=4))
    client.force_login(editor)
    response = client.get("/posts/calendar/", {"date": date, "view": view})
    assert response.status_code == 200
    assert "Library late opening" in response.content.decode()


@pytest.mark.parametrize("back_to", ["calendar", "posts:index", "javascript:alert(1)", "?view=week"])
def test_moving_a_post_with_a_back_link_that_is_not_a_page_address_goes_back_to_the_calendar(
    frozen, client, editor, facebook, back_to
):
    post = write(editor, facebook, "Library late opening", at(4, 18))
    client.force_login(editor)
    dragged = client.post(f"/posts/{post.pk}/reschedule/", {"date": "2027-05-11", "next": back_to})
    assert dragged.status_code == 302
    assert dragged["Location"] == "/posts/calendar/"
    typed = client.post(f"/posts/{post.pk}/reschedule/", {"scheduled_for": "12/05/2027 08:15", "next": back_to})
    assert typed["Location"] == "/posts/calendar/"
    post.refresh_from_db()
    assert post.scheduled_for == at(12, 8) + dt.timedelta(minutes=15)


def test_dropping_a_post_on_the_last_day_of_the_calendar_is_refused_or_moved_never_a_server_error(
    frozen, client, editor, facebook
):
    post = write(editor, facebook, "Library late opening", at(4, 18))
    client.force_login(editor)
    response = client.post(f"/posts/{post.pk}/reschedule/", {"date": "9999-12-31"}, follow=True)
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("now", "posted", "dropped_on", "said"),
    [
        # 28 March 2027: the clocks go forward at 1am, so 1:30am does not happen that day
        (dt.datetime(2027, 3, 1, 9, 0), dt.datetime(2027, 3, 27, 1, 30), "2027-03-28", "does not exist in the UK"),
        # 25 October 2026: the clocks go back at 2am, so 1:30am happens twice (BST, then GMT)
        (dt.datetime(2026, 10, 1, 9, 0), dt.datetime(2026, 10, 24, 1, 30), "2026-10-25", "happens twice in the UK"),
        (dt.datetime(2027, 10, 1, 9, 0), dt.datetime(2027, 10, 30, 1, 15), "2027-10-31", "happens twice in the UK"),
    ],
)
def test_dropping_a_post_into_the_hour_the_clocks_change_is_refused_not_shifted(
    client, editor, facebook, now, posted, dropped_on, said
):
    with time_machine.travel(now.replace(tzinfo=LONDON), tick=False):
        post = write(editor, facebook, "Library late opening", posted.replace(tzinfo=LONDON))
        client.force_login(editor)
        response = client.post(
            f"/posts/{post.pk}/reschedule/", {"date": dropped_on, "next": "/posts/calendar/"}, follow=True
        )
    page = response.content.decode()
    assert response.status_code == 200
    day = dt.date.fromisoformat(dropped_on)
    assert f"Post {post.pk} was not moved: {uk_time(posted)} on {uk_date(day)} {said}" in page
    assert "Use its “Move” link to choose" in page
    post.refresh_from_db()
    assert post.scheduled_for == posted.replace(tzinfo=LONDON)
    assert not AuditEvent.objects.filter(action="post.edited", object_id=str(post.pk)).exists()


def test_a_post_at_another_time_moves_onto_a_clock_change_day_as_usual(client, editor, facebook):
    with time_machine.travel(dt.datetime(2027, 3, 1, 9, 0, tzinfo=LONDON), tick=False):
        post = write(editor, facebook, "Library late opening", dt.datetime(2027, 3, 27, 2, 30, tzinfo=LONDON))
        client.force_login(editor)
        client.post(f"/posts/{post.pk}/reschedule/", {"date": "2027-03-28", "next": "/posts/calendar/"})
    post.refresh_from_db()
    assert post.scheduled_for == dt.datetime(2027, 3, 28, 2, 30, tzinfo=LONDON)
