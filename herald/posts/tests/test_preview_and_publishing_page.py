"""What approvers and publishers see: the post as it will look on its platform, its photos with their alt
text, the photo picker marking withdrawn consent, copy-and-download when publishing, and the check that a
recorded address is a post on that account's platform."""

import pytest
from django.utils import timezone

from herald.consents.models import ConsentRecord
from herald.consents.tests.factories import ConsentRecordFactory, photo_showing
from herald.errors import Refused
from herald.posts import preview, services
from herald.posts.services import check_post_address
from herald.posts.tests.factories import in_hours

pytestmark = pytest.mark.django_db


# --- As it will look ---


def test_links_hashtags_and_mentions_show_as_the_platform_shows_them_and_nothing_else_is_markup():
    look = preview.build(
        "Visit https://www.hinckley-bosworth.gov.uk/leisure/swimming-timetable #Hinckley with @HBBC <b>now</b>", "x"
    )
    html = str(look["before_fold"])
    assert '<span class="herald-look__link">hinckley-bosworth.gov.…</span>' in html  # X shortens links
    assert '<span class="herald-look__tag">#Hinckley</span>' in html
    assert '<span class="herald-look__mention">@HBBC</span>' in html
    assert "&lt;b&gt;now&lt;/b&gt;" in html and "<b>" not in html


def test_instagram_folds_a_long_caption_after_about_125_characters_and_its_links_do_not_click():
    text = "Our summer reading challenge starts on Saturday at every library in the borough. " * 3 + "www.example.org"
    look = preview.build(text, "instagram")
    assert look["folded"] and look["look"].fold_label == "more"
    assert len(str(look["before_fold"])) <= 125
    assert "herald-look__plain-link" in str(look["after_fold"])


def test_the_part_past_the_platforms_limit_is_shown_as_cut():
    text = "a" * 290
    look = preview.build(text, "x")
    assert look["cut"] == "a" * 10 and look["limit"] == 280


def test_photos_are_shown_in_the_frame_the_feed_crops_them_to():
    media = [{"url": f"/t/{n}", "alt": f"photo {n}", "kind": "photo"} for n in range(6)]
    look = preview.build("Our parks", "x", media=media)
    assert look["crop_label"] == "16:9" and len(look["media"]) == 4 and look["more_media"] == 2


# --- Addresses of published posts ---


@pytest.mark.parametrize(
    "platform,url",
    [
        ("facebook", "https://www.facebook.com/hinckleybosworth/posts/pfbid02abc"),
        ("facebook", "https://www.facebook.com/permalink.php?story_fbid=123&id=456"),
        ("facebook", "https://fb.watch/abc123/"),
        ("x", "https://x.com/hbbc/status/1790000000000000000"),
        ("instagram", "https://www.instagram.com/p/C7abcDEF123/"),
        ("linkedin", "https://www.linkedin.com/feed/update/urn:li:activity:7190000000000000000/"),
        ("youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ("youtube", "https://youtu.be/dQw4w9WgXcQ"),
        ("bluesky", "https://bsky.app/profile/hbbc/post/3kabc123xyz"),
        ("threads", "https://www.threads.net/@hbbc/post/C7abcDEF123"),
    ],
)
def test_an_address_of_one_post_on_the_accounts_platform_is_accepted(platform, url):
    assert check_post_address(url, platform, handle="@HBBC") == url


@pytest.mark.parametrize(
    "platform,url,says",
    [
        ("x", "https://x.com/hbbc", "address of the post itself"),
        ("x", "https://x.com/search?q=hbbc", "address of the post itself"),
        ("instagram", "https://www.instagram.com/hinckleybosworth/", "address of the post itself"),
        ("facebook", "https://www.facebook.com/hinckleybosworth", "address of the post itself"),
        ("facebook", "https://x.com/hbbc/status/1", "facebook.com"),
        ("x", "https://x.com/someoneelse/status/1790000000000000000", "a post by @someoneelse, not by this account"),
    ],
)
def test_an_address_that_is_not_a_post_of_this_account_is_refused_saying_why(platform, url, says):
    with pytest.raises(Refused, match=says):
        check_post_address(url, platform, handle="hbbc")


# --- Pages ---


def _ready_post(editor, comms_officer, account, photo=None):
    post = services.write_post(
        accounts=[account],
        texts={account.platform: "The library opens its new wing on Saturday #Hinckley"},
        scheduled_for=in_hours(1),
        by=editor,
        media=[photo] if photo else [],
    )[0]
    post = services.approve_post(services.submit_for_approval(post, by=editor), by=comms_officer)
    services.mark_ready_posts(now=in_hours(2))
    post.refresh_from_db()
    return post


def test_the_approval_page_shows_the_photos_with_alt_text_and_the_preview(client, editor, comms_officer, facebook):
    photo = photo_showing(ConsentRecordFactory(), by=editor, title="Library ribbon", alt_text="The mayor cuts a ribbon")
    post = services.submit_for_approval(
        services.write_post(
            accounts=[facebook],
            texts={"facebook": "Our new library wing #Hinckley"},
            scheduled_for=in_hours(48),
            by=editor,
            media=[photo],
        )[0],
        by=editor,
    )
    client.force_login(comms_officer)
    page = client.get(f"/posts/{post.pk}/").content.decode()
    assert f'src="/posts/{post.pk}/media/{photo.pk}/thumbnail/"' in page
    assert 'alt="The mayor cuts a ribbon"' in page and "Alt text: The mayor cuts a ribbon" in page
    assert "As it will look on Facebook" in page and '<span class="herald-look__tag">#Hinckley</span>' in page
    assert client.get(f"/posts/{post.pk}/media/{photo.pk}/thumbnail/")["Content-Type"] == "image/jpeg"


def test_the_picker_marks_a_photo_whose_consent_was_withdrawn_and_refuses_it(client, editor, facebook):
    withdrawn = ConsentRecordFactory(state=ConsentRecord.State.WITHDRAWN, withdrawn_at=timezone.now())
    photo = photo_showing(withdrawn, by=editor, title="Fun run finish")
    client.force_login(editor)
    page = client.get("/posts/write/").content.decode()
    assert "Fun run finish" in page and "Consent withdrawn" in page and withdrawn.urn in page
    response = client.post(
        "/posts/write/",
        {
            "accounts": [facebook.pk],
            "text_facebook": "Well done runners",
            "media": [photo.pk],
            "action": "save",
            "submission_key": "k1",
        },
    )
    assert response.status_code == 200
    assert "Remove “Fun run finish”: consent withdrawn by someone shown" in response.content.decode()


def test_the_ready_page_offers_the_text_to_copy_and_the_photos_to_download(client, editor, comms_officer, facebook):
    photo = photo_showing(ConsentRecordFactory(), by=editor, title="New wing", alt_text="The new library wing")
    post = _ready_post(editor, comms_officer, facebook, photo)
    client.force_login(editor)
    page = client.get(f"/posts/{post.pk}/publish/").content.decode()
    assert f'id="copy-text-{post.pk}"' in page and 'data-copy="copy-text-' in page
    assert f'href="/posts/{post.pk}/media/{photo.pk}/download/"' in page
    download = client.get(f"/posts/{post.pk}/media/{photo.pk}/download/")
    assert download["Content-Disposition"].startswith('attachment; filename="New wing.jpg"')
    response = client.post(f"/posts/{post.pk}/publish/", {"url": "https://www.facebook.com/hinckleybosworth"})
    assert "address of the post itself" in response.content.decode()
