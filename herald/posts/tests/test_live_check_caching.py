"""The live check keeps the councillor register, today's pre-election period and clause links for a
minute per process. A change saved in this process shows at once; a change made elsewhere (another
gunicorn worker, a bulk update) shows within CACHE_SECONDS. Saving and approving always ask afresh."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from herald import checking
from herald.elections.tests.factories import ElectionFactory
from herald.factories import CouncillorFactory
from herald.people import services as people
from herald.people.models import Person

pytestmark = pytest.mark.django_db

NAMED = "Stuart Bray opened the new play area today."
MANY = "Call 07700 900123 or email jo.bloggs@gmail.com #summerfestival #christmaslights"
FEW = "Join us at the #summerfestival"


def live(client, text: str) -> str:
    response = client.post(
        reverse("posts:check"), {"field": "text_facebook", "text_facebook": text}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    return response.content.decode()


def in_period():
    today = timezone.localdate()
    return ElectionFactory(poll_date=today + dt.timedelta(days=20), notice_published_on=today - dt.timedelta(days=5))


def test_a_councillor_imported_after_the_register_was_kept_is_recognised_at_once(client, editor, facebook):
    in_period()
    client.force_login(editor)
    assert "Stuart Bray, Liberal Democrat" not in live(client, NAMED)  # the (empty) register is now kept
    csv = (
        "first_name,last_name,email,ward,party,cabinet_portfolio,status,leaving_date\n"
        "Stuart,Bray,stuart.bray@council.example,Burbage,Liberal Democrat,,active,\n"
    )
    assert people.import_councillors(csv, by=None).created == 1
    body = live(client, NAMED)
    assert 'data-rule="councillor-named"' in body and "Stuart Bray, Liberal Democrat" in body


def test_a_councillor_added_without_signals_shows_within_a_minute(client, editor, facebook, monkeypatch):
    in_period()
    client.force_login(editor)
    live(client, NAMED)
    # bulk_create sends no signals: as if another worker process had imported the register
    Person.objects.bulk_create(
        [
            Person(
                kind=Person.Kind.COUNCILLOR,
                email="sb@council.example",
                first_name="Stuart",
                last_name="Bray",
                party="Liberal Democrat",
                ward="Burbage",
            )
        ]
    )
    assert "Stuart Bray, Liberal Democrat" not in live(client, NAMED)
    later = checking.time.monotonic() + checking.CACHE_SECONDS + 1
    monkeypatch.setattr(checking.time, "monotonic", lambda: later)
    assert "Stuart Bray, Liberal Democrat" in live(client, NAMED)


def test_the_register_recognises_a_councillor_by_bare_name_and_with_a_title(client, editor, facebook):
    in_period()
    CouncillorFactory(first_name="Stuart", last_name="Bray", ward="Burbage", party="Liberal Democrat")
    client.force_login(editor)
    for text in (NAMED, "Councillor Stuart Bray opened it.", "Cllr Bray opened it."):
        assert "Stuart Bray, Liberal Democrat" in live(client, text), text


def test_signing_in_does_not_throw_the_register_away(editor):
    CouncillorFactory(first_name="Stuart", last_name="Bray")
    register = checking.councillor_register()
    editor.last_login = timezone.now()
    editor.save(update_fields=["last_login"])
    assert checking.councillor_register() is register


def test_an_election_recorded_after_a_live_check_turns_on_pre_election_rules_at_once(client, editor, facebook):
    CouncillorFactory(first_name="Stuart", last_name="Bray", ward="Burbage", party="Liberal Democrat")
    client.force_login(editor)
    body = live(client, NAMED)
    assert "Pre-election rules" not in body and 'herald-finding--advice" data-rule="councillor-named"' in body
    in_period()
    body = live(client, NAMED)
    assert "Pre-election rules" in body and 'herald-finding--block" data-rule="councillor-named"' in body


def test_publishing_a_policy_forgets_the_clause_links():
    from herald.policies.models import PolicyDocument

    checking._cache["clause:personal-data"] = (checking.time.monotonic(), "/stale/")
    assert checking.clause_link("personal-data") == "/stale/"
    document = PolicyDocument.objects.first()
    document.save()
    assert checking.clause_link("personal-data") == "/policies/employee-policy/clauses/personal-data/"


def test_each_finding_costs_no_query(client, editor, facebook):
    """Clause links used to be looked up per finding (one query each) and the fragment ran the page's
    navigation and banner queries; now the count does not depend on the findings."""
    client.force_login(editor)
    live(client, MANY)  # keeps the register, today's period and these clauses' links
    with CaptureQueriesContext(connection) as few:
        few_body = live(client, FEW)
    with CaptureQueriesContext(connection) as many:
        many_body = live(client, MANY)
    assert many_body.count("herald-finding ") > few_body.count("herald-finding ") >= 1
    assert len(many.captured_queries) == len(few.captured_queries)
    tables = " ".join(q["sql"] for q in many.captured_queries)
    assert "policies_policyversion" not in tables and "elections_election" not in tables
    assert "posts_publishingpause" not in tables
