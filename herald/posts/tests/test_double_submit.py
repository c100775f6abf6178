"""A post written once is saved once, however many times the button is pressed."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from herald.posts.models import Post
from herald.posts.tests.factories import in_hours
from testing.forms import submission_key


def _filled_form(client, facebook) -> dict:
    page = client.get(reverse("posts:write")).content.decode()
    key = submission_key(page)
    return {
        "accounts": [facebook.pk],
        "text_facebook": "The pool reopens on Monday.",
        "scheduled_for": in_hours(30).astimezone().strftime("%Y-%m-%dT%H:%M"),
        "action": "save",
        "submission_key": key,
    }


@pytest.mark.django_db
def test_pressing_save_five_times_saves_one_draft_and_every_press_lands_on_it(client, editor, facebook):
    client.force_login(editor)
    form = _filled_form(client, facebook)
    responses = [client.post(reverse("posts:write"), form) for _ in range(5)]
    post = Post.objects.get()
    assert {r["Location"] for r in responses} == {reverse("posts:detail", args=[post.pk])}


@pytest.mark.django_db
def test_a_form_shown_again_with_an_error_can_still_be_saved_once_corrected(client, editor, facebook):
    client.force_login(editor)
    form = _filled_form(client, facebook)
    refused = client.post(reverse("posts:write"), {**form, "text_facebook": ""})
    assert refused.status_code == 200 and Post.objects.count() == 0
    assert f'value="{form["submission_key"]}"' in refused.content.decode()
    saved = client.post(reverse("posts:write"), form)
    assert saved.status_code == 302 and Post.objects.count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite runs one writer at a time")
@pytest.mark.django_db(transaction=True)
def test_five_simultaneous_saves_of_the_same_form_make_one_draft(editor, facebook):
    first = Client()
    first.force_login(editor)
    form = _filled_form(first, facebook)
    start = threading.Barrier(5)
    locations = []

    def press():
        client = Client()
        client.cookies = first.cookies
        start.wait()
        locations.append(client.post(reverse("posts:write"), form)["Location"])
        connection.close()

    threads = [threading.Thread(target=press) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    post = Post.objects.get()
    assert locations == [reverse("posts:detail", args=[post.pk])] * 5
