"""The event log as data: what happened, on which step, to which field, from what to what,
and what caused it. The words are made when the log is shown (`domain/report.py`), in the
reader's language; nothing here is a sentence.

0.1.0 stored sentences ("afventer: …", "Påbegyndt (begrundelse: …)", "importeret fra …");
`read_v1` turns one such row into data. The database migration 0002 and the import of a
version-1 case file both use it, so the one reading of those sentences lives here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from rolleudpeger.domain.case import (
    AddQuestion,
    AnswerQuestion,
    Change,
    DeleteQuestion,
    EndRolePeriod,
    RecordMailSent,
    SetField,
    SetKlikStatus,
    SetStatedDate,
    SetWaiting,
    WithdrawMail,
)


class EventKind(StrEnum):
    """What happened. The values are stored: never rename one."""

    FIELD_SET = "field_set"  # field: the key; old, new: the stored values
    WAITING_STARTED = "waiting_started"  # new: the note (may be empty)
    WAITING_NOTE = "waiting_note"  # old, new: the note before and after
    WAITING_ENDED = "waiting_ended"  # old: the note it had
    KLIK_STATUS = "klik_status"  # old, new: KLIK statuses; detail: why it went back
    QUESTION_ASKED = "question_asked"  # new: the question
    QUESTION_ANSWERED = "question_answered"  # old, new: the answer; detail: the question
    QUESTION_DELETED = "question_deleted"  # old: the question
    MAIL_SENT = "mail_sent"  # new: the mail as sent, in full; detail: the day it was sent
    MAIL_WITHDRAWN = "mail_withdrawn"  # "marked as sent" taken back
    CASE_IMPORTED = "case_imported"  # detail: the name of the file
    # field: the role (leader, owner); old: who held it; new: the day the new one takes
    # over ("" from 0.2.0, which asked for none)
    ROLE_ENDED = "role_ended"
    # field: the part ("mails", "questions"); old, new: the day stated; detail: the mail's
    # subject or the question
    DATE_STATED = "date_stated"


class Cause(StrEnum):
    """Who or what made it happen. The values are stored: never rename one."""

    USER = "user"  # someone working in Rolleudpeger on this computer
    IMPORTED = "imported"  # done on another computer; came with an imported case file
    # done by the app as the consequence of another change (detail: what, case.BECAUSE_*),
    # e.g. the KLIK user box emptied for a new leader
    CONSEQUENCE = "consequence"


@dataclass(frozen=True)
class Event:
    """One row of the append-only event log."""

    at: datetime
    kind: EventKind
    step: str
    field: str = ""
    old: str = ""
    new: str = ""
    detail: str = ""
    cause: Cause = Cause.USER


def events_of(change: Change) -> list[Event]:
    """The events a change writes, in the same transaction as the change itself: its own,
    then one for each consequence, marked as such."""
    consequences: tuple[SetField, ...] = ()
    if isinstance(change, SetField):
        consequences = change.also
    elif isinstance(change, EndRolePeriod):
        consequences = change.emptied
    return [event_of(change), *(event_of(c) for c in consequences)]


def event_of(change: Change) -> Event:
    """The event of a change itself."""
    at, step = change.at, change.step
    match change:
        case SetField():
            return _field_event(change)
        case SetStatedDate():
            return Event(
                at, EventKind.DATE_STATED, step, change.part, change.old, change.new, change.about
            )
        case SetWaiting():
            if not change.waiting:
                return Event(at, EventKind.WAITING_ENDED, step, old=change.old_note or "")
            if change.old_note is None:
                return Event(at, EventKind.WAITING_STARTED, step, new=change.note)
            return Event(at, EventKind.WAITING_NOTE, step, old=change.old_note, new=change.note)
        case SetKlikStatus():
            return Event(
                at,
                EventKind.KLIK_STATUS,
                step,
                old=change.old.value,
                new=change.new.value,
                detail=change.reason,
            )
        case AddQuestion():
            return Event(at, EventKind.QUESTION_ASKED, step, new=change.text)
        case AnswerQuestion():
            return Event(
                at,
                EventKind.QUESTION_ANSWERED,
                step,
                old=change.old,
                new=change.answer,
                detail=change.question,
            )
        case DeleteQuestion():
            return Event(at, EventKind.QUESTION_DELETED, step, old=change.text)
        case RecordMailSent():
            return Event(
                at, EventKind.MAIL_SENT, step, new=change.mail.as_text, detail=change.sent_on
            )
        case WithdrawMail():
            return Event(at, EventKind.MAIL_WITHDRAWN, step)
        case EndRolePeriod():
            return Event(
                at,
                EventKind.ROLE_ENDED,
                step,
                field=change.role.key,
                old=change.person.name,
                new=change.takeover.effective_on,
                # The decision of the change: its day and who decided ("" when not stated).
                detail=_decision(change.takeover.decided_on, change.takeover.decided_by),
            )


def _decision(on: str, by: str) -> str:
    """A change's decision in an entry's detail: its day, a line break, who decided ("" when
    neither was stated; either may be empty)."""
    return f"{on}\n{by}" if on or by else ""


def _field_event(change: SetField) -> Event:
    # A box unticked by a leader change is logged with its cause.
    cause = Cause.CONSEQUENCE if change.because else Cause.USER
    return Event(
        change.at,
        EventKind.FIELD_SET,
        change.step,
        change.key,
        change.old,
        change.new,
        change.because,
        cause,
    )


def imported(at: datetime, step: str, file_name: str) -> Event:
    """The event that ends an imported case's history."""
    return Event(at, EventKind.CASE_IMPORTED, step, detail=file_name)


# --- 0.1.0's sentences ---------------------------------------------------------------
# Frozen: these are the exact words 0.1.0 wrote (store/repository.py and ui/data_safety.py
# of that release); they never change, and nothing writes them any more.

_V1_WAITING = "afventer"
_V1_REASON = " (begrundelse: "
_V1_IMPORTED = "importeret fra "


def _v1_note(value: str) -> str:
    """'afventer: note' → 'note'; 'afventer' → ''."""
    return value.removeprefix(_V1_WAITING).removeprefix(":").strip()


def read_v1(at: datetime, step: str, field: str, old: str, new: str) -> Event:
    """One event row as 0.1.0 stored it (field, old and new as sentences), as data."""
    match field:
        case "afventer":
            if not old:
                return Event(at, EventKind.WAITING_STARTED, step, new=_v1_note(new))
            if not new:
                return Event(at, EventKind.WAITING_ENDED, step, old=_v1_note(old))
            return Event(at, EventKind.WAITING_NOTE, step, old=_v1_note(old), new=_v1_note(new))
        case "klik_status":
            status, _, reason = new.partition(_V1_REASON)
            return Event(
                at,
                EventKind.KLIK_STATUS,
                step,
                old=old,
                new=status,
                detail=reason.removesuffix(")"),
            )
        case "questions":
            if old and not new:
                return Event(at, EventKind.QUESTION_DELETED, step, old=old)
            return Event(at, EventKind.QUESTION_ASKED, step, new=new)
        case "question_answer":
            return Event(at, EventKind.QUESTION_ANSWERED, step, old=old, new=new)
        case "mail_sent":
            if (old, new) == ("sendt", "fortrudt"):
                return Event(at, EventKind.MAIL_WITHDRAWN, step)
            return Event(at, EventKind.MAIL_SENT, step, new=new)
        case "import":
            return imported(at, step, new.removeprefix(_V1_IMPORTED))
        case _:
            return Event(at, EventKind.FIELD_SET, step, field, old, new)
