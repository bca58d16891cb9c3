"""Export a case, import it on another PC: everything arrives, bad files change nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from rolleudpeger.demo import demo_clock, fill_demo_case
from rolleudpeger.domain import handover
from rolleudpeger.domain.events import Cause, EventKind
from rolleudpeger.domain.taskdef import TaskDef
from rolleudpeger.editing import CaseEditor
from rolleudpeger.store import backup
from tests.conftest import Clock
from tests.ui.helpers import close_window, open_window, text_of, visible_page


def exported(editor: CaseEditor) -> dict[str, Any]:
    clock = demo_clock()
    editor.clock = lambda: next(clock)
    fill_demo_case(editor)
    editor.set_waiting("plus_rights", True, "Venter")
    return handover.export_case(
        editor.task, editor.case, editor.store.events(editor.case.id), editor.clock(), "0.1.0"
    )


def test_round_trip_in_the_domain(task: TaskDef, editor: CaseEditor) -> None:
    data = json.loads(json.dumps(exported(editor)))
    imported = handover.parse_case(task, data)
    original = editor.case
    assert imported.case.values == original.values
    assert imported.case.status_history == original.status_history
    assert imported.case.waiting == original.waiting
    assert [(q.text, q.answer) for q in imported.case.questions] == [
        (q.text, q.answer) for q in original.questions
    ]
    assert [m.mail for m in imported.case.mails] == [m.mail for m in original.mails]
    assert len(imported.events) == len(editor.store.events(editor.case.id))


def test_every_problem_is_listed(task: TaskDef, editor: CaseEditor) -> None:
    data = exported(editor)
    case = data["case"]
    case["values"]["leader_first_name"]["value"] = "Ma\x00ja"
    case["values"]["ukendt_felt"] = {"value": "x", "changed_at": "2026-11-27T10:00:00+00:00"}
    case["values"]["municipality"]["value"] = "999"
    case["values"]["guide_read"]["value"] = "ja"
    case["klik_status"][1]["status"] = "Påbegyndt"  # the same status twice in a row
    case["questions"][0]["asked_at"] = "i går"
    with pytest.raises(handover.HandoverError) as e:
        handover.parse_case(task, data)
    text = "\n".join(e.value.problems)
    for where in (
        "case.values.leader_first_name.value: Teksten indeholder usynlige styretegn",
        "case.values.ukendt_felt: ukendt felt",
        "case.values.municipality: ukendt kommunekode '999'",
        "case.values.guide_read: et flueben",
        "case.klik_status[1]: status kan ikke gå fra",
        "case.questions[0].asked_at: skal være et tidspunkt",
    ):
        assert where in text, where


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ([1, 2], "ikke en sag fra Rolleudpeger"),
        ({"format": "rolleudpeger-sag", "version": 99}, "formatversion 99"),
        ({"format": "noget andet"}, "ikke en sag fra Rolleudpeger"),
    ],
)
def test_foreign_files(task: TaskDef, data: object, expected: str) -> None:
    with pytest.raises(handover.HandoverError, match=expected):
        handover.parse_case(task, data)


def test_export_and_import_on_another_pc(
    qtbot: QtBot, data_dir: Path, clock: Clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = open_window(qtbot, data_dir, clock)
    exported(w.editor)
    w.editor.set_current_step("appoint")
    file = tmp_path / "overdragelse.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(file), ""))
    w.findChild(QAction, "action_export_case").trigger()
    assert json.loads(file.read_text(encoding="utf-8"))["version"] == handover.VERSION == 2
    original = w.editor.case
    close_window(w)

    other_pc = tmp_path / "ny-pc"
    w2 = open_window(qtbot, other_pc, clock)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(file), ""))
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append("?") or QMessageBox.StandardButton.Yes
    )
    w2.findChild(QAction, "action_import_case").trigger()
    assert asked == []  # the new PC had an empty case: nothing to ask about
    assert text_of(w2, "leader_first_name") == "Maja"
    assert w2.editor.case.values == original.values
    assert w2.editor.case.klik_status == original.klik_status
    assert visible_page(w2) == "appoint"
    events = w2.editor.store.events(w2.editor.case.id)
    assert (events[-1].kind, events[-1].detail) == (EventKind.CASE_IMPORTED, "overdragelse.json")
    assert events[-1].cause is Cause.USER  # the import was done here
    assert {e.cause for e in events[:-1]} == {Cause.IMPORTED}  # the rest on the old PC

    # Importing again over a case with content asks first, and keeps a backup.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    w2.findChild(QAction, "action_import_case").trigger()
    assert w2.editor.case.id == w2.editor.store.latest_case_id()
    assert backup.list_backups(other_pc) == []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    w2.findChild(QAction, "action_import_case").trigger()
    assert len(backup.list_backups(other_pc)) == 1
    close_window(w2)


def test_a_bad_file_changes_nothing(
    qtbot: QtBot, data_dir: Path, clock: Clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = open_window(qtbot, data_dir, clock)
    w.editor.set_text("leader_first_name", "Bliver")
    bad = tmp_path / "forkert.json"
    bad.write_text("{ikke json", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: shown.append(text))
    w.findChild(QAction, "action_import_case").trigger()
    assert "ikke en gyldig sagsfil" in shown[0]
    assert w.editor.store.load_case(w.editor.case.id).value("leader_first_name") == "Bliver"
    close_window(w)


def test_a_case_file_from_0_1_0_is_read_with_its_log_as_data(task: TaskDef) -> None:
    """Version 1 files (0.1.0) hold the log as sentences; they are read as data."""
    from tests.store.test_upgrade_from_0_1_0 import FIXTURE

    raw = (FIXTURE.parent / "rolleudpeger-sag-0.1.0.json").read_bytes()
    data = handover.decode(raw)
    assert data["version"] == 1
    imported = handover.parse_case(task, data)
    assert len(imported.events) == len(data["case"]["events"]) == 27
    assert {e.cause for e in imported.events} == {Cause.IMPORTED}
    last = imported.events[-1]
    assert (last.kind, last.new) == (
        EventKind.WAITING_STARTED,
        "Venter på, at Maja bekræfter sit telefonnummer",
    )
    status = [e for e in imported.events if e.kind is EventKind.KLIK_STATUS]
    assert [(e.old, e.new) for e in status] == [("Ikke påbegyndt", "Påbegyndt")]
    assert imported.case.value("leader_phone") == "+4541857230"


def test_an_unknown_event_kind_is_named(task: TaskDef, editor: CaseEditor) -> None:
    data = exported(editor)
    data["case"]["events"][0]["kind"] = "hacked"
    data["case"]["events"][1]["cause"] = 7
    with pytest.raises(handover.HandoverError) as e:
        handover.parse_case(task, data)
    assert "case.events[0].kind: ukendt værdi 'hacked'" in e.value.problems
    assert "case.events[1].cause: ukendt værdi 7" in e.value.problems
