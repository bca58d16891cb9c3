"""A second task definition, under tests/, runs through the window, the report and
export/import: a task is data, and no line of the app names this one."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QLabel
from pytestqt.qtbot import QtBot

from rolleudpeger import __version__
from rolleudpeger.domain import handover
from rolleudpeger.domain.taskdef import KlikStatus
from rolleudpeger.ui import dialogs
from tests.conftest import Clock
from tests.ui.helpers import (
    check,
    click,
    close_window,
    find,
    open_window,
    show_field,
    text_of,
    type_text,
    visible_page,
)

SECOND_TASK = Path(__file__).resolve().parents[1] / "tasks" / "opgave-kontaktperson.toml"
SRC = Path(__file__).resolve().parents[2] / "src"


def test_no_line_of_the_app_names_the_second_task() -> None:
    toml = SECOND_TASK.read_text(encoding="utf-8")
    names = {"test-kontaktperson", "kontakt@leverandoer.example", "Kontaktperson"}
    names |= set(re.findall(r'^\s*key = "([a-z_]+)"', toml, flags=re.MULTILINE))
    assert len(names) > 15  # the task id, the recipient, every step and field key
    code = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py"))
    assert [n for n in sorted(names) if f'"{n}"' in code or f"'{n}'" in code] == []


def test_the_second_task_end_to_end(
    qtbot: QtBot, data_dir: Path, clock: Clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = open_window(qtbot, data_dir, clock, SECOND_TASK)
    assert visible_page(w) == "start"
    assert w.step_list.count() == 4
    assert find(w, "progress").text() == "0 af 3 trin færdige · KLIK-status: Ikke påbegyndt"

    type_text(qtbot, w, "kommune", "aarhus")
    type_text(qtbot, w, "journalnummer", "J-2026-7")
    click(qtbot, w, "next_button")
    assert visible_page(w) == "vaelg"
    # The rules ask for what this task has: no responsible person or performer here.
    hints = [label.text() for label in find(w, "i_gang").parentWidget().findChildren(QLabel)]
    assert "Før du kan markere dette, mangler: " not in " ".join(hints)
    for name, typed in (
        ("kp_fornavn", "Maja"),
        ("kp_efternavn", "Søndergaard"),
        ("kp_mail", "maja@aarhus.dk"),
        ("kp_telefon", "41857230"),
        ("aftale", "Maja svarer inden for to dage."),
    ):
        type_text(qtbot, w, name, typed)
    check(qtbot, w, "i_gang")
    assert w.editor.case.klik_status is KlikStatus.STARTED

    click(qtbot, w, "next_button")
    assert visible_page(w) == "besked"
    show_field(qtbot, w, "mail_preview")
    preview = text_of(w, "mail_preview")
    assert preview.startswith("Til: kontakt@leverandoer.example\nEmne: Kontaktperson i Aarhus")
    assert "Kontaktpersonens telefon: +45 41 85 72 30" in preview
    sent = find(w, "mail_sent")
    assert isinstance(sent, QCheckBox)
    assert sent.text() == "Mailen er sendt til kontakt@leverandoer.example"
    check(qtbot, w, "mail_sent")

    click(qtbot, w, "next_button")
    assert visible_page(w) == "slut"
    check(qtbot, w, "faerdig")
    assert w.editor.case.klik_status is KlikStatus.COMPLETED
    assert find(w, "progress").text() == "3 af 3 trin færdige · KLIK-status: Fuldført"

    # The report, saved as PDF from the last page.
    pdf = tmp_path / "rapport.pdf"
    monkeypatch.setattr(dialogs, "save_file_name", lambda *_a: str(pdf))
    click(qtbot, w, "save_pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    for expected in (
        "Udpeg en kontaktperson til leverandøren",
        "Aarhus Kommune (751)",
        "J-2026-7",
        "Maja Søndergaard",
        "Aftalt med kontaktpersonen",
        "Maja svarer inden for to dage.",
        "kontakt@leverandoer.example",
        "Vælg kontaktpersonen",
        "Giv leverandøren besked",
    ):
        assert expected in text, expected
    for absent in ("projektejer", "Bibliotekschef", "Ansvarlig på KLIK-opgaven", "webinar"):
        assert absent.casefold() not in text.casefold(), absent

    # Export, and import on another PC.
    file = tmp_path / "kontakt.json"
    monkeypatch.setattr(dialogs, "save_file_name", lambda *_a: str(file))
    w.findChild(QAction, "action_export_case").trigger()
    exported = json.loads(file.read_text(encoding="utf-8"))
    assert exported["task_id"] == "test-kontaktperson"
    original = w.editor.case
    close_window(w)

    w2 = open_window(qtbot, tmp_path / "ny-pc", clock, SECOND_TASK)
    monkeypatch.setattr(dialogs, "open_file_name", lambda *_a: str(file))
    w2.findChild(QAction, "action_import_case").trigger()
    assert w2.editor.case.values == original.values
    assert w2.editor.case.klik_status is KlikStatus.COMPLETED
    assert [m.mail for m in w2.editor.case.mails] == [m.mail for m in original.mails]
    assert text_of(w2, "kp_fornavn") == "Maja"
    assert find(w2, "progress").text() == "3 af 3 trin færdige · KLIK-status: Fuldført"
    close_window(w2)


def test_a_case_of_one_task_is_not_imported_into_another(
    qtbot: QtBot, data_dir: Path, clock: Clock, tmp_path: Path
) -> None:
    w = open_window(qtbot, data_dir, clock, SECOND_TASK)
    w.editor.set_text("kp_fornavn", "Maja")
    data = handover.export_case(
        w.editor.task,
        w.editor.case,
        w.editor.store.events(w.editor.case.id),
        w.editor.clock(),
        __version__,
    )
    close_window(w)
    shipped = open_window(qtbot, tmp_path / "anden", clock)
    with pytest.raises(handover.HandoverError, match="test-kontaktperson"):
        handover.parse_case(shipped.editor.task, json.loads(json.dumps(data)))
    close_window(shipped)
