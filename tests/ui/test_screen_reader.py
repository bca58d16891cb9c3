"""A screen-reader and keyboard user hears the page, not noise: where the focus goes after
navigation, what is a Tab stop, what is said after each edit (and when), names that tell
fields apart, and what happens when a link cannot open. Read through Qt's accessibility
interfaces, as the AT-SPI bridge and UI Automation read them (scripts/atspi_walk.py walks
the real bus)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QAccessible, QAccessibleEvent, QDesktopServices, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rolleudpeger.domain.people import Role
from rolleudpeger.ui.accessible import Heading, Link
from rolleudpeger.ui.main_window import MainWindow
from rolleudpeger.ui.pages.step_page import StepPage
from tests.conftest import Clock, Dialogs, demo
from tests.ui.helpers import (
    check,
    click,
    click_step,
    close_window,
    ensure_active,
    find,
    open_window,
    show_field,
    type_text,
    visible_page,
)
from tests.ui.test_living_record import take_over
from tests.ui.test_pages import fill_leader


class Bus:
    """What a screen reader is sent, in order: ("focus", widget name) when the focus moves,
    ("said", text) for an announcement, ("event", (name, child)) for other focus events."""

    def __init__(self) -> None:
        self.log: list[tuple[str, object]] = []

    @property
    def said(self) -> list[str]:
        return [str(text) for kind, text in self.log if kind == "said"]

    def clear(self) -> None:
        self.log.clear()


@pytest.fixture
def bus(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> Bus:
    from rolleudpeger.ui.app import application

    application([])
    b = Bus()
    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))

    def update(event: QAccessibleEvent) -> None:
        if event.type() == QAccessible.Event.Announcement:
            b.log.append(("said", event.message()))  # type: ignore[attr-defined]
        elif event.type() == QAccessible.Event.Focus:
            b.log.append(("event", (event.object().objectName(), event.child())))

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(update))
    app = QApplication.instance()
    assert isinstance(app, QApplication)

    def moved(_old: QWidget | None, new: QWidget | None) -> None:
        b.log.append(("focus", new.objectName() if new is not None else ""))

    app.focusChanged.connect(moved)
    yield b
    app.focusChanged.disconnect(moved)


def turn(qtbot: QtBot) -> None:
    """One turn of the event loop: what waits to be said is said."""
    qtbot.wait(1)
    QApplication.processEvents()


def name_of(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return iface.text(QAccessible.Text.Name)


def focused() -> QWidget:
    w = QApplication.focusWidget()
    assert w is not None
    return w


def page(w: MainWindow) -> StepPage:
    p = w.pages.currentWidget()
    assert isinstance(p, StepPage)
    return p


# --- 3: where the focus goes after navigation --------------------------------------


def test_next_back_and_a_chosen_step_open_at_the_heading_which_is_read_once(
    qtbot: QtBot, data_dir: Path, clock: Clock, bus: Bus
) -> None:
    w = open_window(qtbot, data_dir, clock)
    ensure_active(qtbot, w)
    turn(qtbot)
    bus.clear()
    click(qtbot, w, "next_button")
    turn(qtbot)
    heading = focused()
    assert isinstance(heading, Heading) and page(w).isAncestorOf(heading)
    iface = QAccessible.queryAccessibleInterface(heading)
    assert iface is not None and iface.role() == QAccessible.Role.Heading
    first, second = w.task.steps[1], w.task.steps[2]
    total = len(w.task.method_steps)
    assert name_of(heading) == f"Trin 1 af {total}: {first.title}, ikke startet"
    assert bus.said == []  # the focus on the heading is what is read: once, not twice
    click(qtbot, w, "back_button")
    assert name_of(focused()) == "Opgaven, ikke startet"
    # Chosen in the list with Enter: opened at its heading.
    w.step_list.setFocus()
    qtbot.keyClick(w.step_list, Qt.Key.Key_Down)
    qtbot.keyClick(w.step_list, Qt.Key.Key_Down)
    assert focused() is w.step_list and visible_page(w) == second.key  # arrows only move
    qtbot.keyClick(w.step_list, Qt.Key.Key_Return)
    assert name_of(focused()) == f"Trin 2 af {total}: {second.title}, ikke startet"
    # Chosen with a click; and the heading says the step's state as it is now.
    w.editor.set_check("plus_granted", True)
    click_step(qtbot, w, 1)
    assert name_of(focused()) == f"Trin 1 af {total}: {first.title}, færdig"
    turn(qtbot)
    assert not any("Status" in s for s in bus.said), bus.said
    # From the heading, Tab goes on into the page.
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert page(w).isAncestorOf(focused()) and not isinstance(focused(), Heading)
    # Next on the last but one page: Next is disabled there, and the focus goes straight
    # to the heading (not through the step list on its way).
    w.go_to_step("notify_kombit")
    w.next_button.setFocus()
    bus.clear()
    qtbot.keyClick(w.next_button, Qt.Key.Key_Space)
    moves = [name for kind, name in bus.log if kind == "focus"]
    assert moves == ["step_heading"], moves
    close_window(w)


@pytest.mark.parametrize(
    ("start", "key", "opened"),
    [
        ("notify_kombit", Qt.Key.Key_I, "appoint"),  # Alt+I: Tilbage
        ("appoint", Qt.Key.Key_N, "notify_kombit"),  # Alt+N: Næste
        ("notify_kombit", Qt.Key.Key_N, "complete"),  # onto the last page
    ],
)
def test_alt_keys_open_the_page_at_its_heading_and_nothing_else_is_read_on_the_way(
    qtbot: QtBot, data_dir: Path, clock: Clock, bus: Bus, start: str, key: Qt.Key, opened: str
) -> None:
    """The keys the guide names, pressed with the focus in the page: the page being left
    loses the focus, and Qt gave it on the way to the Back button and to the first link of
    the new page (each read out before the heading)."""
    w = open_window(qtbot, data_dir, clock)
    ensure_active(qtbot, w)
    w.go_to_step(start)
    field = next(b for b in page(w).findChildren(QCheckBox) if b.isVisibleTo(page(w)))
    field.setFocus()
    turn(qtbot)
    bus.clear()
    qtbot.keyClick(field, key, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: visible_page(w) == opened)
    turn(qtbot)
    moves = [name for kind, name in bus.log if kind == "focus"]
    assert moves == ["step_heading"], moves
    assert page(w).isAncestorOf(focused())
    close_window(w)


def test_the_step_list_says_its_current_step_when_it_gets_the_focus(
    qtbot: QtBot, data_dir: Path, clock: Clock, bus: Bus
) -> None:
    w = open_window(qtbot, data_dir, clock)
    w.go_to_step("responsible")
    w.next_button.setFocus()
    bus.clear()
    qtbot.keyClick(w, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert focused() is w.step_list
    step = w.task.step("responsible")
    row = w.task.steps.index(step)
    assert ("event", ("step_list", row)) in bus.log  # the row, not only "Trin, list"
    item = w.step_list.item(row).data(Qt.ItemDataRole.AccessibleTextRole)
    assert item == f"{step.index}. {step.title}, ikke startet"
    close_window(w)


# --- 4: the page is no Tab stop; the focus is always in view -------------------------


def test_the_page_is_no_tab_stop_and_what_has_the_focus_is_in_view(
    qtbot: QtBot, data_dir: Path, clock: Clock
) -> None:
    w = open_window(qtbot, data_dir, clock)
    w.resize(800, 600)
    ensure_active(qtbot, w)
    for key in ("klik_task", "appoint"):
        w.go_to_step(key)
        page(w).focus_heading()
        for _ in range(60):
            qtbot.keyClick(focused(), Qt.Key.Key_Tab)
            assert not isinstance(focused(), StepPage), key
            if focused() in (w.back_button, w.next_button):
                break
    # Given the focus any other way (a mnemonic, a link to a field, after a message grew),
    # the widget is scrolled into view.
    w.go_to_step("klik_task")
    p = page(w)
    p.verticalScrollBar().setValue(0)
    button = find(w, "deadline_calendar")
    button.setFocus()

    def in_view() -> bool:
        top = button.mapTo(p.viewport(), QPoint(0, 0)).y()
        return top >= 0 and top + button.height() <= p.viewport().height()

    qtbot.waitUntil(in_view)
    close_window(w)


# --- 5: what is said after each edit, and when ----------------------------------------


def test_each_edit_says_at_most_one_short_sentence_and_a_message_after_the_focus_moved(
    qtbot: QtBot, data_dir: Path, clock: Clock, bus: Bus
) -> None:
    w = open_window(qtbot, data_dir, clock)
    w.go_to_step("appoint")
    ensure_active(qtbot, w)
    first = find(w, "leader_first_name")
    assert isinstance(first, QLineEdit)
    first.setFocus()
    turn(qtbot)
    bus.clear()
    qtbot.keyClicks(first, "Maja")  # typing: nothing is said
    assert bus.said == []
    binding = next(b for b in page(w).bindings if b.fdef.key == "leader_first_name")
    qtbot.waitUntil(lambda: not binding.pause.pending)  # type: ignore[attr-defined]
    turn(qtbot)
    # The pause saved it: the step is begun. One short sentence, not the list.
    assert bus.said == ["Status: i gang. Der mangler 7."]
    bus.clear()
    qtbot.keyClicks(first, " Berg")
    qtbot.waitUntil(lambda: not binding.pause.pending)  # type: ignore[attr-defined]
    turn(qtbot)
    assert bus.said == []  # nothing changed that the user cannot see in the field itself
    # A tick: one announcement.
    check(qtbot, w, "leader_plus_created")
    turn(qtbot)
    assert bus.said == ["Status: i gang. Der mangler 6."]
    # A message, said after the focus has moved on (else the new focus cuts it off).
    email = find(w, "leader_email")
    email.setFocus()
    turn(qtbot)
    bus.clear()
    qtbot.keyClicks(email, "maja@aarhus")
    qtbot.keyClick(email, Qt.Key.Key_Tab)
    turn(qtbot)
    said = [i for i, (kind, _) in enumerate(bus.log) if kind == "said"]
    moved = [i for i, (kind, name) in enumerate(bus.log) if kind == "focus" and name]
    assert len(said) == 1 and moved and moved[-1] < said[0], bus.log
    assert bus.said[0].startswith("Skriv en gyldig e-mailadresse")
    close_window(w)


# --- 6: a box that cannot be ticked yet ---------------------------------------------


def test_a_box_that_cannot_be_ticked_says_what_is_missing_once_and_at_once(
    qtbot: QtBot, data_dir: Path, clock: Clock, bus: Bus
) -> None:
    w = open_window(qtbot, data_dir, clock)
    show_field(qtbot, w, "status_started")
    box = find(w, "status_started")
    check(qtbot, w, "status_started", expected=False)  # refused: says what is missing
    turn(qtbot)
    described = box.accessibleDescription()
    assert described.count("navnet på den ansvarlige") == 1, described
    assert described.count("navnet på udføreren") == 1 and "Der mangler" not in described
    assert len([s for s in bus.said if "mangler" in s]) == 1, bus.said
    type_text(qtbot, w, "responsible_name", "Ida Berg")  # the cause is fixed: told at once
    described = box.accessibleDescription()
    assert "ansvarlige" not in described and described.count("udføreren") == 1, described
    type_text(qtbot, w, "performer_name", "Jonas Kjær")
    assert "mangler" not in box.accessibleDescription()
    check(qtbot, w, "status_started")
    assert box.accessibleDescription().startswith("Status sat ")
    close_window(w)


# --- 7: names, suggestions, the questions, empty tables, a new leader ---------------


def test_fields_with_the_same_label_are_named_with_their_group(
    qtbot: QtBot, data_dir: Path, clock: Clock
) -> None:
    w = open_window(qtbot, data_dir, clock)
    names = {key: name_of(find(w, key)) for key in ("leader_first_name", "owner_first_name")}
    assert names == {
        "leader_first_name": "Projektleder, fornavn",
        "owner_first_name": "Projektejer, fornavn",
    }
    assert name_of(find(w, "owner_title")) == "Projektejer, stilling"
    assert name_of(find(w, "leader_email")) == "E-mail"  # one of a kind: its label
    described = find(w, "leader_first_name").accessibleDescription()
    assert "Projektleder" not in described  # not said twice
    close_window(w)


def test_the_same_named_fields_in_english(
    qtbot: QtBot, data_dir: Path, clock: Clock, english: object
) -> None:
    w = open_window(qtbot, data_dir, clock)
    assert name_of(find(w, "leader_last_name")) == "Project leader, last name"
    assert name_of(find(w, "owner_title")) == "Project owner, job title"
    close_window(w)


def test_municipality_suggestions_are_said(
    qtbot: QtBot, data_dir: Path, clock: Clock, bus: Bus
) -> None:
    w = open_window(qtbot, data_dir, clock)
    ensure_active(qtbot, w)
    combo = show_field(qtbot, w, "municipality")
    line = combo.lineEdit()  # type: ignore[attr-defined]
    line.setFocus()
    bus.clear()
    qtbot.keyClicks(line, "Aa")
    assert bus.said == []  # not at every key
    qtbot.waitUntil(lambda: bool(bus.said))
    assert re.fullmatch(r"\d+ forslag, først \d+ .+\. Vælg med pil ned\.", bus.said[0])
    bus.clear()
    popup = combo.completer().popup()  # type: ignore[attr-defined]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: bool(bus.said))
    assert bus.said == [f"{popup.currentIndex().data()}."]  # the suggestion reached
    close_window(w)


def test_questions_are_named_and_what_happens_to_them_is_said(
    qtbot: QtBot, data_dir: Path, clock: Clock, bus: Bus
) -> None:
    w = open_window(qtbot, data_dir, clock)
    ensure_active(qtbot, w)
    table = find(w, "questions")
    assert isinstance(table, QTableWidget)
    assert table.focusPolicy() == Qt.FocusPolicy.NoFocus  # empty: no Tab stop
    assert "Ingen spørgsmål endnu." in table.accessibleDescription()
    type_text(qtbot, w, "question_text", "Skal vi bruge testmiljøet?", leave=False)
    bus.clear()
    click(qtbot, w, "add_question")
    qtbot.waitUntil(lambda: bool(bus.said))
    (said,) = bus.said  # with what it did to the step: one announcement
    assert said.endswith("Spørgsmålet er tilføjet. Der er 1 spørgsmål."), said
    assert table.focusPolicy() & Qt.FocusPolicy.TabFocus
    answer = table.item(0, 2)
    assert answer.data(Qt.ItemDataRole.AccessibleTextRole) == "Svar fra KOMBIT: ikke besvaret"
    assert table.item(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Spørgsmål: Skal vi bruge testmiljøet?"
    )
    table.setFocus()
    table.setCurrentCell(0, 2)
    table.editItem(answer)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and table.isAncestorOf(editor)
    assert editor.accessibleName() == "Svar fra KOMBIT"
    assert "Skal vi bruge testmiljøet?" in editor.accessibleDescription()
    bus.clear()
    qtbot.keyClicks(editor, "Nej")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(bus.said))
    assert bus.said == ["Svaret er gemt."]
    assert w.editor.case.questions[0].answer == "Nej"
    close_window(w)


def test_empty_tables_are_no_tab_stops_and_say_so(
    qtbot: QtBot, data_dir: Path, clock: Clock, answers: Dialogs
) -> None:
    w = open_window(qtbot, data_dir, clock)
    for name in ("role_history", "mail_history"):
        table = find(w, name)
        assert table.focusPolicy() == Qt.FocusPolicy.NoFocus, name
        assert table.accessibleDescription().startswith("Ingen"), name
    fill_leader(w.editor)
    w.editor.set_text("owner_first_name", "Anne")
    show_field(qtbot, w, "change_leader")
    answers.in_dialog = take_over(qtbot, "15.01.2027")
    click(qtbot, w, "change_leader")
    table = find(w, "role_history")
    assert table.focusPolicy() & Qt.FocusPolicy.TabFocus and not table.accessibleDescription()
    close_window(w)


@pytest.mark.parametrize("role", [Role.LEADER, Role.OWNER])
def test_after_a_new_holder_the_focus_is_in_the_first_empty_field(
    qtbot: QtBot, data_dir: Path, clock: Clock, answers: Dialogs, role: Role
) -> None:
    w = open_window(qtbot, data_dir, clock)
    demo(w.editor, complete=True)
    button = "change_leader" if role is Role.LEADER else "change_owner"
    show_field(qtbot, w, button)
    answers.in_dialog = take_over(qtbot, "15.01.2027")  # the day the new one takes over
    click(qtbot, w, button)
    first = "leader_first_name" if role is Role.LEADER else "owner_first_name"
    assert focused() is find(w, first)
    close_window(w)


def test_the_focus_moves_however_the_change_of_leader_was_asked_for(
    qtbot: QtBot, data_dir: Path, clock: Clock
) -> None:
    """The change made without the button (as a dialog of its own will make it): the
    focus still goes to the new leader's first field."""
    w = open_window(qtbot, data_dir, clock)
    demo(w.editor, complete=True)
    show_field(qtbot, w, "leader_title")
    find(w, "next_button").setFocus()
    w.editor.change_role(Role.LEADER, "15.01.2027")
    assert focused() is find(w, "leader_first_name")
    close_window(w)


def test_a_new_leader_or_owner_can_be_asked_for_only_when_someone_holds_the_role(
    qtbot: QtBot, data_dir: Path, clock: Clock
) -> None:
    w = open_window(qtbot, data_dir, clock)
    show_field(qtbot, w, "change_leader")
    for name in ("change_leader", "change_owner"):
        assert not find(w, name).isEnabled(), name
    type_text(qtbot, w, "leader_first_name", "Maja")
    assert find(w, "change_leader").isEnabled()
    assert not find(w, "change_owner").isEnabled()
    close_window(w)


# --- 8: a link that cannot open --------------------------------------------------------


def test_a_link_that_cannot_open_says_so_and_copies_its_address(
    qtbot: QtBot, data_dir: Path, clock: Clock, bus: Bus, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) and False)
    w = open_window(qtbot, data_dir, clock)
    w.go_to_step("klik_guide")
    link = next(x for x in page(w).findChildren(Link) if x.text() == "KLIK-vejledningen hos KOMBIT")
    link.setFocus()
    qtbot.keyClick(link, Qt.Key.Key_Space)
    assert [u.toString() for u in opened] == ["https://kombit.dk/KLIK"]
    assert QApplication.clipboard().text() == "https://kombit.dk/KLIK"
    told = w.statusBar().currentMessage()
    assert "kunne ikke åbnes" in told and "https://kombit.dk/KLIK" in told
    qtbot.waitUntil(lambda: bool(bus.said))
    assert bus.said == [told]
    close_window(w)


# --- 2: the review and the mail are documents read line by line --------------------


def test_the_review_is_a_document_reached_by_tab_with_a_heading_per_part(
    qtbot: QtBot, data_dir: Path, clock: Clock
) -> None:
    w = open_window(qtbot, data_dir, clock)
    demo(w.editor, complete=False)
    w.go_to_step("complete")
    review = find(w, "review")
    assert isinstance(review, QTextEdit) and review.isReadOnly()
    assert name_of(review) == "Gennemgang"  # not the whole review
    ensure_active(qtbot, w)
    find(w, "save_pdf").setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is review  # a Tab stop
    document = review.document()
    headings = [
        document.findBlockByNumber(i).text()
        for i in range(document.blockCount())
        if document.findBlockByNumber(i).blockFormat().headingLevel()
    ]
    assert len(headings) == len(w.task.steps), headings
    assert headings[0] == "Opgaven – færdig" and headings[6].startswith("Trin 6 · ")
    for doc in (review, find(w, "mail_preview")):  # the caret moves line by line
        assert isinstance(doc, QTextEdit | QPlainTextEdit)
        assert doc.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    cursor = review.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    review.setTextCursor(cursor)
    qtbot.keyClick(review, Qt.Key.Key_Down)
    assert review.textCursor().blockNumber() == 1
    qtbot.keyClick(review, Qt.Key.Key_Tab)
    assert focused() is not review  # and Tab leaves it
    close_window(w)
