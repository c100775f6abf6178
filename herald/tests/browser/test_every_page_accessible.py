"""Every page Herald serves passes axe-core (WCAG 2.2 AA), opened in Chromium by someone allowed to see it.

The pages come from the access matrix's cases (`testing.access_cases`): each URL name, the objects
that fill its address, and the roles it answers 200. Each page is opened once, by one of those roles
(spread so each role's walk takes about as long), and pages that show each role something different
(`Case.per_role`: home, the dashboards) by every role they let in. Public pages that answer a visitor
are walked signed out. A download (CSV, PDF, image) is no page: it is skipped by its content type.
The main forms (`Case.form_errors`) are also sent empty, and the page of errors they come back with
is checked too. Every failing page is listed at the end, not only the first.
"""

import pytest
from django.urls import reverse

from herald.people.roles import Role
from testing.access_cases import all_cases
from testing.browser import serious_violations
from testing.factories import PASSWORD

pytestmark = pytest.mark.browser

SIGNED_OUT = "signed out"
WALKERS = [SIGNED_OUT, *Role]


def walk_plan(cases) -> dict[str, list[str]]:
    """Which URL names each walker (a role, or a signed-out visitor) opens."""
    plan: dict[str, list[str]] = {walker: [] for walker in WALKERS}
    for name, case in sorted(cases.items()):
        can_open = [w for w in WALKERS if case.status(None if w == SIGNED_OUT else w) == 200]
        if case.per_role:
            for walker in can_open:
                plan[walker].append(name)
        elif can_open:
            plan[min(can_open, key=lambda w: len(plan[w]))].append(name)
    return plan


def _is_download(page, url: str) -> bool:
    """Whether the address answers with something other than a web page (a CSV, a PDF, an image).
    Asked before the page goes there: Chromium's own viewer for an image or a PDF is no Herald page,
    and its inline styles would break the Content-Security-Policy Herald sends with it."""
    answer = page.request.get(url)
    return not answer.headers.get("content-type", "").startswith("text/html")


def _confirm_it_is_me(page, url: str):
    """A sensitive page asks the person to confirm who they are first: they enter their password."""
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_load_state()
    return page.goto(url)


def _send_empty(page) -> list[str]:
    """Send the page's main form as it first shows, and check the page of errors that comes back."""
    form = page.locator("main form[method=post]").filter(has=page.locator("input:visible, textarea, select")).first
    form.locator("button[type=submit], button:not([type])").first.click()
    page.wait_for_load_state()
    if page.locator(".govuk-error-summary").count() == 0:
        return ["no error summary came back"]
    problems = serious_violations(page)
    problems += [f"broke the Content-Security-Policy: {v}" for v in page.csp_violations]
    page.csp_violations.clear()
    return problems


@pytest.mark.parametrize("walker", WALKERS, ids=str)
def test_every_page_passes_axe(page, sign_in, cast, walker):
    cases = all_cases(cast)
    names = walk_plan(cases)[walker]
    if walker != SIGNED_OUT:
        sign_in(page, cast[walker])
    confirm = reverse("signin:confirm")
    failures, walked, downloads = [], [], []
    for name in names:
        case = cases[name]
        url = reverse(name, kwargs=case.kwargs) + case.query
        if _is_download(page, url):
            downloads.append(name)
            continue
        answer = page.goto(url)
        if name != "signin:confirm" and page.url.split("?")[0].endswith(confirm):
            answer = _confirm_it_is_me(page, url)
        if answer.status != 200:
            failures.append(f"{name} ({url}): answered {answer.status}, not 200")
            continue
        walked.append(name)
        failures.extend(f"{name} ({url}): {problem}" for problem in serious_violations(page))
        failures.extend(f"{name} ({url}): broke the Content-Security-Policy: {v}" for v in page.csp_violations)
        page.csp_violations.clear()
        if case.form_errors:
            failures.extend(f"{name} sent empty ({url}): {problem}" for problem in _send_empty(page))
    print(f"{walker}: {len(walked)} pages walked, {len(downloads)} downloads skipped ({', '.join(downloads)})")
    assert walked, f"{walker} opened no page"
    assert failures == [], f"axe found problems on pages {walker} opened:\n" + "\n".join(failures)
