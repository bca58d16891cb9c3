"""On POSIX the data folder is private (0700) and so are the files in it (0600)."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from rolleudpeger.editing import CaseEditor
from rolleudpeger.store.files import DB_FILE
from rolleudpeger.store.repository import Store

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes"),
    pytest.mark.posix_modes,
]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_folder_and_files_are_private(data_dir: Path, editor: CaseEditor) -> None:
    editor.set_text("leader_first_name", "Maja")
    assert mode(data_dir) == 0o700
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {DB_FILE, DB_FILE + "-wal", DB_FILE + "-shm"}
    for p in files:
        assert mode(p) == 0o600, p


def test_an_existing_folder_keeps_its_mode(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o755)
    Store.open(data_dir).close()
    assert mode(data_dir) == 0o755  # a folder the user chose is left as it is
    assert mode(data_dir / DB_FILE) == 0o600
