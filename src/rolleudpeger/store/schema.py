"""Is this database the app's own? Its schema is compared with the one the app makes.

A database that someone changed behind the app's back — a table with a copy of the
people, a trigger that rewrites what is saved, a view, an extra column — cannot be trusted:
erasing it would leave personal data in the extra table, and a trigger could make the
mail to KOMBIT differ from what the screen shows. Such a database is treated as damaged
(kept aside, never erased over); see backup.recover_if_damaged and Store.open.
"""

from __future__ import annotations

import sqlite3
from functools import cache

from rolleudpeger.i18n import translate
from rolleudpeger.store.models import Base

ALEMBIC_TABLE = "alembic_version"


class ForeignSchemaError(Exception):
    """The database holds tables, columns, indexes, triggers or views the app did not make."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@cache
def _expected() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """{table: its columns} and the index names, as the current revision has them (the
    models and the migrations agree: tests/store/test_migrations.py)."""
    tables = {t.name: frozenset(c.name for c in t.columns) for t in Base.metadata.tables.values()}
    tables[ALEMBIC_TABLE] = frozenset({"version_num"})
    indexes = frozenset(
        str(i.name) for t in Base.metadata.tables.values() for i in t.indexes if i.name
    )
    return tables, indexes


def problems(db: sqlite3.Connection) -> list[str]:
    """What in the database the app did not make (empty: it is the app's own schema).
    Only for a database at the current revision; an older one is checked once upgraded."""
    tables, indexes = _expected()
    found: list[str] = []
    seen_tables = set()
    for kind, name in db.execute("SELECT type, name FROM sqlite_master ORDER BY rowid"):
        if name.startswith("sqlite_"):
            continue  # SQLite's own: automatic indexes, sqlite_sequence, statistics
        if kind == "table" and name in tables:
            seen_tables.add(name)
            columns = {row[1] for row in db.execute(f'PRAGMA table_info("{name}")')}
            for extra in sorted(columns - tables[name]):
                found.append(
                    translate("Schema", "kolonnen »{column}« i tabellen »{table}«").format(
                        column=extra, table=name
                    )
                )
        elif kind == "index" and name in indexes:
            continue
        else:
            words = {
                "table": translate("Schema", "tabellen »{name}«"),
                "index": translate("Schema", "indekset »{name}«"),
                "trigger": translate("Schema", "triggeren »{name}«"),
                "view": translate("Schema", "viewet »{name}«"),
            }
            found.append(words.get(kind, "{name}").format(name=name))
    for missing in sorted(set(tables) - seen_tables):
        found.append(translate("Schema", "tabellen »{name}« mangler").format(name=missing))
    return found
