"""The app's log: a small rotating file, and a hook that logs unexpected errors.

The log holds what went wrong, not what the user typed: tracebacks without local values.
It lives in platformdirs' user log folder, or in `logs/` of the data folder when that was
chosen with --data-dir or ROLLEUDPEGER_DATA_DIR (so a moved case keeps its log with it).
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
from pathlib import Path

from rolleudpeger import APP_NAME
from rolleudpeger.config import DATA_DIR_ENV
from rolleudpeger.store.files import is_link, open_private_append, real_folder

LOG_FILE = "rolleudpeger.log"
MAX_BYTES = 256 * 1024
KEEP = 3

log = logging.getLogger("rolleudpeger")


def log_dir(data_dir: Path, data_dir_chosen: bool) -> Path:
    if data_dir_chosen or os.environ.get(DATA_DIR_ENV):
        return data_dir / "logs"
    from platformdirs import user_log_dir  # noqa: PLC0415 - late: startup.py

    return Path(user_log_dir(APP_NAME, appauthor=False))


class _PrivateFileHandler(logging.handlers.RotatingFileHandler):
    """Rotating, owner-only, and never writing through a link."""

    def _open(self) -> io.TextIOWrapper:
        fd = open_private_append(Path(self.baseFilename))
        return open(fd, "a", encoding=self.encoding, errors=self.errors)


def setup(folder: Path) -> Path:
    """Log to a rotating file in the folder; returns the file. Safe to call again.

    A `logs` folder that is a link is refused (LinkedPathError); a log file that is a link
    is removed (only the link: what it points at is not the app's to touch)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    real_folder(folder, create=True)
    path = folder / LOG_FILE
    if is_link(path):
        path.unlink()
    for handler in list(log.handlers):
        log.removeHandler(handler)
        handler.close()
    handler = _PrivateFileHandler(path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    return path


def folder() -> Path | None:
    """The folder of the log being written, if any."""
    for handler in log.handlers:
        if isinstance(handler, logging.FileHandler):
            return Path(handler.baseFilename).parent
    return None


def log_files(folder: Path) -> list[Path]:
    """The log and its rotated copies (links among them too: erasing removes the link)."""
    if is_link(folder) or not folder.is_dir():
        return []
    return sorted(folder.glob(LOG_FILE + "*"))


def close() -> None:
    for handler in list(log.handlers):
        log.removeHandler(handler)
        handler.close()
