"""The data folder as the user names it, and the disk it lies on: a full disk is said as
such, odd names are refused with a message (never a traceback), and no file of the data
folder is written through another name (hard links)."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from rolleudpeger import config, logs
from rolleudpeger.config import DATA_DIR_ENV, DataDirError, resolve_data_dir
from rolleudpeger.editing import CaseEditor
from rolleudpeger.resources import load_task
from rolleudpeger.store import erase, files
from rolleudpeger.store.files import DB_FILE
from rolleudpeger.store.repository import Store
from rolleudpeger.ui import app, data_safety
from rolleudpeger.ui.single_instance import Lock, SingleInstance
from tests.conftest import Dialogs
from tests.test_app import run_module

# --- the name -------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["~nosuchuser/x", "~ingen-sådan-bruger"])
def test_a_home_folder_of_no_user_is_told_not_a_traceback(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(DataDirError, match="ingen bruger"):
        resolve_data_dir(value)
    monkeypatch.setenv(DATA_DIR_ENV, value)
    with pytest.raises(DataDirError, match="ingen bruger"):
        resolve_data_dir(None)
    for args, env in ((["--data-dir", value], {}), ([], {DATA_DIR_ENV: value})):
        result = run_module(*args, env=env)
        assert result.returncode == 2, result.stderr
        assert "ingen bruger" in result.stderr and "Traceback" not in result.stderr
        result = run_module("report", "--pdf", "x.pdf", *args, env=env)
        assert result.returncode == 2 and "Traceback" not in result.stderr


@pytest.mark.parametrize("value", [" ", "   ", "\t", " \n "])
def test_a_folder_of_spaces_is_refused_in_the_option_and_the_variable_alike(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(DataDirError):
        resolve_data_dir(value)
    monkeypatch.setenv(DATA_DIR_ENV, value)
    with pytest.raises(DataDirError, match=DATA_DIR_ENV):
        resolve_data_dir(None)
    result = run_module(env={DATA_DIR_ENV: value, app.QUIT_AFTER_SHOW_ENV: "1"})
    assert result.returncode == 2 and DATA_DIR_ENV in result.stderr


def test_an_empty_variable_means_no_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, "")
    assert resolve_data_dir(None) == config.default_data_dir()


@pytest.mark.windows_rules  # 260 characters on Windows
@pytest.mark.usefixtures("file_semantics")
def test_a_path_too_long_for_the_database_is_told_why(
    tmp_path: Path, answers: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over SQLite's limit (512 bytes on Linux and macOS, 260 characters on Windows, less
    the app's own names inside) the database cannot be opened: the message says why."""
    room = config.max_folder() - len(os.fsencode(str(tmp_path))) + 1
    deep = tmp_path / "/".join(["d" * 50] * (room // 51 + 1))
    with pytest.raises(DataDirError, match="for lang"):
        resolve_data_dir(str(deep))
    monkeypatch.setenv(DATA_DIR_ENV, str(deep))
    with pytest.raises(DataDirError, match="for lang"):
        resolve_data_dir(None)
    # A folder chosen in the window's dialog is held to the same rule.
    answers.confirm = False
    assert data_safety.usable_data_folder(None, deep) is None
    assert "for lang" in answers.questions[0]


def test_the_longest_allowed_folder_opens(tmp_path: Path) -> None:
    room = config.max_folder() - len(os.fsencode(str(tmp_path))) - 1
    deep = tmp_path / "/".join(["d" * 50] * (room // 51))
    deep = deep / ("e" * (config.max_folder() - len(os.fsencode(str(deep))) - 1))
    assert config.path_problem(deep) is None
    store = Store.open(deep)
    CaseEditor.open(load_task(), store).set_text("leader_first_name", "Maja")
    store.close()
    from rolleudpeger.store import backup

    assert backup.backup_if_changed(deep) is not None  # the longest name inside fits too


# --- a full disk ----------------------------------------------------------------------------


def test_a_full_disk_is_found_when_the_folder_is_tried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: Dialogs
) -> None:
    import builtins

    real_open = builtins.open

    class Full:
        def __init__(self, f: object) -> None:
            self.f = f

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            self.f.close()  # type: ignore[attr-defined]

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    def opener(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        f = real_open(file, mode, *args, **kwargs)  # type: ignore[call-overload]
        return Full(f) if "skrivetest" in str(file) else f

    monkeypatch.setattr(builtins, "open", opener)
    answers.confirm = False
    assert data_safety.usable_data_folder(None, tmp_path / "data") is None
    assert "disken er fuld" in answers.questions[0]
    assert not list((tmp_path / "data").iterdir())  # the probe is gone again


def test_a_lock_that_cannot_be_written_is_not_already_open(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, answers: Dialogs
) -> None:
    """0.2.0 said "allerede åben … svarer ikke" when the disk was full."""
    monkeypatch.setattr(SingleInstance, "acquire", lambda _self: Lock.FAILED)
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: shutil._ntuple_diskusage(10, 10, 0))  # type: ignore[attr-defined]
    assert app.run(str(data_dir), []) == 2
    assert "disken er fuld" in answers.errors[0]
    assert "allerede åben" not in answers.errors[0]


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A real, small file system, filled up: a tmpfs of 256 KiB (needs root and mount, as
    here and in CI's container)."""
    if sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("a real full disk needs root and mount (Linux)")
    mnt = tmp_path / "disk"
    mnt.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mnt)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"mount refused here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        (mnt / "data").mkdir()
        filler = mnt / "filler"
        with open(filler, "wb", buffering=0) as f:
            try:
                while True:
                    f.write(b"\0" * 4096)
            except OSError:
                pass
        yield mnt / "data"
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)  # lazily: a child may hold it


def test_a_start_on_a_really_full_disk_says_so(full_disk: Path, answers: Dialogs) -> None:
    answers.confirm = False  # "choose another folder?" — no
    assert app.run(str(full_disk), []) == 2
    said = answers.questions + answers.errors
    assert any("disken er fuld" in s for s in said), said
    assert not any("allerede åben" in s for s in said), said


# --- hard links -------------------------------------------------------------------------------


@pytest.mark.usefixtures("file_semantics")
def test_a_log_file_hard_linked_to_another_file_is_never_written(tmp_path: Path) -> None:
    other = tmp_path / "someone-elses.txt"
    other.write_text("someone else's file\n")
    before_mode = os.stat(other).st_mode
    folder = tmp_path / "data" / "logs"
    folder.mkdir(parents=True)
    os.link(other, folder / logs.LOG_FILE)
    path = logs.setup(folder)
    logs.log.error("a line that must not reach the other file")
    logs.close()
    assert other.read_text() == "someone else's file\n"
    assert os.stat(other).st_mode == before_mode  # not chmodded
    assert "must not reach" in path.read_text()  # our own, new file
    os.link(other, folder / (logs.LOG_FILE + ".1"))
    result = erase.erase(tmp_path / "data", erase.ErasePlan((), (), tuple(logs.log_files(folder))))
    assert result.complete
    assert other.read_text() == "someone else's file\n"  # not emptied


@pytest.mark.usefixtures("file_semantics")
def test_one_database_in_two_data_folders_is_refused(tmp_path: Path, answers: Dialogs) -> None:
    """Hard-linked into a second folder, two windows (one lock per folder) could write the
    same file through two sets of -wal/-shm files: the app uses no database with other
    names."""
    first, second = tmp_path / "a", tmp_path / "b"
    store = Store.open(first)
    CaseEditor.open(load_task(), store).set_text("leader_first_name", "Maja")
    store.close()
    second.mkdir()
    os.link(first / DB_FILE, second / DB_FILE)
    for folder in (first, second):
        with pytest.raises(files.HardLinkedError):
            Store.open(folder)
    assert app.run(str(second), []) == 2
    assert "hårdt link" in answers.errors[0]


# --- a recovery cut short ---------------------------------------------------------------


@pytest.mark.usefixtures("file_semantics")
def test_a_start_never_begins_empty_beside_a_recoverable_case(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, answers: Dialogs
) -> None:
    import sqlite3

    from rolleudpeger.store import backup

    store = Store.open(data_dir)
    CaseEditor.open(load_task(), store).set_text("leader_first_name", "Sikret")
    store.close()
    backup.take_backup(data_dir)
    (data_dir / DB_FILE).write_text("beskadiget")
    for side in ("-wal", "-shm"):
        (data_dir / (DB_FILE + side)).unlink(missing_ok=True)
    real_copy = backup._copy

    def full(source: str, target: Path, **kwargs: bool) -> None:
        if ".gendannes" in str(target):
            raise sqlite3.OperationalError("database or disk is full")
        real_copy(source, target, **kwargs)

    monkeypatch.setattr(backup, "_copy", full)
    monkeypatch.setenv(app.QUIT_AFTER_SHOW_ENV, "1")
    for _start in range(2):
        assert app.run(str(data_dir), []) == 2
        assert "ikke tabt" in answers.errors[-1] and "disken er fuld" in answers.errors[-1]
        assert not (data_dir / DB_FILE).exists()  # no empty case was begun
    monkeypatch.setattr(backup, "_copy", real_copy)
    assert app.run(str(data_dir), []) == 0
    store = Store.open(data_dir)
    assert store.load_case(store.latest_case_id() or 0).value("leader_first_name") == "Sikret"
    store.close()
