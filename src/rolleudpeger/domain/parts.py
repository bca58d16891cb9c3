"""Each part of a case described once: its item, as a flat record of named columns — the
same names in the database's rows and in the case file — and the kind of each column.

The store (`store/repository.py`) loads, writes and copies every part through these
descriptions, and the case file (`domain/handover.py`) exports and checks them the same
way, so a new part, or a new column of one, is added here and in a migration, and cannot be
forgotten by the load, the save, the export, the import or the erasure (which takes its
tables from the models). What a change does to the parts is `case.edits_of`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from rolleudpeger.domain.case import (
    CHANGEABLE_ROLES,
    PARTS,
    FieldValue,
    Question,
    RolePeriod,
    SentMail,
    StatusChange,
    Takeover,
    Waiting,
)
from rolleudpeger.domain.events import Cause, Event, EventKind
from rolleudpeger.domain.mail import Mail
from rolleudpeger.domain.people import Person, Role
from rolleudpeger.domain.taskdef import KlikStatus

Record = dict[str, Any]  # column name → str, datetime or None


class Kind(Enum):
    """What a column holds, and so how a case file's value is checked."""

    TEXT = "text"  # one line, as a name is typed
    NOTES = "notes"  # free text
    TIME = "time"  # an aware datetime (ISO 8601 in the file)
    OPTIONAL_TIME = "optional_time"
    DATE = "date"  # a date the user states, "2026-11-27" under the date rule, or ""


@dataclass(frozen=True)
class Column:
    name: str  # in the record and the case file
    kind: Kind
    choices: tuple[str, ...] = ()  # a TEXT column that must be one of these
    db: str = ""  # the database column, where it has another name

    @property
    def column(self) -> str:
        return self.db or self.name


@dataclass(frozen=True)
class Part:
    """One part of a case (or the event log)."""

    name: str  # the Case attribute ("events": the log, kept apart)
    file_key: str  # its key in the case file
    columns: tuple[Column, ...]
    to_record: Callable[[Any], Record]
    from_record: Callable[[Record], Any]
    key: str = ""  # keyed parts (a dict in Case): the record's column that is the dict's key

    @property
    def keyed(self) -> bool:
        return bool(self.key)


def _choices(enum: type[Enum]) -> tuple[str, ...]:
    return tuple(str(m.value) for m in enum)


def _role(key: str) -> Role:
    role = Role.from_key(key)
    if role is None:  # the column's choices keep it out of a case file
        raise ValueError(f"no such role: {key!r}")
    return role


# The roles a new person can take over, so with a history (case.CHANGEABLE_ROLES).
ROLES_WITH_HISTORY = tuple(r.key for r in CHANGEABLE_ROLES)

VALUES = Part(
    "values",
    "values",
    (Column("value", Kind.NOTES), Column("changed_at", Kind.TIME)),
    lambda v: {"value": v.value, "changed_at": v.changed_at},
    lambda r: FieldValue(r["value"], r["changed_at"]),
    key="key",
)
WAITING = Part(
    "waiting",
    "waiting",
    (Column("note", Kind.NOTES), Column("since", Kind.TIME)),
    lambda w: {"note": w.note, "since": w.since},
    lambda r: Waiting(r["note"], r["since"]),
    key="step",
)
STATUS_HISTORY = Part(
    "status_history",
    "klik_status",
    (
        Column("status", Kind.TEXT, _choices(KlikStatus)),
        Column("at", Kind.TIME),
        Column("reason", Kind.TEXT),
    ),
    lambda s: {"status": s.status.value, "at": s.at, "reason": s.reason},
    lambda r: StatusChange(KlikStatus(r["status"]), r["at"], r["reason"]),
)
QUESTIONS = Part(
    "questions",
    "questions",
    (
        Column("text", Kind.NOTES),
        Column("asked_at", Kind.TIME),
        Column("answer", Kind.NOTES),
        Column("answered_at", Kind.OPTIONAL_TIME),
        Column("answered_on", Kind.DATE),
    ),
    lambda q: {
        "text": q.text,
        "asked_at": q.asked_at,
        "answer": q.answer,
        "answered_at": q.answered_at,
        "answered_on": q.answered_on,
    },
    lambda r: Question(
        r.get("id", 0), r["text"], r["asked_at"], r["answer"], r["answered_at"], r["answered_on"]
    ),
)
MAILS = Part(
    "mails",
    "mails",
    (
        Column("to", Kind.TEXT, db="recipient"),
        Column("subject", Kind.NOTES),
        Column("body", Kind.NOTES),
        Column("sent_at", Kind.TIME),
        Column("withdrawn_at", Kind.OPTIONAL_TIME),
        Column("sent_on", Kind.DATE),
    ),
    lambda m: {
        "to": m.mail.to,
        "subject": m.mail.subject,
        "body": m.mail.body,
        "sent_at": m.sent_at,
        "withdrawn_at": m.withdrawn_at,
        "sent_on": m.sent_on,
    },
    lambda r: SentMail(
        r.get("id", 0),
        Mail(r["to"], r["subject"], r["body"]),
        r["sent_at"],
        r["withdrawn_at"],
        r["sent_on"],
    ),
)
_PERSON = ("first_name", "last_name", "title", "email", "phone")
_PERIOD_DATES = ("started_on", "ended_on", "decided_on")
ROLE_HISTORY = Part(
    "role_history",
    "role_history",
    (
        Column("role", Kind.TEXT, ROLES_WITH_HISTORY),
        *(Column(d, Kind.TEXT) for d in _PERSON),
        Column("started_at", Kind.OPTIONAL_TIME),
        Column("ended_at", Kind.TIME),
        *(Column(d, Kind.DATE) for d in _PERIOD_DATES),
        Column("decided_by", Kind.TEXT),
        Column("klik_user_removed_at", Kind.OPTIONAL_TIME),
    ),
    lambda p: {
        "role": p.role.key,
        **{d: getattr(p.person, d) for d in _PERSON},
        "first_name": p.person.first_name or p.person.full_name,
        "started_at": p.started_at,
        "ended_at": p.ended_at,
        **{d: getattr(p, d) for d in _PERIOD_DATES},
        "decided_by": p.decided_by,
        "klik_user_removed_at": p.klik_user_removed_at,
    },
    lambda r: RolePeriod(
        r.get("id", 0),
        _role(r["role"]),
        Person(**{d: r[d] for d in _PERSON}),
        r["started_at"],
        r["ended_at"],
        **{d: r[d] for d in _PERIOD_DATES},
        decided_by=r["decided_by"],
        klik_user_removed_at=r["klik_user_removed_at"],
    ),
)
# The new holder's period, from a change of holder, by role.
TAKEOVERS = Part(
    "takeovers",
    "takeovers",
    (
        Column("effective_on", Kind.DATE),
        Column("decided_by", Kind.TEXT),
        Column("decided_on", Kind.DATE),
        Column("at", Kind.TIME),
    ),
    lambda t: {
        "effective_on": t.effective_on,
        "decided_by": t.decided_by,
        "decided_on": t.decided_on,
        "at": t.at,
    },
    lambda r: Takeover(r["effective_on"], r["decided_by"], r["decided_on"], r["at"]),
    key="role",
)
EVENTS = Part(
    "events",
    "events",
    (
        Column("at", Kind.TIME),
        Column("kind", Kind.TEXT, _choices(EventKind)),
        *(Column(c, Kind.NOTES) for c in ("step", "field", "old", "new", "detail")),
        Column("cause", Kind.TEXT, _choices(Cause)),
    ),
    lambda e: {
        "at": e.at,
        "kind": e.kind.value,
        "step": e.step,
        "field": e.field,
        "old": e.old,
        "new": e.new,
        "detail": e.detail,
        "cause": e.cause.value,
    },
    lambda r: Event(
        r["at"],
        EventKind(r["kind"]),
        r["step"],
        r["field"],
        r["old"],
        r["new"],
        r["detail"],
        Cause(r["cause"]),
    ),
)

CASE_PARTS: dict[str, Part] = {
    p.name: p for p in (VALUES, WAITING, STATUS_HISTORY, QUESTIONS, MAILS, ROLE_HISTORY, TAKEOVERS)
}
# Every part the case has is described here: a part added to the case but not here fails at
# import, not when a case file leaves it out.
if set(CASE_PARTS) != set(PARTS):  # pragma: no cover - a developer's mistake
    raise ImportError(f"domain/parts.py describes {sorted(CASE_PARTS)}, the case has {PARTS}")


def as_file(value: Any) -> Any:
    """A record's value as the case file holds it (times as ISO 8601 text)."""
    return value.isoformat() if isinstance(value, datetime) else value
