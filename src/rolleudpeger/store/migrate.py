"""Brings any database to the current schema revision with Alembic.

Alembic is imported only when the database is not at the current revision, so a normal
start does not pay for it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

HEAD = "0004"  # the newest revision in migrations/versions; a test keeps the two in step
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class DatabaseTooNewError(Exception):
    """The database was written by a newer version of the app; it is left untouched."""

    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def _alembic_config(connection: Connection):  # type: ignore[no-untyped-def]
    from alembic.config import Config  # noqa: PLC0415 - late: startup.py

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory  # noqa: PLC0415 - late: startup.py

    script = ScriptDirectory(str(MIGRATIONS))
    return {rev.revision for rev in script.walk_revisions()}


def upgrade(engine: Engine, before: Callable[[], object] | None = None) -> bool:
    """Upgrade to HEAD; `before` runs first when an existing database is to be changed.
    The upgrade is one transaction: killed half-way, it leaves the old revision, and the
    next start simply runs it again. Returns True when anything was done."""
    with engine.connect() as connection:
        revision = current_revision(connection)
    if revision == HEAD:
        return False
    if revision is not None and revision not in known_revisions():
        raise DatabaseTooNewError(revision)
    if revision is not None and before is not None:
        before()
    from alembic import command  # noqa: PLC0415 - late: startup.py

    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "head")
    return True
