"""The SQLite engine: foreign keys, WAL, real transactions on Python 3.11.

In its legacy mode (the only one before Python 3.12's `autocommit`) the sqlite3 driver
begins a transaction by itself, and only before INSERT, UPDATE, DELETE and REPLACE: a
read before a write falls outside it. With `isolation_level = None` the driver leaves
that to us, and each SQLAlchemy transaction sends its own BEGIN."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.pool import StaticPool

BUSY_TIMEOUT_MS = 5000


def make_engine(db_path: Path, *, read_only: bool = False) -> Engine:
    """The engine for a database file; `read_only` opens a snapshot (a backup) without
    creating or changing any file."""
    if read_only:
        # From Path.as_uri, so that #, % and ? in a folder name stay part of the name.
        uri = f"{db_path.absolute().as_uri()}?mode=ro&immutable=1"
        return create_engine(
            "sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)
        )
    engine = create_engine(URL.create("sqlite", database=str(db_path)))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # The driver's legacy mode would skip BEGIN before some statements; we send our own.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


def make_memory_engine(connection: sqlite3.Connection) -> Engine:
    """An engine over one in-memory database (a copy to read, upgrade and report on)."""
    engine = create_engine("sqlite://", creator=lambda: connection, poolclass=StaticPool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine
