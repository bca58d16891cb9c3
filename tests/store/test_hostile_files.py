"""A hostile or unlucky data folder: links out of it, half-written backups, a database
changed behind the app's back, a read-only or missing database file. No Qt.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from rolleudpeger import logs
from rolleudpeger.domain.taskdef import TaskDef
from rolleudpeger.editing import CaseEditor
from rolleudpeger.store import backup, erase, files
from rolleudpeger.store.files import DB_FILE, LinkedPathError
from rolleudpeger.store.repository import Store
from rolleudpeger.store.schema import ForeignSchemaError

posix = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and modes")
T0 = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


def filled(task: TaskDef, data_dir: Path, name: str = "Maja") -> None:
    store = Store.open(data_dir)
    editor = CaseEditor.open(task, store)
    editor.set_text("leader_first_name", name)
    editor.set_text("leader_email", "maja@aarhus.dk")
    store.close()


def snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file under a folder: (mode, sha256). To show that nothing was touched."""
    return {
        str(p.relative_to(folder)): (
            os.lstat(p).st_mode,
            hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "",
        )
        for p in sorted(folder.rglob("*"))
    }


# --- links out of the data folder ----------------------------------------------------


@posix
def test_a_linked_backups_folder_is_never_pruned_nor_erased(
    task: TaskDef, data_dir: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "someone-elses"
    outside.mkdir()
    for i in range(12):  # files that look like backups, in a folder that is not ours
        (outside / f"rolleudpeger-2026010{i % 9 + 1}-0900{i:02d}-000000.sqlite3").write_text(
            f"not ours {i}"
        )
    before = snapshot(outside)
    filled(task, data_dir)
    (data_dir / "backups").symlink_to(outside, target_is_directory=True)
    assert backup.list_backups(data_dir) == []
    with pytest.raises(LinkedPathError):
        backup.backup_if_changed(data_dir, T0)
    result = erase.erase(data_dir, erase.plan(data_dir, []))
    assert snapshot(outside) == before
    assert [left.path.name for left in result.left] == ["backups"]
    assert not result.complete


@posix
def test_a_link_named_like_a_backup_is_never_listed_pruned_or_erased(
    task: TaskDef, data_dir: Path, tmp_path: Path
) -> None:
    precious = tmp_path / "precious.sqlite3"
    sqlite3.connect(precious).execute("CREATE TABLE t (x)").connection.close()
    before = precious.read_bytes()
    filled(task, data_dir)
    (data_dir / "backups").mkdir()
    (data_dir / "backups" / "rolleudpeger-20200101-000000-000000.sqlite3").symlink_to(precious)
    for i in range(11):
        backup.take_backup(data_dir, T0 + timedelta(minutes=i))
    assert not any(p.is_symlink() for p in backup.list_backups(data_dir))
    erase.erase(data_dir, erase.plan(data_dir, []))
    assert precious.read_bytes() == before


@posix
def test_a_linked_wal_is_refused(task: TaskDef, data_dir: Path, tmp_path: Path) -> None:
    filled(task, data_dir)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (data_dir / (DB_FILE + "-wal")).unlink(missing_ok=True)
    (data_dir / (DB_FILE + "-wal")).symlink_to(victim)
    with pytest.raises(LinkedPathError):
        Store.open(data_dir)
    assert victim.read_text() == "keep me"


@posix
def test_a_linked_log_file_is_neither_written_nor_chmodded_nor_emptied(tmp_path: Path) -> None:
    target = tmp_path / "important.txt"
    target.write_text("someone else's file\n")
    target.chmod(0o644)
    folder = tmp_path / "data" / "logs"
    folder.mkdir(parents=True)
    (folder / logs.LOG_FILE).symlink_to(target)
    path = logs.setup(folder)
    logs.log.error("a line that must not reach the other file")
    logs.close()
    assert target.read_text() == "someone else's file\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert path.is_file() and not path.is_symlink()  # the link was replaced by our own file
    (folder / (logs.LOG_FILE + ".1")).symlink_to(target)
    result = erase.erase(tmp_path / "data", erase.ErasePlan((), (), tuple(logs.log_files(folder))))
    assert target.read_text() == "someone else's file\n"
    assert result.complete and not (folder / (logs.LOG_FILE + ".1")).exists()
    assert path.read_bytes() == b""


@posix
def test_a_linked_logs_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (tmp_path / "logs").symlink_to(outside, target_is_directory=True)
    with pytest.raises(LinkedPathError):
        logs.setup(tmp_path / "logs")
    assert list(outside.iterdir()) == []
    assert logs.log_files(tmp_path / "logs") == []


@posix
def test_a_linked_database_is_refused(task: TaskDef, data_dir: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    before = other.read_bytes()
    data_dir.mkdir()
    (data_dir / DB_FILE).symlink_to(other)
    with pytest.raises(LinkedPathError):
        Store.open(data_dir)
    with pytest.raises(LinkedPathError):
        backup.recover_if_damaged(data_dir)
    assert other.read_bytes() == before


# --- killed backups --------------------------------------------------------------------


def test_a_half_written_backup_never_counts_and_is_cleaned_up(
    task: TaskDef, data_dir: Path
) -> None:
    filled(task, data_dir)
    folder = data_dir / "backups"
    folder.mkdir()
    partial = folder / f".rolleudpeger-20261127-090000-000000+0100.sqlite3{backup.PARTIAL}"
    partial.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    Path(str(partial) + "-journal").write_bytes(b"\xd9\xd5\x05\xf9" + b"\x00" * 100)
    assert backup.list_backups(data_dir) == []
    taken = backup.take_backup(data_dir, T0)
    assert backup.list_backups(data_dir) == [taken]
    assert sorted(p.name for p in folder.iterdir()) == [taken.name]


def _hot_journal_backup(source: Path, target: Path) -> None:
    """What version 0.1.0 left when killed while copying into a backup's final name: a
    database with half its pages and a hot journal. Made here by killing a process in the
    middle of a big write transaction (rollback journal, not WAL)."""
    script = f"""
import sqlite3, sys, time
db = sqlite3.connect({str(target)!r}, isolation_level=None)
db.execute("PRAGMA journal_mode=DELETE")
db.execute("PRAGMA cache_size=1")
db.execute("BEGIN")
for i in range(4000):
    db.execute("DELETE FROM events WHERE id = ?", (i,))
    db.execute("UPDATE cases SET current_step = ?", ("x" * 500,))
    db.execute(
        "INSERT INTO events (case_id, at, step, field, old, new) "
        "VALUES (1, '2026-01-01', 'a', 'b', 'c', ?)", ("y" * 2000,)
    )
print("writing", flush=True)
time.sleep(60)
"""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    src.backup(dst)
    dst.execute("PRAGMA journal_mode=DELETE")
    dst.close()
    src.close()
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline() == "writing\n"
    child.kill()  # SIGKILL; TerminateProcess on Windows
    child.wait()


@posix
def test_a_backup_killed_half_way_by_0_1_0_is_not_offered_nor_restored(
    task: TaskDef, data_dir: Path
) -> None:
    filled(task, data_dir)
    folder = data_dir / "backups"
    folder.mkdir()
    broken = folder / "rolleudpeger-20261127-090000-000000.sqlite3"
    _hot_journal_backup(data_dir / DB_FILE, broken)
    assert Path(str(broken) + "-journal").exists()
    assert not backup.usable(broken)
    with pytest.raises(backup.BackupUnusableError):
        backup.restore_backup(data_dir, broken, T0)
    store = Store.open(data_dir)
    assert store.load_case(store.latest_case_id() or 0).value("leader_first_name") == "Maja"
    store.close()
    (data_dir / DB_FILE).write_bytes(b"this is not a database" * 100)  # damaged now
    recovery = backup.recover_if_damaged(data_dir, T0)
    assert recovery is not None and recovery.restored_from is None  # not the broken one


# --- reading never writes --------------------------------------------------------------


def test_read_only_open_of_an_empty_file_creates_nothing(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / DB_FILE).write_bytes(b"")
    before = snapshot(data_dir)
    assert Store.open_read_only(data_dir) is None
    assert snapshot(data_dir) == before


@posix
def test_read_only_open_of_another_programs_database_changes_nothing(
    data_dir: Path, tmp_path: Path
) -> None:
    other = tmp_path / "crm.sqlite3"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE customers (name TEXT)")
    db.execute("INSERT INTO customers VALUES ('Jensen')")
    db.commit()
    db.close()
    data_dir.mkdir()
    (data_dir / DB_FILE).symlink_to(other)
    before = snapshot(tmp_path)
    with pytest.raises(LinkedPathError):
        Store.open_read_only(data_dir)
    assert snapshot(tmp_path) == before
    (data_dir / DB_FILE).unlink()
    os.link(other, data_dir / DB_FILE)  # the same file, now under our name too
    before = snapshot(tmp_path)
    with pytest.raises(files.HardLinkedError):  # a file with other names: not even read
        Store.open_read_only(data_dir)
    assert snapshot(tmp_path) == before
    assert sqlite3.connect(other).execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_read_only_open_of_our_database_reads_everything_and_writes_nothing(
    task: TaskDef, data_dir: Path
) -> None:
    filled(task, data_dir)
    before = snapshot(data_dir)
    store = Store.open_read_only(data_dir)
    assert store is not None
    assert store.load_case(store.latest_case_id() or 0).value("leader_first_name") == "Maja"
    store.close()
    assert snapshot(data_dir) == before


def test_read_only_open_sees_what_only_the_wal_holds(
    task: TaskDef, data_dir: Path, tmp_path: Path
) -> None:
    """While the app runs (-wal and -shm there) and after a crash (a -wal alone): the last
    saves are read, and no file is created."""
    import shutil

    filled(task, data_dir)
    writer = sqlite3.connect(data_dir / DB_FILE)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("UPDATE field_values SET value = 'Mia' WHERE key = 'leader_first_name'")
    writer.commit()
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for name in (DB_FILE, DB_FILE + "-wal"):
        shutil.copyfile(data_dir / name, crashed / name)
    for folder in (data_dir, crashed):
        before = {k: v for k, v in snapshot(folder).items() if not k.endswith("-shm")}
        store = Store.open_read_only(folder)
        assert store is not None
        assert store.load_case(store.latest_case_id() or 0).value("leader_first_name") == "Mia"
        store.close()
        # (readers mark their place in an existing -shm; that is SQLite's shared memory)
        assert {k: v for k, v in snapshot(folder).items() if not k.endswith("-shm")} == before
    assert not (crashed / (DB_FILE + "-shm")).exists()
    writer.close()


# --- a database changed behind the app's back ------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        "CREATE TABLE kopi AS SELECT * FROM field_values",
        "CREATE TRIGGER omskriv AFTER INSERT ON field_values WHEN new.key = 'leader_email' "
        "BEGIN UPDATE field_values SET value = 'maja@evil.example' WHERE key = 'leader_email'; END",
        "CREATE VIEW folk AS SELECT value FROM field_values",
        "ALTER TABLE cases ADD COLUMN hemmelig TEXT",
    ],
)
def test_a_changed_schema_is_set_aside_and_the_backup_restored(
    task: TaskDef, data_dir: Path, change: str
) -> None:
    filled(task, data_dir)
    good = backup.take_backup(data_dir, T0)
    db = sqlite3.connect(data_dir / DB_FILE)
    db.execute(change)
    db.commit()
    db.close()
    with pytest.raises(ForeignSchemaError):
        Store.open(data_dir)
    with pytest.raises(ForeignSchemaError):
        Store.open_read_only(data_dir)
    recovery = backup.recover_if_damaged(data_dir, T0 + timedelta(hours=1))
    assert recovery is not None and recovery.damage is backup.Damage.FOREIGN
    assert recovery.restored_from == good and recovery.problems
    assert recovery.damaged_copy.is_file()  # kept, not deleted
    store = Store.open(data_dir)  # the restored backup is the app's own again
    assert store.load_case(store.latest_case_id() or 0).value("leader_email") == "maja@aarhus.dk"
    store.close()


def test_erasing_a_database_with_an_extra_table_removes_the_whole_file(
    task: TaskDef, data_dir: Path
) -> None:
    filled(task, data_dir, name="Xylofonia")
    db = sqlite3.connect(data_dir / DB_FILE)
    db.execute("CREATE TABLE kopi AS SELECT * FROM field_values")  # 51 rows in the report
    db.commit()
    db.close()
    result = erase.erase(data_dir, erase.plan(data_dir, []))
    assert result.complete and result.database_removed
    assert not (data_dir / DB_FILE).exists()


def test_erase_says_what_is_left_when_the_database_is_a_folder(
    task: TaskDef, data_dir: Path
) -> None:
    filled(task, data_dir)
    backup.take_backup(data_dir, T0)
    (data_dir / DB_FILE).unlink()
    (data_dir / DB_FILE).mkdir()
    result = erase.erase(data_dir, erase.plan(data_dir, []))
    assert [left.path for left in result.left] == [data_dir / DB_FILE]
    assert isinstance(result.left[0].error, IsADirectoryError)
    assert backup.list_backups(data_dir) == []  # the rest was still done


def test_erase_says_what_is_left_when_the_database_is_read_only(
    task: TaskDef, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root (the test machine) a file mode cannot refuse a write; SQLite's own error is
    what a read-only database gives."""
    filled(task, data_dir)

    def read_only(_path: Path) -> list[str]:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(erase, "_erase_rows", read_only)
    result = erase.erase(data_dir, erase.plan(data_dir, []))
    assert not result.complete and result.left[0].path == data_dir / DB_FILE


# --- private files ---------------------------------------------------------------------


@posix
@pytest.mark.posix_modes
def test_a_loose_copied_in_database_and_its_wal_are_made_private(
    task: TaskDef, data_dir: Path
) -> None:
    filled(task, data_dir)
    db = data_dir / DB_FILE
    keep_open = sqlite3.connect(db)  # keeps the -wal and -shm in place
    keep_open.execute("INSERT INTO settings VALUES ('x', 'y')")
    keep_open.commit()
    for p in (db, Path(str(db) + "-wal"), Path(str(db) + "-shm")):
        p.chmod(0o644)
    Store.open(data_dir).close()
    keep_open.close()
    for p in data_dir.rglob("*"):
        if p.is_file():
            assert stat.S_IMODE(p.stat().st_mode) == 0o600, p


# --- Windows: a file another program holds -----------------------------------------------


class _Busy(PermissionError):
    winerror = 32  # ERROR_SHARING_VIOLATION


def test_a_busy_file_is_retried_then_told(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(time, "sleep", lambda _s: None)
    calls = []

    def held_twice() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise _Busy(13, "Access is denied")
        return "done"

    assert files.retry_busy(held_twice) == "done" and len(calls) == 3

    def held() -> None:
        raise _Busy(13, "Access is denied")

    with pytest.raises(files.FileBusyError) as caught:
        files.retry_busy(held)
    from rolleudpeger.errors import describe_os_error

    assert "åben i et andet program" in describe_os_error(caught.value)
    assert "åben i et andet program" in describe_os_error(_Busy(13, "Access is denied"))


def test_a_half_done_move_aside_is_rolled_back(
    task: TaskDef, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    filled(task, data_dir)
    db = data_dir / DB_FILE
    keep_open = sqlite3.connect(db)
    keep_open.execute("INSERT INTO settings VALUES ('x', 'y')")
    keep_open.commit()
    assert Path(str(db) + "-wal").exists()
    real_replace = os.replace

    def antivirus_holds_the_wal(src: object, dst: object) -> None:
        if str(src).endswith("-wal"):
            raise _Busy(13, "Access is denied")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", antivirus_holds_the_wal)
    monkeypatch.setattr(time, "sleep", lambda _s: None)
    with pytest.raises(files.FileBusyError):
        backup._set_aside(db, T0)
    assert db.is_file() and Path(str(db) + "-wal").is_file()
    assert not list(data_dir.glob(f"{DB_FILE}{backup.DAMAGED}*"))
    keep_open.close()
