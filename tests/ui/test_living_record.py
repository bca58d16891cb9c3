"""The record lives on (issue: a new project leader or owner, every mail kept, the
deadline in the calendar): the whole story through the widgets, then a restart."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLineEdit, QTableWidget
from pytestqt.qtbot import QtBot

from rolleudpeger.domain.taskdef import KlikStatus
from rolleudpeger.ui.report import write_pdf
from tests.conftest import Clock, Dialogs, demo
from tests.ui.helpers import (
    check,
    click,
    close_window,
    find,
    open_window,
    show_field,
    text_of,
    type_text,
)

NEW_LEADER = {
    "leader_first_name": "Ole",
    "leader_last_name": "Hansen",
    "leader_email": "ole.hansen@aarhus.dk",
    "leader_phone": "22334455",
    "leader_title": "Projektleder",
}


def rows(w: object, name: str) -> list[list[str]]:
    table = find(w, name)  # type: ignore[arg-type]
    assert isinstance(table, QTableWidget)
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def take_over(
    qtbot: QtBot, effective: str, by: str = "", on: str = "", *, ok: bool = True
) -> Callable[[QDialog], None]:
    """What to do in `role_change_dialog`: type its fields, then OK (or Cancel)."""

    def fill(dialog: QDialog) -> None:
        assert dialog.objectName() == "role_change_dialog" and dialog.isModal()
        for name, text in (
            ("change_effective_date", effective),
            ("change_decided_by", by),
            ("change_decision_date", on),
        ):
            edit = dialog.findChild(QLineEdit, name)
            assert edit is not None and edit.accessibleName(), name
            qtbot.keyClicks(edit, text)
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        which = QDialogButtonBox.StandardButton.Ok if ok else QDialogButtonBox.StandardButton.Cancel
        buttons.button(which).click()

    return fill


def step_row(w: object, key: str) -> str:
    keys = [s.key for s in w.task.steps]  # type: ignore[attr-defined]
    return w.step_list.item(keys.index(key)).text()  # type: ignore[attr-defined]


def test_new_leader_new_owner_deadline_and_restart(
    qtbot: QtBot,
    data_dir: Path,
    clock: Clock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answers: Dialogs,
) -> None:
    w = open_window(qtbot, data_dir, clock)
    demo(w.editor)  # the task done: Maja leads, Birgitte Lund owns, KOMBIT has the mail
    w.editor.clock = clock
    w.refresh()
    assert w.editor.case.klik_status is KlikStatus.COMPLETED
    first_mail = w.editor.case.last_sent_mail
    assert first_mail is not None

    # --- a new project leader -----------------------------------------------------
    show_field(qtbot, w, "change_leader")
    answers.in_dialog = take_over(qtbot, "15.01.2027", "Birgitte Lund", "10.12.2026", ok=False)
    click(qtbot, w, "change_leader")
    assert text_of(w, "leader_first_name") == "Maja"  # Cancel changes nothing
    assert w.editor.case.role_history == []
    answers.in_dialog = take_over(qtbot, "", "Birgitte Lund")  # OK without the day
    click(qtbot, w, "change_leader")
    assert text_of(w, "leader_first_name") == "Maja"  # refused, said in the dialog
    assert (
        "Skriv den dag"
        in answers.dialogs[-1].findChild(QLineEdit, "change_effective_date").accessibleDescription()
    )
    answers.in_dialog = take_over(qtbot, "15.01.2027", "Birgitte Lund", "10.12.2026")
    click(qtbot, w, "change_leader")
    for name in NEW_LEADER:
        assert text_of(w, name) == "", name
    plus = find(w, "leader_plus_created")
    assert isinstance(plus, QCheckBox) and not plus.isChecked()
    assert rows(w, "role_history")[0][:3] == [
        "Projektleder",
        "Maja Søndergaard",
        "Digitaliseringskonsulent",
    ]
    assert w.editor.case.klik_status is KlikStatus.COMPLETED  # KLIK's status stays
    assert "ny projektleder – KOMBIT mangler besked" in step_row(w, "notify_kombit")
    assert not step_row(w, "appoint").endswith("færdig")

    for name, typed in NEW_LEADER.items():
        type_text(qtbot, w, name, typed)
    check(qtbot, w, "leader_plus_created")
    assert not step_row(w, "appoint").endswith("færdig")  # Maja's PLUS is to be removed
    check(qtbot, w, "former_leader_plus_removed")
    assert step_row(w, "appoint").endswith("færdig")

    # --- KOMBIT is told about the new leader, never the owner ----------------------
    show_field(qtbot, w, "mail_preview")
    sent = find(w, "mail_sent")
    assert isinstance(sent, QCheckBox) and not sent.isChecked()
    preview = text_of(w, "mail_preview")
    assert "Fornavn: Ole" in preview and "Telefon: +45 22 33 44 55" in preview
    assert "afløser Maja Søndergaard" in preview
    assert preview.splitlines()[1].startswith("Emne: Ny projektleder")
    assert "Birgitte" not in preview and "Lund" not in preview  # the owner
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    click(qtbot, w, "mail_open")
    body = parse_qs(urlsplit(bytes(opened[0].toEncoded()).decode("ascii")).query)["body"][0]
    assert "Fornavn: Ole" in body and "Lund" not in body
    eml = tmp_path / "ny.eml"
    answers.file = str(eml)
    click(qtbot, w, "mail_save_eml")
    assert b"Ole" in eml.read_bytes() and b"Lund" not in eml.read_bytes()
    check(qtbot, w, "mail_sent")
    history = rows(w, "mail_history")
    assert len(history) == 2 and [r[1] for r in history] == ["afløst", "gældende"]
    assert text_of(w, "mail_preview") == preview  # the mail sent, not a first mail again
    assert "KOMBIT mangler besked" not in step_row(w, "notify_kombit")

    # --- a new project owner: no mail ------------------------------------------------
    show_field(qtbot, w, "change_owner")
    answers.in_dialog = take_over(qtbot, "01.02.2027")
    click(qtbot, w, "change_owner")
    assert text_of(w, "owner_first_name") == ""
    reader = find(w, "owner_reader_created")
    assert isinstance(reader, QCheckBox) and not reader.isChecked()
    type_text(qtbot, w, "owner_first_name", "Karen")
    type_text(qtbot, w, "owner_last_name", "Vestergaard")
    type_text(qtbot, w, "owner_title", "Kultur- og fritidschef")
    check(qtbot, w, "owner_reader_created")
    assert [r[1] for r in rows(w, "role_history")] == ["Maja Søndergaard", "Birgitte Lund"]
    show_field(qtbot, w, "mail_sent")
    assert sent.isChecked()  # the mail already sent stays valid
    assert len(rows(w, "mail_history")) == 2
    assert "Vestergaard" not in text_of(w, "mail_preview")

    # --- the deadline, into the calendar ------------------------------------------
    type_text(qtbot, w, "klik_deadline", "15.12.2026")
    assert "KLIK-frist 15.12.2026" in find(w, "progress").text()
    ics = tmp_path / "frist"
    answers.file = str(ics)
    show_field(qtbot, w, "deadline_calendar")
    click(qtbot, w, "deadline_calendar")
    calendar = icalendar.Calendar.from_ical(ics.with_suffix(".ics").read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == date(2026, 12, 15)
    assert event.decoded("DTEND") == date(2026, 12, 16)
    assert w.editor.task.title in str(event["SUMMARY"])
    assert str(event["UID"]).endswith("@rolleudpeger") and event.get("DTSTAMP") is not None
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("TRIGGER").days == -3
    saved = w.editor.case
    close_window(w)

    # --- a new sitting: all of it is still there -----------------------------------
    w2 = open_window(qtbot, data_dir, clock)
    assert w2.editor.case == saved
    assert [r[1] for r in rows(w2, "role_history")] == ["Maja Søndergaard", "Birgitte Lund"]
    assert len(rows(w2, "mail_history")) == 2
    assert text_of(w2, "klik_deadline") == "15.12.2026"
    assert text_of(w2, "leader_first_name") == "Ole"
    report = w2.editor.report()
    named = {(a.role, a.name) for a in report.appointments}
    assert {
        ("Projektleder", "Ole Hansen"),
        ("Tidligere projektleder", "Maja Søndergaard"),
        ("Projektejer", "Karen Vestergaard"),
        ("Tidligere projektejer", "Birgitte Lund"),
    } <= named
    assert report.mail is not None and "Ole" in report.mail.body
    assert [m.body == first_mail.mail.body for m in report.earlier_mails] == [True]
    pdf = tmp_path / "rapport.pdf"
    write_pdf(report, pdf, author="Aarhus Kommune", subject="test")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert "Frist i KLIK 15.12.2026" in text
    for expected in ("Ole Hansen", "Maja Søndergaard", "Karen Vestergaard", "Birgitte Lund"):
        assert expected in text, expected
    assert text.count("Til: bibsys@kombit.dk") == 2
    close_window(w2)
