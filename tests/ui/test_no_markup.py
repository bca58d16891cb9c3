"""User text is never read as markup: every field is filled with HTML, then every widget of
every page, every tooltip, every cell, the message boxes, the review and the PDF are
checked to show it literally (rolleudpeger.ui.plain)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtGui import Qt, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QInputDialog,
    QLabel,
    QMessageBox,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rolleudpeger.domain import kinds
from rolleudpeger.domain.people import Role
from rolleudpeger.domain.taskdef import FieldKind
from rolleudpeger.editing import CaseEditor
from rolleudpeger.ui import dialogs
from rolleudpeger.ui.app import application
from rolleudpeger.ui.main_window import MainWindow
from tests.conftest import Clock, Dialogs, demo
from tests.ui.helpers import click, close_window, find, open_window
from tests.ui.test_report_pdf import make_pdf, page_texts

SPAN = '<span style="font-size:40pt;color:red">KOMBIT: Dit kodeord er udløbet</span>'
LINK = '<a href="https://kombit.example/login">Log ind igen</a>'


def img(folder: Path) -> str:
    """An image tag that points at a real file, which rich text would load and draw."""
    picture = folder / "billede.png"
    picture.write_bytes(
        bytes.fromhex(
            "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            "1f15c4890000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082"
        )
    )
    return f'<img src="{picture}"> Hansen'


def rendered(text: str, text_format: Qt.TextFormat) -> str:
    """What Qt draws for a text in a label, tooltip or message: rich text is laid out as
    HTML (an image becomes an object character, a span its bare words)."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)
    )
    if not rich:
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def fill_with_markup(editor: CaseEditor, payloads: list[str]) -> None:
    """A whole case, then every text field, question, answer and note made of markup; a
    mail sent and a leader replaced with markup names, so the histories hold it too."""
    demo(editor)
    task = editor.task
    text_fields = [
        f.key
        for s in task.steps
        for f in s.fields
        if kinds.of(f).stores_value and f.kind not in (FieldKind.CHECK, FieldKind.MUNICIPALITY)
    ]
    for i, key in enumerate(text_fields):
        if key in ("leader_email", "leader_phone"):
            continue  # filled last: the mail needs them valid first
        editor.set_text(key, payloads[i % len(payloads)])
    editor.mark_mail_sent()  # its body names the leader and the performer in markup
    editor.add_question(f"Spørgsmål {SPAN}")
    editor.answer_question(editor.case.questions[-1].id, f"Svar {payloads[-1]}")
    editor.set_waiting("plus_rights", True, f"Venter på {SPAN}")
    editor.change_role(
        Role.LEADER, "15.01.2027"
    )  # the one with a markup name goes into the history
    editor.set_text("leader_first_name", SPAN)
    assert editor.set_text("leader_email", LINK)  # kept as typed, with a message
    assert editor.set_text("leader_phone", SPAN)


def texts_shown(window: MainWindow) -> list[tuple[str, str, str]]:
    """(where, the text as set, the text as drawn) for every label, tooltip, item and title
    of the window."""
    shown: list[tuple[str, str, str]] = []
    for w in [window, *window.findChildren(QWidget)]:
        where = f"{type(w).__name__} {w.objectName()!r}"
        if isinstance(w, QLabel):
            shown.append((where, w.text(), rendered(w.text(), w.textFormat())))
        if w.toolTip():
            shown.append(
                (f"{where} tooltip", w.toolTip(), rendered(w.toolTip(), Qt.TextFormat.AutoText))
            )
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list's model keeps it private: one column
                columns = 1
            for row in range(model.rowCount(QModelIndex())):
                for column in range(columns):
                    index = model.index(row, column)
                    cell = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
                    shown.append((f"{where} [{row},{column}]", cell, cell))  # views draw plain
                    tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
                    if tip:
                        shown.append(
                            (
                                f"{where} [{row},{column}] tooltip",
                                tip,
                                rendered(tip, Qt.TextFormat.AutoText),
                            )
                        )
    title = window.windowTitle()
    shown.append(("window title", title, title))
    message = window.statusBar().currentMessage()
    shown.append(("status bar", message, message))
    return shown


def assert_never_markup(shown: list[tuple[str, str, str]], payloads: list[str]) -> None:
    for where, raw, drawn in shown:
        for payload in payloads:
            tag = payload[: payload.index(" ")]  # "<span", "<img", "<a"
            if tag in raw and raw != drawn:  # rendered as rich text: must come out literally
                assert tag in drawn, f"{where} renders {payload!r} as markup: {drawn!r}"


def test_every_widget_shows_markup_as_text(
    qtbot: QtBot, data_dir: Path, clock: Clock, tmp_path: Path, answers: Dialogs
) -> None:
    payloads = [SPAN, img(tmp_path), LINK]
    w = open_window(qtbot, data_dir, clock)
    fill_with_markup(w.editor, payloads)
    # Files saved under names of markup: the pages say where they went.
    for button, suffix in (("save_pdf", ".pdf"), ("mail_save_eml", ".eml")):
        answers.file = str(tmp_path / f"<img src=billede.png> {button}{suffix}")
        w.editor.set_text("leader_last_name", "Hansen")  # the mail is ready again
        w.editor.set_text("leader_email", "maja@aarhus.dk")
        w.editor.set_text("leader_phone", "41 85 72 30")
        click(qtbot, w, button)
    w.editor.set_text("klik_deadline", "15.12.2026")
    answers.file = str(tmp_path / "<img src=billede.png> frist.ics")
    click(qtbot, w, "deadline_calendar")
    # Where the three files went, said literally (read now: a new mail below makes the
    # line about the draft of the old one go).
    saved = texts_shown(w)
    assert_never_markup(saved, payloads)
    said = "\n".join(d for _, _, d in saved)
    assert said.count("<img src=billede.png>") >= 3, said
    w.editor.set_text("leader_email", LINK)
    w.editor.set_text("leader_phone", SPAN)
    for step in w.task.steps:  # every page shown once, as the user goes through them
        w.go_to_step(step.key)
        QApplication.processEvents()
    shown = texts_shown(w)
    assert_never_markup(shown, payloads)
    drawn = "\n".join(d for _, _, d in shown)
    for payload in payloads:  # and each is on screen, literally
        assert payload in drawn, payload
    # Step 6's hint names the library director (the attack's place): plain text.
    owner_hint = [d for where, _, d in shown if d.startswith("Bibliotekschef: ")]
    assert owner_hint and all("<" in d for d in owner_hint), owner_hint
    # The review on the last page is a document made of escaped parts: read, it says them.
    review = find(w, "review")
    assert isinstance(review, QTextEdit)
    assert SPAN in review.toPlainText().replace("\u200b", "")  # (breaks)
    # The change of leader's dialog names the leader: literally, as plain text.
    w.go_to_step("appoint")
    said: list[tuple[str, Qt.TextFormat]] = []
    answers.in_dialog = lambda d: said.extend(
        (lb.text(), lb.textFormat()) for lb in d.findChildren(QLabel)
    )
    click(qtbot, w, "change_leader")
    named = [(text, fmt) for text, fmt in said if SPAN in text]
    assert named and all(fmt is Qt.TextFormat.PlainText for _, fmt in named), said
    close_window(w)


def test_the_report_prints_markup_as_text(
    data_dir: Path, editor: CaseEditor, tmp_path: Path
) -> None:
    payloads = [SPAN, img(tmp_path), LINK]
    fill_with_markup(editor, payloads)
    text = "".join(" ".join(page_texts(make_pdf(editor, tmp_path / "r.pdf"))).split())
    for payload in payloads:
        assert "".join(payload.split()) in text, payload


@pytest.mark.parametrize(
    "show",
    [
        lambda text: dialogs.confirm(None, "Spørgsmål", text),
        lambda text: dialogs.show_error(None, "Fejl", text),
        lambda text: dialogs.show_warning(None, "Advarsel", text),
        lambda text: dialogs.show_info(None, "Besked", text),
    ],
)
def test_a_message_box_shows_markup_as_text(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, show: object
) -> None:
    """The real QMessageBox, as the seam builds it (answered as soon as it shows)."""
    application([])
    seen: list[str] = []

    def answer() -> None:
        box = next(b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox))
        label = box.findChild(QLabel, "qt_msgbox_label")
        assert label is not None
        seen.append(rendered(label.text(), label.textFormat()))
        box.done(int(QMessageBox.StandardButton.No))

    QTimer.singleShot(0, answer)
    show(f"Overtager en ny projektleder efter {SPAN}?\n\nFelterne tømmes.")  # type: ignore[operator]
    assert seen and SPAN in seen[0], seen
    assert "\n\nFelterne tømmes." in seen[0] or "Felterne tømmes." in seen[0]


def test_plain_questions_reach_qt_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    """A question without markup is passed on as it is (an outside test that answers
    QMessageBox reads the same words)."""
    application([])
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.No
    )
    monkeypatch.setattr(QInputDialog, "getText", lambda *a: (asked.append(a[2]) or "", False))
    dialogs.confirm(None, "Slet", "Slet spørgsmålet »a < b«?")
    dialogs.ask_text(None, "Hvorfor", f"Hvorfor er {SPAN} ikke længere leder?")
    assert asked[0] == "Slet spørgsmålet »a < b«?"
    assert SPAN in rendered(asked[1], Qt.TextFormat.AutoText)


def test_every_label_of_the_app_is_a_plain_label() -> None:
    """The rule said once: no module makes a QLabel of its own (each would default to
    AutoText); labels are rolleudpeger.ui.plain.Label, plain unless made rich."""
    source = Path(dialogs.__file__).resolve().parents[1]
    offenders = []
    for module in sorted(source.rglob("*.py")):
        if module.name == "plain.py":
            continue
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            named = (
                [node.func]
                if isinstance(node, ast.Call)
                else list(node.bases)
                if isinstance(node, ast.ClassDef)
                else []
            )
            if any(isinstance(n, ast.Name) and n.id == "QLabel" for n in named):
                offenders.append(f"{module.relative_to(source)}:{node.lineno}")
    assert not offenders, offenders
