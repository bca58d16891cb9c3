"""The store: loads a case and saves each change in its own transaction, with its event
(domain/events.py) as a row of data."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from rolleudpeger.domain.case import Case, Change, Edit, Remove
from rolleudpeger.domain.events import Event, events_of
from rolleudpeger.domain.parts import CASE_PARTS, EVENTS, Part
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
    Base,
    CaseRow,
    EventRow,
    FieldValueRow,
    QuestionRow,
    RolePeriodRow,
    SentMailRow,
    SettingRow,
    StatusChangeRow,
    TakeoverRow,
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


# Each part of the case (domain/parts.py) has its table; the columns agree (tested, and
# checked below when this module is imported).
MODELS: dict[str, type[Base]] = {
    "values": FieldValueRow,
    "waiting": WaitingRow,
    "status_history": StatusChangeRow,
    "questions": QuestionRow,
    "mails": SentMailRow,
    "role_history": RolePeriodRow,
    "takeovers": TakeoverRow,
    "events": EventRow,
}


def _columns_agree() -> list[str]:
    """Where a part and its table disagree (a part without a table, a column without a
    place): empty when they agree."""
    problems = []
    for part in (*CASE_PARTS.values(), EVENTS):
        model = MODELS.get(part.name)
        if model is None:
            problems.append(f"{part.name}: no table")
            continue
        table = {c.name for c in model.__table__.columns} - {"case_id", "id", part.key}
        described = {c.column for c in part.columns}
        if table != described:
            problems.append(f"{part.name}: table {sorted(table)}, described {sorted(described)}")
    return problems


if _disagree := _columns_agree():  # pragma: no cover - a developer's mistake
    raise ImportError(f"store/repository.py: parts and tables differ: {_disagree}")


def _values(part: Part, item: Any) -> dict[str, Any]:
    """An item's columns as its table names them."""
    record = part.to_record(item)
    return {c.column: record[c.name] for c in part.columns}


def _row(part: Part, case_id: int, item: Any, key: str = "") -> Base:
    keyed = {part.key: key} if part.keyed else {}
    return MODELS[part.name](case_id=case_id, **keyed, **_values(part, item))


def _item(part: Part, row: Any) -> Any:
    record = {c.name: getattr(row, c.column) for c in part.columns}
    if not part.keyed:
        record["id"] = row.id
    return part.from_record(record)


def _load(s: Session, part: Part, case_id: int) -> Any:
    """One part of a case: a dict by key, or a list in the order the rows were made."""
    model: Any = MODELS[part.name]
    if part.keyed:
        rows = s.scalars(select(model).where(model.case_id == case_id))
        return {getattr(r, part.key): _item(part, r) for r in rows}
    rows = s.scalars(select(model).where(model.case_id == case_id).order_by(model.id))
    return [_item(part, r) for r in rows]


def _write_edit(s: Session, case_id: int, edit: Edit) -> int | None:
    """One edit of a part, as its table takes it; the id of a new row."""
    part = CASE_PARTS[edit.part]
    model: Any = MODELS[edit.part]
    if isinstance(edit, Remove):
        which = getattr(model, part.key) if part.keyed else model.id
        s.execute(delete(model).where(model.case_id == case_id, which == edit.key))
        return None
    values = _values(part, edit.item)
    if part.keyed:  # one statement (merge() would read the row first)
        s.execute(
            sqlite_insert(model)
            .values(case_id=case_id, **{part.key: edit.key}, **values)
            .on_conflict_do_update(
                index_elements=[model.case_id, getattr(model, part.key)], set_=values
            )
        )
        return None
    if getattr(edit.item, "id", 0) == 0:  # a new row (the KLIK status history: always)
        row: Any = _row(part, case_id, edit.item)
        s.add(row)
        s.flush()
        return int(row.id)
    s.execute(
        update(model).where(model.id == edit.item.id, model.case_id == case_id).values(**values)
    )
    return None


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
            for name, part in CASE_PARTS.items():
                setattr(case, name, _load(s, part, case_id))
        return case

    def apply(self, case_id: int, change: Change, edits: list[Edit]) -> int | None:
        """Save one change — its edits of the case's parts (`case.edits_of`) — and its
        event rows (its own and its consequences') in one transaction; return a new row's
        id."""
        new_id = None
        try:
            with self._session() as s, s.begin():
                for edit in edits:
                    new_id = _write_edit(s, case_id, edit) or new_id
                s.add_all(_row(EVENTS, case_id, e) for e in events_of(change))
                s.execute(update(CaseRow).where(CaseRow.id == case_id).values(updated_at=change.at))
        except DB_ERRORS as e:
            raise _saving_failed(e) from e
        return new_id

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
                for name, part in CASE_PARTS.items():
                    items = getattr(case, name)
                    if part.keyed:
                        s.add_all(_row(part, cid, item, key) for key, item in items.items())
                    else:
                        s.add_all(_row(part, cid, item) for item in items)
                s.add_all(_row(EVENTS, cid, e) for e in [*events, note])
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
            return list(_load(s, EVENTS, case_id))

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
