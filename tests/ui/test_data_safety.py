"""Restoring a backup from the menu; the message and backup after start."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from rolleudpeger.store import backup
from rolleudpeger.store.backup import Recovery
from rolleudpeger.ui import data_safety
from tests.conftest import Clock, Dialogs
from tests.ui.helpers import close_window, open_window, text_of, type_text, visible_page

# As on the users' Windows PCs too (tests/windows_sim.py).
pytestmark = pytest.mark.usefixtures("file_semantics")


def test_restore_from_the_menu(
    qtbot: QtBot, data_dir: Path, clock: Clock, answers: Dialogs
) -> None:
    w = open_window(qtbot, data_dir, clock)
    type_text(qtbot, w, "municipality", "Odense")
    type_text(qtbot, w, "leader_first_name", "Før")
    assert data_safety.after_show(w, w.editor, None) == "Sikkerhedskopi taget."
    type_text(qtbot, w, "leader_first_name", "Efter")
    answers.choice, answers.confirm = 0, True
    w.findChild(QAction, "action_restore_backup").trigger()
    offered = answers.offered
    total = len(w.task.method_steps)
    assert f"461 Odense · 0 af {total} trin færdige · KLIK-status: Ikke påbegyndt" in offered[0][0]
    assert text_of(w, "leader_first_name") == "Før"
    assert w.editor.case.value("leader_first_name") == "Før"
    assert visible_page(w) == "appoint"
    assert len(backup.list_backups(data_dir)) == 2  # the "Efter" state was kept first
    type_text(qtbot, w, "leader_last_name", "Holm")  # and saving goes on as before
    assert w.editor.store.load_case(w.editor.case.id).value("leader_last_name") == "Holm"
    close_window(w)


def test_restore_cancelled_changes_nothing(
    qtbot: QtBot, data_dir: Path, clock: Clock, answers: Dialogs
) -> None:
    w = open_window(qtbot, data_dir, clock)
    type_text(qtbot, w, "leader_first_name", "Ene")
    backup.take_backup(data_dir)
    answers.choice = None
    w.findChild(QAction, "action_restore_backup").trigger()
    assert len(backup.list_backups(data_dir)) == 1
    assert w.editor.case.value("leader_first_name") == "Ene"
    close_window(w)


def test_recovery_is_told_after_start(
    qtbot: QtBot, data_dir: Path, clock: Clock, answers: Dialogs
) -> None:
    w = open_window(qtbot, data_dir, clock)
    shown = answers.warnings
    damaged = data_dir / "rolleudpeger.sqlite3.beskadiget-20261127-090000"
    data_safety.after_show(w, w.editor, Recovery(damaged, None))
    assert str(damaged) in shown[0] and "tom sag" in shown[0]
    close_window(w)
