"""Handing a case over to a successor or another PC: a JSON file with a format version.

Import checks every part against the task and the same rules as typing does, and lists
every problem it finds (with where in the file), instead of stopping at the first. A file
is a stranger's input: it is size-checked before it is parsed, duplicate keys, huge
numbers, NaN and deep nesting are refused while parsing, every value must have exactly its
type (`true` is not the number 1), every date and time must pass the date rule
(validation: 2000–2099, no period that ends before it begins), lists have a limit, and
the KLIK status must follow the same rules as in the window. Text is stored as typing
stores it (NFC).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from rolleudpeger.domain import kinds
from rolleudpeger.domain.case import (
    Case,
    FieldValue,
    Question,
    RolePeriod,
    SentMail,
    StatusChange,
    Waiting,
    status_missing,
)
from rolleudpeger.domain.events import Cause, Event, EventKind, read_v1
from rolleudpeger.domain.mail import Mail
from rolleudpeger.domain.people import Person, Role
from rolleudpeger.domain.taskdef import KlikStatus, TaskDef
from rolleudpeger.domain.validation import (
    ValidationError,
    check_name,
    check_notes,
    period_problem,
    time_problem,
)
from rolleudpeger.i18n import translate

FORMAT = "rolleudpeger-sag"
VERSION = 2  # 2: events as data (domain/events.py); 1 (0.1.0): events as sentences
READABLE_VERSIONS = (1, 2)
# A real case is tens of kilobytes with a few hundred events; these leave ample room and
# keep reading and checking a file to a moment.
MAX_BYTES = 5_000_000
MAX_EVENTS = 20_000
MAX_ITEMS = 1_000  # questions, mails, status changes
MAX_DIGITS = 18
_E = TypeVar("_E", bound=StrEnum)


class HandoverError(ValueError):
    """The file cannot be imported; `problems` says why, each with its place."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class ImportedCase:
    case: Case
    events: list[Event]  # each marked as done elsewhere (Cause.IMPORTED)


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _BadJson(
                translate("Handover", "nøglen »{key}« står der to gange").format(key=key)
            )
        seen[key] = value
    return seen


class _BadJson(ValueError):
    pass


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise _BadJson(translate("Handover", "et tal med {n} cifre").format(n=len(text)))
    return int(text)


def _constant(name: str) -> Any:
    raise _BadJson(translate("Handover", "{name} er ikke et tal").format(name=name))


def decode(raw: bytes) -> Any:
    """The parsed JSON of a case file, or HandoverError saying what is wrong with it."""
    the_file = translate("Handover", "filen")
    if len(raw) > MAX_BYTES:
        raise HandoverError(
            [
                f"{the_file}: "
                + translate("Handover", "er {size} MB; en sag fylder under {limit} MB").format(
                    size=round(len(raw) / 1e6, 1), limit=MAX_BYTES // 1_000_000
                )
            ]
        )
    try:
        return json.loads(
            _text_of(raw),
            object_pairs_hook=_refuse_duplicates,
            parse_int=_int,
            parse_constant=_constant,
        )
    except _BadJson as e:
        raise HandoverError([f"{the_file}: {e}"]) from None
    except RecursionError:
        raise HandoverError(
            [f"{the_file}: " + translate("Handover", "er indlejret for dybt til at være en sag")]
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise HandoverError(
            [f"{the_file}: " + translate("Handover", "er ikke en gyldig sagsfil (JSON)")]
        ) from None


def _text_of(raw: bytes) -> str:
    """The file's text. JSON is UTF-8, but Notepad and Excel save it with a byte order
    mark, and Notepad's "Unicode" is UTF-16: a leading BOM says which, and is not part of
    the text. (json.detect_encoding reads the BOM, or the pattern of zero bytes.)"""
    encoding = json.detect_encoding(raw)
    return raw.decode("utf-8-sig" if encoding == "utf-8" else encoding)


def _time(at: datetime | None) -> str | None:
    return None if at is None else at.isoformat()


def export_case(
    task: TaskDef, case: Case, events: list[Event], now: datetime, version: str
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "app_version": version,
        "task_id": task.id,
        "exported_at": now.isoformat(),
        "case": {
            "created_at": case.created_at.isoformat(),
            "current_step": case.current_step,
            "values": {
                k: {"value": v.value, "changed_at": v.changed_at.isoformat()}
                for k, v in sorted(case.values.items())
            },
            "waiting": {
                k: {"note": w.note, "since": w.since.isoformat()} for k, w in case.waiting.items()
            },
            "klik_status": [
                {"status": s.status.value, "at": s.at.isoformat(), "reason": s.reason}
                for s in case.status_history
            ],
            "questions": [
                {
                    "text": q.text,
                    "asked_at": q.asked_at.isoformat(),
                    "answer": q.answer,
                    "answered_at": _time(q.answered_at),
                }
                for q in case.questions
            ],
            "mails": [
                {
                    "to": m.mail.to,
                    "subject": m.mail.subject,
                    "body": m.mail.body,
                    "sent_at": m.sent_at.isoformat(),
                    "withdrawn_at": _time(m.withdrawn_at),
                }
                for m in case.mails
            ],
            "role_history": [
                {
                    "role": p.role.name.lower(),
                    "first_name": p.person.first_name,
                    "last_name": p.person.last_name,
                    "title": p.person.title,
                    "email": p.person.email,
                    "phone": p.person.phone,
                    "started_at": _time(p.started_at),
                    "ended_at": p.ended_at.isoformat(),
                }
                for p in case.role_history
            ],
            "events": [
                {
                    "at": e.at.isoformat(),
                    "kind": e.kind.value,
                    "step": e.step,
                    "field": e.field,
                    "old": e.old,
                    "new": e.new,
                    "detail": e.detail,
                    "cause": e.cause.value,
                }
                for e in events
            ],
        },
    }


class _Reader:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def fail(self, where: str, what: str) -> None:
        self.problems.append(f"{where}: {what}")

    def table(self, data: Any, where: str) -> dict[str, Any]:
        if isinstance(data, dict):
            return data
        self.fail(where, translate("Handover", "skal være et objekt"))
        return {}

    def items(self, data: Any, where: str, limit: int = MAX_ITEMS) -> list[Any]:
        if not isinstance(data, list):
            self.fail(where, translate("Handover", "skal være en liste"))
            return []
        if len(data) > limit:
            self.fail(
                where,
                translate("Handover", "har {n} elementer; højst {limit}").format(
                    n=len(data), limit=limit
                ),
            )
            return []
        return data

    def text(self, data: dict[str, Any], key: str, where: str, *, notes: bool = False) -> str:
        value = data.get(key, "")
        if not isinstance(value, str):
            self.fail(f"{where}.{key}", translate("Handover", "skal være tekst"))
            return ""
        try:
            return (check_notes if notes else check_name)(value).value  # as typing stores it
        except ValidationError as e:
            self.fail(f"{where}.{key}", str(e))
            return ""

    def choice(self, data: dict[str, Any], key: str, where: str, kind: type[_E]) -> _E | None:
        value = data.get(key)
        if isinstance(value, str) and value in kind._value2member_map_:
            return kind(value)
        self.fail(
            f"{where}.{key}",
            translate("Handover", "ukendt værdi {value}").format(value=repr(value)),
        )
        return None

    def time(
        self, data: dict[str, Any], key: str, where: str, *, optional: bool = False
    ) -> datetime | None:
        value = data.get(key)
        if value is None and optional:
            return None
        try:
            at = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            at = None
        if at is None or at.tzinfo is None:
            self.fail(
                f"{where}.{key}",
                translate("Handover", "skal være et tidspunkt med tidszone (ISO 8601)"),
            )
            return None
        if (problem := time_problem(at)) is not None:
            self.fail(f"{where}.{key}", problem)
            return None
        return at

    def period(self, where: str, start: datetime | None, end: datetime | None) -> None:
        if (problem := period_problem(start, end)) is not None:
            self.fail(where, problem)


def parse_case(task: TaskDef, data: Any) -> ImportedCase:
    """Check a parsed handover file; raise HandoverError with every problem found."""
    r = _Reader()
    the_file = translate("Handover", "filen")
    top = r.table(data, the_file)
    if top.get("format") != FORMAT:
        raise HandoverError(
            [f"{the_file}: " + translate("Handover", "er ikke en sag fra Rolleudpeger")]
        )
    version = top.get("version")
    if type(version) is not int or version not in READABLE_VERSIONS:  # True == 1 in Python
        raise HandoverError(
            [
                f"{the_file}: "
                + translate(
                    "Handover", "har formatversion {found}; denne version læser {version}"
                ).format(
                    found=repr(top.get("version")),
                    version=", ".join(str(v) for v in READABLE_VERSIONS),
                )
            ]
        )
    if top.get("task_id") != task.id:
        r.fail(
            "task_id",
            translate("Handover", "sagen hører til en anden opgave ({task})").format(
                task=repr(top.get("task_id"))
            ),
        )
    r.time(top, "exported_at", the_file, optional=True)  # checked, not kept
    raw = r.table(top.get("case"), "case")
    created_at = r.time(raw, "created_at", "case")
    step_keys = {s.key for s in task.steps}
    current_step = raw.get("current_step", "")
    if not isinstance(current_step, str) or current_step not in step_keys | {""}:
        r.fail(
            "case.current_step",
            translate("Handover", "ukendt trin {step}").format(step=repr(current_step)),
        )

    value_fields = {f.key: f for s in task.steps for f in s.fields if kinds.of(f).stores_value}
    values: dict[str, FieldValue] = {}
    for key, item in r.table(raw.get("values", {}), "case.values").items():
        where = f"case.values.{key}"
        if key not in value_fields:
            r.fail(where, translate("Handover", "ukendt felt"))
            continue
        entry = r.table(item, where)
        field_kind = kinds.of(value_fields[key])
        value = r.text(entry, "value", where, notes=field_kind.multiline)
        at = r.time(entry, "changed_at", where)
        if (problem := field_kind.import_problem(task, value)) is not None:
            r.fail(where, problem)
        if value and at is not None:
            values[key] = FieldValue(value, at)

    waiting: dict[str, Waiting] = {}
    for key, item in r.table(raw.get("waiting", {}), "case.waiting").items():
        where = f"case.waiting.{key}"
        if key not in step_keys:
            r.fail(where, translate("Handover", "ukendt trin"))
            continue
        entry = r.table(item, where)
        note = r.text(entry, "note", where, notes=True)
        since = r.time(entry, "since", where)
        if since is not None:
            waiting[key] = Waiting(note, since)

    history: list[StatusChange] = []
    previous = KlikStatus.NOT_STARTED
    for i, item in enumerate(r.items(raw.get("klik_status", []), "case.klik_status")):
        where = f"case.klik_status[{i}]"
        entry = r.table(item, where)
        try:
            status = KlikStatus(str(entry.get("status")))
        except ValueError:
            r.fail(
                where,
                translate("Handover", "ukendt status {status}").format(
                    status=repr(entry.get("status"))
                ),
            )
            continue
        if abs(status.rank - previous.rank) != 1:
            r.fail(
                where,
                translate("Handover", "status kan ikke gå fra »{old}« til »{new}«").format(
                    old=previous.value, new=status.value
                ),
            )
        reason = r.text(entry, "reason", where)
        at = r.time(entry, "at", where)
        if at is not None:
            if history:  # in the order they happened
                r.period(f"{where}.at", history[-1].at, at)
            history.append(StatusChange(status, at, reason))
        previous = status

    questions: list[Question] = []
    for i, item in enumerate(r.items(raw.get("questions", []), "case.questions")):
        where = f"case.questions[{i}]"
        entry = r.table(item, where)
        text = r.text(entry, "text", where, notes=True)
        if not text.strip():
            r.fail(f"{where}.text", translate("Handover", "spørgsmålet er tomt"))
        asked = r.time(entry, "asked_at", where)
        answer = r.text(entry, "answer", where, notes=True)
        answered = r.time(entry, "answered_at", where, optional=True)
        r.period(f"{where}.answered_at", asked, answered)
        if asked is not None:
            questions.append(Question(0, text, asked, answer, answered))

    mails: list[SentMail] = []
    for i, item in enumerate(r.items(raw.get("mails", []), "case.mails")):
        where = f"case.mails[{i}]"
        entry = r.table(item, where)
        mail = Mail(
            r.text(entry, "to", where),
            r.text(entry, "subject", where, notes=True),
            r.text(entry, "body", where, notes=True),
        )
        sent = r.time(entry, "sent_at", where)
        withdrawn = r.time(entry, "withdrawn_at", where, optional=True)
        r.period(f"{where}.withdrawn_at", sent, withdrawn)
        if sent is not None:
            mails.append(SentMail(0, mail, sent, withdrawn))

    periods: list[RolePeriod] = []
    for i, item in enumerate(r.items(raw.get("role_history", []), "case.role_history")):
        where = f"case.role_history[{i}]"
        entry = r.table(item, where)
        role_name = entry.get("role")
        if role_name not in ("leader", "owner"):
            r.fail(
                f"{where}.role",
                translate("Handover", "ukendt værdi {value}").format(value=repr(role_name)),
            )
            continue
        person = Person(
            first_name=r.text(entry, "first_name", where),
            last_name=r.text(entry, "last_name", where),
            title=r.text(entry, "title", where),
            email=r.text(entry, "email", where),
            phone=r.text(entry, "phone", where),
        )
        started = r.time(entry, "started_at", where, optional=True)
        ended = r.time(entry, "ended_at", where)
        r.period(f"{where}.ended_at", started, ended)
        if ended is not None:
            periods.append(RolePeriod(0, Role[role_name.upper()], person, started, ended))

    events: list[Event] = []
    for i, item in enumerate(r.items(raw.get("events", []), "case.events", MAX_EVENTS)):
        where = f"case.events[{i}]"
        entry = r.table(item, where)
        at = r.time(entry, "at", where)
        step, field, old, new = (
            r.text(entry, k, where, notes=True) for k in ("step", "field", "old", "new")
        )
        if version == 1:
            event = None if at is None else read_v1(at, step, field, old, new)
        else:
            kind = r.choice(entry, "kind", where, EventKind)
            r.choice(entry, "cause", where, Cause)
            detail = r.text(entry, "detail", where, notes=True)
            event = None
            if at is not None and kind is not None:
                event = Event(at, kind, step, field, old, new, detail)
        if event is not None:
            events.append(replace(event, cause=Cause.IMPORTED))

    if r.problems or created_at is None:
        raise HandoverError(r.problems or ["case.created_at: " + translate("Handover", "mangler")])
    case = Case(
        id=0,
        task_id=task.id,
        created_at=created_at,
        current_step=current_step,
        values=values,
        waiting=waiting,
        status_history=history,
        questions=questions,
        mails=mails,
        role_history=periods,
    )
    # The same rule as in the window: a KLIK status needs what it needs (Fuldført: every
    # step done), whatever the file claims — when it was set. A new leader or owner later
    # opens steps again and leaves the status as it is.
    changed_since = any(p.ended_at > history[-1].at for p in periods) if history else False
    if (
        history
        and not changed_since
        and (missing := status_missing(task, case, history[-1].status))
    ):
        raise HandoverError(
            [
                "case.klik_status: "
                + translate(
                    "Handover", "»{status}« passer ikke til sagen; det mangler: {items}"
                ).format(status=history[-1].status.value, items="; ".join(missing))
            ]
        )
    return ImportedCase(case, events)


def has_content(case: Case) -> bool:
    """Anything a user would miss if the case were replaced."""
    return bool(case.values or case.questions or case.mails or case.status_history or case.waiting)
