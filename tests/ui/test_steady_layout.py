"""What was typed lands where it was typed: no field moves while the user types, pauses,
ticks or leaves a field — on every page, empty or half-done, in Danish and English, at
100 % and 150 % text. And nothing a page needs is cut off or hidden without a scroll bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rolleudpeger.domain.taskdef import FieldKind
from rolleudpeger.ui.accessible import Link
from rolleudpeger.ui.main_window import MainWindow
from rolleudpeger.ui.pages.step_page import StepPage
from rolleudpeger.ui.widgets import fields as fields_module
from rolleudpeger.ui.widgets.steady import SteadyLabel
from tests.conftest import Clock, Dialogs, demo
from tests.ui.helpers import (
    check,
    click,
    close_window,
    ensure_active,
    open_window,
    text_scale,
    type_text,
)

# What is typed into each kind of field: first a value that gets a message, then a good one.
TYPED = {
    FieldKind.EMAIL: ("maja@aarhus", "maja.sondergaard@aarhus.dk"),
    FieldKind.PHONE: ("12 34", "41 85 72 30"),
    FieldKind.DATE: ("31.02.2026", "09.11.2026"),
    FieldKind.MUNICIPALITY: ("Atlantis", "Aarhus"),
}
NAMES = ("Ma", "Maja Holm")


@pytest.fixture(autouse=True)
def short_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pause in typing saves after 10 ms here, not 400: what is checked is where the
    fields are after the save a pause makes, not how long the pause is (and the walks wait
    for some fifty of them)."""
    monkeypatch.setattr(fields_module, "TEXT_DEBOUNCE_MS", 10)


def page(w: MainWindow) -> StepPage:
    current = w.pages.currentWidget()
    assert isinstance(current, StepPage)
    return current


def fields(p: StepPage) -> list[QWidget]:
    """Every input and link on the page above its end (the list of what is missing, and a
    warning about the whole page, may grow there: nothing is below them)."""
    end = getattr(p, "missing_here", None)
    kinds = QLineEdit | QPlainTextEdit | QAbstractButton | QComboBox | QAbstractItemView | Link
    return [
        w
        for w in p.widget().findChildren(QWidget)
        if w.isVisibleTo(p)
        and isinstance(w, kinds)
        and not (end is not None and end.isAncestorOf(w))
        and not isinstance(w.parentWidget(), QComboBox)
    ]


def positions(p: StepPage) -> dict[str, tuple[int, int, int]]:
    """Where each field is on the page (its content, so scrolling does not count)."""
    QApplication.processEvents()
    content = p.widget()
    return {
        f"{w.objectName() or w.accessibleName()}@{id(w):x}": (
            w.mapTo(content, QPoint(0, 0)).y(),
            w.x(),
            w.height(),
        )
        for w in fields(p)
    }


def settle(qtbot: QtBot) -> None:
    """Let the layouts settle (nested layouts take a few turns of the event loop)."""
    for _ in range(3):
        qtbot.wait(0)
        QApplication.processEvents()


class Walk:
    """Every kind of edit on one page, checking that no field moved after each."""

    def __init__(self, qtbot: QtBot, w: MainWindow) -> None:
        self.qtbot, self.w = qtbot, w
        self.p = page(w)
        settle(qtbot)
        self.before = positions(self.p)
        self.moved: list[str] = []

    def check(self, what: str) -> None:
        settle(self.qtbot)
        now = positions(self.p)
        for name, where in self.before.items():
            if name in now and now[name] != where:  # (a link hidden when done is not moved)
                self.moved.append(f"{self.p.step.key}: {what}: {name} {where} -> {now.get(name)}")

    def click_into(self, field: QWidget) -> None:
        ensure_active(self.qtbot, self.w)
        self.p.ensureWidgetVisible(field)
        target = field.viewport() if isinstance(field, QPlainTextEdit) else field
        self.qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
        if not field.hasFocus():
            field.setFocus()

    def type_pause_leave(self, field: QWidget, text: str, saved: Callable[[], bool]) -> None:
        name = field.objectName()
        self.click_into(field)
        self.check(f"{name} clicked")
        editor = field.lineEdit() if isinstance(field, QComboBox) else field
        assert editor is not None
        self.qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        self.qtbot.keyClicks(editor, text)
        self.check(f"{name} typed {text!r}")
        self.qtbot.waitUntil(saved, timeout=3000)  # the pause in typing saved it
        self.check(f"{name} paused after {text!r}")
        self.qtbot.keyClick(editor, Qt.Key.Key_Tab)
        self.check(f"{name} left after {text!r}")

    def tick(self, box: QCheckBox) -> None:
        for _ in range(2):  # on, and off again
            if not box.isEnabled():
                return
            self.p.ensureWidgetVisible(box)
            self.qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
            self.check(f"{box.objectName()} ticked to {box.isChecked()}")


def walk_page(qtbot: QtBot, w: MainWindow) -> list[str]:
    walk = Walk(qtbot, w)
    p = walk.p
    for binding in p.bindings:
        fdef = binding.fdef
        widget = getattr(binding, "widget", None)
        if widget is None or not widget.isVisible() or not widget.isEnabled():
            continue
        if isinstance(widget, QCheckBox):
            walk.tick(widget)
        elif fdef.kind is FieldKind.MUNICIPALITY:
            for text in TYPED[fdef.kind]:
                walk.type_pause_leave(widget, text, lambda: True)
        elif isinstance(widget, QLineEdit | QPlainTextEdit) and fdef.kind in (
            *TYPED,
            FieldKind.NAME,
            FieldKind.TEXT,
            FieldKind.NOTES,
        ):
            pause = binding.pause  # type: ignore[attr-defined]
            for text in TYPED.get(fdef.kind, NAMES):
                walk.type_pause_leave(widget, text, lambda pause=pause: not pause.pending)
    if p.waiting is not None:
        waiting = p.waiting
        walk.tick(waiting.check)
        waiting.check.click()  # waiting, so the note can be typed
        walk.check("waiting ticked")
        walk.type_pause_leave(waiting.note, "Venter på KOMBIT", lambda: not waiting.pause.pending)
    return walk.moved


def walk_every_page(qtbot: QtBot, w: MainWindow) -> list[str]:
    moved = []
    for step in w.task.steps:
        w.go_to_step(step.key)
        moved += walk_page(qtbot, w)
    return moved


@pytest.mark.parametrize(
    ("scale", "half_done"),
    [
        pytest.param(1.0, False, id="1.0-empty"),
        # make test: the other three (each walks every page: some six seconds)
        pytest.param(1.0, True, id="1.0-half-done", marks=pytest.mark.slow),
        pytest.param(1.5, False, id="1.5-empty", marks=pytest.mark.slow),
        pytest.param(1.5, True, id="1.5-half-done", marks=pytest.mark.slow),
    ],
)
def test_no_field_moves_while_the_user_works(
    qtbot: QtBot, data_dir: Path, clock: Clock, answers: Dialogs, scale: float, half_done: bool
) -> None:
    answers.text = "Sat ved en fejl"  # a reason, when a KLIK status is taken back
    with text_scale(scale):
        w = open_window(qtbot, data_dir, clock)
        if half_done:
            demo(w.editor, complete=False)
        w.resize(1024, 700)
        moved = walk_every_page(qtbot, w)
        close_window(w)
    assert moved == []


@pytest.mark.slow  # walks every page (make test)
def test_no_field_moves_in_english_at_150_percent(
    qtbot: QtBot, data_dir: Path, clock: Clock, answers: Dialogs, english: object
) -> None:
    answers.text = "Set by mistake"
    with text_scale(1.5):
        w = open_window(qtbot, data_dir, clock)
        w.resize(1024, 700)
        moved = walk_every_page(qtbot, w)
        close_window(w)
    assert moved == []


def overview(w: MainWindow) -> list[tuple[int, int, int, int]]:
    """Where each row of the step list is in the list (scrolling it to show the current
    step moves none), and where the list and the progress line under it are."""
    settle_all()
    rows = [w.step_list.visualItemRect(w.step_list.item(i)) for i in range(w.step_list.count())]
    top = rows[0].y()
    boxes = [r.translated(0, -top) for r in rows] + [w.step_list.geometry(), w.progress.geometry()]
    return [(r.x(), r.y(), r.width(), r.height()) for r in boxes]


def settle_all() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_the_overview_beside_the_page_keeps_its_place(
    qtbot: QtBot, data_dir: Path, clock: Clock, answers: Dialogs, scale: float
) -> None:
    """A step's state, or a note on it, comes and goes with a tick, a new leader or a
    deadline typed: no row of the step list and nothing under it moves."""
    with text_scale(scale):
        w = open_window(qtbot, data_dir, clock)
        demo(w.editor, complete=False)
        w.resize(1366, 740)
        w.refresh()
        before = overview(w)
        seen = []

        def after(what: str) -> None:
            now = overview(w)
            if now != before:
                seen.append(f"{what}: {before} -> {now}")

        type_text(qtbot, w, "klik_deadline", "15.12.2026")
        after("a deadline typed")
        type_text(qtbot, w, "klik_deadline", "31.02.2027")
        after("a date that is not one")
        answers.confirm = True
        click(qtbot, w, "change_leader")
        after("a new leader")
        for name, value in (
            ("leader_first_name", "Peter"),
            ("leader_last_name", "Holm"),
            ("leader_email", "peter.holm@aarhus.dk"),
            ("leader_phone", "41 85 72 31"),
            ("leader_title", "Konsulent"),
        ):
            type_text(qtbot, w, name, value)
        after("the new leader named")
        w.editor.set_waiting("notify_kombit", False)
        w.refresh()
        check(qtbot, w, "mail_sent")
        after("the mail sent")
        close_window(w)
    assert seen == []


def test_a_message_longer_than_its_room_is_shortened_and_read_whole(
    qtbot: QtBot, data_dir: Path, clock: Clock
) -> None:
    """A refusal nobody types by hand (pasted invisible characters) gets the room of one
    line or two: shortened with "…" on screen, whole in the tooltip and the description."""
    w = open_window(qtbot, data_dir, clock)
    w.go_to_step("appoint")
    w.resize(800, 600)
    walk = Walk(qtbot, w)
    field = w.findChild(QLineEdit, "leader_title")
    assert field is not None
    walk.click_into(field)
    field.setText("Konsulent\u202e")
    field.textEdited.emit(field.text())
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    walk.check("a long message")
    assert walk.moved == []
    label = next(b.error for b in walk.p.bindings if b.fdef.key == "leader_title")
    assert label.text().endswith("…") and "usynlige tegn" in label.text()
    assert "i hånden" in label.toolTip() and "i hånden" in field.accessibleDescription()
    close_window(w)


@pytest.mark.parametrize(("size", "scale"), [((800, 600), 1.0), ((1024, 700), 1.5)])
def test_nothing_is_cut_sideways_and_a_long_page_shows_its_scroll_bar(
    qtbot: QtBot, data_dir: Path, clock: Clock, size: tuple[int, int], scale: float
) -> None:
    """Every placeholder fits its field (the coordinator's was cut), nothing is wider than
    the page, and a page taller than the window shows its scroll bar (the hint to scroll)."""
    with text_scale(scale):
        w = open_window(qtbot, data_dir, clock)
        demo(w.editor, complete=False)
        w.resize(*size)
        cut = []
        for step in w.task.steps:
            w.go_to_step(step.key)
            p = page(w)
            settle(qtbot)
            for line in p.widget().findChildren(QLineEdit):
                if line.isVisibleTo(p) and line.placeholderText():
                    room = line.width() - 12  # the frame and the text margins
                    need = line.fontMetrics().horizontalAdvance(line.placeholderText())
                    if need > room:
                        cut.append(f"{step.key}: {line.objectName()}: {need} > {room}")
            for label in p.widget().findChildren(SteadyLabel):
                # as high as Qt itself needs for what it shows (not only as we count)
                need = QLabel.heightForWidth(label, label.width())
                if label.isVisibleTo(p) and label.text() and label.height() < need:
                    cut.append(f"{step.key}: {label.text()[:40]!r}: {label.height()} < {need}")
            assert p.widget().width() <= p.viewport().width(), step.key
            if p.widget().height() > p.viewport().height():
                assert p.verticalScrollBar().isVisible(), step.key
        close_window(w)
    assert cut == []
