"""Who may see a comment is one rule, asked three ways: whether a person can open it (the inbox and the
comment's page), who it may be assigned to (the assign form), and whether someone removed from an
account still sees its comments some other way (so their assignments stay). Every way in, and every
way that is not one, answered the same by all three."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from herald.moderation import selectors
from herald.moderation.models import Comment, ModerationTeam
from herald.people.roles import Role
from herald.social_accounts.models import AccountEditor
from testing.factories import AccountFactory, PersonFactory, comment

pytestmark = pytest.mark.django_db


def _editor(name: str, **fields):
    return PersonFactory(first_name=name, last_name="Tester", roles=[Role.EDITOR], is_trained_editor=True, **fields)


@pytest.fixture
def world(team, comms_officer, system_admin):
    people = {
        "comms": comms_officer,
        "admin": system_admin,
        "editor": _editor("Edna"),
        "former editor": _editor("Fred"),
        "manager": PersonFactory(first_name="Mona", last_name="Tester", roles=[Role.SERVICE_MANAGER]),
        "account's queue": _editor("Quinn"),
        "moved-to queue": _editor("Maya"),
        "assignee": _editor("Ada"),
        "leaver": _editor("Len"),
        "nobody": _editor("Nia"),
    }
    pool = AccountFactory(display_name="Leisure pool", team=team, editors=[people["editor"], people["former editor"]])
    parks = AccountFactory(display_name="Parks", team=team, service_manager=people["manager"])
    library = AccountFactory(display_name="Libraries", team=team, editors=[people["leaver"]])
    AccountEditor.objects.filter(account=pool, person=people["former editor"]).update(removed_at=timezone.now())
    people["leaver"].is_active = False
    people["leaver"].save(update_fields=["is_active"])
    ModerationTeam.objects.create(name="Pool inbox").members.add(people["account's queue"])
    ModerationTeam.objects.get(name="Pool inbox").accounts.add(pool)
    moved_to = ModerationTeam.objects.create(name="Complaints")
    moved_to.members.add(people["moved-to queue"])

    comments = {
        "on the pool": comment(pool, "Is the pool open on Boxing Day?"),
        "on parks, assigned": comment(parks, "The bins in the park are full"),
        "on parks, assigned and replied": comment(parks, "Thanks for mending the swings"),
        "on the library, moved": comment(library, "Why is the library shut on Mondays?"),
    }
    Comment.objects.filter(pk=comments["on parks, assigned"].pk).update(
        assignee=people["assignee"], status=Comment.Status.ASSIGNED
    )
    Comment.objects.filter(pk=comments["on parks, assigned and replied"].pk).update(
        assignee=people["assignee"], status=Comment.Status.REPLIED
    )
    Comment.objects.filter(pk=comments["on the library, moved"].pk).update(team=moved_to)
    # Moved out of the pool's own queue: its queue still sees it, through the account.
    Comment.objects.filter(pk=comments["on the pool"].pk).update(team=ModerationTeam.objects.create(name="Escalations"))
    for each in comments.values():
        each.refresh_from_db()
    return people, comments


# Who sees each comment (active people with an inbox role), and which of them only through its assignment.
SEEN_BY = {
    "on the pool": {"comms", "admin", "editor", "account's queue"},
    "on parks, assigned": {"comms", "admin", "manager", "assignee"},
    "on parks, assigned and replied": {"comms", "admin", "manager"},
    "on the library, moved": {"comms", "admin", "moved-to queue"},
}
ONLY_ASSIGNED = {"on parks, assigned": {"assignee"}}


def _offered(html: str) -> set[str]:
    select = re.search(r'<select[^>]*name="assignee".*?</select>', html, re.S)
    assert select, "no assign form"
    return set(re.findall(r'<option value="\d+"[^>]*>\s*([^<]+?)\s*</option>', select.group(0)))


def test_who_can_open_a_comment_is_who_it_may_be_assigned_to(client, world):
    people, comments = world
    names = {key: person.full_name for key, person in people.items()}
    for label, found in comments.items():
        client.force_login(people["comms"])
        offered = _offered(client.get(reverse("moderation:detail", args=[found.pk])).content.decode())
        assert offered == {names[key] for key in SEEN_BY[label]}, label
        for key, person in people.items():
            if key == "leaver":  # cannot sign in at all
                continue
            client.force_login(person)
            status = client.get(reverse("moderation:detail", args=[found.pk])).status_code
            assert status == (200 if key in SEEN_BY[label] else 404), (label, key)


def test_someone_sees_a_comment_without_its_assignment_through_every_other_way_in(world):
    people, comments = world
    for label, found in comments.items():
        for key, person in people.items():
            if key == "leaver":
                continue
            expected = key in SEEN_BY[label] - ONLY_ASSIGNED.get(label, set())
            assert selectors.sees_without_assignment(person, found) == expected, (label, key)
