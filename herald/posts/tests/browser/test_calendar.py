"""The content calendar in Chromium: posts on their days with the pre-election period and a non-working
day shown; a post dragged to another day, and one moved with the keyboard through its Move link."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from herald.elections.models import NonWorkingDay
from herald.elections.tests.factories import ElectionFactory
from herald.posts import services
from herald.posts.models import Post
from testing.browser import PINNED_DAY, fill_date

# Dates typed and records made run on a pinned clock (testing.browser's PINNED_MORNING), not today's.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("pinned_clock")]


def test_an_editor_drags_a_post_to_another_day_and_moves_another_with_the_keyboard(
    page, sign_in, assert_accessible, editor, facebook
):
    day = PINNED_DAY + dt.timedelta(days=3)
    target = day + dt.timedelta(days=1)
    when = timezone.make_aware(dt.datetime.combine(day, dt.time(10, 30)))
    dragged, keyed = (
        services.write_post(accounts=[facebook], texts={"facebook": text}, scheduled_for=when, by=editor)[0]
        for text in ("Drag me to tomorrow", "Move me with the keyboard")
    )
    NonWorkingDay.objects.create(date=target, kind="bank_holiday", description="Coronation")
    ElectionFactory(poll_date=PINNED_DAY + dt.timedelta(days=45))
    sign_in(page, editor)
    page.locator('[data-nav="posts:index"]').click()
    page.get_by_role("link", name="Calendar", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Content calendar")
    page.goto(f"/posts/calendar/?date={day.isoformat()}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Content calendar")
    source = page.locator(f'[data-post="{dragged.pk}"]')
    expect(source).to_contain_text("10:30am")
    expect(page.locator(f'[data-date="{target.isoformat()}"]')).to_contain_text("Coronation")
    assert_accessible(page)

    # when they drag the first post onto the next day
    source.drag_to(page.locator(f'[data-date="{target.isoformat()}"]'))
    expect(
        page.locator(".govuk-notification-banner, .govuk-body").filter(has_text=f"Post {dragged.pk} moved")
    ).not_to_have_count(0)
    expect(page.locator(f'[data-date="{target.isoformat()}"] [data-post="{dragged.pk}"]')).to_be_visible()
    dragged.refresh_from_db()
    assert timezone.localtime(dragged.scheduled_for) == timezone.make_aware(
        dt.datetime.combine(target, dt.time(10, 30))
    )

    # and move the second with the keyboard through its Move link
    # (once the page the drop loaded has finished loading: a key pressed while it still loads is lost)
    page.wait_for_load_state("load")
    move = page.locator(f'[data-post="{keyed.pk}"] .herald-calendar__move')
    move.focus()
    expect(move).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Move post {keyed.pk}")
    assert_accessible(page)
    fill_date(page, "When should it go out?", dt.datetime.combine(target, dt.time(9, 15)))
    page.get_by_role("button", name="Move the post").click()
    expect(page.locator(f'[data-date="{target.isoformat()}"] [data-post="{keyed.pk}"]')).to_contain_text("9:15am")
    keyed.refresh_from_db()
    assert keyed.status == Post.Status.DRAFT

    page.goto(f"/posts/calendar/?view=week&date={target.isoformat()}")
    expect(page.locator(f'[data-date="{target.isoformat()}"]')).to_contain_text("Drag me to tomorrow")
    assert_accessible(page)
