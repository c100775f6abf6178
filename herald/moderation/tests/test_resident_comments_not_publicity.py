"""A resident's comment saying what a councillor said, or sharing a party's post, is not council publicity
(party round fourteen): the inbox shows no Publicity Code warning for it, and the comment's severity is not
raised by one. The councillor's name is still found, so abuse naming them still opens a case."""

import pytest
from django.urls import reverse

from herald.moderation.models import CouncillorAbuseCase
from testing.factories import AccountFactory, CouncillorFactory, comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def account():
    return AccountFactory(platform="facebook", display_name="Hinckley & Bosworth Borough Council")


@pytest.fixture
def councillor():
    return CouncillorFactory(first_name="Stuart", last_name="Bray", ward="Burbage")


def test_the_inbox_shows_no_publicity_warning_for_a_residents_comment(client, account, councillor, comms_officer):
    said = comment(account, "Cllr Stuart Bray said he supports closing Burbage library. Why?")
    shared = comment(account, "RT @HinckleyLabour: save Burbage library, sign the petition")

    assert {f["rule"] for f in said.findings} & {"member-position"} == set(), said.findings
    assert {f["rule"] for f in shared.findings} & {"political-share"} == set(), shared.findings
    assert said.severity not in ("warn", "block") and shared.severity not in ("warn", "block")
    client.force_login(comms_officer)
    for found in (said, shared):
        page = client.get(reverse("moderation:detail", args=[found.pk])).content.decode()
        assert "attributes a position to a councillor" not in page
        assert "shares a politician" not in page


def test_abuse_naming_the_councillor_still_opens_a_case(account, councillor, monitoring_officer):
    comment(account, "Cllr Stuart Bray said he supports closing the library, he is a useless idiot and a moron")
    assert CouncillorAbuseCase.objects.get().councillor == councillor
