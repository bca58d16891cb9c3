"""The app's log: a small rotating file, and a hook that logs unexpected errors.

The log holds what went wrong, not what the user typed: tracebacks without local values.
It lives in platformdirs' user log folder, or in `logs/` of the data folder when that was
chosen with --data-dir or ROLLEUDPEGER_DATA_DIR (so a moved case keeps its log with it).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from rolleudpeger import APP_NAME
from rolleudpeger.config import DATA_DIR_ENV
from rolleudpeger.store.files import PRIVATE_DIR

LOG_FILE = "rolleudpeger.log"
MAX_BYTES = 256 * 1024
KEEP = 3

log = logging.getLogger("rolleudpeger")


def log_dir(data_dir: Path, data_dir_chosen: bool) -> Path:
    if data_dir_chosen or os.environ.get(DATA_DIR_ENV):
        return data_dir / "logs"
    from platformdirs import user_log_dir  # noqa: PLC0415

    return Path(user_log_dir(APP_NAME, appauthor=False))


def setup(folder: Path) -> Path:
    """Log to a rotating file in the folder; returns the file. Safe to call again."""
    folder.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    path = folder / LOG_FILE
    for handler in list(log.handlers):
        log.removeHandler(handler)
        handler.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    if path.exists():
        path.chmod(0o600)
    return path


def log_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(LOG_FILE + "*")) if folder.is_dir() else []


def close() -> None:
    for handler in list(log.handlers):
        log.removeHandler(handler)
        handler.close()
