"""A threat or abuse aimed at "the Mayor" or "the Chairman" when the members' register records nobody in
that office still opens a case: for the office, not assigned to a councillor, saying on it that the
register records nobody there, so the monitoring officer's team and comms can act."""

import threading
import time

import pytest
from django.core import mail
from django.db import connection, connections, transaction

from herald.incidents.models import Incident
from herald.moderation.models import Comment, CouncillorAbuseCase
from herald.moderation.services import cases
from testing.factories import AccountFactory, CouncillorFactory, comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def account():
    return AccountFactory()


def test_a_threat_to_the_mayor_with_nobody_recorded_opens_a_case_for_the_office(
    client, account, monitoring_officer, comms_officer, django_capture_on_commit_callbacks
):
    # given a register whose position column records no Mayor or Chairman
    CouncillorFactory(first_name="Stuart", last_name="Bray", cabinet_portfolio="Leader of the Council")
    # when a threat to the Mayor arrives
    with django_capture_on_commit_callbacks(execute=True):
        threat = comment(account, "The Mayor deserves to be hanged")
    # then a case opens for the office, assigned to no councillor
    case = CouncillorAbuseCase.objects.get()
    assert case.councillor is None and case.office == "Mayor"
    assert list(case.comments.all()) == [threat]
    threat.refresh_from_db()
    assert threat.status == Comment.Status.ESCALATED
    # with its incident, and the monitoring officer and comms told
    assert Incident.objects.get(abuse_case=case).summary == "Abuse aimed at the Mayor"
    told = {address for message in mail.outbox if "abuse case" in message.subject for address in message.to}
    assert {monitoring_officer.email, comms_officer.email} <= told
    # and the case page says the register records nobody in the office
    client.force_login(monitoring_officer)
    page = client.get(f"/inbox/cases/{case.pk}/").content.decode()
    assert "Not assigned to a councillor: aimed at the Mayor" in page
    assert "The members&#x27; register records nobody as the Mayor" in page


def test_more_abuse_of_the_chairman_joins_the_offices_open_case_and_other_chairs_stay_out(account, monitoring_officer):
    comment(account, "The parish council chairman deserves to be hanged")
    comment(account, "The Mayor of London deserves to be hanged")
    first = comment(account, "The Chairman is a useless idiot and a moron")
    second = comment(account, "Someone should torch the Chairman's car, the useless idiot")
    case = CouncillorAbuseCase.objects.get()
    assert case.office == "Chairman" and set(case.comments.all()) == {first, second}


@pytest.mark.parametrize(
    "text",
    [
        "London's mayor Sadiq Khan is a useless scumbag",
        "The metro mayor Andy Street should be strung up",
        "Vote for me for mayor of this town, you idiots",
        "Leicester's mayor deserves to be hanged",
    ],
)
def test_another_places_mayor_opens_no_case_for_the_unheld_office(account, text):
    # given a register recording nobody as Mayor or Chairman, abuse of some other place's mayor
    comment(account, text)
    # opens no case for this council's office
    assert not CouncillorAbuseCase.objects.exists()


@pytest.mark.parametrize(
    "text", ["The Lord Mayor deserves to be hanged", "Mayor of Hinckley & Bosworth deserves to be hanged"]
)
def test_the_councils_own_mayor_still_opens_a_case_for_the_unheld_office(account, text):
    comment(account, text)
    assert CouncillorAbuseCase.objects.get().office == "Mayor"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite runs one writer at a time")
@pytest.mark.django_db(transaction=True)
def test_two_workers_opening_the_offices_case_at_once_share_one_case(account, monitoring_officer):
    first, second = comment(account, "A question about bins"), comment(account, "Another about parking")
    opened, finished, outcomes = threading.Event(), threading.Event(), {}

    def worker(name, aimed, hold_open):
        try:
            with transaction.atomic():
                outcomes[name] = cases.add_to_office_case("Mayor", aimed, note="Nobody recorded", why="Abuse")
                if hold_open:
                    opened.set()
                    finished.wait(10)  # keeps its new case uncommitted while the other worker arrives
        except Exception as exc:  # noqa: BLE001 - what the second worker met is what the test checks
            outcomes[name] = exc
        finally:
            opened.set()
            connection.close()

    one = threading.Thread(target=worker, args=("one", first, True))
    one.start()
    opened.wait(10)
    two = threading.Thread(target=worker, args=("two", second, False))
    two.start()
    # wait until the second worker is held up by the first's uncommitted case, then let the first commit
    with connections["default"].cursor() as cursor:
        for _ in range(200):
            cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
            if cursor.fetchone()[0]:
                break
            time.sleep(0.05)
    finished.set()
    one.join()
    two.join()
    case = CouncillorAbuseCase.objects.get()
    assert outcomes == {"one": case, "two": case}
    assert set(case.comments.all()) == {first, second}
