"""The Windows simulation (tests/windows_sim.py) really behaves as Windows does; and the
app's Windows-only paths, which only it runs here, work."""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from rolleudpeger.store import backup, files
from rolleudpeger.store.files import DB_FILE, LinkedPathError
from rolleudpeger.ui import data_safety
from tests import windows_sim

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Windows needs no simulation")


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> None:
    windows_sim.simulate(monkeypatch)


@pytest.mark.usefixtures("windows")
def test_fsync_needs_a_handle_open_for_writing(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x")
    with open(path, "rb") as f, pytest.raises(OSError) as caught:
        os.fsync(f.fileno())
    assert caught.value.errno == 9  # EBADF, as Windows' _commit says
    files.fsync_file(path)  # the app's way


@pytest.mark.usefixtures("windows")
def test_an_open_file_cannot_be_renamed_replaced_or_deleted(tmp_path: Path) -> None:
    held, other = tmp_path / "held", tmp_path / "other"
    held.write_text("a")
    other.write_text("b")
    with open(held, "rb"):
        for action in (
            lambda: os.replace(held, tmp_path / "moved"),
            lambda: os.replace(other, held),
            held.unlink,
        ):
            with pytest.raises(PermissionError) as caught:
                action()
            assert getattr(caught.value, "winerror", None) == 32
            assert files.is_busy(caught.value)
    os.replace(other, held)  # let go of: fine
    db = tmp_path / "x.sqlite3"
    connection = sqlite3.connect(db)
    connection.execute("CREATE TABLE t (x)")
    with pytest.raises(PermissionError):
        db.unlink()  # SQLite holds its files too
    connection.close()
    db.unlink()


@pytest.mark.usefixtures("windows")
def test_names_are_case_insensitive(tmp_path: Path) -> None:
    (tmp_path / "Data").mkdir()
    (tmp_path / "Data" / DB_FILE).write_text("db")
    upper = tmp_path / "DATA" / DB_FILE.upper()
    assert upper.exists() and upper.read_text() == "db"
    assert os.path.samefile(upper, tmp_path / "Data" / DB_FILE)
    assert sqlite3.connect(upper) is not None
    with pytest.raises(FileExistsError):
        (tmp_path / "data").mkdir()


@pytest.mark.usefixtures("windows")
@pytest.mark.parametrize("name", ["NUL", "con.pdf", "COM1", "lpt9.txt", "rapport.pdf.", "navn "])
def test_reserved_names_and_trailing_dots_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(OSError):
        (tmp_path / name).write_text("x")
    with pytest.raises(OSError):
        (tmp_path / name).mkdir()


@pytest.mark.usefixtures("windows")
def test_paths_of_260_characters_fail(tmp_path: Path) -> None:
    deep = tmp_path / ("x" * (windows_sim.MAX_PATH - len(str(tmp_path))))
    with pytest.raises(FileNotFoundError):
        deep.write_text("x")
    with pytest.raises(FileNotFoundError):
        os.stat(deep)


@pytest.mark.usefixtures("windows")
def test_chmod_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_text("x")
    before = os.lstat(path).st_mode
    path.chmod(0o600 if before & 0o077 else 0o666)
    assert os.lstat(path).st_mode == before


@pytest.mark.usefixtures("windows")
def test_a_junction_is_no_symlink_but_is_refused_as_a_link(tmp_path: Path) -> None:
    """Python 3.11 on Windows: is_symlink() is False for a junction, and there is no
    is_junction(); the app reads the reparse tag."""
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    data = tmp_path / "data"
    data.mkdir()
    windows_sim.junction(data / "backups", outside)
    assert not (data / "backups").is_symlink()
    assert files.is_link(data / "backups")
    with pytest.raises(LinkedPathError):
        files.real_folder(data / "backups")
    assert backup.list_backups(data) == []


@pytest.mark.usefixtures("windows")
def test_a_set_aside_blocked_by_a_real_open_handle_is_rolled_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not a patched error: another handle (here this process's own, as antivirus would
    hold one) keeps the -wal open, so Windows refuses to move it."""
    monkeypatch.setattr(time, "sleep", lambda _s: None)
    data = tmp_path / "data"
    data.mkdir()
    db = data / DB_FILE
    db.write_bytes(b"damaged")
    wal = data / (DB_FILE + "-wal")
    wal.write_bytes(b"wal")
    with open(wal, "rb"), pytest.raises(files.FileBusyError):
        backup._set_aside(db, None)
    assert db.read_bytes() == b"damaged" and wal.read_bytes() == b"wal"
    assert not list(data.glob(f"{DB_FILE}{backup.DAMAGED}*"))


@pytest.mark.usefixtures("windows")
def test_the_writable_probe_is_removed_even_while_antivirus_holds_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(time, "sleep", lambda _s: None)
    real_unlink = os.unlink
    held = [2]

    def antivirus(path: object, *args: object, **kwargs: object) -> None:
        if ".skrivetest" in str(path) and held[0]:
            held[0] -= 1
            raise windows_sim.win_error(13, 32, "being used by another process", path)
        real_unlink(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "unlink", antivirus)
    data_safety.check_writable(tmp_path / "data")
    assert list((tmp_path / "data").iterdir()) == []
