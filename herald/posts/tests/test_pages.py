"""The posts pages: writing with the live check, the fix button, errors, and acting on a post."""

import pytest
from django.urls import reverse

from herald.posts import services
from herald.posts.models import Post
from herald.posts.tests.factories import in_hours, shown_hash

pytestmark = pytest.mark.django_db


def test_the_live_check_returns_findings_with_marked_spans_and_a_clause(client, editor, facebook):
    client.force_login(editor)
    response = client.post(
        reverse("posts:check"),
        {"field": "text_facebook", "text_facebook": "Call 07700 900123 #summerfestival"},
        headers={"HX-Request": "true"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert (
        '<mark class="herald-mark herald-mark--block"' in body and "07700 900123</mark>" not in body.split("<mark")[0]
    )
    assert "personal phone number" in body and "Change to #SummerFestival" in body
    assert "<strong>33</strong> of 63206 characters" in body


def test_the_live_check_refuses_an_unknown_field(client, editor):
    client.force_login(editor)
    assert client.post(reverse("posts:check"), {"field": "password"}).status_code == 400


def test_the_fix_button_returns_the_text_fixed(client, editor, facebook):
    client.force_login(editor)
    text = "Join us at the #summerfestival"
    response = client.post(reverse("posts:fix"), {"text_facebook": text, "fix": "text_facebook|hashtag-camelcase|15"})
    assert "Join us at the #SummerFestival</textarea>" in response.content.decode()


def test_without_javascript_the_fix_button_refills_the_form_and_saves_nothing(client, editor, facebook):
    client.force_login(editor)
    response = client.post(
        reverse("posts:write"),
        {
            "accounts": [facebook.pk],
            "text_facebook": "Join us at the #summerfestival",
            "fix": "text_facebook|hashtag-camelcase|15",
        },
    )
    assert "#SummerFestival</textarea>" in response.content.decode()
    assert not Post.objects.exists()


def test_a_post_with_no_text_is_refused_with_an_error_summary_and_nothing_saved(client, editor, facebook):
    client.force_login(editor)
    response = client.post(reverse("posts:write"), {"accounts": [facebook.pk], "text_facebook": "", "action": "submit"})
    body = response.content.decode()
    assert "There is a problem" in body and "Enter the text for Facebook" in body
    assert "<title>Error:" in body
    assert not Post.objects.exists()


def test_writing_and_sending_for_approval_in_one_step(client, editor, comms_officer, facebook):
    client.force_login(editor)
    response = client.post(
        reverse("posts:write"),
        {
            "accounts": [facebook.pk],
            "text_facebook": "The pool reopens on Monday.",
            "scheduled_for": in_hours(30).astimezone().strftime("%Y-%m-%dT%H:%M"),
            "action": "submit",
        },
    )
    post = Post.objects.get()
    assert response.status_code == 302 and post.status == Post.Status.AWAITING_APPROVAL


def test_the_author_is_not_offered_the_approve_button(client, editor, comms_officer, facebook):
    post = services.write_post(
        accounts=[facebook], texts={"facebook": "The pool reopens on Monday."}, scheduled_for=in_hours(30), by=editor
    )[0]
    services.submit_for_approval(post, by=editor)
    client.force_login(editor)
    assert ">Approve<" not in client.get(reverse("posts:detail", args=[post.pk])).content.decode()
    response = client.post(reverse("posts:approve", args=[post.pk]), {"text_hash": shown_hash(post)}, follow=True)
    assert "someone else must approve" in response.content.decode()
    client.force_login(comms_officer)
    assert ">Approve<" in client.get(reverse("posts:detail", args=[post.pk])).content.decode()


def test_the_archive_filters_by_rule(client, comms_officer, editor, facebook):
    for text in ("Call 07700 900123 today", "The pool reopens on Monday."):
        services.write_post(accounts=[facebook], texts={"facebook": text}, scheduled_for=in_hours(30), by=editor)
    client.force_login(comms_officer)
    body = client.get(reverse("posts:archive"), {"rule": "phone-number"}).content.decode()
    assert "1 post found" in body and "Call 07700" in body and "pool reopens" not in body


def test_the_stop_banner_shows_to_editors_on_every_page(client, editor, comms_officer):
    services.stop_publishing(by=comms_officer, reason="Flooding in Hinckley town centre.")
    client.force_login(editor)
    assert "Publishing is stopped." in client.get("/").content.decode()


def test_an_invalid_archive_search_sent_by_htmx_shows_the_error_summary_and_no_posts(
    client, comms_officer, editor, facebook
):
    services.write_post(
        accounts=[facebook], texts={"facebook": "The pool reopens on Monday."}, scheduled_for=in_hours(30), by=editor
    )
    client.force_login(comms_officer)
    archive, htmx = reverse("posts:archive"), {"HX-Request": "true"}
    bad = {"q": "pool", "date_from_day": "31", "date_from_month": "2", "date_from_year": "2026"}

    answer = client.get(archive, bad, headers=htmx).content.decode()
    page = client.get(archive, bad).content.decode()

    # htmx: the results say to fix the search, and out of band come the summary and the date with its error
    # (a post matching "pool" is not listed as if the search had found it)
    form = answer[answer.index('id="archive-errors"') :]
    results = answer[: answer.index('id="archive-errors"')]
    assert "Fix the search to see posts." in results and "pool reopens" not in results
    assert (
        'id="archive-errors" hx-swap-oob="true"' in answer and 'id="archive-date_from-group" hx-swap-oob="true"' in form
    )
    assert "There is a problem" in form and "The from date must be a real date" in form
    assert 'id="archive-date_from-error"' in form and 'name="errors_shown" value="date_from"' in form
    # without JavaScript the page says the same, and nothing in it is marked to be swapped
    assert "There is a problem" in page and "Fix the search to see posts." in page and "pool reopens" not in page
    assert "hx-swap-oob" not in page.split('id="archive-exports"')[0]
    # put right, the date comes back without its error (to clear it), and the post is found
    right = client.get(archive, {"q": "pool", "errors_shown": "date_from"}, headers=htmx).content.decode()
    assert "1 post found" in right and "pool reopens" in right
    assert 'id="archive-date_from-group" hx-swap-oob="true"' in right and "There is a problem" not in right
    # a valid search with no errors to clear leaves the form (and anything being typed) alone
    plain = client.get(archive, {"q": "pool"}, headers=htmx).content.decode()
    assert "<form" not in plain and "pool reopens" in plain


def test_the_archive_export_links_follow_the_search_htmx_sends_and_carry_only_its_terms(
    client, comms_officer, editor, facebook
):
    client.force_login(comms_officer)
    archive, htmx = reverse("posts:archive"), {"HX-Request": "true"}
    # the page first drawn for "pool", then the words changed to "bin" as they are typed (htmx)
    client.get(archive, {"q": "pool"})
    answer = client.get(archive, {"q": "bin", "errors_shown": "yes", "page": "2"}, headers=htmx).content.decode()
    csv_link = f'href="{reverse("posts:archive_csv")}?q=bin"'
    pdf_link = f'href="{reverse("posts:archive_pdf")}?q=bin"'
    exports = answer[answer.index('id="archive-exports"') :]
    assert 'hx-swap-oob="true"' in exports[: exports.index(">")]
    assert csv_link in exports and pdf_link in exports
    assert "q=pool" not in answer and "errors_shown" not in exports and "page=" not in exports
    # without JavaScript the page's links carry the search's terms too, and nothing else
    page = client.get(archive, {"q": "bin", "errors_shown": "yes", "page": "2"}).content.decode()
    assert csv_link in page and pdf_link in page


def test_while_the_archive_search_has_errors_htmx_answers_leave_the_words_box_being_typed_in_alone(
    client, comms_officer, editor, facebook
):
    services.write_post(
        accounts=[facebook], texts={"facebook": "Bin collections move."}, scheduled_for=in_hours(30), by=editor
    )
    client.force_login(comms_officer)
    archive, htmx = reverse("posts:archive"), {"HX-Request": "true"}
    bad_date = {"date_from_day": "31", "date_from_month": "2", "date_from_year": "2026"}
    # a search whose date is wrong, then more words typed while it shows its errors
    first = client.get(archive, {"q": "bi", **bad_date}, headers=htmx).content.decode()
    shown = first[first.index('name="errors_shown"') :]
    typing = client.get(
        archive,
        {"q": "bin", **bad_date, "errors_shown": shown[shown.index('value="') + 7 : shown.index('">')]},
        headers=htmx,
    ).content.decode()
    # the summary and the date (with its error) come back out of band; the words box, being typed in, does not
    assert "There is a problem" in typing and "The from date must be a real date" in typing
    assert 'id="archive-date_from-error"' in typing and 'hx-swap-oob="true"' in typing
    assert 'name="q"' not in typing
    # put right, the date comes back without its error and the summary goes; the words box is still left alone
    shown = typing[typing.index('name="errors_shown"') :]
    right = client.get(
        archive, {"q": "bin", "errors_shown": shown[shown.index('value="') + 7 : shown.index('">')]}, headers=htmx
    ).content.decode()
    assert "Bin collections move." in right and "There is a problem" not in right
    assert 'id="archive-date_from-group" hx-swap-oob="true"' in right and "archive-date_from-error" not in right
    assert 'name="q"' not in right
