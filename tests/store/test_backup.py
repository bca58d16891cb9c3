"""Backups at start, restoring one, and recovering from a damaged database file."""

from __future__ import annotations

import os
import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from rolleudpeger.editing import CaseEditor
from rolleudpeger.resources import load_task
from rolleudpeger.store import backup
from rolleudpeger.store.files import DB_FILE
from rolleudpeger.store.repository import Store

T0 = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


def make_case(data_dir: Path, name: str = "Maja") -> None:
    store = Store.open(data_dir)
    editor = CaseEditor.open(load_task(), store)
    editor.set_text("leader_first_name", name)
    store.close()


def first_name(data_dir: Path) -> str:
    store = Store.open(data_dir)
    try:
        case_id = store.latest_case_id()
        return "" if case_id is None else store.load_case(case_id).value("leader_first_name")
    finally:
        store.close()


def test_backup_only_when_changed_and_ten_kept(data_dir: Path) -> None:
    make_case(data_dir)
    assert backup.backup_if_changed(data_dir, T0) is not None
    assert backup.backup_if_changed(data_dir, T0 + timedelta(seconds=1)) is None  # unchanged
    for i in range(12):
        make_case(data_dir, f"Navn {i}")
        assert backup.backup_if_changed(data_dir, T0 + timedelta(minutes=i + 1)) is not None
    kept = backup.list_backups(data_dir)
    assert len(kept) == 10
    assert backup.taken_at(kept[0]) == T0 + timedelta(minutes=12)
    assert all(backup.usable(p) for p in kept)


def test_an_empty_database_is_not_backed_up(data_dir: Path) -> None:
    Store.open(data_dir).close()
    assert backup.backup_if_changed(data_dir, T0) is None


def test_restore_keeps_a_copy_of_the_current_file(data_dir: Path) -> None:
    make_case(data_dir, "Gammel")
    old = backup.take_backup(data_dir, T0)
    make_case(data_dir, "Ny")
    safety = backup.restore_backup(data_dir, old, T0 + timedelta(minutes=1))
    assert first_name(data_dir) == "Gammel"
    store_of_safety = sqlite3.connect(f"file:{safety}?mode=ro&immutable=1", uri=True)
    names = store_of_safety.execute(
        "SELECT value FROM field_values WHERE key='leader_first_name'"
    ).fetchall()
    store_of_safety.close()
    assert names == [("Ny",)]


def _damage(db: Path, how: str) -> None:
    data = db.read_bytes()
    match how:
        case "truncated":
            db.write_bytes(data[: len(data) // 3 + 100])
        case "random":
            db.write_bytes(random.Random(1).randbytes(len(data)))
        case "zero":
            db.write_bytes(b"")
        case "flipped":
            page = 4096
            broken = bytearray(data)
            for i in range(page * 2 + 16, page * 3):
                broken[i] ^= 0xFF
            db.write_bytes(bytes(broken))
        case "text":
            db.write_text("Dette er ikke en database.\n" * 100)


@pytest.mark.parametrize("how", ["truncated", "random", "zero", "flipped", "text"])
def test_damaged_database_is_moved_aside_and_the_backup_restored(data_dir: Path, how: str) -> None:
    make_case(data_dir, "Sikret")
    backup.take_backup(data_dir, T0)
    store = Store.open(data_dir)
    editor = CaseEditor.open(load_task(), store)
    for i in range(200):  # enough pages for damage in the middle to matter
        editor.add_question(f"Spørgsmål {i} " + "x" * 200)
    store.close()
    for side in ("-wal", "-shm"):
        (data_dir / (DB_FILE + side)).unlink(missing_ok=True)
    db = data_dir / DB_FILE
    _damage(db, how)
    damaged_bytes = db.read_bytes()

    recovery = backup.recover_if_damaged(data_dir, T0 + timedelta(hours=1))
    assert recovery is not None
    assert recovery.damaged_copy.name.startswith(DB_FILE + ".beskadiget-")
    assert recovery.damaged_copy.read_bytes() == damaged_bytes  # kept, never deleted
    assert recovery.restored_from == backup.list_backups(data_dir)[0]
    assert first_name(data_dir) == "Sikret"


def test_damaged_without_a_good_backup_starts_empty(data_dir: Path) -> None:
    make_case(data_dir)
    (data_dir / DB_FILE).write_text("ødelagt")
    for side in ("-wal", "-shm"):
        (data_dir / (DB_FILE + side)).unlink(missing_ok=True)
    recovery = backup.recover_if_damaged(data_dir, T0)
    assert recovery is not None and recovery.restored_from is None
    assert recovery.damaged_copy.read_text() == "ødelagt"
    assert not (data_dir / DB_FILE).exists()
    assert first_name(data_dir) == ""  # a new, empty database


def test_healthy_database_is_left_alone(data_dir: Path) -> None:
    make_case(data_dir)
    before = os.stat(data_dir / DB_FILE).st_mtime_ns
    assert backup.recover_if_damaged(data_dir, T0) is None
    assert os.stat(data_dir / DB_FILE).st_mtime_ns == before


def test_restoring_the_oldest_of_ten_backups_works(data_dir: Path) -> None:
    """The safety copy taken first must not push out the backup being restored."""
    make_case(data_dir, "Første")
    oldest = backup.take_backup(data_dir, T0)
    for i in range(9):
        make_case(data_dir, f"Navn {i}")
        backup.take_backup(data_dir, T0 + timedelta(minutes=i + 1))
    assert backup.list_backups(data_dir)[-1] == oldest and len(backup.list_backups(data_dir)) == 10
    backup.restore_backup(data_dir, oldest, T0 + timedelta(hours=1))
    assert first_name(data_dir) == "Første"
    assert len(backup.list_backups(data_dir)) == 10
