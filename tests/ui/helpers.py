"""Driving the window the way a user does: by widget names, with keys and clicks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rolleudpeger import i18n
from rolleudpeger.domain import kinds
from rolleudpeger.domain.taskdef import FieldDef, FieldKind, StepDef
from rolleudpeger.editing import CaseEditor, Clock
from rolleudpeger.resources import load_task
from rolleudpeger.store.repository import Store
from rolleudpeger.ui.app import application
from rolleudpeger.ui.main_window import MainWindow
from tests.conftest import with_empty_database


def open_window(
    qtbot: QtBot, data_dir: Path, clock: Clock, task_file: Path | None = None
) -> MainWindow:
    """Open the window on a data folder, as the app does at start (with the shipped task,
    or the task definition in `task_file`)."""
    application([])
    store = Store.open(with_empty_database(data_dir))
    task = load_task(task_file, language=i18n.language())
    window = MainWindow(CaseEditor.open(task, store, clock))
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: every_page_ready(window))
    return window


def every_page_ready(window: QWidget) -> bool:
    """Every step page has its fields, found as an outside test finds them: by name (the
    pages not shown at start are built just after the window is first painted)."""
    pages = [w for w in window.findChildren(QWidget) if w.objectName().startswith("page_")]
    return bool(pages) and all(p.findChild(QWidget, "step_state") is not None for p in pages)


def close_window(window: MainWindow) -> None:
    window.close()
    window.editor.store.close()


def find(window: QWidget, name: str) -> QWidget:
    w = window.findChild(QWidget, name)
    assert w is not None, f"no widget named {name}"
    return w


def page_of(window: MainWindow, name: str) -> str | None:
    """The step page that holds a widget, or None for the window's own widgets."""
    w: QWidget | None = find(window, name)
    while w is not None and not w.objectName().startswith("page_"):
        w = w.parentWidget()
    return None if w is None else w.objectName().removeprefix("page_")


def visible_page(window: MainWindow) -> str:
    return window.pages.currentWidget().objectName().removeprefix("page_")


def click_step(qtbot: QtBot, window: MainWindow, row: int) -> None:
    view = find(window, "step_list")
    assert isinstance(view, QAbstractItemView)
    index = view.model().index(row, 0, QModelIndex())
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def ensure_active(qtbot: QtBot, window: QWidget) -> None:
    """The offscreen platform leaves a closed completer popup as the active window, where a
    real window manager gives activation back; do what the window manager would."""
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)


def show_field(qtbot: QtBot, window: MainWindow, name: str) -> QWidget:
    """Open the step that holds a field and make the field visible."""
    ensure_active(qtbot, window)
    key = page_of(window, name)
    w = find(window, name)
    if key is None:
        return w
    if visible_page(window) != key:
        click_step(qtbot, window, [s.key for s in window.task.steps].index(key))
    assert visible_page(window) == key
    window.pages.currentWidget().ensureWidgetVisible(w)
    return w


def type_text(
    qtbot: QtBot, window: MainWindow, name: str, text: str, *, leave: bool = True
) -> None:
    """Click into a field, select what is there, type, and (by default) Tab away."""
    w = show_field(qtbot, window, name)
    assert isinstance(w, QLineEdit | QPlainTextEdit | QComboBox)
    w.setFocus()
    assert w.hasFocus(), f"{name} did not get the focus"
    target = w.lineEdit() if isinstance(w, QComboBox) else w
    assert target is not None
    qtbot.keyClick(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        for i, line in enumerate(text.split("\n")):
            if i:
                qtbot.keyClick(target, Qt.Key.Key_Return)  # a new line, as a user makes it
            qtbot.keyClicks(target, line)
    else:
        qtbot.keyClick(target, Qt.Key.Key_Delete)
    if leave:
        qtbot.keyClick(target, Qt.Key.Key_Tab)


def click(qtbot: QtBot, window: MainWindow, name: str) -> None:
    w = show_field(qtbot, window, name)
    assert isinstance(w, QAbstractButton)
    assert w.isEnabled(), f"{name} is disabled"
    # A check box stretches across its row; a user clicks the box itself.
    pos = QPoint(8, w.height() // 2) if isinstance(w, QCheckBox) else w.rect().center()
    qtbot.mouseClick(w, Qt.MouseButton.LeftButton, pos=pos)


def check(qtbot: QtBot, window: MainWindow, name: str, expected: bool = True) -> None:
    w = show_field(qtbot, window, name)
    assert isinstance(w, QCheckBox)
    click(qtbot, window, name)
    assert w.isChecked() is expected, f"{name} is not {'checked' if expected else 'unchecked'}"


def text_of(window: MainWindow, name: str) -> str:
    w = find(window, name)
    if isinstance(w, QPlainTextEdit):
        return w.toPlainText()
    if isinstance(w, QComboBox):
        return w.currentText()
    assert isinstance(w, QLineEdit)
    return w.text()


def clipboard_text() -> str:
    return QApplication.clipboard().text()


def still_required(window: MainWindow) -> list[tuple[StepDef, FieldDef, str]]:
    """Each required field a user fills that the case still lacks, with its kind's example:
    a test that walks the whole task fills with it what the task file adds (a new step, a
    new required field) the way it fills the rest, without naming it."""
    task, case = window.task, window.editor.case
    return [
        (step, fdef, kind.example)
        for step in task.steps
        for fdef in step.fields
        if fdef.required
        and (kind := kinds.of(fdef)).example is not None
        and kind.applies(case, fdef)  # (the former leader's PLUS access: only after a change)
        and kind.missing(task, case, fdef) is not None
    ]


def fill_still_required(qtbot: QtBot, window: MainWindow) -> None:
    """Through the window: tick each check box, type each text (still_required)."""
    for step, fdef, example in still_required(window):
        window.go_to_step(step.key)
        if fdef.kind is FieldKind.CHECK:
            check(qtbot, window, fdef.key)
        else:
            type_text(qtbot, window, fdef.key, example)


def done_line(window: MainWindow, status: str = "Fuldført") -> str:
    """The progress line of a task whose every step is done."""
    total = len(window.task.method_steps)
    return f"{total} af {total} trin færdige · KLIK-status: {status}"


@contextmanager
def text_scale(scale: float) -> Iterator[None]:
    """The application's text at `scale` (1.5: a user's 150 % setting), then back."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.font()
    bigger = app.font()
    bigger.setPointSizeF(original.pointSizeF() * scale)
    app.setFont(bigger)
    try:
        yield
    finally:
        app.setFont(original)
