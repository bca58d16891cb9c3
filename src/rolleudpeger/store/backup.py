"""Backups and damage control for the database file; no Qt.

A consistent copy is taken with SQLite's online backup API (safe while the database is in
use) into a temporary name, and renamed when complete: a backup killed half-way never
counts. The newest ten are kept in `backups/` next to the database; a `backups` that is a
link out of the data folder is not used, pruned or erased. A backup is offered or restored
only when it passes SQLite's quick check, read-only, is the app's own schema and holds a
case. A damaged database — or one someone changed behind the app's back — is never
deleted: it is moved aside and the newest good backup takes its place.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from functools import partial
from pathlib import Path

from rolleudpeger.domain.timefmt import file_stamp, parse_file_stamp
from rolleudpeger.store import schema
from rolleudpeger.store.files import (
    DB_FILE,
    SIDE_FILES,
    create_private,
    fsync_file,
    fsync_folder,
    is_link,
    no_link,
    real_folder,
    retry_busy,
    sole_name,
    tighten,
)

BACKUP_DIR = "backups"
KEEP = 10
PREFIX = "rolleudpeger-"
SUFFIX = ".sqlite3"
PARTIAL = ".partial"  # a backup being written: `.rolleudpeger-<time>.sqlite3.partial`
DAMAGED = ".beskadiget-"
FINGERPRINT_SETTING = "last_backup_fingerprint"


class BackupUnusableError(Exception):
    """The chosen backup is incomplete, damaged, not the app's own or empty."""


def backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR


def read_only_uri(path: Path) -> str:
    """A URI that opens a database file without creating or changing anything next to it
    (immutable: a backup has no -wal to read). From Path.as_uri, so that #, % and ? in a
    folder name stay part of the name."""
    return f"{path.absolute().as_uri()}?mode=ro&immutable=1"


def _backups_folder(data_dir: Path) -> Path | None:
    folder = backup_dir(data_dir)
    if is_link(folder) or not folder.is_dir():
        return None
    return folder


def list_backups(data_dir: Path) -> list[Path]:
    """Newest first, by the time in the name (local time with its UTC offset, so the
    order holds across the night summer time ends); names without a time come last.
    Only complete backups that are files of their own (not links) are listed."""
    folder = _backups_folder(data_dir)
    if folder is None:
        return []
    found = [
        p
        for p in folder.iterdir()
        if p.name.startswith(PREFIX) and p.name.endswith(SUFFIX) and p.is_file() and not is_link(p)
    ]
    oldest = datetime.min.replace(tzinfo=UTC)
    return sorted(found, key=lambda p: (taken_at(p) or oldest, p.name), reverse=True)


def taken_at(backup: Path) -> datetime | None:
    return parse_file_stamp(backup.name.removeprefix(PREFIX).removesuffix(SUFFIX))


def _copy(source: str, target: Path, *, source_is_uri: bool = False) -> None:
    """Copy one SQLite database into another with the backup API: the target is written
    in one transaction, so if this is killed the target keeps what it had."""
    src = sqlite3.connect(source, uri=source_is_uri)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def _remove(path: Path) -> None:
    """Remove a file and SQLite's files next to it (links: the link, never its target)."""
    for p in (path, *(path.with_name(path.name + side) for side in SIDE_FILES)):
        retry_busy(partial(p.unlink, missing_ok=True))


def clean_partials(data_dir: Path) -> None:
    """Remove what a killed backup left: a `.partial` file and its -journal."""
    folder = _backups_folder(data_dir)
    if folder is None:
        return
    for p in folder.glob(f".{PREFIX}*{SUFFIX}{PARTIAL}"):
        _remove(p)


def take_backup(data_dir: Path, now: datetime | None = None, *, prune: bool = True) -> Path:
    """Copy the database into backups/ and keep the newest ten. Raises OSError or
    sqlite3.Error when it cannot (LinkedPathError when `backups` is a link)."""
    folder = real_folder(backup_dir(data_dir), create=True)
    tighten(folder)
    clean_partials(data_dir)
    db = sole_name(no_link(data_dir / DB_FILE))
    target = folder / f"{PREFIX}{file_stamp(now or datetime.now(UTC))}{SUFFIX}"
    writing = folder / f".{target.name}{PARTIAL}"
    create_private(writing)
    try:
        _copy(str(db), writing)
        fsync_file(writing)
        retry_busy(partial(os.replace, writing, target))
        fsync_folder(folder)
    except BaseException:
        _remove(writing)
        raise
    if prune:
        prune_backups(data_dir)
    return target


def prune_backups(data_dir: Path) -> None:
    for old in list_backups(data_dir)[KEEP:]:
        _remove(old)


def fingerprint(db: sqlite3.Connection) -> str:
    """Changes whenever a case does (settings such as window size do not count)."""
    row = db.execute(
        "SELECT (SELECT COALESCE(MAX(id), 0) FROM events),"
        " (SELECT COUNT(*) FROM cases), (SELECT COALESCE(MAX(updated_at), '') FROM cases)"
    ).fetchone()
    return ":".join(map(str, row))


def backup_if_changed(data_dir: Path, now: datetime | None = None) -> Path | None:
    """Take a backup when the data changed since the last one (checked at every start)."""
    db = sqlite3.connect(sole_name(no_link(data_dir / DB_FILE)))
    try:
        current = fingerprint(db)
        row = db.execute(
            "SELECT value FROM settings WHERE key = ?", (FINGERPRINT_SETTING,)
        ).fetchone()
        if (row and row[0] == current) or current.startswith("0:0:"):
            return None
        path = take_backup(data_dir, now)
        with db:
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (FINGERPRINT_SETTING, current),
            )
        return path
    finally:
        db.close()


def _revision(db: sqlite3.Connection) -> str | None:
    try:
        row = db.execute(f"SELECT version_num FROM {schema.ALEMBIC_TABLE}").fetchone()
    except sqlite3.DatabaseError:
        return None
    return None if row is None else str(row[0])


def usable(path: Path) -> bool:
    """A backup that can be offered and restored: a file of its own, with no hot journal
    next to it (a backup of version 0.1.0 killed half-way), that passes SQLite's quick
    check read-only, is the app's own schema and holds a case."""
    if is_link(path) or not path.is_file() or path.stat().st_size == 0:
        return False
    if path.with_name(path.name + "-journal").exists():
        return False
    from rolleudpeger.store.migrate import HEAD  # noqa: PLC0415 - avoids a cycle

    try:
        db = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            if db.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                return False
            if _revision(db) == HEAD and schema.problems(db):
                return False
            return bool(db.execute("SELECT COUNT(*) FROM cases").fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error:
        return False


def restore_backup(data_dir: Path, backup: Path, now: datetime | None = None) -> Path:
    """Replace the database with a backup, after backing up the current one (returned).
    The store must be closed first and reopened after (it upgrades an older backup). The
    backup is read only, never opened for writing (SQLite would roll a half-written one
    back to nothing); the database is written in one transaction."""
    if not usable(backup):
        raise BackupUnusableError(str(backup))
    # Pruned only after: with ten backups, the safety copy would otherwise push out the
    # oldest — perhaps the one being restored.
    safety = take_backup(data_dir, now, prune=False)
    _copy(read_only_uri(backup), sole_name(no_link(data_dir / DB_FILE)), source_is_uri=True)
    prune_backups(data_dir)
    return safety


class Damage(Enum):
    DAMAGED = "damaged"  # SQLite cannot read it, or its quick check fails
    FOREIGN = "foreign"  # changed behind the app's back (see schema)


@dataclass(frozen=True)
class Recovery:
    """What happened to a damaged database at start."""

    damaged_copy: Path
    restored_from: Path | None  # None: no good backup, the app starts empty
    damage: Damage = Damage.DAMAGED
    problems: tuple[str, ...] = ()


def _check(db: Path) -> tuple[Damage, list[str]] | None:
    from rolleudpeger.store.migrate import HEAD  # noqa: PLC0415

    try:
        conn = sqlite3.connect(db)  # read-write: a WAL file is read too
        try:
            if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                return Damage.DAMAGED, []
            if _revision(conn) == HEAD and (found := schema.problems(conn)):
                return Damage.FOREIGN, found
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return Damage.DAMAGED, []
    return None


def _set_aside(db: Path, now: datetime | None) -> Path:
    """Move the database and its -wal/-shm aside, all or none (a move that fails half-way,
    e.g. a file antivirus holds on Windows, is undone)."""
    damaged = db.with_name(f"{DB_FILE}{DAMAGED}{file_stamp(now or datetime.now(UTC))}")
    moves = [(db, damaged)] + [
        (db.with_name(DB_FILE + side), damaged.with_name(damaged.name + side))
        for side in SIDE_FILES
        if db.with_name(DB_FILE + side).exists()
    ]
    done: list[tuple[Path, Path]] = []
    try:
        for source, target in moves:
            retry_busy(partial(os.replace, source, target))
            done.append((source, target))
    except OSError:
        for source, target in reversed(done):
            with contextlib.suppress(OSError):
                os.replace(target, source)
        raise
    for _, target in done:
        tighten(target)
    return damaged


def recover_if_damaged(
    data_dir: Path, now: datetime | None = None, *, foreign: list[str] | None = None
) -> Recovery | None:
    """Check the database before it is opened. A damaged file (or an empty one where
    backups exist), or one with a schema the app did not make (`foreign` given: found
    after an upgrade), is moved aside, never deleted, and the newest good backup restored.
    Raises LinkedPathError when the database is a link."""
    db = data_dir / DB_FILE
    if not db.exists() and not is_link(db):
        return None
    sole_name(no_link(db))
    backups = list_backups(data_dir)
    if foreign is None:
        empty = db.is_file() and db.stat().st_size == 0
        if empty and not backups:
            return None  # a new database that was never written
        found = None if empty else _check(db)
        if not empty and found is None:
            return None
        damage, problems = found or (Damage.DAMAGED, [])
    else:
        damage, problems = Damage.FOREIGN, foreign
    damaged = _set_aside(db, now)
    good = next((b for b in backups if usable(b)), None)
    if good is not None:  # copied in full next to it, then renamed into place
        fresh = db.with_name(f".{DB_FILE}.restoring")
        _remove(fresh)
        create_private(fresh)
        try:
            _copy(read_only_uri(good), fresh, source_is_uri=True)
            retry_busy(partial(os.replace, fresh, db))
        except BaseException:
            _remove(fresh)
            raise
    return Recovery(damaged, good, damage, tuple(problems))
