import datetime as dt
import random

import pytest

from herald.elections import demo
from herald.elections.models import Election
from herald.elections.selectors import pre_election_context
from testing.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_the_demo_records_the_2027_elections_and_a_past_by_election_once():
    PersonFactory(email=demo.COMMS_EMAIL)

    demo.seed(random.Random(1))
    demo.seed(random.Random(2))

    borough = Election.objects.get(kind=Election.Kind.BOROUGH)
    assert borough.poll_date == dt.date(2027, 5, 6) and borough.is_whole_council
    assert borough.notice_published_on == borough.latest_notice_on == dt.date(2027, 3, 31)
    assert Election.objects.get(kind=Election.Kind.BY_ELECTION).wards == ["Barwell"]
    assert Election.objects.count() == 2
    # The demo council is not in a pre-election period on 24 November 2026.
    assert pre_election_context(dt.date(2026, 11, 24))["pre_election"] is False
