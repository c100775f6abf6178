"""In a borough or district council the Mayor (or Chairman) is a serving councillor: a threat or abuse
aimed at the office is aimed at them, and opens the same councillor-abuse case as abuse by name."""

import pytest

from herald.moderation.models import CouncillorAbuseCase
from testing.factories import AccountFactory, CouncillorFactory, comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def account():
    return AccountFactory()


@pytest.fixture
def mayor():
    """The members' register records her as the Mayor, in its position column."""
    return CouncillorFactory(first_name="Amanda", last_name="Wright", cabinet_portfolio="Mayor")


def test_a_threat_to_the_mayor_opens_a_case_for_the_councillor_who_is_mayor(account, mayor, monitoring_officer):
    CouncillorFactory(first_name="Stuart", last_name="Bray", cabinet_portfolio="Leader of the Council")
    threat = comment(account, "The Mayor deserves to be hanged")
    case = CouncillorAbuseCase.objects.get()
    assert case.councillor == mayor
    assert list(case.comments.all()) == [threat]


def test_abuse_of_the_chairman_of_the_council_reaches_the_chairman(account, monitoring_officer):
    chairman = CouncillorFactory(first_name="Keith", last_name="Lynch", cabinet_portfolio="Chairman of the Council")
    comment(account, "The Chairman is a useless idiot and a moron")
    assert CouncillorAbuseCase.objects.get().councillor == chairman


def test_fair_comment_about_the_mayor_opens_nothing(account, mayor):
    comment(account, "The Mayor's charity ball was lovely")
    comment(account, "Thank you Mr Mayor for opening the fete")
    assert not CouncillorAbuseCase.objects.exists()


def test_abuse_of_a_deputy_mayor_or_another_bodys_chairman_is_not_put_on_the_mayors_case(account, mayor):
    comment(account, "The Deputy Mayor is a useless idiot and a moron")
    comment(account, "The chairman of the football club is a useless idiot and a moron")
    assert not CouncillorAbuseCase.objects.exists()


@pytest.mark.parametrize(
    "text",
    [
        "The Mayor of London deserves to be hanged",
        "The Mayor of Greater Manchester deserves to be hanged",
        "That metro mayor deserves to be hanged",
        "The combined authority mayor deserves to be hanged",
        "The Mayor's deputy deserves to be hanged",
        "The parish council chairman deserves to be hanged",
        "I'll kill you with the chair",
    ],
)
def test_abuse_of_other_mayors_and_chairs_opens_no_case_against_the_councils_mayor(account, mayor, text):
    """Opening a case escalates the comment, opens an incident, emails the monitoring officer and tells
    the councillor: none of that is for the Mayor of somewhere else, nor for a piece of furniture."""
    comment(account, text)
    assert not CouncillorAbuseCase.objects.exists()


@pytest.mark.parametrize(
    "text",
    [
        "The Mayor of London deserves to be hanged",
        "The parish council chairman deserves to be hanged",
        "I'll kill you with the chair",
        "The Chairman's deputy deserves to be hanged",
        "The Mayor deserves to be hanged",
    ],
)
def test_abuse_of_other_chairs_or_of_a_mayor_opens_no_case_against_the_councils_chairman(account, text):
    """A council whose register records a Chairman has no Mayor: "the Mayor" is someone else."""
    CouncillorFactory(first_name="Keith", last_name="Lynch", cabinet_portfolio="Chairman of the Council")
    comment(account, text)
    assert not CouncillorAbuseCase.objects.exists()


def test_the_mayor_of_the_councils_own_area_is_the_mayor(account, mayor, monitoring_officer, settings):
    settings.COUNCIL_NAME = "Hinckley & Bosworth Borough Council"
    comment(account, "The Mayor of Hinckley and Bosworth deserves to be hanged")
    assert CouncillorAbuseCase.objects.get().councillor == mayor


def test_abuse_of_the_council_chairman_reaches_the_chairman(account, monitoring_officer):
    chairman = CouncillorFactory(first_name="Keith", last_name="Lynch", cabinet_portfolio="Chairman of the Council")
    comment(account, "Our council chairman deserves to be hanged")
    assert CouncillorAbuseCase.objects.get().councillor == chairman
