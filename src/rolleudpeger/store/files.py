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
