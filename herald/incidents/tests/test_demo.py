import pytest
from django.core.management import call_command
from django.urls import reverse

from herald.incidents.models import Incident
from herald.posts.models import Post
from herald.risks.models import Risk

pytestmark = pytest.mark.django_db


def test_the_demo_shows_incidents_of_each_main_type_and_s04_owned_and_seeding_twice_changes_nothing():
    call_command("seed_demo", verbosity=0)
    kinds = set(Incident.objects.values_list("kind", flat=True))
    assert {"account_compromised", "personal_data_breach", "employee_post", "abuse_or_threat"} <= kinds
    assert Incident.objects.breaches().filter(status="closed", ico_decision="do_not_report").exists()
    assert Incident.objects.breaches().open().filter(ico_decision="").exists()  # a clock still running
    # a child identified, open, led by the demo safeguarding lead (safeguarding@…)
    (child,) = Incident.objects.open().filter(kind="child_identified")
    assert child.lead is not None and child.lead.email.startswith("safeguarding@")
    s04 = Risk.objects.get(reference="S.04")
    assert s04.owner is not None and s04.owner.team.service_area.name == "Corporate Services"
    assert s04.current_acceptance is not None and s04.latest.current_band["name"] == "Red"
    counts = (Incident.objects.count(), Risk.objects.count(), s04.actions.count(), s04.assessments.count())
    call_command("seed_demo", verbosity=0)
    assert (Incident.objects.count(), Risk.objects.count(), s04.actions.count(), s04.assessments.count()) == counts


def test_the_demo_child_identified_incident_shows_the_post_the_check_held_back(client):
    call_command("seed_demo", verbosity=0)
    (child,) = Incident.objects.filter(kind="child_identified")
    # its description says the check held a post back: that post is in the demo and linked
    assert child.post is not None
    assert child.post.account_id == child.account_id
    assert Post.objects.blocked_for_a_child().filter(pk=child.post.pk).exists()
    client.force_login(child.lead)
    page = client.get(reverse("incidents:detail", args=[child.pk])).content.decode()
    assert reverse("posts:detail", args=[child.post.pk]) in page
    # a demo loaded before the held post existed is put right by loading it again
    Incident.objects.filter(pk=child.pk).update(post=None, account=None)
    call_command("seed_demo", verbosity=0)
    child.refresh_from_db()
    assert child.post is not None and child.account_id == child.post.account_id
