"""The JSON ingest API, checked against its own OpenAPI schema on real requests."""

import datetime as dt
import json

import pytest
from django.urls import reverse
from openapi_core import OpenAPI
from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse

from herald.audit.models import AuditEvent
from herald.errors import Refused
from herald.moderation import services
from herald.moderation.models import Comment, CommentPayload, IngestToken
from herald.social_accounts import services as account_services
from testing.factories import AccountFactory

pytestmark = pytest.mark.django_db
URL = "/inbox/api/v1/comments"


@pytest.fixture
def account():
    return AccountFactory(platform="nextdoor", display_name="HBBC on Nextdoor")


@pytest.fixture
def token(account, comms_officer):
    _, secret = services.issue_token(account, by=comms_officer, name="Nextdoor export script")
    return secret


@pytest.fixture
def spec(client):
    return OpenAPI.from_dict(client.get(reverse("moderation:api_schema")).json())


def send(client, spec, body, *, token=None, content_type="application/json", raw=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    data = raw if raw is not None else json.dumps(body)
    response = client.post(URL, data, content_type=content_type, headers=headers)
    # Every answer, good or bad, is one the schema documents; a good request is one it describes.
    if response.status_code in (200, 201) and not response.json()["rejected"]:
        spec.validate_request(DjangoOpenAPIRequest(response.wsgi_request))
    spec.validate_response(DjangoOpenAPIRequest(response.wsgi_request), DjangoOpenAPIResponse(response))
    return response


def item(n=1, **changes):
    body = {
        "id": f"nd-{n}",
        "text": "When will the Burbage Common car park reopen?",
        "posted_at": "2026-12-05T14:30:00Z",
        "kind": "comment",
        "author": {"id": "nd-user-9", "handle": "sarahw", "name": "Sarah W", "url": "https://nextdoor.example/p/9"},
        "permalink": f"https://nextdoor.example/p/{n}",
    }
    body.update(changes)
    return body


def test_the_schema_is_a_valid_openapi_3_document(spec):
    assert spec.spec["openapi"].startswith("3.")


def test_a_valid_batch_is_stored_and_a_second_sending_counts_duplicates(client, spec, token, account):
    body = {"comments": [item(1), item(2)]}

    first = send(client, spec, body, token=token)
    second = send(client, spec, body, token=token)

    assert first.status_code == 201 and first.json()["created"] == 2
    assert second.status_code == 200 and second.json()["duplicates"] == 2
    stored = Comment.objects.get(platform_id="nd-1")
    assert (stored.account, stored.source, stored.author.handle) == (account, "api", "sarahw")


def test_without_a_token_the_answer_is_401_with_the_reason(client, spec):
    response = send(client, spec, {"comments": [item()]})

    assert response.status_code == 401
    assert "Bearer" in response.json()["error"]
    assert not Comment.objects.exists()


def test_a_revoked_token_no_longer_works(client, spec, token, comms_officer):
    services.revoke_token(IngestToken.objects.get(), by=comms_officer)

    response = send(client, spec, {"comments": [item()]}, token=token)

    assert response.status_code == 401
    assert "revoked" in response.json()["error"]


def test_a_body_that_is_not_json_is_a_400_never_a_500(client, spec, token):
    response = send(client, spec, None, token=token, raw="{not json")

    assert response.status_code == 400
    assert "not valid JSON" in response.json()["error"]


def test_a_body_sent_as_a_form_is_a_415(client, spec, token):
    response = client.post(URL, {"comments": "x"}, headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 415


def test_bad_items_are_rejected_by_position_and_good_ones_stored(client, spec, token):
    body = {"comments": [item(1), item(2, posted_at="5 December"), item(3, kind="tweet", text="")]}

    response = send(client, spec, body, token=token)

    assert response.status_code == 201
    result = response.json()
    assert result["created"] == 1
    assert [r["index"] for r in result["rejected"]] == [1, 2]
    assert "RFC 3339" in result["rejected"][0]["reason"]
    assert "kind must be one of" in result["rejected"][1]["reason"]


def test_a_batch_where_nothing_can_be_stored_is_a_422(client, spec, token):
    response = send(client, spec, {"comments": [item(1, posted_at="2026-12-05T14:30:00")]}, token=token)

    assert response.status_code == 422
    assert "UTC offset" in response.json()["rejected"][0]["reason"]


@pytest.mark.parametrize("body", [[], {"comments": "x"}, {"comment": []}, "text"])
def test_a_body_of_the_wrong_shape_is_a_400(client, spec, token, body):
    assert send(client, spec, body, token=token).status_code == 400


def test_an_empty_list_is_a_422(client, spec, token):
    assert send(client, spec, {"comments": []}, token=token).status_code == 422


def test_too_many_comments_is_a_413(client, spec, token):
    assert send(client, spec, {"comments": [item(n) for n in range(1001)]}, token=token).status_code == 413


def test_only_a_hash_of_the_token_is_kept_and_issuing_is_audited(token):
    record = IngestToken.objects.get()

    assert token not in (record.token_hash, record.prefix)
    assert token.startswith(record.prefix)
    assert AuditEvent.objects.filter(action="moderation.token_issued").count() == 1


def test_editors_cannot_issue_tokens(account, editor):
    with pytest.raises(Refused, match="communications team"):
        services.issue_token(account, by=editor, name="Mine")


def test_the_tokens_page_shows_a_new_token_once(client, comms_officer, account):
    client.force_login(comms_officer)

    page = client.post(reverse("moderation:tokens"), {"account": account.pk, "name": "Contact centre"})
    again = client.get(reverse("moderation:tokens"))

    shown = page.content.decode()
    assert "Copy it now" in shown
    secret = shown.split('id="issued-token">')[1].split("<")[0]
    assert services.token_for(secret) is not None
    assert secret not in again.content.decode()


def test_the_object_posted_is_the_raw_payload_in_the_evidence_kept_before_a_hide(client, spec, token, editor):
    import subprocess
    import tempfile

    from herald.moderation.services import evidence

    posted = item(7, text="You lot are useless idiots and I will hurt you", raw={"nextdoor_reactions": 12})
    send(client, spec, {"comments": [posted]}, token=token)
    found = Comment.objects.get(platform_id="nd-7")

    kept = evidence.hide_comment(found, by=editor, reason="threat")

    assert kept.raw_payload == {"source": "api", "payload": {"api": posted}}
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(bytes(kept.pdf))
        pdf.flush()
        text = subprocess.run(["pdftotext", pdf.name, "-"], capture_output=True, text=True, check=True).stdout
    assert "nextdoor_reactions" in text
    assert evidence.is_intact(kept)


@pytest.mark.parametrize(
    "posted_at", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00Z"]
)
def test_a_time_outside_the_calendar_the_database_keeps_is_rejected_with_the_reason(client, spec, token, posted_at):
    response = send(client, spec, {"comments": [item(1, posted_at=posted_at)]}, token=token)

    assert response.status_code == 422
    assert "posted_at" in response.json()["rejected"][0]["reason"]
    assert not Comment.objects.exists()


def test_a_nul_character_in_a_comment_is_kept_as_a_replacement_character_never_a_500(client, spec, token):
    # PostgreSQL cannot keep U+0000 in text or in JSON: a comment carrying one must still arrive whole.
    author = {"id": "nd-user-\u0000", "handle": "sarah\u0000w", "name": "Sarah\u0000W"}
    body = {"comments": [item(1, text="Bins\u0000 not collected", author=author, raw={"note\u0000": "a\u0000b"})]}

    response = send(client, spec, body, token=token)

    assert response.status_code == 201
    stored = Comment.objects.select_related("author").get()
    assert stored.text == "Bins\ufffd not collected"
    assert (stored.author.handle, stored.author.display_name) == ("sarah\ufffdw", "Sarah\ufffdW")
    assert CommentPayload.objects.get().raw["api"]["raw"] == {"note\ufffd": "a\ufffdb"}


def test_a_token_stops_working_when_its_account_is_closed(client, spec, token, account, comms_officer):
    # given the account is closed the way the register closes it
    account_services.start_closing(
        account, by=comms_officer, reason="Merged into the main page", final_post_on=dt.date(2026, 12, 1),
        handover_notes="",
    )  # fmt: skip
    account_services.close_account(account, by=comms_officer, final_post_url="https://nextdoor.example/p/final")

    # when the export script that used it sends another comment
    response = send(client, spec, {"comments": [item()]}, token=token)

    # then it is refused with the reason and nothing is stored
    assert response.status_code == 403
    assert "closed" in response.json()["error"]
    assert not Comment.objects.exists()


def test_a_full_batch_up_to_the_documented_size_is_stored(client, spec, token, settings):
    # given a batch under the API's documented 5 MB but over the site's limit for form posts
    body = {"comments": [item(n, text=f"Comment {n}: " + "the bins were missed again " * 60) for n in range(1, 1001)]}
    size = len(json.dumps(body).encode())
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE < size < 5 * 1024 * 1024

    response = send(client, spec, body, token=token)

    assert response.status_code == 201
    assert response.json()["created"] == 1000


def test_a_body_over_the_documented_size_is_a_413_with_the_reason(client, spec, token):
    body = {"comments": [item(1, text="x" * 20_000)] * 300}

    # (posted directly: the schema check would read the whole body again, which the API never did)
    response = client.post(URL, json.dumps(body), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")

    assert response.status_code == 413
    assert "5 MB" in response.json()["error"]
    assert not Comment.objects.exists()
