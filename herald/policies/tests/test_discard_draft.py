"""Discarding a draft policy version: confirmed, audited, only by the people who edit drafts, and never
for a published version."""

import pytest
from django.test import Client
from django.urls import reverse

from herald.audit.models import AuditEvent
from herald.errors import Refused
from herald.people.roles import ALL_ROLES, Role
from herald.policies import services, views
from herald.policies.models import PolicyVersion

pytestmark = pytest.mark.django_db

REWORDED = ("Only open an account for the council", "Only ever open an account for the council")


@pytest.fixture
def document(policy_documents):
    return policy_documents["employee-policy"]


@pytest.fixture
def draft(document, comms_officer):
    body = document.published_version.body.replace(*REWORDED)
    return services.save_draft(document, body=body, change_summary="Clearer wording", by=comms_officer)


def discard_url(version):
    return reverse("policies:discard_draft", kwargs={"slug": version.document.slug, "number": version.number})


def test_the_draft_pages_offer_to_discard_it(client, comms_officer, document, draft):
    client.force_login(comms_officer)
    for page in ("policies:edit_draft", "policies:draft_changes"):
        body = client.get(reverse(page, kwargs={"slug": document.slug})).content.decode()
        assert f'href="{discard_url(draft)}"' in body and "Discard draft" in body


def test_discarding_asks_for_confirmation_with_a_warning(client, comms_officer, document, draft):
    client.force_login(comms_officer)
    response = client.get(discard_url(draft))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Discard draft version 2" in body and "Clearer wording" in body
    assert "govuk-warning-text" in body and "You cannot undo this" in body
    assert "Version 1, the published policy, does not change" in body
    assert 'method="post"' in body and 'name="csrfmiddlewaretoken"' in body
    assert PolicyVersion.objects.filter(pk=draft.pk).exists()


def test_discarding_a_draft_deletes_it_audits_it_and_leaves_the_published_version(
    client, comms_officer, document, draft
):
    published = document.published_version
    before = (published.body, published.status, published.published_at, published.number)
    client.force_login(comms_officer)
    # when the communications officer confirms
    response = client.post(discard_url(draft), follow=True)
    # then they are back on the policy with a success notification
    body = response.content.decode()
    assert response.redirect_chain == [(reverse("policies:document", kwargs={"slug": document.slug}), 302)]
    assert "govuk-notification-banner--success" in body and "Draft version 2 discarded" in body
    # the draft is gone and the published version is untouched
    assert not PolicyVersion.objects.filter(pk=draft.pk).exists()
    assert document.draft_version is None
    published.refresh_from_db()
    assert (published.body, published.status, published.published_at, published.number) == before
    assert REWORDED[0] in body
    # and the trail says who discarded what
    event = AuditEvent.objects.get(action="policy.draft_discarded")
    assert event.actor == comms_officer and event.object_id == str(draft.pk)
    assert REWORDED[1] in event.before["body"] and event.before["change_summary"] == "Clearer wording"
    # a new draft can be started afresh
    assert services.save_draft(document, body=published.body, change_summary="", by=comms_officer).number == 2


def test_an_administrator_may_discard_a_draft_too(client, system_admin, draft):
    client.force_login(system_admin)
    assert client.post(discard_url(draft)).status_code == 302
    assert not PolicyVersion.objects.filter(pk=draft.pk).exists()


def test_who_may_discard_is_who_may_edit_the_draft():
    assert views.discard_draft.herald_access == views.edit_draft.herald_access


def test_everyone_else_is_refused_and_the_draft_stays(client, cast, draft):
    for role in ALL_ROLES - {Role.COMMS, Role.ADMIN}:
        client.force_login(cast[role])
        assert client.get(discard_url(draft)).status_code == 403, role
        assert client.post(discard_url(draft)).status_code == 403, role
    assert PolicyVersion.objects.filter(pk=draft.pk, status="draft").exists()
    assert not AuditEvent.objects.filter(action="policy.draft_discarded").exists()


def test_discarding_needs_the_forms_csrf_token(comms_officer, draft):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(comms_officer)
    assert strict.post(discard_url(draft)).status_code == 403
    assert PolicyVersion.objects.filter(pk=draft.pk).exists()


def test_a_published_version_cannot_be_discarded_and_the_page_says_why(client, comms_officer, document, draft):
    published = document.published_version
    client.force_login(comms_officer)
    for response in (client.get(discard_url(published)), client.post(discard_url(published))):
        body = response.content.decode()
        assert response.status_code == 409
        assert "You cannot discard version 1" in body and "Published versions are kept for ever" in body
        assert 'name="csrfmiddlewaretoken"' not in body.split("<main", 1)[1]
    assert PolicyVersion.objects.filter(pk=published.pk, status="published").exists()
    assert not AuditEvent.objects.filter(action="policy.draft_discarded").exists()


def test_a_superseded_version_cannot_be_discarded_either(client, comms_officer, document, draft):
    old = document.published_version
    services.publish_version(draft, by=comms_officer)
    client.force_login(comms_officer)
    for version in (old, draft):
        version.refresh_from_db()
        response = client.post(discard_url(version))
        assert response.status_code == 409 and "cannot discard" in response.content.decode()
    assert PolicyVersion.objects.filter(document=document).count() == 2


def test_a_draft_published_after_the_confirmation_page_opened_is_not_discarded(comms_officer, document, draft, client):
    client.force_login(comms_officer)
    assert client.get(discard_url(draft)).status_code == 200
    services.publish_version(draft, by=comms_officer)
    response = client.post(discard_url(draft))
    assert response.status_code == 409 and "You cannot discard version 2" in response.content.decode()
    assert document.published_version == draft


def test_the_service_refuses_a_published_version_with_the_reason(comms_officer, document):
    with pytest.raises(Refused, match="cannot be discarded"):
        services.discard_draft(document.published_version, by=comms_officer)


def test_an_unknown_version_is_not_found(client, comms_officer, document):
    client.force_login(comms_officer)
    url = reverse("policies:discard_draft", kwargs={"slug": document.slug, "number": 99})
    assert client.get(url).status_code == 404
