"""Erasing the case leaves no byte of a name anywhere; unexpected errors are logged."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from rolleudpeger import logs
from rolleudpeger.store import backup
from rolleudpeger.store.files import DB_FILE
from rolleudpeger.ui import app
from tests.conftest import Clock, Dialogs
from tests.ui.helpers import check, click, close_window, open_window, text_of, type_text

# As on the users' Windows PCs too (tests/windows_sim.py).
pytestmark = pytest.mark.usefixtures("file_semantics")

NAME = "Xylofonia Quenbrask"


def files_with(folder: Path, needle: str) -> list[str]:
    hits = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                if needle.encode(encoding) in data:
                    hits.append(f"{path.name} ({encoding})")
    return hits


def test_erasure_leaves_no_trace(
    qtbot: QtBot, data_dir: Path, clock: Clock, answers: Dialogs
) -> None:
    log_folder = data_dir / "logs"
    logs.setup(log_folder)
    w = open_window(qtbot, data_dir, clock)
    w.log_folder = log_folder
    first, last = NAME.split()
    type_text(qtbot, w, "municipality", "Aarhus")
    for key, value in (
        ("leader_first_name", first),
        ("leader_last_name", last),
        ("leader_email", "xylofonia.quenbrask@aarhus.dk"),
        ("leader_phone", "41857230"),
        ("owner_first_name", first),
        ("owner_last_name", last),
        ("library_director_name", NAME),
        ("placement_notes", f"Aftalt med {NAME}"),
    ):
        type_text(qtbot, w, key, value)
    type_text(qtbot, w, "question_text", f"Kan {NAME} få adgang?", leave=False)
    click(qtbot, w, "add_question")
    w.editor.answer_question(w.editor.case.questions[0].id, f"Ja, {NAME} kan")
    w.editor.set_waiting("plus_rights", True, f"Venter på {NAME}")
    check(qtbot, w, "mail_sent")
    for i in range(3):
        backup.take_backup(data_dir)
        w.editor.set_text("team", f"{NAME} {i}")
    (data_dir / f"{DB_FILE}.beskadiget-20261127-090000").write_bytes(NAME.encode() * 10)
    logs.log.error("Fejl i feltet for %s", NAME)
    assert len(files_with(data_dir, NAME)) >= 5  # the name really is everywhere first

    answers.confirm = True
    w.findChild(QAction, "action_erase_case").trigger()
    asked = answers.questions
    assert "Aarhus Kommune" in asked[0]
    assert "3 sikkerhedskopier, 1 beskadiget kopi og 1 logfil" in asked[0]
    assert files_with(data_dir, NAME) == []
    assert files_with(data_dir, "xylofonia") == []
    assert text_of(w, "leader_first_name") == ""
    assert w.editor.case.questions == []
    type_text(qtbot, w, "leader_first_name", "Ny")  # the app goes on with an empty case
    close_window(w)
    logs.close()
    assert files_with(data_dir, NAME) == []


def test_erasure_needs_a_yes(qtbot: QtBot, data_dir: Path, clock: Clock, answers: Dialogs) -> None:
    w = open_window(qtbot, data_dir, clock)
    type_text(qtbot, w, "leader_first_name", "Bliver")
    answers.confirm = False
    w.findChild(QAction, "action_erase_case").trigger()
    assert w.editor.store.load_case(w.editor.case.id).value("leader_first_name") == "Bliver"
    close_window(w)


@pytest.mark.qt_no_exception_capture
def test_unexpected_error_is_logged_and_told(
    qtbot: QtBot, data_dir: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch, answers: Dialogs
) -> None:
    log_file = logs.setup(data_dir / "logs")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    app.install_excepthook(log_file)
    told = answers.errors
    w = open_window(qtbot, data_dir, clock)
    # The window is up (as app.started says after its first paint; open_window builds the
    # window alone, and the flag was left set or not by whatever test ran before).
    monkeypatch.setattr(app, "_running", True)

    def broken_slot() -> None:
        raise RuntimeError("noget gik galt")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(told))
    assert "Der skete en fejl. Dine data er gemt." in told[0] and str(log_file) in told[0]
    content = log_file.read_text(encoding="utf-8")
    assert "Traceback" in content and "RuntimeError: noget gik galt" in content
    type_text(qtbot, w, "leader_first_name", "Videre")  # still running
    assert w.editor.case.value("leader_first_name") == "Videre"
    close_window(w)
    logs.close()
