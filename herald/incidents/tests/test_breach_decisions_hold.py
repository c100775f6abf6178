"""What the DPO records about a breach holds as the law reads it: a report made to the ICO cannot be
unmade, "do not report" stands only for a breach assessed as unlikely to risk people's rights and
freedoms (UK GDPR article 33(1)), and the report's time is compared with awareness as it is typed,
to the minute."""

import datetime as dt

import pytest
from django.urls import reverse

from herald.errors import Refused
from herald.incidents import services
from testing.factories import incident

pytestmark = pytest.mark.django_db

AWARE = dt.datetime(2026, 11, 27, 15, 0, 27, tzinfo=dt.UTC)  # a Friday, at 15:00 and some seconds


@pytest.fixture
def breach(editor, dpo, time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 27, 16, 0, tzinfo=dt.UTC), tick=False)
    reported = incident("personal_data_breach", by=editor, aware_at=AWARE)
    return services.assess_breach(
        reported, by=dpo, data_involved="Names and addresses", people_affected=40, risk="high"
    )


def test_a_report_made_to_the_ico_cannot_be_unmade_by_a_later_do_not_report(breach, dpo):
    sent = dt.datetime(2026, 11, 27, 15, 45, tzinfo=dt.UTC)
    services.decide_ico_report(
        breach, by=dpo, decision="report", reasoning="High risk", reported_at=sent, reference="IC-1"
    )
    with pytest.raises(Refused) as refused:
        services.decide_ico_report(breach, by=dpo, decision="do_not_report", reasoning="On reflection, no")
    assert "already been reported to the ICO" in str(refused.value)
    breach.refresh_from_db()
    assert (breach.ico_decision, breach.ico_reported_at, breach.ico_reference) == ("report", sent, "IC-1")


@pytest.mark.parametrize("risk", ["risk", "high"])
def test_do_not_report_is_refused_for_a_breach_assessed_as_a_risk_to_people(breach, dpo, risk):
    breach = services.assess_breach(breach, by=dpo, data_involved="Names", people_affected=40, risk=risk)
    with pytest.raises(Refused) as refused:
        services.decide_ico_report(breach, by=dpo, decision="do_not_report", reasoning="Not worth it")
    assert "unlikely to result in a risk" in str(refused.value)
    breach.refresh_from_db()
    assert breach.ico_decision == "" and not breach.ico_clock_stopped


def test_do_not_report_stands_for_a_breach_assessed_as_unlikely_to_risk_anyone(breach, dpo):
    breach = services.assess_breach(breach, by=dpo, data_involved="A work email", people_affected=1, risk="unlikely")
    breach = services.decide_ico_report(breach, by=dpo, decision="do_not_report", reasoning="Already public")
    assert breach.ico_clock_stopped


def test_raising_the_risk_after_do_not_report_reopens_the_ico_decision_and_its_clock(breach, dpo):
    breach = services.assess_breach(breach, by=dpo, data_involved="A work email", people_affected=1, risk="unlikely")
    breach = services.decide_ico_report(breach, by=dpo, decision="do_not_report", reasoning="Already public")
    breach = services.assess_breach(breach, by=dpo, data_involved="Home addresses too", people_affected=40, risk="high")
    breach.refresh_from_db()
    assert breach.ico_decision == "" and not breach.ico_clock_stopped
    assert not breach.steps.get(key="ico").is_done
    assert "Record the ICO decision and its reasons" in services.close_problems(breach)


def test_a_report_typed_in_the_minute_the_council_became_aware_is_accepted(breach, dpo):
    same_minute = dt.datetime(2026, 11, 27, 15, 0, tzinfo=dt.UTC)  # awareness was 15:00:27
    breach = services.decide_ico_report(
        breach, by=dpo, decision="report", reasoning="High risk", reported_at=same_minute
    )
    assert breach.ico_reported_at == same_minute


def test_the_breach_page_refuses_do_not_report_for_a_high_risk_breach_beside_the_field(client, breach, dpo):
    client.force_login(dpo)
    response = client.post(
        reverse("incidents:breach", args=[breach.pk]),
        {"form": "ico", "ico-decision": "do_not_report", "ico-reasoning": "Not worth it"},
    )
    assert response.status_code == 200
    assert "unlikely to result in a risk" in response.content.decode()


def test_pressing_a_breach_form_button_twice_records_the_decision_once(client, breach, dpo):
    from herald.audit.models import AuditEvent
    from testing.forms import submission_key

    client.force_login(dpo)
    url = reverse("incidents:breach", args=[breach.pk])
    key = submission_key(client.get(url).content.decode())
    form = {
        "form": "tell",
        "tell-tell": "tell",
        "tell-tell_reasoning": "High risk: they must know",
        "submission_key": key,
    }

    first, second = (client.post(url, form) for _ in range(2))

    assert first.status_code == second.status_code == 302
    assert breach.timeline.filter(text="Tell the people affected").count() == 1
    assert AuditEvent.objects.filter(action="incident.tell_people_decided").count() == 1
