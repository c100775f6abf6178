import pytest

from herald.consents.models import ConsentRecord, TakedownTask

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
    assert seed_consents(random.Random(2)) == "already loaded"
    assert (ConsentRecord.objects.count(), TakedownTask.objects.count()) == counts
    assert ConsentRecord.objects.filter(state="withdrawn").count() == 1
    assert ConsentRecord.objects.filter(do_not_publish=True).count() == 1
    assert TakedownTask.objects.open().count() == 1, first
