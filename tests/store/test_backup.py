"""Backups at start, restoring one, and recovering from a damaged database file."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from rolleudpeger.domain.timefmt import file_stamp
from rolleudpeger.editing import CaseEditor
from rolleudpeger.resources import load_task
from rolleudpeger.store import backup, migrate
from rolleudpeger.store.files import DB_FILE
from rolleudpeger.store.repository import Store
from tests.store.test_upgrade_from_0_1_0 import FIXTURE

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


# --- the clock: backups are ordered by their sequence, not by the time in their name ------


def _name_in(backup_file: Path) -> str:
    db = sqlite3.connect(backup.read_only_uri(backup_file), uri=True)
    try:
        row = db.execute("SELECT value FROM field_values WHERE key='leader_first_name'").fetchone()
        return row[0] if row else ""
    finally:
        db.close()


def test_a_clock_once_a_year_ahead_never_makes_new_backups_look_old(data_dir: Path) -> None:
    """0.2.0 ordered and pruned by the time in the name: after ten backups taken a year
    ahead, every new one was pruned at once, and recovery took a future-named one."""
    ahead = T0 + timedelta(days=365)
    for i in range(10):
        make_case(data_dir, f"Fremtid {i}")
        assert backup.backup_if_changed(data_dir, ahead + timedelta(minutes=i)) is not None
    for i in range(3):
        make_case(data_dir, f"Nu {i}")
        taken = backup.backup_if_changed(data_dir, T0 + timedelta(minutes=i))
        assert taken is not None and taken.exists()  # never pruned as it is written
        assert backup.list_backups(data_dir)[0] == taken
    kept = backup.list_backups(data_dir)
    assert len(kept) == backup.KEEP
    assert [_name_in(p) for p in kept[:3]] == ["Nu 2", "Nu 1", "Nu 0"]
    assert backup.clock_looks_wrong(data_dir, T0 + timedelta(minutes=3)) is None  # newest is now
    skew = backup.clock_looks_wrong(data_dir, T0 + timedelta(minutes=3), [ahead])
    assert skew == backup.ClockSkew(ahead, in_case=True)  # the case remembers the time ahead
    (data_dir / DB_FILE).write_text("beskadiget")
    for side in ("-wal", "-shm"):
        (data_dir / (DB_FILE + side)).unlink(missing_ok=True)
    recovery = backup.recover_if_damaged(data_dir, T0 + timedelta(hours=1))
    assert recovery is not None and recovery.restored_from == kept[0]
    assert first_name(data_dir) == "Nu 2"


def test_a_clock_behind_the_newest_backup_is_said(data_dir: Path) -> None:
    make_case(data_dir)
    backup.take_backup(data_dir, T0 + timedelta(days=30))
    assert backup.clock_looks_wrong(data_dir, T0) == backup.ClockSkew(
        T0 + timedelta(days=30), in_case=False
    )
    assert backup.clock_looks_wrong(data_dir, T0 + timedelta(days=30, minutes=1)) is None


def test_backups_named_by_0_2_0_come_after_numbered_ones(data_dir: Path) -> None:
    make_case(data_dir, "Gammel")
    old = backup.take_backup(data_dir, T0)
    legacy = old.with_name(f"{backup.PREFIX}{file_stamp(T0 + timedelta(days=9))}{backup.SUFFIX}")
    old.rename(legacy)  # as 0.2.0 named it, with a later time than the next one
    assert backup.sequence(legacy) == 0 and backup.taken_at(legacy) == T0 + timedelta(days=9)
    make_case(data_dir, "Ny")
    new = backup.take_backup(data_dir, T0 + timedelta(days=1))
    assert backup.sequence(new) == 1 and backup.taken_at(new) == T0 + timedelta(days=1)
    assert backup.list_backups(data_dir) == [new, legacy]


# --- a forged backup: offered only when it upgrades cleanly to the app's own schema -------


def _forged(data_dir: Path, sql: str) -> Path:
    """The 0.1.0 database made by 0.1.0 itself, with something the app never made, filed
    as the newest backup."""
    folder = data_dir / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    forged = folder / f"{backup.PREFIX}{file_stamp(T0)}-nr999999{backup.SUFFIX}"
    shutil.copyfile(FIXTURE, forged)
    db = sqlite3.connect(forged)
    db.executescript(sql)
    db.commit()
    db.close()
    return forged


FORGERIES = {
    "table and trigger": "CREATE TABLE spion (x); CREATE TRIGGER t AFTER INSERT ON events "
    "BEGIN INSERT INTO spion VALUES (new.id); END;",
    "a trigger that blocks edits": "CREATE TRIGGER nej BEFORE INSERT ON events "
    "BEGIN SELECT RAISE(ABORT, 'nej'); END;",
    "a view": "CREATE VIEW folk AS SELECT value FROM field_values;",
    "an upgrade that cannot run": "DROP TABLE events;",
}


@pytest.mark.parametrize("sql", FORGERIES.values(), ids=FORGERIES.keys())
def test_a_forged_older_backup_is_never_offered_nor_restored(data_dir: Path, sql: str) -> None:
    make_case(data_dir, "Rigtig")
    good = backup.take_backup(data_dir, T0)
    forged = _forged(data_dir, sql)
    assert backup.list_backups(data_dir)[0] == forged
    assert not backup.usable(forged)
    before = (data_dir / DB_FILE).read_bytes()
    with pytest.raises(backup.BackupUnusableError):
        backup.restore_backup(data_dir, forged, T0 + timedelta(minutes=1))
    assert (data_dir / DB_FILE).read_bytes() == before  # as it was
    assert forged.read_bytes() != b"" and not list(data_dir.glob(".*gendannes*"))
    store = Store.open(data_dir)  # no trigger came along: edits work
    CaseEditor.open(load_task(), store).set_text("leader_first_name", "Stadig")
    store.close()
    # Recovery passes it over for the good one.
    (data_dir / DB_FILE).write_text("beskadiget")
    for side in ("-wal", "-shm"):
        (data_dir / (DB_FILE + side)).unlink(missing_ok=True)
    recovery = backup.recover_if_damaged(data_dir, T0 + timedelta(hours=1))
    assert recovery is not None and recovery.restored_from == good
    assert first_name(data_dir) == "Rigtig"


def test_a_clean_older_backup_is_restored_upgraded(data_dir: Path) -> None:
    make_case(data_dir, "Ny")
    old = _forged(data_dir, "")  # 0.1.0's own file, nothing added
    assert backup.usable(old)
    before = old.read_bytes()
    backup.restore_backup(data_dir, old, T0 + timedelta(minutes=1))
    assert old.read_bytes() == before  # a backup is never changed
    db = sqlite3.connect(data_dir / DB_FILE)
    assert db.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.HEAD
    db.close()
    store = Store.open(data_dir)
    assert store.load_case(store.latest_case_id() or 0).value("municipality") == "751"
    store.close()


# --- recovery is a state: a restore cut short is finished by the next start -------------


def _damaged_with_backup(data_dir: Path) -> None:
    make_case(data_dir, "Sikret")
    backup.take_backup(data_dir, T0)
    (data_dir / DB_FILE).write_text("beskadiget")
    for side in ("-wal", "-shm"):
        (data_dir / (DB_FILE + side)).unlink(missing_ok=True)


def test_a_restore_cut_short_by_a_full_disk_is_finished_by_the_next_start(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """0.2.0: the damaged file moved aside, the restore failed, and the next start opened
    an empty case and said nothing."""
    _damaged_with_backup(data_dir)
    real_copy = backup._copy

    def full(source: str, target: Path, **kwargs: bool) -> None:
        if ".gendannes" in str(target):
            raise sqlite3.OperationalError("database or disk is full")
        real_copy(source, target, **kwargs)

    monkeypatch.setattr(backup, "_copy", full)
    with pytest.raises(backup.RecoveryPendingError) as caught:
        backup.recover_if_damaged(data_dir, T0 + timedelta(hours=1))
    assert caught.value.backup == backup.list_backups(data_dir)[0]
    assert not (data_dir / DB_FILE).exists() and backup.damaged_copies(data_dir)
    with pytest.raises(backup.RecoveryPendingError):  # still full: said again, not empty
        backup.recover_if_damaged(data_dir, T0 + timedelta(hours=2))
    monkeypatch.setattr(backup, "_copy", real_copy)  # space again
    recovery = backup.recover_if_damaged(data_dir, T0 + timedelta(hours=3))
    assert recovery is not None and recovery.resumed and recovery.restored_from is not None
    assert first_name(data_dir) == "Sikret"
    assert backup.recover_if_damaged(data_dir, T0 + timedelta(hours=4)) is None  # done


def test_an_empty_case_left_by_0_2_0_beside_a_recoverable_one_is_recovered(
    data_dir: Path,
) -> None:
    _damaged_with_backup(data_dir)
    damaged = backup._set_aside(data_dir / DB_FILE, T0)
    Store.open(data_dir).close()  # what 0.2.0's next start made: a new, empty database
    recovery = backup.recover_if_damaged(data_dir, T0 + timedelta(hours=1))
    assert recovery is not None and recovery.resumed and recovery.damaged_copy == damaged
    assert first_name(data_dir) == "Sikret"


def test_a_case_begun_again_after_a_recovery_is_never_replaced(data_dir: Path) -> None:
    _damaged_with_backup(data_dir)
    backup._set_aside(data_dir / DB_FILE, T0)
    make_case(data_dir, "Begyndt forfra")  # the user has typed: something to lose
    assert backup.recover_if_damaged(data_dir, T0 + timedelta(hours=1)) is None
    assert first_name(data_dir) == "Begyndt forfra"
