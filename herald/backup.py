"""Backing up and restoring Herald: the database and the uploaded media, in one archive.

A backup is one `.tar.gz` holding

    database.sqlite3 or database.pgdump   a consistent copy of the database
    media/...                             every file under MEDIA_ROOT
    manifest.json                         Herald's version, the database engine, when it was made,
                                          the migrations applied and the SHA-256 of every member

The database is copied as the database itself, never through `dumpdata`: a JSON dump rounds the
audit trail's timestamps, and the audit chain hashes them, so a JSON copy no longer proves itself.
SQLite is copied with its online backup API (consistent while Herald runs); PostgreSQL with
`pg_dump --format=custom`, restored with `pg_restore`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.metadata
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import tomllib
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from django.conf import settings
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"
DUMP_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
ENGINE_LABELS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup could not be made or restored; the message says why, in words for the operator."""


@dataclass
class RestoreReport:
    manifest: dict[str, Any]
    media_files: int
    unapplied_migrations: list[str] = field(default_factory=list)


def herald_version() -> str:
    try:
        return importlib.metadata.version("herald")
    except importlib.metadata.PackageNotFoundError:
        with open(Path(settings.BASE_DIR) / "pyproject.toml", "rb") as file:
            return tomllib.load(file)["project"]["version"]


def engine_of(using: str = "default") -> str:
    vendor = connections[using].vendor
    if vendor not in DUMP_NAMES:
        raise BackupError(f"Herald can back up SQLite and PostgreSQL databases, not {vendor}.")
    return vendor


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _pg_env(settings_dict: dict) -> dict[str, str]:
    """libpq reads these itself, so the password never appears on a command line or in `ps`."""
    env = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        # What settings leave out, libpq takes from the environment, just as Django's own connection does.
        if value := settings_dict.get(key):
            env[variable] = str(value)
    options = settings_dict.get("OPTIONS") or {}
    if options.get("sslmode"):
        env["PGSSLMODE"] = str(options["sslmode"])
    return env


def _run_pg_tool(args: list[str], settings_dict: dict) -> None:
    tool = args[0]
    if shutil.which(tool) is None:
        raise BackupError(f"{tool} was not found: install the PostgreSQL client tools (postgresql-client).")
    result = subprocess.run(args, env=_pg_env(settings_dict), capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{tool} failed: {result.stderr.strip() or result.stdout.strip()}")


# --- Making a backup -------------------------------------------------------------------------


def _copy_sqlite(using: str, target: Path) -> None:
    connection = connections[using]
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        # Page by page under a read lock: a consistent copy even while Herald is writing.
        connection.connection.backup(destination)
    except sqlite3.Error as error:
        raise BackupError(f"SQLite could not copy the database ({error}).")
    finally:
        destination.close()


def _sqlite_facts(path: Path) -> tuple[list[str], int]:
    database = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        migrations = [f"{app}.{name}" for app, name in database.execute("SELECT app, name FROM django_migrations")]
        try:
            events = database.execute("SELECT COUNT(*) FROM audit_auditevent").fetchone()[0]
        except sqlite3.OperationalError:
            events = 0
    except sqlite3.OperationalError:
        return [], 0
    finally:
        database.close()
    return sorted(migrations), events


def _live_facts(using: str) -> tuple[list[str], int]:
    from django.db.migrations.recorder import MigrationRecorder

    from herald.audit.models import AuditEvent

    migrations = sorted(f"{app}.{name}" for app, name in MigrationRecorder(connections[using]).applied_migrations())
    tables = connections[using].introspection.table_names()
    events = AuditEvent.objects.using(using).count() if AuditEvent._meta.db_table in tables else 0
    return migrations, events


def _media_files(root: Path) -> list[Path]:
    if not root.exists():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file() and not path.is_symlink())


def default_backup_name(now: dt.datetime | None = None) -> str:
    now = now or timezone.now()
    return f"herald-backup-{now.astimezone(dt.UTC):%Y%m%d-%H%M%SZ}.tar.gz"


def create_backup(output: Path, *, using: str = "default") -> dict[str, Any]:
    """Write one archive to `output` and return its manifest. The archive holds personal data, so it is
    readable by its owner only, and it appears under its final name only once it is complete."""
    engine = engine_of(using)
    settings_dict = connections[using].settings_dict
    media_root = Path(settings.MEDIA_ROOT)
    output = Path(output)
    if output.exists():
        raise BackupError(f"{output} already exists; choose another name.")
    if not output.parent.is_dir():
        raise BackupError(f"The folder {output.parent} does not exist.")
    created_at = timezone.now()
    with tempfile.TemporaryDirectory(prefix="herald-backup-") as staging:
        dump = Path(staging) / DUMP_NAMES[engine]
        # The database first: media uploaded meanwhile are merely extra files, never missing ones.
        if engine == "sqlite":
            _copy_sqlite(using, dump)
            migrations, events = _sqlite_facts(dump)
        else:
            migrations, events = _live_facts(using)
            _run_pg_tool(["pg_dump", "--format=custom", "--no-password", f"--file={dump}"], settings_dict)
        checksums: dict[str, str] = {}
        partial = output.with_name(f".{output.name}.partial")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
                checksums[DUMP_NAMES[engine]] = _add_hashed(archive, dump, DUMP_NAMES[engine])
                for path in _media_files(media_root):
                    member = f"{MEDIA}/{path.relative_to(media_root).as_posix()}"
                    try:
                        checksums[member] = _add_hashed(archive, path, member)
                    except FileNotFoundError:
                        continue  # erased while the backup ran
                manifest = {
                    "format": FORMAT,
                    "herald_version": herald_version(),
                    "engine": engine,
                    "created_at": created_at.isoformat(),
                    "migrations": migrations,
                    "audit_events": events,
                    "files": checksums,
                }
                body = json.dumps(manifest, indent=2, sort_keys=True).encode("utf-8")
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime, info.mode = len(body), int(created_at.timestamp()), 0o600
                archive.addfile(info, _BytesReader(body))
            os.replace(partial, output)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return manifest


class _BytesReader:
    def __init__(self, data: bytes):
        self.data, self.offset = data, 0

    def read(self, size: int = -1) -> bytes:
        end = len(self.data) if size < 0 else self.offset + size
        chunk, self.offset = self.data[self.offset : end], min(end, len(self.data))
        return chunk


class _HashingReader:
    def __init__(self, file):
        self.file, self.digest = file, hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        chunk = self.file.read(size)
        self.digest.update(chunk)
        return chunk


def _add_hashed(archive: tarfile.TarFile, path: Path, member: str) -> str:
    with open(path, "rb") as file:
        info = archive.gettarinfo(fileobj=file, arcname=member)
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        reader = _HashingReader(file)
        archive.addfile(info, reader)
    return reader.digest.hexdigest()


# --- Reading and checking a backup ------------------------------------------------------------


def _safe_member(name: str) -> bool:
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts


def open_backup(archive_path: Path, workdir: Path) -> dict[str, Any]:
    """Unpack the archive into `workdir` and prove every member against the manifest. Nothing outside
    `workdir` is touched, so a damaged or doctored backup is refused before anything changes."""
    archive_path = Path(archive_path)
    if not archive_path.is_file():
        raise BackupError(f"There is no backup file at {archive_path}.")
    try:
        with tarfile.open(archive_path, mode="r:*") as archive:
            members = archive.getmembers()
            for member in members:
                if not _safe_member(member.name) or not (member.isfile() or member.isdir()):
                    raise BackupError(
                        f"The backup holds an unexpected entry ({member.name!r}); it was not made by Herald."
                    )
            archive.extractall(workdir, members=members, filter="data")
    except tarfile.ReadError:
        raise BackupError(f"{archive_path} is not a Herald backup: it is not a .tar.gz archive, or it is damaged.")
    except (tarfile.TarError, EOFError, OSError, zlib.error) as error:
        raise BackupError(f"{archive_path} is damaged and cannot be read ({error}).")
    manifest_path = workdir / MANIFEST
    if not manifest_path.is_file():
        raise BackupError(f"{archive_path} has no manifest.json; it is incomplete or not a Herald backup.")
    try:
        manifest = json.loads(manifest_path.read_text("utf-8"))
        files = manifest["files"]
        engine = manifest["engine"]
        if manifest["format"] != FORMAT or engine not in DUMP_NAMES or not isinstance(files, dict):
            raise ValueError("unknown format")
    except (ValueError, KeyError, TypeError):
        raise BackupError(f"The manifest in {archive_path} is damaged or from an unknown version of Herald.")
    if DUMP_NAMES[engine] not in files:
        raise BackupError("The manifest does not list the database dump; the backup is incomplete.")
    for name, expected in files.items():
        path = workdir / name
        if not _safe_member(name) or not path.is_file():
            raise BackupError(f"The backup is missing {name}, which its manifest lists.")
        if _sha256(path) != expected:
            raise BackupError(f"{name} does not match its checksum in the manifest: the backup is damaged.")
    extra = sorted(
        path.relative_to(workdir).as_posix()
        for path in workdir.rglob("*")
        if path.is_file() and path.relative_to(workdir).as_posix() not in {*files, MANIFEST}
    )
    if extra:
        raise BackupError(f"The backup holds files its manifest does not list (e.g. {extra[0]}); it was altered.")
    return manifest


# --- Restoring --------------------------------------------------------------------------------


def database_has_data(using: str = "default") -> bool:
    """Whether restoring would overwrite real records: anyone in the directory, or any audit event."""
    from herald.audit.models import AuditEvent
    from herald.people.models import Person

    tables = set(connections[using].introspection.table_names())
    return any(model._meta.db_table in tables and model.objects.using(using).exists() for model in (Person, AuditEvent))


def migrations_unknown_here(manifest: dict[str, Any]) -> list[str]:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = {f"{app}.{name}" for app, name in loader.disk_migrations}
    return sorted(set(manifest.get("migrations", [])) - known)


def check_can_restore(manifest: dict[str, Any], *, using: str = "default") -> None:
    engine = engine_of(using)
    if manifest["engine"] != engine:
        raise BackupError(
            f"This backup is of a {ENGINE_LABELS[manifest['engine']]} database, but Herald is configured for "
            f"{ENGINE_LABELS[engine]}. Restore it into a {ENGINE_LABELS[manifest['engine']]} database "
            f"(set DATABASE_URL), then move the data across if you need to."
        )
    newer = migrations_unknown_here(manifest)
    if newer:
        raise BackupError(
            f"This backup was made by a newer Herald ({manifest.get('herald_version', 'unknown version')}): "
            f"its database has migrations this copy does not know ({', '.join(newer[:3])}). "
            f"Install that version of Herald before restoring."
        )


def _restore_sqlite(dump: Path, using: str) -> None:
    connection = connections[using]
    connection.close()
    connection.ensure_connection()
    source = sqlite3.connect(f"file:{dump}?mode=ro", uri=True)
    try:
        # Replaces the live database's pages in place, under its write lock.
        source.backup(connection.connection)
    except sqlite3.Error as error:
        raise BackupError(
            f"SQLite could not write the database ({error}); stop the web server and the task worker, then try again."
        )
    finally:
        source.close()
    connection.close()


def _restore_postgresql(dump: Path, using: str) -> None:
    connection = connections[using]
    settings_dict = connection.settings_dict
    connection.close()
    _run_pg_tool(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            "--no-password",
            f"--dbname={settings_dict['NAME']}",
            str(dump),
        ],
        settings_dict,
    )


def _restore_media(source: Path, media_root: Path) -> int:
    """Make MEDIA_ROOT hold exactly the backup's files. Its contents are replaced, not the folder
    itself, which may be a mount point."""
    media_root.mkdir(parents=True, exist_ok=True)
    for entry in media_root.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    count = 0
    if source.is_dir():
        for path in sorted(source.rglob("*")):
            target = media_root / path.relative_to(source)
            if path.is_dir():
                target.mkdir(parents=True, exist_ok=True)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
                count += 1
    return count


def restore_backup(workdir: Path, manifest: dict[str, Any], *, using: str = "default") -> RestoreReport:
    """Replace the database and the media with an opened, checked backup (see `open_backup`)."""
    check_can_restore(manifest, using=using)
    dump = workdir / DUMP_NAMES[manifest["engine"]]
    if manifest["engine"] == "sqlite":
        _restore_sqlite(dump, using)
    else:
        _restore_postgresql(dump, using)
    media_files = _restore_media(workdir / MEDIA, Path(settings.MEDIA_ROOT))
    loader = MigrationLoader(connections[using])
    unapplied = sorted(
        f"{app}.{name}" for app, name in loader.graph.nodes if (app, name) not in loader.applied_migrations
    )
    return RestoreReport(manifest=manifest, media_files=media_files, unapplied_migrations=unapplied)
