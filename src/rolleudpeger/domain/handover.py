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
from datetime import UTC, datetime
from typing import Any

from rolleudpeger.domain import kinds
from rolleudpeger.domain.case import (
    Case,
    Question,
    RolePeriod,
    SentMail,
    StatusChange,
    status_missing,
)
from rolleudpeger.domain.events import Cause, Event, read_v1
from rolleudpeger.domain.parts import (
    CASE_PARTS,
    EVENTS,
    MAILS,
    QUESTIONS,
    ROLE_HISTORY,
    ROLES_WITH_HISTORY,
    STATUS_HISTORY,
    TAKEOVERS,
    VALUES,
    WAITING,
    Kind,
    Part,
    Record,
    as_file,
)
from rolleudpeger.domain.taskdef import KlikStatus, TaskDef
from rolleudpeger.domain.validation import (
    ValidationError,
    check_name,
    check_notes,
    date_problem,
    parse_date,
    period_problem,
    read_date,
    time_problem,
)
from rolleudpeger.i18n import translate

FORMAT = "rolleudpeger-sag"
# 3 (0.3.0): stated dates, takeovers, consequences in the log; 2 (0.2.0): events as data
# (domain/events.py); 1 (0.1.0): events as sentences. An older file lacks only what its
# version did not know: a stated date reads as none stated.
VERSION = 3
READABLE_VERSIONS = (1, 2, 3)
# A real case is tens of kilobytes with a few hundred events; these leave ample room and
# keep reading and checking a file to a moment.
MAX_BYTES = 5_000_000
MAX_EVENTS = 20_000
MAX_ITEMS = 1_000  # questions, mails, status changes
MAX_DIGITS = 18


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


def _file_item(part: Part, item: Any) -> dict[str, Any]:
    record = part.to_record(item)
    return {c.name: as_file(record[c.name]) for c in part.columns}


def _file_part(part: Part, items: Any) -> Any:
    """A part as the case file holds it: keyed parts as an object, the others as a list."""
    if part.keyed:
        return {key: _file_item(part, item) for key, item in sorted(items.items())}
    return [_file_item(part, item) for item in items]


def export_case(
    task: TaskDef, case: Case, events: list[Event], now: datetime, version: str
) -> dict[str, Any]:
    """The case file: every part of the case (domain/parts.py) and the event log."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "app_version": version,
        "task_id": task.id,
        "exported_at": now.isoformat(),
        "case": {
            "created_at": case.created_at.isoformat(),
            "current_step": case.current_step,
            **{p.file_key: _file_part(p, getattr(case, p.name)) for p in CASE_PARTS.values()},
            EVENTS.file_key: _file_part(EVENTS, events),
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

    def date(self, data: dict[str, Any], key: str, where: str) -> str | None:
        """A stated date: "2026-11-27" under the date rule, or "" (none stated; absent in
        files of older versions)."""
        value = self.text(data, key, where)
        if not value or read_date(value) is not None:
            return value
        day = parse_date(value)
        problem = date_problem(day) if day else None
        self.fail(
            f"{where}.{key}",
            problem
            or translate("Handover", "{value} er ikke en dato (åååå-mm-dd)").format(
                value=repr(value)
            ),
        )
        return None

    def period(self, where: str, start: datetime | None, end: datetime | None) -> None:
        if (problem := period_problem(start, end)) is not None:
            self.fail(where, problem)

    def days(self, where: str, start: str, end: str) -> None:
        """A period of stated dates cannot end before it begins either."""
        if start and end and end < start:
            self.fail(
                where,
                translate("Validation", "{end} ligger før {start}").format(start=start, end=end),
            )

    def record(self, part: Part, entry: dict[str, Any], where: str) -> Record | None:
        """One item of a part, each column checked by its kind; None if any failed."""
        record: Record = {}
        ok = True
        for c in part.columns:
            if c.kind in (Kind.TIME, Kind.OPTIONAL_TIME):
                value: Any = self.time(entry, c.name, where, optional=c.kind is Kind.OPTIONAL_TIME)
                ok = ok and (value is not None or c.kind is Kind.OPTIONAL_TIME)
            elif c.kind is Kind.DATE:
                value = self.date(entry, c.name, where)
                ok = ok and value is not None
            else:
                value = self.text(entry, c.name, where, notes=c.kind is Kind.NOTES)
                if c.choices and value not in c.choices:
                    self.fail(
                        f"{where}.{c.name}",
                        translate("Handover", "ukendt værdi {value}").format(
                            value=repr(entry.get(c.name))
                        ),
                    )
                    ok = False
            record[c.name] = value
        return record if ok else None

    def part(
        self, part: Part, raw: Any, where: str, limit: int = MAX_ITEMS
    ) -> list[tuple[str, str, Record]]:
        """A part's items as (where, key, record): keyed parts from an object, the others
        from a list; items that failed a check are left out (the problem is noted)."""
        if part.keyed:
            pairs = [(f"{where}.{k}", k, v) for k, v in self.table(raw, where).items()]
        else:
            pairs = [(f"{where}[{i}]", "", v) for i, v in enumerate(self.items(raw, where, limit))]
        found = []
        for at, key, item in pairs:
            record = self.record(part, self.table(item, at), at)
            if record is not None:
                found.append((at, key, record))
        return found


def parse_case(task: TaskDef, data: Any) -> ImportedCase:
    """Check a parsed handover file; raise HandoverError with every problem found."""
    r = _Reader()
    top = _top(r, task, data)
    raw = r.table(top.get("case"), "case")
    created_at = r.time(raw, "created_at", "case")
    current_step = _current_step(r, task, raw)

    def read(part: Part) -> list[tuple[str, str, Record]]:
        return r.part(
            part, raw.get(part.file_key, {} if part.keyed else []), f"case.{part.file_key}"
        )

    case = Case(
        id=0,
        task_id=task.id,
        created_at=created_at or datetime.now(UTC),
        current_step=current_step,
        values=_values(r, task, read(VALUES)),
        waiting=_waiting(r, task, read(WAITING)),
        status_history=_status_history(r, read(STATUS_HISTORY)),
        questions=_questions(r, read(QUESTIONS)),
        mails=_mails(r, read(MAILS)),
        role_history=_role_history(r, read(ROLE_HISTORY)),
        takeovers=_takeovers(r, read(TAKEOVERS)),
    )
    events = _events(r, raw, top.get("version"))
    if r.problems or created_at is None:
        raise HandoverError(r.problems or ["case.created_at: " + translate("Handover", "mangler")])
    _check_status(task, case)
    return ImportedCase(case, events)


def _top(r: _Reader, task: TaskDef, data: Any) -> dict[str, Any]:
    """The file's own lines: what it is, its format version, its task."""
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
    return top


def _current_step(r: _Reader, task: TaskDef, raw: dict[str, Any]) -> str:
    current_step = raw.get("current_step", "")
    if not isinstance(current_step, str) or current_step not in {s.key for s in task.steps} | {""}:
        r.fail(
            "case.current_step",
            translate("Handover", "ukendt trin {step}").format(step=repr(current_step)),
        )
        return ""
    return current_step


def _values(r: _Reader, task: TaskDef, found: list[tuple[str, str, Record]]) -> dict[str, Any]:
    """Only fields the task has; each value as typing that field would store it."""
    fields = {f.key: f for s in task.steps for f in s.fields if kinds.of(f).stores_value}
    values = {}
    for where, key, record in found:
        if key not in fields:
            r.fail(where, translate("Handover", "ukendt felt"))
            continue
        kind = kinds.of(fields[key])
        value = record["value"]
        if not kind.multiline:
            value = r.text(record, "value", where)  # a one-line field takes one line
        if (problem := kind.import_problem(task, value)) is not None:
            r.fail(where, problem)
        if value:
            values[key] = VALUES.from_record({**record, "value": value})
    return values


def _waiting(r: _Reader, task: TaskDef, found: list[tuple[str, str, Record]]) -> dict[str, Any]:
    steps = {s.key for s in task.steps}
    waiting = {}
    for where, key, record in found:
        if key not in steps:
            r.fail(where, translate("Handover", "ukendt trin"))
        else:
            waiting[key] = WAITING.from_record(record)
    return waiting


def _status_history(r: _Reader, found: list[tuple[str, str, Record]]) -> list[StatusChange]:
    """One step at a time, forward or back, in the order they happened."""
    history: list[StatusChange] = []
    previous = KlikStatus.NOT_STARTED
    for where, _key, record in found:
        change = STATUS_HISTORY.from_record(record)
        if abs(change.status.rank - previous.rank) != 1:
            r.fail(
                where,
                translate("Handover", "status kan ikke gå fra »{old}« til »{new}«").format(
                    old=previous.value, new=change.status.value
                ),
            )
        if history:
            r.period(f"{where}.at", history[-1].at, change.at)
        history.append(change)
        previous = change.status
    return history


def _questions(r: _Reader, found: list[tuple[str, str, Record]]) -> list[Question]:
    questions = []
    for where, _key, record in found:
        if not record["text"].strip():
            r.fail(f"{where}.text", translate("Handover", "spørgsmålet er tomt"))
        r.period(f"{where}.answered_at", record["asked_at"], record["answered_at"])
        questions.append(QUESTIONS.from_record(record))
    return questions


def _mails(r: _Reader, found: list[tuple[str, str, Record]]) -> list[SentMail]:
    for where, _key, record in found:
        r.period(f"{where}.withdrawn_at", record["sent_at"], record["withdrawn_at"])
    return [MAILS.from_record(record) for _where, _key, record in found]


def _role_history(r: _Reader, found: list[tuple[str, str, Record]]) -> list[RolePeriod]:
    for where, _key, record in found:
        r.period(f"{where}.ended_at", record["started_at"], record["ended_at"])
        r.days(f"{where}.ended_on", record["started_on"], record["ended_on"])
    return [ROLE_HISTORY.from_record(record) for _where, _key, record in found]


def _takeovers(r: _Reader, found: list[tuple[str, str, Record]]) -> dict[str, Any]:
    takeovers = {}
    for where, key, record in found:
        if key not in ROLES_WITH_HISTORY:
            r.fail(where, translate("Handover", "ukendt rolle"))
        elif not record["effective_on"]:
            r.fail(f"{where}.effective_on", translate("Handover", "mangler"))
        else:
            takeovers[key] = TAKEOVERS.from_record(record)
    return takeovers


def _events(r: _Reader, raw: dict[str, Any], version: Any) -> list[Event]:
    """The log, each event marked as done elsewhere. Version 1 kept sentences: read as
    data (events.read_v1)."""
    if version != 1:
        found = r.part(EVENTS, raw.get(EVENTS.file_key, []), "case.events", MAX_EVENTS)
        return [replace(EVENTS.from_record(rec), cause=Cause.IMPORTED) for _w, _k, rec in found]
    events = []
    for i, item in enumerate(r.items(raw.get("events", []), "case.events", MAX_EVENTS)):
        where = f"case.events[{i}]"
        entry = r.table(item, where)
        at = r.time(entry, "at", where)
        step, field, old, new = (
            r.text(entry, k, where, notes=True) for k in ("step", "field", "old", "new")
        )
        if at is not None and (event := read_v1(at, step, field, old, new)) is not None:
            events.append(replace(event, cause=Cause.IMPORTED))
    return events


def _check_status(task: TaskDef, case: Case) -> None:
    """The same rule as in the window: a KLIK status needs what it needs (Fuldført: every
    step's fields complete), whatever the file claims — when it was set. A new leader or
    owner later opens steps again and leaves the status as it is. A step still marked
    waiting is judged by its fields: versions before 0.3.0 let such a step be done."""
    history = case.status_history
    if not history or any(p.ended_at > history[-1].at for p in case.role_history):
        return
    if missing := status_missing(task, case, history[-1].status, mind_waiting=False):
        raise HandoverError(
            [
                "case.klik_status: "
                + translate(
                    "Handover", "»{status}« passer ikke til sagen; det mangler: {items}"
                ).format(status=history[-1].status.value, items="; ".join(missing))
            ]
        )


def has_content(case: Case) -> bool:
    """Anything a user would miss if the case were replaced."""
    return case.has_content()
