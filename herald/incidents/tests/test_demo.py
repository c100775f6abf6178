import pytest
from django.core.management import call_command

from herald.incidents.models import Incident
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
