"""Where the data lives: --data-dir, then ROLLEUDPEGER_DATA_DIR, then the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

from rolleudpeger import APP_NAME
from rolleudpeger.i18n import translate

DATA_DIR_ENV = "ROLLEUDPEGER_DATA_DIR"


class DataDirError(ValueError):
    """The folder asked for cannot be a data folder; the message says why and what to do."""


def default_data_dir() -> Path:
    from platformdirs import user_data_dir  # noqa: PLC0415 - late: startup.py

    # Not roaming: a roaming profile lives on a network share, and SQLite's WAL mode needs
    # shared memory that network file systems do not give.
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def resolve_data_dir(cli_value: str | None) -> Path:
    """The data folder. An empty --data-dir is refused (it would silently have meant the
    user's own folder), as is a name that is not valid text: bytes that are not UTF-8 on
    Linux cannot be shown, logged or named for the single-instance lock."""
    if cli_value is not None:
        if not cli_value.strip():
            raise DataDirError(
                translate("Config", "--data-dir er tom. Skriv mappens navn efter --data-dir.")
            )
        return _checked(Path(cli_value).expanduser())
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return _checked(Path(env).expanduser())
    return default_data_dir()


def _checked(folder: Path) -> Path:
    try:
        str(folder).encode("utf-8")
    except UnicodeEncodeError:
        raise DataDirError(
            translate(
                "Config",
                "Mappenavnet {name} indeholder tegn, der ikke er gyldig tekst (UTF-8). "
                "Vælg en mappe med et andet navn.",
            ).format(name=ascii(str(folder)))
        ) from None
    return folder
