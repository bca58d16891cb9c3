"""The guide (`action_help`, F1): opened inside the app, in the interface's language, read
as a document; what it says matches the app it describes (menus, keys, folders)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QTextEdit
from pytestqt.qtbot import QtBot

from rolleudpeger import i18n
from rolleudpeger.ui.help import HelpDialog, guide_file
from rolleudpeger.ui.main_window import MainWindow
from tests.conftest import Clock
from tests.ui.helpers import close_window, ensure_active, open_window

TOPICS = {  # what the guide must cover, as its headings say it
    "da": ["Opgaven", "rundt", "gemmes", "skifter", "Overdrag", "hjælp"],
    "en": ["task", "Moving around", "saved", "changes", "Handing", "help"],
}


def open_guide(qtbot: QtBot, w: MainWindow) -> HelpDialog:
    ensure_active(qtbot, w)
    qtbot.keyClick(w, Qt.Key.Key_F1)
    dialog = w.findChild(HelpDialog, "help_dialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def menu_texts(w: MainWindow) -> set[str]:
    """ "Filer → Eksportér sag…" for every menu item, without its Alt-key mark."""
    texts = set()
    for menu in w.menuBar().findChildren(QMenu):
        for action in menu.actions():
            if action.text():
                texts.add(f"{menu.title()} → {action.text()}".replace("&", ""))
    return texts


@pytest.mark.parametrize("language", ["da", "en"])
def test_f1_opens_the_guide_in_the_interface_language(
    qtbot: QtBot, data_dir: Path, clock: Clock, language: str
) -> None:
    if language == "en":
        from rolleudpeger.ui.language import install_language

        install_language("en")
    w = open_window(qtbot, data_dir, clock)
    action = w.findChild(QAction, "action_help")
    assert action is not None and action.shortcut() == QKeySequence(
        QKeySequence.StandardKey.HelpContents
    )
    dialog = open_guide(qtbot, w)
    text = dialog.findChild(QTextEdit, "help_text")
    assert text is not None
    qtbot.waitUntil(text.hasFocus)  # read at once, line by line
    assert text.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    plain = text.toPlainText()
    assert "{" not in plain, "a placeholder was left unfilled"
    assert str(w.editor.store.path.parent) in plain and str(w.log_folder) in plain
    assert w.task.mail.to in plain
    document = text.document()
    headings = [
        document.findBlockByNumber(i).text()
        for i in range(document.blockCount())
        if document.findBlockByNumber(i).blockFormat().headingLevel() == 2
    ]
    for topic in TOPICS[language]:
        assert any(topic in h for h in headings), (topic, headings)
    # Every menu the guide sends the user to is there, under that name.
    named = set(re.findall(r"\*([^*]+ → [^*]+)\*", plain.replace("\n", " ")))
    named |= set(re.findall(r"(\w+ → [^*.,]+…)", plain))
    assert named and named <= menu_texts(w), named - menu_texts(w)
    # So is every Alt key it names.
    keys = set(re.findall(r"Alt\+([A-Z])", plain))
    (step_list_label,) = [x for x in w.findChildren(QLabel) if x.buddy() is w.step_list]
    mnemonics = {
        x.text()[x.text().index("&") + 1].upper()
        for x in (w.next_button, w.back_button, step_list_label)
    }
    assert keys and keys <= mnemonics, keys - mnemonics
    # F1 again brings the same guide forward.
    qtbot.keyClick(w, Qt.Key.Key_F1)
    assert len(w.findChildren(HelpDialog)) == 1
    dialog.close()
    close_window(w)


def test_the_guide_exists_in_every_language_with_the_same_parts() -> None:
    counts = {}
    for language in i18n.LANGUAGES:
        text = guide_file(language).read_text(encoding="utf-8")
        counts[language] = (text.count("\n## "), text.count("{mail_to}") > 0)
        assert "{data_folder}" in text and "{log_folder}" in text, language
    assert len(set(counts.values())) == 1, counts
