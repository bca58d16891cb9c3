"""Backups and damage control for the database file; no Qt.

A consistent copy is taken with SQLite's online backup API (safe while the database is in
use). The newest ten are kept in `backups/` next to the database. A damaged database is
never deleted: it is moved aside and the newest good backup takes its place.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from rolleudpeger.domain.timefmt import file_stamp, parse_file_stamp
from rolleudpeger.store.files import DB_FILE, create_private

BACKUP_DIR = "backups"
KEEP = 10
PREFIX = "rolleudpeger-"
SUFFIX = ".sqlite3"
DAMAGED = ".beskadiget-"
FINGERPRINT_SETTING = "last_backup_fingerprint"


def backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR


def list_backups(data_dir: Path) -> list[Path]:
    """Newest first, by the time in the name (local time with its UTC offset, so the
    order holds across the night summer time ends); names without a time come last."""
    folder = backup_dir(data_dir)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.name.startswith(PREFIX) and p.name.endswith(SUFFIX)]
    oldest = datetime.min.replace(tzinfo=UTC)
    return sorted(found, key=lambda p: (taken_at(p) or oldest, p.name), reverse=True)


def taken_at(backup: Path) -> datetime | None:
    return parse_file_stamp(backup.name.removeprefix(PREFIX).removesuffix(SUFFIX))


def _copy(source: Path, target: Path) -> None:
    """Copy one SQLite database into another with the backup API."""
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def take_backup(data_dir: Path, now: datetime | None = None) -> Path:
    """Copy the database into backups/ and keep the newest ten. Raises OSError or
    sqlite3.Error when it cannot."""
    folder = backup_dir(data_dir)
    folder.mkdir(mode=0o700, exist_ok=True)
    target = folder / f"{PREFIX}{file_stamp(now or datetime.now(UTC))}{SUFFIX}"
    create_private(target)
    try:
        _copy(data_dir / DB_FILE, target)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    for old in list_backups(data_dir)[KEEP:]:
        old.unlink(missing_ok=True)
    return target


def fingerprint(db: sqlite3.Connection) -> str:
    """Changes whenever a case does (settings such as window size do not count)."""
    row = db.execute(
        "SELECT (SELECT COALESCE(MAX(id), 0) FROM events),"
        " (SELECT COUNT(*) FROM cases), (SELECT COALESCE(MAX(updated_at), '') FROM cases)"
    ).fetchone()
    return ":".join(map(str, row))


def backup_if_changed(data_dir: Path, now: datetime | None = None) -> Path | None:
    """Take a backup when the data changed since the last one (checked at every start)."""
    db = sqlite3.connect(data_dir / DB_FILE)
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


def restore_backup(data_dir: Path, backup: Path, now: datetime | None = None) -> Path:
    """Replace the database with a backup, after backing up the current one (returned).
    The store must be closed first and reopened after (it upgrades an older backup)."""
    safety = take_backup(data_dir, now)
    _copy(backup, data_dir / DB_FILE)
    return safety


def _passes_quick_check(target: str, *, uri: bool = False) -> bool:
    """`PRAGMA quick_check` says ok. It reads, never changes."""
    try:
        db = sqlite3.connect(target, uri=uri)
        try:
            return db.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return False


def is_healthy(path: Path) -> bool:
    """A backup passes SQLite's quick check (opened read-only: immutable, because a backup
    is a WAL-mode file with no -wal/-shm, and nothing may be created next to it)."""
    if not path.is_file() or path.stat().st_size == 0:
        return False
    return _passes_quick_check(f"file:{path}?mode=ro&immutable=1", uri=True)


@dataclass(frozen=True)
class Recovery:
    """What happened to a damaged database at start."""

    damaged_copy: Path
    restored_from: Path | None  # None: no good backup, the app starts empty


def recover_if_damaged(data_dir: Path, now: datetime | None = None) -> Recovery | None:
    """Check the database before it is opened. A damaged file (or an empty one where
    backups exist) is moved aside, never deleted, and the newest good backup restored."""
    db = data_dir / DB_FILE
    if not db.exists():
        return None
    backups = list_backups(data_dir)
    empty = db.stat().st_size == 0
    if empty and not backups:
        return None  # a new database that was never written
    if not empty and _passes_quick_check(str(db)):  # read-write: a WAL file is read too
        return None
    stamp = file_stamp(now or datetime.now(UTC))
    damaged = db.with_name(f"{DB_FILE}{DAMAGED}{stamp}")
    os.replace(db, damaged)
    for side in ("-wal", "-shm"):
        extra = db.with_name(DB_FILE + side)
        if extra.exists():
            os.replace(extra, damaged.with_name(damaged.name + side))
    for backup in backups:
        if is_healthy(backup):
            create_private(db)
            shutil.copyfile(backup, db)
            return Recovery(damaged, backup)
    return Recovery(damaged, None)
