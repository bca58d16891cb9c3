"""The files of a data folder and how they are created (private to the user on POSIX)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

DB_FILE = "rolleudpeger.sqlite3"
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def create_private(path: Path) -> None:
    """Create an empty file readable by its owner only, unless it exists. SQLite gives its
    -wal and -shm files the same mode as the database."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE))


def write_private_text(path: Path, text: str) -> None:
    """Write a file that may hold personal data: owner-only, complete or not at all."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.unlink(missing_ok=True)
    create_private(tmp)
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
