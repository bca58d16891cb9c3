"""The store: loads a case and saves each change in its own transaction, with its event
(domain/events.py) as a row of data."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from rolleudpeger.domain.case import (
    AddQuestion,
    AnswerQuestion,
    Case,
    Change,
    DeleteQuestion,
    EndRolePeriod,
    FieldValue,
    Question,
    RecordMailSent,
    RolePeriod,
    SentMail,
    SetField,
    SetKlikStatus,
    SetWaiting,
    StatusChange,
    Waiting,
    WithdrawMail,
)
from rolleudpeger.domain.events import Cause, Event, EventKind, event_of
from rolleudpeger.domain.mail import Mail
from rolleudpeger.domain.people import Person, Role
from rolleudpeger.domain.taskdef import KlikStatus
from rolleudpeger.errors import describe_os_error
from rolleudpeger.i18n import translate
from rolleudpeger.store import backup, migrate, schema
from rolleudpeger.store.engine import make_engine, make_memory_engine
from rolleudpeger.store.files import (
    DB_FILE,
    PRIVATE_DIR,
    check_database_files,
    create_private,
    is_link,
    tighten_database,
)
from rolleudpeger.store.models import (
    CaseRow,
    EventRow,
    FieldValueRow,
    QuestionRow,
    RolePeriodRow,
    SentMailRow,
    SettingRow,
    StatusChangeRow,
    WaitingRow,
)

# What a failed read or write can raise: the ORM, the driver itself, or the file system.
DB_ERRORS = (SQLAlchemyError, sqlite3.Error, OSError)


class StoreError(Exception):
    """Saving or loading failed; the message says what happened."""


class NotADatabaseError(Exception):
    """The file where the database should be is not one of the app's databases."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


def _period_row(
    case_id: int, role: Role, person: Person, started_at: datetime | None, ended_at: datetime
) -> RolePeriodRow:
    return RolePeriodRow(
        case_id=case_id,
        role=role.name.lower(),
        first_name=person.first_name or person.full_name,
        last_name=person.last_name,
        title=person.title,
        email=person.email,
        phone=person.phone,
        started_at=started_at,
        ended_at=ended_at,
    )


def _event_row(case_id: int, e: Event) -> EventRow:
    return EventRow(
        case_id=case_id,
        at=e.at,
        kind=e.kind.value,
        step=e.step,
        field=e.field,
        old=e.old,
        new=e.new,
        detail=e.detail,
        cause=e.cause.value,
    )


def describe_db_error(e: BaseException) -> str:
    """Plain words for what SQLite or the file system said."""
    if isinstance(e, OSError):
        return describe_os_error(e)
    text = str(e).lower()
    if "disk" in text and "full" in text:
        return translate("Store", "disken er fuld")
    if "readonly" in text or "read-only" in text:
        return translate(
            "Store",
            "databasen eller datamappen er skrivebeskyttet. Giv dig selv skriveadgang til "
            "datamappen (eller bed IT om det), og start Rolleudpeger igen",
        )
    if "locked" in text or "busy" in text:
        return translate("Store", "databasen er låst af et andet program")
    if "not a database" in text or "malformed" in text:
        return translate("Store", "filen er beskadiget eller ikke en database")
    if "unable to open" in text:
        return translate("Store", "filen kan ikke åbnes")
    return str(e).splitlines()[0] if str(e) else type(e).__name__


def _saving_failed(e: Exception) -> StoreError:
    reason = describe_db_error(e)
    return StoreError(translate("Store", "Kunne ikke gemme: {reason}.").format(reason=reason))


def _read_into(path: Path, memory: sqlite3.Connection) -> None:
    """Copy a database file into memory without creating or changing a file next to it.
    A plain read-only open of a WAL database would create -wal and -shm files. So: with no
    -wal, everything is in the file (opened immutable); with -wal and -shm there (the app
    is running), SQLite's own read-only access; with a -wal alone (left by a crash), the
    two are copied to a private temporary folder and read there."""
    wal, shm = (path.with_name(path.name + side) for side in ("-wal", "-shm"))
    if not wal.exists():
        uri = f"{path.absolute().as_uri()}?mode=ro&immutable=1"
    elif shm.exists():
        uri = f"{path.absolute().as_uri()}?mode=ro"
    else:
        with tempfile.TemporaryDirectory(prefix="rolleudpeger-") as tmp:
            copy = Path(tmp) / DB_FILE
            shutil.copyfile(path, copy)
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
            source = sqlite3.connect(copy)
            try:
                source.backup(memory)
            finally:
                source.close()
        return
    source = sqlite3.connect(uri, uri=True)
    try:
        source.backup(memory)
    finally:
        source.close()


class Store:
    """All reads and writes of the database go through here."""

    def __init__(self, engine: Engine, path: Path) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, data_dir: Path) -> Store:
        """Open (and create or upgrade) the database in a data folder, creating the folder.

        Raises OSError when the folder cannot be created (LinkedPathError when the database
        or a file of SQLite's next to it is a link), DatabaseTooNewError, ForeignSchemaError
        when the database holds what the app did not make, and StoreError."""
        data_dir.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        path = data_dir / DB_FILE
        create_private(path)
        tighten_database(path)  # a copied-in file (and its -wal) may be readable by all
        engine = make_engine(path)
        try:
            # The file is copied into backups/ before any migration touches it.
            migrate.upgrade(engine, before=lambda: backup.take_backup(data_dir))
            with engine.connect() as connection:
                found = schema.problems(connection.connection.dbapi_connection)  # type: ignore[arg-type]
            if found:
                raise schema.ForeignSchemaError(found)
        except (migrate.DatabaseTooNewError, schema.ForeignSchemaError):
            engine.dispose()
            raise
        except SQLAlchemyError as e:
            engine.dispose()
            raise StoreError(
                translate("Store", "Databasen {path} kan ikke åbnes: {error}").format(
                    path=path, error=describe_db_error(getattr(e, "orig", None) or e)
                )
            ) from e
        except Exception as e:  # a migration step failed: its transaction was rolled back
            engine.dispose()
            raise StoreError(
                translate(
                    "Store",
                    "Databasen {path} kunne ikke opdateres til denne version ({error}). "
                    "Den er ikke ændret, og en kopi ligger i {backups}.",
                ).format(path=path, error=e, backups=path.parent / "backups")
            ) from e
        return cls(engine, path)

    @classmethod
    def open_read_only(cls, data_dir: Path) -> Store | None:
        """The data folder's database for reading only (the report command): copied into
        memory through a read-only connection, upgraded there if it is older, checked.
        Nothing in the folder is created or changed. None when there is no database yet
        (or an empty file). Raises NotADatabaseError, LinkedPathError, OSError,
        DatabaseTooNewError, ForeignSchemaError."""
        path = data_dir / DB_FILE
        if not path.exists() and not is_link(path):
            return None
        check_database_files(path)
        if not path.is_file():
            raise NotADatabaseError(path)
        if path.stat().st_size == 0:
            return None
        memory = sqlite3.connect(":memory:", check_same_thread=False)
        try:
            _read_into(path, memory)
            tables = {r[0] for r in memory.execute("SELECT name FROM sqlite_master")}
        except sqlite3.DatabaseError as e:
            memory.close()
            raise NotADatabaseError(path) from e
        if not tables:
            memory.close()
            return None
        if "cases" not in tables:
            memory.close()
            raise NotADatabaseError(path)
        engine = make_memory_engine(memory)
        try:
            migrate.upgrade(engine)
            found = schema.problems(memory)
            if found:
                raise schema.ForeignSchemaError(found)
        except BaseException:
            engine.dispose()
            memory.close()
            raise
        return cls(engine, path)

    @classmethod
    def open_snapshot(cls, path: Path) -> Store:
        """A backup, read-only: for showing what it holds."""
        return cls(make_engine(path, read_only=True), path)

    def close(self) -> None:
        self.engine.dispose()

    def _session(self) -> Session:
        return self._sessions()

    # --- cases ---------------------------------------------------------------------

    def latest_case_id(self) -> int | None:
        with self._session() as s:
            return s.scalar(select(CaseRow.id).order_by(CaseRow.id.desc()).limit(1))

    def create_case(self, task_id: str, at: datetime) -> Case:
        try:
            with self._session() as s, s.begin():
                row = CaseRow(task_id=task_id, created_at=at, updated_at=at, current_step="")
                s.add(row)
                s.flush()
                case_id = row.id
        except DB_ERRORS as e:
            raise _saving_failed(e) from e
        return Case(id=case_id, task_id=task_id, created_at=at)

    def load_case(self, case_id: int) -> Case:
        with self._session() as s:
            row = s.get(CaseRow, case_id)
            if row is None:
                raise KeyError(case_id)
            case = Case(
                id=row.id,
                task_id=row.task_id,
                created_at=row.created_at,
                current_step=row.current_step,
            )
            for fv in s.scalars(select(FieldValueRow).where(FieldValueRow.case_id == case_id)):
                case.values[fv.key] = FieldValue(fv.value, fv.changed_at)
            for w in s.scalars(select(WaitingRow).where(WaitingRow.case_id == case_id)):
                case.waiting[w.step] = Waiting(w.note, w.since)
            case.status_history = [
                StatusChange(KlikStatus(r.status), r.at, r.reason)
                for r in s.scalars(
                    select(StatusChangeRow)
                    .where(StatusChangeRow.case_id == case_id)
                    .order_by(StatusChangeRow.id)
                )
            ]
            case.questions = [
                Question(q.id, q.text, q.asked_at, q.answer, q.answered_at)
                for q in s.scalars(
                    select(QuestionRow)
                    .where(QuestionRow.case_id == case_id)
                    .order_by(QuestionRow.id)
                )
            ]
            case.mails = [
                SentMail(m.id, Mail(m.recipient, m.subject, m.body), m.sent_at, m.withdrawn_at)
                for m in s.scalars(
                    select(SentMailRow)
                    .where(SentMailRow.case_id == case_id)
                    .order_by(SentMailRow.id)
                )
            ]
            case.role_history = [
                RolePeriod(
                    p.id,
                    Role[p.role.upper()],
                    Person(
                        first_name=p.first_name,
                        last_name=p.last_name,
                        email=p.email,
                        phone=p.phone,
                        title=p.title,
                    ),
                    p.started_at,
                    p.ended_at,
                )
                for p in s.scalars(
                    select(RolePeriodRow)
                    .where(RolePeriodRow.case_id == case_id)
                    .order_by(RolePeriodRow.id)
                )
            ]
        return case

    def apply(self, case_id: int, change: Change) -> int | None:
        """Save one change and its event row in one transaction; return a new row's id."""
        try:
            with self._session() as s, s.begin():
                new_id = self._write(s, case_id, change)
                s.add(_event_row(case_id, event_of(change)))
                s.execute(update(CaseRow).where(CaseRow.id == case_id).values(updated_at=change.at))
        except DB_ERRORS as e:
            raise _saving_failed(e) from e
        return new_id

    def _write(self, s: Session, case_id: int, change: Change) -> int | None:
        match change:
            case SetField():
                if change.new:
                    # One upsert statement (merge() would read the row first).
                    s.execute(
                        sqlite_insert(FieldValueRow)
                        .values(
                            case_id=case_id, key=change.key, value=change.new, changed_at=change.at
                        )
                        .on_conflict_do_update(
                            index_elements=[FieldValueRow.case_id, FieldValueRow.key],
                            set_={"value": change.new, "changed_at": change.at},
                        )
                    )
                else:
                    s.execute(
                        delete(FieldValueRow).where(
                            FieldValueRow.case_id == case_id, FieldValueRow.key == change.key
                        )
                    )
            case SetWaiting():
                row = s.get(WaitingRow, (case_id, change.step))
                if not change.waiting:
                    if row is not None:
                        s.delete(row)
                elif row is None:
                    s.add(
                        WaitingRow(
                            case_id=case_id, step=change.step, note=change.note, since=change.at
                        )
                    )
                else:
                    row.note = change.note
            case SetKlikStatus():
                s.add(
                    StatusChangeRow(
                        case_id=case_id, status=change.new.value, at=change.at, reason=change.reason
                    )
                )
            case AddQuestion():
                q = QuestionRow(case_id=case_id, text=change.text, asked_at=change.at, answer="")
                s.add(q)
                s.flush()
                return q.id
            case AnswerQuestion():
                s.execute(
                    update(QuestionRow)
                    .where(QuestionRow.id == change.question_id, QuestionRow.case_id == case_id)
                    .values(answer=change.answer, answered_at=change.at if change.answer else None)
                )
            case DeleteQuestion():
                s.execute(
                    delete(QuestionRow).where(
                        QuestionRow.id == change.question_id, QuestionRow.case_id == case_id
                    )
                )
            case RecordMailSent():
                m = SentMailRow(
                    case_id=case_id,
                    sent_at=change.at,
                    recipient=change.mail.to,
                    subject=change.mail.subject,
                    body=change.mail.body,
                )
                s.add(m)
                s.flush()
                return m.id
            case WithdrawMail():
                s.execute(
                    update(SentMailRow)
                    .where(SentMailRow.id == change.mail_id, SentMailRow.case_id == case_id)
                    .values(withdrawn_at=change.at)
                )
            case EndRolePeriod():
                period = _period_row(
                    case_id, change.role, change.person, change.started_at, change.at
                )
                s.add(period)
                s.execute(
                    delete(FieldValueRow).where(
                        FieldValueRow.case_id == case_id, FieldValueRow.key.in_(change.cleared)
                    )
                )
                s.flush()
                return period.id
        return None

    def add_case(
        self,
        case: Case,
        events: list[Event],
        note: Event,
        *,
        replacing: int | None = None,
    ) -> int:
        """Store a whole case (an import) in one transaction, its history and `note` last;
        the case `replacing` is deleted in the same transaction (all or nothing)."""
        try:
            with self._session() as s, s.begin():
                if replacing is not None:
                    s.execute(delete(CaseRow).where(CaseRow.id == replacing))
                row = CaseRow(
                    task_id=case.task_id,
                    created_at=case.created_at,
                    updated_at=note.at,
                    current_step=case.current_step,
                )
                s.add(row)
                s.flush()
                cid = row.id
                s.add_all(
                    FieldValueRow(case_id=cid, key=k, value=v.value, changed_at=v.changed_at)
                    for k, v in case.values.items()
                )
                s.add_all(
                    WaitingRow(case_id=cid, step=k, note=w.note, since=w.since)
                    for k, w in case.waiting.items()
                )
                s.add_all(
                    StatusChangeRow(case_id=cid, status=c.status.value, at=c.at, reason=c.reason)
                    for c in case.status_history
                )
                s.add_all(
                    QuestionRow(
                        case_id=cid,
                        text=q.text,
                        asked_at=q.asked_at,
                        answer=q.answer,
                        answered_at=q.answered_at,
                    )
                    for q in case.questions
                )
                s.add_all(
                    SentMailRow(
                        case_id=cid,
                        sent_at=m.sent_at,
                        recipient=m.mail.to,
                        subject=m.mail.subject,
                        body=m.mail.body,
                        withdrawn_at=m.withdrawn_at,
                    )
                    for m in case.mails
                )
                s.add_all(
                    _period_row(cid, p.role, p.person, p.started_at, p.ended_at)
                    for p in case.role_history
                )
                s.add_all(_event_row(cid, e) for e in [*events, note])
        except DB_ERRORS as e:
            raise _saving_failed(e) from e
        return cid

    def set_current_step(self, case_id: int, step: str) -> None:
        try:
            with self._session() as s, s.begin():
                s.execute(update(CaseRow).where(CaseRow.id == case_id).values(current_step=step))
        except DB_ERRORS as e:
            raise _saving_failed(e) from e

    def events(self, case_id: int) -> list[Event]:
        with self._session() as s:
            return [
                Event(
                    e.at,
                    EventKind(e.kind),
                    e.step,
                    e.field,
                    e.old,
                    e.new,
                    e.detail,
                    Cause(e.cause),
                )
                for e in s.scalars(
                    select(EventRow).where(EventRow.case_id == case_id).order_by(EventRow.id)
                )
            ]

    # --- settings ------------------------------------------------------------------

    def setting(self, key: str) -> str | None:
        with self._session() as s:
            row = s.get(SettingRow, key)
            return None if row is None else row.value

    def set_setting(self, key: str, value: str) -> None:
        try:
            with self._session() as s, s.begin():
                s.merge(SettingRow(key=key, value=value))
        except DB_ERRORS as e:
            raise _saving_failed(e) from e
