"""One walk through every step by widget names, then a restart that finds everything again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from rolleudpeger.domain.taskdef import KlikStatus
from rolleudpeger.domain.timefmt import format_time
from tests.conftest import Clock
from tests.ui.helpers import (
    check,
    click,
    close_window,
    done_line,
    fill_still_required,
    find,
    open_window,
    show_field,
    text_of,
    type_text,
    visible_page,
)

TYPED = {
    "plus_granted_by": "Henrik Mørch",
    "responsible_name": "Jonas Kjær",
    "performer_name": "Ida Berg",
    "library_director_name": "Anne Marie Holm",
    "leader_first_name": "Maja",
    "leader_last_name": "Søndergaard",
    "leader_email": "maja.sondergaard@aarhus.dk",
    "leader_phone": "41857230",
    "leader_title": "Konsulent",
}
CHECKS = [
    "plus_granted",
    "guide_read",
    "task_read",
    "catalogue_read",
    "leader_plus_created",
    "owner_reader_created",
]


def test_whole_task_then_restart(qtbot: QtBot, data_dir: Path, clock: Clock) -> None:
    w = open_window(qtbot, data_dir, clock)
    assert visible_page(w) == "intro"
    assert not find(w, "back_button").isEnabled()

    # Intro: find the municipality by typing part of its name.
    type_text(qtbot, w, "municipality", "aarhus")
    assert text_of(w, "municipality") == "751 Aarhus"
    assert w.windowTitle() == "Rolleudpeger – 751 Aarhus"

    # Step 1 via the overview, then Next for the rest.
    check(qtbot, w, "plus_granted")
    type_text(qtbot, w, "plus_granted_by", TYPED["plus_granted_by"])
    click(qtbot, w, "next_button")
    assert visible_page(w) == "klik_guide"
    check(qtbot, w, "guide_read")
    click(qtbot, w, "next_button")
    check(qtbot, w, "task_read")
    type_text(qtbot, w, "question_text", "Skal lederen have testadgang?", leave=False)
    click(qtbot, w, "add_question")
    table = find(w, "questions")
    assert isinstance(table, QTableWidget) and table.rowCount() == 1
    assert text_of(w, "question_text") == ""
    table.setFocus()
    table.setCurrentCell(0, 2)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "Nej, senere")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits on the next event-loop turn
    qtbot.waitUntil(lambda: w.editor.case.questions[0].answer == "Nej, senere")
    assert table.item(0, 2).text() == "Nej, senere"
    assert table.item(0, 3).text() != ""

    click(qtbot, w, "next_button")
    type_text(qtbot, w, "responsible_name", TYPED["responsible_name"])
    type_text(qtbot, w, "performer_name", TYPED["performer_name"])
    check(qtbot, w, "status_started")

    type_text(qtbot, w, "library_director_name", TYPED["library_director_name"])
    check(qtbot, w, "catalogue_read")
    type_text(qtbot, w, "placement_notes", "Lederen i Borgerservice.\nEjeren er bibliotekschefen.")

    for name in (
        "leader_first_name",
        "leader_last_name",
        "leader_email",
        "leader_phone",
        "leader_title",
    ):
        type_text(qtbot, w, name, TYPED[name])
    assert text_of(w, "leader_phone") == "+45 41 85 72 30"
    click(qtbot, w, "owner_from_director")
    assert (text_of(w, "owner_first_name"), text_of(w, "owner_last_name")) == ("Anne Marie", "Holm")
    check(qtbot, w, "leader_plus_created")
    check(qtbot, w, "owner_reader_created")

    show_field(qtbot, w, "mail_preview")
    preview = text_of(w, "mail_preview")
    assert "Fornavn: Maja" in preview and "Telefon: +45 41 85 72 30" in preview
    assert "Anne Marie" not in preview and "Holm" not in preview
    check(qtbot, w, "mail_sent")
    fill_still_required(qtbot, w)  # what the task file may add, filled the same way

    check(qtbot, w, "status_completed")
    assert w.editor.case.klik_status is KlikStatus.COMPLETED
    assert find(w, "progress").text() == done_line(w)
    saved = w.editor.case
    check_times = {name: saved.changed_at(name) for name in CHECKS}
    close_window(w)

    # --- a new sitting -------------------------------------------------------------
    w2 = open_window(qtbot, data_dir, clock)
    assert visible_page(w2) == "complete"
    assert w2.editor.case == saved
    assert text_of(w2, "municipality") == "751 Aarhus"
    for name, typed in TYPED.items():
        expected = "+45 41 85 72 30" if name == "leader_phone" else typed
        assert text_of(w2, name) == expected, name
    assert text_of(w2, "placement_notes") == "Lederen i Borgerservice.\nEjeren er bibliotekschefen."
    for name in [*CHECKS, "status_started", "status_completed", "mail_sent"]:
        box = find(w2, name)
        assert isinstance(box, QCheckBox) and box.isChecked(), name
    for name, at in check_times.items():
        labels = [lb.text() for lb in find(w2, name).parentWidget().findChildren(QLabel)]
        assert f"Markeret {format_time(at)}" in labels, name
    table = find(w2, "questions")
    assert isinstance(table, QTableWidget)
    assert table.item(0, 0).text() == "Skal lederen have testadgang?"
    assert table.item(0, 2).text() == "Nej, senere"
    assert find(w2, "progress").text() == done_line(w2)
    rows = [w2.step_list.item(i).text() for i in range(w2.step_list.count())]
    assert all(r.endswith("færdig") for r in rows), rows
    close_window(w2)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("leader_first_name", "Maja"),
        ("placement_notes", "Noter\nover to linjer"),
        ("question_text", "Et spørgsmål, der ikke blev tilføjet"),
    ],
)
def test_typing_then_closing_at_once_loses_nothing(
    qtbot: QtBot, data_dir: Path, clock: Clock, name: str, text: str
) -> None:
    w = open_window(qtbot, data_dir, clock)
    type_text(qtbot, w, name, text, leave=False)
    close_window(w)  # no pause, no Tab: the close saves it
    w2 = open_window(qtbot, data_dir, clock)
    if name == "question_text":
        assert [q.text for q in w2.editor.case.questions] == [text]
    else:
        assert text_of(w2, name) == text
        assert w2.editor.case.value(name) == text
    close_window(w2)


def test_a_pause_in_typing_saves(qtbot: QtBot, data_dir: Path, clock: Clock) -> None:
    w = open_window(qtbot, data_dir, clock)
    type_text(qtbot, w, "leader_last_name", "Holm", leave=False)
    qtbot.waitUntil(
        lambda: w.editor.store.load_case(w.editor.case.id).value("leader_last_name") == "Holm",
        timeout=2000,
    )
    close_window(w)
