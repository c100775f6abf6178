import hashlib
import io
import json
import zipfile

import pytest

from herald.audit.models import AuditEvent
from herald.errors import Refused
from herald.moderation import services
from herald.moderation.models import AuthorSanction, Comment, CouncillorAbuseCase, CouncillorHandle
from herald.moderation.services import cases
from testing.factories import AccountFactory, CouncillorFactory, comment


@pytest.fixture
def account(db):
    return AccountFactory()


@pytest.fixture
def bray(db):
    return CouncillorFactory(first_name="Stuart", last_name="Bray", email="stuart.bray@council.example")


def test_abuse_naming_a_councillor_opens_a_case_and_tells_the_team_and_the_councillor(
    account, bray, monitoring_officer, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        found = comment(account, "Cllr Stuart Bray you are a useless idiot, I will hurt you")

    case = CouncillorAbuseCase.objects.get()
    assert case.councillor == bray
    assert list(case.comments.all()) == [found]
    found.refresh_from_db()
    assert found.status == Comment.Status.ESCALATED
    told = {m.subject: m for m in mailoutbox}
    assert told[f"New councillor-abuse case: {bray.full_name}"].to == [monitoring_officer.email]
    to_councillor = told["A comment aimed at you on the council's social media"]
    assert to_councillor.to == [bray.email]
    assert "call 999" in to_councillor.body


def test_a_second_abusive_comment_joins_the_open_case(account, bray):
    comment(account, "Stuart Bray is a disgrace and a moron")
    comment(account, "Cllr Stuart Bray, you are scum")
    case = CouncillorAbuseCase.objects.get()
    assert case.comments.count() == 2


def test_a_councillor_named_politely_or_abuse_naming_nobody_opens_no_case(account, bray):
    comment(account, "Thank you Cllr Stuart Bray for opening the park")
    comment(account, "You are a useless idiot, I will hurt you")
    assert not CouncillorAbuseCase.objects.exists()


def test_abuse_worded_like_minutes_still_opens_a_case(account, bray):
    # the engine reads "declared an interest" as the shape of committee minutes and names Cllr Bray with
    # its "councillor-in-minutes" advice, not "councillor-named": a threat is a threat all the same
    comment(account, "Cllr Stuart Bray declared an interest, the corrupt moron deserves to be hanged")
    assert CouncillorAbuseCase.objects.get().councillor == bray


def test_a_councillors_handle_reaches_them(account, bray):
    CouncillorHandle.objects.create(councillor=bray, handle="StuartBrayLD")
    comment(account, "@stuartbrayld you are a useless idiot")
    assert CouncillorAbuseCase.objects.get().councillor == bray


def test_the_evidence_pack_holds_snapshots_pdfs_and_a_hash_manifest(account, bray, monitoring_officer, editor):
    hidden = comment(account, "Cllr Stuart Bray you are a useless idiot, I will hurt you")
    services.hide_comment(hidden, by=editor, reason="threat")
    still_up = comment(account, "Stuart Bray is a disgrace and a moron")
    case = CouncillorAbuseCase.objects.get()

    data = services.evidence_pack(case, by=monitoring_officer)

    archive = zipfile.ZipFile(io.BytesIO(data))
    names = set(archive.namelist())
    kept = hidden.evidence.get()
    assert f"comment-{hidden.pk}/evidence-{kept.pk}.pdf" in names
    assert f"comment-{still_up.pk}/snapshot.pdf" in names
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["councillor"] == bray.full_name
    for entry in manifest["files"]:
        assert hashlib.sha256(archive.read(entry["file"])).hexdigest() == entry["sha256"]
    record = json.loads(archive.read(f"comment-{hidden.pk}/evidence-{kept.pk}.json"))
    assert record["sha256"] == kept.sha256
    event = AuditEvent.objects.filter(action="moderation.evidence_pack_exported").latest("pk")
    assert event.after["manifest_sha256"] == hashlib.sha256(archive.read("manifest.json")).hexdigest()


def test_closing_a_case_needs_an_outcome(account, bray, monitoring_officer):
    comment(account, "Stuart Bray is a disgrace and a moron")
    case = CouncillorAbuseCase.objects.get()
    with pytest.raises(Refused, match="Enter what was done"):
        services.close_case(case, by=monitoring_officer, outcome="")
    services.close_case(case, by=monitoring_officer, outcome="Reported to police", police_reference="LP-123")
    comment(account, "Cllr Stuart Bray, you are scum")
    assert CouncillorAbuseCase.objects.open().get().pk != case.pk


def test_two_abusive_comments_from_one_author_are_a_pattern_across_accounts(account, editor):
    first = comment(account, "You are a useless idiot")
    assert not cases.is_harassment_pattern(first.author)
    comment(AccountFactory(), "You are scum", author_platform_id=first.author.platform_user_id)
    assert cases.is_harassment_pattern(first.author)


def test_authors_get_warnings_strikes_and_blocks_which_can_be_lifted(account, editor):
    found = comment(account, "You are a useless idiot")
    author = found.author
    services.sanction_author(author, kind="warning", by=editor, reason="First abusive comment", comment=found)
    block = services.sanction_author(author, kind="block", by=editor, reason="Repeated abuse")
    with pytest.raises(Refused, match="already blocked"):
        services.sanction_author(author, kind="block", by=editor, reason="Again")
    services.lift_sanction(block, by=editor, reason="Apologised")
    assert [s.kind for s in author.sanctions.filter(lifted_at=None)] == [AuthorSanction.Kind.WARNING]
