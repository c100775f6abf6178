import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from herald.consents import services
from herald.consents.models import ConsentRecord, SubjectAccessRequest, TakedownTask
from herald.people.models import Person

pytestmark = pytest.mark.django_db


def test_the_demo_loads_a_festival_with_a_withdrawal_and_loading_it_again_adds_nothing(settings, tmp_path):
    import random

    from herald.consents.demo import seed as seed_consents
    from herald.people.demo import seed as seed_people
    from herald.social_accounts.demo import seed as seed_accounts

    seed_people()
    seed_accounts(random.Random(1))
    first = seed_consents(random.Random(2))
    counts = (ConsentRecord.objects.count(), TakedownTask.objects.count())
    assert seed_consents(random.Random(2)).startswith("already loaded")
    assert (ConsentRecord.objects.count(), TakedownTask.objects.count()) == counts
    assert ConsentRecord.objects.filter(state="withdrawn").count() == 1
    assert ConsentRecord.objects.filter(do_not_publish=True).count() == 1
    assert TakedownTask.objects.open().count() == 1, first


@time_machine.travel(dt.datetime(2026, 3, 16, 10, 0, tzinfo=ZoneInfo("Europe/London")), tick=False)
def test_the_demo_register_has_a_subject_access_request_of_each_kind_and_loading_it_again_adds_nothing(client):
    import random

    from herald.consents.demo import seed as seed_consents
    from herald.people.demo import seed as seed_people

    # given the demo council, loaded twice
    seed_people()
    seed_consents(random.Random(2))
    first = sorted(SubjectAccessRequest.objects.values_list("requester_name", "status", "received_on", "paused_for"))
    seed_consents(random.Random(2))
    # then the register holds the same five requests
    assert (
        sorted(SubjectAccessRequest.objects.values_list("requester_name", "status", "received_on", "paused_for"))
        == first
    )
    assert sorted(status for _, status, _, _ in first) == ["answered", "extended", "open", "open", "paused"]
    paused = SubjectAccessRequest.objects.get(status="paused")
    assert paused.paused_for == "identity"
    # one open request is overdue, the other is not yet due
    due = {d.sar.requester_name: d.overdue for d in services.requests_due(on=dt.date(2026, 3, 16), within_days=60)}
    assert due["Sam Whitfield"] is True and due["Priya Sharma"] is False
    # and the DPO sees them on the register
    client.force_login(Person.objects.get(email="dpo@hinckley-bosworth.example"))
    page = client.get(reverse("consents:sar_list"), {"show": "all"}).content.decode()
    assert all(name in page for name, *_ in first)
