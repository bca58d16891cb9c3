"""Upgrading a database written by the previous release: data kept, copy taken first, and
an upgrade that fails half-way leaves the old revision for the next start to finish.

The test builds what the next release will have: a copy of the migrations with one more
revision (in Alembic's batch mode, as SQLite needs). The upgrade of a database made by
0.1.0 itself is tested in tests/store/test_upgrade_from_0_1_0.py.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from rolleudpeger.editing import CaseEditor
from rolleudpeger.resources import load_task
from rolleudpeger.store import backup, migrate, schema
from rolleudpeger.store.files import DB_FILE
from rolleudpeger.store.repository import Store, StoreError

CURRENT = migrate.HEAD  # the fixture below moves migrate.HEAD on to the next revision
NEXT_REVISION = f"{int(CURRENT) + 1:04d}"
NEXT = '''
"""Test revision: cases get a note column."""
import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("note", sa.Text, nullable=False, server_default=""))
    {failure}


def downgrade():
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("note")
'''


@pytest.fixture
def next_release(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, folder)
    monkeypatch.setattr(migrate, "MIGRATIONS", folder)
    monkeypatch.setattr(migrate, "HEAD", NEXT_REVISION)
    # That release's models would have the column too (store/schema.py checks against them).
    tables, indexes = schema._expected()
    with_note = {**tables, "cases": tables["cases"] | {"note"}}
    monkeypatch.setattr(schema, "_expected", lambda: (with_note, indexes))
    return folder / "versions" / f"{NEXT_REVISION}_note.py"


def next_revision(failure: str) -> str:
    return NEXT.format(revision=NEXT_REVISION, down=CURRENT, failure=failure)


def revision_of(db: Path) -> str:
    with sqlite3.connect(db) as c:
        row = c.execute("SELECT version_num FROM alembic_version").fetchone()
    c.close()
    return str(row[0])


def columns(db: Path) -> list[str]:
    with sqlite3.connect(db) as c:
        names = [r[1] for r in c.execute("PRAGMA table_info(cases)")]
    c.close()
    return names


def previous_release_database(data_dir: Path) -> None:
    store = Store.open(data_dir)  # at revision 0001
    editor = CaseEditor.open(load_task(), store)
    editor.set_municipality("851")
    editor.set_text("leader_first_name", "Maja")
    editor.add_question("Hvornår?")
    store.close()


def test_upgrade_keeps_the_data_and_copies_the_file_first(
    data_dir: Path, next_release: Path
) -> None:
    previous_release_database(data_dir)
    next_release.write_text(next_revision("pass"))
    store = Store.open(data_dir)
    try:
        case = store.load_case(store.latest_case_id() or 0)
        assert case.value("leader_first_name") == "Maja"
        assert [q.text for q in case.questions] == ["Hvornår?"]
    finally:
        store.close()
    assert revision_of(data_dir / DB_FILE) == NEXT_REVISION
    assert "note" in columns(data_dir / DB_FILE)
    copies = backup.list_backups(data_dir)
    assert len(copies) == 1 and revision_of(copies[0]) == CURRENT


def test_an_interrupted_upgrade_is_finished_by_the_next_start(
    data_dir: Path, next_release: Path
) -> None:
    previous_release_database(data_dir)
    next_release.write_text(next_revision('raise RuntimeError("strømmen gik")'))
    with pytest.raises(StoreError, match="kunne ikke opdateres"):
        Store.open(data_dir)
    db = data_dir / DB_FILE
    assert revision_of(db) == CURRENT  # rolled back whole: no half-added column
    assert "note" not in columns(db)
    next_release.write_text(next_revision("pass"))
    Store.open(data_dir).close()  # no "duplicate column name"
    assert revision_of(db) == NEXT_REVISION and "note" in columns(db)
