"""A change to the matrix's bands that puts an accepted risk in a higher band ends the acceptance, as
re-scoring it there would; renaming or recolouring the bands does not."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from herald.audit.models import AuditEvent
from herald.risks import services
from herald.risks.models import Level
from testing.factories import RiskFactory

pytestmark = pytest.mark.django_db

GREEN, AMBER, RED = ("Green", "#00703c", "#ffffff"), ("Amber", "#ffdd00", "#0b0c0c"), ("Red", "#d4351c", "#ffffff")


def _levels():
    return {(level.axis, level.value): (level.name, level.description) for level in Level.objects.all()}


def _bands(*ranges):
    return [(name, low, high, colour, text) for (name, colour, text), (low, high) in ranges]


@pytest.fixture
def accepted(comms_officer, monitoring_officer, service_manager):
    """A risk owned by a service manager, scored 12 (Amber under the default 5–12) and accepted there."""
    risk = RiskFactory(owner=service_manager, reference="S.40", title="Replies go unanswered")
    services.assess_risk(risk, by=comms_officer, inherent=(5, 5), current=(3, 4), residual=(1, 1), rationale="Scored")
    services.accept_risk(
        risk,
        by=monitoring_officer,
        statement="Amber is tolerable",
        expires_on=timezone.localdate() + dt.timedelta(days=90),
    )
    return risk


def test_bands_that_put_an_accepted_risk_in_a_higher_band_end_its_acceptance_and_say_so(
    client, accepted, comms_officer, monitoring_officer, service_manager, django_capture_on_commit_callbacks
):
    # when a risk manager lowers Red to start at 10, so 12 is Red
    with django_capture_on_commit_callbacks(execute=True):
        services.change_matrix(
            by=comms_officer,
            levels=_levels(),
            bands=_bands((GREEN, (1, 4)), (AMBER, (5, 9)), (RED, (10, 25))),
        )

    # then the risk is no longer accepted, and the acceptance keeps what ended it
    assert accepted.current_acceptance is None
    acceptance = accepted.acceptances.get()
    assert (acceptance.lapsed_score, acceptance.lapsed_band) == (12, "Red")
    event = AuditEvent.objects.get(action="risk.acceptance_lapsed")
    assert event.actor_id == comms_officer.pk
    assert (event.before["band"], event.after["band"]) == ("Amber", "Red")
    assert "scoring matrix has changed" in event.reason
    # the owner and the approver are told
    lapsed = [m for m in mail.outbox if m.subject.endswith("Risk S.40 is no longer accepted")]
    assert sorted(address for m in lapsed for address in m.to) == sorted(
        [service_manager.email, monitoring_officer.email]
    )
    assert "The scoring matrix has changed: its score of 12 is now Red, a higher band" in lapsed[0].body
    # and the risk's page shows it
    client.force_login(comms_officer)
    page = client.get(reverse("risks:detail", args=[accepted.pk])).content.decode()
    shown = page[page.index('id="acceptance"') :]
    shown = shown[: shown.index("</dd>")]
    assert "lapsed" in shown and "12 Red" in shown and "12 Amber" in shown


def test_bands_renamed_recoloured_or_moved_elsewhere_leave_an_acceptance_standing(accepted, comms_officer):
    # Amber renamed Medium, a new lowest band, and Red from 15: 12 is still in the band it was accepted in
    services.change_matrix(
        by=comms_officer,
        levels=_levels(),
        bands=[
            ("Very low", 1, 2, "#00703c", "#ffffff"),
            ("Low", 3, 4, "#85994b", "#0b0c0c"),
            ("Medium", 5, 14, "#ffdd00", "#0b0c0c"),
            ("High", 15, 25, "#942514", "#ffffff"),
        ],
    )

    assert accepted.current_acceptance is not None
    assert not AuditEvent.objects.filter(action="risk.acceptance_lapsed").exists()
