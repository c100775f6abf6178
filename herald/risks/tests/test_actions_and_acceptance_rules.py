"""An action is due today or later, and a risk is accepted by someone other than its owner."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.errors import Refused
from herald.risks import services
from herald.risks.models import Acceptance, Action
from testing.factories import RiskFactory

pytestmark = pytest.mark.django_db

# 00:30 BST on Wednesday 1 April 2026: already 1 April in the UK, still 31 March in UTC.
JUST_AFTER_MIDNIGHT = dt.datetime(2026, 3, 31, 23, 30, tzinfo=dt.UTC)


@time_machine.travel(JUST_AFTER_MIDNIGHT, tick=False)
def test_an_action_due_before_today_in_the_uk_is_refused_on_the_form(client, comms_officer):
    risk = RiskFactory(owner=comms_officer)
    client.force_login(comms_officer)

    # when the action is given a due date of 31 March, yesterday in the UK
    page = client.post(
        reverse("risks:action_add", kwargs={"pk": risk.pk}),
        {
            "description": "Run the social media training again",
            "owner": comms_officer.pk,
            "due_on_day": "31",
            "due_on_month": "3",
            "due_on_year": "2026",
        },
    )

    # then the page says why, keeps what was typed and adds nothing
    assert page.status_code == 200
    text = page.content.decode()
    assert "govuk-error-summary" in text and "Due date must be today or in the future" in text
    assert "Run the social media training again" in text
    assert not Action.objects.filter(risk=risk).exists()


@time_machine.travel(JUST_AFTER_MIDNIGHT, tick=False)
def test_an_action_due_today_in_the_uk_is_added(comms_officer):
    risk = RiskFactory(owner=comms_officer)

    action = services.add_action(
        risk, by=comms_officer, description="Check the page", owner=comms_officer, due_on=dt.date(2026, 4, 1)
    )

    assert action.due_on == dt.date(2026, 4, 1) and not action.is_overdue
    with pytest.raises(Refused, match="Due date must be today or in the future"):
        services.add_action(
            risk, by=comms_officer, description="Too late", owner=comms_officer, due_on=dt.date(2026, 3, 31)
        )


def _scored(risk, by):
    services.assess_risk(risk, by=by, inherent=(5, 5), current=(3, 4), residual=(1, 1), rationale="Scored")


@time_machine.travel(JUST_AFTER_MIDNIGHT, tick=False)
def test_the_owner_of_a_risk_is_told_on_opening_the_accept_page_that_someone_else_must_accept_it(client, comms_officer):
    # given a risk manager who owns the risk
    risk = RiskFactory(owner=comms_officer)
    _scored(risk, comms_officer)
    client.force_login(comms_officer)
    url = reverse("risks:accept", kwargs={"pk": risk.pk})

    # when they open the accept page by its address, or post it anyway
    opened = client.get(url)
    posted = client.post(
        url,
        {"statement": "Amber is tolerable", "expires_on_day": "1", "expires_on_month": "6", "expires_on_year": "2026"},
    )

    # then both are refused with the reason and who can accept it, no form is offered, nothing is accepted
    for page in (opened, posted):
        assert page.status_code == 403
        text = page.content.decode()
        assert "someone other than its owner must accept it" in text and "monitoring officer" in text
        assert 'name="statement"' not in text
    assert not Acceptance.objects.filter(risk=risk).exists()
    assert not AuditEvent.objects.filter(action="risk.accepted").exists()


def test_one_rule_says_who_may_accept_a_risk(comms_officer, monitoring_officer, service_manager):
    risk = RiskFactory(owner=comms_officer)

    # a risk manager who does not own it may; its owner may not, even a risk manager; a reader who
    # neither manages the register nor owns the risk may not
    assert services.can_accept(monitoring_officer, risk)
    assert not services.can_accept(comms_officer, risk)
    assert not services.can_accept(service_manager, risk)


@time_machine.travel(JUST_AFTER_MIDNIGHT, tick=False)
def test_a_risk_manager_who_does_not_own_the_risk_accepts_it(comms_officer, monitoring_officer):
    risk = RiskFactory(owner=comms_officer)
    _scored(risk, comms_officer)

    with pytest.raises(Refused, match="someone other than its owner"):
        services.accept_risk(risk, by=comms_officer, statement="Mine", expires_on=dt.date(2026, 6, 1))
    acceptance = services.accept_risk(
        risk, by=monitoring_officer, statement="Amber is tolerable", expires_on=dt.date(2026, 6, 1)
    )

    assert risk.current_acceptance == acceptance and acceptance.approver == monitoring_officer


@time_machine.travel(JUST_AFTER_MIDNIGHT, tick=False)
def test_whoever_accepted_a_risk_cannot_be_made_its_owner_while_the_acceptance_stands(
    comms_officer, monitoring_officer
):
    # given a risk owned by comms and accepted by the monitoring officer
    risk = RiskFactory(owner=comms_officer)
    _scored(risk, comms_officer)
    services.accept_risk(risk, by=monitoring_officer, statement="Amber is tolerable", expires_on=dt.date(2026, 6, 1))

    # when someone makes the approver its owner, four eyes would be one pair: refused, nothing changes
    with pytest.raises(Refused, match="accepted this risk, so cannot own it"):
        services.update_risk(risk, by=comms_officer, owner=monitoring_officer)
    risk.refresh_from_db()
    assert risk.owner == comms_officer
    assert not AuditEvent.objects.filter(action="risk.updated").exists()


def test_the_risk_page_offers_accepting_it_to_a_risk_manager_but_not_to_its_owner(
    client, comms_officer, monitoring_officer
):
    risk = RiskFactory(owner=comms_officer)
    accept = reverse("risks:accept", kwargs={"pk": risk.pk})

    client.force_login(comms_officer)
    owners_page = client.get(reverse("risks:detail", kwargs={"pk": risk.pk})).content.decode()
    client.force_login(monitoring_officer)
    managers_page = client.get(reverse("risks:detail", kwargs={"pk": risk.pk})).content.decode()

    assert f'href="{accept}"' not in owners_page and "Score the risk" in owners_page
    assert f'href="{accept}"' in managers_page


def _change(client, risk, action, **data):
    due = data.pop("due_on")
    return client.post(
        reverse("risks:action_edit", kwargs={"pk": risk.pk, "action_pk": action.pk}),
        {**data, "due_on_day": due.day, "due_on_month": due.month, "due_on_year": due.year},
    )


@time_machine.travel(JUST_AFTER_MIDNIGHT, tick=False)
def test_a_risk_manager_changes_an_actions_wording_owner_and_due_date_audited_and_the_new_owner_is_told(
    client, comms_officer, monitoring_officer, django_capture_on_commit_callbacks, mailoutbox
):
    risk = RiskFactory(owner=comms_officer)
    action = services.add_action(
        risk, by=comms_officer, description="Check the page", owner=comms_officer, due_on=dt.date(2026, 4, 20)
    )
    client.force_login(comms_officer)
    detail = client.get(reverse("risks:detail", kwargs={"pk": risk.pk})).content.decode()
    assert reverse("risks:action_edit", kwargs={"pk": risk.pk, "action_pk": action.pk}) in detail

    # when the owner of the risk hands it on, reworded, due today in the UK
    with django_capture_on_commit_callbacks(execute=True):
        page = _change(
            client,
            risk,
            action,
            description="Check the page and its links",
            owner=monitoring_officer.pk,
            due_on=dt.date(2026, 4, 1),
        )

    # then it is changed, the register's history says what it was, and the new owner is told
    assert page.status_code == 302
    action.refresh_from_db()
    assert (action.description, action.owner, action.due_on) == (
        "Check the page and its links",
        monitoring_officer,
        dt.date(2026, 4, 1),
    )
    event = AuditEvent.objects.get(action="risk.action_changed")
    assert event.actor == comms_officer and event.object_id == str(risk.pk)
    assert event.before["description"] == "Check the page" and event.before["owner"] == comms_officer.pk
    assert event.after["owner"] == monitoring_officer.pk and event.after["due_on"] == "2026-04-01"
    assert [message.to for message in mailoutbox] == [[monitoring_officer.email]]
    assert "Check the page and its links" in mailoutbox[0].body


@time_machine.travel(JUST_AFTER_MIDNIGHT, tick=False)
def test_an_action_cannot_be_moved_to_a_due_date_before_today_in_the_uk_and_nothing_changes(client, comms_officer):
    risk = RiskFactory(owner=comms_officer)
    action = services.add_action(
        risk, by=comms_officer, description="Check the page", owner=comms_officer, due_on=dt.date(2026, 4, 20)
    )
    client.force_login(comms_officer)

    # when it is moved to 31 March, yesterday in the UK (still today in UTC)
    page = _change(client, risk, action, description="Reworded", owner=comms_officer.pk, due_on=dt.date(2026, 3, 31))

    # then the form says why, keeps what was typed, and the action is as it was
    assert page.status_code == 200
    text = page.content.decode()
    assert "govuk-error-summary" in text and "Due date must be today or in the future" in text
    assert "Reworded" in text
    action.refresh_from_db()
    assert (action.description, action.due_on) == ("Check the page", dt.date(2026, 4, 20))
    assert not AuditEvent.objects.filter(action="risk.action_changed").exists()


def test_an_overdue_action_may_be_handed_on_keeping_its_date_so_it_still_shows_as_overdue(
    client, comms_officer, monitoring_officer
):
    risk = RiskFactory(owner=comms_officer)
    with time_machine.travel(dt.datetime(2026, 4, 1, 9, tzinfo=dt.UTC), tick=False):
        action = services.add_action(
            risk, by=comms_officer, description="Check the page", owner=comms_officer, due_on=dt.date(2026, 4, 2)
        )
    with time_machine.travel(dt.datetime(2026, 4, 10, 9, tzinfo=dt.UTC), tick=False):
        client.force_login(comms_officer)
        page = _change(
            client, risk, action, description="Check the page", owner=monitoring_officer.pk, due_on=action.due_on
        )
        action.refresh_from_db()
        assert page.status_code == 302 and action.owner == monitoring_officer and action.is_overdue


def test_a_done_action_cannot_be_changed_and_a_reader_who_does_not_manage_the_risk_cannot_change_one(
    client, comms_officer, service_manager
):
    risk = RiskFactory(owner=comms_officer)
    due = risk.next_review_on
    open_action = services.add_action(risk, by=comms_officer, description="Open", owner=comms_officer, due_on=due)
    done = services.add_action(risk, by=comms_officer, description="Done", owner=comms_officer, due_on=due)
    services.complete_action(done, by=comms_officer)

    client.force_login(comms_officer)
    refused = client.get(reverse("risks:action_edit", kwargs={"pk": risk.pk, "action_pk": done.pk}))
    with pytest.raises(Refused, match="This action is done"):
        services.change_action(done, by=comms_officer, description="Redone", owner=comms_officer, due_on=due)
    client.force_login(service_manager)
    reader = client.get(reverse("risks:action_edit", kwargs={"pk": risk.pk, "action_pk": open_action.pk}))

    assert refused.status_code == 403 and "add a new action instead" in refused.content.decode()
    assert reader.status_code == 403
    with pytest.raises(Refused, match="risk manager"):
        services.change_action(open_action, by=service_manager, description="Mine", owner=service_manager, due_on=due)
