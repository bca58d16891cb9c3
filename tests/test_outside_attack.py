"""Variants found by an outside attack on the data folder (after the first round of fixes):
SQLite's side files of another database, a database gone missing, side files and the lock
as links, odd backup names, junk in backups/, spaces around a folder name, a logs folder
that is a link. Each must neither lose data nor say something false."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from rolleudpeger import config, logs
from rolleudpeger.config import DATA_DIR_ENV, DataDirError, resolve_data_dir
from rolleudpeger.editing import CaseEditor
from rolleudpeger.resources import load_task
from rolleudpeger.store import backup, files
from rolleudpeger.store.files import DB_FILE
from rolleudpeger.store.repository import Store
from rolleudpeger.ui import app, report_command
from tests.conftest import Dialogs
from tests.test_never_over_the_data import every_file

# The window and the report command share one process here: a QApplication for both.
pytestmark = pytest.mark.usefixtures("qapp")
T0 = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


def case_in(folder: Path, name: str = "Maja") -> None:
    store = Store.open(folder)
    CaseEditor.open(load_task(), store).set_text("leader_first_name", name)
    store.close()


def name_in(folder: Path) -> str:
    store = Store.open(folder)
    try:
        case_id = store.latest_case_id()
        return "" if case_id is None else store.load_case(case_id).value("leader_first_name")
    finally:
        store.close()


# --- A: SQLite's side files of another database are never written over -----------------

WRITER = """
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA journal_mode=" + sys.argv[2])
db.execute("PRAGMA wal_autocheckpoint=0")
db.execute("CREATE TABLE t (x)")
db.commit()
if sys.argv[2] == "WAL":
    db.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(100)])
    db.commit()
else:
    db.execute("PRAGMA cache_size=1")
    db.execute("BEGIN")
    db.executemany("INSERT INTO t VALUES (?)", [("x" * 500,) for i in range(2000)])
os._exit(0)  # killed: the -wal holds the commits, or a hot journal the undo
"""


@pytest.mark.parametrize(("mode", "side"), [("WAL", "-wal"), ("DELETE", "-journal")])
def test_another_databases_wal_or_journal_is_never_written_over(
    data_dir: Path, tmp_path: Path, mode: str, side: str, capsys: pytest.CaptureFixture[str]
) -> None:
    case_in(data_dir)
    other = tmp_path / "andet" / "regnskab.db"
    other.parent.mkdir()
    subprocess.run([sys.executable, "-c", WRITER, str(other), mode], check=True)
    target = Path(str(other) + side)
    assert target.is_file() and target.stat().st_size > 0
    before = every_file(other.parent)
    # Its own name (the command adds ".pdf": "regnskab.db-wal.pdf" would be a new file, so
    # the log is reached here by a name that already ends in .pdf: a hard link to it).
    os.link(target, str(target) + ".pdf")
    for name in (str(target) + ".pdf",):
        code = report_command.run_report(name, str(data_dir))
        err = capsys.readouterr().err
        assert code == report_command.EXIT_FAILED, err
        assert "database" in err
    # The attack itself: `--pdf regnskab.db-wal` (0.2.0 and the first fix wrote the PDF
    # over the log). The name gets its ".pdf": a new file beside it; the log is untouched.
    (Path(str(target) + ".pdf")).unlink()
    assert report_command.run_report(str(target), str(data_dir)) == 0
    assert Path(str(target) + ".pdf").is_file()
    assert {k: v for k, v in every_file(other.parent).items() if not k.endswith(".pdf")} == {
        k: v for k, v in before.items() if not k.endswith(".pdf")
    }
    db = sqlite3.connect(other)  # and the other database still has what it committed
    assert db.execute("SELECT count(*) FROM t").fetchone()[0] == (100 if mode == "WAL" else 0)
    db.close()


# --- B: a database gone missing beside good backups ------------------------------------


@pytest.mark.usefixtures("file_semantics")
@pytest.mark.parametrize("how", ["deleted", "emptied by a start that found it gone"])
def test_a_missing_database_is_restored_from_the_backups_and_said(data_dir: Path, how: str) -> None:
    case_in(data_dir, "Sikret")
    backup.take_backup(data_dir, T0)
    for p in files.database_files(data_dir / DB_FILE):
        p.unlink(missing_ok=True)  # deleted, or quarantined by antivirus
    if how != "deleted":
        Store.open(data_dir).close()  # what 0.2.0 did next: a new, empty database
    recovery = backup.recover_if_damaged(data_dir, T0 + timedelta(hours=1))
    assert recovery is not None and recovery.damage is backup.Damage.MISSING
    assert recovery.restored_from == backup.list_backups(data_dir)[0]
    assert name_in(data_dir) == "Sikret"
    from rolleudpeger.ui.data_safety import recovery_message

    assert "manglede" in recovery_message(recovery)


def test_a_start_restores_a_deleted_database_before_anything_is_pruned(
    data_dir: Path, answers: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_in(data_dir, "Sikret")
    backup.take_backup(data_dir, T0)
    (data_dir / DB_FILE).unlink()
    monkeypatch.setenv(app.QUIT_AFTER_SHOW_ENV, "1")
    assert app.run(str(data_dir), []) == 0
    assert name_in(data_dir) == "Sikret"


@pytest.mark.usefixtures("file_semantics")
def test_an_erased_case_is_never_brought_back_from_a_backup_erasing_could_not_remove(
    data_dir: Path,
) -> None:
    from rolleudpeger.store import erase

    case_in(data_dir, "Slettet")
    left_behind = backup.take_backup(data_dir, T0)
    plan = erase.plan(data_dir, [])
    erase.erase(data_dir, erase.ErasePlan((), plan.damaged, ()))  # the backup stays behind
    assert left_behind.exists()
    assert backup.recover_if_damaged(data_dir, T0 + timedelta(hours=1)) is None
    assert name_in(data_dir) == ""


# --- C, D: side files and the lock as links -------------------------------------------------


@pytest.mark.usefixtures("file_semantics")
@pytest.mark.parametrize("side", ["-shm", "-wal"])
@pytest.mark.parametrize("link", ["hard", "symbolic"])
def test_a_linked_side_file_is_named_never_written_nor_taken_for_damage(
    data_dir: Path, tmp_path: Path, side: str, link: str, answers: Dialogs
) -> None:
    case_in(data_dir, "Intakt")
    backup.take_backup(data_dir, T0)
    victim = tmp_path / "someone-elses"
    victim.write_bytes(b"VICTIM " * 5)
    path = data_dir / (DB_FILE + side)
    path.unlink(missing_ok=True)
    if link == "hard":
        os.link(victim, path)
    else:
        path.symlink_to(victim)
    database = (data_dir / DB_FILE).read_bytes()
    # the report: refused, naming the link, nothing written
    code = report_command.run_report(str(tmp_path / "r.pdf"), str(data_dir))
    assert code == report_command.EXIT_FAILED and not (tmp_path / "r.pdf").exists()
    # a start: told, naming the file; the database is not set aside as damaged
    assert app.run(str(data_dir), []) == 2
    assert str(path) in answers.errors[-1] and "link" in answers.errors[-1]
    assert victim.read_bytes() == b"VICTIM " * 5
    assert (data_dir / DB_FILE).read_bytes() == database
    assert not backup.damaged_copies(data_dir)


@pytest.mark.parametrize("link", ["hard", "symbolic"])
def test_a_lock_file_that_is_a_link_does_not_lock_the_user_out(
    data_dir: Path, tmp_path: Path, link: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_in(data_dir)
    victim = tmp_path / "x"
    victim.write_text("not a lock")
    lock = data_dir / "rolleudpeger.lock"
    if link == "hard":
        os.link(victim, lock)
    else:
        lock.symlink_to(victim)
    monkeypatch.setenv(app.QUIT_AFTER_SHOW_ENV, "1")
    assert app.run(str(data_dir), []) == 0
    assert victim.read_text() == "not a lock"


# --- F, G, H3: names and junk in backups/ ----------------------------------------------------


@pytest.mark.usefixtures("file_semantics")
@pytest.mark.parametrize(
    "odd",
    ["-nr²", "-nr١٢٣", "-nr-1", "-nrabc", "-nr999999999999999999999"],
)
def test_odd_sequence_numbers_neither_crash_nor_count(data_dir: Path, odd: str) -> None:
    case_in(data_dir)
    good = backup.take_backup(data_dir, T0)
    (data_dir / "backups" / f"rolleudpeger-20261203-092323-009143+0000{odd}.sqlite3").touch()
    listed = backup.list_backups(data_dir)  # no ValueError
    assert good in listed
    assert backup.recover_if_damaged(data_dir) is None
    newer = backup.take_backup(data_dir, T0 + timedelta(minutes=1))
    assert backup.sequence(newer) in (2, 1_000_000_000_000_000_000_000)


@pytest.mark.usefixtures("file_semantics")
def test_junk_with_backup_names_never_pushes_good_backups_out(data_dir: Path) -> None:
    case_in(data_dir)
    good = [backup.take_backup(data_dir, T0 + timedelta(minutes=i)) for i in range(3)]
    for n in range(100, 110):
        (
            data_dir / "backups" / f"rolleudpeger-20261203-092323-009143+0000-nr{n:06d}.sqlite3"
        ).touch()
    backup.take_backup(data_dir, T0 + timedelta(hours=1))
    assert all(g.exists() for g in good)


@pytest.mark.usefixtures("file_semantics")
@pytest.mark.parametrize("year", ["9999", "0001", "1969"])
def test_a_backup_dated_out_of_any_calendar_is_shown_without_a_time(
    data_dir: Path, year: str, zone: object
) -> None:
    zone("Europe/Copenhagen")  # type: ignore[operator]
    case_in(data_dir)
    taken = backup.take_backup(data_dir, T0)
    odd = taken.with_name(f"rolleudpeger-{year}1231-233000-000000+0000-nr000999.sqlite3")
    taken.rename(odd)
    assert backup.taken_at(odd) is None
    assert backup.clock_looks_wrong(data_dir, T0) is None
    from rolleudpeger.domain.timefmt import format_time

    assert format_time(backup.taken_at(odd)) == ""


# --- H6, H7: the data folder's name, the logs folder ---------------------------------------


@pytest.mark.parametrize("value", ["/tmp/data ", " /tmp/data", "data\t"])
def test_a_folder_name_with_spaces_around_it_is_refused(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(DataDirError, match="mellemrum"):
        resolve_data_dir(value)
    monkeypatch.setenv(DATA_DIR_ENV, value)
    with pytest.raises(DataDirError, match=DATA_DIR_ENV):
        resolve_data_dir(None)


def test_a_logs_folder_that_is_a_link_is_said(
    data_dir: Path, tmp_path: Path, answers: Dialogs, monkeypatch: pytest.MonkeyPatch, qtbot: object
) -> None:
    case_in(data_dir)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (data_dir / "logs").symlink_to(elsewhere, target_is_directory=True)
    told: list[str] = []
    from rolleudpeger.ui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "tell", lambda _self, text: told.append(text))
    monkeypatch.setattr(app, "_log_problem", [])
    from rolleudpeger.ui import self_check

    monkeypatch.setenv(self_check.SELF_CHECK_ENV, "1")
    app.run(str(data_dir), [])
    assert any("Logfilen kan ikke skrives" in t for t in told), told
    assert list(elsewhere.iterdir()) == []
    assert config.path_problem(data_dir) is None
    logs.close()
