"""Erasing the case and every personal detail in it, from every file in the data folder.

GDPR's storage limitation: when the municipality no longer needs the record, it can be
removed for good — from the database (with SQLite's secure delete, a VACUUM and a
truncated WAL, so no old page keeps a name), the backups, the log and damaged copies.

Erasing never stops half-way silently: every part is tried, what could not be removed is
returned with where it is and why, and the database is checked afterwards (a table or
trigger someone added behind the app's back would otherwise keep names that erasing
missed: then the whole file goes). Links are never followed.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from rolleudpeger.i18n import LANGUAGE_SETTING
from rolleudpeger.store import backup
from rolleudpeger.store.files import (
    DB_FILE,
    SIDE_FILES,
    LinkedPathError,
    is_link,
    retry_busy,
    truncate,
)
from rolleudpeger.store.models import Base

# Every table but the settings holds case data. Taken from the models, children first, so
# a table a later migration adds is erased too without anyone remembering to list it.
CASE_TABLES = tuple(t.name for t in reversed(Base.metadata.sorted_tables) if t.name != "settings")
# Settings that are not personal may stay: the window's size (ui.main_window) and the
# interface language. Any other key goes.
KEPT_SETTINGS = frozenset({"window_geometry", LANGUAGE_SETTING, backup.ERASED_SETTING})


@dataclass(frozen=True)
class ErasePlan:
    """What an erasure will remove, so the user can be told exactly."""

    backups: tuple[Path, ...]
    damaged: tuple[Path, ...]
    logs: tuple[Path, ...]


@dataclass(frozen=True)
class Left:
    """Something erasing could not remove: where, and the error that stopped it."""

    path: Path
    error: BaseException


@dataclass
class EraseResult:
    left: list[Left] = field(default_factory=list)
    database_removed: bool = False  # the whole file went (it held more than the app made)

    @property
    def complete(self) -> bool:
        return not self.left


def plan(data_dir: Path, log_files: list[Path]) -> ErasePlan:
    damaged = tuple(sorted(p for p in data_dir.glob(DB_FILE + backup.DAMAGED + "*")))
    return ErasePlan(tuple(backup.list_backups(data_dir)), damaged, tuple(log_files))


def _remaining(db: sqlite3.Connection) -> list[str]:
    """Tables (any, also ones the app did not make) that still hold rows, and triggers or
    views: after erasing there must be none but settings that are not personal."""
    left = []
    for kind, name in db.execute("SELECT type, name FROM sqlite_master"):
        if kind in ("trigger", "view"):
            left.append(name)
        elif kind == "table" and not name.startswith("sqlite_") and name != "alembic_version":
            if name == "settings":
                keys = {k for (k,) in db.execute("SELECT key FROM settings")}
                if keys - KEPT_SETTINGS:
                    left.append(name)
            elif db.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone():
                left.append(name)
    return left


def _erase_rows(path: Path) -> list[str]:
    """Delete every case row; return what is still left in the file."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA secure_delete = ON")  # deleted rows are overwritten with zeros
        db.execute("BEGIN IMMEDIATE")
        for table in CASE_TABLES:
            db.execute(f"DELETE FROM {table}")
        keep = ", ".join("?" for _ in KEPT_SETTINGS)
        db.execute(f"DELETE FROM settings WHERE key NOT IN ({keep})", tuple(KEPT_SETTINGS))
        mark_erased(db)
        db.execute("COMMIT")
        db.execute("VACUUM")  # rebuilds the file: no free page keeps old text
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # and the WAL is emptied
        return _remaining(db)
    finally:
        db.close()


def mark_erased(db: sqlite3.Connection) -> None:
    """Say in the database that the case was erased on purpose (see backup.holds_nothing)."""
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (backup.ERASED_SETTING, "1"),
    )


def _remove_file(path: Path, result: EraseResult) -> None:
    """Remove a database-like file and SQLite's files next to it; note what stays."""
    for p in (path, *(path.with_name(path.name + side) for side in SIDE_FILES)):
        try:
            retry_busy(partial(p.unlink, missing_ok=True))
        except OSError as e:
            result.left.append(Left(p, e))


def erase(data_dir: Path, what: ErasePlan) -> EraseResult:
    """Remove the case data. The store must be closed (nothing else may hold the file).
    Every part is tried; the result lists what could not be removed."""
    result = EraseResult()
    db = data_dir / DB_FILE
    if is_link(db):
        result.left.append(Left(db, LinkedPathError(db)))
    elif db.exists():
        try:
            if not db.is_file():
                raise IsADirectoryError(21, "is a directory", str(db))
            remaining = _erase_rows(db)
        except (OSError, sqlite3.Error) as e:
            result.left.append(Left(db, e))
        else:
            if remaining:  # more than the app made: the file itself goes
                _remove_file(db, result)
                result.database_removed = True
    for path in (*what.backups, *what.damaged):
        _remove_file(path, result)
    folder = backup.backup_dir(data_dir)
    if is_link(folder):  # never followed, never emptied: say so
        result.left.append(Left(folder, LinkedPathError(folder)))
    for path in what.logs:
        try:
            truncate(path)  # the log stays usable, but empty (a link: removed)
        except OSError as e:
            result.left.append(Left(path, e))
    return result
