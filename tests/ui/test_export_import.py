"""Export a case from the menu, import it on another PC: everything arrives, and a bad
file changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from rolleudpeger.domain import handover
from rolleudpeger.domain.events import Cause, EventKind
from rolleudpeger.store import backup
from tests.conftest import Clock, Dialogs
from tests.domain.test_handover import exported
from tests.ui.helpers import close_window, open_window, text_of, visible_page

# As on the users' Windows PCs too (tests/windows_sim.py).
pytestmark = pytest.mark.usefixtures("file_semantics")


def test_export_and_import_on_another_pc(
    qtbot: QtBot,
    data_dir: Path,
    clock: Clock,
    tmp_path: Path,
    answers: Dialogs,
) -> None:
    w = open_window(qtbot, data_dir, clock)
    exported(w.editor)
    w.editor.set_current_step("appoint")
    file = tmp_path / "overdragelse.json"
    answers.file = str(file)
    w.findChild(QAction, "action_export_case").trigger()
    assert (
        json.loads(file.read_text(encoding="utf-8"))["version"] == handover.VERSION == 3
    )  # 0.3.0: stated dates
    original = w.editor.case
    close_window(w)

    other_pc = tmp_path / "ny-pc"
    w2 = open_window(qtbot, other_pc, clock)
    answers.file = str(file)
    answers.confirm = True
    asked = answers.questions
    w2.findChild(QAction, "action_import_case").trigger()
    assert asked == []  # the new PC had an empty case: nothing to ask about
    assert text_of(w2, "leader_first_name") == "Maja"
    assert w2.editor.case.values == original.values
    assert w2.editor.case.klik_status == original.klik_status
    assert visible_page(w2) == "appoint"
    events = w2.editor.store.events(w2.editor.case.id)
    assert (events[-1].kind, events[-1].detail) == (EventKind.CASE_IMPORTED, "overdragelse.json")
    assert events[-1].cause is Cause.USER  # the import was done here
    assert {e.cause for e in events[:-1]} == {Cause.IMPORTED}  # the rest on the old PC

    # Importing again over a case with content asks first, and keeps a backup.
    answers.confirm = False
    w2.findChild(QAction, "action_import_case").trigger()
    assert w2.editor.case.id == w2.editor.store.latest_case_id()
    assert backup.list_backups(other_pc) == []
    answers.confirm = True
    w2.findChild(QAction, "action_import_case").trigger()
    assert len(backup.list_backups(other_pc)) == 1
    close_window(w2)


def test_a_bad_file_changes_nothing(
    qtbot: QtBot,
    data_dir: Path,
    clock: Clock,
    tmp_path: Path,
    answers: Dialogs,
) -> None:
    w = open_window(qtbot, data_dir, clock)
    w.editor.set_text("leader_first_name", "Bliver")
    bad = tmp_path / "forkert.json"
    bad.write_text("{ikke json", encoding="utf-8")
    answers.file = str(bad)
    w.findChild(QAction, "action_import_case").trigger()
    assert "ikke en gyldig sagsfil" in answers.errors[0]
    assert w.editor.store.load_case(w.editor.case.id).value("leader_first_name") == "Bliver"
    close_window(w)
