"""A backup holds the whole of Herald — database and uploaded media — and restoring it brings Herald
back exactly, with an audit trail that still proves itself."""

import datetime as dt
import hashlib
import io
import json
import shutil
import sqlite3
import stat
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from herald.audit.models import AuditEvent
from herald.audit.tasks import verify_audit_chain
from herald.consents import services as consents
from herald.consents.models import ConsentRecord, MediaAsset
from herald.consents.services import AssetDetails, ConsentDetails
from herald.consents.tests.factories import jpeg_bytes
from herald.people.models import Person
from herald.posts import services as posts
from herald.posts.models import Post
from herald.posts.tests.factories import in_hours
from herald.social_accounts.models import Platform
from herald.social_accounts.tests.factories import AccountFactory

ENGINE = settings.DATABASES["default"]["ENGINE"]
on_sqlite = pytest.mark.skipif("sqlite" not in ENGINE, reason="runs under `make test` (SQLite)")
on_postgresql = pytest.mark.skipif("postgresql" not in ENGINE, reason="runs under `make test-postgres`")

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def council(editor, comms_officer):
    """A resident's consent, a photo of them in the media library and a post using it."""
    request = consents.create_consent_request(
        by=comms_officer,
        event_name="Bosworth Medieval Festival",
        event_date=dt.date(2026, 8, 15),
        location="Bosworth Battlefield",
        purposes=["promotion"],
        channels=["website", "facebook"],
    )
    record = consents.give_consent(
        request,
        ConsentDetails(
            subject_name="Asha Patel",
            age_band="adult",
            given_by="self",
            channels=["website", "facebook"],
            purposes=["promotion"],
            name_may_be_published=False,
            email="asha@example.org",
        ),
    )
    photo = consents.upload_media(
        jpeg_bytes(colour=(10, 120, 200)),
        filename="IMG_0042.JPG",
        by=comms_officer,
        details=AssetDetails(title="Archery display", alt_text="An archer in costume draws a bow", source="own"),
    )
    consents.add_appearance(photo, by=comms_officer, record=record)
    account = AccountFactory(platform=Platform.FACEBOOK, editors=[editor])
    [post] = posts.write_post(
        accounts=[account],
        texts={"facebook": "Archery at the festival this Saturday."},
        scheduled_for=in_hours(48),
        media=[photo],
        by=editor,
    )
    return {"record": record, "photo": photo, "post": post, "editor": editor}


def _verify_audit() -> str:
    out = io.StringIO()
    call_command("verify_audit", stdout=out)
    return out.getvalue()


def _restore(archive: Path, *args: str) -> str:
    out = io.StringIO()
    call_command("restore", str(archive), "--no-input", *args, stdout=out)
    return out.getvalue()


def _round_trip(council, media_root: Path, tmp_path: Path) -> None:
    # given a working council, backed up
    record, photo, editor = council["record"], council["photo"], council["editor"]
    photo_bytes = Path(photo.file.path).read_bytes()
    events = AuditEvent.objects.count()
    archive = tmp_path / "nightly.tar.gz"
    call_command("backup", "--output", str(archive), stdout=io.StringIO())
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600, "the backup holds personal data: owner-only"

    # when the data is damaged and the uploads are lost after the backup was taken
    Person.objects.filter(pk=editor.pk).update(first_name="Changed")
    ConsentRecord.objects.filter(pk=record.pk).update(subject_name="Someone else")
    posts.write_post(
        accounts=[council["post"].account],
        texts={"facebook": "A later post, not in the backup."},
        scheduled_for=in_hours(72),
        by=editor,
    )
    shutil.rmtree(media_root)
    (media_root / "stray").mkdir(parents=True)
    (media_root / "stray" / "not-in-backup.jpg").write_bytes(b"later upload")
    call_command("checkpoint_audit", stdout=io.StringIO())  # the hourly checkpoint runs past the backup

    # and the backup is restored
    output = _restore(archive, "--force")

    # then the records, the photo file and the audit chain are as they were when the backup was made
    assert "Audit chain intact" in output
    assert "audit checkpoints written after this backup was taken aside" in output, "a newer checkpoint is explained"
    assert Person.objects.get(pk=editor.pk).first_name == editor.first_name
    assert ConsentRecord.objects.get(pk=record.pk).subject_name == "Asha Patel"
    assert list(Post.objects.values_list("text", flat=True)) == ["Archery at the festival this Saturday."]
    restored = MediaAsset.objects.get(pk=photo.pk)
    assert Path(restored.file.path).read_bytes() == photo_bytes
    assert Path(restored.thumbnail.path).is_file()
    assert not (media_root / "stray").exists(), "files uploaded after the backup are gone, as in the database"
    # (and one more event: the restore moved the newer checkpoint aside, and says so)
    assert AuditEvent.objects.count() == events + 1
    assert AuditEvent.objects.latest("id").action == "audit.checkpoints_archived"
    out = io.StringIO()
    call_command("verify_audit", "--without-checkpoints", stdout=out)
    assert f"Audit chain intact: {events + 1} events verified" in out.getvalue()


def test_after_restoring_an_older_backup_the_nightly_check_holds_and_the_later_checkpoints_are_kept_aside(
    council, system_admin, audit_checkpoints, tmp_path, mailoutbox
):
    # given an hourly checkpoint, then the nightly backup
    call_command("checkpoint_audit", stdout=io.StringIO())
    archive = tmp_path / "nightly.tar.gz"
    call_command("backup", "--output", str(archive), stdout=io.StringIO())
    in_backup = AuditEvent.objects.latest("id").id
    # and a day's work after it, with its checkpoints
    for text in ("A later post.", "Another later post."):
        posts.write_post(
            accounts=[council["post"].account],
            texts={"facebook": text},
            scheduled_for=in_hours(72),
            by=council["editor"],
        )
        call_command("checkpoint_audit", stdout=io.StringIO())
    written = (audit_checkpoints / "checkpoints.jsonl").read_text().splitlines()

    # when the older backup is restored
    output = _restore(archive, "--force")

    # then the two checkpoints written after it are moved aside, as written, and the restore says where
    [kept_aside] = (audit_checkpoints / "archived").glob("restore-*.jsonl")
    assert kept_aside.read_text().splitlines() == written[1:]
    assert (audit_checkpoints / "checkpoints.jsonl").read_text().splitlines() == written[:1]
    assert f"Moved 2 audit checkpoints written after this backup was taken aside to {kept_aside}" in output
    assert "matching 1 checkpoints" in output
    # and the move is in the audit trail
    moved = AuditEvent.objects.get(action="audit.checkpoints_archived")
    assert moved.id > in_backup and moved.after["moved"] == 2 and moved.after["archive"] == str(kept_aside)

    # when the nightly check runs, after a new day's work and its checkpoint
    posts.write_post(
        accounts=[council["post"].account],
        texts={"facebook": "After the restore."},
        scheduled_for=in_hours(72),
        by=council["editor"],
    )
    call_command("checkpoint_audit", stdout=io.StringIO())
    nightly = verify_audit_chain.call()

    # then the trail proves itself against the checkpoints that cover it, and no one is told it was tampered with
    assert nightly["ok"], nightly["problem"]
    assert not [message for message in mailoutbox if "tampered" in message.subject]
    assert "matching 2 checkpoints" in _verify_audit()


def _cut_the_newest_events(folder: Path, manifest: dict, keep: int) -> None:
    """Cut a SQLite backup's audit trail after event `keep`, its head made to agree, and the manifest's
    checksum and count with it: a backup doctored to hide the newest events."""
    dump = folder / "database.sqlite3"
    database = sqlite3.connect(dump)
    try:
        [trigger] = database.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_auditevent_no_delete'"
        )
        database.execute(f"DROP TRIGGER {trigger[0]}")
        database.execute("DELETE FROM audit_auditevent WHERE id > ?", (keep,))
        database.execute(trigger[1])
        count, last_hash = database.execute(
            "SELECT COUNT(*), (SELECT hash FROM audit_auditevent ORDER BY id DESC LIMIT 1) FROM audit_auditevent"
        ).fetchone()
        database.execute("UPDATE audit_audithead SET count = ?, last_hash = ?", (count, last_hash))
        database.commit()
    finally:
        database.close()
    manifest["files"]["database.sqlite3"] = hashlib.sha256(dump.read_bytes()).hexdigest()
    manifest["audit_events"] = count


@on_sqlite
def test_a_backup_whose_newest_events_were_cut_off_fails_the_restore_and_no_checkpoint_is_moved_aside(
    council, audit_checkpoints, tmp_path
):
    # given an hourly checkpoint that saw the newest event, then the nightly backup
    call_command("checkpoint_audit", stdout=io.StringIO())
    newest = AuditEvent.objects.latest("id").id
    written = (audit_checkpoints / "checkpoints.jsonl").read_text()
    archive = tmp_path / "nightly.tar.gz"
    call_command("backup", "--output", str(archive), stdout=io.StringIO())
    # and the backup's trail cut short, so it ends before the event the checkpoint saw
    doctored = _rewrite(
        archive, tmp_path, lambda folder, manifest: _cut_the_newest_events(folder, manifest, newest - 2)
    )

    # when it is restored
    with pytest.raises(CommandError) as failure:
        _restore(doctored, "--force")

    # then the restore fails loudly, naming the missing events, and the checkpoint that proves it stays
    assert "MISSING AUDIT EVENTS" in str(failure.value)
    assert f"it ends at event {newest - 2}" in str(failure.value)
    assert f"names event {newest}" in str(failure.value)
    assert (audit_checkpoints / "checkpoints.jsonl").read_text() == written
    assert not (audit_checkpoints / "archived").exists()
    assert not AuditEvent.objects.filter(action="audit.checkpoints_archived").exists()
    # and the nightly check still says the trail was cut
    assert not verify_audit_chain.call()["ok"]


@on_sqlite
def test_a_sqlite_backup_restores_the_database_the_photos_and_a_provable_audit_trail(council, media_root, tmp_path):
    _round_trip(council, media_root, tmp_path)


@on_postgresql
def test_a_postgresql_backup_restores_the_database_the_photos_and_a_provable_audit_trail(council, media_root, tmp_path):
    _round_trip(council, media_root, tmp_path)


def test_restore_refuses_to_overwrite_a_database_that_holds_people_without_force(council, tmp_path):
    archive = tmp_path / "b.tar.gz"
    call_command("backup", "--output", str(archive), stdout=io.StringIO())
    Person.objects.filter(pk=council["editor"].pk).update(first_name="Kept")
    with pytest.raises(CommandError, match="already holds people .* --force"):
        _restore(archive)
    assert Person.objects.get(pk=council["editor"].pk).first_name == "Kept"


def test_at_the_prompt_anything_but_yes_cancels_the_restore(backup_then_changed, council, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="cancelled; nothing was changed"):
        call_command("restore", str(backup_then_changed), stdout=io.StringIO())
    assert _nothing_was_restored(council)


def _rewrite(archive: Path, tmp_path: Path, change) -> Path:
    """Unpack a backup, let `change` edit its files and manifest, and pack it again."""
    folder = tmp_path / "unpacked"
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    manifest = json.loads((folder / "manifest.json").read_text())
    change(folder, manifest)
    (folder / "manifest.json").write_text(json.dumps(manifest))
    doctored = tmp_path / "doctored.tar.gz"
    with tarfile.open(doctored, "w:gz") as tar:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                tar.add(path, arcname=path.relative_to(folder).as_posix())
    return doctored


@pytest.fixture
def backup_then_changed(council, tmp_path):
    archive = tmp_path / "b.tar.gz"
    call_command("backup", "--output", str(archive), stdout=io.StringIO())
    Person.objects.filter(pk=council["editor"].pk).update(first_name="Kept")
    return archive


def _nothing_was_restored(council) -> bool:
    return Person.objects.get(pk=council["editor"].pk).first_name == "Kept"


def test_a_backup_whose_photo_was_altered_is_refused_before_anything_changes(backup_then_changed, council, tmp_path):
    def swap_a_photo(folder, manifest):
        photo = next(name for name in manifest["files"] if name.startswith("media/consents/media/"))
        (folder / photo).write_bytes(jpeg_bytes(colour=(0, 0, 0)))

    doctored = _rewrite(backup_then_changed, tmp_path, swap_a_photo)
    with pytest.raises(CommandError, match="does not match its checksum"):
        _restore(doctored, "--force")
    assert _nothing_was_restored(council)


def test_a_backup_of_the_other_database_engine_is_refused_with_a_clear_message(backup_then_changed, council, tmp_path):
    here, other = ("sqlite", "postgresql") if connection.vendor == "sqlite" else ("postgresql", "sqlite")
    names = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}

    def pretend_other_engine(folder, manifest):
        (folder / names[here]).rename(folder / names[other])
        manifest["files"][names[other]] = manifest["files"].pop(names[here])
        manifest["engine"] = other

    doctored = _rewrite(backup_then_changed, tmp_path, pretend_other_engine)
    with pytest.raises(CommandError, match="is of a .* database, but Herald is configured for"):
        _restore(doctored, "--force")
    assert _nothing_was_restored(council)


def test_a_backup_from_a_newer_herald_is_refused(backup_then_changed, council, tmp_path):
    doctored = _rewrite(
        backup_then_changed,
        tmp_path,
        lambda folder, manifest: manifest["migrations"].append("people.9999_from_the_future"),
    )
    with pytest.raises(CommandError, match="made by a newer Herald"):
        _restore(doctored, "--force")
    assert _nothing_was_restored(council)


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "There is no backup file"),
        (b"this is not an archive", "not a Herald backup"),
    ],
)
def test_a_missing_or_unreadable_backup_file_gives_a_clear_error(tmp_path, content, message):
    path = tmp_path / "backup.tar.gz"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        _restore(path, "--force")


def test_a_truncated_backup_gives_a_clear_error(backup_then_changed, council, tmp_path):
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(backup_then_changed.read_bytes()[:2000])
    with pytest.raises(CommandError, match="damaged|not a Herald backup"):
        _restore(truncated, "--force")
    assert _nothing_was_restored(council)


def test_backup_will_not_overwrite_an_existing_file(tmp_path):
    existing = tmp_path / "b.tar.gz"
    existing.write_bytes(b"yesterday's backup")
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", "--output", str(existing))
    assert existing.read_bytes() == b"yesterday's backup"


def test_a_backup_whose_manifest_does_not_say_when_it_was_made_is_restored_with_the_friendly_message(
    backup_then_changed, council, tmp_path
):
    doctored = _rewrite(backup_then_changed, tmp_path, lambda folder, manifest: manifest.pop("created_at"))
    with pytest.raises(CommandError, match="the backup does not say when it was made"):
        _restore(doctored, "--force")
    assert not _nothing_was_restored(council)
