"""Names pasted in decomposed form (NFD, from a PDF or a Mac) into the window: stored
composed, and compared as they look."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from rolleudpeger.ui.main_window import MainWindow
from tests.conftest import Clock, demo
from tests.ui.helpers import close_window, find, open_window, show_field


def paste(qtbot: QtBot, w: MainWindow, name: str, text: str) -> None:
    """Paste into a field, as such text arrives (QTest types ASCII only), and leave it."""
    field = show_field(qtbot, w, name)
    line = field.lineEdit() if isinstance(field, QComboBox) else field
    assert isinstance(line, QLineEdit)
    line.setFocus()
    line.selectAll()
    QApplication.clipboard().setText(text)
    line.paste()
    qtbot.keyClick(line, Qt.Key.Key_Tab)


def test_a_pasted_decomposed_owner_is_seen_as_the_leader(
    qtbot: QtBot, data_dir: Path, clock: Clock
) -> None:
    w = open_window(qtbot, data_dir, clock)
    demo(w.editor, complete=False)
    paste(qtbot, w, "leader_first_name", "Marie")
    paste(qtbot, w, "leader_last_name", "Lefèvre")
    paste(qtbot, w, "owner_first_name", "MARIE")
    paste(qtbot, w, "owner_last_name", "Lefe\u0300vre")
    stored = w.editor.store.load_case(w.editor.case.id).value("owner_last_name")
    assert stored == "Lefèvre" == unicodedata.normalize("NFC", "Lefe\u0300vre")
    shown = [label.text() for label in find(w, "page_appoint").findChildren(QLabel)]
    assert any("samme person" in text for text in shown), shown
    close_window(w)


def test_a_municipality_typed_decomposed_is_found(
    qtbot: QtBot, data_dir: Path, clock: Clock
) -> None:
    w = open_window(qtbot, data_dir, clock)
    paste(qtbot, w, "municipality", "TA\u030aRNBY")  # Tårnby, as a Mac may send it
    assert w.editor.case.value("municipality") == "185"
    shown = [label.text() for label in find(w, "page_intro").findChildren(QLabel)]
    assert not any("fra listen" in text for text in shown)
    close_window(w)
