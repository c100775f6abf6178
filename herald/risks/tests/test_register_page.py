"""The register page stays quick however many risks the council records."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from herald.risks import services
from testing.factories import PersonFactory, RiskFactory

pytestmark = pytest.mark.django_db


def _queries_for_register(client) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("risks:register"))
    assert page.status_code == 200
    return len(queries), page.content.decode()


def _scored_risks(count: int, by) -> list:
    risks = []
    for _ in range(count):
        risk = RiskFactory(owner=PersonFactory())
        services.assess_risk(risk, by=by, inherent=(4, 4), current=(2, 4), residual=(1, 2), rationale="Because")
        risks.append(risk)
    return risks


def test_the_register_takes_as_many_queries_for_twenty_risks_as_for_two(client, comms_officer):
    client.force_login(comms_officer)
    _scored_risks(2, comms_officer)
    few, _ = _queries_for_register(client)
    more = _scored_risks(18, comms_officer)
    many, page = _queries_for_register(client)

    assert many == few
    # and every risk is still shown, with its latest scores and in its cell of the heat map
    for risk in more:
        assert risk.reference in page
    assert page.count("</svg> 8 ") == 20 + 1  # twenty current scores, and S.04's residual (2 x 4)
