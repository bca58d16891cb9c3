"""Where the data lives: --data-dir, then ROLLEUDPEGER_DATA_DIR, then the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

from rolleudpeger import APP_NAME

DATA_DIR_ENV = "ROLLEUDPEGER_DATA_DIR"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir  # noqa: PLC0415 - only needed without an override

    # Not roaming: WAL does not work on network file systems (PITFALLS).
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def resolve_data_dir(cli_value: str | None) -> Path:
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return default_data_dir()
