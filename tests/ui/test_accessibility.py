"""What a screen reader gets, asked through Qt's QAccessible interfaces (what the AT-SPI
bridge on Linux and UI Automation on Windows read): names, roles, descriptions, links
that are links, errors at their fields, no Tab traps, and announcements."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from rolleudpeger.ui.accessible import Link
from rolleudpeger.ui.main_window import MainWindow
from rolleudpeger.ui.style import TEXT_DEBOUNCE_MS
from tests.conftest import Clock, demo
from tests.ui.helpers import (
    close_window,
    ensure_active,
    every_page_ready,
    find,
    open_window,
    visible_page,
)
from tests.ui.test_pages import message_under


def iface(widget: QWidget) -> QAccessible.QAccessibleInterface:  # type: ignore[name-defined]
    found = QAccessible.queryAccessibleInterface(widget)
    assert found is not None, widget
    return found


def focusable(page: QWidget) -> list[QWidget]:
    return [
        w
        for w in page.findChildren(QWidget)
        if w.isVisibleTo(page) and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]


def test_every_page_reads_right_through_qaccessible(
    qtbot: QtBot, data_dir: Path, clock: Clock
) -> None:
    """Every interactive object has a name and a role; no rich-text label stands in for
    links or for a list that is not read whole; links are links with an address."""
    w = open_window(qtbot, data_dir, clock)
    demo(w.editor, complete=False)
    problems = []
    for step in w.task.steps:
        w.go_to_step(step.key)
        page = find(w, f"page_{step.key}")
        for widget in focusable(page):
            a = iface(widget)
            name = a.text(QAccessible.Text.Name)
            if not name.strip():
                problems.append(f"{step.key}: {widget.objectName() or type(widget).__name__}")
            if isinstance(widget, Link):
                assert a.role() == QAccessible.Role.Link, name
                assert a.text(QAccessible.Text.Description), name
        for label in page.findChildren(QLabel):
            text = label.text()
            if "<a " in text:
                problems.append(f"{step.key}: a rich-text label holds links: {text[:60]}")
            if "<li>" in text:  # a list drawn as a list must be read whole: every item
                spoken = iface(label).text(QAccessible.Text.Name)
                for item in re.findall(r"<li>(.*?)</li>", text):
                    if html.unescape(re.sub(r"<[^>]+>", "", item)) not in spoken:
                        problems.append(f"{step.key}: the list item {item!r} is not read")
        links = page.findChildren(Link)
        assert len([x for x in links if x.isVisibleTo(page)]) >= len(step.links)
    assert not problems, problems
    close_window(w)


def test_tab_never_gets_stuck(qtbot: QtBot, data_dir: Path, clock: Clock) -> None:
    """From the first widget of each page, Tab moves on at every press and reaches Next."""
    w = open_window(qtbot, data_dir, clock)
    demo(w.editor, complete=False)
    ensure_active(qtbot, w)
    for step in w.task.steps:
        w.go_to_step(step.key)
        page = find(w, f"page_{step.key}")
        first = focusable(page)[0]
        first.setFocus()
        seen = [QApplication.focusWidget()]
        for _ in range(len(focusable(page)) + 10):
            current = QApplication.focusWidget()
            assert current is not None
            qtbot.keyClick(current, Qt.Key.Key_Tab)
            now = QApplication.focusWidget()
            assert now is not current, f"{step.key}: Tab is trapped in {current.objectName()}"
            seen.append(now)
            if now is not None and now.objectName() in ("next_button", "back_button"):
                break
        else:
            raise AssertionError(f"{step.key}: Tab never left the page: {seen[-3:]}")
    close_window(w)


CHECKED = [  # (field, a wrong value, a right one)
    ("leader_email", "maja.sondergaard@aarhus", "maja.sondergaard@aarhus.dk"),
    ("leader_phone", "12 34", "12 34 56 78"),
    ("decision_date", "31.02.2026", "09.11.2026"),
]


@pytest.mark.parametrize(
    ("name", "wrong", "right"),
    [  # each kind's in make test; the date's in make quick too
        pytest.param(*c, marks=[] if c[0] == "decision_date" else [pytest.mark.slow])
        for c in CHECKED
    ],
)
def test_a_message_saved_during_a_pause_shows_when_the_field_is_left(
    qtbot: QtBot, data_dir: Path, clock: Clock, name: str, wrong: str, right: str
) -> None:
    """Type, pause past the save delay (the value is saved, quietly), then Tab: the
    message is next to the field and in its accessible description; fixing removes it."""
    w = open_window(qtbot, data_dir, clock)
    w.go_to_step("appoint")
    field = find(w, name)
    assert isinstance(field, QLineEdit)
    ensure_active(qtbot, w)
    for text, expect_message in ((wrong, True), (right, False)):
        field.setFocus()
        field.selectAll()
        qtbot.keyClicks(field, text)
        qtbot.wait(TEXT_DEBOUNCE_MS + 300)  # saved by the pause
        assert w.editor.case.value(name)  # it was saved
        qtbot.keyClick(field, Qt.Key.Key_Tab)
        shown = message_under(w, name)
        described = iface(field).text(QAccessible.Text.Description)
        if expect_message:
            assert shown and shown.removeprefix("⚠ ") in described, (shown, described)
        else:
            assert shown == "" and "⚠" not in described and "Skriv" not in described
    close_window(w)


def test_a_missing_item_is_followed_by_click_key_or_screen_reader(
    qtbot: QtBot, data_dir: Path, clock: Clock
) -> None:
    """Each way of following a link on step 8 goes to its step: a click on its text,
    Enter, and the Press action a screen reader sends. A long link wraps on the page."""
    w = open_window(qtbot, data_dir, clock)
    demo(w.editor, complete=False)
    w.editor.set_text("leader_email", "maja.sondergaard@aarhus")  # missing on step 6
    w.resize(800, 600)
    ensure_active(qtbot, w)

    def to_appoint() -> Link:
        w.go_to_step("complete")
        QApplication.processEvents()
        missing = find(w, "missing")
        links = [x for x in missing.findChildren(Link) if x.isVisibleTo(missing)]
        appoint = f"Trin {w.task.step('appoint').index} ·"
        return next(x for x in links if appoint in x.text())

    link = to_appoint()
    assert link.height() > link.fontMetrics().height() * 1.5  # wrapped, not cut
    assert link.sizeHint().width() > link.width()
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton, pos=link.rect().topLeft() + QPoint(5, 5))
    assert visible_page(w) == "appoint"
    link = to_appoint()
    link.setFocus()
    qtbot.keyClick(link, Qt.Key.Key_Return)
    assert visible_page(w) == "appoint"
    actions = iface(to_appoint()).actionInterface()
    assert actions is not None
    press = QAccessibleActionInterface.pressAction()
    assert press in actions.actionNames()
    actions.doAction(press)
    assert visible_page(w) == "appoint"
    close_window(w)


def test_a_value_kept_while_not_valid_says_so_when_the_case_is_opened_again(
    qtbot: QtBot, data_dir: Path, clock: Clock, spoken: list[str]
) -> None:
    """Last week's wrong address, opened today: the field says what to correct (on
    screen and in its description), not only the step's status line. Opening the case
    on another step does not read out the messages of a page out of sight."""
    w = open_window(qtbot, data_dir, clock)
    for name, wrong, _ in CHECKED:
        assert w.editor.set_text(name, wrong)  # kept, with a message
    w.go_to_step("klik_guide")
    close_window(w)
    spoken.clear()
    w = open_window(qtbot, data_dir, clock)
    qtbot.waitUntil(lambda: every_page_ready(w))
    messages = ("Skriv", "cifre", "findes ikke")
    assert not [text for text in spoken if any(m in text for m in messages)], spoken
    w.go_to_step("appoint")
    said = {"leader_email": "gyldig e-mailadresse", "leader_phone": "8 cifre"}
    said["decision_date"] = "Den dato findes ikke"  # 31.02.2026
    for name, wrong, _ in CHECKED:
        field = find(w, name)
        assert isinstance(field, QLineEdit) and field.text() == wrong
        assert said[name] in message_under(w, name)
        described = iface(field).text(QAccessible.Text.Description)
        assert said[name] in described and all(
            text not in described for key, text in said.items() if key != name
        ), (name, described)
    assert "Skriv" not in iface(find(w, "leader_first_name")).text(QAccessible.Text.Description)
    close_window(w)


def test_the_municipality_and_the_completion_box_describe_their_errors(
    qtbot: QtBot, data_dir: Path, clock: Clock
) -> None:
    w = open_window(qtbot, data_dir, clock)
    combo = find(w, "municipality")
    assert isinstance(combo, QComboBox)
    ensure_active(qtbot, w)
    combo.setFocus()
    qtbot.keyClicks(combo, "Atlantis")
    qtbot.keyClick(combo, Qt.Key.Key_Tab)
    assert "Vælg en kommune fra listen" in iface(combo).text(QAccessible.Text.Description)
    w.go_to_step("complete")
    box = find(w, "status_completed")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    description = iface(box).text(QAccessible.Text.Description)
    shown = [
        label.text().removeprefix("⚠ ").rstrip(".")
        for label in box.parentWidget().findChildren(QLabel)
        if label.isVisible()
        and label.buddy() is None
        and label.text().strip()
        and label.text() != w.task.field("status_completed").label
    ]
    assert shown and all(text in description for text in shown), (shown, description)
    close_window(w)


@pytest.fixture
def spoken(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What would be announced if a screen reader were listening."""
    said: list[str] = []
    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))

    def update(event: QAccessibleEvent) -> None:
        if event.type() == QAccessible.Event.Announcement:
            said.append(event.message())  # type: ignore[attr-defined]

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(update))
    return said


def test_errors_and_status_changes_are_announced(
    qtbot: QtBot, data_dir: Path, clock: Clock, spoken: list[str]
) -> None:
    w = open_window(qtbot, data_dir, clock)
    ensure_active(qtbot, w)
    w.go_to_step("appoint")
    field = find(w, "leader_email")
    field.setFocus()
    qtbot.keyClicks(field, "maja@aarhus")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: bool(spoken))
    # One announcement: the message first, then what it did to the step (now in progress).
    (said,) = spoken
    assert said.startswith("Skriv en gyldig e-mailadresse"), said
    assert "Status: i gang. Der mangler " in said, said
    spoken.clear()
    w.editor.set_text("leader_first_name", "Maja")
    w.refresh()
    w.tell("Sikkerhedskopien er hentet tilbage.")
    qtbot.waitUntil(lambda: "Sikkerhedskopien er hentet tilbage." in " ".join(spoken))
    qtbot.wait(11_000 // 10)
    assert w.statusBar().currentMessage() == "Sikkerhedskopien er hentet tilbage."  # stays
    close_window(w)


def test_the_progress_line_is_announced_when_a_step_is_done(
    qtbot: QtBot, data_dir: Path, clock: Clock, spoken: list[str]
) -> None:
    w: MainWindow = open_window(qtbot, data_dir, clock)
    w.go_to_step("klik_guide")
    w.editor.set_check("guide_read", True)
    qtbot.waitUntil(lambda: bool(spoken))
    total = len(w.task.method_steps)
    assert spoken == [f"Status: færdig. 1 af {total} trin færdige · KLIK-status: Ikke påbegyndt."]
    close_window(w)


def test_qts_own_file_dialog_is_danish(qtbot: QtBot) -> None:
    """qtbase_da lacks Qt 6's "&Look in:" and "Files of &type:"; qt_fixes_da.ts has them."""
    from PySide6.QtWidgets import QAbstractButton, QFileDialog

    from rolleudpeger.ui.app import application
    from rolleudpeger.ui.language import install_language

    application([])
    assert install_language("da")  # as the app does at start (not left to an earlier test)
    dialog = QFileDialog(None, "Gem")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    texts = {
        t
        for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)
        for t in (w.text(), w.toolTip())
        if t
    }
    assert {"&Kig i:", "Filer af &typen:", "&Filnavn:"} <= texts, texts
    assert not {"&Look in:", "Files of &type:", "Back", "Cancel"} & texts, texts


ENGLISH_QT = re.compile(
    r"\b(Print|Page|Pages|Copies|Double|Sided|Long|Short|Binding|Off|Order|Sheet|"
    r"Preview|Close|First|Next|Previous|Last|Fit|Landscape|Portrait|Cancel)\b",
    re.IGNORECASE,
)


def _visible_texts(dialog: QWidget) -> set[str]:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QAbstractButton, QGroupBox

    texts = {
        t
        for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)
        for t in (w.text(), w.toolTip())
        if t
    }
    texts |= {g.title() for g in dialog.findChildren(QGroupBox)}
    texts |= {a.text() for a in dialog.findChildren(QAction) if a.text()}
    return texts


def test_qts_own_print_dialogs_are_danish(qtbot: QtBot) -> None:
    """Issue 21: the print preview, the print dialog and its page set-up speak Danish:
    qtbase_da has most of it; qt_fixes_da.ts the two-sided printing and pages per sheet."""
    from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrinter, QPrintPreviewDialog

    from rolleudpeger.ui.app import application
    from rolleudpeger.ui.language import install_language

    application([])
    assert install_language("da")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    for dialog in (QPrintPreviewDialog(printer), QPrintDialog(printer), QPageSetupDialog(printer)):
        qtbot.addWidget(dialog)
        dialog.show()  # (the preview makes its tool bar when shown)
        texts = _visible_texts(dialog)
        dialog.hide()
        assert texts, type(dialog).__name__
        english = {t for t in texts if ENGLISH_QT.search(t.replace("&", ""))}
        assert english == set(), (type(dialog).__name__, english)
