"""Keyboard only, and a screen reader: the whole task without a mouse, every field named."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QImage
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rolleudpeger.domain.taskdef import FieldKind, KlikStatus
from rolleudpeger.ui import dialogs
from rolleudpeger.ui.main_window import MainWindow
from tests.conftest import Clock
from tests.ui.helpers import (
    close_window,
    done_line,
    ensure_active,
    open_window,
    still_required,
    visible_page,
)

# Composite fields: the widgets a keyboard user meets, in page order.
COMPOSITE = {
    "questions": ["question_text", "add_question", "questions"],
    "mail": ["mail_open", "mail_copy", "mail_save_eml", "mail_sent"],
    "report": ["print_report", "save_pdf"],
}


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def focused_name() -> str:
    w = focused()
    while w is not None and not w.objectName():
        w = w.parentWidget()
    return w.objectName() if w is not None else ""


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    target = focused()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def tab_to(qtbot: QtBot, name: str, limit: int = 60) -> None:
    for _ in range(limit):
        if focused_name() == name:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {name} (stuck at {focused_name()})")


def type_keys(qtbot: QtBot, text: str) -> None:
    target = focused()
    assert target is not None
    qtbot.keyClicks(target, text)


def step_list_key(w: MainWindow) -> Qt.Key:
    """The Alt key of the step list's label: T (&Trin) in Danish, S (&Steps) in English."""
    (label,) = [x for x in w.findChildren(QLabel) if x.buddy() is w.step_list]
    letter = label.text()[label.text().index("&") + 1].upper()
    return Qt.Key(ord(letter))


def open_step_by_keys(qtbot: QtBot, w: MainWindow, key: str) -> None:
    """Focus the step list (Alt + its label's mnemonic) and move with the arrow keys."""
    ensure_active(qtbot, w)
    # Away from the list first, so that it is the Alt key that brings the focus there.
    (w.next_button if w.next_button.isEnabled() else w.back_button).setFocus()
    assert focused() is not w.step_list
    qtbot.keyClick(w, step_list_key(w), Qt.KeyboardModifier.AltModifier)
    assert focused() is w.step_list
    target = [s.key for s in w.task.steps].index(key)
    while w.step_list.currentRow() != target:
        press(qtbot, Qt.Key.Key_Down if w.step_list.currentRow() < target else Qt.Key.Key_Up)
    assert visible_page(w) == key


def expected_order(w: MainWindow, key: str) -> list[str]:
    names: list[str] = []
    for f in w.task.step(key).fields:
        if f.kind in (FieldKind.MISSING, FieldKind.REVIEW):
            continue
        names += COMPOSITE.get(f.key, [f.key])
    return names


def test_tab_order_follows_each_page(qtbot: QtBot, data_dir: Path, clock: Clock) -> None:
    w = open_window(qtbot, data_dir, clock)
    for step in w.task.steps:
        open_step_by_keys(qtbot, w, step.key)
        wanted = expected_order(w, step.key)
        met: list[str] = []
        for _ in range(80):
            press(qtbot, Qt.Key.Key_Tab)
            name = focused_name()
            if name in {"next_button", "back_button"}:
                break
            if name in wanted and name not in met:
                met.append(name)
        # mail buttons are disabled until the leader is filled in, and an empty table is no
        # Tab stop (its "Ingen endnu." is read instead): skip what cannot take focus
        reachable = [
            n
            for n in wanted
            if (x := w.findChild(QWidget, n)).isEnabled()
            and x.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]
        assert met == reachable, f"{step.key}: {met} != {reachable}"
    close_window(w)


def test_whole_task_with_the_keyboard_only(
    qtbot: QtBot, data_dir: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = open_window(qtbot, data_dir, clock)
    e = w.editor

    def fill(key: str, text: str) -> None:
        tab_to(qtbot, key)
        type_keys(qtbot, text)
        press(qtbot, Qt.Key.Key_Tab)

    def space(key: str) -> None:
        tab_to(qtbot, key)
        press(qtbot, Qt.Key.Key_Space)

    open_step_by_keys(qtbot, w, "intro")
    fill("municipality", "Aalborg")
    open_step_by_keys(qtbot, w, "plus_rights")
    space("plus_granted")
    open_step_by_keys(qtbot, w, "klik_guide")
    space("guide_read")
    open_step_by_keys(qtbot, w, "klik_task")
    space("task_read")
    tab_to(qtbot, "question_text")
    type_keys(qtbot, "Et spørgsmål")
    qtbot.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # Tilføj &spørgsmål
    # A mnemonic presses the button visibly: the click lands a moment later.
    qtbot.waitUntil(lambda: [q.text for q in e.case.questions] == ["Et spørgsmål"])
    open_step_by_keys(qtbot, w, "responsible")
    fill("responsible_name", "Jonas Kjær")
    fill("performer_name", "Ida Berg")
    space("status_started")
    open_step_by_keys(qtbot, w, "role_catalogue")
    space("catalogue_read")
    fill("library_director_name", "Anne Holm")
    fill("placement_notes", "Aftalt med direktionen")
    open_step_by_keys(qtbot, w, "appoint")
    for key, text in (
        ("leader_first_name", "Maja"),
        ("leader_last_name", "Berg"),
        ("leader_email", "maja@aalborg.dk"),
        ("leader_phone", "41857230"),
    ):
        fill(key, text)
    qtbot.keyClick(w, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # &Bibliotekschefen…
    qtbot.waitUntil(lambda: e.case.value("owner_last_name") == "Holm")
    space("leader_plus_created")
    space("owner_reader_created")
    open_step_by_keys(qtbot, w, "notify_kombit")
    space("mail_sent")
    for step, fdef, example in still_required(w):  # what the task file may add
        open_step_by_keys(qtbot, w, step.key)
        if fdef.kind is FieldKind.CHECK:
            space(fdef.key)
        else:
            fill(fdef.key, example)
    open_step_by_keys(qtbot, w, "complete")
    space("status_completed")
    assert e.case.klik_status is KlikStatus.COMPLETED
    assert w.progress.text() == done_line(w)

    previews: list[object] = []
    monkeypatch.setattr(dialogs, "print_preview", lambda parent, paint: previews.append(paint))
    qtbot.keyClick(w, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # Ctrl+P
    assert len(previews) == 1
    qtbot.keyClick(w, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    press(qtbot, Qt.Key.Key_Home)
    assert visible_page(w) == "intro"
    qtbot.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # &Næste
    qtbot.waitUntil(lambda: visible_page(w) == "plus_rights")
    close_window(w)


def accessible_name(w: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(w)
    return (iface.text(QAccessible.Text.Name) if iface is not None else "") or ""


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_focusable_widget_has_an_accessible_name(
    qtbot: QtBot, data_dir: Path, clock: Clock, language: str
) -> None:
    if language == "en":
        from rolleudpeger.ui.language import install_language

        install_language("en")
    w = open_window(qtbot, data_dir, clock)
    w.editor.set_text("leader_first_name", "Maja")  # so that the mail widgets are all there
    unnamed: set[str] = set()
    for step in w.task.steps:
        open_step_by_keys(qtbot, w, step.key)
        for widget in w.findChildren(QWidget):
            if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisible():
                continue
            if widget.objectName() == "qt_scrollarea_viewport":
                continue
            if not accessible_name(widget).strip():
                parent = widget.parentWidget()
                where = parent.objectName() if parent is not None else ""
                unnamed.add(
                    f"{step.key}: {type(widget).__name__} {widget.objectName()!r} in {where!r}"
                )
    assert sorted(unnamed) == []
    close_window(w)


@pytest.mark.parametrize("name", ["leader_first_name", "guide_read", "add_question", "step_list"])
def test_focus_is_visible(qtbot: QtBot, data_dir: Path, clock: Clock, name: str) -> None:
    w = open_window(qtbot, data_dir, clock)
    widget = w.findChild(QWidget, name)
    key = next((s.key for s in w.task.steps if s.field(name)), None)
    if key is None and name in ("add_question",):
        key = "klik_task"
    if key is not None:
        open_step_by_keys(qtbot, w, key)
    w.next_button.setFocus()
    QApplication.processEvents()
    before: QImage = widget.grab().toImage()
    tab_to(qtbot, name)  # with the keyboard, as the style draws focus for keyboard users
    QApplication.processEvents()
    assert widget.hasFocus()
    after: QImage = widget.grab().toImage()
    assert before != after, f"{name} looks the same with and without the focus"
    close_window(w)
