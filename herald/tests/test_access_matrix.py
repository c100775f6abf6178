"""Every URL pattern, as every role and as an anonymous visitor, gets the status its rule says."""

import pytest
from django.urls import reverse

from herald.people.roles import Role
from testing.access_cases import PUBLIC, all_cases, url_names
from testing.html import duplicate_ids


@pytest.fixture
def expectations(cast):
    return all_cases(cast)


def test_every_view_declares_who_may_use_it():
    undeclared = [name for name, view in url_names() if not hasattr(view, "herald_access")]
    assert undeclared == [], f"views without an access rule: {undeclared}"


def test_every_url_has_an_expectation_in_the_matrix(expectations):
    missing = [name for name, _ in url_names() if name not in expectations]
    assert missing == [], f"add these URL names to an access.py: {missing}"


def test_every_url_as_every_role(client, cast, expectations):
    failures = []
    for name, case in expectations.items():
        url = reverse(name, kwargs=case.kwargs) + case.query
        client.logout()
        response = client.get(url)
        anonymous_expected = case.status(None)
        if response.status_code != anonymous_expected:
            failures.append(f"{name} anonymous: {response.status_code} != {anonymous_expected}")
        # A public page may redirect on purpose (the poster's short address leads to the consent form).
        elif anonymous_expected == 302 and case.allowed != PUBLIC and "/sign-in/" not in response["Location"]:
            failures.append(f"{name} anonymous redirected to {response['Location']}, not the sign-in page")
        for role in Role:
            person = cast[role]
            client.force_login(person)
            expected = case.status(role)
            answer = client.get(url)
            got = answer.status_code
            if got == 302 and expected != 302 and answer["Location"].startswith(reverse("signin:confirm")):
                # a sensitive view lets the person in once they confirm who they are: allowed, asked first
                got = expected
            if got != expected:
                failures.append(f"{name} as {role}: GET {got} != {expected}")
            if expected == 403:
                posted = client.post(url, case.post or {}).status_code
                if posted != 403:
                    failures.append(f"{name} as {role}: POST {posted} != 403")
            elif case.post is not None:
                failures.extend(_walk_post(client, name, url, case, role))
    assert failures == []


def _walk_post(client, name, url, case, role):
    response = client.post(url, case.post, headers={"HX-Request": "true"})
    if response.status_code != 200:
        return [f"{name} as {role}: POST {response.status_code} != 200"]
    shown = case.reveals in response.content.decode()
    if shown != (role in case.reveals_to):
        return [f"{name} as {role}: {'shows' if shown else 'hides'} {case.reveals!r}"]
    return []


def test_no_page_gives_one_id_to_two_elements(client, cast, expectations):
    """Each page as one role allowed to open it: a label, hint or error summary link reaches its own box."""
    repeated = []
    for name, case in expectations.items():
        url = reverse(name, kwargs=case.kwargs) + case.query
        role = next((role for role in Role if case.status(role) == 200), None)
        if role is None:
            continue
        client.force_login(cast[role])
        answer = client.get(url)
        if answer.status_code == 200 and answer["Content-Type"].startswith("text/html"):
            if found := duplicate_ids(answer.content.decode()):
                repeated.append(f"{name} as {role}: {found}")
    assert repeated == []
