"""Erasing the case and every personal detail in it, from every file in the data folder.

GDPR's storage limitation: when the municipality no longer needs the record, it can be
removed for good — from the database (with SQLite's secure delete, a VACUUM and a
truncated WAL, so no old page keeps a name), the backups, the log and damaged copies.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from rolleudpeger.store import backup
from rolleudpeger.store.files import DB_FILE
from rolleudpeger.store.models import Base

# Every table but the settings holds case data. Taken from the models, children first, so
# a table a later migration adds is erased too without anyone remembering to list it.
CASE_TABLES = tuple(t.name for t in reversed(Base.metadata.sorted_tables) if t.name != "settings")


@dataclass(frozen=True)
class ErasePlan:
    """What an erasure will remove, so the user can be told exactly."""

    backups: tuple[Path, ...]
    damaged: tuple[Path, ...]
    logs: tuple[Path, ...]


def plan(data_dir: Path, log_files: list[Path]) -> ErasePlan:
    damaged = tuple(sorted(p for p in data_dir.glob(DB_FILE + backup.DAMAGED + "*")))
    return ErasePlan(tuple(backup.list_backups(data_dir)), damaged, tuple(log_files))


def erase(data_dir: Path, what: ErasePlan) -> None:
    """Remove the case data. The store must be closed (nothing else may hold the file)."""
    db = sqlite3.connect(data_dir / DB_FILE, isolation_level=None)
    try:
        db.execute("PRAGMA secure_delete = ON")  # deleted rows are overwritten with zeros
        db.execute("BEGIN IMMEDIATE")
        for table in CASE_TABLES:
            db.execute(f"DELETE FROM {table}")
        db.execute("DELETE FROM settings WHERE key = ?", (backup.FINGERPRINT_SETTING,))
        db.execute("COMMIT")
        db.execute("VACUUM")  # rebuilds the file: no free page keeps old text
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # and the WAL is emptied
    finally:
        db.close()
    for path in (*what.backups, *what.damaged):
        path.unlink(missing_ok=True)
        for side in ("-wal", "-shm"):
            Path(str(path) + side).unlink(missing_ok=True)
    for path in what.logs:
        path.write_bytes(b"")  # the log stays usable, but empty
