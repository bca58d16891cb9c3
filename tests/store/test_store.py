"""The store without Qt: engine settings, saving and loading, the event log, migrations."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from rolleudpeger.domain.events import Cause, EventKind
from rolleudpeger.domain.taskdef import KlikStatus, TaskDef
from rolleudpeger.editing import CaseEditor
from rolleudpeger.store import migrate
from rolleudpeger.store.files import DB_FILE
from rolleudpeger.store.models import Base
from rolleudpeger.store.repository import Store


def test_connection_settings(store: Store) -> None:
    with store.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_data_folder_is_created(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b"
    s = Store.open(folder)
    try:
        assert (folder / DB_FILE).is_file()
    finally:
        s.close()


def test_every_change_survives_a_reopen(task: TaskDef, data_dir: Path, editor: CaseEditor) -> None:
    e = editor
    e.set_municipality("461")
    e.set_text("leader_first_name", "  Ole  ")
    e.set_text("leader_phone", "12 34 56 78")
    error = e.set_text("leader_email", "ole@")
    assert error is not None
    e.set_check("guide_read", True)
    e.set_waiting("plus_rights", True, "Venter på KOMBIT")
    e.add_question("Hvornår?")
    e.answer_question(e.case.questions[0].id, "I morgen")
    e.add_question("Slettes")
    e.delete_question(e.case.questions[1].id)
    e.set_text("responsible_name", "Ida")
    e.set_text("performer_name", "Ida")
    e.set_klik_status(KlikStatus.STARTED)
    e.set_current_step("appoint")
    before = e.case
    e.store.close()

    reopened = Store.open(data_dir)
    try:
        after = reopened.load_case(before.id)
        assert after == before
        assert after.value("leader_first_name") == "Ole"
        assert after.value("leader_phone") == "+4512345678"
        assert after.value("leader_email") == "ole@"  # kept as typed, not valid yet
        assert after.current_step == "appoint"
        assert after.questions[0].answer == "I morgen" and after.questions[0].answered_at
        assert len(after.questions) == 1
        assert after.klik_status is KlikStatus.STARTED
        assert after.waiting["plus_rights"].note == "Venter på KOMBIT"
    finally:
        reopened.close()


def test_event_log_records_old_and_new(editor: CaseEditor) -> None:
    editor.set_text("leader_first_name", "Ole")
    editor.set_text("leader_first_name", "Ola")
    editor.set_text("leader_first_name", "Ola")  # unchanged: no event
    editor.set_check("guide_read", True)
    editor.set_text("responsible_name", "Ida")
    editor.set_text("performer_name", "Ida")
    editor.set_klik_status(KlikStatus.STARTED)
    events = editor.store.events(editor.case.id)
    fields = [(ev.kind, ev.step, ev.field, ev.old, ev.new) for ev in events]
    assert fields[:3] == [
        (EventKind.FIELD_SET, "appoint", "leader_first_name", "", "Ole"),
        (EventKind.FIELD_SET, "appoint", "leader_first_name", "Ole", "Ola"),
        (EventKind.FIELD_SET, "klik_guide", "guide_read", "", "1"),
    ]
    assert fields[-1] == (EventKind.KLIK_STATUS, "responsible", "", "Ikke påbegyndt", "Påbegyndt")
    assert {ev.cause for ev in events} == {Cause.USER}
    assert all(ev.at.tzinfo is not None for ev in events)
    assert [ev.at for ev in events] == sorted(ev.at for ev in events)


def test_a_failed_write_saves_nothing(editor: CaseEditor, monkeypatch: pytest.MonkeyPatch) -> None:
    """The value and its event row share one transaction."""
    from rolleudpeger.store import repository

    real_row = repository._row

    def broken(part: object, case_id: int, item: object, key: str = "") -> object:
        if part is repository.EVENTS:  # the value is written; then its event fails
            raise sqlite3.OperationalError("database or disk is full")
        return real_row(part, case_id, item, key)  # type: ignore[arg-type]

    monkeypatch.setattr(repository, "_row", broken)
    with pytest.raises(repository.StoreError, match="disken er fuld"):
        editor.set_text("leader_first_name", "Ole")
    assert editor.case.value("leader_first_name") == ""  # the screen does not pretend
    monkeypatch.undo()
    assert editor.store.load_case(editor.case.id).value("leader_first_name") == ""
    assert editor.store.events(editor.case.id) == []


def test_head_constant_matches_the_migrations() -> None:
    script = ScriptDirectory(str(migrate.MIGRATIONS))
    assert script.get_current_head() == migrate.HEAD


def test_migrated_schema_matches_the_models(store: Store) -> None:
    with store.engine.connect() as c:
        diff = compare_metadata(MigrationContext.configure(c), Base.metadata)
    assert diff == []


def test_start_up_is_re_runnable(data_dir: Path) -> None:
    for _ in range(3):
        s = Store.open(data_dir)
        with s.engine.connect() as c:
            assert migrate.current_revision(c) == migrate.HEAD
        s.close()


def test_database_from_a_newer_app_is_refused_and_untouched(data_dir: Path) -> None:
    Store.open(data_dir).close()
    db = data_dir / DB_FILE
    with sqlite3.connect(db) as c:
        c.execute("UPDATE alembic_version SET version_num = '9999'")
    c.close()
    before = db.read_bytes()
    with pytest.raises(migrate.DatabaseTooNewError) as e:
        Store.open(data_dir)
    assert e.value.revision == "9999"
    assert db.read_bytes() == before


def test_settings(store: Store) -> None:
    assert store.setting("x") is None
    store.set_setting("x", "1")
    store.set_setting("x", "2")
    assert store.setting("x") == "2"


def test_store_imports_no_qt() -> None:
    code = (
        "import sys, rolleudpeger.store.repository, rolleudpeger.editing\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "sys.exit(1 if bad else 0)\n"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_normal_start_does_not_import_alembic(data_dir: Path) -> None:
    """Alembic is only loaded when a database needs upgrading (start-up time)."""
    Store.open(data_dir).close()
    code = (
        "import sys; from pathlib import Path; from rolleudpeger.store.repository import Store\n"
        f"Store.open(Path({str(data_dir)!r})).close()\n"
        "sys.exit(1 if 'alembic' in sys.modules else 0)\n"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_text_query_sees_utc(store: Store, editor: CaseEditor) -> None:
    editor.set_text("team", "x")
    with store.engine.connect() as c:
        raw = c.execute(text("SELECT changed_at FROM field_values")).scalar()
    assert raw == "2026-11-27 12:07:00.000000"


def test_a_locked_database_says_so(editor: CaseEditor, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program holds the file: the save fails with a clear reason, nothing half-saved."""
    from rolleudpeger.store import engine as engine_module
    from rolleudpeger.store.repository import StoreError

    editor.set_text("leader_first_name", "Før")
    editor.store.close()
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 100)
    other = sqlite3.connect(editor.store.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="låst af et andet program"):
            editor.set_text("leader_first_name", "Efter")
        assert editor.case.value("leader_first_name") == "Før"
    finally:
        other.execute("ROLLBACK")
        other.close()
    editor.set_text("leader_first_name", "Efter")  # once released, saving works again
    assert editor.store.load_case(editor.case.id).value("leader_first_name") == "Efter"
