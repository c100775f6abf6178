"""A risk's next review follows its interval, an acceptance lapses when the risk gets worse, and a
reference is one risk's whatever its case."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from herald.audit import services as audit
from herald.audit.models import AuditEvent
from herald.risks import services
from herald.risks.models import Risk, RiskQuerySet
from testing.factories import RiskFactory

pytestmark = pytest.mark.django_db

# Tuesday 10 March 2026, mid-morning in London (GMT).
NOW = dt.datetime(2026, 3, 10, 10, 0, tzinfo=dt.UTC)


def _record(by, **fields):
    return services.record_risk(by=by, reference="C.01", title="Consultation replies go unanswered", **fields)


# --- Next review follows the interval -------------------------------------------------------------


def test_changing_the_interval_of_a_never_reviewed_risk_counts_from_when_it_was_recorded(comms_officer):
    with time_machine.travel(NOW, tick=False):
        risk = _record(comms_officer, owner=comms_officer, review_every_days=90)
    assert risk.next_review_on == dt.date(2026, 6, 8)

    with time_machine.travel(NOW + dt.timedelta(days=20), tick=False):
        services.update_risk(risk, by=comms_officer, review_every_days=30, reason="Quarterly is too seldom")

    risk.refresh_from_db()
    assert risk.next_review_on == dt.date(2026, 4, 9)
    event = AuditEvent.objects.filter(action="risk.updated").latest("id")
    assert event.before["next_review_on"] == "2026-06-08" and event.after["next_review_on"] == "2026-04-09"


def test_changing_the_interval_counts_from_the_last_review_in_uk_time(comms_officer):
    with time_machine.travel(NOW, tick=False):
        risk = _record(comms_officer, owner=comms_officer, review_every_days=90)
    # Reviewed at 00:30 BST on Wednesday 1 April 2026, which is still 31 March in UTC.
    with time_machine.travel(dt.datetime(2026, 3, 31, 23, 30, tzinfo=dt.UTC), tick=False):
        services.review_risk(risk, by=comms_officer, notes="Controls hold", next_review_on=dt.date(2026, 7, 1))

    with time_machine.travel(dt.datetime(2026, 4, 10, 9, 0, tzinfo=dt.UTC), tick=False):
        services.update_risk(risk, by=comms_officer, review_every_days=14)

    risk.refresh_from_db()
    assert risk.next_review_on == dt.date(2026, 4, 15)


def test_the_register_page_shows_the_new_next_review_after_the_interval_changes(client, comms_officer):
    with time_machine.travel(NOW, tick=False):
        risk = _record(comms_officer, owner=comms_officer, review_every_days=90)
        client.force_login(comms_officer)
        response = client.post(
            reverse("risks:edit", args=[risk.pk]),
            {"title": risk.title, "owner": comms_officer.pk, "treatment": "mitigate", "review_every_days": "30"},
        )
        assert response.status_code == 302
        page = client.get(reverse("risks:detail", args=[risk.pk])).content.decode()
    assert "9 April 2026" in page


def test_changing_other_details_leaves_the_next_review_alone(comms_officer):
    with time_machine.travel(NOW, tick=False):
        risk = _record(comms_officer, owner=comms_officer, review_every_days=90)
        services.review_risk(risk, by=comms_officer, notes="Fine", next_review_on=dt.date(2026, 5, 1))
        services.update_risk(risk, by=comms_officer, title="Consultation replies go unanswered for weeks")
    risk.refresh_from_db()
    assert risk.next_review_on == dt.date(2026, 5, 1)


# --- An acceptance lapses when the risk moves into a higher band -----------------------------------


def _score(risk, by, current):
    return services.assess_risk(risk, by=by, inherent=(5, 5), current=current, residual=(1, 1), rationale="Scored")


def test_an_acceptance_lapses_when_the_risk_is_rescored_into_a_higher_band(
    client, comms_officer, monitoring_officer, django_capture_on_commit_callbacks
):
    risk = RiskFactory(owner=comms_officer)
    _score(risk, comms_officer, current=(3, 4))  # 12, Amber
    services.accept_risk(
        risk,
        by=monitoring_officer,
        statement="Amber is tolerable",
        expires_on=timezone.localdate() + dt.timedelta(days=90),
    )
    assert risk.current_acceptance is not None

    with django_capture_on_commit_callbacks(execute=True):
        _score(risk, comms_officer, current=(4, 4))  # 16, Red

    assert risk.current_acceptance is None
    acceptance = risk.acceptances.get()
    assert not acceptance.is_current
    event = AuditEvent.objects.get(action="risk.acceptance_lapsed")
    assert event.after["band"] == "Red" and event.before["band"] == "Amber"
    client.force_login(comms_officer)
    page = client.get(reverse("risks:detail", args=[risk.pk])).content.decode()
    shown = page[page.index('id="acceptance"') :]
    shown = shown[: shown.index("</dd>")]
    assert "lapsed" in shown and "16 Red" in shown and "12 Amber" in shown


def test_the_approver_and_owner_are_told_when_an_acceptance_lapses(
    comms_officer, monitoring_officer, django_capture_on_commit_callbacks
):
    risk = RiskFactory(owner=comms_officer)
    _score(risk, comms_officer, current=(2, 2))  # 4, Green
    services.accept_risk(
        risk, by=monitoring_officer, statement="Green", expires_on=timezone.localdate() + dt.timedelta(days=90)
    )

    with django_capture_on_commit_callbacks(execute=True):
        _score(risk, monitoring_officer, current=(3, 3))  # 9, Amber

    # the monitoring officer re-scored it and knows; the owner is told
    lapsed = [m for m in mail.outbox if "no longer accepted" in m.subject]
    assert [m.to for m in lapsed] == [[comms_officer.email]]


def test_an_acceptance_stands_when_the_risk_is_rescored_within_its_band_or_lower(comms_officer, monitoring_officer):
    risk = RiskFactory(owner=comms_officer)
    _score(risk, comms_officer, current=(3, 3))  # 9, Amber
    services.accept_risk(
        risk, by=monitoring_officer, statement="Amber", expires_on=timezone.localdate() + dt.timedelta(days=90)
    )
    _score(risk, comms_officer, current=(3, 4))  # 12, still Amber
    _score(risk, comms_officer, current=(1, 2))  # 2, Green
    assert risk.current_acceptance is not None
    assert not AuditEvent.objects.filter(action="risk.acceptance_lapsed").exists()


# --- A reference is one risk's, whatever its case ---------------------------------------------------


def test_the_database_refuses_two_references_differing_only_in_case():
    RiskFactory(reference="S.05")
    with pytest.raises(IntegrityError), transaction.atomic():
        Risk.objects.create(reference="s.05", title="The same risk again")


def test_a_reference_taken_between_the_check_and_the_save_gives_the_form_error(client, comms_officer, monkeypatch):
    # given another risk manager saves S.05 just after this one's duplicate check passed
    def check_then_lose_the_race(self):
        found = QuerySet.exists(self)
        if not QuerySet.exists(Risk.objects.filter(reference="S.05")):
            Risk.objects.create(reference="S.05", title="Saved by someone else a moment ago")
        return found

    monkeypatch.setattr(RiskQuerySet, "exists", check_then_lose_the_race, raising=False)
    client.force_login(comms_officer)

    response = client.post(
        reverse("risks:add"),
        {
            "reference": "s.05",
            "title": "Consultation replies go unanswered",
            "owner": comms_officer.pk,
            "treatment": "mitigate",
            "review_every_days": "90",
        },
    )

    assert response.status_code == 200
    assert "There is already a risk s.05" in response.content.decode()
    assert list(Risk.objects.filter(reference__iexact="s.05").values_list("title", flat=True)) == [
        "Saved by someone else a moment ago"
    ]


def test_upgrading_gives_a_reference_differing_only_in_case_a_reference_of_its_own():
    import importlib

    from django.apps import apps
    from django.db import connection

    migration = importlib.import_module("herald.risks.migrations.0003_references_ignore_case_and_acceptances_lapse")
    # given a register from before references were unique whatever their case
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX one_risk_per_reference")
    RiskFactory(reference="S.05", title="First", created_at=NOW)
    RiskFactory(reference="s.05", title="Second", description="Found at audit.", created_at=NOW + dt.timedelta(days=1))
    RiskFactory(reference="s.05-2", title="Third", created_at=NOW + dt.timedelta(days=2))
    # when the upgrade runs
    migration.part_references_differing_only_in_case(apps, None)
    # then the earlier keeps its reference, the later gets the next free one and says what it was
    assert dict(Risk.objects.filter(title__in=["First", "Second", "Third"]).values_list("title", "reference")) == {
        "First": "S.05",
        "Second": "s.05-3",
        "Third": "s.05-2",
    }
    assert Risk.objects.get(title="Second").description == (
        "Found at audit.\n\nReference changed from s.05 to s.05-3 when references became unique whatever their case."
    )
    # and the audit trail records the renaming, and still verifies
    [event] = AuditEvent.objects.filter(action="risk.updated", object_id=str(Risk.objects.get(title="Second").pk))
    assert (event.before["reference"], event.after["reference"]) == ("s.05", "s.05-3")
    assert audit.verify_chain(checkpoints=False).ok
