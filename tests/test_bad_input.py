"""Arbitrary input is stored and restored exactly, or refused with a Danish message.

Never a traceback, never a silent change (names are trimmed, which the field says; every
text is stored in Unicode NFC, which looks the same: `nfc` below).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from rolleudpeger.domain.taskdef import FieldKind
from rolleudpeger.domain.validation import MAX_NAME, MAX_NOTES, ValidationError
from rolleudpeger.editing import CaseEditor
from tests.conftest import Clock, examples
from tests.ui.helpers import close_window, open_window, show_field, type_text

NASTY = [
    "æøå ÆØÅ",
    "😀👩‍👩‍👧‍👦",
    "שלום عليكم",  # right-to-left
    "e\u0301 a\u0308\u0308",  # combining marks
    "'; DROP TABLE cases; --",
    "<script>alert('x')</script> & <b>fed</b>",
    "Ma\x00ja",
    "tab\there",
    "line\nbreak",
    "\u202eomvendt",
    "\ud800",  # a lone surrogate: not text at all
    "x" * 100_000,
    " " * 300,
]
texts = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0x3000), max_size=50),
    st.text(alphabet=st.characters(categories=("Cc", "Cf", "Zl", "Zp", "Mn", "So")), max_size=20),
)
DANISH = ("tegn", "Skriv", "styretegn", "nummer", "Højst", "e-mail")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


SETTINGS = settings(
    max_examples=examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def _kinds(editor: CaseEditor) -> dict[str, FieldKind]:
    return {
        f.key: f.kind
        for s in editor.task.steps
        for f in s.fields
        if f.kind
        in (FieldKind.NAME, FieldKind.TEXT, FieldKind.NOTES, FieldKind.EMAIL, FieldKind.PHONE)
    }


@SETTINGS
@given(text=texts, which=st.integers(min_value=0, max_value=100))
def test_every_text_field_stores_exactly_or_refuses(
    editor: CaseEditor, text: str, which: int
) -> None:
    kinds = _kinds(editor)
    key = sorted(kinds)[which % len(kinds)]
    kind = kinds[key]
    before = editor.case.value(key)
    try:
        editor.set_text(key, text)
    except ValidationError as e:
        assert any(w in str(e) for w in DANISH), str(e)
        assert editor.case.value(key) == before  # refused: nothing changed
        stored = editor.store.load_case(editor.case.id).value(key)
        assert stored == before
        return
    stored = editor.store.load_case(editor.case.id).value(key)
    assert stored == editor.case.value(key)
    if kind is FieldKind.NOTES:
        assert stored == (nfc(text) if text.strip() else "")
        assert len(stored) <= MAX_NOTES
    elif kind in (FieldKind.NAME, FieldKind.TEXT):
        assert stored == nfc(text.strip())
        assert len(stored) <= MAX_NAME
    else:  # e-mail and phone: normalised when valid, else kept as typed (trimmed)
        assert stored == nfc(text.strip()) or stored.startswith("+") or "@" in stored


@SETTINGS
@given(question=texts, answer=texts, note=texts)
def test_questions_and_waiting_notes(
    editor: CaseEditor, question: str, answer: str, note: str
) -> None:
    count = len(editor.case.questions)
    try:
        editor.add_question(question)
    except ValidationError as e:
        assert any(w in str(e) for w in DANISH), str(e)
        assert len(editor.case.questions) == count
    else:
        q = editor.case.questions[-1]
        assert q.text == nfc(question).strip()
        try:
            editor.answer_question(q.id, answer)
        except ValidationError as e:
            assert any(w in str(e) for w in DANISH), str(e)
        reloaded = editor.store.load_case(editor.case.id)
        assert reloaded.questions == editor.case.questions
    try:
        editor.set_waiting("plus_rights", True, note)
    except ValidationError as e:
        assert any(w in str(e) for w in DANISH), str(e)
    else:
        assert editor.store.load_case(editor.case.id).waiting["plus_rights"].note == (
            nfc(note) if note.strip() else ""
        )


@settings(
    max_examples=examples(25),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=texts)
def test_pasting_anything_into_a_name_field(
    qtbot: QtBot, data_dir: Path, clock: Clock, text: str
) -> None:
    """Through the widget: either saved and shown as saved, or refused at the field with the
    pasted text still there."""
    w = open_window(qtbot, data_dir, clock)
    try:
        field = show_field(qtbot, w, "leader_title")
        assert isinstance(field, QLineEdit)
        before = w.editor.case.value("leader_title")  # the folder is shared across examples
        field.setFocus()
        field.selectAll()
        QApplication.clipboard().setText(text)
        field.paste()
        pasted = field.text()  # what Qt itself kept (it drops line breaks and text past 32,767)
        type_text(qtbot, w, "leader_last_name", "Holm")  # leaves the field
        stored = w.editor.store.load_case(w.editor.case.id).value("leader_title")
        errors = [
            lb.text()
            for lb in field.parentWidget().findChildren(type(w.progress))
            if lb.isVisible() and lb.text().startswith("⚠")
        ]
        if errors:
            assert any(any(d in e for d in DANISH) for e in errors), errors
            assert field.text() == pasted  # still there to correct
            assert stored == before
        else:
            assert stored == nfc(pasted.strip())
            assert field.text() == stored
    finally:
        close_window(w)


def test_one_megabyte_in_a_notes_field(qtbot: QtBot, data_dir: Path, clock: Clock) -> None:
    w = open_window(qtbot, data_dir, clock)
    notes = show_field(qtbot, w, "placement_notes")
    assert isinstance(notes, QPlainTextEdit)
    notes.setFocus()
    QApplication.clipboard().setText("Lang tekst. " * 87_382)  # just over 1 MB
    notes.paste()
    type_text(qtbot, w, "library_director_name", "Birgitte Lund")  # leaves the notes field
    labels = [
        lb.text() for lb in notes.parentWidget().findChildren(type(w.progress)) if lb.isVisible()
    ]
    assert any("Højst 10.000 tegn" in t for t in labels), labels
    assert w.editor.case.value("placement_notes") == ""
    assert len(notes.toPlainText()) > 1_000_000  # kept in the field to shorten
    # Still responsive: the next step opens and saves as usual.
    type_text(qtbot, w, "leader_first_name", "Maja")
    assert w.editor.store.load_case(w.editor.case.id).value("leader_first_name") == "Maja"
    close_window(w)


@pytest.mark.parametrize(
    "key", ["leader_first_name", "placement_notes", "leader_email", "leader_phone"]
)
def test_sql_and_html_like_text_is_just_text(editor: CaseEditor, key: str) -> None:
    text = "Robert'); DROP TABLE cases;-- <b>&amp;</b>"
    editor.set_text(key, text)
    assert editor.store.load_case(editor.case.id).value(key) == text
    assert editor.store.latest_case_id() == editor.case.id
