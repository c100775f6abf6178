"""The demo council's register is real-looking and seeding it twice changes nothing."""

import random

from herald.people import demo as people_demo
from herald.social_accounts import demo
from herald.social_accounts.models import Account, AccountRequest, Platform


def test_the_demo_register_has_the_councils_accounts_and_one_pending_request(db):
    people_demo.seed(random.Random(1))
    demo.seed(random.Random(1))
    counts = (Account.objects.count(), AccountRequest.objects.count())
    demo.seed(random.Random(1))
    assert (Account.objects.count(), AccountRequest.objects.count()) == counts
    corporate = Account.objects.filter(team__name="Communications")
    assert set(corporate.values_list("platform", flat=True)) == {
        Platform.FACEBOOK,
        Platform.X,
        Platform.INSTAGRAM,
        Platform.LINKEDIN,
        Platform.YOUTUBE,
        Platform.NEXTDOOR,
    }
    assert not Account.objects.filter(platform=Platform.TIKTOK).exists()
    for team in ("Cultural Services", "Atkins Building", "Town Centre"):
        assert Account.objects.filter(team__name=team).exists()
    assert Account.objects.edited_by(people_demo.Person.objects.get(email="editor@hinckley-bosworth.example")).exists()
    assert not Account.objects.short_of_editors().exists()
    pending = AccountRequest.objects.get()
    assert pending.status == AccountRequest.Status.SUBMITTED
    assert pending.service_manager.email == "manager@hinckley-bosworth.example"
