"""Each role's dashboard panel on the home page: what needs them now and how their area is doing."""

import datetime as dt
import re

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from herald.audit.tasks import verify_audit_chain
from herald.posts.models import Post
from herald.reports import home


class _Request:
    def __init__(self, user):
        self.user = user


def _panel(user, title):
    return next((panel for panel in home.panels(_Request(user)) if panel["title"] == title), None)


def _figures(panel):
    return {figure["label"]: figure for figure in panel["figures"]}


def test_comms_see_approvals_waiting_findings_accounts_and_takedowns(comms_officer, activity):
    Post.objects.filter(pk=activity["posts"][3].pk).update(status=Post.Status.AWAITING_APPROVAL)

    panel = _panel(comms_officer, "How publishing is doing")

    figures = _figures(panel)
    assert figures["Posts waiting for approval"]["value"] == "1"
    assert figures["Findings in the last four weeks"]["value"] == "2"
    assert figures["Blocks overridden in the last 30 days"]["value"] == "1"
    assert figures["Accounts needing attention"]["value"] == "2"  # each has fewer than two editors
    assert figures["Consent takedowns open"]["value"] == "0"
    assert sum(panel["chart"].values) == 2
    assert len(panel["chart"].labels) == 8


def test_the_comms_dashboard_draws_its_trend_with_the_figures_beside_it(client, comms_officer, activity):
    client.force_login(comms_officer)

    page = client.get("/").content.decode()

    assert "How publishing is doing" in page
    assert re.search(r'<svg[^>]+role="img" aria-labelledby="findings-trend-chart-0-title"', page)
    assert "The figures in the chart" in page


def test_a_service_manager_sees_their_peoples_acknowledgements_and_requests(service_manager, employee, activity):
    figures = _figures(_panel(service_manager, "Your service at a glance"))

    people = service_manager.__class__.objects.active().managed_by(service_manager).count()
    assert figures["Your people who have acknowledged the policy"]["value"] == f"1 of {people}"
    assert figures["Account requests waiting for you"]["value"] == "0"


def test_the_dpo_sees_open_breaches_and_the_ico_clock(dpo, activity):
    figures = _figures(_panel(dpo, "Incidents you handle"))

    assert figures["Personal data breach"]["value"] == "1 open"
    assert figures["ICO clocks running"]["value"] == "1"
    assert "hours left" in figures["ICO clocks running"]["hint"]


def test_the_monitoring_officer_sees_the_kinds_they_handle(monitoring_officer, activity):
    labels = set(_figures(_panel(monitoring_officer, "Incidents you handle")))

    assert "Councillor conduct" in labels
    assert "Personal data breach" not in labels


# The worker commits as it goes, so the test does too (PostgreSQL closes a connection it holds open).
@pytest.mark.django_db(transaction=True)
def test_admins_see_the_queue_failures_and_the_audit_trails_last_check(system_admin, comms_officer):
    figures = _figures(_panel(system_admin, "Herald's health"))
    assert figures["Audit trail"]["value"] == "Not checked yet"

    verify_audit_chain.enqueue()
    figures = _figures(_panel(system_admin, "Herald's health"))
    assert figures["Tasks waiting to run"]["value"] == "1"

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    assert DBTaskResult.objects.successful().count() == 1
    figures = _figures(_panel(system_admin, "Herald's health"))
    assert figures["Audit trail"]["value"] == "Intact"
    assert figures["Tasks waiting to run"]["value"] == "0"
    # the time of the check is UK time: 23:30 UTC on 31 May is 00:30 BST on 1 June
    DBTaskResult.objects.update(finished_at=dt.datetime(2026, 5, 31, 23, 30, tzinfo=dt.UTC))
    figures = _figures(_panel(system_admin, "Herald's health"))
    assert figures["Audit trail"]["hint"].startswith("checked 1 June 2026, 12:30am")


def test_an_employee_has_no_area_dashboard(employee, activity):
    assert home.panels(_Request(employee)) == []
