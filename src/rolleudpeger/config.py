"""Where the data lives: --data-dir, then ROLLEUDPEGER_DATA_DIR, then the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

from rolleudpeger import APP_NAME
from rolleudpeger.i18n import translate
from rolleudpeger.store import files

DATA_DIR_ENV = "ROLLEUDPEGER_DATA_DIR"
# The longest path SQLite opens (its Unix layer: 512 bytes; Windows: MAX_PATH, 260
# characters with the NUL) less room for the longest name the app makes inside the folder
# (`backups/.rolleudpeger-<time>-nr<n>.sqlite3.partial-journal`).
ROOM_INSIDE = 100


def max_folder() -> int:
    """The longest data folder path: characters on Windows, bytes elsewhere."""
    return (259 if files.WINDOWS else 511) - ROOM_INSIDE


class DataDirError(ValueError):
    """The folder asked for cannot be a data folder; the message says why and what to do."""


def default_data_dir() -> Path:
    from platformdirs import user_data_dir  # noqa: PLC0415 - late: startup.py

    # Not roaming: a roaming profile lives on a network share, and SQLite's WAL mode needs
    # shared memory that network file systems do not give.
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def resolve_data_dir(cli_value: str | None) -> Path:
    """The data folder. An empty --data-dir (or one of spaces only, in the option or the
    environment variable) is refused — it would silently have meant the user's own folder,
    or a folder named by spaces — as is a name that is not valid text (bytes that are not
    UTF-8 on Linux cannot be shown, logged or named for the single-instance lock), a `~user`
    that names no user, and a path too long for SQLite to open."""
    if cli_value is not None:
        if not cli_value.strip():
            raise DataDirError(
                translate("Config", "--data-dir er tom. Skriv mappens navn efter --data-dir.")
            )
        return _checked(cli_value, "--data-dir")
    env = os.environ.get(DATA_DIR_ENV)
    if env is not None and env != "":
        if not env.strip():
            raise DataDirError(
                translate(
                    "Config",
                    "{variable} består kun af mellemrum. Skriv mappens navn, eller fjern "
                    "variablen.",
                ).format(variable=DATA_DIR_ENV)
            )
        return _checked(env, DATA_DIR_ENV)
    return default_data_dir()


def _expanded(value: str) -> Path:
    try:
        return Path(value).expanduser()
    except RuntimeError:  # `~name` with no user of that name (or no home at all)
        user = value.split("/", 1)[0].split("\\", 1)[0]
        raise DataDirError(
            translate(
                "Config",
                "{name} kan ikke findes: der er ingen bruger »{user}« på denne pc. Skriv hele "
                "stien til mappen.",
            ).format(name=value, user=user.removeprefix("~"))
        ) from None


def _checked(value: str, source: str) -> Path:
    if value != value.strip():  # "/data " makes a second folder beside "/data", silently
        raise DataDirError(
            translate(
                "Config",
                "{source}: mappenavnet »{name}« begynder eller slutter med et mellemrum. Skriv "
                "det uden.",
            ).format(source=source, name=value)
        )
    folder = _expanded(value)
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
    if problem := path_problem(folder):
        raise DataDirError(
            translate(
                "Config",
                "{source}: mappen {folder} kan ikke bruges: {reason}. Vælg en anden mappe.",
            ).format(source=source, folder=folder, reason=problem)
        )
    return folder


def path_problem(folder: Path) -> str | None:
    """Why a folder cannot hold the data because of its path alone, as a short reason
    ("stien er for lang …"); None when it can."""
    absolute = os.path.abspath(folder)
    size = len(absolute) if files.WINDOWS else len(os.fsencode(absolute))
    if size > max_folder():
        return translate(
            "Config", "stien er for lang til databasen ({n} tegn; højst {max})"
        ).format(n=size, max=max_folder())
    return None
