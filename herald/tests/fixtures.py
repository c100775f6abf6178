"""The fixed cast of people every test can call on, named for the policy's people.

A pytest plugin, loaded by the root conftest.py whenever pytest-django is on (every run but the engine's
own, `make test-engine`, which runs herald/checks with `-p no:django`)."""

import pytest

from herald.people.models import Person
from herald.people.roles import Role
from testing.factories import CouncillorFactory, PersonFactory, ServiceAreaFactory, TeamFactory


@pytest.fixture(autouse=True)
def audit_checkpoints(settings, tmp_path):
    """Each test keeps its audit checkpoints apart, never in the developer's var/ directory."""
    settings.HERALD_AUDIT_CHECKPOINT_DIR = tmp_path / "audit-checkpoints"
    return settings.HERALD_AUDIT_CHECKPOINT_DIR


@pytest.fixture(autouse=True)
def empty_the_audit_trail_before_the_flush(request):
    """Tests that commit for real are emptied with DELETE on SQLite, which the audit trail's
    append-only triggers (and the moderation evidence's) rightly refuse. So, for the test database
    only, lift them, empty the tables and put them back before the runner flushes."""
    marker = request.node.get_closest_marker("django_db")
    committing = (marker is not None and marker.kwargs.get("transaction")) or {"live_server", "transactional_db"} & set(
        request.fixturenames
    )
    if not committing:
        yield
        return
    # Set up first, so the flush (its teardown) runs after ours.
    request.getfixturevalue("transactional_db")
    yield
    from herald.audit.tests.tampering import tamper

    tamper("DELETE FROM audit_auditevent", [])
    _empty_the_evidence()


def _empty_the_evidence() -> None:
    """Moderation evidence refuses DELETE before its retention ends (database triggers, as the audit
    trail's do): for the test database only, lift them, empty the table and put them back."""
    import importlib

    from django.db import connection

    triggers = importlib.import_module("herald.moderation.migrations.0005_evidence_is_permanent")
    create, drop = triggers.STATEMENTS[connection.vendor]
    with connection.cursor() as cursor:
        for statement in drop:
            cursor.execute(statement)
        cursor.execute("DELETE FROM moderation_evidence")
        for statement in create:
            cursor.execute(statement)


@pytest.fixture
def service_area(db):
    return ServiceAreaFactory(name="Community Services")


@pytest.fixture
def team(service_area):
    return TeamFactory(name="Cultural Services", service_area=service_area)


@pytest.fixture
def service_manager(team):
    return PersonFactory(
        team=team, job_title="Head of Community Services", roles=[Role.SERVICE_MANAGER], email="manager@council.example"
    )


@pytest.fixture
def employee(team, service_manager):
    return PersonFactory(
        team=team, service_manager=service_manager, line_manager=service_manager, email="employee@council.example"
    )


@pytest.fixture
def editor(team, service_manager):
    return PersonFactory(
        team=team,
        service_manager=service_manager,
        roles=[Role.EDITOR],
        is_trained_editor=True,
        email="editor@council.example",
    )


@pytest.fixture
def comms_officer(db):
    return PersonFactory(roles=[Role.COMMS], job_title="Communications Officer", email="comms@council.example")


@pytest.fixture
def hr_officer(db):
    return PersonFactory(roles=[Role.HR], job_title="HR Advisor", email="hr@council.example")


@pytest.fixture
def ict_officer(db):
    return PersonFactory(roles=[Role.ICT], job_title="ICT Security Officer", email="ict@council.example")


@pytest.fixture
def dpo(db):
    return PersonFactory(roles=[Role.INFO_GOV], job_title="Data Protection Officer", email="dpo@council.example")


@pytest.fixture
def monitoring_officer(db):
    return PersonFactory(
        roles=[Role.MONITORING_OFFICER], job_title="Monitoring Officer", email="monitoring@council.example"
    )


@pytest.fixture
def safeguarding_lead(db):
    return PersonFactory(
        roles=[Role.SAFEGUARDING], job_title="Designated Safeguarding Lead", email="safeguarding.lead@council.example"
    )


@pytest.fixture
def system_admin(db):
    return PersonFactory(roles=[Role.ADMIN], job_title="Systems Administrator", email="admin@council.example")


@pytest.fixture
def councillor(db):
    return CouncillorFactory(email="councillor@council.example")


@pytest.fixture
def restricted_post_holder(team, service_manager):
    return PersonFactory(
        team=team,
        service_manager=service_manager,
        political_restriction=Person.Restriction.SENSITIVE,
        email="restricted@council.example",
    )


@pytest.fixture
def cast(
    employee,
    councillor,
    editor,
    service_manager,
    comms_officer,
    hr_officer,
    ict_officer,
    dpo,
    monitoring_officer,
    safeguarding_lead,
    system_admin,
):
    """One person per role, keyed by role."""
    return {
        Role.EMPLOYEE: employee,
        Role.COUNCILLOR: councillor,
        Role.EDITOR: editor,
        Role.SERVICE_MANAGER: service_manager,
        Role.COMMS: comms_officer,
        Role.HR: hr_officer,
        Role.ICT: ict_officer,
        Role.INFO_GOV: dpo,
        Role.MONITORING_OFFICER: monitoring_officer,
        Role.SAFEGUARDING: safeguarding_lead,
        Role.ADMIN: system_admin,
    }


@pytest.fixture(autouse=True)
def privileged_people_show_their_second_factor(monkeypatch):
    """Roles that need two-factor sign-in stay held back in tests too: a privileged test person signed
    in with force_login then enters their authenticator code on the real page, as they would."""
    from django.test import Client

    from testing.signin import show_second_factor

    force_login = Client.force_login

    def force_login_with_second_factor(self, user, backend=None):
        force_login(self, user, backend)
        show_second_factor(self, user)

    monkeypatch.setattr(Client, "force_login", force_login_with_second_factor)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Tests create many people; a deliberately slow hasher would only slow the suite down.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache():
    # The live check counts each person's checks in the cache; one test's count must not reach the next.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
