"""A long event log: the report summarises it per day and field, keeps every event in its
appendix, costs no more than the log grows, and tells the window how far it is."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QProgressDialog
from pytestqt.qtbot import QtBot

from rolleudpeger.demo import START, long_history
from rolleudpeger.domain.events import Cause, Event, EventKind, imported
from rolleudpeger.domain.people import Role
from rolleudpeger.domain.report import EventLine, log_by_day
from rolleudpeger.domain.taskdef import TaskDef
from rolleudpeger.editing import CaseEditor
from rolleudpeger.store.repository import Store
from rolleudpeger.ui import report_actions
from rolleudpeger.ui.app import application
from rolleudpeger.ui.report import report_html, write_pdf
from rolleudpeger.ui.report_log import entry_text
from tests.conftest import Clock, Dialogs, demo
from tests.ui.helpers import click, close_window, open_window


def with_history(editor: CaseEditor, events: list[Event]) -> CaseEditor:
    """The editor's case with `events` as its log (imported, as a long log comes)."""
    store: Store = editor.store
    note = imported(events[-1].at, editor.task.intro.key, "sag.json")
    store.add_case(
        editor.case,
        [replace(e, cause=Cause.IMPORTED) for e in events],
        note,
        replacing=editor.case.id,
    )
    return CaseEditor.open(editor.task, store, editor.clock)


def typed(task: TaskDef, saves: int) -> list[Event]:
    """`saves` saves of one note in one sitting, on one day."""
    text = "Projektlederen placeres i Borgerservice og Biblioteker. " * 3
    step = next(s.key for s in task.steps for f in s.fields if f.key == "placement_notes")
    return [
        Event(
            START + timedelta(seconds=i),
            EventKind.FIELD_SET,
            step,
            "placement_notes",
            text[: i * len(text) // saves],
            text[: (i + 1) * len(text) // saves],
        )
        for i in range(saves)
    ]


def test_the_day_and_field_summary_counts_and_spans_the_day() -> None:
    lines = [
        EventLine(f"02.11.2026 kl. 08.{i:02d}", "T", "F", str(i), str(i + 1), day="02.11.2026")
        for i in range(50)
    ]
    lines.append(EventLine("03.11.2026 kl. 08.00", "T", "F", "50", "51", day="03.11.2026"))
    (first, second) = log_by_day(tuple(lines))
    assert (first.day, first.count, first.first_old, first.last_new) == (
        "02.11.2026",
        50,
        "0",
        "50",
    )
    assert (second.day, second.count) == ("03.11.2026", 1)


def test_the_report_body_does_not_grow_with_the_saves_of_a_day(
    editor: CaseEditor, task: TaskDef
) -> None:
    """The report itself says "this note changed 2,000 times that day, from … to …"; the
    single saves are the appendix's (the old report put every one in one huge table)."""
    application([])  # the report's HTML measures words in its font
    few = report_html(with_history(editor, typed(task, 20)).report())
    many = report_html(with_history(editor, typed(task, 2_000)).report())
    assert len(many) - len(few) < 20  # the count's digits
    assert ">2000<" in many


@pytest.mark.slow  # reads 2,000 events back out of two PDFs
def test_the_appendix_has_every_event_and_pages_grow_with_the_log(
    editor: CaseEditor, task: TaskDef, tmp_path: Path
) -> None:
    application([])
    pages = []
    for count in (400, 1_600):
        editor = with_history(editor, long_history(task, count))
        report = editor.report()
        path = tmp_path / f"{count}.pdf"
        pages.append(write_pdf(report, path, author="a", subject="b"))
        text = " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())
        appendix = text[text.index("Bilag: Hændelseslog") :]
        # Each edit of a field is one entry (issue 21: not every pause in typing), and
        # every save is counted in one of them.
        assert appendix.count("→") == len(report.events)
        assert sum(e.saves for e in report.events) == count + 1  # and the import
        assert "Hændelser dag for dag" in text
    # Four times the log: the appendix four times as long, the rest the same or shorter.
    assert pages[1] <= 4 * pages[0]


def test_a_slow_report_shows_its_progress_in_the_window(
    qtbot: QtBot,
    data_dir: Path,
    clock: Clock,
    tmp_path: Path,
    answers: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(report_actions, "SHOW_AFTER_MS", 0)  # as if it took long
    seen: list[tuple[int, int, bool]] = []
    tell = report_actions.ReportProgress.__call__

    def watch(self: report_actions.ReportProgress, done: int, total: int) -> None:
        tell(self, done, total)
        dialog = self.parent.findChild(QProgressDialog, "report_progress")
        seen.append((done, total, dialog is not None and dialog.isVisible()))

    monkeypatch.setattr(report_actions.ReportProgress, "__call__", watch)
    w = open_window(qtbot, data_dir, clock)
    demo(w.editor)
    answers.file = str(tmp_path / "rapport.pdf")
    click(qtbot, w, "save_pdf")
    pages = len(PdfReader(tmp_path / "rapport.pdf").pages)
    assert seen[-1] == (pages, pages, True)
    assert all(shown for *_, shown in seen)
    assert (
        w.findChild(QProgressDialog, "report_progress") is None
        or not w.findChild(QProgressDialog, "report_progress").isVisible()
    )
    close_window(w)


def test_a_change_of_leader_is_logged_with_its_decision_and_its_consequences_with_it(
    editor: CaseEditor,
) -> None:
    demo(editor)
    editor.change_role(
        Role.LEADER, "15.01.2027", decided_by="Birgitte Lund", decided_on="10.12.2026"
    )
    lines = editor.report().events
    (change,) = [x for x in lines if x.field == "Ny projektleder"]
    assert change.new == "en ny overtager fra 15.01.2027, besluttet 10.12.2026 af Birgitte Lund"
    emptied = [x for x in lines if x.at == change.at and x is not change]
    assert emptied and all(x.because == "følger af: ny projektleder" for x in emptied)
    assert all(f"({x.because})" in entry_text(x) for x in emptied)  # said in the appendix


def test_a_change_decided_by_someone_on_no_stated_day_keeps_the_name(editor: CaseEditor) -> None:
    demo(editor)
    editor.change_role(Role.LEADER, "15.01.2027", decided_by="Birgitte Lund")
    (change,) = [x for x in editor.report().events if x.field == "Ny projektleder"]
    assert change.new == "en ny overtager fra 15.01.2027, besluttet af Birgitte Lund"
