"""The one seam every question goes through (rolleudpeger.ui.dialogs) asks with Qt's own
dialogs, as docs/CONTRACT.md promises outside tests: Yes/No questions are QMessageBox
questions (No by default), file choices QFileDialog. The other tests answer the seam."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QComboBox, QFileDialog, QInputDialog, QMessageBox

from rolleudpeger.ui import dialogs
from rolleudpeger.ui.app import application


@pytest.mark.parametrize(
    ("button", "expected"),
    [(QMessageBox.StandardButton.Yes, True), (QMessageBox.StandardButton.No, False)],
)
def test_a_confirmation_is_a_message_box_question(
    monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton, expected: bool
) -> None:
    application([])
    asked: list[tuple[object, ...]] = []

    def question(*args: object) -> QMessageBox.StandardButton:
        asked.append(args)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    assert dialogs.confirm(None, "Slet", "Vil du slette?") is expected
    (_parent, title, text, _buttons, default) = asked[0]
    assert (title, text, default) == ("Slet", "Vil du slette?", QMessageBox.StandardButton.No)


def test_file_choices_are_file_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    application([])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("/tmp/ud.pdf", "PDF"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: ("/tmp/ind.json", ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: "/tmp/mappe")
    assert dialogs.save_file_name(None, "Gem", "/tmp/forslag.pdf", "PDF (*.pdf)") == "/tmp/ud.pdf"
    assert dialogs.open_file_name(None, "Åbn", "*.json") == "/tmp/ind.json"
    assert dialogs.choose_folder(None, "Mappe") == "/tmp/mappe"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    assert dialogs.save_file_name(None, "Gem", "", "") == ""  # cancelled


def test_a_choice_from_a_list_gives_its_index_or_none(monkeypatch: pytest.MonkeyPatch) -> None:
    application([])

    def choose(answer: str, ok: bool) -> None:
        def run(dialog: QInputDialog) -> int:
            dialog.setTextValue(answer)
            return int(ok)

        monkeypatch.setattr(QInputDialog, "exec", run)

    choose("b", True)
    assert dialogs.choose_item(None, "Vælg", "En af dem", ["a", "b"]) == 1
    choose("b", False)
    assert dialogs.choose_item(None, "Vælg", "En af dem", ["a", "b"]) is None


def test_the_list_to_choose_from_is_named_by_its_label() -> None:
    """Qt's own item dialog leaves its label unconnected: a screen reader named the list by
    the backup chosen in it."""
    application([])
    dialog = dialogs.item_dialog(None, "Gendan", "Vælg en sikkerhedskopi:", ["1", "2"])
    (combo,) = dialog.findChildren(QComboBox)
    assert combo.accessibleName() == "Vælg en sikkerhedskopi"  # (UI Automation's name)
    iface = QAccessible.queryAccessibleInterface(combo)
    assert iface is not None  # AT-SPI names a combo box by its label, through this relation:
    labels = [r.text(QAccessible.Text.Name) for r, _ in iface.relations(QAccessible.Label)]
    assert labels == ["Vælg en sikkerhedskopi:"]
    dialog.deleteLater()
