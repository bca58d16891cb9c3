"""What the user sees when the data folder or a file is hostile or unlucky."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
)
from pytestqt.qtbot import QtBot

from rolleudpeger import operations
from rolleudpeger.store import backup
from rolleudpeger.store.files import DB_FILE
from rolleudpeger.store.repository import Store
from rolleudpeger.ui import app, data_safety
from tests.conftest import Clock, Dialogs, demo
from tests.store.test_hostile_files import _Busy
from tests.test_hostile_input import SPOOF
from tests.ui.helpers import click, close_window, find, open_window, show_field, type_text
from tests.ui.test_pages import message_under


def test_a_spoofed_address_gets_a_message_at_the_field(
    qtbot: QtBot, data_dir: Path, clock: Clock
) -> None:
    w = open_window(qtbot, data_dir, clock)
    field = show_field(qtbot, w, "leader_email")
    assert isinstance(field, QLineEdit)
    field.setFocus()
    QApplication.clipboard().setText(SPOOF)  # pasted, as such a text arrives
    field.paste()
    type_text(qtbot, w, "leader_title", "Konsulent")  # leaves the field
    assert "usynlige tegn" in message_under(w, "leader_email")
    assert w.editor.case.value("leader_email") == ""  # refused
    assert field.text() == SPOOF  # and still there to correct
    close_window(w)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_eml_draft_is_private(
    qtbot: QtBot,
    data_dir: Path,
    clock: Clock,
    tmp_path: Path,
    answers: Dialogs,
) -> None:
    w = open_window(qtbot, data_dir, clock)
    demo(w.editor, complete=False)
    target = tmp_path / "Mail til KOMBIT.eml"
    answers.file = str(target)
    click(qtbot, w, "mail_save_eml")
    assert target.is_file() and stat.S_IMODE(target.stat().st_mode) == 0o600
    close_window(w)


def test_a_read_only_database_gets_danish_words_for_the_backup(
    qtbot: QtBot, data_dir: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = open_window(qtbot, data_dir, clock)

    def read_only(_folder: Path) -> None:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(backup, "backup_if_changed", read_only)
    status = data_safety.after_show(w, w.editor, None)
    assert "skrivebeskyttet" in status and "readonly" not in status
    close_window(w)


def test_a_pdf_open_in_another_program_is_told_as_such(
    qtbot: QtBot,
    data_dir: Path,
    clock: Clock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answers: Dialogs,
) -> None:
    w = open_window(qtbot, data_dir, clock)
    demo(w.editor)
    target = tmp_path / "rapport.pdf"
    target.write_bytes(b"%PDF the old one, open in Acrobat")
    answers.file = str(target)
    monkeypatch.setattr(time, "sleep", lambda _s: None)
    real_replace = os.replace

    def held(src: object, dst: object) -> None:
        if str(dst) == str(target):
            raise _Busy(13, "Access is denied")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", held)
    click(qtbot, w, "save_pdf")
    result = find(w, "report_result")
    assert isinstance(result, QLabel) and "åben i et andet program" in result.text()
    assert target.read_bytes() == b"%PDF the old one, open in Acrobat"
    assert [p.name for p in tmp_path.iterdir()] == ["data", "rapport.pdf"]  # no leftovers
    close_window(w)


def test_erasing_when_the_database_became_a_folder_says_what_is_left(
    qtbot: QtBot, data_dir: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch, answers: Dialogs
) -> None:
    w = open_window(qtbot, data_dir, clock)
    demo(w.editor)
    backup.take_backup(data_dir)
    answers.confirm = True
    errors = answers.errors
    real_erase = operations.erase_files

    def swapped(folder: Path, what: object) -> object:
        (folder / DB_FILE).unlink()
        (folder / DB_FILE).mkdir()  # someone put a folder where the database was
        return real_erase(folder, what)  # type: ignore[arg-type]

    monkeypatch.setattr(operations, "erase_files", swapped)
    w.findChild(QAction, "action_erase_case").trigger()
    assert errors and "Ikke alt kunne slettes" in errors[0]
    assert str(data_dir / DB_FILE) in errors[0]
    assert "slettet" not in w.statusBar().currentMessage()
    assert backup.list_backups(data_dir) == []


def test_a_database_changed_behind_the_apps_back_is_set_aside_at_start(
    data_dir: Path, task: object, monkeypatch: pytest.MonkeyPatch, answers: Dialogs
) -> None:
    from rolleudpeger.editing import CaseEditor

    store = Store.open(data_dir)
    demo(CaseEditor.open(task, store))  # type: ignore[arg-type]
    store.close()
    good = backup.take_backup(data_dir)
    db = sqlite3.connect(data_dir / DB_FILE)
    db.execute(
        "CREATE TRIGGER omskriv AFTER UPDATE ON field_values BEGIN "
        "UPDATE field_values SET value = 'maja@evil.example' WHERE key = 'leader_email'; END"
    )
    db.commit()
    db.close()
    warned = answers.warnings
    monkeypatch.setenv(app.QUIT_AFTER_SHOW_ENV, "")
    seen: dict[str, str] = {}

    def look(window: object, editor: CaseEditor, recovery: object) -> str:
        seen["email"] = editor.case.value("leader_email")
        status = real_after_show(window, editor, recovery)  # type: ignore[arg-type]
        window.close()  # type: ignore[attr-defined]
        return status

    real_after_show = data_safety.after_show
    monkeypatch.setattr(data_safety, "after_show", look)
    assert app.run(str(data_dir), []) == 0
    assert warned and "ændret uden om Rolleudpeger" in warned[0] and "triggeren" in warned[0]
    assert seen["email"] == "maja.sondergaard@aarhus.dk"
    (aside,) = data_dir.glob(f"{DB_FILE}{backup.DAMAGED}*")  # kept, not deleted
    triggers = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'"
    assert sqlite3.connect(aside).execute(triggers).fetchone() == (1,)
    assert sqlite3.connect(data_dir / DB_FILE).execute(triggers).fetchone() == (0,)
    assert good.exists()


def test_only_usable_backups_are_offered(
    qtbot: QtBot, data_dir: Path, clock: Clock, answers: Dialogs
) -> None:
    w = open_window(qtbot, data_dir, clock)
    demo(w.editor)
    good = backup.take_backup(data_dir)
    broken = good.with_name("rolleudpeger-20261101-090000-000000.sqlite3")
    broken.write_bytes(good.read_bytes()[:8192])  # half a file, as a kill leaves it
    answers.choice = None
    w.findChild(QAction, "action_restore_backup").trigger()
    offered = answers.offered
    assert len(offered[0]) == 1 and "01.11.2026" not in offered[0][0]
    close_window(w)
