"""A score or a review is named by its date in the UK, not in UTC."""

import datetime as dt

import pytest
import time_machine

from herald.risks import services
from testing.factories import RiskFactory

pytestmark = pytest.mark.django_db

# 00:30 BST on Monday 1 June 2026, which is still 31 May in UTC.
JUST_AFTER_MIDNIGHT_BST = dt.datetime(2026, 5, 31, 23, 30, tzinfo=dt.UTC)


def test_a_review_just_after_midnight_in_summer_is_named_by_its_uk_date(comms_officer):
    risk = RiskFactory(owner=comms_officer, reference="S.30")
    with time_machine.travel(JUST_AFTER_MIDNIGHT_BST, tick=False):
        review = services.review_risk(risk, by=comms_officer, notes="Controls hold", next_review_on=dt.date(2026, 9, 1))

    assert str(review) == "S.30 reviewed 1 June 2026"


def test_a_score_just_after_midnight_in_summer_is_named_by_its_uk_date(comms_officer):
    risk = RiskFactory(owner=comms_officer, reference="S.31")
    with time_machine.travel(JUST_AFTER_MIDNIGHT_BST, tick=False):
        scored = services.assess_risk(
            risk, by=comms_officer, inherent=(3, 3), current=(2, 2), residual=(1, 1), rationale="Scored"
        )

    assert str(scored) == "S.31 scored 1 June 2026"
