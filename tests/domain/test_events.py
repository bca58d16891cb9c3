"""The event log as data: each change writes one event, and 0.1.0's sentences read back as
the same data (`read_v1`), so an upgraded database and a new one have the same log."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from rolleudpeger.domain.case import (
    AddQuestion,
    AnswerQuestion,
    Change,
    DeleteQuestion,
    RecordMailSent,
    SetField,
    SetKlikStatus,
    SetWaiting,
    WithdrawMail,
)
from rolleudpeger.domain.events import EventKind, event_of, read_v1
from rolleudpeger.domain.mail import Mail
from rolleudpeger.domain.taskdef import KlikStatus

AT = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
MAIL = Mail("bibsys@kombit.dk", "Projektleder", "Kære KOMBIT\n\nFornavn: Maja")


def v1_sentences(change: Change) -> tuple[str, str, str]:
    """(field, old, new) exactly as 0.1.0's store/repository.py `_event_for` wrote them."""
    match change:
        case SetField():
            return change.key, change.old, change.new
        case SetWaiting():
            old = "" if change.old_note is None else f"afventer: {change.old_note}".rstrip(": ")
            new = f"afventer: {change.note}".rstrip(": ") if change.waiting else ""
            return "afventer", old, new
        case SetKlikStatus():
            new = change.new.value + (f" (begrundelse: {change.reason})" if change.reason else "")
            return "klik_status", change.old.value, new
        case AddQuestion():
            return "questions", "", change.text
        case AnswerQuestion():
            return "question_answer", change.old, change.answer
        case DeleteQuestion():
            return "questions", change.text, ""
        case RecordMailSent():
            return "mail_sent", "", change.mail.as_text
        case WithdrawMail():
            return "mail_sent", "sendt", "fortrudt"


CHANGES: list[tuple[Change, EventKind]] = [
    (SetField("appoint", "leader_first_name", "", "Maja", AT), EventKind.FIELD_SET),
    (SetField("appoint", "leader_title", "Chef", "", AT), EventKind.FIELD_SET),
    (SetWaiting("plus_rights", True, "Venter på KOMBIT", None, AT), EventKind.WAITING_STARTED),
    (SetWaiting("plus_rights", True, "", None, AT), EventKind.WAITING_STARTED),
    (SetWaiting("plus_rights", True, "Ny note", "Gammel note", AT), EventKind.WAITING_NOTE),
    (SetWaiting("plus_rights", False, "", "Gammel note", AT), EventKind.WAITING_ENDED),
    (SetWaiting("plus_rights", False, "", "", AT), EventKind.WAITING_ENDED),
    (
        SetKlikStatus("responsible", KlikStatus.NOT_STARTED, KlikStatus.STARTED, "", AT),
        EventKind.KLIK_STATUS,
    ),
    (
        SetKlikStatus("complete", KlikStatus.COMPLETED, KlikStatus.STARTED, "Fejl (igen)", AT),
        EventKind.KLIK_STATUS,
    ),
    (AddQuestion("klik_task", "Hvornår?", AT), EventKind.QUESTION_ASKED),
    (AnswerQuestion("klik_task", 1, "", "I morgen", AT, "Hvornår?"), EventKind.QUESTION_ANSWERED),
    (DeleteQuestion("klik_task", 1, "Hvornår?", AT), EventKind.QUESTION_DELETED),
    (RecordMailSent("notify_kombit", MAIL, AT), EventKind.MAIL_SENT),
    (WithdrawMail("notify_kombit", 1, AT), EventKind.MAIL_WITHDRAWN),
]


@pytest.mark.parametrize(("change", "kind"), CHANGES)
def test_a_change_writes_its_event_and_0_1_0_s_sentence_reads_as_the_same(
    change: Change, kind: EventKind
) -> None:
    event = event_of(change)
    assert (event.kind, event.step, event.at) == (kind, change.step, AT)
    field, old, new = v1_sentences(change)
    expected = event
    if kind is EventKind.QUESTION_ANSWERED:
        expected = replace(event, detail="")  # 0.1.0 did not store which question it was
    assert read_v1(AT, change.step, field, old, new) == expected


def test_the_import_sentence() -> None:
    event = read_v1(AT, "intro", "import", "", "importeret fra sag (kopi).json")
    assert (event.kind, event.detail) == (EventKind.CASE_IMPORTED, "sag (kopi).json")
