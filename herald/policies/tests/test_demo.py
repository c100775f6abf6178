import pytest

from herald.policies.models import Acknowledgement, AdviceRequest, Campaign, Reminder

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_campaign_part_way_through_with_people_overdue_and_loading_it_again_adds_nothing():
    from herald.people.demo import seed as seed_people
    from herald.policies.demo import seed

    seed_people()
    seed()
    counts = (
        Campaign.objects.count(),
        Acknowledgement.objects.count(),
        Reminder.objects.count(),
        AdviceRequest.objects.count(),
    )
    seed()
    assert (
        Campaign.objects.count(),
        Acknowledgement.objects.count(),
        Reminder.objects.count(),
        AdviceRequest.objects.count(),
    ) == counts
    staff = Campaign.objects.get(title__startswith="Social Media Policy")
    assert staff.is_overdue
    assert 0 < staff.assignments.done().count() < staff.assignments.count()
    assert staff.assignments.overdue().filter(person__email="employee@hinckley-bosworth.example").exists()
    manager_sees = staff.assignments.filter(person__service_manager__email="manager@hinckley-bosworth.example")
    assert manager_sees.overdue().exists()
    assert Reminder.objects.filter(kind="escalation", recipient="manager@hinckley-bosworth.example").exists()
