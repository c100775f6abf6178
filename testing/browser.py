"""Browser-test fixtures: real Debian Chromium driven by Playwright, and axe-core from npm.

Loaded for every test through `pytest_plugins` in the root conftest, so any app's browser tests
(marked `@pytest.mark.browser`) can use `page`, `sign_in` and `assert_accessible`.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Locator

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make there
# are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("HERALD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_STATIC = Path(__file__).resolve().parent / "static" / "vendor" / "axe" / "axe.min.js"


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium chromium-driver")
    from playwright.sync_api import sync_playwright

    # Load the check engine's rules and classifiers once per test worker, before any page asks for a
    # live check: a first check that loads them can take seconds on a loaded machine, longer than a
    # test waits for the result to appear. (The live server runs in this process.)
    from herald.checks import Draft, check

    check(Draft(text="Warm-up: the tip opens at 9am on Sunday.", platform="facebook"))
    check(Draft(text="Warm-up comment", platform="facebook", kind="comment"))

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page_factory(browser, live_server):
    contexts = []

    def make(viewport: dict | None = None):
        context = browser.new_context(base_url=live_server.url, viewport=viewport or {"width": 1280, "height": 900})
        context.set_default_timeout(10_000)
        contexts.append(context)
        new_page = context.new_page()
        new_page.csp_violations = []
        new_page.on(
            "console",
            lambda msg: (
                new_page.csp_violations.append(msg.text)
                if msg.type == "error" and "Content Security Policy" in msg.text
                else None
            ),
        )
        _read_after_navigation(new_page)
        return new_page

    yield make
    for context in contexts:
        context.close()


def _read_after_navigation(page) -> None:
    """A click that submits a form returns once the navigation has started, not once the next page is
    there; reading the page then gives an empty document, or the page before. `content()`, `title()` and
    every locator's `count()` and `all_inner_texts()` (which, unlike `inner_text()`, do not wait for the
    element) wait for a main-frame navigation in flight to finish loading, as a person waits for the page
    before reading it; so do the actions (`check`, `fill`, `click`… below), which could otherwise land on
    the page before's copy of a field. The navigation waited for is the latest main-frame one: a
    redirect's next hop replaces it, and only its own failure (not an iframe's, nor one cancelled by a
    newer navigation) ends the wait early."""
    state: dict = {"navigating": False, "request": None}
    page.herald_navigation = state

    def started(request):
        if request.is_navigation_request() and request.frame == page.main_frame:
            state["navigating"], state["request"] = True, request

    def finished(*_):
        state["navigating"], state["request"] = False, None

    def failed(request):
        # Only the navigation being waited for: an iframe's failure, or a navigation cancelled by a
        # newer one, says nothing about the page that is loading now.
        if request is state["request"]:
            finished()

    page.on("request", started)
    page.on("load", finished)
    page.on("requestfailed", failed)
    page.on("download", finished)  # a navigation that ends in a download never loads a page

    def settled(read):
        def call(*args, **kwargs):
            for _ in range(200):  # at most 10 s, the tests' default timeout
                if not state["navigating"]:
                    break
                page.wait_for_timeout(50)
            return read(*args, **kwargs)

        return call

    page.content = settled(page.content)
    page.title = settled(page.title)


def _wait_for_navigation_in_flight(page) -> None:
    state = getattr(page, "herald_navigation", None)
    for _ in range(200):  # at most 10 s, the tests' default timeout
        if not state or not state["navigating"]:
            return
        page.wait_for_timeout(50)


def _settled_locator_read(name: str) -> None:
    read = getattr(Locator, name)

    def call(self, *args, **kwargs):
        _wait_for_navigation_in_flight(self.page)
        return read(self, *args, **kwargs)

    setattr(Locator, name, call)


# Reads, and the actions a person takes on the next page: an action started while the page before is
# still there can land on that page's copy of the same field (a form that redirects to itself), and
# the new page then shows it untouched ("Clicking the checkbox did not change its state").
for _name in (
    "count",
    "all_inner_texts",
    "all_text_contents",
    "is_visible",
    "check",
    "uncheck",
    "set_checked",
    "fill",
    "click",
    "select_option",
    "press",
    "set_input_files",
):
    _settled_locator_read(_name)


@pytest.fixture
def page(page_factory):
    new_page = page_factory()
    yield new_page
    assert new_page.csp_violations == [], f"the page broke its Content-Security-Policy: {new_page.csp_violations}"


@pytest.fixture
def phone_page(page_factory):
    new_page = page_factory({"width": 375, "height": 740})
    yield new_page
    assert new_page.csp_violations == []


def _sign_in(page, person, password: str | None = None):
    from herald.signin.services import roles_needing_second_factor
    from testing.factories import PASSWORD
    from testing.signin import authenticator_for, fresh_code

    person.__dict__.pop("roles", None)
    privileged = bool(roles_needing_second_factor(person))
    if privileged:
        authenticator_for(person)
    page.goto("/sign-in/")
    page.get_by_label("Email address").fill(person.email)
    page.get_by_label("Password").fill(password or PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    if privileged and "/security/two-factor/" in page.url:
        # A privileged person's roles need their second factor: their authenticator app's code.
        kind, code = fresh_code(person)
        if kind == "recovery":
            page.get_by_role("link", name="use a recovery code").click()
            page.get_by_label("Recovery code").fill(code)
        else:
            page.get_by_label("Code from your authenticator app").fill(code)
        page.get_by_role("button", name="Continue").click()
        page.wait_for_load_state()
    return page


@pytest.fixture
def sign_in():
    return _sign_in


def _run_axe(page, attempts: int = 3):
    """Inject axe-core and run it once the page has finished loading.

    A click that navigates returns before the next document exists; injecting then finds no
    <head> (or the old document is torn down mid-run). Wait for the load, and start again on
    the new document if it was swapped underneath us.
    """
    from playwright.sync_api import Error as PlaywrightError

    for attempt in range(attempts):
        page.wait_for_load_state("load")
        try:
            if not page.evaluate("() => typeof window.axe !== 'undefined'"):
                # Served from our own origin so the page's Content-Security-Policy stays switched on.
                page.add_script_tag(url="/static/vendor/axe/axe.min.js")
            return page.evaluate(
                "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
            )
        except PlaywrightError as error:
            navigated = any(
                sign in str(error) for sign in ("appendChild", "Execution context was destroyed", "axe is not defined")
            )
            if not navigated or attempt == attempts - 1:
                raise
            page.wait_for_timeout(100)


def serious_violations(page, *, ignore: tuple[str, ...] = ()) -> list[str]:
    """Run axe-core on the page; each serious or critical WCAG 2.2 AA violation, with where it is."""
    results = _run_axe(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
        if v["impact"] in ("serious", "critical") and v["id"] not in ignore
    ]


def _assert_accessible(page, *, ignore: tuple[str, ...] = ()):
    """Run axe-core on the page; fail on any serious or critical WCAG 2.2 AA violation."""
    bad = serious_violations(page, ignore=ignore)
    assert bad == [], f"axe found accessibility problems on {page.url}:\n" + "\n".join(bad)


@pytest.fixture
def assert_accessible():
    return _assert_accessible


def fill_date(page, legend: str, value) -> None:
    """Type a date (or a date and time) into the GOV.UK date input whose legend starts with `legend`,
    box by box, as a person does."""
    import datetime as dt
    import re

    group = page.get_by_role("group", name=re.compile("^" + re.escape(legend)))
    group.get_by_label("Day", exact=True).fill(str(value.day))
    group.get_by_label("Month", exact=True).fill(str(value.month))
    group.get_by_label("Year", exact=True).fill(str(value.year))
    if isinstance(value, dt.datetime):
        group.get_by_label("Time", exact=True).fill(f"{value:%H:%M}")


# A journey that types dates, or makes records dated from today, runs on a pinned clock, for the server
# under test (a thread of this process) as for the test: 10:00 on Monday 2 March 2026, an ordinary working
# day in GMT (so the UK day and the UTC day agree), with no bank holiday, clock change or election near.
# The clock ticks on from there, so timeouts and waits behave as usual.
PINNED_MORNING = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
PINNED_DAY = PINNED_MORNING.date()
# A summer working day for journeys about British Summer Time: 08:00 on Monday 15 June 2026 in the UK
# (07:00 UTC), when UK time is an hour ahead of UTC. Pin it with `pytest.mark.pinned_at(PINNED_SUMMER_MORNING)`.
PINNED_SUMMER_MORNING = dt.datetime(2026, 6, 15, 7, 0, tzinfo=dt.UTC)


@pytest.fixture
def pinned_clock(request):
    """Run the test (and the live server) at PINNED_MORNING, ticking: mark a module or test with
    `pytest.mark.usefixtures("pinned_clock")`; a test (or module) also marked
    `pytest.mark.pinned_at(moment)` runs at that aware moment instead, such as PINNED_SUMMER_MORNING.
    pytest would set up autouse fixtures before a usefixtures one; pytest_collection_modifyitems below
    moves the pin to the front, so the records every fixture of the test makes (autouse ones included)
    are dated by it too."""
    import time_machine

    marker = request.node.get_closest_marker("pinned_at")
    moment = marker.args[0] if marker else PINNED_MORNING
    if moment.tzinfo is None:
        raise ValueError("pytest.mark.pinned_at needs an aware datetime (a UTC moment), not a wall-clock time")
    with time_machine.travel(moment, tick=True):
        yield moment


def pytest_collection_modifyitems(items):
    """Set up `pinned_clock` before any other fixture of a test that uses it (pytest's own order puts
    autouse fixtures, such as a folder's conftest making records, ahead of usefixtures ones)."""
    for item in items:
        names = getattr(item, "fixturenames", None)
        if isinstance(names, list) and "pinned_clock" in names and names[0] != "pinned_clock":
            names.remove("pinned_clock")
            names.insert(0, "pinned_clock")
