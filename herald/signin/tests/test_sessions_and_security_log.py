"""Everyone sees and ends their own sessions; administrators end anyone's; the security log."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from herald.people import services as people_services
from herald.signin import services
from herald.signin.models import SessionRecord, SignInEvent
from testing.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _signed_in(person, agent: str) -> Client:
    client = Client(HTTP_USER_AGENT=agent)
    client.post(reverse("login"), {"username": person.email, "password": PASSWORD})
    return client


def test_a_person_sees_their_sessions_and_ends_one(employee):
    # given
    laptop = _signed_in(employee, "Laptop browser")
    phone = _signed_in(employee, "Phone browser")
    # when
    page = laptop.get(reverse("signin:sessions")).content.decode()
    phone_session = SessionRecord.objects.get(user_agent="Phone browser")
    laptop.post(reverse("signin:end_session", args=[phone_session.pk]))
    # then
    assert "Laptop browser" in page and "Phone browser" in page
    assert phone.get("/")["Location"].startswith(reverse("login"))
    assert laptop.get("/").status_code == 200


def test_nobody_ends_someone_elses_session_unless_an_administrator(employee, editor, system_admin, client):
    theirs = _signed_in(editor, "Editor's browser")
    record = SessionRecord.objects.get(user_agent="Editor's browser")
    other = _signed_in(employee, "Employee's browser")
    assert other.post(reverse("signin:end_session", args=[record.pk])).status_code == 403
    client.force_login(system_admin)
    assert "Editor&#x27;s browser" in client.get(reverse("signin:all_sessions")).content.decode()
    client.post(reverse("signin:end_session", args=[record.pk]))
    assert theirs.get("/")["Location"].startswith(reverse("login"))


def test_a_leavers_sessions_end(employee, system_admin):
    theirs = _signed_in(employee, "Leaver's browser")
    people_services.record_leaver(employee, by=system_admin)
    assert not SessionRecord.objects.active().filter(person=employee).exists()
    assert theirs.get("/")["Location"].startswith(reverse("login"))


def test_the_security_log_records_sign_ins_and_filters_them(employee, system_admin, client):
    # given
    _signed_in(employee, "Good browser")
    Client(REMOTE_ADDR="198.51.100.7").post(reverse("login"), {"username": employee.email, "password": "wrong-one"})
    # when
    client.force_login(system_admin)
    failed = client.get(reverse("signin:security_log"), {"result": "failed"}).content.decode()
    everything = client.get(reverse("signin:security_log"), {"person": employee.email}).content.decode()
    # then
    assert "198.51.100.7" in failed and "Good browser" not in failed
    assert "Good browser" in everything and "198.51.100.7" in everything


def test_the_security_log_keeps_its_own_retention(employee, settings):
    settings.HERALD_SECURITY_LOG_KEEP_DAYS = 30
    old = SignInEvent.objects.create(email=employee.email, method="password", result="succeeded")
    SignInEvent.objects.filter(pk=old.pk).update(at=timezone.now() - dt.timedelta(days=31))
    recent = SignInEvent.objects.create(email=employee.email, method="password", result="succeeded")
    assert services.forget_old_security_events() == 1
    assert list(SignInEvent.objects.all()) == [recent]


def test_the_daily_task_forgets_old_entries(employee, settings):
    from herald.signin.tasks import SCHEDULE, forget_old_security_events

    assert (forget_old_security_events, 24 * 60 * 60) in SCHEDULE
    old = SignInEvent.objects.create(email=employee.email, method="password", result="succeeded")
    SignInEvent.objects.filter(pk=old.pk).update(at=timezone.now() - dt.timedelta(days=400))
    forget_old_security_events.call()
    assert not SignInEvent.objects.exists()


def test_ending_the_session_you_are_using_is_refused_with_the_way_to_sign_out(employee):
    # given someone signed in, who posts "End" for the very session they are using (an old tab)
    laptop = _signed_in(employee, "Laptop browser")
    this_one = SessionRecord.objects.get(user_agent="Laptop browser")
    # when
    response = laptop.post(reverse("signin:end_session", args=[this_one.pk]), follow=True)
    # then they are still signed in, on their sessions page, told how to end it
    assert response.status_code == 200 and response.redirect_chain[-1][0] == reverse("signin:sessions")
    assert "This is the session you are using: to end it, sign out" in response.content.decode()
    this_one.refresh_from_db()
    assert this_one.ended_at is None
    assert laptop.get("/").status_code == 200


def test_everyones_sessions_marks_the_administrators_own_and_offers_no_end_for_it(system_admin, client):
    client.force_login(system_admin)
    client.get("/")
    mine = SessionRecord.objects.get(person=system_admin)
    page = client.get(reverse("signin:all_sessions")).content.decode()
    assert "This session" in page
    assert reverse("signin:end_session", args=[mine.pk]) not in page
