"""Files the user names — a report, an exported case, a mail draft, a calendar file — and the
one rule for them: the app never writes over a file of its data folder, nor over any SQLite
database, however the name reaches it (a relative path, `..`, a link, a hard link, another
case of the same name on Windows). Such a name is refused before anything is written; the
file stays byte for byte as it was.

`save_user_file` is the one way such a file is written (the menu's operations and the
`report` command alike); it adds the suffix when the name has none.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from rolleudpeger.i18n import translate
from rolleudpeger.store import files

SQLITE_HEADER = b"SQLite format 3\x00"
# SQLite's own files next to a database hold its latest or undone changes, without the
# database's header: a write-ahead log and a rollback journal start with these.
SQLITE_MAGICS = (
    SQLITE_HEADER,
    b"\x37\x7f\x06\x82",
    b"\x37\x7f\x06\x83",
    b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7",
)
# Windows opens these names as devices (NUL swallows the file, CON prints it), with or
# without an extension, and silently drops a trailing dot or space from a name.
WINDOWS_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{i}" for i in range(1, 10)}
    | {f"LPT{i}" for i in range(1, 10)}
)
WINDOWS_MAX_PATH = 259  # MAX_PATH (260) less the terminating NUL


class RefusedTargetError(Exception):
    """A file name the app will not write to; the message says why and what to do."""


def with_suffix(name: str, suffix: str) -> Path:
    """`rapport` → `rapport.pdf`; a name that already ends in the suffix (any case) stays.
    Dots and spaces at the end of the name go first (`rapport.pdf.` → `rapport.pdf`), as
    Windows would drop them anyway, silently, perhaps onto another file."""
    path = Path(name)
    trimmed = path.name.rstrip(". ")
    if trimmed and trimmed != path.name:
        path = path.with_name(trimmed)
    text = str(path)
    return Path(text if text.lower().endswith(suffix.lower()) else text + suffix)


def _is_within(path: Path, folder: Path) -> bool:
    """Whether `path` (resolved) lies in `folder`, comparing the files themselves: a
    differently cased name, a link or a second mount of the same folder is no way out."""
    try:
        home = os.stat(folder)
    except OSError:
        return False
    for ancestor in (path, *path.parents):
        try:
            st = os.stat(ancestor)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == (home.st_dev, home.st_ino):
            return True
    return False


def _linked_into(st: os.stat_result, folder: Path) -> bool:
    """Whether a file with other names (hard links) is one of the folder's own files."""
    if st.st_nlink < 2 or files.is_link(folder) or not folder.is_dir():
        return False
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not files.is_link(Path(root) / d)]
        for name in names:
            try:
                other = os.lstat(Path(root) / name)
            except OSError:
                continue
            if (other.st_dev, other.st_ino) == (st.st_dev, st.st_ino):
                return True
    return False


def _is_database(path: Path) -> bool:
    """A SQLite database, or a file of SQLite's next to one: it starts as a database, a
    write-ahead log or a rollback journal does, or it is named as SQLite names its files
    (`-wal`, `-shm`, `-journal`) next to a database (read without blocking)."""
    try:
        start = files.read_limited(path, 16)
    except OSError:
        start = b""
    if start.startswith(SQLITE_MAGICS):
        return True
    for side in files.SIDE_FILES:
        if path.name.endswith(side) and path.name != side:
            base = path.with_name(path.name.removesuffix(side))
            if base.is_file() and _is_database(base):
                return True
    return False


def _windows_name_problem(path: Path) -> str | None:
    name = path.name
    if name.split(".", 1)[0].rstrip(" ").upper() in WINDOWS_DEVICES:
        return translate(
            "Targets", "»{name}« er et navn, Windows bruger til en enhed. Vælg et andet navn."
        ).format(name=name)
    if name.endswith((".", " ")):
        return translate(
            "Targets", "»{name}« slutter med et punktum eller et mellemrum. Vælg et andet navn."
        ).format(name=name)
    if len(str(path)) > WINDOWS_MAX_PATH:
        return translate(
            "Targets",
            "Stien {file} er for lang ({n} tegn; Windows tillader højst {max}). Vælg en mappe "
            "med en kortere sti.",
        ).format(file=path, n=len(str(path)), max=WINDOWS_MAX_PATH)
    return None


def check_target(name: Path, protected: Iterable[Path]) -> Path:
    """The absolute path to write `name` to, or RefusedTargetError saying why not.
    `protected`: the data folder and the log folder."""
    # The folder as the system finds it (a link in it followed, then ".."), not as the text
    # reads: "link/../x" is where the link's target's parent is.
    typed = name.expanduser()
    path = Path(os.path.realpath(typed.parent)) / typed.name
    if files.WINDOWS and (problem := _windows_name_problem(path)):
        raise RefusedTargetError(problem)
    real = Path(os.path.realpath(path))
    try:
        st: os.stat_result | None = os.stat(path)
    except OSError:
        st = None  # a new file (or one that cannot be read: told when writing)
    for folder in protected:
        inside = _is_within(real, folder) or _is_within(real.parent, folder)
        if inside or (st is not None and _linked_into(st, folder)):
            raise RefusedTargetError(
                translate(
                    "Targets",
                    "{file} er en af Rolleudpegers egne filer i datamappen {folder}. Gem filen "
                    "et andet sted, fx i Dokumenter.",
                ).format(file=path, folder=folder)
            )
    if st is None:
        return path
    if not stat.S_ISREG(st.st_mode):
        raise RefusedTargetError(
            translate("Targets", "{file} er ikke en almindelig fil. Vælg et andet navn.").format(
                file=path
            )
        )
    if _is_database(path):
        raise RefusedTargetError(
            translate(
                "Targets",
                "{file} er en database. Rolleudpeger skriver aldrig over en database. "
                "Vælg et andet navn.",
            ).format(file=path)
        )
    return path


def save_user_file(name: Path, data: bytes, protected: Iterable[Path]) -> Path:
    """Check the name (RefusedTargetError), then write the file whole and private
    (OSError when it cannot be written). Returns the path written."""
    path = check_target(name, list(protected))
    files.write_private_bytes(path, data)
    return path
