"""The date rule in the window: a deadline that is not a date under it makes no calendar
file and no crash, however it got into the case (typed, imported by an older version,
forged in the database); a case file with a byte order mark imports from the menu."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from rolleudpeger.domain import handover
from rolleudpeger.store.repository import Store
from tests.conftest import Clock, Dialogs
from tests.domain.test_handover import exported
from tests.ui.helpers import click, close_window, find, open_window, text_of, type_text
from tests.ui.test_pages import message_under


@pytest.mark.parametrize("typed", ["9999-12-31", "0005-01-01", "31.02.2027", "01.01.2100"])
def test_a_typed_deadline_outside_the_rule_makes_no_calendar_file(
    qtbot: QtBot, data_dir: Path, clock: Clock, tmp_path: Path, answers: Dialogs, typed: str
) -> None:
    w = open_window(qtbot, data_dir, clock)
    type_text(qtbot, w, "klik_deadline", typed)
    assert message_under(w, "klik_deadline")  # what to correct, at the field
    progress = find(w, "progress")
    assert isinstance(progress, QLabel) and "KLIK-frist" not in progress.text()
    answers.file = str(tmp_path / "frist.ics")
    click(qtbot, w, "deadline_calendar")
    assert "Skriv først fristen" in message_under(w, "deadline_calendar")
    assert not list(tmp_path.glob("*.ics"))
    close_window(w)


@pytest.mark.parametrize("forged", ["9999-12-31", "0005-01-01"])
def test_a_forged_deadline_in_the_database_makes_no_calendar_file(
    qtbot: QtBot, data_dir: Path, clock: Clock, tmp_path: Path, answers: Dialogs, forged: str
) -> None:
    """0.2.0 imported any text as the deadline; 9999-12-31 then crashed the .ics save
    (OverflowError) and 0005-01-01 wrote an invalid DTSTART."""
    w = open_window(qtbot, data_dir, clock)
    w.editor.set_text("klik_deadline", "15.12.2026")
    close_window(w)
    store = Store.open(data_dir)
    with store.engine.begin() as c:
        c.exec_driver_sql(
            "UPDATE field_values SET value = ? WHERE key = 'klik_deadline'", (forged,)
        )
    store.close()
    w = open_window(qtbot, data_dir, clock)
    assert text_of(w, "klik_deadline") == forged  # shown as it is, with a message
    assert message_under(w, "klik_deadline")
    answers.file = str(tmp_path / "frist.ics")
    click(qtbot, w, "deadline_calendar")
    assert not list(tmp_path.glob("*.ics"))
    assert "Skriv først fristen" in message_under(w, "deadline_calendar")
    close_window(w)


def test_a_case_file_saved_with_a_byte_order_mark_imports_from_the_menu(
    qtbot: QtBot, data_dir: Path, clock: Clock, tmp_path: Path, answers: Dialogs
) -> None:
    w = open_window(qtbot, data_dir, clock)
    data = exported(w.editor)
    close_window(w)
    file = tmp_path / "fra Notepad.json"
    file.write_bytes(b"\xef\xbb\xbf" + json.dumps(data, ensure_ascii=False).encode("utf-8"))
    w2 = open_window(qtbot, tmp_path / "ny-pc", clock)
    answers.file = str(file)
    w2.findChild(QAction, "action_import_case").trigger()
    assert answers.errors == []
    assert text_of(w2, "leader_last_name") == "Søndergaard"
    assert handover.has_content(w2.editor.case)
    close_window(w2)
