"""Two things at once on one data folder: a `report` while the window saves, two restores
at the same moment, an import file that changes while it is read. Nothing is lost, nothing
is half-written, and what cannot be done is said."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader

from rolleudpeger import operations
from rolleudpeger.editing import CaseEditor
from rolleudpeger.operations import Status
from rolleudpeger.resources import load_task
from rolleudpeger.store import backup, files
from rolleudpeger.store.files import DB_FILE
from rolleudpeger.store.repository import Store
from rolleudpeger.ui import report_command
from tests.conftest import demo
from tests.killsoak import CHILD
from tests.test_operations import Answers

pytestmark = pytest.mark.usefixtures("qapp")  # the report command shares the process


@pytest.mark.slow
def test_report_while_the_window_saves(data_dir: Path, tmp_path: Path) -> None:
    """A saving process (the edits the window makes, back to back) and five reports: each
    report is whole, and the saves go on and stay intact."""
    store = Store.open(data_dir)
    demo(CaseEditor.open(load_task(), store))
    store.close()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir), "0"],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        for i in range(5):
            pdf = tmp_path / f"rapport-{i}.pdf"
            assert report_command.run_report(str(pdf), str(data_dir)) == 0
            assert len(PdfReader(pdf).pages) >= 2
    finally:
        child.kill()
        out, _ = child.communicate(timeout=30)
    assert out.count("question") > 5  # it really saved meanwhile
    db = sqlite3.connect(data_dir / DB_FILE)
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    db.close()


@pytest.mark.usefixtures("file_semantics")
def test_two_restores_at_the_same_moment(data_dir: Path) -> None:
    """The window's lock makes this rare (one window per folder); should it happen, each
    restore works from a copy of its own, and the database ends as one of the backups."""
    store = Store.open(data_dir)
    editor = CaseEditor.open(load_task(), store)
    names = []
    for name in ("Første", "Anden", "Tredje"):
        editor.set_text("leader_first_name", name)
        store.close()
        backup.take_backup(data_dir)
        store = Store.open(data_dir)
        editor.reload(store)
        names.append(name)
    store.close()
    chosen = backup.list_backups(data_dir)[1:3]
    errors: list[BaseException] = []

    def restore(which: Path) -> None:
        try:
            backup.restore_backup(data_dir, which)
        except (OSError, sqlite3.Error, backup.BackupUnusableError) as e:
            errors.append(e)

    threads = [threading.Thread(target=restore, args=(b,)) for b in chosen]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(errors) <= 1, errors  # at most one is told it could not (the file was busy)
    store = Store.open(data_dir)
    got = store.load_case(store.latest_case_id() or 0).value("leader_first_name")
    store.close()
    assert got in {"Første", "Anden"}
    assert not list(data_dir.glob(".*gendannes*")) and not list(data_dir.glob("backups/.*"))
    assert all(backup.usable(b) for b in backup.list_backups(data_dir))


def test_an_import_file_that_changes_while_it_is_read(
    editor: CaseEditor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read in pieces, the file is rewritten after the first piece: what was read is
    refused as a whole (never half of one file and half of another), and the case is
    left as it was."""
    from rolleudpeger.domain import handover

    demo(editor)
    exported = handover.export_case(
        editor.task, editor.case, editor.store.events(editor.case.id), editor.clock(), "0.2.0"
    )
    exported["case"]["values"]["placement_notes"] = "x" * 2_500_000  # read in 3 pieces
    path = tmp_path / "sag.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    real_read = os.read
    pieces = []

    def read_then_change(fd: int, n: int) -> bytes:
        data = real_read(fd, n)
        pieces.append(len(data))
        if len(pieces) == 1:  # another program saves a different case meanwhile
            path.write_text(json.dumps({"format": 2, "case": {}}), encoding="utf-8")
        return data

    monkeypatch.setattr(os, "read", read_then_change)
    before = dict(editor.case.values)
    outcome = operations.import_case(editor, Answers(file=str(path)))
    monkeypatch.setattr(os, "read", real_read)
    assert outcome.status is Status.FAILED, outcome
    assert "Intet er ændret" in outcome.message
    assert editor.case.values == before
    assert files.read_limited is not None  # (the one reader all imports go through)
