"""A child identified in a post the check held back, or in a comment: the safeguarding lead opens a
"child identified" incident from the post or the comment. Its playbook gives the communications team
the removal, the lead the assessment and the contact with the school or guardian, and the data
protection officer the breach assessment; those three roles see it, and are emailed, and nobody else."""

import pytest
from django.core import mail
from django.urls import reverse

from herald.incidents.models import Incident
from herald.people.roles import ALL_ROLES, Role
from herald.posts import services as posts
from herald.posts.tests.factories import in_hours
from testing.factories import AccountFactory, comment

pytestmark = pytest.mark.django_db

CHILD = "Well done Amelia (age 8) from Oakfield Primary School for winning the poster prize!"
HANDLERS = {Role.COMMS, Role.SAFEGUARDING, Role.INFO_GOV}


@pytest.fixture
def held(editor):
    account = AccountFactory(editors=[editor])
    return posts.write_post(accounts=[account], texts={account.platform: CHILD}, scheduled_for=in_hours(48), by=editor)[
        0
    ]


def _report(client, about, summary="Amelia named with her age and school"):
    """The report form as the page sends it, with what it is about (`post` or `comment`) carried along."""
    return client.post(
        reverse("incidents:report"),
        {
            **about,
            "kind": "child_identified",
            "summary": summary,
            "description": "The check held it back; a copy went round.",
        },
    )


def test_the_lead_opens_a_child_identified_incident_from_the_held_post(
    client, cast, held, settings, django_capture_on_commit_callbacks
):
    settings.MODERATION_SAFEGUARDING_LEAD = ["out-of-hours@council.example"]
    lead = cast[Role.SAFEGUARDING]
    client.force_login(lead)
    # given the post the check held back, which offers the report
    page = client.get(reverse("posts:detail", args=[held.pk])).content.decode()
    start = reverse("incidents:report") + f"?post={held.pk}&amp;kind=child_identified"
    assert start in page
    form = client.get(reverse("incidents:report") + f"?post={held.pk}&kind=child_identified").content.decode()
    assert "A child can be identified in a post or comment" in form
    # when the lead reports it
    with django_capture_on_commit_callbacks(execute=True):
        answer = _report(client, {"post": held.pk})
    assert answer.status_code == 302
    incident = Incident.objects.get(kind="child_identified")
    assert incident.post == held and incident.reported_by == lead
    # then its playbook has each role's steps
    steps = [(step.key, step.owner_role) for step in incident.steps.order_by("position")]
    assert steps == [
        ("remove", Role.COMMS),
        ("assess", Role.SAFEGUARDING),
        ("contact", Role.SAFEGUARDING),
        ("breach", Role.INFO_GOV),
    ]
    # and the people who work it, and the safeguarding mailbox, are emailed; nobody else
    (message,) = [m for m in mail.outbox if incident.reference in m.subject]
    told = {cast[role].email for role in HANDLERS} | {"out-of-hours@council.example"}
    assert set(message.to) | set(message.bcc) == told


def test_only_the_three_roles_see_it_and_the_reporter_its_status(client, cast, held):
    incident = Incident.objects.create(
        kind="child_identified", summary="x", description="y", aware_at=held.created_at, reported_by=cast[Role.EDITOR]
    )
    for role in ALL_ROLES:
        client.force_login(cast[role])
        answer = client.get(reverse("incidents:detail", args=[incident.pk]))
        if role in HANDLERS:
            assert answer.status_code == 200 and "incidents/detail.html" in [t.name for t in answer.templates], role
        elif role == Role.EDITOR:
            assert [t.name for t in answer.templates][0] == "incidents/status.html"
        else:
            assert answer.status_code == 404, role


def test_a_comment_that_identifies_a_child_offers_the_report(client, comms_officer):
    found = comment(AccountFactory(), "Saw Jack, 7, from Oakfield Primary walking home on his own again")
    assert any(f["rule"].startswith("child-identified") for f in found.findings)
    client.force_login(comms_officer)
    page = client.get(reverse("moderation:detail", args=[found.pk])).content.decode()
    assert reverse("incidents:report") + f"?comment={found.pk}&amp;kind=child_identified" in page
    assert _report(client, {"comment": found.pk}).status_code == 302
    assert Incident.objects.get(kind="child_identified").comment_id == found.pk


def test_a_post_not_held_for_a_child_does_not_offer_it(client, editor):
    account = AccountFactory(editors=[editor])
    other = posts.write_post(
        accounts=[account],
        texts={account.platform: "The pool reopens on Monday."},
        scheduled_for=in_hours(48),
        by=editor,
    )[0]
    client.force_login(editor)
    page = client.get(reverse("posts:detail", args=[other.pk])).content.decode()
    assert "kind=child_identified" not in page
